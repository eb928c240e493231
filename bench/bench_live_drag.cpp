// Benchmark of the live coverage behind the application's point dragging (issue 5, item 5).
// Not a test. Loads the 04 data (boundaries, routes-04.geojson with its town connectors,
// town halls and France services), prepares the coverage (200 m grid), then moves one France
// services point along a 30 km line in 100 steps and recomputes the level-2 coverage at each
// step. Two figures: the core's computeCoverage with its cheapest options (gap zones still
// polygonised, not clipped; no band polygons), and the steps the application's
// CoverageController runs while dragging (no polygons at all: the map draws gaps and bands
// from the surface). Target: at least 20 updates per second. The whole window (recompute,
// layers, statistics, repaint) is measured by `test_gui "[benchmark]"`.
// Usage: bench_live_drag [--data DIR] [--steps N]

#include "common/gdal.h"
#include "coverage/coverage_run.h"
#include "coverage/network_engine.h"
#include "coverage/territory_network.h"
#include "importers/point_importers.h"
#include "io/territory_loader.h"
#include "network/extract_lines.h"
#include "network/road_graph.h"
#include "network/speed_profile.h"
#include "support.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QThread>

#include <algorithm>
#include <cstdio>

using namespace maillage;

using namespace maillage::bench;

namespace {

}  // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    maillage::registerGdal();
    const QStringList args = app.arguments();
    auto option = [&](const QString& name, const QString& fallback) {
        const int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args[i + 1] : fallback;
    };
    const QDir data(
        QDir(option(QStringLiteral("--data"), QStringLiteral(MAILLAGE_SHARED_DATA))).filePath(QStringLiteral("04")));
    const int steps = option(QStringLiteral("--steps"), QStringLiteral("100")).toInt();

    QElapsedTimer timer;
    timer.start();
    TerritorySources sources;
    sources.communes = {data.filePath(QStringLiteral("limites-04.gpkg")), QStringLiteral("commune")};
    sources.epcis = LayerSource{data.filePath(QStringLiteral("limites-04.gpkg")), QStringLiteral("epci")};
    const Territory territory = loadTerritory(sources);
    std::vector<AccueilPoint> points = readMairiesCsv(data.filePath(QStringLiteral("mairies-04.csv"))).points;
    for (AccueilPoint& p : readFranceServicesCsv(data.filePath(QStringLiteral("france-services-2024.csv"))).points)
        points.push_back(std::move(p));
    const SpeedProfile profile = loadSpeedProfile(QStringLiteral("generalised"));
    // As the application and `maillage coverage` build it: with town connectors at the town halls.
    const NetworkInput network = loadTerritoryNetwork(data.filePath(QStringLiteral("routes-04.geojson")), profile, {},
                                                      townAnchors(territory, townHallsFor(territory, points)));
    const RoadGraph graph(network);
    const GraphTravelEngine engine(graph, profile);
    CoverageSetup setup;
    setup.threads = std::max(1, QThread::idealThreadCount());
    // --population grid|buildings: people placed by INSEE's 200 m grid or the OSM buildings
    // (read once, then cached), as a project with them does; default the spread.
    const QString populationMethod = option(QStringLiteral("--population"), QStringLiteral("spread"));
    if (populationMethod == QLatin1String("grid") || populationMethod == QLatin1String("buildings")) {
        setup.placement.method =
            populationMethod == QLatin1String("grid") ? PopulationMethod::Grid : PopulationMethod::Buildings;
        setup.placement.input = {.method = setup.placement.method,
                                 .path = data.filePath(populationMethod == QLatin1String("grid")
                                                           ? QStringLiteral("filosofi-2021-carreaux-200m-04.csv")
                                                           : QStringLiteral("batiments-osm-04.gpkg"))};
    }
    const CoverageContext context(territory, engine, points, setup);
    std::printf("setup (load, graph, grid of %zu cells, links): %.0f ms\n", context.grid().cellCount(),
                timer.nsecsElapsed() / 1e6);

    std::vector<AccueilPoint> level2 = coveragePoints(points, 2);
    // The dragged point: the first France services inside the territory.
    auto dragged =
        std::find_if(level2.begin(), level2.end(), [&](const AccueilPoint& p) { return territory.contains(p.lambert93); });
    const XY start = dragged->lambert93;
    std::printf("dragging \"%s\" from (%.0f, %.0f), %d steps over 30 km, %zu level-2 points\n", qPrintable(dragged->name),
                start.x, start.y, steps, level2.size());

    CoverageOptions live;
    live.computeBands = false;
    live.clipGapsToCommunes = false;
    CoverageResult result;
    std::vector<double> total, link, search, surface, gaps, population;
    double beyondMin = 1e18, beyondMax = 0;
    for (int i = 0; i < steps; ++i) {
        const double t = double(i) / std::max(1, steps - 1);
        dragged->lambert93 = {start.x + 30000.0 * t, start.y + 12000.0 * t};
        QElapsedTimer step;
        step.start();
        computeCoverage(context, level2, live, result);
        total.push_back(step.nsecsElapsed() / 1e6);
        link.push_back(result.timings.link);
        search.push_back(result.timings.search);
        surface.push_back(result.timings.surface);
        gaps.push_back(result.timings.gaps);
        population.push_back(result.timings.population);
        beyondMin = std::min(beyondMin, result.population.departement.beyondSpread);
        beyondMax = std::max(beyondMax, result.population.departement.beyondSpread);
    }
    std::printf(
        "live recompute, median ms: total %.1f = link %.2f + search %.2f + surface %.2f + gaps %.1f + population %.2f\n",
        median(total), median(link), median(search), median(surface), median(gaps), median(population));
    std::printf("updates per second (median): %.0f (target >= 20)\n", 1000.0 / median(total));
    std::vector<double> withoutGaps;
    for (std::size_t i = 0; i < total.size(); ++i) withoutGaps.push_back(total[i] - gaps[i]);
    std::printf("application's live step (the same without gap polygons), median: %.1f ms, %.0f updates per second\n",
                median(withoutGaps), 1000.0 / median(withoutGaps));
    std::printf("population beyond 20 min during the drag: %.0f to %.0f\n", beyondMin, beyondMax);

    CoverageOptions full;  // what an export computes: clipped gap zones and band polygons
    QElapsedTimer fullTimer;
    fullTimer.start();
    computeCoverage(context, level2, full, result);
    std::printf("full recompute with clipped gaps and bands (for exports): %.0f ms\n", fullTimer.nsecsElapsed() / 1e6);
    return 0;
}
