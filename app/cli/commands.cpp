#include "cli_support.h"

namespace maillage::cli {

// Each command lives in its own cmd_<name>.cpp: it receives the arguments after its name and
// returns the exit code.
using CommandMain = int(const QStringList& arguments);
CommandMain runInit, runImport, runPoints, runInfo, runNetwork, runOd, runCoverage, runScenario, runCompare, runSuggest,
    runExportPdf, runProject;

const std::vector<Command>& allCommands()
{
    static const std::vector<Command> commands{
        {.name = QStringLiteral("init"),
         .summary = QStringLiteral("Create a project: territory boundaries (and road network)."),
         .run = runInit},
        {.name = QStringLiteral("import"),
         .summary = QStringLiteral("Import accueil points from a CSV, GeoJSON or GeoPackage file."),
         .run = runImport},
        {.name = QStringLiteral("points"),
         .summary = QStringLiteral("List accueil points, filtered by level, kind, EPCI, commune."),
         .run = runPoints},
        {.name = QStringLiteral("info"),
         .summary = QStringLiteral("Summarise the territory and the accueil points of a project."),
         .run = runInfo},
        {.name = QStringLiteral("network"),
         .summary = QStringLiteral("Road network: `network info` reports what a network file holds."),
         .run = runNetwork},
        {.name = QStringLiteral("od"),
         .summary = QStringLiteral("Driving times and km between two sets of places (or to the nearest)."),
         .run = runOd},
        {.name = QStringLiteral("coverage"),
         .summary = QStringLiteral("Travel-time coverage of a level: gaps, population beyond, GeoPackage."),
         .run = runCoverage},
        {.name = QStringLiteral("scenario"),
         .summary = QStringLiteral("Plans: create, copy, rename, delete; add, close, upgrade points; close roads."),
         .run = runScenario},
        {.name = QStringLiteral("compare"),
         .summary = QStringLiteral("Two scenarios side by side: population beyond, gap area, what changes."),
         .run = runCompare},
        {.name = QStringLiteral("suggest"),
         .summary = QStringLiteral("Where the next k places of a level should go (greedy + swaps)."),
         .run = runSuggest},
        {.name = QStringLiteral("project"),
         .summary = QStringLiteral("Copy a project between a GeoPackage file and a PostgreSQL/PostGIS server."),
         .run = runProject},
        {.name = QStringLiteral("export-pdf"),
         .summary = QStringLiteral("The coverage map as a print layout in PDF (one map or an atlas per EPCI)."),
         .run = runExportPdf,
         .draws = true},
    };
    return commands;
}

}  // namespace maillage::cli
