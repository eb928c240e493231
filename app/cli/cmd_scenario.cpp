// maillage scenario: the plans of a project — create, copy, rename, delete, and the changes a
// plan makes (points added, closed, upgraded; roads closed). The baseline is never changed.
#include "cli_support.h"

#include "geo/crs.h"
#include "geo/territory.h"
#include "io/territory_loader.h"
#include "network/extract_lines.h"
#include "network/extract_osm.h"
#include "network/road_graph.h"
#include "network/speed_profile.h"
#include "planning/road_closures.h"
#include "planning/scenario.h"
#include "project/project_settings.h"
#include "store/kinds.h"
#include "store/scenarios.h"
#include "store/store.h"

#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

namespace maillage::cli {
namespace {

const QString kActions = QStringLiteral(
    "Actions:\n"
    "  list                             the plans of the project\n"
    "  show NAME                        a scenario's changes\n"
    "  create NAME [--from SCENARIO]    a new plan (empty, or a copy of SCENARIO)\n"
    "  copy FROM TO                     a new plan with the same changes\n"
    "  rename FROM TO\n"
    "  delete NAME\n"
    "  add-point NAME --name TEXT (--lat L --lon L | --x X --y Y | --at-point ID) [--level 2] [--kind K]\n"
    "  close-point NAME --point ID      close a point in the plan (a point the plan added is removed)\n"
    "  set-level NAME --point ID --level N [--kind K]   e.g. a La Poste agency raised to level 2\n"
    "  revert-point NAME --point ID     forget the plan's change to a point\n"
    "  close-road NAME (--ref D908 [--near LAT,LON | --near-point ID] [--radius KM] | --at LAT,LON | --edge N)\n"
    "  reopen-road NAME --closure ID\n"
    "The baseline (\"baseline\") is the project's points as they are; plans never change it.\n"
    "Points a plan adds have negative ids (write --point=-3).");

qint64 pointOption(const QCommandLineParser& parser, const QString& name = QStringLiteral("point"))
{
    const QString text = requiredOption(parser, name);
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id == 0)
        throw UsageError(QStringLiteral("--%1 must be a point id (as `maillage points` or `scenario show` "
                                        "list them), not \"%2\"")
                             .arg(name, text));
    return id;
}

double numberOption(const QCommandLineParser& parser, const QString& name)
{
    bool ok = false;
    const double value = parser.value(name).toDouble(&ok);
    if (!ok || !std::isfinite(value))
        throw UsageError(QStringLiteral("--%1 must be a number, not \"%2\"").arg(name, parser.value(name)));
    return value;
}

// "44.298,6.593" (latitude, longitude in WGS84 degrees, as map sites show them).
LonLat latLonOption(const QCommandLineParser& parser, const QString& name)
{
    const QStringList parts = parser.value(name).split(QLatin1Char(','));
    bool okLat = false, okLon = false;
    const LonLat position{parts.size() == 2 ? parts[1].trimmed().toDouble(&okLon) : 0.0,
                          parts.size() == 2 ? parts[0].trimmed().toDouble(&okLat) : 0.0};
    if (!okLat || !okLon || !isValidLonLat(position))
        throw UsageError(QStringLiteral("--%1 must be latitude,longitude in degrees, e.g. 44.2983,6.5933 (not \"%2\")")
                             .arg(name, parser.value(name)));
    return position;
}

AccueilPoint storedPoint(const Store& store, qint64 id)
{
    const std::optional<AccueilPoint> point = store.point(id);
    if (!point) throw Error(QStringLiteral("project %1 has no point #%2").arg(store.path()).arg(id));
    return *point;
}

QString levelKindText(Level level, const QString& kind)
{
    const KindInfo* info = findKind(kind);
    return QStringLiteral("level %1, %2").arg(int(level)).arg(info ? info->labelEn : kind);
}

// The project's territory, when it can be read (nullptr otherwise).
const Territory* projectTerritory(const Store& store)
{
    static std::optional<Territory> territory;
    static bool tried = false;
    if (!tried) {
        tried = true;
        try {
            territory = loadTerritory(loadProjectInputs(store).territory);
        } catch (const Error&) {
        }
    }
    return territory ? &*territory : nullptr;
}

// Throws, before any slow work, unless `name` is a plan that may be changed.
void requireChangeablePlan(ScenarioStore& scenarios, const QString& name)
{
    if (isBaselineName(name))
        throw Error(
            QStringLiteral("the baseline cannot be changed: create a plan (maillage scenario create NAME) and "
                           "change that"));
    scenarios.scenario(name);  // throws when unknown
}

// Finds the closure's edges in the project's network, when it has one, so that a closure
// that closes nothing is refused before it is saved. Returns the description to print.
QString checkClosure(const Store& store, const RoadClosure& closure)
{
    ProjectInputs inputs;
    try {
        inputs = loadProjectInputs(store);
    } catch (const Error&) {
        return {};
    }
    if (inputs.networkPath.isEmpty() || !QFileInfo::exists(inputs.networkPath)) return {};
    const NetworkSource source = networkSourceOf(inputs);
    // Without town connectors: they only split roads, the references and places are the same.
    const RoadGraph graph(
        extractNetwork(inputs.networkPath, loadSpeedProfile(chooseProfile(source).profile), lineLayerOptions(source)));
    const std::vector<ResolvedClosure> resolved = resolveRoadClosures(graph, std::span<const RoadClosure>(&closure, 1));
    if (resolved.front().edges.empty())
        throw Error(QStringLiteral("%1 in %2; nothing was saved").arg(resolved.front().description, inputs.networkPath));
    return resolved.front().description;
}

void printList(ScenarioStore& scenarios)
{
    TextTable table({QStringLiteral("scenario"), QStringLiteral("points added"), QStringLiteral("points changed"),
                     QStringLiteral("roads closed"), QStringLiteral("updated"), QStringLiteral("description")});
    table.addRow({kBaselineScenario, QStringLiteral("-"), QStringLiteral("-"), QStringLiteral("-"), QString(),
                  QStringLiteral("the project's points as they are")});
    for (const ScenarioSummary& s : scenarios.list())
        table.addRow({s.name, QString::number(s.addedPoints), QString::number(s.pointChanges),
                      QString::number(s.roadClosures), s.updatedAt.toString(Qt::ISODate), s.description});
    table.print(out());
}

void printScenario(const Store& store, ScenarioStore& scenarios, const QString& name)
{
    const Scenario scenario = scenarios.scenario(name);
    out() << "Scenario " << scenario.name;
    if (!scenario.description.isEmpty()) out() << ": " << scenario.description;
    out() << '\n';
    if (scenario.isBaseline()) {
        out() << store.pointCount({.status = PointStatus::Existing}) << " existing points; the baseline has no change\n";
        out().flush();
        return;
    }
    if (scenario.addedPoints.empty() && scenario.pointChanges.empty() && scenario.roadClosures.empty())
        out() << "No change yet: the same as the baseline.\n";
    if (!scenario.addedPoints.empty()) {
        out() << "\nPoints added:\n";
        TextTable table({QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("level"), QStringLiteral("kind"),
                         QStringLiteral("commune"), QStringLiteral("latitude"), QStringLiteral("longitude"),
                         QStringLiteral("serves by visio")});
        for (const AccueilPoint& p : scenario.addedPoints)
            table.addRow({QString::number(p.id), p.name, QString::number(int(p.level)), p.kind, p.communeInsee,
                          QString::number(p.wgs84.lat, 'f', 5), QString::number(p.wgs84.lon, 'f', 5), servesText(p.serves)});
        table.print(out());
    }
    if (!scenario.pointChanges.empty()) {
        out() << "\nPoints changed:\n";
        TextTable table({QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("in the baseline"),
                         QStringLiteral("in this plan")});
        for (const PointChange& change : scenario.pointChanges) {
            const std::optional<AccueilPoint> point = store.point(change.pointId);
            QString now;
            if (change.closed) now = QStringLiteral("closed");
            if (change.level || !change.kind.isEmpty()) {
                if (!now.isEmpty()) now += QStringLiteral("; ");
                now += levelKindText(change.level.value_or(point ? point->level : Level::First),
                                     change.kind.isEmpty() && point ? point->kind : change.kind);
            }
            table.addRow({QString::number(change.pointId),
                          point ? point->name : QStringLiteral("(no longer in the project)"),
                          point ? levelKindText(point->level, point->kind) : QString(), now});
        }
        table.print(out());
    }
    if (!scenario.roadClosures.empty()) {
        out() << "\nRoads closed:\n";
        for (const RoadClosure& closure : scenario.roadClosures)
            out() << "  #" << closure.id << " " << describeRoadClosure(closure) << '\n';
    }
    out().flush();
}

// The point to add, from the options.
AccueilPoint newPoint(const QCommandLineParser& parser, const Store& store)
{
    AccueilPoint point;
    const bool atPoint = parser.isSet(QStringLiteral("at-point"));
    const bool latLon = parser.isSet(QStringLiteral("lat")) || parser.isSet(QStringLiteral("lon"));
    const bool xy = parser.isSet(QStringLiteral("x")) || parser.isSet(QStringLiteral("y"));
    if (int(atPoint) + int(latLon) + int(xy) != 1)
        throw UsageError(
            QStringLiteral("give the position of the new point with one of --lat/--lon, --x/--y or --at-point"));
    if (atPoint) {
        const AccueilPoint at = storedPoint(store, pointOption(parser, QStringLiteral("at-point")));
        point.lambert93 = at.lambert93;
        point.wgs84 = at.wgs84;
        point.communeInsee = at.communeInsee;
        point.address = at.address;
        point.name = QStringLiteral("France services – %1").arg(at.name);
    } else if (latLon) {
        point.wgs84 = {numberOption(parser, QStringLiteral("lon")), numberOption(parser, QStringLiteral("lat"))};
        if (!isValidLonLat(point.wgs84)) throw UsageError(QStringLiteral("--lat/--lon are not a valid position"));
        point.lambert93 = toLambert93(point.wgs84);
    } else {
        point.lambert93 = {numberOption(parser, QStringLiteral("x")), numberOption(parser, QStringLiteral("y"))};
        point.wgs84 = toWgs84(point.lambert93);
    }
    if (parser.isSet(QStringLiteral("name"))) point.name = parser.value(QStringLiteral("name"));
    if (point.name.trimmed().isEmpty()) throw UsageError(QStringLiteral("give the new point a --name"));
    point.kind =
        parser.isSet(QStringLiteral("kind")) ? parser.value(QStringLiteral("kind")) : QStringLiteral("france_services");
    const KindInfo* kind = findKind(point.kind);
    if (!kind) throw UsageError(QStringLiteral("unknown kind \"%1\"").arg(point.kind));
    point.level = levelFromInt(intOption(parser, QStringLiteral("level"), 1, 3).value_or(int(kind->defaultLevel))).value();
    point.status = PointStatus::Planned;
    if (parser.isSet(QStringLiteral("commune"))) point.communeInsee = parser.value(QStringLiteral("commune"));
    if (const Territory* territory = projectTerritory(store)) {
        const Commune* commune = territory->communeAt(point.lambert93);
        if (point.communeInsee.isEmpty() && commune) point.communeInsee = commune->insee;
        point.outsideTerritory = commune == nullptr;
    }
    point.notes = parser.value(QStringLiteral("notes"));
    if (parser.isSet(QStringLiteral("serves"))) {
        try {
            point.serves = parseServes(parser.value(QStringLiteral("serves")));
        } catch (const Error& error) {
            throw UsageError(QStringLiteral("--serves: %1").arg(error.message()));
        }
    }
    if (isVisioKind(point.kind) && point.serves.isEmpty())
        throw UsageError(QStringLiteral("a visio point needs --serves, the operators met there by video (e.g. caf;cpam)"));
    point.source = QStringLiteral("maillage-scenario");
    return point;
}

RoadClosure newClosure(const QCommandLineParser& parser, const Store& store)
{
    RoadClosure closure;
    closure.note = parser.value(QStringLiteral("note"));
    const bool byRef = parser.isSet(QStringLiteral("ref"));
    const bool byPosition = parser.isSet(QStringLiteral("at"));
    const bool byEdge = parser.isSet(QStringLiteral("edge"));
    if (int(byRef) + int(byPosition) + int(byEdge) != 1)
        throw UsageError(
            QStringLiteral("say which road to close with one of --ref (a road reference such as D908), "
                           "--at LAT,LON (the road nearest to a place) or --edge N"));
    if (byRef) {
        closure.method = ClosureMethod::Ref;
        closure.ref = parser.value(QStringLiteral("ref"));
        if (parser.isSet(QStringLiteral("near")) && parser.isSet(QStringLiteral("near-point")))
            throw UsageError(QStringLiteral("give --near or --near-point, not both"));
        if (parser.isSet(QStringLiteral("near"))) closure.centre = toLambert93(latLonOption(parser, QStringLiteral("near")));
        else if (parser.isSet(QStringLiteral("near-point")))
            closure.centre = storedPoint(store, pointOption(parser, QStringLiteral("near-point"))).lambert93;
        if (closure.centre) {
            const double km = parser.isSet(QStringLiteral("radius")) ? numberOption(parser, QStringLiteral("radius")) : 5.0;
            if (!(km > 0.0)) throw UsageError(QStringLiteral("--radius must be a positive number of km"));
            closure.radiusMetres = km * 1000.0;
        } else if (parser.isSet(QStringLiteral("radius"))) {
            throw UsageError(QStringLiteral("--radius needs --near or --near-point"));
        }
    } else if (byPosition) {
        closure.method = ClosureMethod::Position;
        closure.centre = toLambert93(latLonOption(parser, QStringLiteral("at")));
    } else {
        closure.method = ClosureMethod::Edge;
        bool ok = false;
        const qlonglong edge = parser.value(QStringLiteral("edge")).toLongLong(&ok);
        if (!ok || edge < 0 || edge > qlonglong(kNoEdge) - 1)
            throw UsageError(
                QStringLiteral("--edge must be an edge number, not \"%1\"").arg(parser.value(QStringLiteral("edge"))));
        closure.edge = std::uint32_t(edge);
    }
    return closure;
}

// What an action is given: the command line, the project and its plans, and the plan names
// that follow the action.
struct ActionCall {
    const QCommandLineParser& parser;
    Store& store;
    ScenarioStore& scenarios;
    QString name;   // the plan the action is about
    QString other;  // copy, rename: the second name
};

struct Action {
    QString name;
    int arguments;  // positional arguments after the action
    std::function<void(const ActionCall&)> run;
};

void createPlan(const ActionCall& call)
{
    const QString from = call.parser.value(QStringLiteral("from"));
    const QString description = call.parser.value(QStringLiteral("description"));
    const Scenario created =
        from.isEmpty() ? call.scenarios.create(call.name, description) : call.scenarios.copy(from, call.name);
    if (!from.isEmpty() && call.parser.isSet(QStringLiteral("description")))
        call.scenarios.setDescription(created.name, description);
    out() << "Created plan " << created.name
          << (from.isEmpty() ? QStringLiteral(" (no change yet)") : QStringLiteral(", a copy of ") + from) << '\n';
}

void addPoint(const ActionCall& call)
{
    const AccueilPoint point = newPoint(call.parser, call.store);
    const qint64 id = call.scenarios.addPoint(call.name, point);
    out() << "Added point " << id << " \"" << point.name << "\" (" << levelKindText(point.level, point.kind)
          << (point.communeInsee.isEmpty() ? QString() : QStringLiteral(", commune ") + point.communeInsee) << ") to plan "
          << call.name << '\n';
}

void closePoint(const ActionCall& call)
{
    const qint64 id = pointOption(call.parser);
    call.scenarios.closePoint(call.name, id);
    if (id < 0) out() << "Removed planned point " << id << " from plan " << call.name << '\n';
    else out() << "Closed point #" << id << " \"" << storedPoint(call.store, id).name << "\" in plan " << call.name << '\n';
}

void setLevel(const ActionCall& call)
{
    const qint64 id = pointOption(call.parser);
    const auto level = intOption(call.parser, QStringLiteral("level"), 1, 3);
    if (!level) throw UsageError(QStringLiteral("missing required option --level"));
    const QString kind = call.parser.value(QStringLiteral("kind"));
    if (!kind.isEmpty() && !findKind(kind)) throw UsageError(QStringLiteral("unknown kind \"%1\"").arg(kind));
    call.scenarios.setPointLevel(call.name, id, levelFromInt(*level).value(), kind);
    out() << "Point " << id << " is at level " << *level
          << (kind.isEmpty() ? QString() : QStringLiteral(" (") + kind + QLatin1Char(')')) << " in plan " << call.name
          << '\n';
}

void closeRoad(const ActionCall& call)
{
    const RoadClosure closure = newClosure(call.parser, call.store);
    requireChangeablePlan(call.scenarios, call.name);
    const QString found = checkClosure(call.store, closure);
    const qint64 id = call.scenarios.addRoadClosure(call.name, closure);
    out() << "Closed in plan " << call.name << " (#" << id
          << "): " << (found.isEmpty() ? describeRoadClosure(closure) : found) << '\n';
}

void reopenRoad(const ActionCall& call)
{
    bool ok = false;
    const qint64 id = call.parser.value(QStringLiteral("closure")).toLongLong(&ok);
    if (!ok) throw UsageError(QStringLiteral("--closure must be the id of a road closure (see scenario show)"));
    call.scenarios.removeRoadClosure(call.name, id);
    out() << "Reopened road closure #" << id << " in plan " << call.name << '\n';
}

const std::vector<Action>& actions()
{
    static const std::vector<Action> all{
        {QStringLiteral("list"), 0, [](const ActionCall& call) { printList(call.scenarios); }},
        {QStringLiteral("show"), 1, [](const ActionCall& call) { printScenario(call.store, call.scenarios, call.name); }},
        {QStringLiteral("create"), 1, createPlan},
        {QStringLiteral("copy"), 2,
         [](const ActionCall& call) {
             call.scenarios.copy(call.name, call.other);
             out() << "Copied " << call.name << " to " << call.other << '\n';
         }},
        {QStringLiteral("rename"), 2,
         [](const ActionCall& call) {
             call.scenarios.rename(call.name, call.other);
             out() << "Renamed " << call.name << " to " << call.other << '\n';
         }},
        {QStringLiteral("delete"), 1,
         [](const ActionCall& call) {
             call.scenarios.remove(call.name);
             out() << "Deleted plan " << call.name << '\n';
         }},
        {QStringLiteral("add-point"), 1, addPoint},
        {QStringLiteral("close-point"), 1, closePoint},
        {QStringLiteral("set-level"), 1, setLevel},
        {QStringLiteral("revert-point"), 1,
         [](const ActionCall& call) {
             const qint64 id = pointOption(call.parser);
             call.scenarios.revertPoint(call.name, id);
             out() << "Point #" << id << " is as in the baseline again in plan " << call.name << '\n';
         }},
        {QStringLiteral("close-road"), 1, closeRoad},
        {QStringLiteral("reopen-road"), 1, reopenRoad},
    };
    return all;
}

}  // namespace

void describeScenario(QCommandLineParser& parser)
{
    parser.setApplicationDescription(QStringLiteral("Plans of a project (scenarios).\n\n") + kActions);
    parser.addOption(projectOption());
    parser.addOptions({
        {QStringLiteral("description"), QStringLiteral("create: what the plan is for."), QStringLiteral("text")},
        {QStringLiteral("from"), QStringLiteral("create: start from a copy of this scenario."), QStringLiteral("scenario")},
        {QStringLiteral("name"), QStringLiteral("add-point: name of the new point."), QStringLiteral("text")},
        {QStringLiteral("lat"), QStringLiteral("add-point: latitude (WGS84)."), QStringLiteral("degrees")},
        {QStringLiteral("lon"), QStringLiteral("add-point: longitude (WGS84)."), QStringLiteral("degrees")},
        {QStringLiteral("x"), QStringLiteral("add-point: Lambert-93 x."), QStringLiteral("metres")},
        {QStringLiteral("y"), QStringLiteral("add-point: Lambert-93 y."), QStringLiteral("metres")},
        {QStringLiteral("at-point"), QStringLiteral("add-point: at the place of this point (e.g. a town hall)."),
         QStringLiteral("id")},
        {QStringLiteral("commune"), QStringLiteral("add-point: INSEE code (default: the commune at the position)."),
         QStringLiteral("insee")},
        {QStringLiteral("notes"), QStringLiteral("add-point: notes."), QStringLiteral("text")},
        levelOption(QStringLiteral("add-point, set-level: level 1, 2 or 3.")),
        kindOption(QStringLiteral("add-point, set-level: kind code (e.g. france_services).")),
        {QStringLiteral("serves"), QStringLiteral("add-point: level-3 operators a visio point serves (e.g. \"caf;cpam\")."),
         QStringLiteral("codes")},
        {QStringLiteral("point"), QStringLiteral("close-point, set-level, revert-point: the point's id."),
         QStringLiteral("id")},
        {QStringLiteral("ref"), QStringLiteral("close-road: road reference, e.g. D908."), QStringLiteral("ref")},
        {QStringLiteral("near"), QStringLiteral("close-road: only near this place (latitude,longitude)."),
         QStringLiteral("lat,lon")},
        {QStringLiteral("near-point"), QStringLiteral("close-road: only near this point (id)."), QStringLiteral("id")},
        {QStringLiteral("radius"), QStringLiteral("close-road: around --near, in km (default 5)."), QStringLiteral("km")},
        {QStringLiteral("at"), QStringLiteral("close-road: the road nearest to this place (latitude,longitude)."),
         QStringLiteral("lat,lon")},
        {QStringLiteral("edge"), QStringLiteral("close-road: an edge id of the project's network."), QStringLiteral("n")},
        {QStringLiteral("note"), QStringLiteral("close-road: why (e.g. \"col fermé l'hiver\")."), QStringLiteral("text")},
        {QStringLiteral("closure"), QStringLiteral("reopen-road: the closure's id (scenario show)."), QStringLiteral("id")},
    });
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("list, show, create, copy, rename, delete, "
                                                                          "add-point, close-point, set-level, "
                                                                          "revert-point, close-road, reopen-road"));
}

int runScenario(const QCommandLineParser& parser)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) throw UsageError(QStringLiteral("say what to do: maillage scenario list|show|create|..."));
    const QString action = positional.front();
    const auto found = std::find_if(actions().begin(), actions().end(), [&](const Action& a) { return a.name == action; });
    if (found == actions().end()) throw UsageError(QStringLiteral("unknown action \"%1\"").arg(action));
    if (positional.size() - 1 != found->arguments)
        throw UsageError(QStringLiteral("scenario %1 takes %2 name%3 (got %4)")
                             .arg(action)
                             .arg(found->arguments)
                             .arg(found->arguments == 1 ? QString() : QStringLiteral("s"))
                             .arg(positional.size() - 1));
    const QString name = positional.value(1);
    const QString other = positional.value(2);

    Store store = openProject(parser);
    ScenarioStore scenarios(store);
    found->run({parser, store, scenarios, name, other});
    out().flush();
    return 0;
}

}  // namespace maillage::cli
