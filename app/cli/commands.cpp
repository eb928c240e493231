#include "cli_support.h"

namespace maillage::cli {

// Each command lives in its own cmd_<name>.cpp: describe<Name> sets the description and the
// options of its --help, run<Name> runs it on the parsed command line and returns the exit code.
using Describe = void(QCommandLineParser& parser);
using Run = int(const QCommandLineParser& parser);
Describe describeInit, describeImport, describePoints, describeInfo, describeNetworkInfo, describeNetworkPrepare, describeOd,
    describeCoverage, describeScenario, describeCompare, describeSuggest, describeProject, describeExportPdf;
Run runInit, runImport, runPoints, runInfo, runNetworkInfo, runNetworkPrepare, runOd, runCoverage, runScenario, runCompare,
    runSuggest, runProject, runExportPdf;

const std::vector<Command>& allCommands()
{
    static const std::vector<Command> commands{
        {.name = QStringLiteral("init"),
         .summary = QStringLiteral("Create a project: territory boundaries (and road network)."),
         .describe = describeInit,
         .run = runInit},
        {.name = QStringLiteral("import"),
         .summary = QStringLiteral("Import accueil points from a CSV, GeoJSON or GeoPackage file."),
         .describe = describeImport,
         .run = runImport},
        {.name = QStringLiteral("points"),
         .summary = QStringLiteral("List accueil points, filtered by level, kind, EPCI, commune."),
         .describe = describePoints,
         .run = runPoints},
        {.name = QStringLiteral("info"),
         .summary = QStringLiteral("Summarise the territory and the accueil points of a project."),
         .describe = describeInfo,
         .run = runInfo},
        {.name = QStringLiteral("network info"),
         .summary = QStringLiteral("What a road network file holds: nodes, edges, km, components, classes."),
         .describe = describeNetworkInfo,
         .run = runNetworkInfo},
        {.name = QStringLiteral("network prepare"),
         .summary = QStringLiteral("Build a project's prepared network ahead of its first computation."),
         .describe = describeNetworkPrepare,
         .run = runNetworkPrepare},
        {.name = QStringLiteral("od"),
         .summary = QStringLiteral("Driving times and km between two sets of places (or to the nearest)."),
         .describe = describeOd,
         .run = runOd},
        {.name = QStringLiteral("coverage"),
         .summary = QStringLiteral("Travel-time coverage of a level: gaps, population beyond, GeoPackage."),
         .describe = describeCoverage,
         .run = runCoverage},
        {.name = QStringLiteral("scenario"),
         .summary = QStringLiteral("Plans: create, copy, rename, delete; add, close, upgrade points; close roads."),
         .describe = describeScenario,
         .run = runScenario},
        {.name = QStringLiteral("compare"),
         .summary = QStringLiteral("Two scenarios side by side: population beyond, gap area, what changes."),
         .describe = describeCompare,
         .run = runCompare},
        {.name = QStringLiteral("suggest"),
         .summary = QStringLiteral("Where the next k places of a level should go (greedy + swaps)."),
         .describe = describeSuggest,
         .run = runSuggest},
        {.name = QStringLiteral("project"),
         .summary = QStringLiteral("Copy a project between a GeoPackage file and a PostgreSQL/PostGIS server."),
         .describe = describeProject,
         .run = runProject},
        {.name = QStringLiteral("export-pdf"),
         .summary = QStringLiteral("The coverage map as a print layout in PDF (one map or an atlas per EPCI)."),
         .describe = describeExportPdf,
         .run = runExportPdf,
         .draws = true},
    };
    return commands;
}

}  // namespace maillage::cli
