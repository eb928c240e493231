#include "network/profile_snapping.h"

namespace maillage {

SnapOptions snapOptionsFor(const SpeedProfile& profile)
{
    SnapOptions options;
    options.maxSnapMetres = profile.maxSnapMetres;
    options.accessDetour = profile.accessDetour;
    options.accessSpeedKmh = profile.accessKmh;
    // Islands (a one-way fragment cut off by the extract's edge, a stray piece of road) stay in
    // the graph and in the summary, but a place joined to one could reach nothing.
    options.largestComponentOnly = true;
    return options;
}

void addTerminalTime(Snap& snap, const SpeedProfile& profile)
{
    if (snap.ok()) snap.accessTime += toDeciseconds(profile.terminalSeconds);
}

Snap snapWithProfile(const Snapper& snapper, XY point, const SpeedProfile& profile)
{
    Snap snap = snapper.snap(point, snapOptionsFor(profile));
    addTerminalTime(snap, profile);
    return snap;
}

std::vector<Snap> snapAllWithProfile(const Snapper& snapper, std::span<const XY> points, const SpeedProfile& profile)
{
    std::vector<Snap> snaps = snapper.snapAll(points, snapOptionsFor(profile));
    for (Snap& snap : snaps) addTerminalTime(snap, profile);
    return snaps;
}

}  // namespace maillage
