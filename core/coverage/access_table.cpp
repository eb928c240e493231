#include "coverage/access_table.h"

#include "common/atomic_file.h"
#include "common/error.h"
#include "coverage/population.h"
#include "coverage/travel_engine.h"
#include "geo/territory.h"
#include "store/kinds.h"

#include <QFile>
#include <QHash>
#include <QSet>
#include <QTextStream>

#include <algorithm>
#include <cmath>

namespace maillage {

namespace {

QString csvField(const QString& text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

}  // namespace

std::vector<AccessOrigin> communeOrigins(const Territory& territory, const TownHalls& townHalls)
{
    std::vector<AccessOrigin> origins;
    for (std::size_t c = 0; c < territory.communes.size(); ++c)
        origins.push_back({territory.communes[c].insee, territory.communes[c].name, townHalls.positions[c]});
    return origins;
}

std::vector<AccessOrigin> epciSeatOrigins(const Territory& territory, const TownHalls& townHalls)
{
    QHash<QString, std::size_t> seat;  // EPCI SIREN -> most populous commune
    for (std::size_t c = 0; c < territory.communes.size(); ++c) {
        const Commune& commune = territory.communes[c];
        if (commune.epciSiren.isEmpty()) continue;
        const auto found = seat.constFind(commune.epciSiren);
        if (found == seat.constEnd() || territory.communes[*found].population < commune.population)
            seat.insert(commune.epciSiren, c);
    }
    std::vector<AccessOrigin> origins;
    for (const Epci& epci : territory.epcis) {
        const auto found = seat.constFind(epci.siren);
        if (found == seat.constEnd()) continue;
        const Commune& commune = territory.communes[*found];
        origins.push_back({epci.siren, QStringLiteral("%1 (%2)").arg(epci.name, commune.name), townHalls.positions[*found]});
    }
    return origins;
}

std::vector<AccessOrigin> pointOrigins(std::span<const AccueilPoint> points)
{
    std::vector<AccessOrigin> origins;
    for (const AccueilPoint& point : points) origins.push_back({QString::number(point.id), point.name, point.lambert93});
    return origins;
}

std::vector<AccessColumn> defaultAccessColumns(std::span<const AccueilPoint> points)
{
    QSet<QString> present;
    for (const AccueilPoint& point : points) {
        if (point.status == PointStatus::Closed) continue;
        for (const QString& served : point.serves) present.insert(served);
        if (point.level != Level::First && !isVisioKind(point.kind)) present.insert(point.kind);
    }
    std::vector<AccessColumn> columns;
    for (int level = 2; level <= 3; ++level) {
        int franceServices = -1;  // the merged column, where the first France services kind stands
        for (const KindInfo& kind : kindReferential()) {
            if (int(kind.defaultLevel) != level || !present.contains(kind.code)) continue;
            if (kind.group == QLatin1String("france_services")) {
                if (franceServices < 0) {
                    franceServices = int(columns.size());
                    columns.push_back({QStringLiteral("France services"), {}});
                }
                columns[std::size_t(franceServices)].kinds << kind.code;
            } else {
                columns.push_back({kind.labelFr, {kind.code}, isOperatorKind(kind.code)});
            }
        }
    }
    // Kinds outside the referential (or of level 1 there), at the end, in code order.
    QStringList others;
    for (const QString& code : present) {
        const KindInfo* kind = findKind(code);
        if (!kind || kind->defaultLevel == Level::First) others << code;
    }
    others.sort();
    for (const QString& code : others) columns.push_back({code, {code}});
    return columns;
}

namespace {

// Fills cells[row][column] with the nearest of `targets` from each origin, minutes and km.
void fillNearest(const TravelEngine& engine, const std::vector<AccessLink>& originLinks,
                 const std::vector<const AccueilPoint*>& candidates, std::size_t column,
                 std::vector<std::vector<AccessCell>>& cells)
{
    std::vector<const AccueilPoint*> targets;
    std::vector<AccessLink> targetLinks;
    for (const AccueilPoint* point : candidates) {
        const AccessLink link = engine.link(point->lambert93);
        if (!link.joined()) continue;
        targets.push_back(point);
        targetLinks.push_back(link);
    }
    if (targets.empty()) return;
    // Read at the origins only: the search may stop once they are settled.
    const std::vector<NearestRoute> routes = engine.nearestRoutes(targetLinks, originLinks);
    for (std::size_t row = 0; row < originLinks.size(); ++row) {
        const NearestRoute& route = routes[row];
        if (!route.reached()) continue;
        AccessCell& cell = cells[row][column];
        cell.reachable = true;
        cell.pointId = targets[route.seed]->id;
        cell.pointName = targets[route.seed]->name;
        cell.minutes = route.minutes;
        cell.km = route.metres / 1000.0;
    }
}

QStringList cellText(const AccessCell& cell)
{
    if (!cell.reachable) return {QString(), QString(), QString()};
    return {cell.pointName, QString::number(cell.km, 'f', 1), QString::number(cell.minutes, 'f', 1)};
}

}  // namespace

AccessTable computeAccessTable(const TravelEngine& engine, std::vector<AccessOrigin> origins,
                               std::vector<AccessColumn> columns, std::span<const AccueilPoint> points)
{
    AccessTable table;
    table.origins = std::move(origins);
    table.columns = std::move(columns);
    table.cells.assign(table.origins.size(), std::vector<AccessCell>(table.columns.size()));
    table.visioCells = table.cells;

    std::vector<AccessLink> originLinks;
    originLinks.reserve(table.origins.size());
    for (const AccessOrigin& origin : table.origins) originLinks.push_back(engine.link(origin.position));

    for (std::size_t column = 0; column < table.columns.size(); ++column) {
        const QStringList& kinds = table.columns[column].kinds;
        std::vector<const AccueilPoint*> desks, visio;
        for (const AccueilPoint& point : points) {
            if (point.status == PointStatus::Closed) continue;
            if (kinds.contains(point.kind) && !isVisioKind(point.kind)) desks.push_back(&point);
            if (std::any_of(point.serves.begin(), point.serves.end(), [&](const QString& k) { return kinds.contains(k); }))
                visio.push_back(&point);
        }
        fillNearest(engine, originLinks, desks, column, table.cells);
        if (table.columns[column].visio) fillNearest(engine, originLinks, visio, column, table.visioCells);
    }
    return table;
}

AccessTableText accessTableText(const AccessTable& table)
{
    AccessTableText text;
    text.header = {QStringLiteral("code"), QStringLiteral("origin")};
    text.numeric = {false, false};
    for (const AccessColumn& column : table.columns) {
        text.header << column.label + QStringLiteral(" - name") << column.label + QStringLiteral(" - km")
                    << column.label + QStringLiteral(" - min");
        text.numeric.insert(text.numeric.end(), {false, true, true});
        if (!column.visio) continue;
        text.header << column.label + QStringLiteral(" - visio name") << column.label + QStringLiteral(" - visio km")
                    << column.label + QStringLiteral(" - visio min");
        text.numeric.insert(text.numeric.end(), {false, true, true});
    }
    for (std::size_t row = 0; row < table.origins.size(); ++row) {
        QStringList fields{table.origins[row].code, table.origins[row].name};
        for (std::size_t column = 0; column < table.columns.size(); ++column) {
            fields << cellText(table.cells[row][column]);
            if (table.columns[column].visio) fields << cellText(table.visioCells[row][column]);
        }
        text.rows.push_back(fields);
    }
    return text;
}

void writeAccessTableCsv(const AccessTable& table, const QString& path)
{
    QString csv;
    QTextStream stream(&csv);
    auto writeLine = [&stream](const QStringList& cells) {
        QStringList escaped;
        for (const QString& cell : cells) escaped << csvField(cell);
        stream << escaped.join(QLatin1Char(',')) << '\n';
    };
    const AccessTableText text = accessTableText(table);
    writeLine(text.header);
    for (const QStringList& row : text.rows) writeLine(row);
    stream.flush();
    writeFileAtomically(path, csv.toUtf8());
}

}  // namespace maillage
