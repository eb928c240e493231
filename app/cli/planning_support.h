#pragma once

#include "cli_support.h"

#include "project/loaded_project.h"
#include "store/accueil_point.h"
#include "store/store.h"

#include <QCommandLineOption>
#include <QList>

#include <memory>
#include <vector>

namespace maillage {
class ScenarioCoverageRunner;
struct CoverageOptions;
struct ScenarioCoverage;
}

namespace maillage::cli {

// What the planning commands (compare, suggest, export-pdf) load: the project as loaded
// (territory, road network completed with town connectors as `maillage coverage` does, graph),
// its store and its points (the baseline).
struct PlanningProject : LoadedProject {
    std::unique_ptr<Store> store;
    std::vector<AccueilPoint> points;  // the baseline
};

// --network, --network-layer, --profile, --cell, --threads.
QList<QCommandLineOption> planningNetworkOptions();
// --level, --threshold.
QList<QCommandLineOption> coverageLevelOptions();

// The network named by --network, --network-layer and --profile (empty: the project's).
NetworkChoice networkGiven(const QCommandLineParser& parser);

// Opens the project named by --project and loads everything above; Error when the project
// has no road network (and none is given).
PlanningProject loadPlanningProject(const QCommandLineParser& parser);

// --level (default 2) and --threshold (default 20), checked (UsageError).
CoverageOptions coverageOptionsFrom(const QCommandLineParser& parser);
double cellOption(const QCommandLineParser& parser);
int threadsOption(const QCommandLineParser& parser);
double doubleValue(const QCommandLineParser& parser, const QString& name, double fallback);

// A runner for the project's scenarios (grid of --cell metres).
std::unique_ptr<ScenarioCoverageRunner> scenarioRunner(PlanningProject& project, const QCommandLineParser& parser);

// "12 345", "12.3 %", minutes with one decimal ("-" when unreachable).
QString peopleText(double value);
QString shareText(double share);
QString minutesText(double minutes);
QString signedPeople(double value);  // "+1 234", "-56", "0"

// Prints what the scenario's road closures closed, and those that found no road.
void printClosures(const ScenarioCoverage& coverage);

}  // namespace maillage::cli
