// Benchmark of the routable graph and its searches (issue 3, item 7). Not a test: prints a
// table of build time, memory, snapping and search times on four networks:
//   04         the 04 network (routes-04.geojson, read here with OGR: one node per distinct
//              vertex, class speeds), ~5,000 nodes;
//   andorra    Andorra's OSM extract, when an OSM extractor is available (else skipped);
//   densified  the 04 network split into ~30 m pieces (OSM-like vertex spacing), ~300,000 nodes;
//   synthetic  a road-like perturbed grid of 5 million nodes with arterials, one-ways and
//              long fast edges.
// Usage: bench_network [--only 04,densified,synthetic] [--runs N] [--data DIR]
// Build it optimised (RelWithDebInfo, the default, is -O2) and run it on an idle machine.

#include "common/error.h"
#include "geo/crs.h"
#include "io/ogr_source.h"
#include "network/nearest_search.h"
#include "network/road_graph.h"
#include "network/snapping.h"
#include "network/travel_matrix.h"

#include <QCoreApplication>
#include <QStringList>
#include <gdal.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <string>
#include <time.h>

using namespace maillage;

namespace {

// CPU time of this thread, in ms: the machine is shared, and a search runs on one core, so
// the thread's own CPU time measures the work without the waits of other processes.
double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

double timeMs(const std::function<void()>& work)
{
    const double start = threadCpuMs();
    work();
    return threadCpuMs() - start;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
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

// Class speeds (km/h) and a detour factor for the straight segments of a generalised network.
// Plausible values only: the calibrated profile is another part's work.
double classSpeedKmh(RoadClass c)
{
    switch (c) {
    case RoadClass::Motorway: return 115.0;
    case RoadClass::Trunk: return 90.0;
    case RoadClass::Primary: return 75.0;
    case RoadClass::Secondary: return 65.0;
    default: return 50.0;
    }
}
constexpr double kGeneralisedDetour = 1.25;

RoadClass classFromName(const QString& name)
{
    if (name == "motorway") return RoadClass::Motorway;
    if (name == "trunk") return RoadClass::Trunk;
    if (name == "primary") return RoadClass::Primary;
    if (name == "secondary") return RoadClass::Secondary;
    return RoadClass::Unknown;
}

void addStraightEdge(NetworkInput& net, NodeId from, NodeId to, RoadClass roadClass, double detour,
                     bool oneway = false, double speedKmh = 0.0)
{
    NetworkEdge e;
    e.from = from;
    e.to = to;
    const XY a = net.nodes[from], b = net.nodes[to];
    e.metres = std::hypot(b.x - a.x, b.y - a.y) * detour;
    e.seconds = e.metres / ((speedKmh > 0 ? speedKmh : classSpeedKmh(roadClass)) / 3.6);
    e.oneway = oneway;
    e.roadClass = roadClass;
    net.edges.push_back(e);  // no shape points: the graph draws a straight line
}

// The 04 network: one node per distinct vertex (segments sharing a coordinate connect).
NetworkInput load04(const QString& path)
{
    NetworkInput net;
    net.sourceFile = path;
    GdalDatasetPtr dataset = openVectorSource(path);
    OGRLayer* layer = findLayer(*dataset, path, QString());
    const int classField = requireField(*layer, path, QStringLiteral("class"));
    std::map<std::pair<long long, long long>, NodeId> nodeAt;
    const auto nodeFor = [&](double lon, double lat) {
        const std::pair<long long, long long> key{std::llround(lon * 1e7), std::llround(lat * 1e7)};
        const auto [it, inserted] = nodeAt.try_emplace(key, NodeId(net.nodes.size()));
        if (inserted) net.nodes.push_back(toLambert93({lon, lat}));
        return it->second;
    };
    layer->ResetReading();
    while (OGRFeature* feature = layer->GetNextFeature()) {
        const RoadClass roadClass = classFromName(QString::fromUtf8(feature->GetFieldAsString(classField)));
        const OGRGeometry* geometry = feature->GetGeometryRef();
        std::vector<const OGRLineString*> lines;
        if (geometry && wkbFlatten(geometry->getGeometryType()) == wkbLineString)
            lines.push_back(geometry->toLineString());
        else if (geometry && wkbFlatten(geometry->getGeometryType()) == wkbMultiLineString)
            for (const OGRLineString* l : *geometry->toMultiLineString()) lines.push_back(l);
        for (const OGRLineString* line : lines)
            for (int i = 0; i + 1 < line->getNumPoints(); ++i) {
                const NodeId a = nodeFor(line->getX(i), line->getY(i));
                const NodeId b = nodeFor(line->getX(i + 1), line->getY(i + 1));
                if (a != b) addStraightEdge(net, a, b, roadClass, kGeneralisedDetour);
            }
        OGRFeature::DestroyFeature(feature);
    }
    return net;
}

// Splits every edge into pieces of about `pieceMetres` (straight edges only, as in 04).
NetworkInput densify(const NetworkInput& in, double pieceMetres)
{
    NetworkInput out;
    out.sourceFile = in.sourceFile + " (densified)";
    out.nodes = in.nodes;
    for (const NetworkEdge& e : in.edges) {
        const XY a = in.nodes[e.from], b = in.nodes[e.to];
        const double straight = std::hypot(b.x - a.x, b.y - a.y);
        const int pieces = std::max(1, int(std::ceil(straight / pieceMetres)));
        NodeId previous = e.from;
        for (int k = 1; k <= pieces; ++k) {
            NodeId next = e.to;
            if (k < pieces) {
                const double t = double(k) / pieces;
                out.nodes.push_back({a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)});
                next = NodeId(out.nodes.size() - 1);
            }
            NetworkEdge piece = e;
            piece.from = previous;
            piece.to = next;
            piece.metres = e.metres / pieces;
            piece.seconds = e.seconds / pieces;
            out.edges.push_back(piece);
            previous = next;
        }
    }
    return out;
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
            addStraightEdge(net, a, b, RoadClass::Primary, 1.0, false, 80.0);
        } else if (unit(random) < 0.7) {
            const bool oneway = unit(random) < 0.05;
            if (oneway && unit(random) < 0.5) std::swap(a, b);
            addStraightEdge(net, a, b, RoadClass::Residential, 1.0, oneway, 40.0);
        }
    };
    for (int j = 0; j < side; ++j)
        for (int i = 0; i < side; ++i) {
            if (i + 1 < side) street(at(i, j), at(i + 1, j), j % 25 == 0);
            if (j + 1 < side) street(at(i, j), at(i, j + 1), i % 25 == 0);
            if (j % 100 == 50 && i % 25 == 0 && i + 25 < side)
                addStraightEdge(net, at(i, j), at(i + 25, j), RoadClass::Motorway, 1.0, false, 120.0);
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
    double snapperBuildMs = 0.0, snap100kMs = 0.0, snappedShare = 0.0;
    double searchMs = 0.0, searchMinMs = 0.0, searchMetresMs = 0.0, searchLimitMs = 0.0;
    double repairMs = 0.0, repairSettledShare = 0.0, reach100kMs = 0.0;
    double odMs = 0.0;
    std::string odShape;
};

Row measure(const std::string& name, const std::function<NetworkInput()>& prepare, int runs)
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
    SnapOptions access;
    access.largestComponentOnly = true;

    // 100,000 points spread uniformly over the network's box, as coverage grid cells are.
    std::mt19937 random(42);
    const BBox box = graph.bounds();
    std::uniform_real_distribution<double> rx(box.minX, box.maxX), ry(box.minY, box.maxY);
    std::vector<XY> cells(100'000);
    for (XY& c : cells) c = {rx(random), ry(random)};
    std::vector<Snap> cellSnaps;
    std::vector<double> snapTimes;
    for (int r = 0; r < std::max(1, runs / 4); ++r)
        snapTimes.push_back(timeMs([&] { cellSnaps = snapper->snapAll(cells, access, 1); }));
    row.snap100kMs = median(snapTimes);
    row.snappedShare = double(std::count_if(cellSnaps.begin(), cellSnaps.end(), [](const Snap& s) { return s.ok(); }))
                     / cellSnaps.size();

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
        limited.push_back(timeMs([&] { search.run(facilities, {SearchDirection::ToSources, toDeciseconds(20 * 60), false}); }));
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
    row.reach100kMs = timeMs([&] { (void)search.reachAll(cellSnaps); });

    // OD: 50 origins × 16 facilities, times and metres.
    std::vector<Snap> origins(50);
    for (Snap& o : origins) o = randomPlace();
    row.odMs = timeMs([&] { (void)travelMatrix(graph, origins, facilities); });
    row.odShape = "50x16";
    return row;
}

void printTable(const std::vector<Row>& rows)
{
    std::printf("\n| network | nodes | edges | largest comp. | prepare ms | graph build ms | search B/edge | "
                "graph total B/edge | workspace B/node | snapper build ms | snap 100k pts ms (joined) | "
                "16-source search ms, median (min) | + metres ms | 20-min limit ms | drag repair ms (share settled) | "
                "reach 100k pts ms | OD 50x16 ms |\n");
    std::printf("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (const Row& r : rows)
        std::printf("| %s | %u | %u | %.1f %% | %.0f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f (%.0f %%) | "
                    "%.3f (%.3f) | %.3f | %.3f | %.3f (%.1f %%) | %.1f | %.1f |\n",
                    r.name.c_str(), r.nodes, r.edges, 100.0 * r.largestShare, r.prepareMs, r.buildMs,
                    r.searchBytesPerEdge, r.totalBytesPerEdge, r.workspaceBytesPerNode, r.snapperBuildMs,
                    r.snap100kMs, 100.0 * r.snappedShare, r.searchMs, r.searchMinMs, r.searchMetresMs,
                    r.searchLimitMs, r.repairMs, 100.0 * r.repairSettledShare, r.reach100kMs, r.odMs);
}

}  // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    GDALAllRegister();
    QStringList only{"04", "andorra", "densified", "synthetic"};
    int runs = 20;
    QString data = QStringLiteral(MAILLAGE_SHARED_DATA);
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == "--only") only = args[i + 1].split(',');
        else if (args[i] == "--runs") runs = std::max(1, args[i + 1].toInt());
        else if (args[i] == "--data") data = args[i + 1];
    }
    const QString routes04 = data + "/04/routes-04.geojson";

    std::vector<Row> rows;
    try {
        if (only.contains("04")) rows.push_back(measure("04 (routes-04.geojson)", [&] { return load04(routes04); }, runs));
        if (only.contains("andorra"))
            std::fprintf(stderr, "[andorra] skipped: needs the OSM extractor (branch wt-netbuild)\n");
        if (only.contains("densified"))
            rows.push_back(measure("04 densified to ~30 m", [&] { return densify(load04(routes04), 30.0); }, runs));
        if (only.contains("synthetic"))
            rows.push_back(measure("synthetic 5M", [] { return synthetic(2237); }, std::min(runs, 5)));
    } catch (const Error& e) {
        std::fprintf(stderr, "error: %s\n", qPrintable(e.message()));
        return 1;
    }
    printTable(rows);
    std::printf("\npeak resident memory: %.0f MiB\n", peakResidentMiB());
    return 0;
}
