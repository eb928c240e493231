#pragma once

#include "geo/types.h"

#include <span>

namespace maillage {

struct SpeedProfile;

// Radius in metres of the circle through three points; infinity when they are aligned.
double circumradius(XY a, XY b, XY c);

// Seconds to drive a road shape (Lambert-93 vertices, metres × the profile's detour factor)
// at `kmh`, slowed in bends when the profile has a lateral-acceleration limit: at every
// ~10 m along the shape the speed is min(kmh, √(a × R)), R the radius of the circle through
// the shape's points half a chord behind, here and half a chord ahead
// (SpeedProfile::curvatureHalfChordMetres). A chord of tens of metres reads the bends a car
// drives (a hairpin of 10–15 m radius, a 100 m curve) and not the coordinate quantisation of
// tiled data (0.4 m, which on a 25 m half chord fakes radii above 750 m, i.e. above 150 km/h
// at 3 m/s²). Shapes shorter than one chord count as straight. Every extraction (OGR lines,
// OpenStreetMap) and the calibration time their edges with this function, so every search
// uses the same times.
double drivingSeconds(std::span<const XY> shape, double kmh, const SpeedProfile& profile);

// The shape's length in metres (no detour factor).
double shapeLengthMetres(std::span<const XY> shape);

}  // namespace maillage
