#include <catch2/catch.hpp>

#include "common/error.h"
#include "network/nearest_search.h"
#include "network/road_graph.h"
#include "network/snapping.h"
#include "network/travel_matrix.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

using namespace maillage;

namespace {

// Hand-built networks: nodes at given Lambert-93 positions, edges with given times.
struct NetworkBuilder {
    NetworkInput input;

    NetworkBuilder() { input.sourceFile = QStringLiteral("hand-built.geojson"); }

    NodeId node(double x, double y)
    {
        input.nodes.push_back({x, y});
        return NodeId(input.nodes.size() - 1);
    }
    // An edge with a straight (or given) shape; its length is measured along the shape.
    EdgeId road(NodeId from, NodeId to, double seconds, bool oneway = false, std::vector<XY> interior = {})
    {
        NetworkEdge e;
        e.from = from;
        e.to = to;
        e.seconds = seconds;
        e.oneway = oneway;
        e.shapeBegin = std::uint32_t(input.shape.size());
        input.shape.push_back(input.nodes[from]);
        for (const XY& p : interior) input.shape.push_back(p);
        input.shape.push_back(input.nodes[to]);
        e.shapeEnd = std::uint32_t(input.shape.size());
        for (std::uint32_t i = e.shapeBegin + 1; i < e.shapeEnd; ++i)
            e.metres += std::hypot(input.shape[i].x - input.shape[i - 1].x, input.shape[i].y - input.shape[i - 1].y);
        input.edges.push_back(e);
        return EdgeId(input.edges.size() - 1);
    }
};

// Access legs at 18 km/h = 5 m/s with a detour of 1.5, so 10 m off the road cost 3 s.
SnapOptions testAccess()
{
    SnapOptions options;
    options.accessDetour = 1.5;
    options.accessSpeedKmh = 18.0;
    return options;
}

Deciseconds seconds(double s) { return toDeciseconds(s); }

// A w × h grid, 100 m apart; horizontal edges take 10 s, vertical ones 20 s.
struct Grid {
    NetworkBuilder net;
    int w, h;
    Grid(int width, int height) : w(width), h(height)
    {
        for (int j = 0; j < h; ++j)
            for (int i = 0; i < w; ++i) net.node(i * 100.0, j * 100.0);
        for (int j = 0; j < h; ++j)
            for (int i = 0; i < w; ++i) {
                if (i + 1 < w) net.road(at(i, j), at(i + 1, j), 10.0);
                if (j + 1 < h) net.road(at(i, j), at(i, j + 1), 20.0);
            }
    }
    NodeId at(int i, int j) const { return NodeId(j * w + i); }
};

// A perturbed grid with random times and some one-way edges, for comparing searches.
NetworkInput randomNetwork(unsigned seed, int size, double onewayShare)
{
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> jitter(-30.0, 30.0);
    std::uniform_real_distribution<double> time(5.0, 60.0);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    NetworkBuilder net;
    for (int j = 0; j < size; ++j)
        for (int i = 0; i < size; ++i) net.node(i * 200.0 + jitter(random), j * 200.0 + jitter(random));
    for (int j = 0; j < size; ++j)
        for (int i = 0; i < size; ++i) {
            const NodeId here = NodeId(j * size + i);
            if (i + 1 < size) net.road(here, here + 1, time(random), unit(random) < onewayShare);
            if (j + 1 < size) net.road(here, here + NodeId(size), time(random), unit(random) < onewayShare);
            if (i + 1 < size && j + 1 < size && unit(random) < 0.2)
                net.road(here, here + NodeId(size) + 1, time(random), unit(random) < onewayShare);
        }
    return net.input;
}

std::vector<XY> randomPoints(unsigned seed, std::size_t count, double extent)
{
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> coordinate(0.0, extent);
    std::vector<XY> points;
    for (std::size_t i = 0; i < count; ++i) points.push_back({coordinate(random), coordinate(random)});
    return points;
}

}  // namespace

// ------------------------------------------------------------------ graph

TEST_CASE("the graph keeps every edge with its length, time, class and shape")
{
    NetworkBuilder net;
    const NodeId a = net.node(0, 0), b = net.node(600, 400), c = net.node(600, 0);
    const EdgeId bent = net.road(a, b, 100.0, false, {{300, 0}, {300, 400}});
    net.road(b, c, 40.0, true);
    const RoadGraph graph(net.input);
    CHECK(graph.nodeCount() == 3);
    CHECK(graph.edgeCount() == 2);
    CHECK(graph.arcCount() == 4);  // every edge is seen from both ends
    CHECK(graph.edgeMetres(bent) == Approx(1000.0));
    CHECK(graph.edgeTime(bent) == seconds(100));
    CHECK(graph.edgeShape(bent).size() == 4);
    CHECK(graph.edgeShape(bent).length() == Approx(1000.0));
    CHECK(graph.edgeOneway(1));
    CHECK(graph.componentCount() == 1);
    CHECK(graph.searchMemoryBytes() > 0);
}

TEST_CASE("an edge referring to a missing node is refused with a message naming the file and the edge")
{
    NetworkBuilder net;
    net.node(0, 0);
    net.node(100, 0);
    net.road(0, 1, 10.0);
    net.input.edges.push_back(net.input.edges.front());
    net.input.edges.back().to = 7;
    try {
        const RoadGraph graph(net.input);
        FAIL("a bad edge was accepted");
    } catch (const Error& e) {
        CHECK(e.message().contains("hand-built.geojson"));
        CHECK(e.message().contains("edge 1"));
        CHECK(e.message().contains("node"));
    }
}

TEST_CASE("each fault of a node or an edge is refused with its own message, the first fault of an edge first")
{
    // Two nodes, one good road D12 (ref 1) with a bend: each section breaks a copy of it.
    NetworkBuilder net;
    net.node(0, 0);
    net.node(100, 0);
    net.road(0, 1, 10.0, false, {{50, 20}});
    net.input.refs = {QString(), QStringLiteral("D12")};
    net.input.edges.front().refIndex = 1;
    const auto refusal = [](const NetworkInput& input) {
        try {
            const RoadGraph graph(input);
        } catch (const Error& e) {
            return e.message();
        }
        return QStringLiteral("accepted");
    };
    REQUIRE(refusal(net.input) == QStringLiteral("accepted"));

    NetworkInput input = net.input;
    SECTION("a node off the map")
    {
        input.nodes[1].y = std::nan("");
        CHECK(refusal(input) == QStringLiteral("hand-built.geojson: a node has a non-finite coordinate"));
    }
    SECTION("a length, then a time")
    {
        input.edges[0].metres = -1.0;
        input.edges[0].seconds = std::numeric_limits<double>::infinity();
        CHECK(refusal(input) == QStringLiteral("hand-built.geojson: edge 0 (D12) has an invalid length (-1 m)"));
        input.edges[0].metres = 5.0;
        CHECK(refusal(input) == QStringLiteral("hand-built.geojson: edge 0 (D12) has an invalid travel time (inf s)"));
    }
    SECTION("a road reference the network does not have")
    {
        input.edges[0].refIndex = 2;
        CHECK(refusal(input)
              == QStringLiteral("hand-built.geojson: edge 0 (no ref) refers to road reference 2, but there are 2"));
    }
    SECTION("shape points beyond the shape, then a non-finite one")
    {
        input.edges[0].shapeEnd = 4;
        CHECK(refusal(input)
              == QStringLiteral("hand-built.geojson: edge 0 (D12) has shape points [0, 4) outside the 3 shape points"));
        input.edges[0].shapeEnd = 3;
        input.shape[1].x = std::nan("");
        CHECK(refusal(input) == QStringLiteral("hand-built.geojson: edge 0 (D12) has a non-finite shape point"));
    }
    SECTION("without a source file, the network is named as such")
    {
        input.sourceFile.clear();
        input.edges[0].to = 2;
        CHECK(refusal(input)
              == QStringLiteral("road network: edge 0 (D12) refers to node 0 -> 2, but the network has 2 nodes"));
    }
}

TEST_CASE("separate pieces of road are reported as components, the largest known")
{
    NetworkBuilder net;
    for (int i = 0; i < 5; ++i) net.node(i * 100.0, 0);
    net.road(0, 1, 10), net.road(1, 2, 10), net.road(2, 3, 10);
    const NodeId x = net.node(0, 5000), y = net.node(100, 5000);
    net.road(x, y, 10);
    const RoadGraph graph(net.input);
    CHECK(graph.componentCount() == 3);  // the chain, the isolated node 4, the island x-y
    CHECK(graph.componentSize(graph.largestComponent()) == 4);
    CHECK(graph.componentOf(0) == graph.componentOf(3));
    CHECK(graph.componentOf(x) != graph.componentOf(0));
}

// ------------------------------------------------------------------ searches

TEST_CASE("on a grid, the search finds the known shortest times, shortcut included")
{
    Grid grid(6, 5);
    // A fast diagonal road from the corner (0,0) to (5,4): 30 s.
    grid.net.road(grid.at(0, 0), grid.at(5, 4), 30.0);
    const RoadGraph graph(grid.net.input);
    const Snapper snapper(graph);
    const Snap corner = snapper.snap({0, 0}, testAccess());
    REQUIRE(corner.ok());
    CHECK(corner.accessTime == 0);

    NearestSearch search(graph);
    search.run({&corner, 1}, {SearchDirection::FromSources});
    for (int j = 0; j < grid.h; ++j)
        for (int i = 0; i < grid.w; ++i) {
            const double direct = 10.0 * i + 20.0 * j;
            const double viaShortcut = 30.0 + 10.0 * (grid.w - 1 - i) + 20.0 * (grid.h - 1 - j);
            INFO("node (" << i << ", " << j << ")");
            CHECK(search.nodeTime(grid.at(i, j)) == seconds(std::min(direct, viaShortcut)));
            CHECK(search.nodeSource(grid.at(i, j)) == 0);
        }
    CHECK(search.settledCount() == graph.nodeCount());
}

TEST_CASE("a one-way edge is used in its direction only, both for times from and to a place")
{
    // A -> B one-way, 60 s; B - C and C - A two-way, 100 s each.
    NetworkBuilder net;
    const NodeId a = net.node(0, 0), b = net.node(1000, 0), c = net.node(500, 800);
    net.road(a, b, 60.0, true);
    net.road(b, c, 100.0);
    net.road(c, a, 100.0);
    const RoadGraph graph(net.input);
    const Snapper snapper(graph);
    const Snap atA = snapper.snap({0, 0}, testAccess());
    const Snap atB = snapper.snap({1000, 0}, testAccess());
    REQUIRE(atA.ok());
    REQUIRE(atB.ok());

    NearestSearch search(graph);
    search.run({&atA, 1}, {SearchDirection::FromSources});
    CHECK(search.nodeTime(b) == seconds(60));  // A -> B directly
    CHECK(search.nodeTime(c) == seconds(100));
    search.run({&atA, 1}, {SearchDirection::ToSources});
    CHECK(search.nodeTime(b) == seconds(200));  // B -> A must go round by C
    CHECK(search.nodeTime(c) == seconds(100));

    const std::vector<Snap> both{atA, atB};
    const TravelMatrix matrix = travelMatrix(graph, both, both);
    CHECK(matrix.at(0, 1).time == seconds(60));
    CHECK(matrix.at(1, 0).time == seconds(200));
    CHECK(matrix.at(0, 0).time == 0);
    CHECK(matrix.at(0, 1).metres == Approx(1000.0));
    CHECK(matrix.at(1, 0).metres == Approx(2 * std::hypot(500.0, 800.0)));
}

TEST_CASE("with several sources, every node gets the nearest one and its time")
{
    // A straight road of 11 nodes, 10 s apart; sources at nodes 2 and 8.
    NetworkBuilder net;
    for (int i = 0; i <= 10; ++i) net.node(i * 100.0, 0);
    for (NodeId i = 0; i < 10; ++i) net.road(i, i + 1, 10.0);
    const RoadGraph graph(net.input);
    const Snapper snapper(graph);
    const std::vector<Snap> sources = snapper.snapAll(std::vector<XY>{{200, 0}, {800, 0}}, testAccess());

    NearestSearch search(graph);
    search.run(sources);
    for (NodeId i = 0; i <= 10; ++i) {
        INFO("node " << i);
        const int toFirst = std::abs(int(i) - 2), toSecond = std::abs(int(i) - 8);
        CHECK(search.nodeTime(i) == seconds(10.0 * std::min(toFirst, toSecond)));
        CHECK(search.nodeSource(i) == (toFirst <= toSecond ? 0u : 1u));  // node 5: a tie, the first wins
    }
}

TEST_CASE("a route read off a multi-source search's labels is that source's fastest, unless another is as near on the way")
{
    // A fork: the road from the origin splits at X into two branches of equal time, one to
    // each source. From X on, both sources are exactly as near: the labels hold the first.
    NetworkBuilder net;
    const NodeId start = net.node(0, 0), fork = net.node(1000, 0);
    const NodeId north = net.node(2000, 500), south = net.node(2000, -500);
    net.road(start, fork, 100.0);
    net.road(fork, north, 50.0);
    net.road(fork, south, 50.0);
    const RoadGraph graph(net.input);
    const Snapper snapper(graph);
    const std::vector<Snap> sources = snapper.snapAll(std::vector<XY>{{2000, 510}, {2000, -510}}, testAccess());
    const Snap origin = snapper.snap({0, 10}, testAccess());

    NearestSearch search(graph);
    search.run(sources, {SearchDirection::ToSources, kUnreached, true});
    const Reach nearest = search.reachAt(origin);
    REQUIRE(nearest.reached());
    CHECK(nearest.source == 0u);
    // Restricted to the first source: the same route, metres included.
    const Reach viaFirst = search.reachAt(origin, 0);
    CHECK(viaFirst.time == nearest.time);
    CHECK(viaFirst.metres == nearest.metres);
    // The second is exactly as near, but every label on the way holds the first: its route
    // cannot be read here (a caller then asks it alone, as GraphTravelEngine::nearestRoutes does).
    CHECK_FALSE(search.reachAt(origin, 1).reached());
    NearestSearch alone(graph);
    const std::vector<Trip> toSecond = travelTo(alone, {&origin, 1}, sources[1]);
    REQUIRE(toSecond.size() == 1);
    CHECK(toSecond[0].time == nearest.time);
    CHECK(toSecond[0].metres == Approx(nearest.metres));
}

TEST_CASE("a multi-source search equals the best of one search per source, one-ways included")
{
    const RoadGraph graph(randomNetwork(7, 20, 0.15));
    const Snapper snapper(graph);
    const std::vector<Snap> sources = snapper.snapAll(randomPoints(11, 6, 3800.0), testAccess());

    NearestSearch all(graph), one(graph);
    for (SearchDirection direction : {SearchDirection::ToSources, SearchDirection::FromSources}) {
        all.run(sources, {direction});
        std::vector<std::vector<Deciseconds>> single;
        for (const Snap& s : sources) {
            one.run({&s, 1}, {direction});
            single.emplace_back(one.nodeTimes().begin(), one.nodeTimes().end());
        }
        for (NodeId v = 0; v < graph.nodeCount(); ++v) {
            Deciseconds best = kUnreached;
            for (const auto& times : single) best = std::min(best, times[v]);
            REQUIRE(all.nodeTime(v) == best);
            if (best != kUnreached) REQUIRE(single[all.nodeSource(v)][v] == best);
        }
    }
}

TEST_CASE("a time limit stops the search: nodes beyond it stay unreached")
{
    NetworkBuilder net;
    for (int i = 0; i <= 10; ++i) net.node(i * 100.0, 0);
    for (NodeId i = 0; i < 10; ++i) net.road(i, i + 1, 10.0);
    const RoadGraph graph(net.input);
    const Snapper snapper(graph);
    const Snap start = snapper.snap({0, 0}, testAccess());

    NearestSearch search(graph);
    search.run({&start, 1}, {SearchDirection::ToSources, seconds(25)});
    CHECK(search.nodeTime(2) == seconds(20));
    CHECK(search.nodeTime(3) == kUnreached);
    CHECK(search.nodeSource(3) == kNoSource);
    CHECK(search.settledCount() == 3);
    // A point between node 2 and node 3 would be 25.1 s away: beyond the limit too.
    const Snap between = snapper.snap({251, 0}, testAccess());
    CHECK_FALSE(search.reachAt(between).reached());
    const Snap near = snapper.snap({240, 0}, testAccess());
    CHECK(search.reachAt(near).time == seconds(24));
}

// ------------------------------------------------------------------ snapping

TEST_CASE("a point joins the middle of an edge with exact partial times and its access leg")
{
    NetworkBuilder net;
    const NodeId a = net.node(0, 0), b = net.node(1000, 0);
    const EdgeId ab = net.road(a, b, 100.0);
    const RoadGraph graph(net.input);
    const Snapper snapper(graph);
    const Snap s = snapper.snap({250, 40}, testAccess());
    REQUIRE(s.ok());
    CHECK(s.edge == ab);
    CHECK(s.fraction == Approx(0.25));
    CHECK(s.onRoad.x == Approx(250.0));
    CHECK(s.onRoad.y == Approx(0.0).margin(1e-9));
    CHECK(s.offsetMetres == Approx(40.0));
    CHECK(s.accessMetres == Approx(60.0));
    CHECK(s.accessTime == seconds(12));  // 60 m at 5 m/s

    const SnapSides sides = snapSides(graph, s);
    CHECK(sides.fromSideTime == seconds(25));
    CHECK(sides.toSideTime == seconds(75));
    CHECK(sides.fromSideMetres == Approx(250.0));

    NearestSearch search(graph);
    search.run({&s, 1});
    CHECK(search.nodeTime(a) == seconds(12 + 25));
    CHECK(search.nodeTime(b) == seconds(12 + 75));
}

TEST_CASE("a point joins a bent road where it is nearest, measured along the shape")
{
    NetworkBuilder net;
    const NodeId a = net.node(0, 0), b = net.node(600, 400);
    net.road(a, b, 100.0, false, {{300, 0}, {300, 400}});
    const RoadGraph graph(net.input);
    const Snapper snapper(graph);
    const Snap s = snapper.snap({310, 100}, testAccess());
    REQUIRE(s.ok());
    CHECK(s.onRoad.x == Approx(300.0));
    CHECK(s.onRoad.y == Approx(100.0));
    CHECK(s.fraction == Approx(0.4));  // 300 m + 100 m out of 1000 m
    CHECK(s.offsetMetres == Approx(10.0));
}

TEST_CASE("a place on a one-way road is reached only from behind it")
{
    NetworkBuilder net;
    const NodeId a = net.node(0, 0), b = net.node(1000, 0);
    net.road(a, b, 100.0, true);
    const RoadGraph graph(net.input);
    const Snapper snapper(graph);
    const Snap place = snapper.snap({300, 0}, testAccess());
    NearestSearch search(graph);
    search.run({&place, 1}, {SearchDirection::ToSources});
    CHECK(search.nodeTime(a) == seconds(30));
    CHECK(search.nodeTime(b) == kUnreached);  // from B one cannot drive back to the place
    search.run({&place, 1}, {SearchDirection::FromSources});
    CHECK(search.nodeTime(b) == seconds(70));
    CHECK(search.nodeTime(a) == kUnreached);
}

TEST_CASE("a point 20 km from any road is reported, not joined")
{
    Grid grid(3, 3);
    const RoadGraph graph(grid.net.input);
    const Snapper snapper(graph);
    const Snap far = snapper.snap({20'000, 100}, testAccess());
    CHECK(far.status == SnapStatus::TooFar);
    CHECK_FALSE(far.ok());
    CHECK(far.offsetMetres >= 5000.0);
    const Snap invalid = snapper.snap({std::nan(""), 0}, testAccess());
    CHECK(invalid.status == SnapStatus::InvalidPoint);

    SnapOptions generous = testAccess();
    generous.maxSnapMetres = 25'000;
    const Snap joined = snapper.snap({20'000, 100}, generous);
    CHECK(joined.ok());
    CHECK(joined.offsetMetres == Approx(20'000 - 200));

    const Snap place = snapper.snap({100, 100}, testAccess());
    NearestSearch search(graph);
    search.run({&place, 1});
    CHECK_FALSE(search.reachAt(far).reached());
}

TEST_CASE("the snapper finds the nearest segment, as a scan of every segment does")
{
    const RoadGraph graph(randomNetwork(3, 25, 0.0));
    const Snapper snapper(graph);
    SnapOptions options = testAccess();
    options.maxSnapMetres = 1e9;
    for (const XY& p : randomPoints(5, 300, 5400.0)) {
        double nearest = std::numeric_limits<double>::infinity();
        for (EdgeId e = 0; e < graph.edgeCount(); ++e) {
            const RoadGraph::Shape shape = graph.edgeShape(e);
            for (std::size_t i = 0; i + 1 < shape.size(); ++i) {
                const XY a = shape[i], b = shape[i + 1];
                const double dx = b.x - a.x, dy = b.y - a.y;
                const double t = std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy), 0.0, 1.0);
                nearest = std::min(nearest, std::hypot(a.x + t * dx - p.x, a.y + t * dy - p.y));
            }
        }
        REQUIRE(snapper.snap(p, options).offsetMetres == Approx(nearest).margin(0.01));
    }
}

TEST_CASE("a batch snapped on several threads gives the same snaps, in order")
{
    const RoadGraph graph(randomNetwork(3, 25, 0.0));
    const Snapper snapper(graph);
    const std::vector<XY> points = randomPoints(6, 10'000, 5400.0);
    const std::vector<Snap> threaded = snapper.snapAll(points, testAccess(), 3);
    REQUIRE(threaded.size() == points.size());
    for (std::size_t i = 0; i < points.size(); i += 37) {
        const Snap one = snapper.snap(points[i], testAccess());
        REQUIRE(threaded[i].edge == one.edge);
        REQUIRE(threaded[i].fraction == one.fraction);
        REQUIRE(threaded[i].accessTime == one.accessTime);
    }
}

TEST_CASE("a point can be kept off small islands of road")
{
    NetworkBuilder net;
    for (int i = 0; i < 4; ++i) net.node(i * 100.0, 0);
    net.road(0, 1, 10), net.road(1, 2, 10), net.road(2, 3, 10);
    const NodeId x = net.node(0, 500), y = net.node(100, 500);
    net.road(x, y, 10);
    const RoadGraph graph(net.input);
    const Snapper snapper(graph);
    SnapOptions options = testAccess();
    CHECK(snapper.snap({50, 450}, options).edge == 3);
    options.largestComponentOnly = true;
    const Snap s = snapper.snap({50, 450}, options);
    CHECK(s.edge == 0);
    CHECK(s.offsetMetres == Approx(450.0));
}

TEST_CASE("a point and a place on the same long road are joined along it, not through its ends")
{
    NetworkBuilder net;
    const NodeId a = net.node(0, 0), b = net.node(10'000, 0);
    net.road(a, b, 1000.0);
    const RoadGraph graph(net.input);
    const Snapper snapper(graph);
    const Snap place = snapper.snap({5000, 0}, testAccess());
    const Snap home = snapper.snap({6000, 10}, testAccess());
    NearestSearch search(graph);
    search.run({&place, 1});
    const Reach r = search.reachAt(home);
    CHECK(r.time == seconds(100 + 3));  // 1 km along the road, plus 10 m × 1.5 at 5 m/s
    CHECK(r.source == 0);
}

// ------------------------------------------------------------------ multi-entry access

namespace {

// Multi-entry access as the generalised profile does it, with the test legs (5 m/s, × 1.5).
SnapOptions multiEntry(double radius = 2000.0, int entries = 5)
{
    SnapOptions options = testAccess();
    options.entryRadiusMetres = radius;
    options.maxEntries = entries;
    return options;
}

// A place whose nearest road is a dead end leading away from the facility: road A runs north
// from 300 m west of the place and reaches road B, which leads straight east to the facility,
// only by a 30 km loop. Road B passes 1,300 m south of the place.
struct DeadEnd {
    NetworkBuilder net;
    XY place{300, 1300};
    XY facility{5000, 0};
    DeadEnd()
    {
        const NodeId b0 = net.node(0, 0), b1 = net.node(5000, 0);
        net.road(b0, b1, 300.0);  // B: 5 km in 5 min
        const NodeId a0 = net.node(0, 1300), a1 = net.node(0, 10'000);
        net.road(a0, a1, 600.0);  // A, the dead end
        const NodeId c0 = net.node(-10'000, 10'000), c1 = net.node(-10'000, 0);
        net.road(a1, c0, 600.0), net.road(c0, c1, 600.0), net.road(c1, b0, 600.0);  // the loop
    }
};

// The time from `from` to `to` by the search towards `to`, and by an OD matrix.
Deciseconds tripTime(const RoadGraph& graph, const Snap& from, const Snap& to)
{
    NearestSearch search(graph);
    search.run({&to, 1});
    const Deciseconds towards = search.reachAt(from).time;
    const TravelMatrix matrix = travelMatrix(graph, {&from, 1}, {&to, 1});
    REQUIRE(matrix.at(0, 0).time == towards);
    return towards;
}

}  // namespace

TEST_CASE("a place whose nearest road is a dead end also joins the road within reach that leads to the facility")
{
    const DeadEnd d;
    const RoadGraph graph(d.net.input);
    const Snapper snapper(graph);
    const Snap facility = snapper.snap(d.facility, multiEntry());

    const Snap place = snapper.snap(d.place, multiEntry());
    REQUIRE(place.ok());
    CHECK(place.edge == 1);  // the nearest road is A, 300 m away
    CHECK(place.offsetMetres == Approx(300));
    REQUIRE(place.extraCount == 1);  // and road B, 1,300 m away, is a second entry
    CHECK(place.extras[0].edge == 0);
    CHECK(place.extras[0].offsetMetres == Approx(1300));
    CHECK(place.extras[0].accessTime == seconds(1300 * 1.5 / 5));
    // 1,300 m × 1.5 at 5 m/s, then 4.7 km of B's 5 km in 5 min.
    CHECK(tripTime(graph, place, facility) == seconds(390 + 282));
    CHECK(tripTime(graph, facility, place) == seconds(390 + 282));

    SECTION("with the nearest road only, the trip goes round by the dead end")
    {
        const Snap single = snapper.snap(d.place, multiEntry(2000.0, 0));
        CHECK(single.extraCount == 0);
        // 300 m × 1.5 at 5 m/s, A, the loop, B.
        CHECK(tripTime(graph, single, facility) == seconds(90 + 600 + 1800 + 300));
    }
    SECTION("the second road must lie within the radius beyond the nearest")
    {
        CHECK(snapper.snap(d.place, multiEntry(900.0)).extraCount == 0);
        CHECK(snapper.snap(d.place, multiEntry(1100.0)).extraCount == 1);
    }
    SECTION("a facility with several entries seeds all of them")
    {
        // The same place as the facility, and a cell at the east end of B: B's entry serves it.
        const Snap cell = snapper.snap({5000, 100}, multiEntry());
        NearestSearch search(graph);
        search.run({&place, 1}, {SearchDirection::ToSources});
        CHECK(search.reachAt(cell).time == seconds(30 + 282 + 390));
    }
}

TEST_CASE("a road passing by and its next edges give one entry, a parallel copy of it none")
{
    NetworkBuilder net;
    NodeId previous = net.node(0, 0);
    for (int i = 1; i <= 6; ++i) {  // a straight road of 1 km edges
        const NodeId next = net.node(i * 1000.0, 0);
        net.road(previous, next, 60.0);
        previous = next;
    }
    net.road(2, 3, 70.0);  // a second itinerary drawn on the same edge (the N85 and the ROUNAP)
    const RoadGraph graph(net.input);
    const Snapper snapper(graph);
    const Snap s = snapper.snap({2500, 400}, multiEntry());
    REQUIRE(s.ok());
    CHECK(s.offsetMetres == Approx(400));
    CHECK(s.extraCount == 0);
}

TEST_CASE("without a margin, leaving dominated entries out changes no time")
{
    // Every edge within the radius as its own single-entry snap: the best trip over all of
    // them must equal the multi-entry snap's, as long as the entry cap is not reached.
    const RoadGraph graph(randomNetwork(31, 12, 0.0));
    const Snapper snapper(graph);
    SnapOptions options = multiEntry(300.0, kMaxSnapEntries);
    options.entryMarginSeconds = 0.0;
    const Snap facility = snapper.snap({1100, 1100}, testAccess());
    NearestSearch search(graph);
    search.run({&facility, 1});
    int compared = 0, withExtras = 0;
    for (const XY& p : randomPoints(12, 300, 2200.0)) {
        const Snap multi = snapper.snap(p, options);
        REQUIRE(multi.ok());
        if (multi.entryCount() == kMaxSnapEntries) continue;
        Deciseconds best = search.reachAt(multi).time;
        Deciseconds bruteForce = kUnreached;
        const double radius = multi.offsetMetres + options.entryRadiusMetres;
        for (EdgeId e = 0; e < graph.edgeCount(); ++e) {
            // The nearest point of edge e, as the snapper would join it.
            const RoadGraph::Shape shape = graph.edgeShape(e);
            const XY a = shape[0], b = shape[shape.size() - 1];
            const double dx = b.x - a.x, dy = b.y - a.y;
            const double t = std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy), 0.0, 1.0);
            const double offset = std::hypot(a.x + t * dx - p.x, a.y + t * dy - p.y);
            if (offset > radius) continue;
            Snap single;
            single.status = SnapStatus::Ok;
            single.edge = e;
            single.fraction = t;
            single.offsetMetres = offset;
            single.accessMetres = offset * options.accessDetour;
            single.accessTime = toDeciseconds(single.accessMetres / (options.accessSpeedKmh / 3.6));
            bruteForce = std::min(bruteForce, search.reachAt(single).time);
        }
        INFO("point " << p.x << ", " << p.y << ": " << multi.entryCount() << " entries");
        CHECK(best == bruteForce);
        CHECK(best < kUnreached);
        withExtras += multi.extraCount > 0;
        ++compared;
    }
    INFO(compared << " places compared, " << withExtras << " with several entries");
    CHECK(compared > 150);
    CHECK(withExtras > 100);  // the comparison covers places with several entries
}

TEST_CASE("two places close to each other off the network also reach each other directly")
{
    // Both 1 km north of a straight road, 1 km apart: by the road 300 + 60 + 300 s, straight 300 s.
    NetworkBuilder net;
    net.road(net.node(0, 0), net.node(10'000, 0), 600.0);
    const RoadGraph graph(net.input);
    const Snapper snapper(graph);
    const Snap place = snapper.snap({1000, 1000}, multiEntry());
    const Snap facility = snapper.snap({2000, 1000}, multiEntry());
    CHECK(place.directMetres == Approx(3000));  // 1 km to the road + the 2 km radius
    CHECK(directTripTime(place, facility) == seconds(300));
    CHECK(tripTime(graph, place, facility) == seconds(300));
    double metres = 0.0;
    CHECK(directTripTime(place, facility, &metres) == seconds(300));
    CHECK(metres == Approx(1500));

    SECTION("the terminal time is paid at both ends, as through the network")
    {
        Snap a = place, b = facility;
        addTerminalTime(a, seconds(100));
        addTerminalTime(b, seconds(100));
        CHECK(a.accessTime == seconds(300 + 100));
        CHECK(tripTime(graph, a, b) == seconds(300 + 200));
    }
    SECTION("but not beyond the access radius")
    {
        const Snap far = snapper.snap({4100, 1000}, multiEntry());  // 3.1 km away
        CHECK(directTripTime(place, far) == kUnreached);
        CHECK(tripTime(graph, place, far) == seconds(300 + 186 + 300));
    }
    SECTION("nor without multi-entry access")
    {
        const Snap single = snapper.snap({1000, 1000}, testAccess());
        CHECK(single.directMetres == 0.0);
        CHECK(tripTime(graph, single, facility) == seconds(300 + 60 + 300));
    }
}

TEST_CASE("bad multi-entry options are refused with a clear message")
{
    Grid grid(2, 2);
    const RoadGraph graph(grid.net.input);
    const Snapper snapper(graph);
    SnapOptions options = multiEntry(-1.0);
    CHECK_THROWS_WITH(snapper.snap({0, 0}, options), Catch::Contains("entry radius"));
    options = multiEntry(1000.0, kMaxSnapEntries + 1);
    CHECK_THROWS_WITH(snapper.snap({0, 0}, options), Catch::Contains("between 0 and 6"));
}

// ------------------------------------------------------------------ OD matrices

TEST_CASE("on a two-way network the OD matrix is symmetric and agrees with single searches")
{
    const RoadGraph graph(randomNetwork(21, 15, 0.0));
    const Snapper snapper(graph);
    const std::vector<Snap> points = snapper.snapAll(randomPoints(4, 7, 2800.0), testAccess());
    for (const Snap& p : points) REQUIRE(p.ok());

    const TravelMatrix matrix = travelMatrix(graph, points, points);
    NearestSearch workspace(graph);
    for (std::size_t i = 0; i < points.size(); ++i) {
        const std::vector<Trip> row = travelFrom(workspace, points[i], points);
        NearestSearch single(graph);
        single.run({&points[i], 1}, {SearchDirection::FromSources, kUnreached, true});
        for (std::size_t j = 0; j < points.size(); ++j) {
            INFO(i << " -> " << j);
            REQUIRE(matrix.at(i, j).reached());
            CHECK(matrix.at(i, j).time == matrix.at(j, i).time);
            CHECK(matrix.at(i, j).time == row[j].time);
            if (i == j) continue;
            CHECK(matrix.at(i, j).time == single.reachAt(points[j]).time);
            CHECK(matrix.at(i, j).metres == Approx(single.reachAt(points[j]).metres));
        }
        // A place to itself is no trip (not two access legs to the road and back).
        CHECK(matrix.at(i, i).time == 0);
        CHECK(matrix.at(i, i).metres == 0.0);
        CHECK(single.reachAt(points[i]).time == 2 * points[i].accessTime);
    }
}

TEST_CASE("an origin standing on a destination has it as its nearest, at no time")
{
    const RoadGraph graph(randomNetwork(9, 15, 0.2));
    const Snapper snapper(graph);
    const std::vector<Snap> destinations = snapper.snapAll(randomPoints(2, 3, 2800.0), testAccess());
    std::vector<Snap> origins = snapper.snapAll(randomPoints(1, 4, 2800.0), testAccess());
    origins.push_back(destinations[1]);
    const std::vector<NearestTrip> nearest = nearestDestinations(graph, origins, destinations);
    CHECK(nearest.back().destination == 1);
    CHECK(nearest.back().trip.time == 0);
    for (std::size_t o = 0; o + 1 < origins.size(); ++o) CHECK(nearest[o].trip.time > 0);
}

TEST_CASE("a matrix with more origins than destinations gives the same trips")
{
    const RoadGraph graph(randomNetwork(9, 15, 0.2));
    const Snapper snapper(graph);
    const std::vector<Snap> origins = snapper.snapAll(randomPoints(1, 9, 2800.0), testAccess());
    const std::vector<Snap> destinations = snapper.snapAll(randomPoints(2, 3, 2800.0), testAccess());
    const TravelMatrix fewer = travelMatrix(graph, origins, destinations);  // one search per destination
    const std::vector<NearestTrip> nearest = nearestDestinations(graph, origins, destinations);
    NearestSearch workspace(graph);
    for (std::size_t o = 0; o < origins.size(); ++o) {
        const std::vector<Trip> row = travelFrom(workspace, origins[o], destinations);
        Deciseconds best = kUnreached;
        for (std::size_t d = 0; d < destinations.size(); ++d) {
            CHECK(fewer.at(o, d).time == row[d].time);
            CHECK(fewer.at(o, d).metres == Approx(row[d].metres));
            best = std::min(best, row[d].time);
        }
        CHECK(nearest[o].trip.time == best);
        REQUIRE(nearest[o].destination < destinations.size());
        CHECK(row[nearest[o].destination].time == best);
    }
}

// ------------------------------------------------------------------ scenarios and live editing

TEST_CASE("closing a road or slowing it changes times without rebuilding the graph")
{
    NetworkBuilder net;
    const NodeId a = net.node(0, 0), b = net.node(1000, 0), c = net.node(500, 800);
    const EdgeId ab = net.road(a, b, 60.0, true);
    const EdgeId bc = net.road(b, c, 100.0);
    net.road(c, a, 100.0);
    net.input.refs.push_back(QStringLiteral("D908"));
    net.input.edges[ab].refIndex = 1;
    RoadGraph graph(net.input);
    const Snapper snapper(graph);
    const Snap atA = snapper.snap({0, 0}, testAccess());
    NearestSearch search(graph);

    for (EdgeId e : graph.edgesWithRef(QStringLiteral("d908"))) graph.setEdgeClosed(e, true);
    CHECK(graph.closedEdgeCount() == 1);
    search.run({&atA, 1}, {SearchDirection::FromSources});
    CHECK(search.nodeTime(b) == seconds(200));  // round by C

    graph.setEdgeTimeFactor(bc, 1.5);
    search.run({&atA, 1}, {SearchDirection::FromSources});
    CHECK(search.nodeTime(b) == seconds(250));

    graph.resetEdgeStates();
    search.run({&atA, 1}, {SearchDirection::FromSources});
    CHECK(search.nodeTime(b) == seconds(60));
    CHECK(graph.closedEdgeCount() == 0);
    CHECK(snapper.snap({500, 5}, testAccess()).edge == ab);
    graph.setEdgeClosed(ab, true);
    CHECK(snapper.snap({500, 5}, testAccess()).edge != ab);  // nobody joins a closed road
}

TEST_CASE("moving, adding and removing a source repairs the result to what a full run gives")
{
    const RoadGraph graph(randomNetwork(17, 30, 0.1));
    const Snapper snapper(graph);
    std::vector<Snap> sources = snapper.snapAll(randomPoints(8, 5, 5800.0), testAccess());
    const std::vector<XY> moves = randomPoints(99, 25, 5800.0);

    for (const SearchOptions options : {SearchOptions{SearchDirection::ToSources, kUnreached, true},
                                        SearchOptions{SearchDirection::FromSources, seconds(400), false}}) {
        NearestSearch live(graph), full(graph), one(graph);
        std::vector<Snap> current = sources;
        live.run(current, options);
        for (std::size_t m = 0; m < moves.size(); ++m) {
            const auto which = std::uint32_t(m % current.size());
            current[which] = snapper.snap(moves[m], testAccess());
            live.moveSource(which, current[which]);
            full.run(current, options);
            // Metres follow the path the search kept; among paths of exactly the same time
            // from the same source the shorter one wins, so a repair gives the full run's metres.
            std::size_t metresDiffer = 0, metresCompared = 0;
            for (NodeId v = 0; v < graph.nodeCount(); ++v) {
                REQUIRE(live.nodeTime(v) == full.nodeTime(v));
                if (options.trackMetres && live.nodeSource(v) == full.nodeSource(v)) {
                    ++metresCompared;
                    if (live.nodeMetres(v) != Approx(full.nodeMetres(v))) ++metresDiffer;
                }
            }
            REQUIRE(metresDiffer == 0);
            // Owners may differ only between sources at exactly the same time.
            for (NodeId v = 0; v < graph.nodeCount(); v += 7) {
                if (live.nodeSource(v) == full.nodeSource(v)) continue;
                one.run({&current[live.nodeSource(v)], 1}, options);
                REQUIRE(one.nodeTime(v) == full.nodeTime(v));
            }
        }
        CHECK(live.settledCount() < graph.nodeCount());  // a repair is local

        const std::uint32_t added = live.addSource(snapper.snap({2900, 2900}, testAccess()));
        current.push_back(live.sources()[added]);
        full.run(current, options);
        for (NodeId v = 0; v < graph.nodeCount(); ++v) REQUIRE(live.nodeTime(v) == full.nodeTime(v));
        live.removeSource(0);
        current[0] = Snap{};
        full.run(current, options);
        for (NodeId v = 0; v < graph.nodeCount(); ++v) {
            REQUIRE(live.nodeTime(v) == full.nodeTime(v));
            REQUIRE(live.nodeSource(v) != 0);
        }
    }
}

TEST_CASE("a search shared by two threads gives every node the time and the owner of a single-thread run")
{
    // 62,500 nodes: above the size from which a search is shared.
    const RoadGraph graph(randomNetwork(23, 250, 0.15));
    REQUIRE(graph.nodeCount() >= NearestSearch::kSharedRunNodes);
    const Snapper snapper(graph);
    const std::vector<Snap> spread = snapper.snapAll(randomPoints(5, 40, 49'800.0), testAccess());
    std::vector<Snap> west;  // every source on one side of the split: one thread does all
    for (const XY p : randomPoints(6, 10, 20'000.0)) west.push_back(snapper.snap(p, testAccess()));
    // Two sources at the same place, on either side of the list: equal times, the first wins.
    std::vector<Snap> tied = spread;
    tied.push_back(spread[3]);

    NearestSearch single(graph), shared(graph);
    std::size_t compared = 0;
    for (const std::vector<Snap>* sources : std::initializer_list<const std::vector<Snap>*>{&spread, &west, &tied}) {
        for (const SearchOptions options : {SearchOptions{SearchDirection::ToSources, kUnreached, false},
                                            SearchOptions{SearchDirection::FromSources, kUnreached, false},
                                            SearchOptions{SearchDirection::ToSources, seconds(600), false}}) {
            single.run(*sources, options);
            shared.run(*sources, options, 2);
            std::size_t differentTimes = 0, differentOwners = 0;
            for (NodeId v = 0; v < graph.nodeCount(); ++v) {
                if (shared.nodeTime(v) != single.nodeTime(v)) ++differentTimes;
                if (shared.nodeSource(v) != single.nodeSource(v)) ++differentOwners;
            }
            CHECK(differentTimes == 0);
            CHECK(differentOwners == 0);
            ++compared;
        }
    }
    CHECK(compared == 9);

    // A shared run leaves what a repair needs: moving a source then gives a full run's times.
    shared.run(spread, {}, 2);
    std::vector<Snap> moved = spread;
    moved[7] = snapper.snap({25'000, 25'000}, testAccess());
    shared.moveSource(7, moved[7]);
    single.run(moved);
    std::size_t differentTimes = 0;
    for (NodeId v = 0; v < graph.nodeCount(); ++v)
        if (shared.nodeTime(v) != single.nodeTime(v)) ++differentTimes;
    CHECK(differentTimes == 0);
}
