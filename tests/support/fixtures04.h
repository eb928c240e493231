#pragma once

// Inputs the core tests build again and again: the 04 territory and accueil points read from
// ../shared/data, and hand-made geometry for small synthetic territories.

#include "geo/territory.h"
#include "store/accueil_point.h"

#include <vector>

namespace maillage::test {

// The 04 communes and EPCI (limites-04.gpkg).
Territory territory04();

// The 04 town halls (level 1) then France services (level 2), with ids 1, 2, … in that order.
std::vector<AccueilPoint> townHallsAndFranceServices04();

// An axis-aligned rectangle in Lambert-93, as a commune or EPCI geometry.
SharedGeometry rectangle(double minX, double minY, double maxX, double maxY);

}  // namespace maillage::test
