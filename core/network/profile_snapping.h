#pragma once

#include "network/snapping.h"
#include "network/speed_profile.h"

#include <span>
#include <vector>

namespace maillage {

// The snapping options a profile implies (maximum distance, access detour and speed), joining
// the largest connected component only.
SnapOptions snapOptionsFor(const SpeedProfile& profile);

// Snaps points the way the profile says, terminal time included: the snapper's access leg
// (distance × detour at the access speed) plus the profile's fixed terminal time, added to
// Snap::accessTime so that every search (OD matrices, nearest-point coverage) counts it at
// both ends of a trip.
Snap snapWithProfile(const Snapper& snapper, XY point, const SpeedProfile& profile);
std::vector<Snap> snapAllWithProfile(const Snapper& snapper, std::span<const XY> points, const SpeedProfile& profile);

// Adds the profile's terminal time to a snap made with snapOptionsFor(profile).
void addTerminalTime(Snap& snap, const SpeedProfile& profile);

}  // namespace maillage
