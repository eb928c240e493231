#include "cli_support.h"

namespace maillage::cli {

// Each command lives in its own cmd_<name>.cpp.
int runInit(const QStringList& arguments);
int runImport(const QStringList& arguments);
int runPoints(const QStringList& arguments);
int runInfo(const QStringList& arguments);
int runNetwork(const QStringList& arguments);
int runOd(const QStringList& arguments);
int runCoverage(const QStringList& arguments);
int runScenario(const QStringList& arguments);
int runCompare(const QStringList& arguments);
int runSuggest(const QStringList& arguments);
int runExportPdf(const QStringList& arguments);
int runProject(const QStringList& arguments);

const std::vector<Command>& allCommands()
{
    static const std::vector<Command> commands{
        {QStringLiteral("init"), QStringLiteral("Create a project: territory boundaries (and road network)."), runInit},
        {QStringLiteral("import"), QStringLiteral("Import accueil points from a CSV, GeoJSON or GeoPackage file."),
         runImport},
        {QStringLiteral("points"), QStringLiteral("List accueil points, filtered by level, kind, EPCI, commune."),
         runPoints},
        {QStringLiteral("info"), QStringLiteral("Summarise the territory and the accueil points of a project."), runInfo},
        {QStringLiteral("network"), QStringLiteral("Road network: `network info` reports what a network file holds."),
         runNetwork},
        {QStringLiteral("od"), QStringLiteral("Driving times and km between two sets of places (or to the nearest)."),
         runOd},
        {QStringLiteral("coverage"), QStringLiteral("Travel-time coverage of a level: gaps, population beyond, GeoPackage."),
         runCoverage},
        {QStringLiteral("scenario"),
         QStringLiteral("Plans: create, copy, rename, delete; add, close, upgrade points; close roads."), runScenario},
        {QStringLiteral("compare"), QStringLiteral("Two scenarios side by side: population beyond, gap area, what changes."),
         runCompare},
        {QStringLiteral("suggest"), QStringLiteral("Where the next k places of a level should go (greedy + swaps)."),
         runSuggest},
        {QStringLiteral("project"),
         QStringLiteral("Copy a project between a GeoPackage file and a PostgreSQL/PostGIS server."), runProject},
        {QStringLiteral("export-pdf"),
         QStringLiteral("The coverage map as a print layout in PDF (one map or an atlas per EPCI)."), runExportPdf, true},
    };
    return commands;
}

}  // namespace maillage::cli
