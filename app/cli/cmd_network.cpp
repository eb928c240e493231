// `maillage network info` and `maillage od`: what a road network holds, and travel times
// between two sets of places through it.
#include "cli_support.h"
#include "planning_support.h"

#include "network/prepared_network.h"

#include "common/atomic_file.h"
#include "coverage/coverage_run.h"
#include "coverage/network_engine.h"
#include "coverage/territory_network.h"
#include "importers/point_importers.h"
#include "network/extract_lines.h"
#include "network/extract_osm.h"
#include "network/network_summary.h"
#include "network/profile_snapping.h"
#include "network/road_graph.h"
#include "network/snapping.h"
#include "network/speed_profile.h"
#include "network/travel_matrix.h"
#include "planning/scenario_coverage.h"
#include "store/kinds.h"
#include "store/store.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>

#include <optional>

namespace maillage::cli {
namespace {

// -n/--network <file> and its layer and field options (--layer as a short name for --network-layer),
// for the commands that read a network file of their own (network info, od).
QList<QCommandLineOption> networkReadingOptions()
{
    const QCommandLineOption network({QStringLiteral("n"), QStringLiteral("network")},
                                     QStringLiteral("Road network: OpenStreetMap file (.osm.pbf, .osm, .osm.gz) or any "
                                                    "line layer (GeoPackage, Shapefile, GeoJSON)."),
                                     QStringLiteral("file"));
    return QList<QCommandLineOption>{network} + networkSourceOptions(false, true);
}

// A network file as read by the network commands (info, route, od): the extraction itself and
// its figures, without a territory (core/project's loadNetwork is what a project computes on).
struct NetworkFile {
    NetworkSource source;
    SpeedProfile profile;
    NetworkInput input;
    ExtractStats stats;
    double extractSeconds = 0.0;
};

NetworkFile readNetworkFile(const QCommandLineParser& parser)
{
    // With --project (od) and no --network, the project's network and fields.
    std::optional<ProjectInputs> project;
    if (!parser.isSet(QStringLiteral("network")) && parser.optionNames().contains(QStringLiteral("project")))
        project = loadProjectInputs(openProject(parser));
    if (!project) requiredOption(parser, QStringLiteral("network"));
    NetworkFile network;
    network.source = networkSourceFrom(parser, project ? &*project : nullptr);
    network.profile = loadSpeedProfile(network.source.profile);
    Stopwatch stopwatch;
    const QString file = network.source.path;
    if (const QString note = memoryNote(file); !note.isEmpty()) err() << note << '\n';
    TerminalProgress progress(QStringLiteral("Reading %1").arg(QFileInfo(file).fileName()));
    LineLayerOptions lines = lineLayerOptions(network.source);
    lines.progress = progress.callback();
    OsmExtractOptions osm;
    osm.progress = progress.callback();
    network.input = extractNetwork(file, network.profile, lines, osm, &network.stats);
    network.extractSeconds = stopwatch.lapMs() / 1000;
    return network;
}

QString minutesText(const Trip& trip) { return QString::number(trip.minutes(), 'f', 1); }
QString kmText(const Trip& trip) { return QString::number(trip.km(), 'f', 1); }

// ------------------------------------------------------------------ od

struct Places {
    QString file;
    std::vector<AccueilPoint> points;
};

// Places from a CSV (id, name, latitude, longitude) or any OGR point layer; rows that cannot
// be read are reported on stderr with their line and skipped.
Places readPlacesFile(const QString& file, const QString& option)
{
    PointMapping mapping;
    mapping.idField = QStringLiteral("id");
    mapping.nameField = QStringLiteral("name");
    ImportBatch batch = readGenericPoints(file, mapping);
    for (const ImportIssue& issue : batch.issues)
        err() << file << (batch.featureIds ? ", feature " : ":") << issue.line << ": "
              << (issue.skipped ? "skipped: " : "warning: ") << issue.message << '\n';
    err().flush();
    if (batch.points.empty()) throw Error(QStringLiteral("%1 (--%2) holds no usable place").arg(file, option));
    return {file, std::move(batch.points)};
}

// Accueil points of the project chosen by "key:value" terms separated by commas:
// level:1..3, kind:<code>, status:existing|planned|closed, commune:<INSEE>.
Places readPlacesFromStore(const QCommandLineParser& parser, const QString& selection, const QString& option)
{
    PointFilter filter;
    for (const QString& term : selection.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString key = term.section(QLatin1Char(':'), 0, 0).trimmed().toLower();
        const QString value = term.section(QLatin1Char(':'), 1).trimmed();
        if (key == QLatin1String("level")) {
            bool ok = false;
            filter.level = levelFromInt(value.toInt(&ok));
            if (!ok || !filter.level)
                throw UsageError(QStringLiteral("--%1: level must be 1, 2 or 3, not \"%2\"").arg(option, value));
        } else if (key == QLatin1String("kind")) {
            if (!findKind(value)) throw UsageError(QStringLiteral("--%1: unknown kind \"%2\"").arg(option, value));
            filter.kind = value;
        } else if (key == QLatin1String("status")) {
            filter.status = statusFromCode(value);
            if (!filter.status)
                throw UsageError(QStringLiteral("--%1: status must be existing, planned or closed").arg(option));
        } else if (key == QLatin1String("commune")) {
            filter.communeInsee = QStringList{value};
        } else {
            throw UsageError(QStringLiteral("--%1: \"%2\" is neither a file nor a selection such as level:2, "
                                            "kind:mairie, status:existing, commune:04070")
                                 .arg(option, selection));
        }
    }
    const Store store = openProject(parser);
    Places places{store.path() + QStringLiteral(" [") + selection + QLatin1Char(']'), store.points(filter)};
    for (AccueilPoint& p : places.points) p.sourceId = QString::number(p.id);  // the store's id identifies a row
    if (places.points.empty()) throw Error(QStringLiteral("no accueil point matches %1 in %2").arg(selection, store.path()));
    return places;
}

Places readPlaces(const QCommandLineParser& parser, const QString& option)
{
    const QString spec = requiredOption(parser, option);
    if (QFileInfo::exists(spec)) return readPlacesFile(spec, option);
    if (parser.isSet(QStringLiteral("project")) && spec.contains(QLatin1Char(':')))
        return readPlacesFromStore(parser, spec, option);
    throw Error(QStringLiteral("cannot open %1 (--%2): no such file%3")
                    .arg(spec, option,
                         spec.contains(QLatin1Char(':')) ? QStringLiteral(" (a selection such as level:2 needs --project)")
                                                         : QString()));
}

std::vector<Snap> snapPlaces(const Snapper& snapper, const Places& places, const SpeedProfile& profile)
{
    std::vector<XY> positions;
    for (const AccueilPoint& p : places.points) positions.push_back(p.lambert93);
    SnapOptions options = snapOptionsFor(profile);
    // A place next to a small island of road (a fragment of a generalised network) is joined
    // to the main network rather than left unreachable.
    options.largestComponentOnly = true;
    std::vector<Snap> snaps = snapper.snapAll(positions, options);
    for (std::size_t i = 0; i < snaps.size(); ++i) {
        addTerminalTime(snaps[i], profile);
        if (snaps[i].ok()) continue;
        const AccueilPoint& p = places.points[i];
        err() << places.file << ": " << p.sourceId << " " << p.name << ": ";
        if (snaps[i].status == SnapStatus::TooFar)
            err() << QStringLiteral("%1 km from the nearest road (more than %2 km): no travel time")
                         .arg(snaps[i].offsetMetres / 1000.0, 0, 'f', 1)
                         .arg(options.maxSnapMetres / 1000.0, 0, 'f', 1);
        else err() << "cannot be joined to the road network: no travel time";
        err() << '\n';
    }
    err().flush();
    return snaps;
}

QString statusText(const Snap& from, const Snap& to, const Trip& trip)
{
    if (!from.ok()) return QStringLiteral("origin off the network");
    if (!to.ok()) return QStringLiteral("destination off the network");
    if (!trip.reached()) return QStringLiteral("unreachable");
    return QStringLiteral("ok");
}

void writeTable(const TextTable& table, const QCommandLineParser& parser)
{
    if (parser.isSet(QStringLiteral("out"))) {
        const QString path = parser.value(QStringLiteral("out"));
        QString csv;
        QTextStream stream(&csv);
        table.printCsv(stream);
        writeFileAtomically(path, csv.toUtf8());
        out() << "wrote " << table.rowCount() << " rows to " << path << '\n' << Qt::flush;
    } else if (parser.isSet(QStringLiteral("csv"))) {
        table.printCsv(out());
    } else {
        table.print(out());
    }
}

}  // namespace

// ------------------------------------------------------------------ network info

void describeNetworkInfo(QCommandLineParser& parser)
{
    parser.setApplicationDescription(
        QStringLiteral("Read a road network and report what was built: nodes, edges, km, one-way edges, connected "
                       "components and the share of the largest, km per road class, what was skipped and why."));
    parser.addOptions(networkReadingOptions());
}

int runNetworkInfo(const QCommandLineParser& parser)
{
    const NetworkFile network = readNetworkFile(parser);
    Stopwatch stopwatch;
    const RoadGraph graph(network.input);
    const double buildMs = stopwatch.lapMs();

    out() << "Network " << network.input.sourceFile;
    if (!network.stats.layer.isEmpty()) out() << " (layer " << network.stats.layer << ")";
    out() << "\nProfile " << network.profile.name << " (" << network.profile.sourceFile << ")\n\n";
    out() << describeSummary(summarizeNetwork(network.input)) << "\n\n";
    out() << "Read " << network.stats.featuresRead << " features, used " << network.stats.featuresUsed;
    if (network.stats.skippedTotal() > 0) out() << "; skipped: " << network.stats.skippedSummary();
    out() << '\n';
    out() << "One-way roads: "
          << (network.stats.onewayField.isEmpty()
                  ? (isOsmFile(network.source.path) ? QStringLiteral("from the OpenStreetMap tags")
                                                    : QStringLiteral("none (no one-way field)"))
                  : QStringLiteral("field \"%1\", %2 features one-way")
                        .arg(network.stats.onewayField)
                        .arg(network.stats.onewayFeatures))
          << '\n';
    if (!isOsmFile(network.source.path))
        out() << "Line ends joined to another line within the merge tolerance (pieces cut at tile edges): "
              << network.stats.endsJoined << "; vertices merged: " << network.stats.verticesSnapped << '\n';
    if (network.stats.unknownClassTotal() > 0)
        out() << network.stats.unknownClassTotal() << " features with a class not understood (kept as unknown)\n";
    for (const QString& warning : network.stats.warnings) out() << "warning: " << warning << '\n';
    out() << QStringLiteral(
                 "Extraction %1 s; routable graph built in %2 ms, %3 MB (%4 bytes per edge for the "
                 "searches)\n")
                 .arg(network.extractSeconds, 0, 'f', 2)
                 .arg(buildMs, 0, 'f', 1)
                 .arg(graph.totalMemoryBytes() / 1e6, 0, 'f', 1)
                 .arg(graph.edgeCount() ? double(graph.searchMemoryBytes()) / graph.edgeCount() : 0.0, 0, 'f', 1);
    out().flush();
    return 0;
}

// ------------------------------------------------------------------ network prepare

void describeNetworkPrepare(QCommandLineParser& parser)
{
    parser.setApplicationDescription(
        QStringLiteral("Build the project's prepared network: its road network read with its profile (and town connectors), "
                       "saved beside the project as <project>.network for every later command and the application. "
                       "Commands build it themselves when it is missing or stale; this does it ahead, with a progress line "
                       "(Ctrl-C cancels and leaves no partial file)."));
    parser.addOption(projectOption());
    parser.addOptions(planningNetworkOptions());
    parser.addOption({QStringLiteral("rebuild"), QStringLiteral("Build it again even when it is up to date.")});
}

int runNetworkPrepare(const QCommandLineParser& parser)
{
    const QString projectPath = requiredOption(parser, QStringLiteral("project"));
    const QString preparedPath = preparedNetworkPathFor(projectPath);
    if (parser.isSet(QStringLiteral("rebuild")) && QFile::exists(preparedPath) && !QFile::remove(preparedPath))
        throw Error(QStringLiteral("cannot remove %1 to rebuild it").arg(preparedPath));
    const QDateTime before = QFileInfo(preparedPath).lastModified();
    Stopwatch stopwatch;
    PlanningProject project = loadPlanningProject(parser);
    if (!QFileInfo::exists(preparedPath))
        throw Error(QStringLiteral("the prepared network %1 could not be written").arg(preparedPath));
    const bool built = !before.isValid() || QFileInfo(preparedPath).lastModified() != before;
    // The grid of --cell metres with every cell and town hall joined to the roads, kept in the
    // file too: the first coverage reads them instead of snapping.
    // The context is made here (not through scenarioRunner) so that the linking, the long
    // part when the file is built, shows its progress line and Ctrl-C stops it: the prepared
    // file then keeps the network alone, complete (links are written whole, under a temporary
    // name, or not at all).
    TerminalProgress linking(QStringLiteral("Linking the grid cells and town halls to the roads"));
    const GraphTravelEngine engine(*project.graph, project.profile,
                                   Snapper::fromBytes(*project.graph, project.prepared.spatialIndex));
    const CoverageContext context(project.territory, engine, project.points,
                                  CoverageSetup{.cellSize = cellOption(parser),
                                                .placement = placementOptionsFor(project.inputs),
                                                .threads = threadsOption(parser),
                                                .storedLinks = &project.prepared.links,
                                                .linkProgress = linking.callback()});
    if (const QString note = keepCoverageLinks(project.prepared, context); !note.isEmpty())
        err() << "note: " << note << '\n';
    const QFileInfo after(preparedPath);
    out() << QStringLiteral(
                 "Prepared network %1: %2 nodes, %3 edges, links of %4 cells of %5 m and %6 town halls, %7 MB; "
                 "%8 in %9 s\n")
                 .arg(preparedPath)
                 .arg(project.roads->nodes.size())
                 .arg(project.roads->edges.size())
                 .arg(context.grid().cellCount())
                 .arg(context.grid().cellSize())
                 .arg(context.townHalls().positions.size())
                 .arg(after.size() / 1e6, 0, 'f', 1)
                 .arg(built                   ? QStringLiteral("built")
                      : context.linksReused() ? QStringLiteral("up to date, read")
                                              : QStringLiteral("read, grid linked"))
                 .arg(stopwatch.lapMs() / 1000, 0, 'f', 2)
          << Qt::flush;
    return 0;
}

namespace {

// The network the trips run on. With --project and no network of its own: the project's
// prepared network (graph and spatial index, town connectors on a coarse network), as every
// command computes on; else the network file is read here. Not movable: the snapper points
// into the graph.
class OdNetwork {
public:
    explicit OdNetwork(const QCommandLineParser& parser)
    {
        if (parser.isSet(QStringLiteral("project")) && !parser.isSet(QStringLiteral("network"))) {
            project_ = loadPlanningProject(parser);
            snapper_ = Snapper::fromBytes(*project_->graph, project_->prepared.spatialIndex);
        } else {
            network_ = readNetworkFile(parser);
            ownGraph_.emplace(network_->input);
        }
        if (!snapper_) snapper_.emplace(graph());
    }
    Q_DISABLE_COPY(OdNetwork)

    const RoadGraph& graph() const { return project_ ? *project_->graph : *ownGraph_; }
    const SpeedProfile& profile() const { return project_ ? project_->profile : network_->profile; }
    const Snapper& snapper() const { return *snapper_; }

private:
    std::optional<PlanningProject> project_;
    std::optional<NetworkFile> network_;
    std::optional<RoadGraph> ownGraph_;
    std::optional<Snapper> snapper_;
};

// A row per trip (per origin with --nearest), with why a trip has no time.
TextTable odTable(const OdNetwork& network, const Places& from, const Places& to, bool nearestOnly)
{
    const std::vector<Snap> origins = snapPlaces(network.snapper(), from, network.profile());
    const std::vector<Snap> destinations = snapPlaces(network.snapper(), to, network.profile());
    TextTable table({QStringLiteral("from_id"), QStringLiteral("from_name"), QStringLiteral("to_id"),
                     QStringLiteral("to_name"), QStringLiteral("km"), QStringLiteral("minutes"), QStringLiteral("status")});
    const auto addRow = [&](std::size_t o, std::size_t d, const Trip& trip) {
        const AccueilPoint& a = from.points[o];
        const bool known = d < to.points.size();
        const QString status =
            known ? statusText(origins[o], destinations[d], trip)
                  : (origins[o].ok() ? QStringLiteral("unreachable") : QStringLiteral("origin off the network"));
        table.addRow({a.sourceId, a.name, known ? to.points[d].sourceId : QString(), known ? to.points[d].name : QString(),
                      trip.reached() ? kmText(trip) : QString(), trip.reached() ? minutesText(trip) : QString(), status});
    };
    if (nearestOnly) {
        const std::vector<NearestTrip> nearest = nearestDestinations(network.graph(), origins, destinations);
        for (std::size_t o = 0; o < nearest.size(); ++o) addRow(o, nearest[o].destination, nearest[o].trip);
    } else {
        const TravelMatrix matrix = travelMatrix(network.graph(), origins, destinations);
        for (std::size_t o = 0; o < matrix.rows(); ++o)
            for (std::size_t d = 0; d < matrix.columns(); ++d) addRow(o, d, matrix.at(o, d));
    }
    return table;
}

}  // namespace

void describeOd(QCommandLineParser& parser)
{
    parser.setApplicationDescription(
        QStringLiteral("Driving times and distances between two sets of places through a road network. Places are CSV "
                       "files with id, name, latitude, longitude columns (WGS84), any OGR point layer with id and "
                       "name fields, or accueil points of a project (--project) chosen by level, kind, status. Times "
                       "include the off-network legs and the profile's terminal time at each end; "
                       "km are along the fastest path, legs included. A place too far from any road is reported and "
                       "gets no time."));
    parser.addOptions(networkReadingOptions());
    parser.addOption(projectOption());
    parser.addOptions({
        {QStringLiteral("from"),
         QStringLiteral("Origins: a CSV or point layer, or with --project a selection of accueil points such as "
                        "level:1, kind:mairie, level:2,status:existing."),
         QStringLiteral("places")},
        {QStringLiteral("to"), QStringLiteral("Destinations, as --from."), QStringLiteral("places")},
        {QStringLiteral("nearest"), QStringLiteral("Only the nearest destination (by time) of each origin.")},
        outOption(QStringLiteral("Write the result as CSV to this file.")),
        {QStringLiteral("csv"), QStringLiteral("Print CSV instead of a table.")},
    });
}

int runOd(const QCommandLineParser& parser)
{
    if (parser.isSet(QStringLiteral("out")))
        checkOutputPath(QStringLiteral("--out"), parser.value(QStringLiteral("out")),
                        {parser.value(QStringLiteral("network")), parser.value(QStringLiteral("project")),
                         parser.value(QStringLiteral("from")), parser.value(QStringLiteral("to")),
                         parser.value(QStringLiteral("profile"))});
    const Places from = readPlaces(parser, QStringLiteral("from"));
    const Places to = readPlaces(parser, QStringLiteral("to"));
    const OdNetwork network(parser);
    const TextTable table = odTable(network, from, to, parser.isSet(QStringLiteral("nearest")));
    writeTable(table, parser);
    return 0;
}

}  // namespace maillage::cli
