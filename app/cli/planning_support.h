#pragma once

#include "cli_support.h"

#include "coverage/territory_network.h"
#include "geo/territory.h"
#include "network/road_graph.h"
#include "network/speed_profile.h"
#include "network/town_connectors.h"
#include "project/loaded_project.h"
#include "project/project_settings.h"
#include "store/accueil_point.h"
#include "store/store.h"

#include <QCommandLineOption>
#include <QList>

#include <functional>
#include <memory>
#include <vector>

namespace maillage {
class ScenarioCoverageRunner;
struct CoverageOptions;
struct ScenarioCoverage;
}  // namespace maillage

namespace maillage::cli {

// What the commands that compute load: the project as core/project loads it (territory,
// road network completed with town connectors, graph, prepared network), with its store and
// the project's points. `network` is the source the command line chose, set before the
// network is read (loadPlanningProject's hook sees it).
struct PlanningProject : LoadedProject {
    std::unique_ptr<Store> store;
    std::vector<AccueilPoint> points;  // the baseline

    // Every file the command reads (projectInputFiles), with the network and profile it chose:
    // what its outputs must not overwrite.
    QStringList inputFiles() const;
};

// The road network options every command that reads a network shares (the one place they
// are defined and parsed): --network-layer (also --layer when `layerAlias`), --class-field,
// --oneway-field, --speed-field, --profile; --network itself when `withNetwork`.
QList<QCommandLineOption> networkSourceOptions(bool withNetwork = true, bool layerAlias = false);

// The network to read: the command line's --network with its field options, else the
// project's (`project`, may be null) with the command line's options overriding its fields.
// A --network naming another file than the project's drops the project's layer, fields and
// profile (they describe the project's file). The profile is the one asked for, else chosen
// by density (osm on a detailed network); a warning (profile ill-suited to the network) goes to
// stderr. Throws Error when there is no network or the file does not exist.
NetworkSource networkSourceFrom(const QCommandLineParser& parser, const ProjectInputs* project);

// The project's inputs with the network options of the command line (for `init`).
void applyNetworkOptions(const QCommandLineParser& parser, ProjectInputs& inputs);

// --threshold <minutes> and --cell <metres>, as every coverage computation reads them.
QCommandLineOption thresholdOption();
QCommandLineOption cellSizeOption();

// --network, --network-layer, --class-field, --oneway-field, --speed-field, --profile,
// --cell, --threads.
QList<QCommandLineOption> planningNetworkOptions();
// The options of a planning command (compare, suggest, export-pdf), in the order of its --help:
// --project, the command's own `options`, then --level, --threshold and the network options
// (planningNetworkOptions) the three share.
QList<QCommandLineOption> planningCommandOptions(const QList<QCommandLineOption>& options);

// Opens the project named by --project and loads everything above; Error when the project
// has no road network (and none is given). `beforeNetwork` runs once the project's inputs are
// known and before the network is read: the place to refuse an output path or a parameter
// without making the user wait for the long part.
// `phases` (may be null) marks the open, territory and network steps (MAILLAGE_TIMINGS).
PlanningProject loadPlanningProject(const QCommandLineParser& parser,
                                    const std::function<void(const PlanningProject&)>& beforeNetwork = {},
                                    PhaseTimer* phases = nullptr);

// Sensible ranges of the computation parameters, checked on every command that takes them
// before anything is read (UsageError, one line). An access threshold or band beyond three
// hours answers no planning question and only makes the searches cover the whole network; a
// cell of more than 5 km is larger than most communes (smaller cells are bounded by the
// memory budget, see CoverageGrid::requireFits, which says how many cells and how much memory).
constexpr double kMaxThresholdMinutes = 180.0;
constexpr int kMaxBandBreaks = 12;
constexpr double kMaxCellMetres = 5000.0;

// --level (default 2) and --threshold (default 20), checked (UsageError).
CoverageOptions coverageOptionsFrom(const QCommandLineParser& parser);
// --bands: isochrone band limits in minutes (default 10,20,30), checked (UsageError).
std::vector<double> bandsOption(const QCommandLineParser& parser);
// --cell in metres (default 200), checked (UsageError).
double cellOption(const QCommandLineParser& parser);
int threadsOption(const QCommandLineParser& parser);
double doubleValue(const QCommandLineParser& parser, const QString& name, double fallback);

// A runner for the project's scenarios (grid of --cell metres), on the prepared network's
// spatial index; its baseline context is built at once, from the prepared network's links
// when they are of this grid (else snapped and kept there for the next command).
std::unique_ptr<ScenarioCoverageRunner> scenarioRunner(PlanningProject& project, const QCommandLineParser& parser);

// "12 345", "12.3 %", minutes with one decimal ("-" when unreachable).
QString peopleText(double value);
QString shareText(double share);
QString minutesText(double minutes);
QString signedPeople(double value);  // "+1 234", "-56", "0"

// Prints what the scenario's road closures closed, and those that found no road.
void printClosures(const ScenarioCoverage& coverage);

}  // namespace maillage::cli
