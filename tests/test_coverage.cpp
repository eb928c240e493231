#include <catch2/catch.hpp>

#include "common/error.h"
#include "coverage/gap_zones.h"
#include "coverage/grid.h"
#include "coverage/population.h"
#include "coverage/travel_engine.h"
#include "coverage/travel_time_surface.h"
#include "geo/territory.h"

#include <ogr_api.h>
#include <ogr_geometry.h>

#include <cmath>
#include <memory>

using namespace maillage;

namespace {

// ---------------------------------------------------------------------------------------
// A synthetic territory where every time is known analytically: a straight east-west road
// at y = kRoadY crossing a rectangle of communes, nodes every kNodeSpacing metres, driven at
// kRoadMetresPerMinute; places reach the road straight north or south at kLegMetresPerMinute.
constexpr double kX0 = 900'000.0;   // Lambert-93, in 04's neighbourhood
constexpr double kY0 = 6'300'000.0;
constexpr double kWidth = 20'000.0;
constexpr double kHeight = 4'000.0;
constexpr double kRoadY = kY0 + 2'100.0;  // on a row of 200 m cell centres
constexpr double kNodeSpacing = 100.0;
constexpr double kRoadMetresPerMinute = 1'000.0;  // 60 km/h
constexpr double kLegMetresPerMinute = 250.0;     // 15 km/h
constexpr int kNodeCount = int(kWidth / kNodeSpacing) + 1;

SharedGeometry rectangle(double minX, double minY, double maxX, double maxY)
{
    auto ring = std::make_unique<OGRLinearRing>();
    ring->addPoint(minX, minY);
    ring->addPoint(maxX, minY);
    ring->addPoint(maxX, maxY);
    ring->addPoint(minX, maxY);
    ring->closeRings();
    auto polygon = std::make_shared<OGRPolygon>();
    polygon->addRingDirectly(ring.release());
    return polygon;
}

Commune makeCommune(QString insee, QString name, qint64 population, QString epci, double minX, double maxX)
{
    Commune commune;
    commune.insee = std::move(insee);
    commune.name = std::move(name);
    commune.population = population;
    commune.epciSiren = std::move(epci);
    commune.geometry = rectangle(minX, kY0, maxX, kY0 + kHeight);
    commune.bbox.expand(XY{minX, kY0});
    commune.bbox.expand(XY{maxX, kY0 + kHeight});
    return commune;
}

// Two communes side by side, split at x = kX0 + split: "Amont" (1,000 people) west, "Aval"
// (500 people) east, both in one EPCI.
Territory roadTerritory(double split = 15'000.0)
{
    Territory territory;
    territory.communes.push_back(makeCommune("99001", "Amont", 1000, "200000001", kX0, kX0 + split));
    territory.communes.push_back(makeCommune("99002", "Aval", 500, "200000001", kX0 + split, kX0 + kWidth));
    Epci epci;
    epci.siren = "200000001";
    epci.name = "CC de la Route";
    epci.population = 1500;
    epci.communeCount = 2;
    territory.epcis.push_back(epci);
    territory.outline = rectangle(kX0, kY0, kX0 + kWidth, kY0 + kHeight);
    for (const Commune& c : territory.communes) territory.bbox.expand(c.bbox);
    return territory;
}

// Joins a place to the road: straight to the road line, then along edge k (nodes k, k+1).
AccessLink snapToRoad(XY p)
{
    const double x = std::clamp(p.x - kX0, 0.0, kWidth - 1e-6);
    const auto edge = std::uint32_t(x / kNodeSpacing);
    const double along = x - edge * kNodeSpacing;
    AccessLink link;
    link.edge = edge;
    link.legMetres = float(std::abs(p.y - kRoadY));
    link.legSeconds = float(60.0 * link.legMetres / kLegMetresPerMinute);
    link.alongSeconds = float(60.0 * along / kRoadMetresPerMinute);
    link.node[0] = edge;
    link.node[1] = edge + 1;
    link.seconds[0] = link.legSeconds + link.alongSeconds;
    link.seconds[1] = link.legSeconds + float(60.0 * (kNodeSpacing - along) / kRoadMetresPerMinute);
    return link;
}

// The straight road as a TravelEngine: node times by hand, no graph search involved.
class RoadEngine : public TravelEngine {
public:
    std::size_t nodeCount() const override { return kNodeCount; }
    AccessLink link(XY place) const override { return snapToRoad(place); }
    void nearest(std::span<const AccessLink> seeds, NearestTimes& out) const override
    {
        out.seconds.assign(kNodeCount, kUnreachable);
        out.owner.assign(kNodeCount, kNoPoint);
        for (std::size_t s = 0; s < seeds.size(); ++s) {
            const double seedX = roadX(seeds[s]);
            for (int k = 0; k < kNodeCount; ++k) {
                const float t = float(60.0 * std::abs(k * kNodeSpacing - seedX) / kRoadMetresPerMinute)
                                + seeds[s].legSeconds;
                if (t < out.seconds[std::size_t(k)]) {
                    out.seconds[std::size_t(k)] = t;
                    out.owner[std::size_t(k)] = std::uint32_t(s);
                }
            }
        }
    }
    double drivingMetres(const AccessLink& from, const AccessLink& to) const override
    {
        return from.legMetres + std::abs(roadX(from) - roadX(to)) + to.legMetres;
    }
    static double roadX(const AccessLink& link)
    {
        return link.edge * kNodeSpacing + link.alongSeconds / 60.0 * kRoadMetresPerMinute;
    }
};

// A multi-source search on the straight road, seeded with points on the road line.
struct RoadSearch {
    NearestTimes times;
    std::vector<AccessLink> seeds;

    explicit RoadSearch(const std::vector<double>& pointOffsets)
    {
        for (double offset : pointOffsets) seeds.push_back(snapToRoad({kX0 + offset, kRoadY}));
        RoadEngine().nearest(seeds, times);
    }
    NearestTimesView view() const { return times.view(); }
    SeedLinks seedLinks() const { return {seeds}; }
};

// The analytic travel time from (x, y) to the nearest point at one of `offsets` on the road.
double analyticMinutes(XY p, const std::vector<double>& offsets)
{
    double best = INFINITY;
    for (double offset : offsets)
        best = std::min(best, std::abs(p.x - kX0 - offset) / kRoadMetresPerMinute);
    return best + std::abs(p.y - kRoadY) / kLegMetresPerMinute;
}

struct RoadCoverage {
    Territory territory = roadTerritory();
    CoverageGrid grid = CoverageGrid::build(territory, 200.0);
    PlaceLinks cellLinks = linkGridCells(grid, snapToRoad);
    TravelTimeSurface surface;

    void compute(const std::vector<double>& pointOffsets)
    {
        const RoadSearch search(pointOffsets);
        cellLinks.gather(search.view(), search.seedLinks(), surface);
    }
};

}  // namespace

// ---------------------------------------------------------------------------------------
TEST_CASE("the grid is aligned on multiples of the cell size and counts only cells inside the communes")
{
    Territory territory = roadTerritory();
    // Shift the territory off the 200 m lattice: the grid must still align on it.
    for (Commune& c : territory.communes) {
        c.bbox.minX += 50;
        c.bbox.maxX += 50;
        c.geometry = rectangle(c.bbox.minX, c.bbox.minY, c.bbox.maxX, c.bbox.maxY);
    }
    const CoverageGrid grid = CoverageGrid::build(territory, 200.0);
    CHECK(std::fmod(grid.west(), 200.0) == 0.0);
    CHECK(std::fmod(grid.north(), 200.0) == 0.0);
    CHECK(grid.west() <= kX0 + 50);
    CHECK(grid.columns() == 101);  // 20 km starting 50 m past a cell edge
    CHECK(grid.rows() == 20);
    // Cell-centre rule: the half-covered column at each end holds its centre at +100 m from
    // the lattice, i.e. outside the communes on the west side (50 m in) and inside on the east.
    CHECK(grid.cellCount() == std::size_t(100 * 20));
    CHECK(grid.cellsPerCommune()[0] == 75 * 20);
    CHECK(grid.cellsPerCommune()[1] == 25 * 20);
    // The border is at x0 + 15,050: the cell [15,000; 15,200] has its centre east of it.
    const auto west = grid.cellAt({kX0 + 14'950.0, kY0 + 10.0});
    const auto east = grid.cellAt({kX0 + 15'040.0, kY0 + 10.0});
    REQUIRE(west);
    REQUIRE(east);
    CHECK(grid.communeOf(*west) == 0);
    CHECK(grid.communeOf(*east) == 1);
    CHECK_FALSE(grid.cellAt({kX0 - 500.0, kY0 + 10.0}));
    // Every cell centre lies in the commune the grid says.
    for (std::size_t i = 0; i < grid.cellCount(); ++i) {
        const XY c = grid.centre(i);
        const Commune& commune = territory.communes[std::size_t(grid.communeOf(i))];
        REQUIRE(commune.bbox.contains(c));
    }
}

TEST_CASE("a grid with a non-positive cell size or an empty territory is refused")
{
    const Territory territory = roadTerritory();
    CHECK_THROWS_WITH(CoverageGrid::build(territory, 0.0), Catch::Contains("cell size"));
    CHECK_THROWS_WITH(CoverageGrid::build(territory, -200.0), Catch::Contains("cell size"));
    CHECK_THROWS_WITH(CoverageGrid::build(territory, 0.001), Catch::Contains("larger cell size"));
    CHECK_THROWS_WITH(CoverageGrid::build(Territory{}, 200.0), Catch::Contains("no commune"));
}

TEST_CASE("each cell's time is its off-network leg plus the network time, as computed by hand")
{
    RoadCoverage coverage;
    const std::vector<double> points{3'000.0, 16'000.0};
    coverage.compute(points);
    double worst = 0.0;
    for (std::size_t i = 0; i < coverage.grid.cellCount(); ++i) {
        const XY c = coverage.grid.centre(i);
        worst = std::max(worst, std::abs(coverage.surface.minutes[i] - analyticMinutes(c, points)));
        const std::uint32_t expectedOwner = std::abs(c.x - kX0 - 3'000.0) < std::abs(c.x - kX0 - 16'000.0) ? 0 : 1;
        if (std::abs(std::abs(c.x - kX0 - 3'000.0) - std::abs(c.x - kX0 - 16'000.0)) > 1.0)
            REQUIRE(coverage.surface.nearest[i] == expectedOwner);
    }
    CHECK(worst < 1e-3);
}

TEST_CASE("a cell on the same road edge as the point reaches it without passing a node")
{
    // Point in the middle of edge 30 (x = 3,050 m); cell centre on the same edge at x = 3,100 m
    // is an edge end, so use a coarser road: one edge from 0 to 20 km.
    AccessLink point;
    point.edge = 0;
    point.node[0] = 0;
    point.node[1] = 1;
    point.alongSeconds = 600.0f;  // 10 min from the west end
    point.legSeconds = 0.0f;
    AccessLink place = point;
    place.alongSeconds = 660.0f;  // one minute further east
    place.legSeconds = 30.0f;
    place.seconds[0] = 690.0f;
    place.seconds[1] = 630.0f;  // say the edge is 20 min long
    const std::vector<float> nodeSeconds{600.0f, 600.0f};
    const std::vector<std::uint32_t> owner{0, 0};
    const std::vector<AccessLink> seeds{point};
    const NearestTimesView search{nodeSeconds, owner};
    CHECK(placeMinutes(place, search, SeedLinks{seeds}) == Approx(1.5));
    CHECK(placeMinutes(place, search, SeedLinks{}) == Approx(20.5));

    SECTION("but not against a one-way edge")
    {
        place.oneway = true;
        std::vector<AccessLink> onewaySeeds{point};
        onewaySeeds[0].oneway = true;
        CHECK(placeMinutes(place, search, SeedLinks{onewaySeeds}) == Approx(20.5));
    }
    SECTION("the same rule holds in the gather over many places")
    {
        const PlaceLinks links(std::vector<AccessLink>{place, place});
        PlaceTimes times;
        links.gather(search, SeedLinks{seeds}, times);
        CHECK(times.minutes[1] == Approx(1.5));
        CHECK(times.nearest[1] == 0u);
    }
}

TEST_CASE("a place joined to no road, or whose road reaches no point, is unreachable")
{
    const PlaceLinks links(std::vector<AccessLink>{AccessLink{}, snapToRoad({kX0 + 100.0, kRoadY})});
    CHECK(links.unjoinedCount() == 1);
    std::vector<float> seconds(kNodeCount, kUnreachable);
    std::vector<std::uint32_t> owner(kNodeCount, kNoPoint);
    PlaceTimes times;
    links.gather({seconds, owner}, {}, times);
    CHECK(std::isinf(times.minutes[0]));
    CHECK(std::isinf(times.minutes[1]));
    CHECK(times.nearest[1] == kNoPoint);
}

TEST_CASE("with one point at the west end, the gap starts where the road time passes the threshold")
{
    RoadCoverage coverage;
    coverage.compute({0.0});
    // Along the road row, 10 min at 1 km/min: the first cell beyond is the one whose centre
    // is past 10 km, i.e. the cell [10,000; 10,200].
    const double threshold = 10.0;
    double firstBeyond = INFINITY;
    for (std::size_t i = 0; i < coverage.grid.cellCount(); ++i) {
        const XY c = coverage.grid.centre(i);
        if (c.y == kRoadY && coverage.surface.minutes[i] > threshold) firstBeyond = std::min(firstBeyond, c.x - kX0);
    }
    CHECK(firstBeyond == Approx(10'100.0));

    const auto zones = computeGapZones(coverage.territory, coverage.grid, coverage.surface.minutes,
                                       {.thresholdMinutes = threshold, .clipToCommunes = true});
    // One connected zone, cut in two by the commune border at 15 km.
    REQUIRE(zones.size() == 2);
    CHECK(zones[0].zone == zones[1].zone);
    CHECK(zones[0].communeInsee == "99001");
    CHECK(zones[1].communeInsee == "99002");
    CHECK(zones[0].epciName == "CC de la Route");
    // Aval (15–20 km) is entirely beyond: the clipped polygon is the whole commune.
    CHECK(zones[1].areaKm2 == Approx(5.0 * 4.0).epsilon(1e-9));
    CHECK(zones[1].cells == 25 * 20);
    CHECK(zones[1].maxMinutes == Approx(analyticMinutes({kX0 + 19'900, kY0 + 100}, {0.0})));
    // In Amont the gap is x + 4 |dy| > 10 km: its area, within half a cell along its edge.
    double expectedKm2 = 0.0;
    for (double y = kY0 + 0.5; y < kY0 + kHeight; y += 1.0) {
        const double reachEnd = std::max(0.0, 10'000.0 - 4.0 * std::abs(y - kRoadY));
        expectedKm2 += (15'000.0 - reachEnd) / 1e6;
    }
    CHECK(zones[0].areaKm2 == Approx(expectedKm2).margin(0.2));
    CHECK(zones[0].maxMinutes == Approx(analyticMinutes({kX0 + 14'900, kY0 + 100}, {0.0})));
    CHECK(zones[0].meanMinutes > float(threshold));
    for (const GapZone& zone : zones) {
        REQUIRE(zone.geometry);
        CHECK(zone.geometry->IsValid());
        // Clipped to its commune: nothing outside it.
        const Commune& commune = coverage.territory.communes[std::size_t(zone.commune)];
        std::unique_ptr<OGRGeometry> outside(zone.geometry->Difference(commune.geometry.get()));
        CHECK((!outside || outside->IsEmpty() || OGR_G_Area(OGRGeometry::ToHandle(outside.get())) < 1.0));
    }

    SECTION("without clipping the pieces keep their stair-step outline, of the cells' area")
    {
        const auto raw = computeGapZones(coverage.territory, coverage.grid, coverage.surface.minutes,
                                         {.thresholdMinutes = threshold, .clipToCommunes = false});
        REQUIRE(raw.size() == 2);
        for (const GapZone& zone : raw) CHECK(zone.areaKm2 == Approx(zone.cells * 0.04));
    }
}

TEST_CASE("no cell beyond the threshold gives no gap zone")
{
    RoadCoverage coverage;
    coverage.compute({0.0});
    CHECK(computeGapZones(coverage.territory, coverage.grid, coverage.surface.minutes, {.thresholdMinutes = 60.0}).empty());
}

TEST_CASE("a threshold of zero or less, or not a number, is refused with a clear message")
{
    RoadCoverage coverage;
    coverage.compute({0.0});
    for (double bad : {0.0, -20.0, double(NAN), double(INFINITY)}) {
        CHECK_THROWS_WITH(computeGapZones(coverage.territory, coverage.grid, coverage.surface.minutes,
                                          {.thresholdMinutes = bad}),
                          Catch::Contains("threshold must be a positive number of minutes"));
    }
}

TEST_CASE("isochrone bands partition the territory")
{
    RoadCoverage coverage;
    coverage.compute({0.0});
    const auto bands = computeIsochroneBands(coverage.territory, coverage.grid, coverage.surface.minutes);
    REQUIRE(bands.size() == 4);
    CHECK(bands[0].label == QStringLiteral("0–10 min"));
    CHECK(bands[3].label == QStringLiteral("> 30 min"));
    CHECK(std::isinf(bands[3].toMinutes));
    double area = 0.0;
    int cells = 0;
    for (const IsochroneBand& band : bands) {
        area += band.areaKm2;
        cells += band.cells;
        REQUIRE(band.geometry);
        CHECK(band.geometry->IsValid());
    }
    CHECK(cells == int(coverage.grid.cellCount()));
    CHECK(area == Approx(kWidth * kHeight / 1e6).epsilon(1e-9));
    // Nothing is farther than 20 km + 2.1 km of leg = 28.4 min: the last band is empty.
    CHECK(bands[3].cells == 0);
    CHECK(bands[3].geometry->IsEmpty());
    CHECK_THROWS_WITH(computeIsochroneBands(coverage.territory, coverage.grid, coverage.surface.minutes, {20.0, 10.0}),
                      Catch::Contains("increasing"));
}

TEST_CASE("population beyond the threshold, at the town hall and spread over the cells, adds up")
{
    RoadCoverage coverage;
    coverage.compute({0.0});
    const double threshold = 10.0;
    // Town halls on the road: Amont at 5 km (5 min), Aval at 17 km (17 min).
    std::vector<AccueilPoint> halls(2);
    halls[0].name = "Mairie d'Amont";
    halls[0].kind = "mairie";
    halls[0].communeInsee = "99001";
    halls[0].lambert93 = {kX0 + 5'000.0, kRoadY};
    halls[1] = halls[0];
    halls[1].name = "Mairie d'Aval";
    halls[1].communeInsee = "99002";
    halls[1].lambert93 = {kX0 + 17'000.0, kRoadY};
    const TownHalls townHalls = townHallsFor(coverage.territory, halls);
    REQUIRE(townHalls.known == std::vector<bool>{true, true});
    const RoadSearch search({0.0});
    const PlaceLinks hallLinks = linkPlaces(townHalls.positions, snapToRoad);
    PlaceTimes hallTimes;
    hallLinks.gather(search.view(), search.seedLinks(), hallTimes);
    CHECK(hallTimes.minutes[0] == Approx(5.0));
    CHECK(hallTimes.minutes[1] == Approx(17.0));

    SECTION("every cell inhabitable")
    {
        const auto placement = PopulationPlacement::build(coverage.territory, coverage.grid, coverage.cellLinks,
                                                          {.inhabitableLegMetres = 1e9});
        const auto result = computePopulationCoverage(coverage.territory, coverage.grid, placement,
                                                      coverage.surface.minutes, hallTimes.minutes, townHalls, threshold);
        const CommuneCoverage& amont = result.communes[0];
        const CommuneCoverage& aval = result.communes[1];
        CHECK_FALSE(amont.townHallBeyond);
        CHECK(aval.townHallBeyond);
        CHECK(amont.beyondAtTownHall == 0.0);
        CHECK(aval.beyondAtTownHall == 500.0);
        CHECK(aval.beyondSpread == Approx(500.0));
        // Amont: 1,000 people over 1,500 cells, as many beyond as the surface says.
        CHECK(amont.beyondSpread == Approx(1000.0 * amont.cellsBeyond / 1500.0));
        CHECK(amont.cellsBeyond > 0);
        CHECK(result.departement.population == 1500);
        CHECK(result.departement.code == "99");
        CHECK(result.departement.beyondAtTownHall == 500.0);
        CHECK(result.departement.beyondSpread == Approx(amont.beyondSpread + 500.0));
        REQUIRE(result.epcis.size() == 1);
        CHECK(result.epcis[0].beyondSpread == Approx(result.departement.beyondSpread));
        CHECK(result.epcis[0].communesTownHallBeyond == 1);
        CHECK(result.epcis[0].shareAtTownHall() == Approx(1.0 / 3.0));
        REQUIRE(result.townHallsBeyond == std::vector<int>{1});
        CHECK(result.communes[1].townHallMinutes == Approx(17.0));
    }
    SECTION("only cells near the road inhabited: the same people, placed where the road is")
    {
        const auto placement = PopulationPlacement::build(coverage.territory, coverage.grid, coverage.cellLinks,
                                                          {.inhabitableLegMetres = 500.0});
        // Rows within 500 m of the road: dy = 0, 200, 400 on both sides -> 5 rows.
        CHECK(placement.populatedCells()[0] == 75 * 5);
        double total = 0.0;
        for (std::size_t i = 0; i < coverage.grid.cellCount(); ++i)
            total += placement.peopleOnCell(i, coverage.grid.communeOf(i));
        CHECK(total == Approx(1500.0));
        const auto result = computePopulationCoverage(coverage.territory, coverage.grid, placement,
                                                      coverage.surface.minutes, hallTimes.minutes, townHalls, threshold);
        // Near the road, Amont is beyond only past 10 km minus the legs: less than in the
        // uniform case, where the far corners count.
        CHECK(result.communes[0].beyondSpread > 0.0);
        CHECK(result.communes[0].beyondSpread < 1000.0 * result.communes[0].cellsBeyond / 1500.0);
    }
    SECTION("a point added in the gap reduces the population beyond")
    {
        const auto placement = PopulationPlacement::build(coverage.territory, coverage.grid, coverage.cellLinks);
        const auto before = computePopulationCoverage(coverage.territory, coverage.grid, placement,
                                                      coverage.surface.minutes, hallTimes.minutes, townHalls, threshold);
        coverage.compute({0.0, 16'000.0});
        const RoadSearch both({0.0, 16'000.0});
        hallLinks.gather(both.view(), both.seedLinks(), hallTimes);
        const auto after = computePopulationCoverage(coverage.territory, coverage.grid, placement,
                                                     coverage.surface.minutes, hallTimes.minutes, townHalls, threshold);
        CHECK(after.departement.beyondSpread < before.departement.beyondSpread);
        CHECK(after.departement.beyondAtTownHall == 0.0);
        CHECK(after.townHallsBeyond.empty());
    }
}

TEST_CASE("a commune without a known town hall is placed at a point inside it")
{
    const Territory territory = roadTerritory();
    const TownHalls halls = townHallsFor(territory, {});
    REQUIRE(halls.known == std::vector<bool>{false, false});
    CHECK(territory.communes[0].bbox.contains(halls.positions[0]));
    CHECK(territory.communes[1].bbox.contains(halls.positions[1]));
}
