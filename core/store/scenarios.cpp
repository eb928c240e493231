#include "store/scenarios.h"

#include "store/gpkg_geometry.h"
#include "store/kinds.h"
#include "store/point_rows.h"
#include "store/schema.h"
#include "store/sql_helpers.h"
#include "store/store.h"

#include <QDir>

#include <unordered_map>

#include <cmath>

namespace maillage {

bool isBaselineName(const QString& name) { return name.trimmed().compare(kBaselineScenario, Qt::CaseInsensitive) == 0; }

QString closureMethodCode(ClosureMethod method)
{
    switch (method) {
    case ClosureMethod::Ref: return QStringLiteral("ref");
    case ClosureMethod::Position: return QStringLiteral("position");
    case ClosureMethod::Edge: return QStringLiteral("edge");
    }
    return {};
}

std::optional<ClosureMethod> closureMethodFromCode(const QString& code)
{
    for (ClosureMethod method : {ClosureMethod::Ref, ClosureMethod::Position, ClosureMethod::Edge})
        if (closureMethodCode(method) == code) return method;
    return std::nullopt;
}

namespace {

QString addedPointColumns(const sql::Connection& connection)
{
    return QStringLiteral(
               "id, %1, name, level, kind, commune_insee, lon, lat, x, y, weekly_hours, opening_hours, address,"
               " source, source_id, notes, outside_territory, created_at, updated_at, serves")
        .arg(sql::geometrySelect(connection));
}

QString nowIso()
{
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(QDateTime::currentMSecsSinceEpoch(), Qt::UTC);
    return now.toString(Qt::ISODateWithMs);
}

QDateTime readTime(const QVariant& value) { return sql::readTime(value); }

// The id a statement ending in RETURNING id gave.
qint64 returnedId(QSqlQuery& query)
{
    const qint64 id = query.next() ? query.value(0).toLongLong() : 0;
    query.finish();
    return id;
}

QVariant textValue(const QString& value) { return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value); }

QVariant optionalReal(const std::optional<double>& value) { return value ? QVariant(*value) : QVariant(); }

class Access {
public:
    using Versions = std::unordered_map<qint64, qint64>;
    Access(const sql::Connection& connection, Versions& versions) : connection_(connection), versions_(versions) {}

    const sql::Connection& connection() const { return connection_; }
    QString path() const { return QDir::toNativeSeparators(connection_.path); }

    QSqlQuery prepare(const QString& statement, const QString& what) const
    {
        return sql::prepare(connection_, statement, what);
    }
    void exec(QSqlQuery& query, const QString& what) const { sql::exec(query, connection_, what); }

    // The id of a plan by name (case-insensitive), or 0.
    qint64 findId(const QString& name) const
    {
        const QString what = QStringLiteral("looking up scenario \"%1\"").arg(name);
        // Names are unique without regard to case (COLLATE NOCASE in a file, an index on lower(name) on a server).
        QSqlQuery query = prepare(QStringLiteral("SELECT id FROM scenarios WHERE lower(name) = lower(?)"), what);
        query.addBindValue(name.trimmed());
        exec(query, what);
        return query.next() ? query.value(0).toLongLong() : 0;
    }

    QStringList names() const
    {
        QSqlQuery query = sql::run(connection_, QStringLiteral("SELECT name FROM scenarios ORDER BY lower(name)"),
                                   QStringLiteral("listing scenarios"));
        QStringList names;
        while (query.next()) names << query.value(0).toString();
        return names;
    }

    Error unknown(const QString& name) const
    {
        const QStringList known = names();
        return Error(
            QStringLiteral("project %1 has no scenario \"%2\" (%3)")
                .arg(path(), name,
                     known.isEmpty()
                         ? QStringLiteral("it has only the baseline")
                         : QStringLiteral("scenarios: %1, %2").arg(kBaselineScenario, known.join(QStringLiteral(", ")))));
    }

    // The id of a plan that may be changed: not the baseline, existing.
    qint64 requirePlan(const QString& name, const QString& action) const
    {
        if (isBaselineName(name))
            throw Error(QStringLiteral("cannot %1 the baseline of %2: it is the project's points as they are; "
                                       "create a plan (or copy the baseline) and change that")
                            .arg(action, path()));
        const qint64 id = findId(name);
        if (!id) throw unknown(name);
        return id;
    }

    // A name a new (or renamed) plan may take.
    QString requireNewName(const QString& name, qint64 except = 0) const
    {
        const QString trimmed = name.trimmed();
        if (trimmed.isEmpty()) throw Error(QStringLiteral("a scenario needs a name"));
        if (isBaselineName(trimmed))
            throw Error(QStringLiteral("\"%1\" is the name of the project's baseline; choose another name").arg(trimmed));
        const qint64 existing = findId(trimmed);
        if (existing && existing != except)
            throw Error(QStringLiteral("project %1 already has a scenario \"%2\"").arg(path(), trimmed));
        return trimmed;
    }

    // Records the version of a plan as this store read or wrote it; undone if the write
    // transaction it was made in rolls back. nullopt forgets the plan (deleted).
    void remember(qint64 planId, std::optional<qint64> version) const
    {
        const auto known = versions_.find(planId);
        const std::optional<qint64> before = known == versions_.end() ? std::nullopt : std::optional<qint64>(known->second);
        if (version) versions_[planId] = *version;
        else versions_.erase(planId);
        if (connection_.transactionDepth > 0) {
            Versions& versions = versions_;
            connection_.undoOnRollback.push_back([&versions, planId, before] {
                if (before) versions[planId] = *before;
                else versions.erase(planId);
            });
        }
    }

    // Runs `select`, whose one placeholder is the plan's id, and returns it to be read.
    QSqlQuery selectOfPlan(const QString& select, qint64 planId, const QString& what) const
    {
        QSqlQuery query = prepare(select, what);
        query.addBindValue(planId);
        exec(query, what);
        return query;
    }

    // The start of every change of a plan, in the caller's write transaction: the plan's id,
    // checked (requirePlan), and the change counted (bump).
    qint64 beginChange(const QString& name, const QString& action, const QString& now) const
    {
        const qint64 id = requirePlan(name, action);
        bump(id, name, now);
        return id;
    }

    // Counts a change of the plan (in the caller's write transaction, before its other writes:
    // on a server the plan's row stays locked until the commit, so that two planners' changes
    // of one plan are made one after the other). When this store read or wrote the plan before,
    // the plan must still be at that version: otherwise someone else changed it meanwhile, and
    // PlanConflict says who (the transaction then rolls back, nothing written).
    void bump(qint64 planId, const QString& plan, const QString& now) const
    {
        const QString what = QStringLiteral("changing plan \"%1\"").arg(plan);
        const auto known = versions_.find(planId);
        const bool checked = known != versions_.end();
        QSqlQuery query =
            prepare(QStringLiteral("UPDATE scenarios SET row_version = row_version + 1, updated_by = ?, updated_at = ?"
                                   " WHERE id = ?%1 RETURNING row_version")
                        .arg(checked ? QStringLiteral(" AND row_version = ?") : QString()),
                    what);
        query.addBindValue(connection_.user);
        query.addBindValue(now);
        query.addBindValue(planId);
        if (checked) query.addBindValue(known->second);
        exec(query, what);
        if (query.next()) {
            const qint64 version = query.value(0).toLongLong();
            query.finish();
            remember(planId, version);
            return;
        }
        query.finish();
        QSqlQuery current =
            prepare(QStringLiteral("SELECT row_version, updated_by, updated_at FROM scenarios WHERE id = ?"), what);
        current.addBindValue(planId);
        exec(current, what);
        if (!current.next())
            throw Error(QStringLiteral("%1 in %2 failed: the plan no longer exists (another planner may have deleted it)")
                            .arg(what, path()));
        const qint64 version = current.value(0).toLongLong();
        const QString by = current.value(1).toString();
        const QDateTime at = readTime(current.value(2));
        current.finish();
        throw PlanConflict(
            planId, plan, by, at,
            QStringLiteral("%1 in %2 was not saved: %3 changed this plan meanwhile (at %4 UTC, version %5; you edited "
                           "version %6). Reload the plan to see their change, then edit again")
                .arg(what, path(), by.isEmpty() ? QStringLiteral("another program") : by,
                     at.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")))
                .arg(version)
                .arg(known->second));
    }

    // Keeps the extent of the scenario_points layer true for GIS programs.
    void refreshContents(const QString& now) const
    {
        if (connection_.postgres) return;  // no gpkg_contents on a server
        const QString what = QStringLiteral("updating gpkg_contents");
        QSqlQuery query = prepare(QStringLiteral("UPDATE gpkg_contents SET last_change = :now,"
                                                 " min_x = (SELECT min(x) FROM %1), min_y = (SELECT min(y) FROM %1),"
                                                 " max_x = (SELECT max(x) FROM %1), max_y = (SELECT max(y) FROM %1)"
                                                 " WHERE table_name = '%1'")
                                      .arg(schema::kScenarioPointsTable),
                                  what);
        query.bindValue(QStringLiteral(":now"), now);
        exec(query, what);
    }

    AccueilPoint readAddedPoint(const QSqlQuery& row) const
    {
        AccueilPoint p;
        p.id = -row.value(0).toLongLong();
        p.name = row.value(2).toString();
        p.level = levelFromInt(row.value(3).toInt()).value_or(Level::Second);
        p.kind = row.value(4).toString();
        p.status = PointStatus::Planned;
        p.communeInsee = row.value(5).toString();
        if (!sql::readPointPosition(connection_, row, 6, p))
            throw Error(QStringLiteral("planned point #%1 \"%2\" in project %3 has no position; give it one in QGIS "
                                       "or remove it from its plan")
                            .arg(-p.id)
                            .arg(p.name, path()));
        sql::readPointDetails(row, 10, p);
        p.serves = splitServes(row.value(19).toString());
        return p;
    }

    // The plan's added point with this (negative) id, or nullopt.
    bool addedPointBelongs(qint64 planId, qint64 pointId) const
    {
        const QString what = QStringLiteral("reading planned point %1").arg(pointId);
        QSqlQuery query = prepare(
            QStringLiteral("SELECT count(*) FROM %1 WHERE id = ? AND scenario_id = ?").arg(schema::kScenarioPointsTable),
            what);
        query.addBindValue(-pointId);
        query.addBindValue(planId);
        exec(query, what);
        return query.next() && query.value(0).toInt() > 0;
    }

    // Throws Error when the project has no point `pointId` for the plan to `change` ("close"...).
    void requireBaselinePoint(qint64 pointId, const QString& plan, const QString& change) const
    {
        const QString what = QStringLiteral("reading point #%1").arg(pointId);
        QSqlQuery query = prepare(QStringLiteral("SELECT count(*) FROM accueil_points WHERE id = ?"), what);
        query.addBindValue(pointId);
        exec(query, what);
        if (!query.next() || query.value(0).toInt() == 0)
            throw Error(QStringLiteral("project %1 has no point #%2 to %3 in plan \"%4\"")
                            .arg(path())
                            .arg(pointId)
                            .arg(change, plan));
    }

    // Forgets what the plan changes of a point; returns how many rows went (0 or 1).
    int deleteChange(qint64 planId, qint64 pointId, const QString& what) const
    {
        QSqlQuery query =
            prepare(QStringLiteral("DELETE FROM scenario_point_changes WHERE scenario_id = ? AND point_id = ?"), what);
        query.addBindValue(planId);
        query.addBindValue(pointId);
        exec(query, what);
        return query.numRowsAffected();
    }

    qint64 insertAddedPoint(qint64 planId, const AccueilPoint& point, const QString& now, const QString& what) const
    {
        QSqlQuery query = prepare(
            QStringLiteral(
                "INSERT INTO %1 (geom, scenario_id, name, level, kind, commune_insee, lon, lat, x, y, weekly_hours,"
                " opening_hours, address, source, source_id, notes, outside_territory, serves, created_at, updated_at)"
                " VALUES (%2, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")
                .arg(schema::kScenarioPointsTable, sql::geometryValue(connection_)),
            what);
        for (const QVariant& value :
             QVariantList{gpkg::encodePoint(point.lambert93, schema::kPointsSrsId),
                          planId,
                          textValue(point.name),
                          int(point.level),
                          textValue(point.kind),
                          textValue(point.communeInsee),
                          point.wgs84.lon,
                          point.wgs84.lat,
                          point.lambert93.x,
                          point.lambert93.y,
                          optionalReal(point.weeklyHours),
                          textValue(point.openingHours),
                          textValue(point.address),
                          textValue(point.source),
                          textValue(point.sourceId),
                          textValue(point.notes),
                          point.outsideTerritory,
                          textValue(servesText(point.serves)),
                          point.createdAt.isValid() ? point.createdAt.toUTC().toString(Qt::ISODateWithMs) : now,
                          now})
            query.addBindValue(value);
        exec(query, what);
        return returnedId(query);
    }

    qint64 insertClosure(qint64 planId, const RoadClosure& closure, const QString& what) const
    {
        QSqlQuery query = prepare(
            QStringLiteral("INSERT INTO scenario_road_closures (scenario_id, method, ref, x, y, radius_m, edge_id, note)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
            what);
        query.addBindValue(planId);
        query.addBindValue(closureMethodCode(closure.method));
        query.addBindValue(textValue(closure.ref));
        query.addBindValue(closure.centre ? QVariant(closure.centre->x) : QVariant());
        query.addBindValue(closure.centre ? QVariant(closure.centre->y) : QVariant());
        query.addBindValue(closure.centre && closure.method == ClosureMethod::Ref ? QVariant(closure.radiusMetres)
                                                                                  : QVariant());
        query.addBindValue(closure.edge ? QVariant(qint64(*closure.edge)) : QVariant());
        query.addBindValue(textValue(closure.note));
        exec(query, what);
        return returnedId(query);
    }

    void insertChange(qint64 planId, const PointChange& change, const QString& what) const
    {
        QSqlQuery query = prepare(
            QStringLiteral(
                "INSERT INTO scenario_point_changes (scenario_id, point_id, closed, level, kind) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (scenario_id, point_id) DO UPDATE SET closed = excluded.closed, level = excluded.level,"
                " kind = excluded.kind"),
            what);
        query.addBindValue(planId);
        query.addBindValue(change.pointId);
        query.addBindValue(change.closed);
        query.addBindValue(change.level ? QVariant(int(*change.level)) : QVariant());
        query.addBindValue(change.kind.isEmpty() ? QVariant() : QVariant(change.kind));
        exec(query, what);
    }

    std::optional<PointChange> change(qint64 planId, qint64 pointId) const
    {
        const QString what = QStringLiteral("reading the plan's change to point #%1").arg(pointId);
        QSqlQuery query = prepare(
            QStringLiteral("SELECT closed, level, kind FROM scenario_point_changes WHERE scenario_id = ? AND point_id = ?"),
            what);
        query.addBindValue(planId);
        query.addBindValue(pointId);
        exec(query, what);
        if (!query.next()) return std::nullopt;
        PointChange change;
        change.pointId = pointId;
        change.closed = query.value(0).toBool();
        if (!query.value(1).isNull()) change.level = levelFromInt(query.value(1).toInt());
        change.kind = query.value(2).toString();
        return change;
    }

private:
    const sql::Connection& connection_;
    Versions& versions_;
};

// Throws an Error naming the point when a plan cannot hold it.
void validatePlannedPoint(const AccueilPoint& point, const QString& plan)
{
    auto fail = [&](const QString& why) {
        throw Error(QStringLiteral("cannot add point \"%1\" to plan \"%2\": %3").arg(point.name, plan, why));
    };
    if (point.name.trimmed().isEmpty()) fail(QStringLiteral("it has no name"));
    if (!levelFromInt(int(point.level))) fail(QStringLiteral("level %1 is not 1, 2 or 3").arg(int(point.level)));
    if (!findKind(point.kind)) fail(QStringLiteral("unknown kind \"%1\"").arg(point.kind));
    if (const QString problem = coordinatesOrDetailsProblem(point); !problem.isEmpty()) fail(problem);
}

void validateClosure(const RoadClosure& closure, const QString& plan)
{
    auto fail = [&](const QString& why) {
        throw Error(QStringLiteral("cannot close a road in plan \"%1\": %2").arg(plan, why));
    };
    const auto finite = [](XY p) { return std::isfinite(p.x) && std::isfinite(p.y); };
    switch (closure.method) {
    case ClosureMethod::Ref:
        if (closure.ref.trimmed().isEmpty()) fail(QStringLiteral("no road reference given"));
        if (closure.centre && !finite(*closure.centre))
            fail(QStringLiteral("the place to close near is not a valid position"));
        if (closure.centre && !(closure.radiusMetres > 0.0 && std::isfinite(closure.radiusMetres)))
            fail(QStringLiteral("the radius around the place must be a positive number of metres"));
        break;
    case ClosureMethod::Position:
        if (!closure.centre || !finite(*closure.centre)) fail(QStringLiteral("no valid position of the road segment given"));
        break;
    case ClosureMethod::Edge:
        if (!closure.edge) fail(QStringLiteral("no edge id given"));
        break;
    }
}

// Reads what a Scenario and a ScenarioSummary both say of a plan from the columns name,
// description, created_at, updated_at, row_version, updated_by of `query`, from column `first` on.
template <class Plan>
void readPlanHead(const QSqlQuery& query, int first, Plan& plan)
{
    plan.name = query.value(first).toString();
    plan.description = query.value(first + 1).toString();
    plan.createdAt = readTime(query.value(first + 2));
    plan.updatedAt = readTime(query.value(first + 3));
    plan.rowVersion = query.value(first + 4).toLongLong();
    plan.updatedBy = query.value(first + 5).toString();
}

// One change of a plan, in a write transaction: the plan checked and the change counted first
// (Access::beginChange), all of it at time `now`. The caller writes through its Access, then
// commits `transaction`.
struct PlanEdit {
    PlanEdit(const Access& access, const QString& plan, const QString& action)
        : transaction(access.connection()), planId(access.beginChange(plan, action, now))
    {
    }

    const QString now = nowIso();
    sql::WriteTransaction transaction;
    const qint64 planId;
};

// Every row a select of one plan gives, each read by `readRow`.
template <class Row, class ReadRow>
std::vector<Row> readPlanRows(const Access& access, const QString& select, qint64 planId, const QString& what,
                              ReadRow readRow)
{
    QSqlQuery query = access.selectOfPlan(select, planId, what);
    std::vector<Row> rows;
    while (query.next()) rows.push_back(readRow(query));
    return rows;
}

// A plan's change to one of the project's points (closed, level, kind).
PointChange pointChangeOf(const QSqlQuery& row)
{
    PointChange change;
    change.pointId = row.value(0).toLongLong();
    change.closed = row.value(1).toBool();
    if (!row.value(2).isNull()) change.level = levelFromInt(row.value(2).toInt());
    change.kind = row.value(3).toString();
    return change;
}

// A plan's road closure; a method this version does not know is refused, naming the closure,
// rather than read as another.
RoadClosure roadClosureOf(const QSqlQuery& row, const Access& access, const QString& scenario)
{
    RoadClosure closure;
    closure.id = row.value(0).toLongLong();
    const auto method = closureMethodFromCode(row.value(1).toString());
    if (!method)
        throw Error(QStringLiteral("project %1, scenario \"%2\": road closure #%3 has an unknown method \"%4\"")
                        .arg(access.path(), scenario)
                        .arg(closure.id)
                        .arg(row.value(1).toString()));
    closure.method = *method;
    closure.ref = row.value(2).toString();
    if (!row.value(3).isNull() && !row.value(4).isNull())
        closure.centre = XY{row.value(3).toDouble(), row.value(4).toDouble()};
    closure.radiusMetres = row.value(5).toDouble();
    if (!row.value(6).isNull()) closure.edge = std::uint32_t(row.value(6).toLongLong());
    closure.note = row.value(7).toString();
    return closure;
}

}  // namespace

ScenarioStore::ScenarioStore(Store& store) : store_(&store) {}

std::vector<ScenarioSummary> ScenarioStore::list() const
{
    const Access access(store_->connection(), store_->planVersions());
    QSqlQuery query = sql::run(access.connection(),
                               QStringLiteral("SELECT s.id, s.name, s.description, s.created_at, s.updated_at,"
                                              " s.row_version, s.updated_by,"
                                              " (SELECT count(*) FROM %1 p WHERE p.scenario_id = s.id),"
                                              " (SELECT count(*) FROM scenario_point_changes c WHERE c.scenario_id = s.id),"
                                              " (SELECT count(*) FROM scenario_road_closures r WHERE r.scenario_id = s.id)"
                                              " FROM scenarios s ORDER BY lower(s.name)")
                                   .arg(schema::kScenarioPointsTable),
                               QStringLiteral("listing scenarios"));
    std::vector<ScenarioSummary> summaries;
    while (query.next()) {
        ScenarioSummary s;
        s.id = query.value(0).toLongLong();
        readPlanHead(query, 1, s);
        s.addedPoints = query.value(7).toInt();
        s.pointChanges = query.value(8).toInt();
        s.roadClosures = query.value(9).toInt();
        summaries.push_back(s);
    }
    return summaries;
}

bool ScenarioStore::exists(const QString& name) const
{
    return isBaselineName(name) || Access(store_->connection(), store_->planVersions()).findId(name) != 0;
}

Scenario ScenarioStore::scenario(const QString& name) const
{
    Scenario scenario;
    if (isBaselineName(name)) {
        scenario.name = kBaselineScenario;
        scenario.description = QStringLiteral("the project's points as they are");
        return scenario;
    }
    const Access access(store_->connection(), store_->planVersions());
    const qint64 id = access.findId(name);
    if (!id) throw access.unknown(name);
    const QString what = QStringLiteral("reading scenario \"%1\"").arg(name);

    QSqlQuery head =
        access.selectOfPlan(QStringLiteral("SELECT name, description, created_at, updated_at, row_version, updated_by"
                                           " FROM scenarios WHERE id = ?"),
                            id, what);
    if (!head.next()) throw access.unknown(name);
    scenario.id = id;
    readPlanHead(head, 0, scenario);

    scenario.addedPoints =
        readPlanRows<AccueilPoint>(access,
                                   QStringLiteral("SELECT %1 FROM %2 WHERE scenario_id = ? ORDER BY id")
                                       .arg(addedPointColumns(access.connection()), schema::kScenarioPointsTable),
                                   id, what, [&](const QSqlQuery& row) { return access.readAddedPoint(row); });
    scenario.pointChanges = readPlanRows<PointChange>(
        access,
        QStringLiteral(
            "SELECT point_id, closed, level, kind FROM scenario_point_changes WHERE scenario_id = ? ORDER BY point_id"),
        id, what, pointChangeOf);
    scenario.roadClosures = readPlanRows<RoadClosure>(
        access,
        QStringLiteral("SELECT id, method, ref, x, y, radius_m, edge_id, note FROM scenario_road_closures"
                       " WHERE scenario_id = ? ORDER BY id"),
        id, what, [&](const QSqlQuery& row) { return roadClosureOf(row, access, scenario.name); });
    // What this store now knows of the plan: its later writes must find it at this version.
    // The head was read first, so content newer than the version read can only give a
    // conflict to reload, never hide one.
    access.remember(id, scenario.rowVersion);
    return scenario;
}

Scenario ScenarioStore::create(const QString& name, const QString& description)
{
    const Access access(store_->connection(), store_->planVersions());
    const QString now = nowIso();
    {
        sql::WriteTransaction transaction(access.connection());
        const QString trimmed = access.requireNewName(name);
        const QString what = QStringLiteral("creating scenario \"%1\"").arg(trimmed);
        QSqlQuery query = access.prepare(
            QStringLiteral(
                "INSERT INTO scenarios (name, description, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)"),
            what);
        query.addBindValue(trimmed);
        query.addBindValue(textValue(description));
        query.addBindValue(now);
        query.addBindValue(now);
        query.addBindValue(access.connection().user);
        access.exec(query, what);
        transaction.commit();
    }
    return scenario(name);
}

Scenario ScenarioStore::copy(const QString& from, const QString& to)
{
    const Scenario source = scenario(from);
    const Access access(store_->connection(), store_->planVersions());
    const QString now = nowIso();
    {
        sql::WriteTransaction transaction(access.connection());
        const QString trimmed = access.requireNewName(to);
        const QString what = QStringLiteral("copying scenario \"%1\" to \"%2\"").arg(source.name, trimmed);
        QSqlQuery query = access.prepare(
            QStringLiteral(
                "INSERT INTO scenarios (name, description, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)"
                " RETURNING id"),
            what);
        query.addBindValue(trimmed);
        query.addBindValue(source.isBaseline() ? QVariant(QStringLiteral("")) : textValue(source.description));
        query.addBindValue(now);
        query.addBindValue(now);
        query.addBindValue(access.connection().user);
        access.exec(query, what);
        const qint64 id = returnedId(query);
        for (const AccueilPoint& point : source.addedPoints) access.insertAddedPoint(id, point, now, what);
        for (const PointChange& change : source.pointChanges) access.insertChange(id, change, what);
        for (const RoadClosure& closure : source.roadClosures) access.insertClosure(id, closure, what);
        if (!source.addedPoints.empty()) access.refreshContents(now);
        transaction.commit();
    }
    return scenario(to);
}

void ScenarioStore::rename(const QString& from, const QString& to)
{
    const Access access(store_->connection(), store_->planVersions());
    sql::WriteTransaction transaction(access.connection());
    const qint64 id = access.requirePlan(from, QStringLiteral("rename"));
    const QString trimmed = access.requireNewName(to, id);
    access.bump(id, from, nowIso());
    const QString what = QStringLiteral("renaming scenario \"%1\" to \"%2\"").arg(from, trimmed);
    QSqlQuery query = access.prepare(QStringLiteral("UPDATE scenarios SET name = ? WHERE id = ?"), what);
    query.addBindValue(trimmed);
    query.addBindValue(id);
    access.exec(query, what);
    transaction.commit();
}

void ScenarioStore::setDescription(const QString& name, const QString& description)
{
    const Access access(store_->connection(), store_->planVersions());
    sql::WriteTransaction transaction(access.connection());
    const qint64 id = access.beginChange(name, QStringLiteral("describe"), nowIso());
    const QString what = QStringLiteral("describing scenario \"%1\"").arg(name);
    QSqlQuery query = access.prepare(QStringLiteral("UPDATE scenarios SET description = ? WHERE id = ?"), what);
    query.addBindValue(textValue(description));
    query.addBindValue(id);
    access.exec(query, what);
    transaction.commit();
}

void ScenarioStore::remove(const QString& name)
{
    const Access access(store_->connection(), store_->planVersions());
    sql::WriteTransaction transaction(access.connection());
    // Not a plan someone else changed since it was read.
    const qint64 id = access.beginChange(name, QStringLiteral("delete"), nowIso());
    const QString what = QStringLiteral("deleting scenario \"%1\"").arg(name);
    // Explicit deletes rather than relying on ON DELETE CASCADE: another program may have
    // opened the file without foreign keys.
    for (const QString& table : {schema::kScenarioPointsTable, QStringLiteral("scenario_point_changes"),
                                 QStringLiteral("scenario_road_closures"), QStringLiteral("scenarios")}) {
        QSqlQuery query = access.prepare(
            QStringLiteral("DELETE FROM %1 WHERE %2 = ?")
                .arg(table, table == QLatin1String("scenarios") ? QStringLiteral("id") : QStringLiteral("scenario_id")),
            what);
        query.addBindValue(id);
        access.exec(query, what);
    }
    access.refreshContents(nowIso());
    access.remember(id, std::nullopt);
    transaction.commit();
}

qint64 ScenarioStore::addPoint(const QString& plan, const AccueilPoint& point)
{
    validatePlannedPoint(point, plan);
    const Access access(store_->connection(), store_->planVersions());
    PlanEdit edit(access, plan, QStringLiteral("add a point to"));
    AccueilPoint planned = point;
    planned.createdAt = QDateTime();
    const qint64 row = access.insertAddedPoint(edit.planId, planned, edit.now,
                                               QStringLiteral("adding point \"%1\" to plan \"%2\"").arg(point.name, plan));
    access.refreshContents(edit.now);
    edit.transaction.commit();
    return -row;
}

void ScenarioStore::updatePoint(const QString& plan, const AccueilPoint& point)
{
    validatePlannedPoint(point, plan);
    const Access access(store_->connection(), store_->planVersions());
    PlanEdit edit(access, plan, QStringLiteral("change a point of"));
    if (point.id >= 0 || !access.addedPointBelongs(edit.planId, point.id))
        throw Error(QStringLiteral("plan \"%1\" has no planned point %2 to change").arg(plan).arg(point.id));
    const QString what = QStringLiteral("changing point \"%1\" of plan \"%2\"").arg(point.name, plan);
    QSqlQuery query = access.prepare(
        QStringLiteral(
            "UPDATE %1 SET geom = %2, name = ?, level = ?, kind = ?, commune_insee = ?, lon = ?, lat = ?, x = ?, y = ?,"
            " weekly_hours = ?, opening_hours = ?, address = ?, source = ?, source_id = ?, notes = ?,"
            " outside_territory = ?, serves = ?, updated_at = ? WHERE id = ?")
            .arg(schema::kScenarioPointsTable, sql::geometryValue(access.connection())),
        what);
    for (const QVariant& value :
         QVariantList{gpkg::encodePoint(point.lambert93, schema::kPointsSrsId), textValue(point.name), int(point.level),
                      textValue(point.kind), textValue(point.communeInsee), point.wgs84.lon, point.wgs84.lat,
                      point.lambert93.x, point.lambert93.y, optionalReal(point.weeklyHours), textValue(point.openingHours),
                      textValue(point.address), textValue(point.source), textValue(point.sourceId), textValue(point.notes),
                      point.outsideTerritory, textValue(servesText(point.serves)), edit.now, -point.id})
        query.addBindValue(value);
    access.exec(query, what);
    access.refreshContents(edit.now);
    edit.transaction.commit();
}

void ScenarioStore::closePoint(const QString& plan, qint64 pointId)
{
    const Access access(store_->connection(), store_->planVersions());
    PlanEdit edit(access, plan, QStringLiteral("close a point in"));
    if (pointId < 0) {
        if (!access.addedPointBelongs(edit.planId, pointId))
            throw Error(QStringLiteral("plan \"%1\" has no planned point %2").arg(plan).arg(pointId));
        const QString what = QStringLiteral("removing planned point %1 from plan \"%2\"").arg(pointId).arg(plan);
        QSqlQuery query =
            access.prepare(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(schema::kScenarioPointsTable), what);
        query.addBindValue(-pointId);
        access.exec(query, what);
        access.refreshContents(edit.now);
    } else {
        access.requireBaselinePoint(pointId, plan, QStringLiteral("close"));
        PointChange change = access.change(edit.planId, pointId).value_or(PointChange{});
        change.pointId = pointId;
        change.closed = true;
        access.insertChange(edit.planId, change, QStringLiteral("closing point #%1 in plan \"%2\"").arg(pointId).arg(plan));
    }
    edit.transaction.commit();
}

void ScenarioStore::setPointLevel(const QString& plan, qint64 pointId, Level level, const QString& kind)
{
    if (!levelFromInt(int(level)))
        throw Error(
            QStringLiteral("plan \"%1\", point %2: level %3 is not 1, 2 or 3").arg(plan).arg(pointId).arg(int(level)));
    if (!kind.isEmpty() && !findKind(kind))
        throw Error(QStringLiteral("plan \"%1\", point %2: unknown kind \"%3\"").arg(plan).arg(pointId).arg(kind));
    const Access access(store_->connection(), store_->planVersions());
    PlanEdit edit(access, plan, QStringLiteral("change a point's level in"));
    const QString what = QStringLiteral("changing the level of point %1 in plan \"%2\"").arg(pointId).arg(plan);
    if (pointId < 0) {
        if (!access.addedPointBelongs(edit.planId, pointId))
            throw Error(QStringLiteral("plan \"%1\" has no planned point %2").arg(plan).arg(pointId));
        QSqlQuery query = access.prepare(
            QStringLiteral(
                "UPDATE %1 SET level = ?, kind = CASE WHEN ? = '' THEN kind ELSE ? END, updated_at = ? WHERE id = ?")
                .arg(schema::kScenarioPointsTable),
            what);
        query.addBindValue(int(level));
        query.addBindValue(textValue(kind));
        query.addBindValue(textValue(kind));
        query.addBindValue(edit.now);
        query.addBindValue(-pointId);
        access.exec(query, what);
    } else {
        access.requireBaselinePoint(pointId, plan, QStringLiteral("change"));
        PointChange change = access.change(edit.planId, pointId).value_or(PointChange{});
        change.pointId = pointId;
        change.level = level;
        if (!kind.isEmpty()) change.kind = kind;
        access.insertChange(edit.planId, change, what);
    }
    edit.transaction.commit();
}

void ScenarioStore::revertPoint(const QString& plan, qint64 pointId)
{
    const Access access(store_->connection(), store_->planVersions());
    PlanEdit edit(access, plan, QStringLiteral("revert a point in"));
    const QString what = QStringLiteral("reverting point #%1 in plan \"%2\"").arg(pointId).arg(plan);
    if (access.deleteChange(edit.planId, pointId, what) != 1)
        throw Error(QStringLiteral("plan \"%1\" does not change point #%2").arg(plan).arg(pointId));
    edit.transaction.commit();
}

void ScenarioStore::setPointChange(const QString& plan, const PointChange& change)
{
    if (change.level && !levelFromInt(int(*change.level)))
        throw Error(QStringLiteral("plan \"%1\", point #%2: level %3 is not 1, 2 or 3")
                        .arg(plan)
                        .arg(change.pointId)
                        .arg(int(*change.level)));
    if (!change.kind.isEmpty() && !findKind(change.kind))
        throw Error(
            QStringLiteral("plan \"%1\", point #%2: unknown kind \"%3\"").arg(plan).arg(change.pointId).arg(change.kind));
    const Access access(store_->connection(), store_->planVersions());
    PlanEdit edit(access, plan, QStringLiteral("change a point in"));
    access.requireBaselinePoint(change.pointId, plan, QStringLiteral("change"));
    const QString what = QStringLiteral("changing point #%1 in plan \"%2\"").arg(change.pointId).arg(plan);
    if (change.closed || change.level || !change.kind.isEmpty()) {
        access.insertChange(edit.planId, change, what);
    } else {
        access.deleteChange(edit.planId, change.pointId, what);
    }
    edit.transaction.commit();
}

qint64 ScenarioStore::addRoadClosure(const QString& plan, const RoadClosure& closure)
{
    validateClosure(closure, plan);
    const Access access(store_->connection(), store_->planVersions());
    PlanEdit edit(access, plan, QStringLiteral("close a road in"));
    const qint64 id = access.insertClosure(edit.planId, closure, QStringLiteral("closing a road in plan \"%1\"").arg(plan));
    edit.transaction.commit();
    return id;
}

void ScenarioStore::removeRoadClosure(const QString& plan, qint64 closureId)
{
    const Access access(store_->connection(), store_->planVersions());
    PlanEdit edit(access, plan, QStringLiteral("reopen a road in"));
    const QString what = QStringLiteral("reopening road closure #%1 in plan \"%2\"").arg(closureId).arg(plan);
    QSqlQuery query =
        access.prepare(QStringLiteral("DELETE FROM scenario_road_closures WHERE scenario_id = ? AND id = ?"), what);
    query.addBindValue(edit.planId);
    query.addBindValue(closureId);
    access.exec(query, what);
    if (query.numRowsAffected() != 1)
        throw Error(QStringLiteral("plan \"%1\" has no road closure #%2").arg(plan).arg(closureId));
    edit.transaction.commit();
}

}  // namespace maillage
