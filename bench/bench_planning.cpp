// Planning on the 04 data (issue 7): site suggestions (target: k = 5 over all 198 town halls
// in <= 2 s), the gap to the exact optimum, and the cost of a scenario's coverage with road
// closures and of a comparison.
//
// Runs on the 04 network as the product builds it (town connectors included), then the
// suggestions on the same network densified to ~30 m pieces (OSM-like, ~350,000 nodes).
//
//   build/bench/bench_planning [repetitions = 5] [--skip-dense]
#include "common/gdal.h"
#include "coverage/coverage_run.h"
#include "coverage/network_engine.h"
#include "coverage/territory_network.h"
#include "geo/crs.h"
#include "geo/territory.h"
#include "importers/point_importers.h"
#include "io/territory_loader.h"
#include "network/road_graph.h"
#include "network/speed_profile.h"
#include "planning/comparison.h"
#include "planning/max_coverage.h"
#include "planning/scenario.h"
#include "planning/scenario_coverage.h"
#include "planning/site_suggestion.h"
#include "store/kinds.h"
#include "support.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <vector>

using namespace maillage;

using namespace maillage::bench;

namespace {

QString shared(const char* relative)
{
    return QDir(QStringLiteral(MAILLAGE_SHARED_DATA)).filePath(QString::fromUtf8(relative));
}

std::vector<AccueilPoint> select(const std::vector<AccueilPoint>& points, const char* group)
{
    std::vector<AccueilPoint> selected;
    for (const AccueilPoint& p : points) {
        const KindInfo* kind = findKind(p.kind);
        if (p.level == Level::First && kind && kind->group == QLatin1String(group)) selected.push_back(p);
    }
    return selected;
}

// Times suggestSites `repetitions` times; prints the medians and the result.
void timeSuggestions(const char* label, const CoverageContext& context, const std::vector<AccueilPoint>& existing,
                     const std::vector<AccueilPoint>& candidates, const SuggestionOptions& options, int repetitions)
{
    std::vector<double> wall, cpu, existingMs, precompute, greedy, swaps;
    SiteSuggestions result;
    for (int r = 0; r < repetitions; ++r) {
        QElapsedTimer timer;
        timer.start();
        const double cpu0 = threadCpuMs();
        result = suggestSites(context, existing, candidates, options);
        cpu.push_back(threadCpuMs() - cpu0);
        wall.push_back(timer.nsecsElapsed() / 1e6);
        existingMs.push_back(result.timings.existing);
        precompute.push_back(result.timings.precompute);
        greedy.push_back(result.timings.greedy);
        swaps.push_back(result.timings.swaps);
    }
    std::printf(
        "%-44s %8.1f ms wall (CPU of the calling thread %7.1f) = existing %6.1f + searches %7.1f + greedy %5.1f"
        " + exchanges/restarts %6.1f\n",
        label, median(wall), median(cpu), median(existingMs), median(precompute), median(greedy), median(swaps));
    std::printf("%-44s gain %+.0f people (greedy %+.0f, %d exchanges), %d of %d candidates eligible, %d demand units:", "",
                result.gain(), result.greedyGain, result.swaps, result.eligibleCandidates, result.candidates,
                result.demandUnits);
    for (const SuggestedSite& site : result.sites)
        std::printf(" %s %+.0f;", (site.communeName.isEmpty() ? site.point.name : site.communeName).toUtf8().constData(),
                    site.marginalGain);
    std::printf("\n");
}

// Greedy, greedy + exchanges, + restarts against the exact optimum of the same problem.
void exactGap(const char* label, const SuggestionProblem& built, int k, std::size_t keepBest)
{
    // The exact search runs over the useful eligible candidates (the others cover nothing),
    // or the `keepBest` of largest weight alone when there are too many.
    MaxCoverageProblem problem;
    problem.weights = built.problem.weights;
    problem.k = k;
    problem.maxPerGroup = built.problem.maxPerGroup;
    std::vector<std::pair<double, std::size_t>> useful;
    for (std::size_t c = 0; c < built.problem.covers.size(); ++c) {
        if (!built.eligible[c] || built.problem.covers[c].empty()) continue;
        double alone = 0.0;
        for (std::uint32_t u : built.problem.covers[c]) alone += built.problem.weights[u];
        useful.emplace_back(-alone, c);
    }
    std::sort(useful.begin(), useful.end());
    if (keepBest && useful.size() > keepBest) useful.resize(keepBest);
    for (const auto& [weight, c] : useful) {
        problem.covers.push_back(built.problem.covers[c]);
        problem.group.push_back(built.problem.group[c]);
    }
    QElapsedTimer timer;
    timer.start();
    const MaxCoverageSolution exact = solveMaxCoverageExactly(problem, 1e9);
    const double exactMs = timer.nsecsElapsed() / 1e6;
    const MaxCoverageSolution greedy = solveMaxCoverage(problem, {.swaps = false, .restarts = 0});
    const MaxCoverageSolution swapped = solveMaxCoverage(problem, {.swaps = true, .restarts = 0});
    const MaxCoverageSolution restarted = solveMaxCoverage(problem);
    const auto gap = [&](double value) { return 100.0 * (exact.value - value) / exact.value; };
    std::printf(
        "%-44s k=%d over %zu candidates: exact %.0f (%.0f ms); greedy %.0f (gap %.2f %%), + exchanges %.0f "
        "(%.2f %%), + restarts %.0f (%.2f %%)\n",
        label, k, problem.covers.size(), exact.value, exactMs, greedy.value, gap(greedy.value), swapped.value,
        gap(swapped.value), restarted.value, gap(restarted.value));
}

}  // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    maillage::registerGdal();
    int repetitions = 5;
    bool dense = true;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--skip-dense") == 0) dense = false;
        else repetitions = std::max(1, std::atoi(argv[i]));
    }

    TerritorySources sources;
    sources.communes = {shared("04/limites-04.gpkg"), QStringLiteral("commune")};
    sources.epcis = LayerSource{shared("04/limites-04.gpkg"), QStringLiteral("epci")};
    const Territory territory = loadTerritory(sources);
    std::vector<AccueilPoint> points = readMairiesCsv(shared("04/mairies-04.csv")).points;
    for (const char* file : {"04/france-services-2024.csv", "04/laposte-2020.csv"}) {
        const ImportBatch batch =
            QString::fromUtf8(file).contains("laposte") ? readLaPosteCsv(shared(file)) : readFranceServicesCsv(shared(file));
        points.insert(points.end(), batch.points.begin(), batch.points.end());
    }
    for (std::size_t i = 0; i < points.size(); ++i) points[i].id = qint64(i + 1);
    const SpeedProfile profile = loadSpeedProfile(QStringLiteral("generalised"));
    const NetworkInput network = loadTerritoryNetwork(shared("04/routes-04.geojson"), profile, {},
                                                      townAnchors(territory, townHallsFor(territory, points)));
    RoadGraph graph(network);

    QElapsedTimer timer;
    timer.start();
    ScenarioCoverageRunner runner(territory, graph, profile, points, {.cellSize = 200.0, .placement = {}, .threads = 2});
    const CoverageContext& context = runner.baselineContext();
    std::printf("04 network: %u nodes, %u edges; grid %zu cells; setup (grid, snapping, 2 threads) %.0f ms\n\n",
                graph.nodeCount(), graph.edgeCount(), context.grid().cellCount(), timer.nsecsElapsed() / 1e6);

    const ScenarioView baseline = applyScenario(points, Scenario{});
    const std::vector<AccueilPoint> existing = scenarioLevelPoints(baseline, 2);
    const std::vector<AccueilPoint> halls = select(points, "mairie");
    const std::vector<AccueilPoint> laPoste = select(points, "la_poste");
    std::vector<AccueilPoint> level1;
    for (const AccueilPoint& p : points)
        if (p.level == Level::First) level1.push_back(p);
    std::printf("== Site suggestions, level 2, 20 min, %zu France services kept (median of %d runs)\n", existing.size(),
                repetitions);
    for (const int threads : {1, 2}) {
        const QByteArray suffix = QStringLiteral(", %1 thread%2").arg(threads).arg(threads > 1 ? "s" : "").toUtf8();
        timeSuggestions(("k=5, 198 town halls, cells" + suffix).constData(), context, existing, halls,
                        {.count = 5, .demand = DemandModel::Cells, .threads = threads}, repetitions);
        timeSuggestions(("k=5, 198 town halls, town halls" + suffix).constData(), context, existing, halls,
                        {.count = 5, .demand = DemandModel::TownHalls, .threads = threads}, repetitions);
    }
    timeSuggestions(QStringLiteral("k=5, %1 La Poste points, cells, 2 threads").arg(laPoste.size()).toUtf8().constData(),
                    context, existing, laPoste, {.count = 5, .threads = 2}, repetitions);
    timeSuggestions(QStringLiteral("k=10, %1 first-level points, cells, 2 thr.").arg(level1.size()).toUtf8().constData(),
                    context, existing, level1, {.count = 10, .threads = 2}, repetitions);

    std::printf("\n== Gap to the exact optimum (brute force), town halls as candidates\n");
    for (const DemandModel demand : {DemandModel::TownHalls, DemandModel::Cells}) {
        const SuggestionProblem built =
            buildSuggestionProblem(context, existing, halls, {.count = 3, .demand = demand, .threads = 2});
        const char* label = demand == DemandModel::Cells ? "cells" : "town halls";
        exactGap(label, built, 2, 0);
        exactGap(label, built, 3, demand == DemandModel::Cells ? 60 : 0);
        exactGap(label, built, 4, 40);
    }

    std::printf("\n== Scenario coverage and comparison (median of %d runs)\n", repetitions);
    Scenario winter;
    winter.id = 1;
    winter.name = QStringLiteral("hiver");
    winter.roadClosures = {{.method = ClosureMethod::Ref,
                            .ref = "D908",
                            .centre = toLambert93({6.5930, 44.2975}),
                            .radiusMetres = 6000.0,
                            .note = "Col d'Allos"},
                           {.method = ClosureMethod::Ref,
                            .ref = "D2202",
                            .centre = toLambert93({6.7439, 44.2592}),
                            .radiusMetres = 8000.0,
                            .note = "Col de la Cayolle"},
                           {.method = ClosureMethod::Ref,
                            .ref = "D900",
                            .centre = toLambert93({6.8936, 44.4214}),
                            .radiusMetres = 4000.0,
                            .note = "Col de Larche"}};
    const ScenarioView winterView = applyScenario(points, winter);
    const CoverageOptions options{.computeBands = false};
    std::vector<double> open, closed, compare;
    ScenarioCoverage a, b;
    for (int r = 0; r < repetitions; ++r) {
        timer.restart();
        a = runner.compute(baseline, options);
        open.push_back(timer.nsecsElapsed() / 1e6);
        timer.restart();
        b = runner.compute(winterView, options);
        closed.push_back(timer.nsecsElapsed() / 1e6);
        timer.restart();
        const ScenarioComparison comparison = compareCoverage(context, a.result, b.result, "baseline", "hiver");
        compare.push_back(timer.nsecsElapsed() / 1e6);
        if (r == 0)
            std::printf(
                "winter plan (3 passes, %zu edges closed): people beyond (spread) %.0f -> %.0f; %d cells come "
                "within, %d go beyond (%.1f km2 uncovered, %.1f km2 covered), %zu change zones\n",
                b.closedEdges, comparison.departement.a.beyondSpread, comparison.departement.b.beyondSpread,
                comparison.cellsCovered, comparison.cellsUncovered, comparison.uncoveredKm2, comparison.coveredKm2,
                comparison.changes.size());
    }
    std::printf("baseline coverage (gaps clipped)                 %7.1f ms\n", median(open));
    std::printf("winter plan coverage (closures + context rebuilt) %7.1f ms\n", median(closed));
    std::printf("comparison with clipped change zones              %7.1f ms\n", median(compare));

    if (dense) {
        std::printf("\n== The same, on the network densified to ~30 m pieces\n");
        const RoadGraph denseGraph(densify(network, 30.0));
        timer.restart();
        const GraphTravelEngine engine(denseGraph, profile);
        const CoverageContext denseContext(territory, engine, points, {.cellSize = 200.0, .placement = {}, .threads = 2});
        std::printf("%u nodes, %u edges; setup %.0f ms\n", denseGraph.nodeCount(), denseGraph.edgeCount(),
                    timer.nsecsElapsed() / 1e6);
        for (const int threads : {1, 2})
            timeSuggestions(QStringLiteral("dense: k=5, 198 town halls, cells, %1 thr.").arg(threads).toUtf8().constData(),
                            denseContext, existing, halls, {.count = 5, .threads = threads}, std::min(repetitions, 3));
    }
    return 0;
}
