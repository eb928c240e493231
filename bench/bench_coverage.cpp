// The whole coverage recompute on the 04 data: multi-source search + surface + gap zones +
// population statistics, excluding file I/O, at 200 m cells (issue 4, target <= 50 ms).
//
// Runs on the 04 network as the product builds it (town connectors included), then on the
// same network densified to ~30 m pieces (OSM-like vertex spacing, ~300,000 nodes).
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
#include <cmath>
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
// `fullSearch`: forget the previous search each time (otherwise the engine repairs it).
template <typename Change>
void measure(const char* label, const CoverageContext& context, GraphTravelEngine& engine,
             std::vector<AccueilPoint> points, const CoverageOptions& options, int repetitions, bool fullSearch,
             Change change)
{
    CoverageResult result;
    std::vector<CoverageTimings> timings;
    std::vector<double> cpu;
    for (int r = 0; r < repetitions; ++r) {
        change(points);
        if (fullSearch) engine.invalidateSearch();
        const double start = threadCpuMs();
        computeCoverage(context, points, options, result);
        cpu.push_back(threadCpuMs() - start);
        timings.push_back(result.timings);
    }
    printTimings(label, timings, cpu);
}

// Splits every edge into straight pieces of at most `pieceMetres` along its shape, keeping its
// time, length, class and direction: the same roads with the vertex spacing of OpenStreetMap.
NetworkInput densify(const NetworkInput& in, double pieceMetres)
{
    NetworkInput out;
    out.sourceFile = in.sourceFile + QStringLiteral(" (densified)");
    out.nodes = in.nodes;
    out.refs = in.refs;
    for (const NetworkEdge& edge : in.edges) {
        const std::vector<XY> shape(in.shape.begin() + edge.shapeBegin, in.shape.begin() + edge.shapeEnd);
        std::vector<double> along{0.0};
        for (std::size_t i = 1; i < shape.size(); ++i)
            along.push_back(along.back() + std::hypot(shape[i].x - shape[i - 1].x, shape[i].y - shape[i - 1].y));
        const double length = along.back();
        const int pieces = std::max(1, int(std::ceil(length / pieceMetres)));
        std::uint32_t previous = edge.from;
        std::size_t segment = 1;
        for (int k = 1; k <= pieces; ++k) {
            std::uint32_t node = edge.to;
            if (k < pieces) {
                const double target = length * k / pieces;
                while (segment + 1 < shape.size() && along[segment] < target) ++segment;
                const double span = along[segment] - along[segment - 1];
                const double t = span > 0 ? (target - along[segment - 1]) / span : 0.0;
                node = std::uint32_t(out.nodes.size());
                out.nodes.push_back({shape[segment - 1].x + t * (shape[segment].x - shape[segment - 1].x),
                                     shape[segment - 1].y + t * (shape[segment].y - shape[segment - 1].y)});
            }
            NetworkEdge piece = edge;
            piece.from = previous;
            piece.to = node;
            piece.metres = edge.metres / pieces;
            piece.seconds = edge.seconds / pieces;
            piece.shapeBegin = std::uint32_t(out.shape.size());
            out.shape.push_back(out.nodes[previous]);
            out.shape.push_back(out.nodes[node]);
            piece.shapeEnd = std::uint32_t(out.shape.size());
            out.edges.push_back(piece);
            previous = node;
        }
    }
    return out;
}

void runOn(const char* title, const Territory& territory, const RoadGraph& graph, const SpeedProfile& profile,
           const std::vector<AccueilPoint>& points, double cell, int repetitions)
{
    QElapsedTimer timer;
    timer.start();
    GraphTravelEngine engine(graph, profile);
    const CoverageContext context(territory, engine, points, {.cellSize = cell, .placement = {}, .threads = 2});
    const double setupMs = msSince(timer);
    std::printf("\n== %s: graph %u nodes / %u edges, %zu points of level 2\n", title, graph.nodeCount(),
                graph.edgeCount(), coveragePoints(points, 2).size());
    std::printf("grid %d x %d at %.0f m: %zu cells inside (%zu off the road network)\n", context.grid().columns(),
                context.grid().rows(), cell, context.grid().cellCount(), context.cellLinks().unjoinedCount());
    std::printf("setup once per network (grid rasterised, %zu cells + %zu town halls snapped, 2 threads): %.0f ms\n\n",
                context.grid().cellCount(), context.townHallLinks().size(), setupMs);

    const std::vector<AccueilPoint> levelPoints = coveragePoints(points, 2);
    const auto unchanged = [](std::vector<AccueilPoint>&) {};
    CoverageOptions exportOptions;
    exportOptions.computeBands = false;
    measure("full recompute, gaps clipped", context, engine, levelPoints, exportOptions, repetitions, true, unchanged);
    CoverageOptions live;
    live.clipGapsToCommunes = false;
    live.computeBands = false;
    measure("full recompute, stair-step gaps", context, engine, levelPoints, live, repetitions, true, unchanged);
    // A point dragged: each step moves one France services 500 m east and recomputes.
    measure("one point dragged (search repaired)", context, engine, levelPoints, live, repetitions, false,
            [](std::vector<AccueilPoint>& p) { p[0].lambert93.x += 500.0; });
    CoverageOptions withBands;
    measure("full, with isochrone bands (export)", context, engine, levelPoints, withBands, std::min(repetitions, 5),
            true, unchanged);

    CoverageResult result;
    computeCoverage(context, levelPoints, {}, result);
    const AreaCoverage& d = result.population.departement;
    std::printf("beyond %.0f min: %.0f people (%.1f %%) spread over cells, %.0f (%.1f %%) at town halls; "
                "%zu gap zone pieces, %.0f km2\n",
                result.options.thresholdMinutes, d.beyondSpread, 100 * d.shareSpread(), d.beyondAtTownHall,
                100 * d.shareAtTownHall(), result.gapZones.size(), d.areaBeyondKm2);
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
    const NetworkInput network = loadTerritoryNetwork(shared("04/routes-04.geojson"), profile, {},
                                                      townAnchors(territory, townHallsFor(territory, points)));
    const RoadGraph graph(network);
    const double loadNetworkMs = msSince(timer);
    std::printf("load (file I/O, not counted): territory %.0f ms, points %.0f ms, network + graph %.0f ms\n",
                loadTerritoryMs, loadPointsMs, loadNetworkMs);
    runOn("04 network (routes-04.geojson + town connectors)", territory, graph, profile, points, cell, repetitions);
    const RoadGraph dense(densify(network, 30.0));
    runOn("04 network densified to ~30 m pieces", territory, dense, profile, points, cell, repetitions);
    return 0;
}
