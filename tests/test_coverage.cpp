#include <catch2/catch.hpp>

#include "common/error.h"
#include "coverage/access_table.h"
#include "coverage/coverage_run.h"
#include "coverage/gap_zones.h"
#include "coverage/grid.h"
#include "coverage/network_engine.h"
#include "coverage/population.h"
#include "coverage/referral.h"
#include "coverage/territory_network.h"
#include "coverage/travel_engine.h"
#include "geo/crs.h"
#include "importers/point_importers.h"
#include "io/ogr_source.h"
#include "io/territory_loader.h"
#include "network/extract_lines.h"
#include "network/profile_snapping.h"
#include "network/snapping.h"
#include "network/speed_profile.h"
#include "report/geopackage_export.h"
#include "support/fixtures04.h"
#include "support/test_data.h"

#include <QDateTime>
#include <QDomDocument>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include "coverage/mem_raster.h"
#include "coverage/parallel.h"
#include "coverage/travel_time_surface.h"
#include "geo/territory.h"
#include "network/nearest_search.h"

#include <ogr_api.h>
#include <ogr_geometry.h>

#include <array>
#include <atomic>
#include <cmath>
#include <map>
#include <memory>

using namespace maillage;

namespace {

// ---------------------------------------------------------------------------------------
// A synthetic territory where every time is known analytically: a straight east-west road
// at y = kRoadY crossing a rectangle of communes, nodes every kNodeSpacing metres, driven at
// kRoadMetresPerMinute; places reach the road straight north or south at kLegMetresPerMinute.
constexpr double kX0 = 900'000.0;  // Lambert-93, in 04's neighbourhood
constexpr double kY0 = 6'300'000.0;
constexpr double kWidth = 20'000.0;
constexpr double kHeight = 4'000.0;
constexpr double kRoadY = kY0 + 2'100.0;  // on a row of 200 m cell centres
constexpr double kNodeSpacing = 100.0;
constexpr double kRoadMetresPerMinute = 1'000.0;  // 60 km/h
constexpr double kLegMetresPerMinute = 250.0;     // 15 km/h
constexpr int kNodeCount = int(kWidth / kNodeSpacing) + 1;

Commune makeCommune(QString insee, QString name, qint64 population, QString epci, double minX, double maxX)
{
    Commune commune;
    commune.insee = std::move(insee);
    commune.name = std::move(name);
    commune.population = population;
    commune.epciSiren = std::move(epci);
    commune.geometry = test::rectangle(minX, kY0, maxX, kY0 + kHeight);
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
    territory.outline = test::rectangle(kX0, kY0, kX0 + kWidth, kY0 + kHeight);
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
                const float t =
                    float(60.0 * std::abs(k * kNodeSpacing - seedX) / kRoadMetresPerMinute) + seeds[s].legSeconds;
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
    for (double offset : offsets) best = std::min(best, std::abs(p.x - kX0 - offset) / kRoadMetresPerMinute);
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
        c.geometry = test::rectangle(c.bbox.minX, c.bbox.minY, c.bbox.maxX, c.bbox.maxY);
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
    // Refused before anything is allocated, by the memory check or the cell-count cap; both say what to choose.
    CHECK_THROWS_WITH(CoverageGrid::build(territory, 0.001), Catch::Contains("choose"));
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

TEST_CASE("places with several entries take the best one, and close places reach each other directly")
{
    // A place 1 km north of the road at x = 5 km, with a second entry (say another road) that
    // joins node 80 (x = 8 km) in 2 min; the point on the road at x = 8.6 km.
    const RoadSearch search({8'600.0});
    AccessLink place = snapToRoad({kX0 + 5'000.0, kRoadY + 1'000.0});
    const float nearestOnly = placeMinutes(place, search.view(), search.seedLinks());
    CHECK(nearestOnly == Approx(analyticMinutes({kX0 + 5'000.0, kRoadY + 1'000.0}, {8'600.0})));
    AccessEntry other;
    other.edge = 1'000;  // an edge of its own, no point on it
    other.node[0] = other.node[1] = 80;
    other.seconds[0] = other.seconds[1] = 120.0f;
    other.legSeconds = 120.0f;
    place.extras[0] = other;
    place.extraCount = 1;
    const float viaOther = float(2.0 + 600.0 / kRoadMetresPerMinute);
    CHECK(placeMinutes(place, search.view(), search.seedLinks()) == Approx(viaOther));

    SECTION("the gather over many places gives the same")
    {
        const PlaceLinks links(std::vector<AccessLink>{snapToRoad({kX0, kRoadY}), place});
        CHECK(links.entryCount() == 3);
        CHECK(links[1].extraCount == 1);
        CHECK(links[1].extras[0].node[0] == 80u);
        PlaceTimes times;
        links.gather(search.view(), search.seedLinks(), times);
        CHECK(times.minutes[1] == Approx(viaOther));
        CHECK(times.nearest[1] == 0u);
    }
    SECTION("a point 800 m away, both allowing direct trips, is reached straight")
    {
        RoadSearch near({5'000.0});
        AccessLink point = snapToRoad({kX0 + 5'000.0, kRoadY + 1'800.0});
        for (AccessLink* link : {&place, &point}) {
            link->directMetres = 3'000.0f;
            link->directSecondsPerMetre = float(60.0 / kLegMetresPerMinute);
            link->terminalSeconds = 0.0f;
        }
        place.place = {kX0 + 5'000.0, kRoadY + 1'000.0};
        point.place = {kX0 + 5'000.0, kRoadY + 1'800.0};
        near.seeds = {point};
        RoadEngine().nearest(near.seeds, near.times);
        const float straight = float(800.0 / kLegMetresPerMinute);
        CHECK(directSeconds(place, point) == Approx(60.0f * straight));
        CHECK(placeMinutes(place, near.view(), near.seedLinks()) == Approx(straight));
        const PlaceLinks links(std::vector<AccessLink>{place});
        PlaceTimes times;
        links.gather(near.view(), near.seedLinks(), times);
        CHECK(times.minutes[0] == Approx(straight));

        point.directMetres = 700.0f;  // the smaller radius of the two decides
        near.seeds = {point};
        CHECK(std::isinf(directSeconds(place, point)));
        links.gather(near.view(), near.seedLinks(), times);
        CHECK(times.minutes[0] > straight + 1.0f);
    }
}

TEST_CASE("an error in work spread over threads reaches the caller once every thread has stopped")
{
    std::atomic<int> done{0};
    const auto work = [&](std::size_t i) {
        if (i == 57) throw Error(QStringLiteral("piece 57 cannot be clipped"));
        ++done;
    };
    CHECK_THROWS_WITH(parallelFor(200, 2, work), Catch::Contains("piece 57"));
    CHECK(done < 200);
    std::atomic<int> helped{0};
    Helpers helpers(2, [&] {
        ++helped;
        throw Error(QStringLiteral("a helper failed"));
    });
    CHECK_THROWS_WITH(helpers.wait(), Catch::Contains("a helper failed"));
    CHECK(helped == 2);
}

TEST_CASE("a search result of another network is refused rather than read out of bounds")
{
    const PlaceLinks links(std::vector<AccessLink>{snapToRoad({kX0 + 19'950.0, kRoadY})});
    const std::vector<float> seconds(10, 0.0f);
    const std::vector<std::uint32_t> owner(10, 0);
    PlaceTimes times;
    CHECK_THROWS_WITH(links.gather({seconds, owner}, {}, times), Catch::Contains("rebuild the coverage"));
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
        CHECK_THROWS_WITH(
            computeGapZones(coverage.territory, coverage.grid, coverage.surface.minutes, {.thresholdMinutes = bad}),
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
        const auto placement =
            PopulationPlacement::build(coverage.territory, coverage.grid, coverage.cellLinks, {.inhabitableLegMetres = 1e9});
        const auto result = computePopulationCoverage(coverage.territory, coverage.grid, placement, coverage.surface.minutes,
                                                      hallTimes.minutes, townHalls, threshold);
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
        const auto result = computePopulationCoverage(coverage.territory, coverage.grid, placement, coverage.surface.minutes,
                                                      hallTimes.minutes, townHalls, threshold);
        // Near the road, Amont is beyond only past 10 km minus the legs: less than in the
        // uniform case, where the far corners count.
        CHECK(result.communes[0].beyondSpread > 0.0);
        CHECK(result.communes[0].beyondSpread < 1000.0 * result.communes[0].cellsBeyond / 1500.0);
    }
    SECTION("a point added in the gap reduces the population beyond")
    {
        const auto placement = PopulationPlacement::build(coverage.territory, coverage.grid, coverage.cellLinks);
        const auto before = computePopulationCoverage(coverage.territory, coverage.grid, placement, coverage.surface.minutes,
                                                      hallTimes.minutes, townHalls, threshold);
        coverage.compute({0.0, 16'000.0});
        const RoadSearch both({0.0, 16'000.0});
        hallLinks.gather(both.view(), both.seedLinks(), hallTimes);
        const auto after = computePopulationCoverage(coverage.territory, coverage.grid, placement, coverage.surface.minutes,
                                                     hallTimes.minutes, townHalls, threshold);
        CHECK(after.departement.beyondSpread < before.departement.beyondSpread);
        CHECK(after.departement.beyondAtTownHall == 0.0);
        CHECK(after.townHallsBeyond.empty());
    }
}

TEST_CASE("an EPCI only the communes name is totalled after the territory's, a commune of no EPCI in the département only")
{
    RoadCoverage coverage;
    coverage.compute({0.0});
    coverage.territory.communes[0].epciSiren.clear();
    coverage.territory.communes[1].epciSiren = "200000002";
    const TownHalls townHalls = townHallsFor(coverage.territory, {});
    const std::vector<float> hallMinutes{5.0f, 17.0f};
    const auto placement =
        PopulationPlacement::build(coverage.territory, coverage.grid, coverage.cellLinks, {.inhabitableLegMetres = 1e9});
    const auto result = computePopulationCoverage(coverage.territory, coverage.grid, placement, coverage.surface.minutes,
                                                  hallMinutes, townHalls, 10.0);
    REQUIRE(result.epcis.size() == 2);
    CHECK(result.epcis[0].code == "200000001");
    CHECK(result.epcis[0].name == "CC de la Route");
    CHECK(result.epcis[0].communes == 0);
    CHECK(result.epcis[0].population == 0);
    CHECK(result.epcis[1].code == "200000002");
    CHECK(result.epcis[1].name.isEmpty());
    CHECK(result.epcis[1].communes == 1);
    CHECK(result.epcis[1].population == 500);
    CHECK(result.epcis[1].communesTownHallBeyond == 1);
    CHECK(result.epcis[1].beyondAtTownHall == 500.0);
    CHECK(result.epcis[1].areaKm2 == Approx(result.communes[1].cells * coverage.grid.cellAreaKm2()));
    CHECK(result.departement.communes == 2);
    CHECK(result.departement.population == 1500);
    CHECK(result.departement.areaKm2 == Approx(kWidth * kHeight / 1e6));
}

TEST_CASE("population coverage refuses town hall times or town halls that do not match the communes, naming which")
{
    RoadCoverage coverage;
    coverage.compute({0.0});
    TownHalls townHalls = townHallsFor(coverage.territory, {});
    const auto placement =
        PopulationPlacement::build(coverage.territory, coverage.grid, coverage.cellLinks, {.inhabitableLegMetres = 1e9});
    const auto compute = [&](const std::vector<float>& hallMinutes) {
        return computePopulationCoverage(coverage.territory, coverage.grid, placement, coverage.surface.minutes, hallMinutes,
                                         townHalls, 10.0);
    };
    CHECK_THROWS_WITH(compute({5.0f}), Catch::Contains("one town hall time per commune (2 communes, 1 times)"));
    townHalls.known.pop_back();
    CHECK_THROWS_WITH(compute({5.0f, 17.0f}), Catch::Contains("whether its town hall is known (2 communes, 1 said)"));
}

TEST_CASE("a commune without a known town hall is placed at a point inside it")
{
    const Territory territory = roadTerritory();
    const TownHalls halls = townHallsFor(territory, {});
    REQUIRE(halls.known == std::vector<bool>{false, false});
    CHECK(territory.communes[0].bbox.contains(halls.positions[0]));
    CHECK(territory.communes[1].bbox.contains(halls.positions[1]));
}

// ---------------------------------------------------------------------------------------
// Referral, access tables and the GeoPackage, on the straight road.
namespace {

AccueilPoint roadPoint(qint64 id, QString name, Level level, QString kind, double offset, QString insee = {})
{
    AccueilPoint point;
    point.id = id;
    point.name = std::move(name);
    point.level = level;
    point.kind = std::move(kind);
    point.communeInsee = std::move(insee);
    point.lambert93 = {kX0 + offset, kRoadY};
    return point;
}

// Town halls at 1 and 12 km (Amont), 17 km (Aval); a France services at the west end; a CAF
// at 5 km, a CPAM at 20 km; a closed France services at 12 km that must be ignored.
std::vector<AccueilPoint> roadPoints()
{
    std::vector<AccueilPoint> points{
        roadPoint(1, "Mairie d'Amont", Level::First, "mairie", 1'000.0, "99001"),
        roadPoint(2, "Agence postale", Level::First, "agence_postale_communale", 12'000.0, "99001"),
        roadPoint(3, "Mairie d'Aval", Level::First, "mairie", 17'000.0, "99002"),
        roadPoint(4, "France services du Col", Level::Second, "france_services", 0.0, "99001"),
        roadPoint(5, "CAF", Level::Third, "caf", 5'000.0, "99001"),
        roadPoint(6, "CPAM", Level::Third, "cpam", 20'000.0, "99002"),
        roadPoint(7, "Ancienne France services", Level::Second, "france_services", 12'000.0, "99001"),
    };
    points[6].status = PointStatus::Closed;
    return points;
}

}  // namespace

TEST_CASE("through the real road graph, snapping and search, the gap starts where the analytic time passes the threshold")
{
    // The same straight road as a RoadGraph: nodes every 100 m, 6 s per edge (60 km/h).
    NetworkInput road;
    road.sourceFile = "straight road";
    for (int k = 0; k < kNodeCount; ++k) road.nodes.push_back({kX0 + k * kNodeSpacing, kRoadY});
    for (int k = 0; k + 1 < kNodeCount; ++k) {
        NetworkEdge edge;
        edge.from = std::uint32_t(k);
        edge.to = std::uint32_t(k + 1);
        edge.metres = kNodeSpacing;
        edge.seconds = 60.0 * kNodeSpacing / kRoadMetresPerMinute;
        edge.roadClass = RoadClass::Secondary;
        edge.shapeBegin = std::uint32_t(road.shape.size());
        road.shape.push_back(road.nodes[std::size_t(k)]);
        road.shape.push_back(road.nodes[std::size_t(k + 1)]);
        edge.shapeEnd = std::uint32_t(road.shape.size());
        road.edges.push_back(edge);
    }
    const RoadGraph graph(road);
    SnapOptions snap;
    snap.maxSnapMetres = 10'000.0;
    snap.accessDetour = 1.0;
    snap.accessSpeedKmh = kLegMetresPerMinute * 0.06;  // 15 km/h
    const GraphTravelEngine engine(graph, snap);
    const Territory territory = roadTerritory();
    const CoverageContext context(territory, engine, {});
    // One France services on the road, 3 km from the west end; threshold 10 min.
    const std::vector<AccueilPoint> points{roadPoint(1, "France services", Level::Second, "france_services", 3'000.0)};
    const CoverageResult result = computeCoverage(context, points, {.thresholdMinutes = 10.0});
    double worst = 0.0;
    for (std::size_t i = 0; i < context.grid().cellCount(); ++i)
        worst = std::max(worst, std::abs(result.surface.minutes[i] - analyticMinutes(context.grid().centre(i), {3'000.0})));
    CHECK(worst < 0.01);  // times are kept to 0.1 s
    // On the road row the gap starts 10 km east of the point: at the cell [13,000; 13,200].
    double firstBeyond = INFINITY;
    for (std::size_t i = 0; i < context.grid().cellCount(); ++i) {
        const XY c = context.grid().centre(i);
        if (c.y == kRoadY && c.x > kX0 + 3'000.0 && result.surface.minutes[i] > 10.0f)
            firstBeyond = std::min(firstBeyond, c.x - kX0);
    }
    CHECK(firstBeyond == Approx(13'100.0));
    // Aval (15–20 km) is wholly beyond; its town hall (no mairie known: a point inside it) too.
    CHECK(result.population.communes[1].cellsBeyond == result.population.communes[1].cells);
    CHECK(result.population.communes[1].townHallBeyond);
}

TEST_CASE("each first-level point is referred to its nearest second- and third-level point")
{
    const RoadEngine engine;
    const auto points = roadPoints();
    const auto links = computeReferrals(engine, points, 10.0);
    // 3 first-level points x (level 2, level 3) + 1 second-level point x 2 third-level kinds.
    REQUIRE(links.size() == 8);
    const ReferralLink& postToSecond = links[2];
    CHECK(postToSecond.fromName == "Agence postale");
    CHECK(postToSecond.toLevel == Level::Second);
    CHECK(postToSecond.toName == "France services du Col");  // the closed one at 0 km is ignored
    CHECK(postToSecond.minutes == Approx(12.0));
    CHECK(postToSecond.km == Approx(12.0));
    CHECK(postToSecond.beyond);
    const ReferralLink& postToThird = links[3];
    CHECK(postToThird.toName == "CAF");
    CHECK(postToThird.minutes == Approx(7.0));
    CHECK_FALSE(postToThird.beyond);
    const ReferralLink& avalToThird = links[5];
    CHECK(avalToThird.toName == "CPAM");
    CHECK(avalToThird.minutes == Approx(3.0));
    // The France services, per third-level kind (alphabetical: caf, cpam).
    CHECK(links[6].fromName == "France services du Col");
    CHECK(links[6].targetKind == "caf");
    CHECK(links[6].minutes == Approx(5.0));
    CHECK(links[7].targetKind == "cpam");
    CHECK(links[7].minutes == Approx(20.0));
    CHECK(links[7].beyond);
}

TEST_CASE("a referral with no point of the target level is unreachable and flagged")
{
    const RoadEngine engine;
    const std::vector<AccueilPoint> points{roadPoint(1, "Mairie", Level::First, "mairie", 1'000.0)};
    const auto links = computeReferrals(engine, points, 20.0);
    REQUIRE(links.size() == 2);
    CHECK_FALSE(links[0].reachable);
    CHECK(links[0].beyond);
    CHECK(std::isinf(links[0].minutes));
}

TEST_CASE("the access table gives, from each origin, the nearest point of each kind with km and minutes")
{
    const RoadEngine engine;
    const auto points = roadPoints();
    const Territory territory = roadTerritory();
    const TownHalls halls = townHallsFor(territory, points);
    auto columns = defaultAccessColumns(points);
    REQUIRE(columns.size() == 3);
    CHECK(columns[0].label == "France services");
    CHECK(columns[1].label == "CAF");
    CHECK(columns[2].label == "CPAM");
    const AccessTable table = computeAccessTable(engine, communeOrigins(territory, halls), columns, points);
    REQUIRE(table.cells.size() == 2);
    const AccessCell& avalCpam = table.cells[1][2];
    CHECK(avalCpam.pointName == "CPAM");
    CHECK(avalCpam.minutes == Approx(3.0));
    CHECK(avalCpam.km == Approx(3.0));
    CHECK(table.cells[1][0].pointName == "France services du Col");
    CHECK(table.cells[1][0].minutes == Approx(17.0));

    const auto seats = epciSeatOrigins(territory, halls);
    REQUIRE(seats.size() == 1);
    CHECK(seats[0].name == "CC de la Route (Amont)");  // its most populous commune

    test::ScratchDir scratch;
    const QString csv = scratch.path("access.csv");
    writeAccessTableCsv(table, csv);
    QFile file(csv);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts);
    REQUIRE(lines.size() == 3);
    // Operators have their visio columns beside the desk's, empty without visio points.
    CHECK(lines[0] == "code,origin,France services - name,France services - km,France services - min,"
                      "CAF - name,CAF - km,CAF - min,CAF - visio name,CAF - visio km,CAF - visio min,"
                      "CPAM - name,CPAM - km,CPAM - min,CPAM - visio name,CPAM - visio km,CPAM - visio min");
    CHECK(lines[2] == "99002,Aval,France services du Col,17.0,17.0,CAF,12.0,12.0,,,,CPAM,3.0,3.0,,,");
}

namespace {

// Aval (east) is far from the only CAF (1 km from the west end) and close to a visio point
// (16 km) serving `served`; its town hall at 17 km, a France services at 18 km.
std::vector<AccueilPoint> visioPoints(const QStringList& served)
{
    std::vector<AccueilPoint> points{
        roadPoint(1, "Mairie d'Aval", Level::First, "mairie", 17'000.0, "99002"),
        roadPoint(2, "France services d'Aval", Level::Second, "france_services", 18'000.0, "99002"),
        roadPoint(3, "CAF", Level::Third, "caf", 1'000.0, "99001"),
        roadPoint(4, "Point visio d'Aval", Level::Third, "visio", 16'000.0, "99002"),
    };
    points[3].serves = served;
    return points;
}

const ReferralLink& linkTo(const std::vector<ReferralLink>& links, const QString& from, Level to, const QString& kind = {})
{
    for (const ReferralLink& link : links)
        if (link.fromName == from && link.toLevel == to && link.targetKind == kind) return link;
    FAIL("no link from " << from.toStdString() << " to " << int(to) << " " << kind.toStdString());
    throw;
}

}  // namespace

TEST_CASE("a commune far from the CAF but near a visio point serving the CAF has visio access and not physical access")
{
    const RoadEngine engine;
    const auto points = visioPoints({QStringLiteral("caf")});
    const auto links = computeReferrals(engine, points, 10.0);

    // From the town hall to any level 3: the desk is the CAF (the visio point is no desk), beyond;
    // by video, the visio point 1 km away, within.
    const ReferralLink& hall = linkTo(links, "Mairie d'Aval", Level::Third);
    CHECK(hall.toName == "CAF");
    CHECK(hall.minutes == Approx(16.0));
    CHECK(hall.beyond);
    REQUIRE(hall.visio.reachable);
    CHECK(hall.visio.toName == "Point visio d'Aval");
    CHECK(hall.visio.minutes == Approx(1.0));
    CHECK(hall.visio.km == Approx(1.0));
    CHECK_FALSE(hall.visio.beyond);
    // A level-2 link has no visio side.
    CHECK_FALSE(linkTo(links, "Mairie d'Aval", Level::Second).visio.reachable);
    // From the France services to the CAF: 17 min at the desk, 2 min by video. The visio kind
    // itself is no operator to be referred to.
    const ReferralLink& caf = linkTo(links, "France services d'Aval", Level::Third, "caf");
    CHECK(caf.minutes == Approx(17.0));
    CHECK(caf.beyond);
    CHECK(caf.visio.toName == "Point visio d'Aval");
    CHECK(caf.visio.minutes == Approx(2.0));
    CHECK_FALSE(caf.visio.beyond);
    CHECK(links.size() == 3);

    // The access table: a CAF column with its visio column beside it, no column for visio points.
    const Territory territory = roadTerritory();
    const TownHalls halls = townHallsFor(territory, points);
    const auto columns = defaultAccessColumns(points);
    REQUIRE(columns.size() == 2);
    CHECK(columns[1].label == "CAF");
    CHECK(columns[1].visio);
    CHECK_FALSE(columns[0].visio);
    const AccessTable table = computeAccessTable(engine, communeOrigins(territory, halls), columns, points);
    const AccessCell& desk = table.cells[1][1];
    const AccessCell& video = table.visioCells[1][1];
    CHECK(desk.pointName == "CAF");
    CHECK(desk.minutes == Approx(16.0));
    REQUIRE(video.reachable);
    CHECK(video.pointName == "Point visio d'Aval");
    CHECK(video.minutes == Approx(1.0));
    const AccessTableText text = accessTableText(table);
    CHECK(text.header.mid(5)
          == QStringList{"CAF - name", "CAF - km", "CAF - min", "CAF - visio name", "CAF - visio km", "CAF - visio min"});
    CHECK(text.rows[1].mid(5) == QStringList{"CAF", "16.0", "16.0", "Point visio d'Aval", "1.0", "1.0"});
}

TEST_CASE("a visio point that does not serve an operator gives no visio access to it")
{
    const RoadEngine engine;
    const auto points = visioPoints({QStringLiteral("cpam")});
    const auto links = computeReferrals(engine, points, 10.0);

    const ReferralLink& caf = linkTo(links, "France services d'Aval", Level::Third, "caf");
    CHECK(caf.toName == "CAF");
    CHECK(caf.beyond);
    CHECK_FALSE(caf.visio.reachable);
    CHECK(caf.visio.beyond);
    // The CPAM it serves has no desk in the project: reached by video only.
    const ReferralLink& cpam = linkTo(links, "France services d'Aval", Level::Third, "cpam");
    CHECK_FALSE(cpam.reachable);
    CHECK(cpam.visio.reachable);
    CHECK(cpam.visio.minutes == Approx(2.0));

    const Territory territory = roadTerritory();
    const auto columns = defaultAccessColumns(points);
    REQUIRE(columns.size() == 3);
    CHECK(columns[1].label == "CAF");
    CHECK(columns[2].label == "CPAM");
    const AccessTable table =
        computeAccessTable(engine, communeOrigins(territory, townHallsFor(territory, points)), columns, points);
    CHECK(table.cells[1][1].reachable);
    CHECK_FALSE(table.visioCells[1][1].reachable);
    CHECK_FALSE(table.cells[1][2].reachable);
    CHECK(table.visioCells[1][2].pointName == "Point visio d'Aval");

    // A closed visio point serves nobody.
    auto closed = points;
    closed[3].status = PointStatus::Closed;
    CHECK_FALSE(linkTo(computeReferrals(engine, closed, 10.0), "Mairie d'Aval", Level::Third).visio.reachable);
}

namespace {

// Counts the features of every layer of a GeoPackage, reading every field and geometry.
std::map<QString, GIntBig> readAllLayers(const QString& path)
{
    std::map<QString, GIntBig> counts;
    GdalDatasetPtr dataset(static_cast<GDALDataset*>(
        GDALOpenEx(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    REQUIRE(dataset);
    for (int i = 0; i < dataset->GetLayerCount(); ++i) {
        OGRLayer* layer = dataset->GetLayer(i);
        GIntBig n = 0;
        for (auto& feature : *layer) {
            for (int f = 0; f < feature->GetFieldCount(); ++f) (void)feature->GetFieldAsString(f);
            if (const OGRGeometry* geometry = feature->GetGeometryRef()) CHECK(geometry->IsValid());
            ++n;
        }
        counts[QString::fromUtf8(layer->GetName())] = n;
    }
    return counts;
}

}  // namespace

TEST_CASE("the result GeoPackage holds every layer, the run parameters and QGIS styles")
{
    const RoadEngine engine;
    const Territory territory = roadTerritory();
    const auto points = roadPoints();
    const CoverageContext context(territory, engine, points);
    const CoverageResult result = computeCoverage(context, coveragePoints(points, 2), {.thresholdMinutes = 10.0});
    const auto referrals = computeReferrals(engine, points, 10.0);
    const AccessTable table =
        computeAccessTable(engine, communeOrigins(territory, context.townHalls()), defaultAccessColumns(points), points);
    test::ScratchDir scratch;
    const QString path = scratch.path("result.gpkg");
    CoverageExport data;
    data.context = &context;
    data.result = &result;
    data.points = points;
    data.referrals = referrals;
    data.accessTable = &table;
    data.run.network = "straight-road";
    data.run.profile = "test";
    writeCoverageGeoPackage(path, data);
    if (qEnvironmentVariableIsSet("MAILLAGE_KEEP_GPKG")) QFile::copy(path, qEnvironmentVariable("MAILLAGE_KEEP_GPKG"));

    CPLErrorReset();
    const auto counts = readAllLayers(path);
    CHECK(CPLGetLastErrorType() == CE_None);
    CHECK(counts.at("communes") == 2);
    CHECK(counts.at("epci") == 1);
    CHECK(counts.at("accueil_points") == GIntBig(points.size()));
    CHECK(counts.at("gap_zones") == GIntBig(result.gapZones.size()));
    CHECK(counts.at("gap_zones") == 2);
    CHECK(counts.at("isochrone_bands") == 4);
    CHECK(counts.at("referral_links") == GIntBig(referrals.size()));
    CHECK(counts.at("access_table") == 2 * 3);
    CHECK(counts.at("run_parameters") >= 10);
    CHECK(counts.at("layer_styles") == 6);

    GdalDatasetPtr dataset(static_cast<GDALDataset*>(
        GDALOpenEx(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    REQUIRE(dataset);
    SECTION("the run parameters say how the result was computed")
    {
        std::map<QString, QString> parameters;
        for (auto& feature : *dataset->GetLayerByName("run_parameters"))
            parameters[feature->GetFieldAsString("key")] = QString::fromUtf8(feature->GetFieldAsString("value"));
        CHECK(parameters["level"] == "2");
        CHECK(parameters["threshold_minutes"] == "10");
        CHECK(parameters["cell_size_m"] == "200");
        CHECK(parameters["network"] == "straight-road");
        CHECK(parameters["profile"] == "test");
        CHECK_FALSE(parameters["computed_at"].isEmpty());
    }
    SECTION("a commune carries its town hall time and population beyond")
    {
        OGRLayer* communes = dataset->GetLayerByName("communes");
        communes->SetAttributeFilter("insee = '99002'");
        std::unique_ptr<OGRFeature> aval(communes->GetNextFeature());
        REQUIRE(aval);
        CHECK(aval->GetFieldAsDouble("town_hall_minutes") == Approx(17.0));
        CHECK(aval->GetFieldAsInteger("town_hall_beyond") == 1);
        CHECK(aval->GetFieldAsDouble("beyond_town_hall") == 500.0);
    }
    SECTION("every styled layer has a default QGIS style that parses, bands one category each")
    {
        for (auto& feature : *dataset->GetLayerByName("layer_styles")) {
            const QString table = QString::fromUtf8(feature->GetFieldAsString("f_table_name"));
            INFO(table.toStdString());
            CHECK(dataset->GetLayerByName(table.toUtf8().constData()) != nullptr);
            CHECK(QString::fromUtf8(feature->GetFieldAsString("f_geometry_column")) == "geom");
            CHECK(QString::fromUtf8(feature->GetFieldAsString("f_table_schema")).isEmpty());
            CHECK(feature->GetFieldAsInteger("useAsDefault") == 1);
            QDomDocument qml;
            REQUIRE(qml.setContent(QString::fromUtf8(feature->GetFieldAsString("styleQML"))));
            CHECK(qml.documentElement().tagName() == "qgis");
            if (table == "isochrone_bands") CHECK(qml.elementsByTagName("category").size() == 4);
            if (table == "referral_links") {  // beyond, beyond but within by visio, within
                CHECK(qml.elementsByTagName("rule").size() == 3);
                for (const char* field : {"visio_id", "visio_name", "visio_minutes", "visio_km", "visio_beyond"})
                    CHECK(dataset->GetLayerByName("referral_links")->GetLayerDefn()->GetFieldIndex(field) >= 0);
            }
        }
    }
    SECTION("the access table and the points carry the visio side")
    {
        OGRFeatureDefn* access = dataset->GetLayerByName("access_table")->GetLayerDefn();
        for (const char* field : {"visio_point_id", "visio_point_name", "visio_km", "visio_minutes"})
            CHECK(access->GetFieldIndex(field) >= 0);
        CHECK(dataset->GetLayerByName("accueil_points")->GetLayerDefn()->GetFieldIndex("serves") >= 0);
    }
    SECTION("the surface raster holds each cell's minutes")
    {
        GdalDatasetPtr raster(
            static_cast<GDALDataset*>(GDALOpenEx(("GPKG:" + path + ":travel_time_surface").toUtf8().constData(),
                                                 GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
        REQUIRE(raster);
        CHECK(raster->GetRasterXSize() == context.grid().columns());
        CHECK(raster->GetRasterYSize() == context.grid().rows());
        std::array<double, 6> transform{};
        raster->GetGeoTransform(transform.data());
        CHECK(transform[0] == Approx(context.grid().west()));
        CHECK(transform[3] == Approx(context.grid().north()));
        const std::size_t cell = context.grid().cellCount() / 3;
        const std::uint32_t r = context.grid().rasterIndex(cell);
        float value = 0.0f;
        REQUIRE(raster->GetRasterBand(1)->RasterIO(GF_Read, int(r % std::uint32_t(context.grid().columns())),
                                                   int(r / std::uint32_t(context.grid().columns())), 1, 1, &value, 1, 1,
                                                   GDT_Float32, 0, 0)
                == CE_None);
        CHECK(value == Approx(result.surface.minutes[cell]).margin(1e-3));
    }
    SECTION("ogrinfo reads it without an error")
    {
        QProcess ogrinfo;
        ogrinfo.start("ogrinfo", {"-ro", "-al", "-so", path});
        REQUIRE(ogrinfo.waitForFinished(30'000));
        const QString errors = QString::fromUtf8(ogrinfo.readAllStandardError());
        CHECK(ogrinfo.exitCode() == 0);
        CHECK_FALSE(errors.contains("ERROR"));
        CHECK_FALSE(errors.contains("Warning"));
    }
}

TEST_CASE("other isochrone band limits get one style category each, green to red")
{
    const RoadEngine engine;
    const Territory territory = roadTerritory();
    const auto points = roadPoints();
    const CoverageContext context(territory, engine, points);
    const CoverageResult result =
        computeCoverage(context, coveragePoints(points, 2), {.bandBreaks = {5.0, 10.0, 15.0, 20.0, 25.0}});
    CoverageExport data;
    data.context = &context;
    data.result = &result;
    QDomDocument qml;
    REQUIRE(qml.setContent(layerStyleQml("isochrone_bands", data)));
    const QDomNodeList categories = qml.elementsByTagName("category");
    REQUIRE(categories.size() == 6);
    CHECK(categories.at(5).toElement().attribute("label") == "> 25 min");
    CHECK(qml.elementsByTagName("symbol").size() == 6);
}

// ---------------------------------------------------------------------------------------
// The real 04 data: boundaries, the generalised road network, town halls, France services.
namespace {

struct Coverage04 {
    Territory territory;
    SpeedProfile profile;
    RoadGraph graph;
    std::vector<AccueilPoint> points;  // town halls (level 1) and France services (level 2)
    std::unique_ptr<GraphTravelEngine> engine;
    std::unique_ptr<CoverageContext> context;

    Coverage04()
    {
        territory = test::territory04();
        profile = loadSpeedProfile(QStringLiteral("generalised"));
        points = test::townHallsAndFranceServices04();
        // As the product does (the generalised profile asks for no town connectors: multi-entry
        // access does their work).
        graph = RoadGraph(loadTerritoryNetwork(test::sharedData("04/routes-04.geojson"), profile, {},
                                               townAnchors(territory, townHallsFor(territory, points))));
        engine = std::make_unique<GraphTravelEngine>(graph, profile);
        context = std::make_unique<CoverageContext>(territory, *engine, points,
                                                    CoverageSetup{.cellSize = 200.0, .placement = {}, .threads = 2});
    }
};

// Built once per test process: loading and snapping 175,000 cells takes a fraction of a second.
const Coverage04& coverage04()
{
    static const Coverage04 data;
    return data;
}

}  // namespace

TEST_CASE("on the 04 data, every commune gets a town hall time and the population adds up")
{
    const Coverage04& d = coverage04();
    const CoverageResult result = computeCoverage(*d.context, coveragePoints(d.points, 2));
    REQUIRE(result.population.communes.size() == 198);
    for (const CommuneCoverage& commune : result.population.communes) {
        INFO(commune.name.toStdString());
        CHECK(std::isfinite(commune.townHallMinutes));
        CHECK(commune.townHallKnown);
        CHECK(commune.cells > 0);
    }
    const AreaCoverage& departement = result.population.departement;
    CHECK(departement.population == 166'077);
    CHECK(departement.code == "04");
    double spreadOverCells = 0.0;
    for (std::size_t i = 0; i < d.context->grid().cellCount(); ++i)
        spreadOverCells += d.context->placement().peopleOnCell(i, d.context->grid().communeOf(i));
    CHECK(spreadOverCells == Approx(166'077.0).epsilon(1e-9));
    // Both methods, per EPCI, add up to the département.
    REQUIRE(result.population.epcis.size() == 12);
    qint64 population = 0;
    double atTownHall = 0.0, spread = 0.0;
    for (const AreaCoverage& epci : result.population.epcis) {
        population += epci.population;
        atTownHall += epci.beyondAtTownHall;
        spread += epci.beyondSpread;
    }
    CHECK(population == 166'077);
    CHECK(atTownHall == Approx(departement.beyondAtTownHall));
    CHECK(spread == Approx(departement.beyondSpread));
    // Some of the 04 is beyond 20 min of a France services, not most of it.
    CHECK(departement.shareSpread() > 0.02);
    CHECK(departement.shareSpread() < 0.5);
    // Champtercier's nearest road is the D3, cut short of Digne in the data: through it alone
    // its town hall was 35 min from a France services; the N85, 3 km away, leads to Digne's.
    const Commune* champtercier = d.territory.commune(QStringLiteral("04047"));
    REQUIRE(champtercier);
    const float champtercierMinutes =
        result.population.communes[std::size_t(champtercier - d.territory.communes.data())].townHallMinutes;
    CHECK(champtercierMinutes > 10.0f);
    CHECK(champtercierMinutes < 20.0f);
    // Every commune whose town hall is beyond is listed, longest time first.
    for (std::size_t i = 1; i < result.population.townHallsBeyond.size(); ++i)
        CHECK(result.population.communes[std::size_t(result.population.townHallsBeyond[i - 1])].townHallMinutes
              >= result.population.communes[std::size_t(result.population.townHallsBeyond[i])].townHallMinutes);
}

TEST_CASE("on the 04 data, the km of routes asked together towards one point are those asked one by one")
{
    // Referrals and the access table ask for the km of every origin's route to its nearest
    // point with one backward search per point: the same fastest routes as one forward search
    // per origin. Equal-time routes may differ by rounding in the order times are added, so
    // a few metres apart at most.
    const Coverage04& d = coverage04();
    std::vector<AccessLink> origins, targets;
    for (const AccueilPoint& point : d.points) {
        const AccessLink link = d.engine->link(point.lambert93);
        if (!link.joined()) continue;
        (point.level == Level::First ? origins : targets).push_back(link);
    }
    REQUIRE(origins.size() > 100);
    REQUIRE(targets.size() > 10);
    std::vector<std::uint32_t> nearest(origins.size());
    for (std::size_t i = 0; i < origins.size(); ++i) nearest[i] = std::uint32_t(i % targets.size());
    nearest[0] = kNoPoint;  // an origin with no target keeps its value
    std::vector<double> together(origins.size(), -1.0);
    drivingMetresToNearest(*d.engine, origins, nearest, targets, together);
    CHECK(together[0] == -1.0);
    int equal = 0;
    for (std::size_t i = 1; i < origins.size(); ++i) {
        const double alone = d.engine->drivingMetres(origins[i], targets[nearest[i]]);
        INFO("origin " << i);
        REQUIRE(std::isfinite(alone));
        CHECK(together[i] == Approx(alone).margin(20.0));
        equal += together[i] == Approx(alone).margin(0.5) ? 1 : 0;
    }
    CHECK(equal >= int(origins.size()) * 95 / 100);
}

// The road engine without its shortcuts for tables: every search runs in full, one at a time.
class FullSearchEngine : public TravelEngine {
public:
    explicit FullSearchEngine(GraphTravelEngine& engine) : engine_(engine) {}
    std::size_t nodeCount() const override { return engine_.nodeCount(); }
    AccessLink link(XY place) const override { return engine_.link(place); }
    void nearest(std::span<const AccessLink> seeds, NearestTimes& out) const override
    {
        // A fresh search each time (no repair of the previous one).
        engine_.forgetSearch();
        engine_.nearest(seeds, out);
    }
    double drivingMetres(const AccessLink& from, const AccessLink& to) const override
    {
        return engine_.drivingMetres(from, to);
    }
    std::vector<double> drivingMetresTo(std::span<const AccessLink> from, const AccessLink& to) const override
    {
        return engine_.drivingMetresTo(from, to);
    }

private:
    GraphTravelEngine& engine_;
};

TEST_CASE(
    "on the 04 data, a search stopped once the places it is read at are settled gives them the full search's times and "
    "points")
{
    const Coverage04& d = coverage04();
    std::vector<AccessLink> seeds, places;
    for (const AccueilPoint& point : d.points) {
        const AccessLink link = d.engine->link(point.lambert93);
        if (!link.joined()) continue;
        if (point.level == Level::Second) seeds.push_back(link);
        else if (places.size() < 3) places.push_back(link);  // three town halls
    }
    REQUIRE(places.size() == 3);
    NearestTimes full, stopped;
    FullSearchEngine(*d.engine).nearest(seeds, full);
    d.engine->nearestAt(seeds, places, stopped);
    for (const AccessLink& place : places) {
        std::uint32_t fullPoint = kNoPoint, stoppedPoint = kNoPoint;
        const float fullMinutes = placeMinutes(place, full.view(), SeedLinks{seeds}, &fullPoint);
        CHECK(placeMinutes(place, stopped.view(), SeedLinks{seeds}, &stoppedPoint) == fullMinutes);
        CHECK(stoppedPoint == fullPoint);
    }
    // It did stop early: farther nodes are still unreached or only bounded.
    std::size_t notFinal = 0;
    for (std::size_t n = 0; n < full.seconds.size(); ++n) notFinal += stopped.seconds[n] != full.seconds[n] ? 1 : 0;
    CHECK(notFinal > full.seconds.size() / 10);
}

TEST_CASE(
    "on the 04 data, referrals and the access table are the same with searches stopped early on two threads as with full "
    "searches on one")
{
    const Coverage04& d = coverage04();
    const FullSearchEngine fullEngine(*d.engine);
    const auto referralsFull = computeReferrals(fullEngine, d.points, 20.0);
    const auto referralsFast = computeReferrals(*d.engine, d.points, 20.0);
    REQUIRE(referralsFull.size() == referralsFast.size());
    REQUIRE(referralsFull.size() > 100);
    for (std::size_t i = 0; i < referralsFull.size(); ++i) {
        INFO("referral " << i);
        CHECK(referralsFast[i].fromId == referralsFull[i].fromId);
        CHECK(referralsFast[i].toId == referralsFull[i].toId);
        CHECK(referralsFast[i].reachable == referralsFull[i].reachable);
        CHECK(referralsFast[i].minutes == referralsFull[i].minutes);
        CHECK(referralsFast[i].km == referralsFull[i].km);
        CHECK(referralsFast[i].beyond == referralsFull[i].beyond);
    }
    // From the EPCI seats (a few origins: the searches stop early) and from every town hall.
    const auto halls = d.context->townHalls();
    for (const std::vector<AccessOrigin>& origins :
         {epciSeatOrigins(d.territory, halls), communeOrigins(d.territory, halls)}) {
        const AccessTable full = computeAccessTable(fullEngine, origins, defaultAccessColumns(d.points), d.points);
        const AccessTable fast = computeAccessTable(*d.engine, origins, defaultAccessColumns(d.points), d.points);
        REQUIRE(full.cells.size() == origins.size());
        REQUIRE(fast.cells.size() == origins.size());
        for (std::size_t row = 0; row < origins.size(); ++row)
            for (std::size_t column = 0; column < full.columns.size(); ++column) {
                INFO(origins[row].name.toStdString() << ", column " << column);
                const AccessCell& a = full.cells[row][column];
                const AccessCell& b = fast.cells[row][column];
                CHECK(b.reachable == a.reachable);
                CHECK(b.pointId == a.pointId);
                CHECK(b.minutes == a.minutes);
                CHECK(b.km == a.km);
            }
    }
}

TEST_CASE("on the 04 data, one search with metres gives the nearest points' km as one backward search per point does")
{
    // GraphTravelEngine::nearestRoutes reads the km off the labels of one multi-source search;
    // TravelEngine's default (FullSearchEngine does not override it) asks one backward search
    // per point. Same points, same minutes; the metres may differ only between routes of
    // exactly equal time (another point as near on the way), which the engine asks alone.
    const Coverage04& d = coverage04();
    const FullSearchEngine fullEngine(*d.engine);
    std::vector<AccessLink> origins;
    std::vector<AccessLink> targets[3];
    for (const AccueilPoint& point : d.points) {
        const AccessLink link = d.engine->link(point.lambert93);
        if (!link.joined()) continue;
        if (point.level == Level::First) origins.push_back(link);
        else targets[point.level == Level::Second ? 0 : 1].push_back(link);
        targets[2].push_back(link);  // every point: origins standing on a target, 0 m
    }
    for (const XY& hall : d.context->townHalls().positions) origins.push_back(d.engine->link(hall));
    REQUIRE(origins.size() > 300);
    std::size_t routes = 0, equal = 0;
    for (const std::vector<AccessLink>& seeds : targets) {
        const std::vector<NearestRoute> fast = d.engine->nearestRoutes(seeds, origins);
        const std::vector<NearestRoute> full = fullEngine.nearestRoutes(seeds, origins);
        REQUIRE(fast.size() == origins.size());
        REQUIRE(full.size() == origins.size());
        for (std::size_t i = 0; i < origins.size(); ++i) {
            INFO("origin " << i << " of " << seeds.size() << " seeds");
            CHECK(fast[i].seed == full[i].seed);
            CHECK(fast[i].minutes == full[i].minutes);
            if (!full[i].reached()) continue;
            ++routes;
            CHECK(fast[i].metres == Approx(full[i].metres).margin(20.0));
            equal += fast[i].metres == full[i].metres ? 1 : 0;
        }
    }
    CHECK(routes > 700);
    CHECK(equal >= routes * 99 / 100);
}

TEST_CASE("on the 04 data, the communes where a France services stands are about 0 minutes away")
{
    const Coverage04& d = coverage04();
    const CoverageResult result = computeCoverage(*d.context, coveragePoints(d.points, 2));
    // Every trip pays the profile's terminal time at both ends (leaving the village, parking):
    // "about 0" is that, plus the short legs between town hall, France services and the road.
    const float terminalMinutes = float(2.0 * d.profile.terminalSeconds / 60.0);
    int checked = 0;
    for (const AccueilPoint& point : result.points) {
        const Commune* commune = d.territory.commune(point.communeInsee);
        if (!commune) continue;  // a France services of a neighbouring département
        const auto index = std::size_t(commune - d.territory.communes.data());
        INFO(commune->name.toStdString() << ": " << point.name.toStdString());
        // Town hall and France services are mostly in the same village (a few hundred metres;
        // 2.6 km in Château-Arnoux-Saint-Auban): no more than that distance at the slow
        // off-network speed, plus the terminal times and two minutes.
        const XY hall = d.context->townHalls().positions[index];
        const double apart = std::hypot(hall.x - point.lambert93.x, hall.y - point.lambert93.y);
        const double slowMinutes = apart * d.profile.accessDetour / (d.profile.accessKmh / 0.06);
        CHECK(result.townHallTimes.minutes[index] < terminalMinutes + float(slowMinutes) + 2.0f);
        // The cell holding the France services itself.
        const auto cell = d.context->grid().cellAt(point.lambert93);
        if (cell) CHECK(result.surface.minutes[*cell] < terminalMinutes + 2.0f);
        ++checked;
    }
    CHECK(checked == 16);
}

TEST_CASE("the surface agrees with the road engine's own point search for every cell")
{
    const Coverage04& d = coverage04();
    const CoverageResult result =
        computeCoverage(*d.context, coveragePoints(d.points, 2), {.computeBands = false, .clipGapsToCommunes = false});
    // NearestSearch::reachAt computes the same thing from snaps, in integer deciseconds.
    NearestSearch search(d.graph);
    std::vector<Snap> sources;
    for (const AccessLink& link : result.pointLinks) sources.push_back(d.engine->snapOf(link));
    search.run(sources);
    double worst = 0.0;
    std::size_t compared = 0;
    for (std::size_t i = 0; i < d.context->grid().cellCount(); i += 7) {
        const Reach reach = search.reachAt(snapWithProfile(d.engine->snapper(), d.context->grid().centre(i), d.profile));
        if (!reach.reached()) {
            CHECK(std::isinf(result.surface.minutes[i]));
            continue;
        }
        worst = std::max(worst, std::abs(double(result.surface.minutes[i]) - reach.minutes()));
        ++compared;
    }
    CHECK(compared > 20'000);
    CHECK(worst < 0.01);  // rounding to 0.1 s
}

TEST_CASE("a point dragged or added is repaired in the search and gives the surface of a full recompute")
{
    const Coverage04& d = coverage04();
    std::vector<AccueilPoint> levelTwo = coveragePoints(d.points, 2);
    GraphTravelEngine engine(d.graph, d.profile);
    const CoverageContext context(d.territory, engine, d.points);
    CoverageResult live;
    computeCoverage(context, levelTwo, {.computeBands = false, .clipGapsToCommunes = false}, live);
    levelTwo[3].lambert93.x += 2'000.0;
    levelTwo[3].lambert93.y -= 1'500.0;
    computeCoverage(context, levelTwo, {.computeBands = false, .clipGapsToCommunes = false}, live);
    AccueilPoint added = levelTwo[0];
    added.lambert93 = context.townHalls().positions[10];
    levelTwo.push_back(added);
    computeCoverage(context, levelTwo, {.computeBands = false, .clipGapsToCommunes = false}, live);
    CHECK(engine.repairCount() == 2);
    // Told to forget its search, the engine runs it in full again, with the same result.
    engine.forgetSearch();
    const CoverageResult again = computeCoverage(context, levelTwo, {.computeBands = false, .clipGapsToCommunes = false});
    CHECK(engine.repairCount() == 2);
    CHECK(again.surface.minutes == live.surface.minutes);

    // A fresh engine runs the search from scratch.
    const GraphTravelEngine fresh(d.graph, d.profile);
    const CoverageContext freshContext(d.territory, fresh, d.points);
    const CoverageResult full =
        computeCoverage(freshContext, levelTwo, {.computeBands = false, .clipGapsToCommunes = false});
    CHECK(fresh.repairCount() == 0);
    REQUIRE(full.surface.minutes.size() == live.surface.minutes.size());
    std::size_t different = 0;
    for (std::size_t i = 0; i < full.surface.minutes.size(); ++i)
        if (full.surface.minutes[i] != live.surface.minutes[i]) ++different;
    CHECK(different == 0);
    CHECK(full.population.departement.beyondSpread == Approx(live.population.departement.beyondSpread));
}

namespace {

// A geometry's WKB, to compare two results byte for byte.
std::vector<unsigned char> wkb(const OGRGeometry& geometry)
{
    std::vector<unsigned char> bytes(geometry.WkbSize());
    geometry.exportToWkb(wkbNDR, bytes.data(), wkbVariantIso);
    return bytes;
}

// The gap-zone method of docs/COVERAGE.md §3, written out plainly, one piece at a time: the
// cells of the piece's zone in a window around its commune (its cells and one more), and
// nothing else, polygonised and clipped to the commune; statistics over the piece's cells.
std::vector<GapZone> gapZonesOnePieceAtATime(const Territory& territory, const CoverageGrid& grid,
                                             const std::vector<float>& minutes, float threshold)
{
    std::vector<std::uint8_t> beyond(grid.rasterSize(), 0);
    for (std::size_t i = 0; i < grid.cellCount(); ++i)
        if (!(minutes[i] <= threshold)) beyond[grid.rasterIndex(i)] = 1;
    // 4-connected zones, numbered in the order of their first cell.
    std::vector<std::int32_t> zone(grid.rasterSize(), 0);
    std::int32_t zones = 0;
    const int columns = grid.columns(), rows = grid.rows();
    for (std::size_t start = 0; start < zone.size(); ++start) {
        if (!beyond[start] || zone[start]) continue;
        zone[start] = ++zones;
        std::vector<std::size_t> todo{start};
        while (!todo.empty()) {
            const std::size_t r = todo.back();
            todo.pop_back();
            const int row = int(r) / columns, column = int(r) % columns;
            for (const auto& [dr, dc] : {std::pair{0, -1}, std::pair{0, 1}, std::pair{-1, 0}, std::pair{1, 0}}) {
                if (row + dr < 0 || row + dr >= rows || column + dc < 0 || column + dc >= columns) continue;
                const std::size_t n = std::size_t((row + dr) * columns + column + dc);
                if (beyond[n] && !zone[n]) {
                    zone[n] = zone[start];
                    todo.push_back(n);
                }
            }
        }
    }
    std::map<std::pair<int, int>, std::vector<std::size_t>> cellsOfPiece;
    for (std::size_t i = 0; i < grid.cellCount(); ++i)
        if (zone[grid.rasterIndex(i)]) cellsOfPiece[{zone[grid.rasterIndex(i)], grid.communeOf(i)}].push_back(i);

    std::vector<GapZone> result;
    for (const auto& [key, cells] : cellsOfPiece) {
        const auto [zoneNumber, communeIndex] = key;
        int row0 = rows, row1 = -1, column0 = columns, column1 = -1;
        for (std::size_t i = 0; i < grid.cellCount(); ++i) {
            if (grid.communeOf(i) != communeIndex) continue;
            const int row = int(grid.rasterIndex(i)) / columns, column = int(grid.rasterIndex(i)) % columns;
            row0 = std::min(row0, row);
            row1 = std::max(row1, row);
            column0 = std::min(column0, column);
            column1 = std::max(column1, column);
        }
        row0 = std::max(0, row0 - 1);
        column0 = std::max(0, column0 - 1);
        row1 = std::min(rows - 1, row1 + 1);
        column1 = std::min(columns - 1, column1 + 1);
        const int width = column1 - column0 + 1, height = row1 - row0 + 1;
        std::vector<std::int32_t> values(std::size_t(width * height), 0);
        for (int row = row0; row <= row1; ++row)
            for (int column = column0; column <= column1; ++column)
                if (zone[std::size_t(row * columns + column)] == zoneNumber)
                    values[std::size_t((row - row0) * width + column - column0)] = 1;
        std::array<double, 6> transform = grid.geoTransform();
        transform[0] += column0 * grid.cellSize();
        transform[3] -= row0 * grid.cellSize();
        auto outline = polygonize(values, width, height, transform, 0);
        const Commune& commune = territory.communes[std::size_t(communeIndex)];
        const std::unique_ptr<OGRGeometry> clipped(outline.at(1)->Intersection(commune.geometry.get()));
        GapZone piece;
        piece.zone = zoneNumber;
        piece.commune = communeIndex;
        piece.cells = int(cells.size());
        double sum = 0.0;
        int reachable = 0;
        float longest = -1.0f;
        for (std::size_t i : cells) {
            if (!std::isfinite(minutes[i])) continue;
            sum += minutes[i];
            ++reachable;
            longest = std::max(longest, minutes[i]);
        }
        piece.unreachableCells = piece.cells - reachable;
        if (reachable > 0) {
            piece.maxMinutes = longest;
            piece.meanMinutes = float(sum / reachable);
        }
        piece.geometry = polygonalPart(clipped.get());
        piece.areaKm2 = piece.geometry->get_Area() / 1e6;
        result.push_back(piece);
    }
    return result;
}

}  // namespace

TEST_CASE("on the 04 data, the gap zones are those of the method done one piece at a time")
{
    const Coverage04& d = coverage04();
    const CoverageResult result = computeCoverage(*d.context, coveragePoints(d.points, 2), {.computeBands = false});
    for (const float threshold : {20.0f, 10.0f}) {
        INFO("threshold " << threshold);
        const std::vector<GapZone> reference =
            gapZonesOnePieceAtATime(d.territory, d.context->grid(), result.surface.minutes, threshold);
        for (const int threads : {1, 2}) {
            const std::vector<GapZone> zones =
                computeGapZones(d.territory, d.context->grid(), result.surface.minutes,
                                {.thresholdMinutes = threshold, .clipToCommunes = true, .threads = threads});
            REQUIRE(zones.size() == reference.size());
            std::size_t different = 0;
            for (std::size_t z = 0; z < zones.size(); ++z) {
                const GapZone& a = zones[z];
                const GapZone& b = reference[z];
                const bool same =
                    a.zone == b.zone && a.commune == b.commune && a.cells == b.cells
                    && a.unreachableCells == b.unreachableCells && a.areaKm2 == b.areaKm2
                    && (a.maxMinutes == b.maxMinutes || (std::isnan(a.maxMinutes) && std::isnan(b.maxMinutes)))
                    && (a.meanMinutes == b.meanMinutes || (std::isnan(a.meanMinutes) && std::isnan(b.meanMinutes)))
                    && wkb(*a.geometry) == wkb(*b.geometry);
                if (!same) ++different;
            }
            CHECK(different == 0);
        }
    }
}

TEST_CASE("on the 04 data, a recompute on two threads gives exactly the result of one")
{
    const Coverage04& d = coverage04();
    const std::vector<AccueilPoint> levelTwo = coveragePoints(d.points, 2);
    for (const bool clip : {true, false}) {
        INFO("clipped " << clip);
        CoverageOptions options;
        options.clipGapsToCommunes = clip;
        options.threads = 1;
        d.engine->invalidateSearch();  // the points linked again, one by one
        const CoverageResult one = computeCoverage(*d.context, levelTwo, options);
        options.threads = 2;
        d.engine->invalidateSearch();  // ... and on two threads
        const CoverageResult two = computeCoverage(*d.context, levelTwo, options);
        CHECK(two.surface.minutes == one.surface.minutes);
        CHECK(two.surface.nearest == one.surface.nearest);
        CHECK(two.townHallTimes.minutes == one.townHallTimes.minutes);
        REQUIRE(two.gapZones.size() == one.gapZones.size());
        for (std::size_t z = 0; z < one.gapZones.size(); ++z) {
            CHECK(two.gapZones[z].zone == one.gapZones[z].zone);
            CHECK(two.gapZones[z].areaKm2 == one.gapZones[z].areaKm2);
            CHECK(two.gapZones[z].cells == one.gapZones[z].cells);
            CHECK(std::isnan(two.gapZones[z].meanMinutes) == std::isnan(one.gapZones[z].meanMinutes));
            if (!std::isnan(one.gapZones[z].meanMinutes)) CHECK(two.gapZones[z].meanMinutes == one.gapZones[z].meanMinutes);
            CHECK(wkb(*two.gapZones[z].geometry) == wkb(*one.gapZones[z].geometry));
        }
        REQUIRE(two.bands.size() == one.bands.size());
        for (std::size_t b = 0; b < one.bands.size(); ++b) CHECK(wkb(*two.bands[b].geometry) == wkb(*one.bands[b].geometry));
        CHECK(two.population.departement.beyondSpread == one.population.departement.beyondSpread);
        CHECK(two.population.departement.beyondAtTownHall == one.population.departement.beyondAtTownHall);
        for (std::size_t c = 0; c < one.population.communes.size(); ++c)
            CHECK(two.population.communes[c].beyondSpread == one.population.communes[c].beyondSpread);
    }
}

TEST_CASE("on the 04 network cut into 30 m pieces, a search shared by two threads equals a single-thread one")
{
    // The same roads with OSM-like vertex spacing (~350,000 nodes): above the size from which
    // the engine shares a full search between two threads.
    const Coverage04& d = coverage04();
    const NetworkInput network = loadTerritoryNetwork(test::sharedData("04/routes-04.geojson"), d.profile, {},
                                                      townAnchors(d.territory, townHallsFor(d.territory, d.points)));
    NetworkInput pieces;
    pieces.nodes = network.nodes;
    pieces.refs = network.refs;
    for (const NetworkEdge& edge : network.edges) {
        // Straight pieces between points spaced evenly along the edge's shape.
        const std::vector<XY> shape(network.shape.begin() + edge.shapeBegin, network.shape.begin() + edge.shapeEnd);
        std::vector<double> along{0.0};
        for (std::size_t i = 1; i < shape.size(); ++i)
            along.push_back(along.back() + std::hypot(shape[i].x - shape[i - 1].x, shape[i].y - shape[i - 1].y));
        const int count = std::max(1, int(std::ceil(along.back() / 30.0)));
        std::uint32_t previous = edge.from;
        std::size_t segment = 1;
        for (int k = 1; k <= count; ++k) {
            std::uint32_t node = edge.to;
            if (k < count) {
                const double target = along.back() * k / count;
                while (segment + 1 < shape.size() && along[segment] < target) ++segment;
                const double span = along[segment] - along[segment - 1];
                const double t = span > 0 ? (target - along[segment - 1]) / span : 0.0;
                node = std::uint32_t(pieces.nodes.size());
                pieces.nodes.push_back({shape[segment - 1].x + t * (shape[segment].x - shape[segment - 1].x),
                                        shape[segment - 1].y + t * (shape[segment].y - shape[segment - 1].y)});
            }
            NetworkEdge piece = edge;
            piece.from = previous;
            piece.to = node;
            piece.metres = edge.metres / count;
            piece.seconds = edge.seconds / count;
            piece.shapeBegin = std::uint32_t(pieces.shape.size());
            pieces.shape.push_back(pieces.nodes[previous]);
            pieces.shape.push_back(pieces.nodes[node]);
            piece.shapeEnd = std::uint32_t(pieces.shape.size());
            pieces.edges.push_back(piece);
            previous = node;
        }
    }
    const RoadGraph dense(pieces);
    REQUIRE(dense.nodeCount() > NearestSearch::kSharedRunNodes);
    const GraphTravelEngine engine(dense, d.profile);
    std::vector<Snap> sources;
    for (const AccueilPoint& point : coveragePoints(d.points, 2)) sources.push_back(engine.snap(point.lambert93));
    NearestSearch single(dense), shared(dense);
    single.run(sources);
    shared.run(sources, {}, 2);
    std::size_t differentTimes = 0, differentOwners = 0;
    for (NodeId v = 0; v < dense.nodeCount(); ++v) {
        if (shared.nodeTime(v) != single.nodeTime(v)) ++differentTimes;
        if (shared.nodeSource(v) != single.nodeSource(v)) ++differentOwners;
    }
    CHECK(differentTimes == 0);
    CHECK(differentOwners == 0);
}

TEST_CASE("the engine links a place again once told that the network changed")
{
    const Coverage04& d = coverage04();
    RoadGraph graph = d.graph;  // a copy whose roads can be closed
    GraphTravelEngine engine(graph, d.profile);
    const XY digne = toLambert93({6.23058, 44.09372});  // the France services of Digne
    const AccessLink first = engine.link(digne);
    REQUIRE(first.joined());
    CHECK(first.extraCount >= 1);                 // the N85 and the D900 (1.9 km apart in the data)
    const AccessLink again = engine.link(digne);  // remembered: the same link
    CHECK(again.edge == first.edge);
    CHECK(again.extraCount == first.extraCount);
    CHECK(again.legSeconds == first.legSeconds);

    graph.setEdgeClosed(first.edge, true);
    // Forgetting the search alone keeps the remembered links (a full recompute on an unchanged
    // network does not snap the points again): after a closure that is not enough.
    engine.forgetSearch();
    CHECK(engine.link(digne).edge == first.edge);
    engine.invalidateSearch();
    const AccessLink reopened = engine.link(digne);
    REQUIRE(reopened.joined());
    CHECK(reopened.edge != first.edge);  // nobody joins a closed road
    graph.resetEdgeStates();
}

TEST_CASE("on the 04 data, a France services added in the largest gap reduces the population beyond")
{
    const Coverage04& d = coverage04();
    std::vector<AccueilPoint> levelTwo = coveragePoints(d.points, 2);
    const CoverageResult before = computeCoverage(*d.context, levelTwo);
    REQUIRE_FALSE(before.gapZones.empty());
    // The most populated commune whose town hall is beyond: a France services at its town hall.
    const auto worst =
        std::max_element(before.population.communes.begin(), before.population.communes.end(),
                         [](const auto& a, const auto& b) { return a.beyondAtTownHall < b.beyondAtTownHall; });
    REQUIRE(worst->townHallBeyond);
    AccueilPoint added;
    added.name = "France services en projet";
    added.level = Level::Second;
    added.kind = "france_services";
    added.status = PointStatus::Planned;
    added.lambert93 = d.context->townHalls().positions[std::size_t(worst->commune)];
    levelTwo.push_back(added);
    const CoverageResult after = computeCoverage(*d.context, levelTwo);
    CHECK(after.population.departement.beyondSpread < before.population.departement.beyondSpread);
    CHECK(after.population.departement.beyondAtTownHall
          <= before.population.departement.beyondAtTownHall - double(worst->population));
    CHECK(after.population.communes[std::size_t(worst->commune)].beyondSpread < worst->beyondSpread);
    CHECK(after.population.communes[std::size_t(worst->commune)].townHallMinutes
          < float(2.0 * d.profile.terminalSeconds / 60.0) + 3.0f);
    CHECK_FALSE(after.population.communes[std::size_t(worst->commune)].townHallBeyond);
    CHECK(after.population.departement.areaBeyondKm2 < before.population.departement.areaBeyondKm2);
}

TEST_CASE("a level other than 1, 2 or 3, or a threshold of zero or less, is refused before any work")
{
    const Coverage04& d = coverage04();
    const auto points = coveragePoints(d.points, 2);
    CHECK_THROWS_WITH(computeCoverage(*d.context, points, {.level = 4}), Catch::Contains("level must be 1, 2 or 3 (got 4)"));
    CHECK_THROWS_WITH(computeCoverage(*d.context, points, {.level = 0}), Catch::Contains("level must be 1, 2 or 3"));
    CHECK_THROWS_WITH(computeCoverage(*d.context, points, {.thresholdMinutes = 0.0}),
                      Catch::Contains("threshold must be a positive number of minutes (got 0)"));
    CHECK_THROWS_WITH(computeCoverage(*d.context, points, {.thresholdMinutes = -5.0}),
                      Catch::Contains("threshold must be a positive number of minutes"));
}

// ---------------------------------------------------------------------------------------
// The command line.
namespace {

// A 04 project; with the network saved in it when `withNetwork`.
QString project04(const test::ScratchDir& scratch, bool withNetwork, bool withPoints)
{
    const QString project = scratch.path("04.gpkg");
    const QString limits = test::sharedData("04/limites-04.gpkg");
    QStringList init{"init",    "--project", project, "--communes",   limits, "--communes-layer",
                     "commune", "--epci",    limits,  "--epci-layer", "epci"};
    if (withNetwork)
        init << "--network" << test::sharedData("04/routes-04.geojson") << "--profile"
             << "generalised";
    REQUIRE(test::runCli(init).exitCode == 0);
    if (withPoints)
        for (const char* file : {"04/mairies-04.csv", "04/france-services-2024.csv"})
            REQUIRE(test::runCli({"import", "--project", project, test::sharedData(file)}).exitCode == 0);
    return project;
}

}  // namespace

TEST_CASE("maillage network prepare builds the project's prepared network and coverage then starts from it")
{
    test::ScratchDir scratch;
    const QString project = project04(scratch, true, true);
    const QString prepared = project + ".network";
    const test::CliRun first = test::runCli({"network", "prepare", "--project", project});
    REQUIRE(first.exitCode == 0);
    CHECK(first.out.contains("Prepared network " + prepared));
    CHECK(first.out.contains("built in"));
    REQUIRE(QFileInfo::exists(prepared));
    const QDateTime written = QFileInfo(prepared).lastModified();

    const test::CliRun second = test::runCli({"network", "prepare", "--project", project});
    REQUIRE(second.exitCode == 0);
    CHECK(second.out.contains("up to date, read in"));

    const QString out = scratch.path("result.gpkg");
    const test::CliRun coverage = test::runCli({"coverage", "--project", project, "--out", out});
    REQUIRE(coverage.exitCode == 0);
    CHECK_FALSE(coverage.err.contains("prepared network"));  // read, not rebuilt: no note
    CHECK(QFileInfo(prepared).lastModified() == written);

    // A damaged file is rebuilt, never trusted.
    QFile file(prepared);
    REQUIRE(file.resize(file.size() / 2));
    const test::CliRun damaged = test::runCli({"network", "prepare", "--project", project});
    REQUIRE(damaged.exitCode == 0);
    CHECK(damaged.err.contains("is truncated"));
    CHECK(damaged.out.contains("built in"));

    // Another profile is another network: rebuilt, with a note saying why.
    const test::CliRun other = test::runCli({"coverage", "--project", project, "--out", out, "--profile", "osm"});
    REQUIRE(other.exitCode == 0);
    CHECK(other.err.contains("was made from other data or settings"));
}

TEST_CASE("maillage coverage on the 04 project prints the population beyond and writes the GeoPackage")
{
    test::ScratchDir scratch;
    const QString project = project04(scratch, true, true);
    const QString out = scratch.path("result.gpkg");
    const test::CliRun run = test::runCli({"coverage", "--project", project, "--out", out, "--csv", scratch.path("csv")});
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    CHECK(run.out.contains("Population beyond 20 min (166 077 inhabitants)"));
    CHECK(run.out.contains("Département 04"));
    CHECK(run.out.contains("Communes whose town hall is beyond 20 min"));
    CHECK(QFile::exists(out));
    for (const char* csv : {"communes.csv", "epci.csv", "gap_zones.csv", "referrals.csv", "access_epci_seats.csv"})
        CHECK(QFile::exists(scratch.path(QStringLiteral("csv/%1").arg(csv))));
    const auto counts = readAllLayers(out);
    CHECK(counts.at("communes") == 198);
    CHECK(counts.at("epci") == 12);
    CHECK(counts.at("gap_zones") > 0);
}

TEST_CASE("maillage coverage refuses bad parameters with a clear message")
{
    test::ScratchDir scratch;
    const QString project = project04(scratch, false, false);
    const QString out = scratch.path("result.gpkg");

    const test::CliRun zero = test::runCli({"coverage", "--project", project, "--out", out, "--threshold", "0"});
    CHECK(zero.exitCode == 2);
    CHECK(zero.err.contains("threshold must be a positive number of minutes"));

    const test::CliRun level4 = test::runCli({"coverage", "--project", project, "--out", out, "--level", "4"});
    CHECK(level4.exitCode == 2);
    CHECK(level4.err.contains("--level must be an integer from 1 to 3"));

    const test::CliRun noNetwork = test::runCli({"coverage", "--project", project, "--out", out});
    CHECK(noNetwork.exitCode == 1);
    CHECK(noNetwork.err.contains("no road network"));

    const test::CliRun missingNetwork =
        test::runCli({"coverage", "--project", project, "--out", out, "--network", scratch.path("nowhere.geojson")});
    CHECK(missingNetwork.exitCode == 1);
    CHECK(missingNetwork.err.contains("nowhere.geojson"));

    const test::CliRun noPoints = test::runCli(
        {"coverage", "--project", project, "--out", out, "--network", test::sharedData("04/routes-04.geojson")});
    CHECK(noPoints.exitCode == 1);
    CHECK(noPoints.err.contains("no existing point of level 2"));

    const test::CliRun noOut = test::runCli({"coverage", "--project", project});
    CHECK(noOut.exitCode == 2);
    CHECK(noOut.err.contains("--out"));
    for (const test::CliRun* run : {&zero, &level4, &noNetwork, &missingNetwork, &noPoints, &noOut})
        CHECK(run->err.trimmed().count('\n') == 0);  // one line
    CHECK_FALSE(QFile::exists(out));
}

// ---------------------------------------------------------------------------------------
TEST_CASE("a place the snapping cannot join stays unreachable while any other snapping error stops the linking")
{
    // Every other place is off the network; the count is large enough for several threads.
    std::vector<XY> places;
    for (int i = 0; i < 3000; ++i) places.push_back({kX0 + 5.0 * i, i % 2 ? kRoadY + 50'000.0 : kRoadY + 10.0});
    const auto farFromRoad = [](XY p) {
        if (p.y > kRoadY + 1'000.0) throw SnapFailed(p, SnapStatus::TooFar);
        return snapToRoad(p);
    };
    for (const int threads : {1, 4}) {
        const PlaceLinks links = linkPlaces(places, farFromRoad, threads);
        CHECK(links.size() == places.size());
        CHECK(links.unjoinedCount() == places.size() / 2);
        CHECK(links[1].edge == kNoEdge);
        CHECK(links[0].edge != kNoEdge);
    }

    // A real failure is not a place too far from a road: it reaches the caller, from any thread.
    const auto broken = [](XY p) -> AccessLink {
        if (p.x > kX0 + 10'000.0) throw Error(QStringLiteral("the network file was truncated"));
        return snapToRoad(p);
    };
    for (const int threads : {1, 4})
        CHECK_THROWS_WITH(linkPlaces(places, broken, threads), "the network file was truncated");
    const auto outOfMemory = [](XY) -> AccessLink { throw std::bad_alloc(); };
    CHECK_THROWS_AS(linkPlaces(places, outOfMemory, 4), std::bad_alloc);
}
