#include "cli_support.h"

#include "store/project_copy.h"
#include "store/store_location.h"

namespace maillage::cli {

// `maillage project copy FROM TO`: a project moved between a GeoPackage file and a
// PostgreSQL/PostGIS server (either way, or file to file, server to server).
void describeProject(QCommandLineParser& parser)
{
    parser.setApplicationDescription(
        QStringLiteral("Projects as a whole. `project copy FROM TO` copies every point, setting, plan and result table of "
                       "FROM into the new project TO, keeping ids, times and coordinates exactly. Each of FROM and TO is a "
                       "GeoPackage file, postgresql://user@host/db?schema=NAME or service=NAME?schema=NAME (credentials in "
                       "~/.pgpass or the service file). TO must not exist."));
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("copy"));
    parser.addPositionalArgument(QStringLiteral("from"), QStringLiteral("The project to copy."));
    parser.addPositionalArgument(QStringLiteral("to"), QStringLiteral("The new project."));
}

int runProject(const QCommandLineParser& parser)
{
    const QStringList args = parser.positionalArguments();
    if (args.value(0) != QLatin1String("copy"))
        throw UsageError(QStringLiteral("unknown project action \"%1\" (known: copy)").arg(args.value(0)));
    if (args.size() != 3)
        throw UsageError(
            QStringLiteral("project copy needs FROM and TO (e.g. project copy 04.gpkg "
                           "\"postgresql://planner@server/sig?schema=maillage_04\")"));
    const CopyReport report = copyProject(args[1], args[2]);
    out() << "Copied project " << StoreLocation::parse(args[1]).display() << " to "
          << StoreLocation::parse(args[2]).display() << ": " << report.points << " points, " << report.scenarios
          << " plans, " << report.settings << " settings, " << report.resultTables << " result tables\n";
    out().flush();
    return 0;
}

}  // namespace maillage::cli
