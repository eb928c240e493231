#include "planning_support.h"

#include "coverage/coverage_run.h"
#include "coverage/grid.h"
#include "coverage/population.h"
#include "coverage/territory_network.h"
#include "io/territory_loader.h"
#include "network/extract_lines.h"
#include "network/extract_osm.h"
#include "planning/scenario_coverage.h"

#include <QFileInfo>

#include <cmath>

namespace maillage::cli {

QList<QCommandLineOption> planningNetworkOptions()
{
    return {
        {QStringLiteral("network"), QStringLiteral("Road network (default: the project's)."), QStringLiteral("file")},
        {QStringLiteral("network-layer"), QStringLiteral("Layer of the network file."), QStringLiteral("layer")},
        {QStringLiteral("profile"), QStringLiteral("Speed profile: \"generalised\", \"osm\" or a JSON file (default: the project's)."),
         QStringLiteral("profile")},
        {QStringLiteral("cell"), QStringLiteral("Grid cell size in metres (default 200)."), QStringLiteral("metres")},
        {QStringLiteral("threads"), QStringLiteral("Threads for snapping, searches and clipping (default 2)."), QStringLiteral("n")},
    };
}

QList<QCommandLineOption> coverageLevelOptions()
{
    return {
        {QStringLiteral("level"), QStringLiteral("Level of the points: 1, 2 or 3 (default 2)."), QStringLiteral("level")},
        {QStringLiteral("threshold"), QStringLiteral("Minutes beyond which a place is a gap (default 20)."), QStringLiteral("minutes")},
    };
}

double doubleValue(const QCommandLineParser& parser, const QString& name, double fallback)
{
    if (!parser.isSet(name)) return fallback;
    bool ok = false;
    const double value = parser.value(name).toDouble(&ok);
    if (!ok || !std::isfinite(value))
        throw UsageError(QStringLiteral("--%1 must be a number, not \"%2\"").arg(name, parser.value(name)));
    return value;
}

CoverageOptions coverageOptionsFrom(const QCommandLineParser& parser)
{
    CoverageOptions options;
    options.level = intOption(parser, QStringLiteral("level"), 1, 3).value_or(2);
    options.thresholdMinutes = doubleValue(parser, QStringLiteral("threshold"), kDefaultThresholdMinutes);
    options.threads = threadsOption(parser);
    try {
        requireValidOptions(options);
    } catch (const Error& e) {
        throw UsageError(e.message());
    }
    return options;
}

double cellOption(const QCommandLineParser& parser)
{
    const double cell = doubleValue(parser, QStringLiteral("cell"), CoverageGrid::kDefaultCellSize);
    if (!(cell > 0.0))
        throw UsageError(QStringLiteral("--cell must be a positive number of metres, not \"%1\"").arg(parser.value(QStringLiteral("cell"))));
    return cell;
}

int threadsOption(const QCommandLineParser& parser)
{
    return intOption(parser, QStringLiteral("threads"), 1, 64).value_or(2);
}

PlanningProject loadPlanningProject(const QCommandLineParser& parser)
{
    PlanningProject project;
    project.store = std::make_unique<Store>(openProject(parser));
    project.inputs = loadProjectInputs(*project.store);
    project.territory = loadTerritory(project.inputs.territory);

    project.networkPath = parser.isSet(QStringLiteral("network")) ? parser.value(QStringLiteral("network"))
                                                                  : project.inputs.networkPath;
    if (project.networkPath.isEmpty())
        throw Error(QStringLiteral("no road network: give --network FILE, or save one in the project with "
                                   "maillage init --network"));
    if (!QFileInfo::exists(project.networkPath))
        throw Error(QStringLiteral("cannot open the road network %1: no such file").arg(project.networkPath));
    QString profileName = parser.isSet(QStringLiteral("profile")) ? parser.value(QStringLiteral("profile"))
                                                                  : project.inputs.profile;
    if (profileName.isEmpty())
        profileName = isOsmFile(project.networkPath) ? QStringLiteral("osm") : QStringLiteral("generalised");
    project.profile = loadSpeedProfile(profileName);
    if (project.profile.name.isEmpty()) project.profile.name = profileName;
    LineLayerOptions lineOptions;
    lineOptions.layer = parser.isSet(QStringLiteral("network-layer")) ? parser.value(QStringLiteral("network-layer"))
                                                                      : project.inputs.networkLayer;

    project.points = project.store->points();
    // Coarse networks are completed with town connectors at the town halls (see the profile).
    if (const QString note = memoryNote(project.networkPath); !note.isEmpty()) err() << note << '\n';
    TerminalProgress progress(QStringLiteral("Preparing the network %1").arg(QFileInfo(project.networkPath).fileName()));
    PreparedNetworkOutcome prepared;
    project.roads = std::make_shared<const NetworkInput>(loadTerritoryNetwork(
        project.networkPath, project.profile, lineOptions,
        townAnchors(project.territory, townHallsFor(project.territory, project.points)), &project.connectors,
        preparedNetworkRequest(*project.store, progress), &prepared));
    reportPreparedNetwork(prepared);
    project.graph = std::make_unique<RoadGraph>(*project.roads);
    return project;
}

std::unique_ptr<ScenarioCoverageRunner> scenarioRunner(PlanningProject& project, const QCommandLineParser& parser)
{
    return std::make_unique<ScenarioCoverageRunner>(
        project.territory, *project.graph, project.profile, project.points,
        CoverageSetup{.cellSize = cellOption(parser), .placement = {}, .threads = threadsOption(parser)});
}

QString peopleText(double value) { return groupThousands(qint64(std::llround(value))); }

QString shareText(double share) { return QStringLiteral("%1 %").arg(100.0 * share, 0, 'f', 1); }

QString minutesText(double minutes)
{
    return std::isfinite(minutes) ? QString::number(minutes, 'f', 1) : QStringLiteral("-");
}

QString signedPeople(double value)
{
    const qint64 rounded = std::llround(value);
    return rounded > 0 ? QLatin1Char('+') + groupThousands(rounded) : groupThousands(rounded);
}

void printClosures(const ScenarioCoverage& coverage)
{
    if (coverage.closures.empty()) return;
    out() << "Roads closed in " << coverage.scenario << ":\n";
    for (const ResolvedClosure& closure : coverage.closures)
        out() << "  #" << closure.closure.id << " " << closure.description << '\n';
    out().flush();
}

}  // namespace maillage::cli
