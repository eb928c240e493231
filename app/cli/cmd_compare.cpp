// maillage compare: two scenarios side by side — people and area beyond the threshold for the
// département, per EPCI and per commune, and the zones that become covered or uncovered.
#include "planning_support.h"

#include "common/atomic_file.h"
#include "coverage/coverage_run.h"
#include "coverage/grid.h"
#include "planning/comparison.h"
#include "planning/scenario.h"
#include "planning/scenario_coverage.h"
#include "project/full_coverage.h"
#include "report/comparison_export.h"
#include "report/geopackage_export.h"

#include <QDir>

#include <algorithm>
#include <cmath>

namespace maillage::cli {
namespace {

QString signedNumber(double value, int decimals)
{
    const QString text = QString::number(value, 'f', decimals);
    return value > 0.0 && text.toDouble() != 0.0 ? QLatin1Char('+') + text : text;
}

TextTable departementTable(const ScenarioComparison& c)
{
    TextTable table({QString(), c.nameA, c.nameB, QStringLiteral("change")});
    const AreaComparison& d = c.departement;
    table.addRow({QStringLiteral("people beyond (spread over cells)"), peopleText(d.a.beyondSpread),
                  peopleText(d.b.beyondSpread), signedPeople(d.b.beyondSpread - d.a.beyondSpread)});
    table.addRow({QStringLiteral("  share"), shareText(d.population ? d.a.beyondSpread / double(d.population) : 0.0),
                  shareText(d.population ? d.b.beyondSpread / double(d.population) : 0.0), QString()});
    table.addRow({QStringLiteral("people beyond (at the town hall)"), peopleText(d.a.beyondAtTownHall),
                  peopleText(d.b.beyondAtTownHall), signedPeople(d.b.beyondAtTownHall - d.a.beyondAtTownHall)});
    table.addRow({QStringLiteral("communes whose town hall is beyond"), QString::number(d.a.communesTownHallBeyond),
                  QString::number(d.b.communesTownHallBeyond),
                  signedNumber(d.b.communesTownHallBeyond - d.a.communesTownHallBeyond, 0)});
    table.addRow({QStringLiteral("area beyond, km²"), QString::number(d.a.areaBeyondKm2, 'f', 0),
                  QString::number(d.b.areaBeyondKm2, 'f', 0), signedNumber(d.b.areaBeyondKm2 - d.a.areaBeyondKm2, 0)});
    return table;
}

TextTable epciTable(const ScenarioComparison& c, bool forPeople)
{
    TextTable table({QStringLiteral("EPCI"), QStringLiteral("population"), QStringLiteral("beyond A (spread)"),
                     QStringLiteral("beyond B (spread)"), QStringLiteral("change"), QStringLiteral("beyond A (town hall)"),
                     QStringLiteral("beyond B (town hall)"), QStringLiteral("change")});
    const auto row = [&](const AreaComparison& area, const QString& name) {
        if (forPeople)
            table.addRow({name, groupThousands(area.population), peopleText(area.a.beyondSpread),
                          peopleText(area.b.beyondSpread), signedPeople(-area.gainSpread()),
                          peopleText(area.a.beyondAtTownHall), peopleText(area.b.beyondAtTownHall),
                          signedPeople(-area.gainAtTownHall())});
        else
            table.addRow({area.code, QString::number(area.population), QString::number(area.a.beyondSpread, 'f', 1),
                          QString::number(area.b.beyondSpread, 'f', 1), QString::number(-area.gainSpread(), 'f', 1),
                          QString::number(area.a.beyondAtTownHall, 'f', 0), QString::number(area.b.beyondAtTownHall, 'f', 0),
                          QString::number(-area.gainAtTownHall(), 'f', 0)});
    };
    for (const AreaComparison& area : c.epcis) row(area, area.name.isEmpty() ? area.code : area.name);
    row(c.departement, QStringLiteral("Département %1").arg(c.departement.code));
    return table;
}

TextTable communeTable(const ScenarioComparison& c, bool changedOnly, bool forPeople)
{
    TextTable table({QStringLiteral("insee"), QStringLiteral("commune"), QStringLiteral("population"),
                     QStringLiteral("town hall A (min)"), QStringLiteral("town hall B (min)"),
                     QStringLiteral("beyond A (spread)"), QStringLiteral("beyond B (spread)"),
                     QStringLiteral("beyond A (town hall)"), QStringLiteral("beyond B (town hall)")});
    std::vector<const CommuneComparison*> rows;
    for (const CommuneComparison& commune : c.communes)
        if (!changedOnly || commune.changed()) rows.push_back(&commune);
    if (forPeople)  // the largest changes first
        std::stable_sort(rows.begin(), rows.end(), [](const auto* x, const auto* y) {
            return std::abs(x->beyondSpreadA - x->beyondSpreadB) + std::abs(x->beyondAtTownHallA - x->beyondAtTownHallB)
                   > std::abs(y->beyondSpreadA - y->beyondSpreadB) + std::abs(y->beyondAtTownHallA - y->beyondAtTownHallB);
        });
    const int decimals = forPeople ? 0 : 1;
    for (const CommuneComparison* commune : rows)
        table.addRow(
            {commune->insee, commune->name,
             forPeople ? groupThousands(commune->population) : QString::number(commune->population),
             minutesText(commune->townHallMinutesA), minutesText(commune->townHallMinutesB),
             QString::number(commune->beyondSpreadA, 'f', decimals), QString::number(commune->beyondSpreadB, 'f', decimals),
             QString::number(commune->beyondAtTownHallA, 'f', 0), QString::number(commune->beyondAtTownHallB, 'f', 0)});
    return table;
}

void writeCsv(const QString& path, const TextTable& table)
{
    QString text;
    QTextStream stream(&text);
    table.printCsv(stream);
    writeFileAtomically(path, text.toUtf8());
}

const QStringList kCsvFiles{QStringLiteral("comparison_epci.csv"), QStringLiteral("comparison_communes.csv")};

// What `maillage compare` is asked: the two scenarios, the coverage to compare and the outputs.
struct CompareRequest {
    QString nameA;
    QString nameB;
    CoverageOptions options;
    double cell = 0;
    QString outPath;  // empty: no GeoPackage (then neither bands nor clipped zones are computed)
    QString csvDir;   // empty: no CSV tables
};

CompareRequest compareRequest(const QCommandLineParser& parser)
{
    CompareRequest request;
    request.nameA = parser.isSet(QStringLiteral("a")) ? parser.value(QStringLiteral("a")) : kBaselineScenario;
    request.nameB = requiredOption(parser, QStringLiteral("b"));
    request.options = coverageOptionsFrom(parser);
    request.cell = cellOption(parser);
    request.outPath = parser.value(QStringLiteral("out"));
    request.options.computeBands = !request.outPath.isEmpty();
    request.options.clipGapsToCommunes = !request.outPath.isEmpty();
    request.csvDir = parser.value(QStringLiteral("csv"));
    return request;
}

// Before any computation: never write over an input, nor fail after the long part.
void checkBeforeComparing(const PlanningProject& project, const CompareRequest& request)
{
    CoverageGrid::requireFits(project.territory, request.cell);
    const QStringList inputFiles = project.inputFiles();
    if (!request.outPath.isEmpty()) checkOutputPath(QStringLiteral("--out"), request.outPath, inputFiles);
    if (!request.csvDir.isEmpty()) checkOutputFolder(QStringLiteral("--csv"), request.csvDir, kCsvFiles, inputFiles);
}

void printComparison(const ScenarioComparison& comparison, const ScenarioCoverage& a, const ScenarioCoverage& b,
                     const CoverageOptions& options)
{
    const QString threshold = QString::number(options.thresholdMinutes);
    out() << "Comparison of " << comparison.nameA << " (A) and " << comparison.nameB << " (B): level " << options.level
          << ", threshold " << threshold << " min; " << a.result.points.size() << " and " << b.result.points.size()
          << " points of the level; " << groupThousands(comparison.departement.population) << " inhabitants\n";
    printClosures(a);
    printClosures(b);
    out() << '\n';
    departementTable(comparison).print(out());
    out() << "\nFrom A to B: " << QString::number(comparison.coveredKm2, 'f', 1) << " km² come within " << threshold
          << " min (" << peopleText(comparison.peopleCovered) << " people), "
          << QString::number(comparison.uncoveredKm2, 'f', 1) << " km² go beyond it ("
          << peopleText(comparison.peopleUncovered) << " people)\n\n";
    out() << "Per EPCI:\n";
    epciTable(comparison, true).print(out());
    const std::size_t changed = std::count_if(comparison.communes.begin(), comparison.communes.end(),
                                              [](const CommuneComparison& c) { return c.changed(); });
    if (changed) {
        out() << "\nCommunes that change (" << changed << "):\n";
        communeTable(comparison, true, true).print(out());
    } else {
        out() << "\nNo commune changes.\n";
    }
}

// The CSV tables and the GeoPackage (B's coverage with the comparison layers), when asked.
void writeComparisonOutputs(const PlanningProject& project, const ScenarioComparison& comparison, const ScenarioCoverage& b,
                            const CompareRequest& request)
{
    if (!request.csvDir.isEmpty()) {
        const QDir dir(request.csvDir);
        writeCsv(dir.filePath(kCsvFiles[0]), epciTable(comparison, false));
        writeCsv(dir.filePath(kCsvFiles[1]), communeTable(comparison, false, false));
    }
    if (request.outPath.isEmpty()) return;
    CoverageExport data;
    data.context = b.context.get();
    data.result = &b.result;
    data.points = b.points;
    data.run = runDescription(project.store->path(), project, pointSetDescription(comparison.nameB, false));
    data.run.extra.push_back({QStringLiteral("compared_with"), comparison.nameA});
    for (const ResolvedClosure& closure : b.closures)
        data.run.extra.push_back({QStringLiteral("road_closure"), closure.description});
    writeComparisonGeoPackage(request.outPath, data, comparison);
    out() << "\nWritten " << request.outPath;
    if (!request.csvDir.isEmpty()) out() << " and CSV tables in " << request.csvDir;
    out() << '\n';
}

}  // namespace

void describeCompare(QCommandLineParser& parser)
{
    parser.setApplicationDescription(QStringLiteral(
        "Compare the coverage of two scenarios (the baseline or plans): people and area beyond the threshold\n"
        "for the département, per EPCI and per commune, and the zones that become covered or uncovered.\n"
        "With --out, writes the coverage of B with the comparison layers to a GeoPackage."));
    parser.addOptions(planningCommandOptions({
        {QStringLiteral("a"), QStringLiteral("First scenario (default: baseline)."), QStringLiteral("scenario")},
        {QStringLiteral("b"), QStringLiteral("Second scenario."), QStringLiteral("scenario")},
        outOption(QStringLiteral("GeoPackage to write (B's coverage + comparison layers).")),
        csvFolderOption(),
    }));
}

int runCompare(const QCommandLineParser& parser)
{
    const CompareRequest request = compareRequest(parser);
    const CoverageOptions& options = request.options;

    Stopwatch stopwatch;
    PlanningProject project =
        loadPlanningProject(parser, [&](const PlanningProject& loading) { checkBeforeComparing(loading, request); });
    const ScenarioView viewA = loadScenarioView(*project.store, request.nameA);
    const ScenarioView viewB = loadScenarioView(*project.store, request.nameB);
    for (const QString& warning : viewA.warnings + viewB.warnings) err() << "warning: " << warning << '\n';
    const auto runner = scenarioRunner(project, parser);
    const ScenarioCoverage a = runner->compute(viewA, options);
    const ScenarioCoverage b = runner->compute(viewB, options);
    if (a.result.points.empty() && b.result.points.empty())
        throw Error(QStringLiteral("neither %1 nor %2 has a point of level %3")
                        .arg(request.nameA, request.nameB)
                        .arg(options.level));
    const ScenarioComparison comparison =
        compareCoverage(runner->baselineContext(), a.result, b.result, viewA.name, viewB.name,
                        {.changeZones = !request.outPath.isEmpty(), .clipToCommunes = true, .threads = options.threads});
    const double computeMs = stopwatch.lapMs();

    printComparison(comparison, a, b, options);
    writeComparisonOutputs(project, comparison, b, request);
    out() << QStringLiteral("(computed in %1 s)\n").arg(computeMs / 1000, 0, 'f', 1);
    out().flush();
    return 0;
}

}  // namespace maillage::cli
