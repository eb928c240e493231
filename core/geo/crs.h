#pragma once

#include "geo/types.h"

namespace maillage {

// EPSG code of the working CRS: every geometry in core is in Lambert-93.
constexpr int kWorkingEpsg = 2154;

// WGS84 <-> Lambert-93 through PROJ (via OGR), in traditional lon/lat axis order.
// Thread-safe: each thread keeps its own transformation objects.
XY toLambert93(LonLat p);
LonLat toWgs84(XY p);

// True when (lon, lat) is a valid geographic position (finite, within ±180 / ±90).
bool isValidLonLat(LonLat p);

}  // namespace maillage
