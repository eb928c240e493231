#include "coverage/network_engine.h"

#include "network/speed_profile.h"
#include "network/travel_matrix.h"

#include <cmath>

namespace maillage {

SnapOptions snapOptionsFor(const SpeedProfile& profile, bool largestComponentOnly)
{
    SnapOptions options;
    options.maxSnapMetres = profile.maxSnapMetres;
    options.accessDetour = profile.accessDetour;
    options.accessSpeedKmh = profile.accessKmh;
    options.largestComponentOnly = largestComponentOnly;
    return options;
}

GraphTravelEngine::GraphTravelEngine(const RoadGraph& graph, const SnapOptions& snapOptions)
    : graph_(&graph), snapOptions_(snapOptions), snapper_(graph)
{
}

GraphTravelEngine::GraphTravelEngine(const RoadGraph& graph, const SpeedProfile& profile)
    : GraphTravelEngine(graph, snapOptionsFor(profile))
{
}

GraphTravelEngine::~GraphTravelEngine() = default;

AccessLink GraphTravelEngine::linkOf(const Snap& snap) const
{
    AccessLink link;
    const SnapSides sides = snapSides(*graph_, snap);
    link.legMetres = float(snap.offsetMetres);  // also known when too far: used for "inhabitable"
    if (!sides.valid) return link;
    const double access = toSeconds(snap.accessTime);
    // People leave the place towards either end of the edge it joins.
    if (sides.positionToFromNode) {
        link.node[0] = sides.fromNode;
        link.seconds[0] = float(access + toSeconds(sides.fromSideTime));
    }
    if (sides.positionToToNode) {
        link.node[1] = sides.toNode;
        link.seconds[1] = float(access + toSeconds(sides.toSideTime));
    }
    link.edge = snap.edge;
    link.alongSeconds = float(toSeconds(sides.fromSideTime));
    link.legSeconds = float(access);
    link.fraction = float(snap.fraction);
    link.oneway = !sides.twoWay;
    link.open = sides.open;
    return link;
}

Snap GraphTravelEngine::snapOf(const AccessLink& link) const
{
    Snap snap;
    if (!link.joined()) {
        snap.status = SnapStatus::TooFar;
        snap.offsetMetres = link.legMetres;
        return snap;
    }
    snap.status = SnapStatus::Ok;
    snap.edge = link.edge;
    snap.fraction = link.fraction;
    snap.offsetMetres = link.legMetres;
    snap.accessMetres = link.legMetres * snapOptions_.accessDetour;
    snap.accessTime = toDeciseconds(link.legSeconds);
    return snap;
}

AccessLink GraphTravelEngine::link(XY place) const { return linkOf(snapper_.snap(place, snapOptions_)); }

void GraphTravelEngine::nearest(std::span<const AccessLink> seeds, NearestTimes& out) const
{
    const std::lock_guard lock(searchMutex_);
    if (!search_) search_ = std::make_unique<NearestSearch>(*graph_);
    seedSnaps_.clear();
    for (const AccessLink& seed : seeds) seedSnaps_.push_back(snapOf(seed));
    search_->run(seedSnaps_, {.direction = SearchDirection::ToSources});

    const std::span<const Deciseconds> times = search_->nodeTimes();
    const std::span<const std::uint32_t> owners = search_->nodeSources();
    out.seconds.resize(times.size());
    out.owner.resize(times.size());
    for (std::size_t n = 0; n < times.size(); ++n) {
        out.seconds[n] = times[n] == kUnreached ? kUnreachable : float(toSeconds(times[n]));
        out.owner[n] = owners[n] == kNoSource ? kNoPoint : owners[n];
    }
}

double GraphTravelEngine::drivingMetres(const AccessLink& from, const AccessLink& to) const
{
    if (!from.joined() || !to.joined()) return INFINITY;
    const std::lock_guard lock(searchMutex_);
    if (!search_) search_ = std::make_unique<NearestSearch>(*graph_);
    const Snap destination = snapOf(to);
    const std::vector<Trip> trips = travelFrom(*search_, snapOf(from), std::span<const Snap>(&destination, 1));
    return trips.empty() || !trips.front().reached() ? INFINITY : trips.front().metres;
}

}  // namespace maillage
