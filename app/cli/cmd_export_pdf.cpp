// maillage export-pdf: the coverage map as a print layout in PDF — one page for the
// territory, or an atlas with a page per EPCI, optionally a comparison page of two
// scenarios — drawn by the same code as the application's map and its PDF export.
#include "planning_support.h"

#include "coverage/coverage_run.h"
#include "coverage/grid.h"
#include "planning/comparison.h"
#include "planning/scenario.h"
#include "planning/scenario_coverage.h"
#include "render/print_credits.h"
#include "render/print_layout.h"
#include "store/scenarios.h"

#include <QDir>
#include <QFileInfo>

namespace maillage::cli {
namespace {

render::PaperSize paperOption(const QCommandLineParser& parser)
{
    const QString paper = parser.value(QStringLiteral("paper")).toUpper();
    if (paper.isEmpty() || paper == QLatin1String("A4")) return render::PaperSize::A4;
    if (paper == QLatin1String("A3")) return render::PaperSize::A3;
    throw UsageError(QStringLiteral("--paper must be A4 or A3, not \"%1\"").arg(parser.value(QStringLiteral("paper"))));
}

std::set<int> pointLevelsOption(const QCommandLineParser& parser)
{
    std::set<int> levels;
    if (!parser.isSet(QStringLiteral("points"))) return levels;
    for (const QString& part : parser.value(QStringLiteral("points")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int level = part.trimmed().toInt(&ok);
        if (!ok || level < 1 || level > 3)
            throw UsageError(QStringLiteral("--points must be levels 1 to 3 separated by commas, e.g. 1,2,3"));
        levels.insert(level);
    }
    if (levels.empty()) throw UsageError(QStringLiteral("--points needs at least one level, e.g. 2,3"));
    return levels;
}

// The default layers with those named by --hide turned off.
std::vector<render::LayerState> layersOption(const QCommandLineParser& parser)
{
    std::vector<render::LayerState> layers = render::defaultLayerStates();
    if (!parser.isSet(QStringLiteral("hide"))) return layers;
    QStringList known;
    for (const render::LayerState& layer : layers) known << layer.id;
    for (const QString& part : parser.value(QStringLiteral("hide")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString id = part.trimmed();
        auto it = std::find_if(layers.begin(), layers.end(), [&](const render::LayerState& l) { return l.id == id; });
        if (it == layers.end())
            throw UsageError(
                QStringLiteral("--hide: unknown layer \"%1\" (layers: %2)").arg(id, known.join(QStringLiteral(", "))));
        it->visible = false;
    }
    return layers;
}

QString sizeText(qint64 bytes)
{
    if (bytes >= 1024 * 1024) return QStringLiteral("%1 MB").arg(bytes / (1024.0 * 1024.0), 0, 'f', 1);
    return QStringLiteral("%1 kB").arg((bytes + 1023) / 1024);
}

// What the command line asks, checked before anything is read.
struct ExportRequest {
    QString outPath;
    render::PrintOptions print;
    QString scenarioName;  // the scenario mapped
    QString compareName;   // --compare: the scenario of the comparison page; empty: none
    CoverageOptions options;
    double cell = 0.0;
};

ExportRequest exportRequest(const QCommandLineParser& parser)
{
    ExportRequest request;
    request.outPath = requiredOption(parser, QStringLiteral("out"));
    const QString& outPath = request.outPath;
    // Before the computation: a folder that does not exist will not appear meanwhile.
    if (!QFileInfo(outPath).absoluteDir().exists())
        throw Error(
            QStringLiteral("cannot write %1: the folder %2 does not exist").arg(outPath, QFileInfo(outPath).absolutePath()));
    render::PrintOptions& print = request.print;
    print.paper = paperOption(parser);
    print.landscape = parser.isSet(QStringLiteral("landscape"));
    if (parser.isSet(QStringLiteral("atlas"))) {
        if (parser.value(QStringLiteral("atlas")).compare(QLatin1String("epci"), Qt::CaseInsensitive) != 0)
            throw UsageError(
                QStringLiteral("--atlas must be \"epci\", not \"%1\"").arg(parser.value(QStringLiteral("atlas"))));
        print.atlas = true;
    }
    print.title = parser.value(QStringLiteral("title"));
    print.pointLevels = pointLevelsOption(parser);
    print.layers = layersOption(parser);
    request.scenarioName =
        parser.isSet(QStringLiteral("scenario")) ? parser.value(QStringLiteral("scenario")) : kBaselineScenario;
    request.compareName = parser.value(QStringLiteral("compare"));
    if (parser.isSet(QStringLiteral("compare")) && request.compareName == request.scenarioName)
        throw UsageError(QStringLiteral("--compare needs another scenario than the one mapped (--scenario %1)")
                             .arg(request.scenarioName));
    request.options = coverageOptionsFrom(parser);
    request.cell = cellOption(parser);
    // The layout draws the surface itself; the exports' polygons are not needed.
    request.options.computeBands = false;
    request.options.clipGapsToCommunes = false;
    return request;
}

// The scenario the comparison page compares with (--compare), its coverage and the comparison.
struct ComparedReference {
    QString name;
    ScenarioCoverage coverage;
    ScenarioComparison comparison;
};

std::optional<ComparedReference> compareWithReference(Store& store, ScenarioCoverageRunner& runner, const ScenarioView& view,
                                                      const ScenarioCoverage& coverage, const ExportRequest& request)
{
    if (request.compareName.isEmpty()) return std::nullopt;
    const ScenarioView referenceView = loadScenarioView(store, request.compareName);
    for (const QString& warning : referenceView.warnings) err() << "warning: " << warning << '\n';
    ComparedReference reference{referenceView.name, runner.compute(referenceView, request.options), {}};
    reference.comparison =
        compareCoverage(runner.baselineContext(), reference.coverage.result, coverage.result, referenceView.name, view.name,
                        {.changeZones = false, .clipToCommunes = false, .threads = request.options.threads});
    return reference;
}

// What the pages show: the territory, roads, the scenario's points and coverage, the
// comparison when asked, and the credits of the data.
render::PrintContent printContentOf(const PlanningProject& project, const CoverageGrid& grid,
                                    const ScenarioCoverage& coverage, const QString& scenario,
                                    const ComparedReference* reference, const ExportRequest& request)
{
    render::PrintContent content;
    content.territory = &project.territory;
    content.roads = project.roads;
    content.points = coverage.points;
    content.grid = &grid;
    content.coverage = &coverage.result;
    content.scenario = scenario;
    content.credits = render::creditText(loadProjectSources(*project.store),
                                         render::printedPoints(content.points, request.print, request.options.level));
    if (reference) {
        content.reference = &reference->coverage.result;
        content.comparison = &reference->comparison;
        content.referenceName = reference->name;
    }
    return content;
}

void printWritten(const render::PrintLayout& layout, const ExportRequest& request, const QString& scenario,
                  const ComparedReference* reference, double computeMs, double writeMs)
{
    const render::PrintOptions& print = request.print;
    out() << "Written " << request.outPath << ": " << layout.pageCount() << (layout.pageCount() > 1 ? " pages" : " page")
          << ", " << (print.paper == render::PaperSize::A3 ? "A3" : "A4") << (print.landscape ? " landscape" : " portrait")
          << ", " << sizeText(QFileInfo(request.outPath).size()) << "; level " << request.options.level << " within "
          << request.options.thresholdMinutes << " min, scenario " << scenario;
    if (reference) out() << " compared with " << reference->name;
    out()
        << QStringLiteral(" (compute %1 s, layout %2 s)\n").arg(computeMs / 1000, 0, 'f', 1).arg(writeMs / 1000, 0, 'f', 1);
    out().flush();
}

}  // namespace

void describeExportPdf(QCommandLineParser& parser)
{
    parser.setApplicationDescription(
        QStringLiteral("The coverage of a level as a print layout in PDF: title, the map (communes, EPCI, roads, zones\n"
                       "beyond the threshold, isochrone bands, accueil points) with its legend, scale bar and north arrow,\n"
                       "a table of the population beyond the threshold, the sources. With --atlas epci: a cover page for\n"
                       "the territory, then one page per EPCI zoomed to it with its communes. With --compare: a page\n"
                       "comparing the scenario with another one (zones that become covered or uncovered, per EPCI).\n"
                       "Vector PDF: text stays selectable, lines sharp; fonts are embedded."));
    parser.addOptions(planningCommandOptions({
        outOption(QStringLiteral("PDF file to write (replaced if it exists).")),
        {QStringLiteral("paper"), QStringLiteral("Paper size: A4 (default) or A3."), QStringLiteral("size")},
        {QStringLiteral("landscape"), QStringLiteral("Landscape pages (default: portrait).")},
        {QStringLiteral("atlas"), QStringLiteral("An atlas: \"epci\" adds one page per EPCI after the territory's."),
         QStringLiteral("by")},
        scenarioOption(QStringLiteral("Map this scenario (default: the baseline).")),
        scenarioOption(QStringLiteral("compare"),
                       QStringLiteral("Add a page comparing --scenario with this scenario (e.g. baseline).")),
        {QStringLiteral("title"), QStringLiteral("Title of the first page (default: made from the territory and level)."),
         QStringLiteral("text")},
        {QStringLiteral("points"),
         QStringLiteral("Levels of the accueil points drawn, e.g. 1,2,3 (default: the level and above)."),
         QStringLiteral("levels")},
        {QStringLiteral("hide"),
         QStringLiteral("Layers not drawn, e.g. bands,labels (communes, bands, gaps, commune-lines, "
                        "roads, epci, departement, labels, points)."),
         QStringLiteral("layers")},
    }));
}

int runExportPdf(const QCommandLineParser& parser)
{
    const ExportRequest request = exportRequest(parser);

    Stopwatch stopwatch;
    PlanningProject project = loadPlanningProject(parser, [&](const PlanningProject& loading) {
        CoverageGrid::requireFits(loading.territory, request.cell);
        checkOutputPath(QStringLiteral("--out"), request.outPath, loading.inputFiles());
    });
    const ScenarioView view = loadScenarioView(*project.store, request.scenarioName);
    for (const QString& warning : view.warnings) err() << "warning: " << warning << '\n';
    const auto runner = scenarioRunner(project, parser);
    const ScenarioCoverage coverage = runner->compute(view, request.options);
    if (coverage.result.points.empty())
        err() << "warning: scenario " << view.name << " has no open point of level " << request.options.level
              << ": the whole population is beyond the threshold\n";
    const std::optional<ComparedReference> reference =
        compareWithReference(*project.store, *runner, view, coverage, request);
    const double computeMs = stopwatch.lapMs();

    const ComparedReference* compared = reference ? &*reference : nullptr;
    const render::PrintLayout layout(
        printContentOf(project, runner->baselineContext().grid(), coverage, view.name, compared, request), request.print);
    layout.writePdf(request.outPath);
    const double writeMs = stopwatch.lapMs();
    printWritten(layout, request, view.name, compared, computeMs, writeMs);
    return 0;
}

}  // namespace maillage::cli
