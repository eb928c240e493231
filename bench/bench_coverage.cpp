// The whole coverage recompute on the 04 data: multi-source search + surface + gap zones +
// population statistics, excluding file I/O, at 200 m cells (issue 4, target <= 50 ms).
//
//   build/bench/bench_coverage [cell metres] [repetitions]
#include "coverage/coverage_run.h"
#include "coverage/network_engine.h"
#include "coverage/territory_network.h"
#include "geo/territory.h"
#include "io/point_importers.h"
#include "io/territory_loader.h"
#include "network/extract_lines.h"
#include "network/road_graph.h"
#include "network/speed_profile.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>

#include <gdal.h>

#include <algorithm>
#include <ctime>
#include <cstdio>
#include <vector>

using namespace maillage;

namespace {

QString shared(const char* relative) { return QDir(QStringLiteral(MAILLAGE_SHARED_DATA)).filePath(QString::fromUtf8(relative)); }

double msSince(QElapsedTimer& timer)
{
    const double ms = timer.nsecsElapsed() / 1e6;
    timer.restart();
    return ms;
}

// CPU time of this thread: the machine the benchmark runs on may be shared, and CPU time is
// what the computation itself costs (the recompute runs on one thread).
double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

void printTimings(const char* label, const std::vector<CoverageTimings>& runs, const std::vector<double>& cpu)
{
    const auto pick = [&](auto member) {
        std::vector<double> v;
        for (const CoverageTimings& t : runs) v.push_back(member(t));
        return median(v);
    };
    std::printf("%-34s total %7.2f ms = search %6.2f + surface %5.2f + gaps %6.2f + population %5.2f"
                " (+ links %4.2f) [bands, not counted: %5.2f]\n",
                label, pick([](const CoverageTimings& t) { return t.total() - t.bands; }),
                pick([](const CoverageTimings& t) { return t.search; }),
                pick([](const CoverageTimings& t) { return t.surface; }),
                pick([](const CoverageTimings& t) { return t.gaps; }),
                pick([](const CoverageTimings& t) { return t.population; }),
                pick([](const CoverageTimings& t) { return t.link; }),
                pick([](const CoverageTimings& t) { return t.bands; }));
    std::printf("%-34s CPU time of the whole call (bands included if computed): median %.2f ms, min %.2f ms\n", "",
                median(cpu), *std::min_element(cpu.begin(), cpu.end()));
}

// Runs the recompute `repetitions` times, with `change` applied to the points before each.
template <typename Change>
void measure(const char* label, const CoverageContext& context, std::vector<AccueilPoint> points,
             const CoverageOptions& options, int repetitions, Change change)
{
    CoverageResult result;
    std::vector<CoverageTimings> timings;
    std::vector<double> cpu;
    for (int r = 0; r < repetitions; ++r) {
        change(points);
        const double start = threadCpuMs();
        computeCoverage(context, points, options, result);
        cpu.push_back(threadCpuMs() - start);
        timings.push_back(result.timings);
    }
    printTimings(label, timings, cpu);
}

}  // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    GDALAllRegister();
    const double cell = argc > 1 ? std::atof(argv[1]) : 200.0;
    const int repetitions = argc > 2 ? std::max(1, std::atoi(argv[2])) : 15;

    QElapsedTimer timer;
    timer.start();
    TerritorySources sources;
    sources.communes = {shared("04/limites-04.gpkg"), QStringLiteral("commune")};
    sources.epcis = LayerSource{shared("04/limites-04.gpkg"), QStringLiteral("epci")};
    const Territory territory = loadTerritory(sources);
    const double loadTerritoryMs = msSince(timer);
    std::vector<AccueilPoint> points = readMairiesCsv(shared("04/mairies-04.csv")).points;
    const ImportBatch franceServices = readFranceServicesCsv(shared("04/france-services-2024.csv"));
    points.insert(points.end(), franceServices.points.begin(), franceServices.points.end());
    const double loadPointsMs = msSince(timer);
    const SpeedProfile profile = loadSpeedProfile(QStringLiteral("generalised"));
    const RoadGraph graph(loadTerritoryNetwork(shared("04/routes-04.geojson"), profile, {},
                                               townAnchors(territory, townHallsFor(territory, points))));
    const double loadNetworkMs = msSince(timer);

    const GraphTravelEngine engine(graph, profile);
    const CoverageContext context(territory, engine, points, {.cellSize = cell, .placement = {}, .threads = 2});
    const double setupMs = msSince(timer);
    std::printf("04: %zu communes, graph %u nodes / %u edges, %zu points of level 2\n", territory.communes.size(),
                graph.nodeCount(), graph.edgeCount(), coveragePoints(points, 2).size());
    std::printf("grid %d x %d at %.0f m: %zu cells inside (%zu off the road network)\n", context.grid().columns(),
                context.grid().rows(), cell, context.grid().cellCount(), context.cellLinks().unjoinedCount());
    std::printf("load (file I/O, not counted): territory %.0f ms, network + graph %.0f ms, points %.0f ms\n",
                loadTerritoryMs, loadNetworkMs, loadPointsMs);
    std::printf("setup once per network (grid rasterised, %zu cells + %zu town halls snapped, 2 threads): %.0f ms\n\n",
                context.grid().cellCount(), context.townHallLinks().size(), setupMs);

    const std::vector<AccueilPoint> levelPoints = coveragePoints(points, 2);
    const auto unchanged = [](std::vector<AccueilPoint>&) {};
    CoverageOptions exportOptions;
    exportOptions.computeBands = false;
    measure("full recompute, gaps clipped", context, levelPoints, exportOptions, repetitions, unchanged);
    CoverageOptions live;
    live.clipGapsToCommunes = false;
    live.computeBands = false;
    measure("live recompute, stair-step gaps", context, levelPoints, live, repetitions, unchanged);
    // A point dragged: each step moves one France services 500 m east and recomputes.
    measure("one point dragged, live", context, levelPoints, live, repetitions,
            [](std::vector<AccueilPoint>& p) { p[0].lambert93.x += 500.0; });
    CoverageOptions twoThreads = exportOptions;
    twoThreads.threads = 2;
    measure("full recompute, clipped, 2 threads", context, levelPoints, twoThreads, repetitions, unchanged);
    CoverageOptions withBands;
    withBands.threads = 2;
    measure("with isochrone bands, 2 threads", context, levelPoints, withBands, std::min(repetitions, 5), unchanged);

    CoverageResult result;
    computeCoverage(context, levelPoints, {}, result);
    const AreaCoverage& d = result.population.departement;
    std::printf("\nbeyond %.0f min: %.0f people (%.1f %%) spread over cells, %.0f (%.1f %%) at town halls; "
                "%zu gap zone pieces, %.0f km2\n",
                result.options.thresholdMinutes, d.beyondSpread, 100 * d.shareSpread(), d.beyondAtTownHall,
                100 * d.shareAtTownHall(), result.gapZones.size(), d.areaBeyondKm2);
    return 0;
}
