// The whole coverage recompute on the 04 data: multi-source search + surface + gap zones +
// population statistics, excluding file I/O, at 200 m cells (issue 4, target <= 50 ms).
//
// Runs on the 04 network as the product builds it (town connectors included), then on the
// same network densified to ~30 m pieces (OSM-like vertex spacing, ~300,000 nodes).
//
//   build/bench/bench_coverage [--profile NAME|FILE] [--only 04|densified] [--threads N] [--realtime] [cell metres]
//   [repetitions]
//
// --threads: threads of the recompute (CoverageOptions::threads), 2 by default as `maillage
// coverage` (the application uses every core). The CPU time printed is that of the whole
// process during the call, so that the work of the other threads is counted too.
// --realtime: run the recomputes (not the setup) at a real-time priority (SCHED_FIFO, the
// threads they start inherit it), so that on a machine shared with other work (builds) the
// wall time shows what the recompute takes when it has the cores, as the application on a
// planner's computer; the other work still competes for caches and memory.
#include "common/gdal.h"
#include "coverage/coverage_run.h"
#include "coverage/network_engine.h"
#include "coverage/territory_network.h"
#include "geo/territory.h"
#include "importers/point_importers.h"
#include "io/territory_loader.h"
#include "network/extract_lines.h"
#include "network/road_graph.h"
#include "network/speed_profile.h"
#include "support.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>

#include <sched.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace maillage;

using namespace maillage::bench;

namespace {

QString shared(const char* relative)
{
    return QDir(QStringLiteral(MAILLAGE_SHARED_DATA)).filePath(QString::fromUtf8(relative));
}

double msSince(QElapsedTimer& timer)
{
    const double ms = timer.nsecsElapsed() / 1e6;
    timer.restart();
    return ms;
}

// Real-time priority for the calling thread (and the threads it starts) while in scope.
class RealtimePriority {
public:
    explicit RealtimePriority(bool wanted)
    {
        if (!wanted) return;
        const sched_param param{.sched_priority = 10};
        active_ = sched_setscheduler(0, SCHED_FIFO, &param) == 0;
        std::printf("%s\n", active_ ? "recomputes at real-time priority (SCHED_FIFO 10)"
                                    : "could not get a real-time priority: measured at normal priority");
    }
    ~RealtimePriority()
    {
        const sched_param param{.sched_priority = 0};
        if (active_) sched_setscheduler(0, SCHED_OTHER, &param);
    }
    RealtimePriority(const RealtimePriority&) = delete;
    RealtimePriority& operator=(const RealtimePriority&) = delete;

private:
    bool active_ = false;
};

void printTimings(const char* label, const std::vector<CoverageTimings>& runs, const std::vector<double>& cpu)
{
    const auto pick = [&](auto member) {
        std::vector<double> v;
        for (const CoverageTimings& t : runs) v.push_back(member(t));
        return median(v);
    };
    std::printf(
        "%-40s total %7.2f ms = links %5.2f + search %6.2f + surface %5.2f + gaps %6.2f + population %5.2f"
        " [bands, not counted: %5.2f]\n",
        label, pick([](const CoverageTimings& t) { return t.total() - t.bands; }),
        pick([](const CoverageTimings& t) { return t.link; }), pick([](const CoverageTimings& t) { return t.search; }),
        pick([](const CoverageTimings& t) { return t.surface; }), pick([](const CoverageTimings& t) { return t.gaps; }),
        pick([](const CoverageTimings& t) { return t.population; }), pick([](const CoverageTimings& t) { return t.bands; }));
    std::printf("%-40s CPU time of the whole call, all threads (bands included if computed): median %.2f ms, min %.2f ms\n",
                "", median(cpu), *std::min_element(cpu.begin(), cpu.end()));
}

// What the engine forgets before each recompute.
enum class Forget {
    Nothing,     // the previous search is repaired when few points moved (a point dragged)
    Search,      // a full search; the points that did not move are not linked again (many points changed)
    Everything,  // the search and the links of the points too: the first computation, or the network changed
};

// Runs the recompute `repetitions` times, with `change` applied to the points before each.
template <typename Change>
void measure(const char* label, const CoverageContext& context, GraphTravelEngine& engine, std::vector<AccueilPoint> points,
             const CoverageOptions& options, int repetitions, Forget forget, Change change)
{
    CoverageResult result;
    std::vector<CoverageTimings> timings;
    std::vector<double> cpu;
    for (int r = 0; r < repetitions; ++r) {
        change(points);
        if (forget == Forget::Search) engine.forgetSearch();
        if (forget == Forget::Everything) engine.invalidateSearch();
        const double start = processCpuMs();
        computeCoverage(context, points, options, result);
        cpu.push_back(processCpuMs() - start);
        timings.push_back(result.timings);
    }
    printTimings(label, timings, cpu);
}

void runOn(const char* title, const Territory& territory, const RoadGraph& graph, const SpeedProfile& profile,
           const std::vector<AccueilPoint>& points, double cell, int repetitions, int threads, bool realtime)
{
    QElapsedTimer timer;
    timer.start();
    const double setupCpuStart = processCpuMs();
    GraphTravelEngine engine(graph, profile);
    const CoverageContext context(territory, engine, points, {.cellSize = cell, .placement = {}, .threads = 2});
    const double setupMs = msSince(timer);
    const double setupCpuMs = processCpuMs() - setupCpuStart;
    std::printf("\n== %s: graph %u nodes / %u edges, %zu points of level 2\n", title, graph.nodeCount(), graph.edgeCount(),
                coveragePoints(points, 2).size());
    std::printf("grid %d x %d at %.0f m: %zu cells inside (%zu off the road network)\n", context.grid().columns(),
                context.grid().rows(), cell, context.grid().cellCount(), context.cellLinks().unjoinedCount());
    std::printf(
        "setup once per network (grid rasterised, %zu cells + %zu town halls snapped, 2 threads): %.0f ms "
        "(CPU %.0f ms)\n",
        context.grid().cellCount(), context.townHallLinks().size(), setupMs, setupCpuMs);
    // How many ways into the network the cells have (multi-entry access, see SnapOptions).
    std::vector<std::size_t> histogram(kMaxSnapEntries + 1, 0);
    const PlaceLinks& cells = context.cellLinks();
    for (std::size_t i = 0; i < cells.size(); ++i) ++histogram[std::size_t(cells[i].entryCount())];
    std::printf("cell links: %zu entries, %.2f per joined cell, %.1f MB; cells with 1..%d entries:", cells.entryCount(),
                double(cells.entryCount()) / double(cells.size() - cells.unjoinedCount()), cells.memoryBytes() / 1e6,
                kMaxSnapEntries);
    for (int k = 1; k <= kMaxSnapEntries; ++k) std::printf(" %zu", histogram[std::size_t(k)]);
    std::printf("\nrecomputes on %d thread(s)\n\n", threads);

    const std::vector<AccueilPoint> levelPoints = coveragePoints(points, 2);
    const RealtimePriority priority(realtime);
    const auto unchanged = [](std::vector<AccueilPoint>&) {};
    CoverageOptions exportOptions;
    exportOptions.computeBands = false;
    exportOptions.threads = threads;
    measure("full recompute, gaps clipped", context, engine, levelPoints, exportOptions, repetitions, Forget::Search,
            unchanged);
    measure("  same, the points linked again", context, engine, levelPoints, exportOptions, repetitions, Forget::Everything,
            unchanged);
    CoverageOptions live;
    live.clipGapsToCommunes = false;
    live.computeBands = false;
    live.threads = threads;
    measure("full recompute, stair-step gaps", context, engine, levelPoints, live, repetitions, Forget::Search, unchanged);
    // A point dragged: each step moves one France services 500 m east and recomputes.
    measure("one point dragged (search repaired)", context, engine, levelPoints, live, repetitions, Forget::Nothing,
            [](std::vector<AccueilPoint>& p) { p[0].lambert93.x += 500.0; });
    CoverageOptions withBands;
    withBands.threads = threads;
    measure("full, with isochrone bands (export)", context, engine, levelPoints, withBands, std::min(repetitions, 5),
            Forget::Search, unchanged);

    CoverageResult result;
    computeCoverage(context, levelPoints, withBands, result);
    const AreaCoverage& d = result.population.departement;
    std::printf(
        "beyond %.0f min: %.0f people (%.1f %%) spread over cells, %.0f (%.1f %%) at town halls; "
        "%zu gap zone pieces, %.0f km2\n",
        result.options.thresholdMinutes, d.beyondSpread, 100 * d.shareSpread(), d.beyondAtTownHall,
        100 * d.shareAtTownHall(), result.gapZones.size(), d.areaBeyondKm2);
    std::printf("town halls beyond, farthest first:");
    const std::vector<int>& beyond = result.population.townHallsBeyond;
    for (std::size_t k = 0; k < std::min<std::size_t>(10, beyond.size()); ++k)
        std::printf(" %s %.1f;", qPrintable(territory.communes[std::size_t(beyond[k])].name),
                    result.population.communes[std::size_t(beyond[k])].townHallMinutes);
    std::printf(" (%zu in all)\n", beyond.size());
    for (std::size_t c = 0; c < territory.communes.size(); ++c)
        if (territory.communes[c].name == QLatin1String("Champtercier"))
            std::printf("Champtercier town hall: %.1f min\n", result.population.communes[c].townHallMinutes);
    for (const double threshold : {10.0, 15.0, 25.0, 30.0}) {
        const PopulationCoverage other =
            computePopulationCoverage(territory, context.grid(), context.placement(), result.surface.minutes,
                                      result.townHallTimes.minutes, context.townHalls(), threshold);
        std::printf("beyond %.0f min: %.0f (%.1f %%) spread, %.0f (%.1f %%) at town halls, %zu town halls\n", threshold,
                    other.departement.beyondSpread, 100 * other.departement.shareSpread(),
                    other.departement.beyondAtTownHall, 100 * other.departement.shareAtTownHall(),
                    other.townHallsBeyond.size());
    }
}

}  // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    maillage::registerGdal();
    QString profileName = QStringLiteral("generalised");
    QString only;
    int threads = 2;
    bool realtime = false;
    std::vector<QString> positional;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--profile") && i + 1 < args.size()) profileName = args[++i];
        else if (args[i] == QLatin1String("--only") && i + 1 < args.size()) only = args[++i];
        else if (args[i] == QLatin1String("--threads") && i + 1 < args.size()) threads = std::max(1, args[++i].toInt());
        else if (args[i] == QLatin1String("--realtime")) realtime = true;
        else positional.push_back(args[i]);
    }
    const double cell = positional.size() > 0 ? positional[0].toDouble() : 200.0;
    const int repetitions = positional.size() > 1 ? std::max(1, positional[1].toInt()) : 15;

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
    const SpeedProfile profile = loadSpeedProfile(profileName);
    const NetworkInput network = loadTerritoryNetwork(shared("04/routes-04.geojson"), profile, {},
                                                      townAnchors(territory, townHallsFor(territory, points)));
    const RoadGraph graph(network);
    const double loadNetworkMs = msSince(timer);
    std::printf("load (file I/O, not counted): territory %.0f ms, points %.0f ms, network + graph %.0f ms\n",
                loadTerritoryMs, loadPointsMs, loadNetworkMs);
    std::printf("profile %s: %s\n", qPrintable(profile.name), qPrintable(profile.sourceFile));
    if (only.isEmpty() || only == QLatin1String("04"))
        runOn("04 network (routes-04.geojson)", territory, graph, profile, points, cell, repetitions, threads, realtime);
    if (only.isEmpty() || only == QLatin1String("densified")) {
        const RoadGraph dense(densify(network, 30.0));
        runOn("04 network densified to ~30 m pieces", territory, dense, profile, points, cell, repetitions, threads,
              realtime);
    }
    return 0;
}
