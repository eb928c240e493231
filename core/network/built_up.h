#pragma once

#include "network/network_input.h"

#include <span>
#include <vector>

namespace maillage {

struct SpeedProfile;

// Built-up areas read from the network itself, so that it works wherever there is a road
// network (the Lot has no building file): a place is built-up when at least `minJunctions`
// street junctions lie within `radiusMetres` of it. A junction is a node where three or more
// streets meet (every class except motorways, slip roads, service roads and tracks, which
// cluster at interchanges, car parks and farms). Villages and towns have a junction every
// 50 to 150 m; open country one every kilometre or more.
struct BuiltUpRule {
    double radiusMetres = 200.0;
    int minJunctions = 6;
};

// For every edge, the share of its length (0…1) that runs through built-up areas, sampled
// every ~50 m along its shape. Motorways and their slip roads are never built-up.
std::vector<float> builtUpShares(const NetworkInput& network, const BuiltUpRule& rule);

// Times every edge of the network: drivingSeconds (network/curvature.h) at the edge's speed,
// and on the built-up share of its length at no more than the profile's built-up speed
// (SpeedProfile::builtUpKmh; 0: no built-up speed). `kmh` holds one speed per edge. This is
// the one place where extraction (NetworkBuilder) and calibration (retimedNetwork) time
// edges, so every search uses the same times.
void timeEdges(NetworkInput& network, std::span<const double> kmh, const SpeedProfile& profile);

}  // namespace maillage
