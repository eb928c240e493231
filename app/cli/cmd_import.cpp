#include "cli_support.h"

#include "geo/territory.h"
#include "importers/point_format.h"
#include "importers/point_importers.h"
#include "project/project_settings.h"
#include "store/kinds.h"
#include "store/store.h"

#include <QElapsedTimer>

namespace maillage::cli {
namespace {

constexpr int kIssuesShown = 50;

PointMapping mappingFrom(const QCommandLineParser& parser)
{
    PointMapping mapping;
    auto set = [&](const char* option, QString& target) {
        if (parser.isSet(QLatin1String(option))) target = parser.value(QLatin1String(option));
    };
    set("layer", mapping.layer);
    set("name-field", mapping.nameField);
    set("id-field", mapping.idField);
    set("lon-field", mapping.lonField);
    set("lat-field", mapping.latField);
    set("level-field", mapping.levelField);
    set("kind-field", mapping.kindField);
    set("commune-field", mapping.communeField);
    set("serves-field", mapping.servesField);
    set("source", mapping.source);
    mapping.lambert93Columns = parser.isSet(QStringLiteral("lambert93"));
    if (parser.isSet(QStringLiteral("kind"))) {
        mapping.fixedKind = parser.value(QStringLiteral("kind"));
        if (!findKind(mapping.fixedKind)) {
            QStringList codes;
            for (const KindInfo& kind : kindReferential()) codes << kind.code;
            throw UsageError(
                QStringLiteral("unknown kind \"%1\" (kinds: %2)").arg(mapping.fixedKind, codes.join(QStringLiteral(", "))));
        }
    }
    if (auto level = intOption(parser, QStringLiteral("level"), 1, 3)) mapping.fixedLevel = levelFromInt(*level);
    const QString delimiter = parser.value(QStringLiteral("delimiter"));
    if (delimiter == QLatin1String("tab")) mapping.delimiter = '\t';
    else if (delimiter.size() == 1) mapping.delimiter = delimiter.at(0).toLatin1();
    else if (!delimiter.isEmpty()) throw UsageError(QStringLiteral("--delimiter must be one character or \"tab\""));
    return mapping;
}

void printReport(const ImportReport& report)
{
    const ImportBatch& batch = report.batch;
    out() << batch.file << ": " << batch.rowsRead << " rows read, " << batch.points.size() << " points ("
          << report.written.inserted << " new, " << report.written.updated << " updated, " << report.written.unchanged
          << " unchanged), " << report.outsideTerritory << " outside the territory, " << batch.skippedCount()
          << " rows skipped\n";
    const char* where = batch.featureIds ? "feature " : "line ";
    int shown = 0;
    for (const ImportIssue& issue : batch.issues) {
        if (shown++ == kIssuesShown) {
            out() << "  … and " << (batch.issues.size() - kIssuesShown) << " more\n";
            break;
        }
        out() << "  " << where << issue.line << ": " << (issue.skipped ? "" : "warning: ") << issue.message << '\n';
    }
    out().flush();
}

// --format: auto (recognised from the file's columns) or a published list named.
PointFormat pointFormatOf(const QCommandLineParser& parser, const QString& file)
{
    const QString formatName = parser.value(QStringLiteral("format"));
    if (formatName == QLatin1String("auto")) return detectPointFormat(file);
    if (auto named = pointFormatFromName(formatName)) return *named;
    throw UsageError(
        QStringLiteral("unknown format \"%1\" (auto, mairies, france-services, laposte, points)").arg(formatName));
}

// Writes the points in transactions of 10,000 rows; on a large file, a line at most every
// second on stderr, so that the user sees it advance.
ImportReport importWithProgress(Store& store, ImportBatch batch, const Territory& territory, const QString& file)
{
    QElapsedTimer sinceProgress;
    sinceProgress.start();
    UpsertOptions writing{.rowsPerTransaction = 10'000, .progress = {}};
    writing.progress = [&](std::size_t done, std::size_t total) {
        if (total <= std::size_t(writing.rowsPerTransaction) || (done < total && sinceProgress.elapsed() < 1000)) return;
        sinceProgress.restart();
        err() << "importing " << file << ": " << done << " of " << total << " rows written\n" << Qt::flush;
    };
    return importBatch(store, std::move(batch), &territory, writing);
}

}  // namespace

void describeImport(QCommandLineParser& parser)
{
    parser.setApplicationDescription(
        QStringLiteral("Import accueil points into a project. The published lists (town halls, ANCT France services,\n"
                       "La Poste contact points) are recognised from their columns; other files use the mapping options.\n"
                       "Importing the same file again updates its points instead of duplicating them. Bad rows are\n"
                       "reported with their line number and skipped; the rest is imported."));
    parser.addOption(projectOption());
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("CSV, GeoJSON, GeoPackage… file of points."));
    const auto field = QStringLiteral("field");
    parser.addOptions({
        {QStringLiteral("format"), QStringLiteral("auto (default), mairies, france-services, laposte or points."),
         QStringLiteral("format"), QStringLiteral("auto")},
        kindOption(QStringLiteral("Kind of every point (generic import), e.g. france_services, caf.")),
        levelOption(QStringLiteral("Level of every point, 1 to 3 (default: the kind's level).")),
        {QStringLiteral("layer"), QStringLiteral("Layer of a GeoJSON/GeoPackage source."), QStringLiteral("layer")},
        {QStringLiteral("name-field"), QStringLiteral("Column with the point name (default name)."), field},
        {QStringLiteral("id-field"), QStringLiteral("Column with a stable identifier (default: row number)."), field},
        {QStringLiteral("lon-field"), QStringLiteral("Longitude column of a CSV (default longitude)."), field},
        {QStringLiteral("lat-field"), QStringLiteral("Latitude column of a CSV (default latitude)."), field},
        {QStringLiteral("lambert93"),
         QStringLiteral("The lon/lat columns of a CSV hold Lambert-93 x/y in metres (EPSG:2154).")},
        {QStringLiteral("level-field"), QStringLiteral("Column with the level (1-3)."), field},
        {QStringLiteral("kind-field"), QStringLiteral("Column with the kind code."), field},
        {QStringLiteral("commune-field"), QStringLiteral("Column with the commune INSEE code."), field},
        {QStringLiteral("serves-field"),
         QStringLiteral("Column listing the level-3 operators a visio point serves, e.g. \"caf;cpam\"."), field},
        {QStringLiteral("source"), QStringLiteral("Source tag stored with the points (default: the file name)."),
         QStringLiteral("tag")},
        {QStringLiteral("delimiter"), QStringLiteral("CSV delimiter: one character or \"tab\" (default: guessed)."),
         QStringLiteral("char")},
        {QStringLiteral("credit"),
         QStringLiteral("Credit for these points on maps, with the vintage (e.g. \"ANCT, liste du 1er août 2024\")."),
         QStringLiteral("text")},
    });
}

int runImport(const QCommandLineParser& parser)
{
    if (parser.positionalArguments().size() != 1) throw UsageError(QStringLiteral("give exactly one file to import"));
    const QString file = parser.positionalArguments().first();
    const PointFormat format = pointFormatOf(parser, file);

    Store store = openProject(parser);
    const Territory territory = loadProjectTerritory(store);
    ImportBatch batch = readPointFile(file, format, format == PointFormat::Generic ? mappingFrom(parser) : PointMapping{});
    const ImportReport report = importWithProgress(store, std::move(batch), territory, file);
    if (parser.isSet(QStringLiteral("credit")))
        saveProjectSources(store, {.boundaries = {},
                                   .population = {},
                                   .roads = {},
                                   .points = {{report.batch.source, parser.value(QStringLiteral("credit"))}}});
    printReport(report);
    return 0;
}

}  // namespace maillage::cli
