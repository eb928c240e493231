// Benchmark of the routable graph and its searches (issue 3, item 7). Not a test: prints a
// table of build time, memory, snapping and search times on four networks:
//   04         the 04 network (routes-04.geojson through the line-layer extractor and the
//              calibrated "generalised" profile), ~5,000 nodes;
//   andorra    Andorra's OSM extract (OSM extractor, "osm" profile);
//   densified  the 04 network split into ~30 m pieces (OSM-like vertex spacing), ~350,000 nodes;
//   synthetic  a road-like perturbed grid of 5 million nodes with arterials, one-ways and
//              long fast edges.
// Usage: bench_network [--only 04,andorra,densified,synthetic] [--runs N] [--data DIR] [--skip-od]
// Build it optimised (RelWithDebInfo, the default, is -O2). Times are the thread's CPU time.

#include "common/error.h"
#include "common/gdal.h"
#include "network/extract_lines.h"
#include "network/nearest_search.h"
#include "network/profile_snapping.h"
#include "network/road_graph.h"
#include "network/snapping.h"
#include "network/travel_matrix.h"
#include "support.h"

#include <QCoreApplication>
#include <QStringList>

#include <time.h>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>
#include <random>
#include <string>

using namespace maillage;

using namespace maillage::bench;

namespace {

double timeMs(const std::function<void()>& work)
{
    const double start = threadCpuMs();
    work();
    return threadCpuMs() - start;
}

// Peak resident memory of the process (VmHWM), in MiB.
double peakResidentMiB()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
    return 0.0;
}

// Splits every edge into pieces of about `pieceMetres` along its shape, keeping its vertices
// (unlike bench::densify, which draws each piece straight: OSM-like vertex
// spacing); times and lengths are shared in proportion.
NetworkInput densifyKeepingShape(const NetworkInput& in, double pieceMetres)
{
    NetworkInput out;
    out.sourceFile = in.sourceFile + " (densified)";
    out.nodes = in.nodes;
    out.refs = in.refs;
    for (const NetworkEdge& e : in.edges) {
        std::vector<XY> line;
        if (e.shapeEnd - e.shapeBegin >= 2) line.assign(in.shape.begin() + e.shapeBegin, in.shape.begin() + e.shapeEnd);
        else line = {in.nodes[e.from], in.nodes[e.to]};
        std::vector<double> along{0.0};
        for (std::size_t i = 1; i < line.size(); ++i)
            along.push_back(along.back() + std::hypot(line[i].x - line[i - 1].x, line[i].y - line[i - 1].y));
        const double length = along.back();
        const int pieces = std::max(1, int(std::ceil(length / pieceMetres)));
        NodeId previous = e.from;
        std::size_t vertex = 1;  // next shape vertex to pass
        XY start = line.front();
        for (int k = 1; k <= pieces; ++k) {
            const double cut = length * k / pieces;
            NetworkEdge piece = e;
            piece.from = previous;
            piece.shapeBegin = std::uint32_t(out.shape.size());
            out.shape.push_back(start);
            while (vertex + 1 < line.size() && along[vertex] < cut) out.shape.push_back(line[vertex++]);
            XY end = line.back();
            NodeId next = e.to;
            if (k < pieces) {
                const std::size_t i = vertex;  // cut lies on segment (i-1, i)
                const double t = (cut - along[i - 1]) / std::max(along[i] - along[i - 1], 1e-9);
                end = {line[i - 1].x + t * (line[i].x - line[i - 1].x), line[i - 1].y + t * (line[i].y - line[i - 1].y)};
                out.nodes.push_back(end);
                next = NodeId(out.nodes.size() - 1);
            }
            out.shape.push_back(end);
            piece.shapeEnd = std::uint32_t(out.shape.size());
            piece.to = next;
            piece.metres = e.metres / pieces;
            piece.seconds = e.seconds / pieces;
            out.edges.push_back(piece);
            previous = next;
            start = end;
        }
    }
    return out;
}

void addStraightEdge(NetworkInput& net, NodeId from, NodeId to, RoadClass roadClass, bool oneway, double speedKmh)
{
    NetworkEdge e;
    e.from = from;
    e.to = to;
    const XY a = net.nodes[from], b = net.nodes[to];
    e.metres = std::hypot(b.x - a.x, b.y - a.y);
    e.seconds = e.metres / (speedKmh / 3.6);
    e.oneway = oneway;
    e.roadClass = roadClass;
    net.edges.push_back(e);  // no shape points: the graph draws a straight line
}

// A road-like graph: a perturbed grid (60 m) with 30 % of local streets missing, 5 % of them
// one-way, an arterial every 25 rows and columns (80 km/h), and a motorway every 100 rows
// made of 1.5 km edges (120 km/h).
NetworkInput synthetic(int side)
{
    NetworkInput net;
    net.sourceFile = QStringLiteral("synthetic %1 x %1").arg(side);
    std::mt19937_64 random(2024);
    std::uniform_real_distribution<double> jitter(-15.0, 15.0);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const double spacing = 60.0;
    net.nodes.reserve(std::size_t(side) * side);
    for (int j = 0; j < side; ++j)
        for (int i = 0; i < side; ++i)
            net.nodes.push_back({700'000 + i * spacing + jitter(random), 6'300'000 + j * spacing + jitter(random)});
    net.edges.reserve(std::size_t(side) * side * 3 / 2);
    const auto at = [side](int i, int j) { return NodeId(j * side + i); };
    const auto street = [&](NodeId a, NodeId b, bool arterial) {
        if (arterial) {
            addStraightEdge(net, a, b, RoadClass::Primary, false, 80.0);
        } else if (unit(random) < 0.7) {
            const bool oneway = unit(random) < 0.05;
            if (oneway && unit(random) < 0.5) std::swap(a, b);
            addStraightEdge(net, a, b, RoadClass::Residential, oneway, 40.0);
        }
    };
    for (int j = 0; j < side; ++j)
        for (int i = 0; i < side; ++i) {
            if (i + 1 < side) street(at(i, j), at(i + 1, j), j % 25 == 0);
            if (j + 1 < side) street(at(i, j), at(i, j + 1), i % 25 == 0);
            if (j % 100 == 50 && i % 25 == 0 && i + 25 < side)
                addStraightEdge(net, at(i, j), at(i + 25, j), RoadClass::Motorway, false, 120.0);
        }
    return net;
}

struct Row {
    std::string name;
    NodeId nodes = 0;
    EdgeId edges = 0;
    double largestShare = 0.0;
    double prepareMs = 0.0, buildMs = 0.0;
    double searchBytesPerEdge = 0.0, totalBytesPerEdge = 0.0, workspaceBytesPerNode = 0.0;
    double snapperBuildMs = 0.0, snapCellsMs = 0.0, snapScatteredMs = 0.0, snappedShare = 0.0;
    std::size_t cellCount = 0;
    double searchMs = 0.0, searchMinMs = 0.0, searchMetresMs = 0.0, searchLimitMs = 0.0;
    double repairMs = 0.0, repairSettledShare = 0.0, reachCellsMs = 0.0;
    double odMs = 0.0;
    std::string odShape;
};

Row measure(const std::string& name, const std::function<NetworkInput()>& prepare, SnapOptions access, int runs, bool withOd)
{
    Row row;
    row.name = name;
    std::fprintf(stderr, "[%s] preparing the network...\n", name.c_str());
    NetworkInput input;
    row.prepareMs = timeMs([&] { input = prepare(); });

    RoadGraph graph;
    row.buildMs = timeMs([&] { graph = RoadGraph(input); });
    input = NetworkInput();  // the graph holds everything the searches need
    row.nodes = graph.nodeCount();
    row.edges = graph.edgeCount();
    row.largestShare = double(graph.componentSize(graph.largestComponent())) / graph.nodeCount();
    row.searchBytesPerEdge = double(graph.searchMemoryBytes()) / graph.edgeCount();
    row.totalBytesPerEdge = double(graph.totalMemoryBytes()) / graph.edgeCount();

    std::fprintf(stderr, "[%s] %u nodes, %u edges; snapping...\n", name.c_str(), row.nodes, row.edges);
    std::unique_ptr<Snapper> snapper;
    row.snapperBuildMs = timeMs([&] { snapper = std::make_unique<Snapper>(graph); });
    access.largestComponentOnly = true;

    // 100,000 cell centres of a regular grid over the network's box, row by row, as the
    // coverage surface snaps them; and 100,000 points at random (no help from neighbours).
    std::mt19937 random(42);
    const BBox box = graph.bounds();
    const double spacing = std::sqrt(box.width() * box.height() / 100'000.0);
    std::vector<XY> cells;
    for (double y = box.minY + spacing / 2; y < box.maxY; y += spacing)
        for (double x = box.minX + spacing / 2; x < box.maxX; x += spacing) cells.push_back({x, y});
    std::uniform_real_distribution<double> rx(box.minX, box.maxX), ry(box.minY, box.maxY);
    std::vector<XY> scattered(100'000);
    for (XY& c : scattered) c = {rx(random), ry(random)};
    std::vector<Snap> cellSnaps, scatteredSnaps;
    std::vector<double> snapTimes, scatteredTimes;
    for (int r = 0; r < std::max(1, runs / 4); ++r) {
        snapTimes.push_back(timeMs([&] { cellSnaps = snapper->snapAll(cells, access, 1); }));
        scatteredTimes.push_back(timeMs([&] { scatteredSnaps = snapper->snapAll(scattered, access, 1); }));
    }
    row.cellCount = cells.size();
    row.snapCellsMs = median(snapTimes);
    row.snapScatteredMs = median(scatteredTimes);
    row.snappedShare =
        double(std::count_if(cellSnaps.begin(), cellSnaps.end(), [](const Snap& s) { return s.ok(); })) / cellSnaps.size();

    // 16 facilities at random nodes of the largest component.
    std::uniform_int_distribution<NodeId> anyNode(0, graph.nodeCount() - 1);
    const auto randomPlace = [&] {
        for (;;) {
            const NodeId v = anyNode(random);
            if (graph.componentOf(v) != graph.largestComponent()) continue;
            const XY p = graph.nodePosition(v);
            const Snap s = snapper->snap({p.x + 50.0, p.y + 50.0}, access);
            if (s.ok()) return s;
        }
    };
    std::vector<Snap> facilities(16);
    for (Snap& f : facilities) f = randomPlace();

    NearestSearch search(graph);
    row.workspaceBytesPerNode = double(search.memoryBytes()) / graph.nodeCount();
    std::fprintf(stderr, "[%s] searching...\n", name.c_str());
    std::vector<double> times, withMetres, limited;
    for (int r = 0; r < runs; ++r) times.push_back(timeMs([&] { search.run(facilities); }));
    row.searchMs = median(times);
    row.searchMinMs = *std::min_element(times.begin(), times.end());
    for (int r = 0; r < runs; ++r)
        withMetres.push_back(timeMs([&] { search.run(facilities, {SearchDirection::ToSources, kUnreached, true}); }));
    row.searchMetresMs = median(withMetres);
    for (int r = 0; r < runs; ++r)
        limited.push_back(timeMs([&] {
            search.run(facilities, {SearchDirection::ToSources, toDeciseconds(20 * 60), false});
        }));
    row.searchLimitMs = median(limited);
    std::fprintf(stderr, "[%s] settled within 20 min: %zu of %u\n", name.c_str(), search.settledCount(), graph.nodeCount());

    // Dragging: a facility moves by up to 1 km, the result is repaired in place.
    search.run(facilities);
    std::uniform_real_distribution<double> drag(-1000.0, 1000.0);
    std::vector<double> repairs, settledShares;
    for (int r = 0; r < runs; ++r) {
        const auto which = std::uint32_t(r % facilities.size());
        const XY p = facilities[which].onRoad;
        Snap moved = snapper->snap({p.x + drag(random), p.y + drag(random)}, access);
        if (!moved.ok()) moved = facilities[which];
        facilities[which] = moved;
        repairs.push_back(timeMs([&] { search.moveSource(which, moved); }));
        settledShares.push_back(double(search.settledCount()) / graph.nodeCount());
    }
    row.repairMs = median(repairs);
    row.repairSettledShare = median(settledShares);
    row.reachCellsMs = timeMs([&] { (void)search.reachAll(cellSnaps); });

    // OD: 50 origins × 16 facilities, times and metres.
    std::vector<Snap> origins(50);
    for (Snap& o : origins) o = randomPlace();
    if (withOd) row.odMs = timeMs([&] { (void)travelMatrix(graph, origins, facilities); });
    row.odShape = "50x16";
    return row;
}

void printTable(const std::vector<Row>& rows)
{
    std::printf(
        "\n| network | nodes | edges | largest comp. | prepare ms | graph build ms | search B/edge | "
        "graph total B/edge | workspace B/node | snapper build ms | snap grid cells ms (cells, joined) | "
        "snap 100k random pts ms | 16-source search ms, median (min) | + metres ms | 20-min limit ms | "
        "drag repair ms (share settled) | reach grid cells ms | OD 50x16 ms |\n");
    std::printf("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (const Row& r : rows)
        std::printf(
            "| %s | %u | %u | %.1f %% | %.0f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f (%zu, %.0f %%) | %.1f | "
            "%.3f (%.3f) | %.3f | %.3f | %.3f (%.1f %%) | %.1f | %.1f |\n",
            r.name.c_str(), r.nodes, r.edges, 100.0 * r.largestShare, r.prepareMs, r.buildMs, r.searchBytesPerEdge,
            r.totalBytesPerEdge, r.workspaceBytesPerNode, r.snapperBuildMs, r.snapCellsMs, r.cellCount,
            100.0 * r.snappedShare, r.snapScatteredMs, r.searchMs, r.searchMinMs, r.searchMetresMs, r.searchLimitMs,
            r.repairMs, 100.0 * r.repairSettledShare, r.reachCellsMs, r.odMs);
}

}  // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    maillage::registerGdal();
    QStringList only{"04", "andorra", "densified", "synthetic"};
    int runs = 20;
    bool withOd = true;
    QString data = QStringLiteral(MAILLAGE_SHARED_DATA);
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == "--skip-od") {
            withOd = false;
            continue;
        }
        if (i + 1 >= args.size()) break;
        if (args[i] == "--only") only = args[i + 1].split(',');
        else if (args[i] == "--runs") runs = std::max(1, args[i + 1].toInt());
        else if (args[i] == "--data") data = args[i + 1];
        ++i;
    }
    const QString routes04 = data + "/04/routes-04.geojson";

    std::vector<Row> rows;
    try {
        const SpeedProfile generalised = loadSpeedProfile(QStringLiteral("generalised"));
        const SpeedProfile osm = loadSpeedProfile(QStringLiteral("osm"));
        const QString andorra = data + "/osm/andorra.osm.pbf";
        if (only.contains("04"))
            rows.push_back(measure(
                "04 (routes-04.geojson)", [&] { return extractNetwork(routes04, generalised); }, snapOptionsFor(generalised),
                runs, withOd));
        if (only.contains("andorra"))
            rows.push_back(measure(
                "Andorra (OSM)", [&] { return extractNetwork(andorra, osm); }, snapOptionsFor(osm), runs, withOd));
        if (only.contains("densified"))
            rows.push_back(measure(
                "04 densified to ~30 m", [&] { return densifyKeepingShape(extractNetwork(routes04, generalised), 30.0); },
                snapOptionsFor(generalised), runs, withOd));
        if (only.contains("synthetic"))
            rows.push_back(measure(
                "synthetic 5M", [] { return synthetic(2237); }, snapOptionsFor(osm), std::min(runs, 5), withOd));
    } catch (const Error& e) {
        std::fprintf(stderr, "error: %s\n", qPrintable(e.message()));
        return 1;
    }
    printTable(rows);
    std::printf("\npeak resident memory: %.0f MiB\n", peakResidentMiB());
    return 0;
}
