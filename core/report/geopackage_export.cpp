#include "report/geopackage_export.h"

#include "common/atomic_file.h"

#include "report/gpkg_layer_writer.h"
#include "report/qgis_layer_styles.h"

#include "common/error.h"
#include "coverage/access_table.h"
#include "coverage/coverage_run.h"
#include "coverage/mem_raster.h"
#include "coverage/population_sensitivity.h"
#include "coverage/referral.h"
#include "geo/territory.h"
#include "io/ogr_source.h"
#include "store/kinds.h"

#include <QDir>
#include <QDomDocument>
#include <QFileInfo>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <array>
#include <cmath>
#include <initializer_list>

namespace maillage {

namespace {

QString minutesText(double minutes) { return QString::number(minutes, 'g', 6); }

// ---------------------------------------------------------------------------------------
// Layers

void writeCommunes(GDALDataset& dataset, const QString& path, const CoverageExport& data)
{
    const Territory& territory = data.context->territory();
    const double threshold = data.result->options.thresholdMinutes;
    using Row = CommuneCoverage;
    RowWriter<Row> layer(
        dataset, path, gpkg_layers::communes, wkbMultiPolygon, QStringLiteral("Communes"),
        QStringLiteral("Communes with the time from their town hall and the population beyond %1 min").arg(threshold),
        {
            textColumn<Row>("insee", QStringLiteral("Code INSEE"), &Row::insee),
            textColumn<Row>("name", QStringLiteral("Commune"), &Row::name),
            textColumn<Row>("epci_siren", QStringLiteral("SIREN de l'EPCI"), &Row::epciSiren),
            textColumn<Row>("epci_name", QStringLiteral("EPCI"),
                            [&territory](const Row& c) {
                                const Epci* epci = territory.epci(c.epciSiren);
                                return epci ? epci->name : QString();
                            }),
            intColumn<Row>("population", OFTInteger64, QStringLiteral("Population"), &Row::population),
            realColumn<Row>("town_hall_minutes", QStringLiteral("Temps depuis la mairie (min)"), 2, &Row::townHallMinutes),
            boolColumn<Row>("town_hall_known", QStringLiteral("Mairie localisée"), &Row::townHallKnown),
            boolColumn<Row>("town_hall_beyond", QStringLiteral("Mairie au-delà du seuil"), &Row::townHallBeyond),
            realColumn<Row>("beyond_town_hall", QStringLiteral("Population au-delà (mairie)"), 1, &Row::beyondAtTownHall),
            realColumn<Row>("beyond_spread", QStringLiteral("Population au-delà (répartie)"), 1, &Row::beyondSpread),
            realColumn<Row>("share_beyond", QStringLiteral("Part au-delà (répartie)"), 4,
                            [](const Row& c) { return c.population > 0 ? c.beyondSpread / double(c.population) : 0.0; }),
            intColumn<Row>("cells", OFTInteger, QStringLiteral("Cellules"), &Row::cells),
            intColumn<Row>("cells_beyond", OFTInteger, QStringLiteral("Cellules au-delà"), &Row::cellsBeyond),
            realColumn<Row>("max_minutes", QStringLiteral("Temps maximal (min)"), 2, &Row::maxCellMinutes),
            realColumn<Row>("mean_minutes", QStringLiteral("Temps moyen (min)"), 2, &Row::meanCellMinutes),
        });
    for (const CommuneCoverage& c : data.result->population.communes) {
        const Commune& commune = territory.communes[std::size_t(c.commune)];
        layer.write(c, asMultiPolygon(commune.geometry.get()).get());
    }
}

void writeEpcis(GDALDataset& dataset, const QString& path, const CoverageExport& data)
{
    const Territory& territory = data.context->territory();
    using Row = AreaCoverage;
    RowWriter<Row> layer(
        dataset, path, gpkg_layers::epci, wkbMultiPolygon, QStringLiteral("EPCI"),
        QStringLiteral("EPCI (their part in the territory) with the population beyond the threshold"),
        {
            textColumn<Row>("siren", QStringLiteral("SIREN"), &Row::code),
            textColumn<Row>("name", QStringLiteral("EPCI"), &Row::name),
            intColumn<Row>("population", OFTInteger64, QStringLiteral("Population"), &Row::population),
            intColumn<Row>("communes", OFTInteger, QStringLiteral("Communes"), &Row::communes),
            intColumn<Row>("communes_town_hall_beyond", OFTInteger, QStringLiteral("Communes dont la mairie est au-delà"),
                           &Row::communesTownHallBeyond),
            realColumn<Row>("beyond_town_hall", QStringLiteral("Population au-delà (mairie)"), 1, &Row::beyondAtTownHall),
            realColumn<Row>("beyond_spread", QStringLiteral("Population au-delà (répartie)"), 1, &Row::beyondSpread),
            realColumn<Row>("share_town_hall", QStringLiteral("Part au-delà (mairie)"), 4, &Row::shareAtTownHall),
            realColumn<Row>("share_spread", QStringLiteral("Part au-delà (répartie)"), 4, &Row::shareSpread),
            realColumn<Row>("area_km2", QStringLiteral("Surface (km²)"), 2, &Row::areaKm2),
            realColumn<Row>("area_beyond_km2", QStringLiteral("Surface au-delà (km²)"), 2, &Row::areaBeyondKm2),
        });
    for (const AreaCoverage& area : data.result->population.epcis) {
        const Epci* epci = territory.epci(area.code);
        layer.write(area, asMultiPolygon(epci ? epci->geometry.get() : nullptr).get());
    }
}

void writePoints(GDALDataset& dataset, const QString& path, const CoverageExport& data)
{
    using Row = AccueilPoint;
    RowWriter<Row> layer(
        dataset, path, gpkg_layers::points, wkbPoint, QStringLiteral("Points d'accueil"),
        QStringLiteral("Accueil points of every level"),
        {
            intColumn<Row>("point_id", OFTInteger64, QStringLiteral("Identifiant"), &Row::id),
            textColumn<Row>("name", QStringLiteral("Nom"), &Row::name),
            intColumn<Row>("level", OFTInteger, QStringLiteral("Niveau"), [](const Row& point) { return int(point.level); }),
            textColumn<Row>("kind", QStringLiteral("Type (code)"), &Row::kind),
            textColumn<Row>("kind_label", QStringLiteral("Type"),
                            [](const Row& point) {
                                const KindInfo* kind = findKind(point.kind);
                                return kind ? kind->labelFr : point.kind;
                            }),
            textColumn<Row>("status", QStringLiteral("Statut"), [](const Row& point) { return statusCode(point.status); }),
            textColumn<Row>("commune_insee", QStringLiteral("Commune (INSEE)"), &Row::communeInsee),
            realColumn<Row>("weekly_hours", QStringLiteral("Heures d'ouverture par semaine"), 1, &Row::weeklyHours),
            boolColumn<Row>("outside_territory", QStringLiteral("Hors du territoire"), &Row::outsideTerritory),
            textColumn<Row>("serves", QStringLiteral("Opérateurs en visio"),
                            [](const Row& point) { return servesText(point.serves); }),
            textColumn<Row>("source", QStringLiteral("Source"), &Row::source),
        });
    for (const AccueilPoint& point : data.points) {
        const OGRPoint geometry(point.lambert93.x, point.lambert93.y);
        layer.write(point, &geometry);
    }
}

void writeGapZones(GDALDataset& dataset, const QString& path, const CoverageExport& data)
{
    const double threshold = data.result->options.thresholdMinutes;
    using Row = GapZone;
    RowWriter<Row> layer(
        dataset, path, gpkg_layers::gapZones, wkbMultiPolygon, QStringLiteral("Zones au-delà de %1 min").arg(threshold),
        QStringLiteral("Areas more than %1 min from the nearest point of level %2, per commune")
            .arg(threshold)
            .arg(data.result->options.level),
        withZonePieceColumns<Row>(
            {}, {
                    intColumn<Row>("unreachable_cells", OFTInteger, QStringLiteral("Cellules sans accès routier"),
                                   &Row::unreachableCells),
                    realColumn<Row>("max_minutes", QStringLiteral("Temps maximal (min)"), 2, &Row::maxMinutes),
                    realColumn<Row>("mean_minutes", QStringLiteral("Temps moyen (min)"), 2, &Row::meanMinutes),
                }));
    for (const GapZone& zone : data.result->gapZones) layer.write(zone, zone.geometry.get());
}

// A band with its number (from 1), which the band style's categories match.
struct NumberedBand {
    int number;
    const IsochroneBand& band;
};

void writeBands(GDALDataset& dataset, const QString& path, const CoverageExport& data)
{
    using Row = NumberedBand;
    RowWriter<Row> layer(
        dataset, path, gpkg_layers::bands, wkbMultiPolygon, QStringLiteral("Bandes isochrones"),
        QStringLiteral("Travel time to the nearest point of level %1, in bands").arg(data.result->options.level),
        {
            intColumn<Row>("band", OFTInteger, QStringLiteral("Bande"), &Row::number),
            realColumn<Row>("from_minutes", QStringLiteral("De (min)"), -1, [](const Row& r) { return r.band.fromMinutes; }),
            realColumn<Row>("to_minutes", QStringLiteral("À (min)"), -1, [](const Row& r) { return r.band.toMinutes; }),
            textColumn<Row>("label", QStringLiteral("Temps"), [](const Row& r) { return r.band.label; }),
            realColumn<Row>("area_km2", QStringLiteral("Surface (km²)"), 3, [](const Row& r) { return r.band.areaKm2; }),
            intColumn<Row>("cells", OFTInteger, QStringLiteral("Cellules"), [](const Row& r) { return r.band.cells; }),
        });
    const std::vector<IsochroneBand>& bands = data.result->bands;
    for (std::size_t b = 0; b < bands.size(); ++b) layer.write({int(b + 1), bands[b]}, bands[b].geometry.get());
}

// The straight line of a referral link; none when no target can be reached.
std::unique_ptr<OGRLineString> referralLine(const ReferralLink& link)
{
    if (!link.reachable) return nullptr;
    auto line = std::make_unique<OGRLineString>();
    line->addPoint(link.fromPosition.x, link.fromPosition.y);
    line->addPoint(link.toPosition.x, link.toPosition.y);
    return line;
}

// A field of the link's target, null when no target can be reached.
template <class T>
auto ofReachedTarget(T ReferralLink::*field)
{
    return [field](const ReferralLink& link) { return onlyIf(link.reachable, link.*field); };
}

// A field of the link's visio access, null when no place serves it by video.
template <class T>
auto ofReachedVisio(T ReferralLink::Visio::*field)
{
    return [field](const ReferralLink& link) { return onlyIf(link.visio.reachable, link.visio.*field); };
}

void writeReferrals(GDALDataset& dataset, const QString& path, std::span<const ReferralLink> links)
{
    // The target's fields are null when none can be reached, the visio's when no place serves
    // it by video; visio_beyond is only about level 3.
    using Row = ReferralLink;
    RowWriter<Row> layer(
        dataset, path, gpkg_layers::referrals, wkbLineString, QStringLiteral("Liens d'orientation"),
        QStringLiteral("From each point, the nearest point of a higher level (straight line; time by road); for "
                       "level 3, the nearest desk and, beside it, the nearest place serving it by video"),
        {
            intColumn<Row>("from_id", OFTInteger64, QStringLiteral("Depuis (id)"), &Row::fromId),
            textColumn<Row>("from_name", QStringLiteral("Depuis"), &Row::fromName),
            textColumn<Row>("from_kind", QStringLiteral("Type d'origine"), &Row::fromKind),
            intColumn<Row>("from_level", OFTInteger, QStringLiteral("Niveau d'origine"),
                           [](const Row& link) { return int(link.fromLevel); }),
            intColumn<Row>("to_level", OFTInteger, QStringLiteral("Niveau visé"),
                           [](const Row& link) { return int(link.toLevel); }),
            textColumn<Row>("target_kind", QStringLiteral("Type visé"), &Row::targetKind),
            intColumn<Row>("to_id", OFTInteger64, QStringLiteral("Vers (id)"), ofReachedTarget(&Row::toId)),
            textColumn<Row>("to_name", QStringLiteral("Vers"), ofReachedTarget(&Row::toName)),
            textColumn<Row>("to_kind", QStringLiteral("Type"), ofReachedTarget(&Row::toKind)),
            realColumn<Row>("minutes", QStringLiteral("Temps (min)"), 2, ofReachedTarget(&Row::minutes)),
            realColumn<Row>("km", QStringLiteral("Distance (km)"), 2, ofReachedTarget(&Row::km)),
            boolColumn<Row>("beyond", QStringLiteral("Au-delà du seuil"), &Row::beyond),
            intColumn<Row>("visio_id", OFTInteger64, QStringLiteral("Visio (id)"), ofReachedVisio(&Row::Visio::toId)),
            textColumn<Row>("visio_name", QStringLiteral("Visio"), ofReachedVisio(&Row::Visio::toName)),
            realColumn<Row>("visio_minutes", QStringLiteral("Visio : temps (min)"), 2, ofReachedVisio(&Row::Visio::minutes)),
            realColumn<Row>("visio_km", QStringLiteral("Visio : distance (km)"), 2, ofReachedVisio(&Row::Visio::km)),
            boolColumn<Row>("visio_beyond", QStringLiteral("Visio au-delà du seuil"),
                            [](const Row& link) { return onlyIf(link.toLevel == Level::Third, link.visio.beyond); }),
        });
    for (const ReferralLink& link : links) layer.write(link, referralLine(link).get());
}

// A cell of the access table with its origin and kind. `nearest` and `visio` are null when no
// point can be reached (`visio` also outside the visio columns): their fields stay null.
struct AccessRow {
    const AccessOrigin& origin;
    const AccessColumn& column;
    const AccessCell* nearest;
    const AccessCell* visio;
};

// A field of one of the row's cells (`nearest` or `visio`), null when that cell is.
template <class T>
auto ofCell(const AccessCell* AccessRow::*which, T AccessCell::*field)
{
    return [which, field](const AccessRow& row) {
        const AccessCell* cell = row.*which;
        return cell ? std::optional<T>(cell->*field) : std::nullopt;
    };
}

void writeAccessTable(GDALDataset& dataset, const QString& path, const AccessTable& table)
{
    using Row = AccessRow;
    RowWriter<Row> layer(
        dataset, path, gpkg_layers::accessTable, wkbNone, QStringLiteral("Tableau d'accès"),
        QStringLiteral("From each origin, the nearest point of each kind, km and minutes by road; for a "
                       "level-3 operator, also the nearest place serving it by video"),
        {
            textColumn<Row>("origin_code", QStringLiteral("Code"), [](const Row& r) { return r.origin.code; }),
            textColumn<Row>("origin_name", QStringLiteral("Origine"), [](const Row& r) { return r.origin.name; }),
            textColumn<Row>("kind", QStringLiteral("Type"), [](const Row& r) { return r.column.label; }),
            intColumn<Row>("point_id", OFTInteger64, QStringLiteral("Point (id)"),
                           ofCell(&Row::nearest, &AccessCell::pointId)),
            textColumn<Row>("point_name", QStringLiteral("Point le plus proche"),
                            ofCell(&Row::nearest, &AccessCell::pointName)),
            realColumn<Row>("km", QStringLiteral("Distance (km)"), 2, ofCell(&Row::nearest, &AccessCell::km)),
            realColumn<Row>("minutes", QStringLiteral("Temps (min)"), 2, ofCell(&Row::nearest, &AccessCell::minutes)),
            intColumn<Row>("visio_point_id", OFTInteger64, QStringLiteral("Point visio (id)"),
                           ofCell(&Row::visio, &AccessCell::pointId)),
            textColumn<Row>("visio_point_name", QStringLiteral("Point visio le plus proche"),
                            ofCell(&Row::visio, &AccessCell::pointName)),
            realColumn<Row>("visio_km", QStringLiteral("Visio : distance (km)"), 2, ofCell(&Row::visio, &AccessCell::km)),
            realColumn<Row>("visio_minutes", QStringLiteral("Visio : temps (min)"), 2,
                            ofCell(&Row::visio, &AccessCell::minutes)),
        });
    const auto ifReachable = [](const AccessCell& cell) { return cell.reachable ? &cell : nullptr; };
    for (std::size_t row = 0; row < table.origins.size(); ++row) {
        for (std::size_t column = 0; column < table.columns.size(); ++column) {
            const AccessColumn& kind = table.columns[column];
            const AccessCell* visio = kind.visio ? ifReachable(table.visioCells[row][column]) : nullptr;
            layer.write({table.origins[row], kind, ifReachable(table.cells[row][column]), visio});
        }
    }
}

std::vector<std::pair<QString, QString>> runParameters(const CoverageExport& data)
{
    const CoverageResult& result = *data.result;
    const CoverageContext& context = *data.context;
    QStringList breaks;
    for (double b : result.options.bandBreaks) breaks << minutesText(b);
    std::vector<std::pair<QString, QString>> rows{
        {QStringLiteral("level"), QString::number(result.options.level)},
        {QStringLiteral("threshold_minutes"), minutesText(result.options.thresholdMinutes)},
        {QStringLiteral("band_breaks_minutes"), breaks.join(QLatin1Char(','))},
        {QStringLiteral("cell_size_m"), QString::number(context.grid().cellSize())},
        {QStringLiteral("cells"), QString::number(context.grid().cellCount())},
        {QStringLiteral("point_set"), data.run.pointSet},
        {QStringLiteral("points_used"), QString::number(result.points.size())},
        {QStringLiteral("points_off_network"), QString::number(result.unjoinedPoints)},
        {QStringLiteral("profile"), data.run.profile},
        {QStringLiteral("network"), data.run.network},
        {QStringLiteral("project"), data.run.project},
        {QStringLiteral("computed_at"), data.run.computedAt.toString(Qt::ISODate)},
        {QStringLiteral("population_method"), populationMethodKey(result.population.method)},
        {QStringLiteral("population_method_description"), populationMethodDescription(result.population.method)},
        {QStringLiteral("population_source"), context.placement().sourceDescription()},
        {QStringLiteral("population_communes_fallen_back_to_spread"),
         QString::number(context.placement().communesFallenBack())},
        {QStringLiteral("population_beyond"),
         QString::number(beyondBy(result.population.departement, result.population.method), 'f', 0)},
        {QStringLiteral("population_method_town_hall"),
         QStringLiteral("the whole population of a commune is beyond when its town hall is")},
        {QStringLiteral("population_method_spread"),
         result.population.method == PopulationMethod::Grid || result.population.method == PopulationMethod::Buildings
             ? QStringLiteral("population on the cells by the %1 method (communes where the source has no one: spread "
                              "evenly over the commune's cells within %2 m of a road)")
                   .arg(populationMethodKey(result.population.method))
                   .arg(context.placement().inhabitableLegMetres())
             : QStringLiteral("population spread evenly over the commune's cells within %1 m of a road")
                   .arg(context.placement().inhabitableLegMetres())},
        {QStringLiteral("population"), QString::number(result.population.departement.population)},
        {QStringLiteral("population_beyond_town_hall"),
         QString::number(result.population.departement.beyondAtTownHall, 'f', 0)},
        {QStringLiteral("population_beyond_spread"), QString::number(result.population.departement.beyondSpread, 'f', 0)},
        {QStringLiteral("maillage_version"), QStringLiteral(MAILLAGE_VERSION)},
    };
    for (const auto& extra : data.run.extra) rows.push_back(extra);
    return rows;
}

QString sensitivityKindCode(SensitivityRow::Kind kind)
{
    switch (kind) {
    case SensitivityRow::Kind::Epci: return QStringLiteral("epci");
    case SensitivityRow::Kind::Departement: return QStringLiteral("departement");
    case SensitivityRow::Kind::Commune: break;
    }
    return QStringLiteral("commune");
}

void writeSensitivity(GDALDataset& dataset, const QString& path, const PopulationSensitivity& sensitivity)
{
    using Row = SensitivityRow;
    const std::vector<SensitivityColumn>& assumptions = sensitivity.columns();
    // The population beyond under the assumption `key`; null when it was not computed (no
    // grid or buildings in the project).
    const auto beyondUnder = [&assumptions](const QString& key) {
        return [&assumptions, key](const Row& row) -> std::optional<double> {
            for (std::size_t c = 0; c < assumptions.size(); ++c)
                if (assumptions[c].key == key) return row.beyond[c];
            return std::nullopt;
        };
    };
    std::vector<Column<Row>> columns{
        textColumn<Row>("kind", QStringLiteral("Type"), [](const Row& row) { return sensitivityKindCode(row.kind); }),
        textColumn<Row>("code", QStringLiteral("Code"), &Row::code),
        textColumn<Row>("name", QStringLiteral("Nom"), &Row::name),
        intColumn<Row>("population", OFTInteger64, QStringLiteral("Population légale"), &Row::population),
    };
    // One column per assumption, always all six so that the table's fields do not depend on the
    // project's inputs.
    const struct {
        const char* field;
        QString title;
        QString key;
    } assumptionColumns[] = {
        {"beyond_grid", QStringLiteral("Hors délai, carreaux INSEE"), QStringLiteral("grid")},
        {"beyond_buildings", QStringLiteral("Hors délai, bâtiments"), QStringLiteral("buildings")},
        {"beyond_spread", QStringLiteral("Hors délai, répartie près des routes"), QStringLiteral("spread")},
        {"beyond_town_halls", QStringLiteral("Hors délai, à la mairie"), QStringLiteral("town-halls")},
        {"beyond_speeds_minus_10", QStringLiteral("Hors délai, vitesses −10 %"), QStringLiteral("speeds-10")},
        {"beyond_speeds_plus_10", QStringLiteral("Hors délai, vitesses +10 %"), QStringLiteral("speeds+10")},
    };
    for (const auto& assumption : assumptionColumns)
        columns.push_back(realColumn<Row>(assumption.field, assumption.title, 1, beyondUnder(assumption.key)));
    columns.push_back(realColumn<Row>("low", QStringLiteral("Minimum"), 1, &Row::low));
    columns.push_back(realColumn<Row>("high", QStringLiteral("Maximum"), 1, &Row::high));
    columns.push_back(textColumn<Row>("verdict", QStringLiteral("Verdict"), &Row::verdict));
    RowWriter<Row> layer(
        dataset, path, gpkg_layers::sensitivity, wkbNone, QStringLiteral("Sensibilité de la population hors délai"),
        QStringLiteral("Population beyond the threshold under each population method and road speeds ±10 %"),
        std::move(columns));
    for (const SensitivityRow& row : sensitivity.rows()) layer.write(row);
}

void writeParameters(GDALDataset& dataset, const QString& path, const CoverageExport& data)
{
    using Row = std::pair<QString, QString>;
    RowWriter<Row> layer(dataset, path, gpkg_layers::parameters, wkbNone, QStringLiteral("Paramètres du calcul"),
                         QStringLiteral("How this result was computed"),
                         {
                             textColumn<Row>("key", QStringLiteral("Paramètre"), &Row::first),
                             textColumn<Row>("value", QStringLiteral("Valeur"), &Row::second),
                         });
    for (const Row& parameter : runParameters(data)) layer.write(parameter);
}

// ---------------------------------------------------------------------------------------
// Styles

// A sequential green -> red ramp (ColorBrewer RdYlGn, 4 classes, reversed), interpolated.
std::array<int, 3> rampColour(std::size_t index, std::size_t count)
{
    static constexpr std::array<std::array<double, 3>, 4> stops{
        {{26, 150, 65}, {166, 217, 106}, {253, 174, 97}, {215, 25, 28}}};
    const double t = count <= 1 ? 0.0 : double(index) / double(count - 1) * double(stops.size() - 1);
    const std::size_t low = std::min(stops.size() - 2, std::size_t(t));
    const double f = t - double(low);
    std::array<int, 3> colour{};
    for (int k = 0; k < 3; ++k)
        colour[std::size_t(k)] = int(std::lround(stops[low][std::size_t(k)] * (1 - f) + stops[low + 1][std::size_t(k)] * f));
    return colour;
}

// One category and one symbol per band, cloned from the style's first symbol.
QString bandStyle(const QString& qml, const std::vector<IsochroneBand>& bands)
{
    QDomDocument document;
    if (!document.setContent(qml) || bands.empty()) return qml;
    QDomElement renderer = document.documentElement().firstChildElement(QStringLiteral("renderer-v2"));
    QDomElement categories = renderer.firstChildElement(QStringLiteral("categories"));
    QDomElement symbols = renderer.firstChildElement(QStringLiteral("symbols"));
    const QDomElement templateSymbol = symbols.firstChildElement(QStringLiteral("symbol"));
    if (categories.isNull() || symbols.isNull() || templateSymbol.isNull()) return qml;
    const QDomElement symbolPrototype = templateSymbol.cloneNode(true).toElement();
    while (categories.hasChildNodes()) categories.removeChild(categories.firstChild());
    while (symbols.hasChildNodes()) symbols.removeChild(symbols.firstChild());
    for (std::size_t b = 0; b < bands.size(); ++b) {
        QDomElement category = document.createElement(QStringLiteral("category"));
        category.setAttribute(QStringLiteral("render"), QStringLiteral("true"));
        category.setAttribute(QStringLiteral("symbol"), QString::number(b));
        category.setAttribute(QStringLiteral("value"), QString::number(b + 1));
        category.setAttribute(QStringLiteral("label"), bands[b].label);
        categories.appendChild(category);

        QDomElement symbol = symbolPrototype.cloneNode(true).toElement();
        symbol.setAttribute(QStringLiteral("name"), QString::number(b));
        const auto colour = rampColour(b, bands.size());
        const QString value = QStringLiteral("%1,%2,%3,255").arg(colour[0]).arg(colour[1]).arg(colour[2]);
        QDomNodeList props = symbol.elementsByTagName(QStringLiteral("prop"));
        for (int i = 0; i < props.size(); ++i) {
            QDomElement prop = props.at(i).toElement();
            if (prop.attribute(QStringLiteral("k")) == QLatin1String("color")) prop.setAttribute(QStringLiteral("v"), value);
        }
        symbols.appendChild(symbol);
    }
    return document.toString(2);
}

void writeStyles(GDALDataset& dataset, const QString& path, const CoverageExport& data, const QStringList& styledLayers)
{
    const QDateTime now = data.run.computedAt.isValid() ? data.run.computedAt : QDateTime::currentDateTimeUtc();
    std::vector<LayerStyle> styles;
    for (const QString& name : styledLayers) {
        const QString qml = layerStyleQml(name, data);
        if (!qml.isEmpty()) styles.push_back({name, qml, now});
    }
    writeLayerStyles(dataset, path, styles);
}

// ---------------------------------------------------------------------------------------
// Raster

void writeSurfaceRaster(const QString& path, const CoverageExport& data)
{
    const CoverageGrid& grid = data.context->grid();
    constexpr float kNoData = -1.0f;
    std::vector<float> perCell = data.result->surface.minutes;
    for (float& minutes : perCell)
        if (!std::isfinite(minutes)) minutes = kNoData;
    std::vector<float> raster = grid.toRaster(perCell, kNoData);

    GdalDatasetPtr memory = createMemRaster(grid.columns(), grid.rows(), GDT_Float32, grid.geoTransform());
    GDALRasterBand* band = memory->GetRasterBand(1);
    band->SetNoDataValue(kNoData);
    if (band->RasterIO(GF_Write, 0, 0, grid.columns(), grid.rows(), raster.data(), grid.columns(), grid.rows(), GDT_Float32,
                       0, 0)
        != CE_None)
        throw Error(QStringLiteral("cannot prepare the travel-time raster: %1").arg(lastGdalError()));

    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    const QByteArray table = gpkg_layers::surface.toUtf8();
    const QByteArray identifier =
        QStringLiteral("Temps jusqu'au point de niveau %1 le plus proche (min)").arg(data.result->options.level).toUtf8();
    char** options = nullptr;
    options = CSLSetNameValue(options, "APPEND_SUBDATASET", "YES");
    options = CSLSetNameValue(options, "RASTER_TABLE", table.constData());
    options = CSLSetNameValue(options, "RASTER_IDENTIFIER", identifier.constData());
    options = CSLSetNameValue(
        options, "RASTER_DESCRIPTION",
        "Minutes by road to the nearest point; no value outside the territory or where no point can be reached");
    options = CSLSetNameValue(options, "TILE_FORMAT", "TIFF");
    GDALDataset* written = driver->CreateCopy(path.toUtf8().constData(), memory.get(), FALSE, options, nullptr, nullptr);
    CSLDestroy(options);
    if (!written) throw Error(QStringLiteral("cannot write the travel-time raster to %1: %2").arg(path, lastGdalError()));
    CPLErrorReset();
    GDALClose(written);  // a failed final write (a full disk) shows only here
    if (CPLGetLastErrorType() == CE_Failure)
        throw Error(QStringLiteral("cannot write the travel-time raster to %1: %2").arg(path, lastGdalError()));
}

}  // namespace

QString layerStyleQml(const QString& layerName, const CoverageExport& data)
{
    const QString qml = readStyleResource(layerName);
    if (qml.isEmpty()) return qml;
    if (layerName == gpkg_layers::bands && data.result) return bandStyle(qml, data.result->bands);
    return qml;
}

void writeCoverageGeoPackage(const QString& path, const CoverageExport& data)
{
    if (!data.context || !data.result) throw Error(QStringLiteral("nothing to export to %1: no coverage result").arg(path));
    registerGdal();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (!driver) throw Error(QStringLiteral("the GDAL GeoPackage driver is not available"));

    // Written beside the target under a unique name and renamed at the end: a failure or a
    // kill leaves the previous file, never a partial one (see AtomicFile).
    AtomicFile output(path);
    const QString& partial = output.temporaryPath();
    {
        GdalDatasetPtr dataset(driver->Create(partial.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!dataset) throw Error(QStringLiteral("cannot create %1: %2").arg(path, lastGdalError()));
        if (dataset->StartTransaction() != OGRERR_NONE)
            throw Error(QStringLiteral("cannot write %1: %2").arg(path, lastGdalError()));
        QStringList styled;
        writeCommunes(*dataset, path, data);
        styled << gpkg_layers::communes;
        writeEpcis(*dataset, path, data);
        styled << gpkg_layers::epci;
        writePoints(*dataset, path, data);
        styled << gpkg_layers::points;
        writeGapZones(*dataset, path, data);
        styled << gpkg_layers::gapZones;
        writeBands(*dataset, path, data);
        styled << gpkg_layers::bands;
        writeReferrals(*dataset, path, data.referrals);
        styled << gpkg_layers::referrals;
        if (data.accessTable) writeAccessTable(*dataset, path, *data.accessTable);
        if (data.sensitivity) writeSensitivity(*dataset, path, *data.sensitivity);
        writeParameters(*dataset, path, data);
        writeStyles(*dataset, path, data, styled);
        if (dataset->CommitTransaction() != OGRERR_NONE)
            throw Error(QStringLiteral("cannot write %1: %2").arg(path, lastGdalError()));
        // GDAL reports a failed final write (a full disk) only when the dataset is closed.
        CPLErrorReset();
        dataset.reset();
        if (CPLGetLastErrorType() == CE_Failure)
            throw Error(QStringLiteral("cannot write %1: %2").arg(path, lastGdalError()));
    }
    writeSurfaceRaster(partial, data);
    output.commit();
}

}  // namespace maillage
