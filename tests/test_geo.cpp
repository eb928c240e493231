#include <catch2/catch.hpp>

#include "geo/crs.h"

using namespace maillage;

TEST_CASE("Digne-les-Bains town hall projects to its known Lambert-93 position")
{
    // Reference from IGN's converter (circé): 6.2357 E, 44.0925 N.
    const XY p = toLambert93({6.2357, 44.0925});
    CHECK(p.x == Approx(958'000).margin(3'000));
    CHECK(p.y == Approx(6'340'000).margin(3'000));
}

TEST_CASE("WGS84 to Lambert-93 and back returns the same position to the micro-degree")
{
    const LonLat start{5.7833, 43.8333};
    const LonLat back = toWgs84(toLambert93(start));
    CHECK(back.lon == Approx(start.lon).margin(1e-7));
    CHECK(back.lat == Approx(start.lat).margin(1e-7));
}

TEST_CASE("out-of-range geographic coordinates are recognised as invalid")
{
    CHECK(isValidLonLat({6.0, 44.0}));
    CHECK_FALSE(isValidLonLat({6.0, 95.0}));
    CHECK_FALSE(isValidLonLat({190.0, 44.0}));
    CHECK_FALSE(isValidLonLat({std::nan(""), 44.0}));
}
