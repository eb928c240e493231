#include "coverage/network_engine.h"

#include "network/profile_snapping.h"
#include "network/speed_profile.h"
#include "network/travel_matrix.h"

#include <cmath>

namespace maillage {

GraphTravelEngine::GraphTravelEngine(const RoadGraph& graph, const SnapOptions& snapOptions, double terminalSeconds)
    : graph_(&graph), snapOptions_(snapOptions), terminalSeconds_(terminalSeconds), snapper_(graph)
{
}

GraphTravelEngine::GraphTravelEngine(const RoadGraph& graph, const SpeedProfile& profile)
    : GraphTravelEngine(graph, snapOptionsFor(profile), profile.terminalSeconds)
{
}

Snap GraphTravelEngine::snap(XY place) const
{
    Snap snap = snapper_.snap(place, snapOptions_);
    // As addTerminalTime does for a profile: both ends of every trip pay it.
    if (snap.ok()) snap.accessTime += toDeciseconds(terminalSeconds_);
    return snap;
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

AccessLink GraphTravelEngine::link(XY place) const { return linkOf(snap(place)); }

namespace {

bool sameSnap(const Snap& a, const Snap& b)
{
    return a.status == b.status && a.edge == b.edge && a.fraction == b.fraction && a.accessTime == b.accessTime
        && a.accessMetres == b.accessMetres;
}

// A repair visits the nodes of the moved sources; past a few of them a new run is cheaper.
constexpr std::size_t kMaxRepairedSeeds = 4;

}  // namespace

void GraphTravelEngine::invalidateSearch()
{
    const std::lock_guard lock(searchMutex_);
    seedSnaps_.clear();
}

void GraphTravelEngine::nearest(std::span<const AccessLink> seeds, NearestTimes& out) const
{
    const std::lock_guard lock(searchMutex_);
    std::vector<Snap> snaps;
    snaps.reserve(seeds.size());
    for (const AccessLink& seed : seeds) snaps.push_back(snapOf(seed));

    // Which seeds differ from the previous search's (moved), and which are new (appended)?
    bool repairable = search_ && snaps.size() >= seedSnaps_.size() && !seedSnaps_.empty();
    std::vector<std::uint32_t> moved;
    if (repairable) {
        for (std::size_t i = 0; i < seedSnaps_.size() && moved.size() <= kMaxRepairedSeeds; ++i)
            if (!sameSnap(snaps[i], seedSnaps_[i])) moved.push_back(std::uint32_t(i));
        repairable = moved.size() + (snaps.size() - seedSnaps_.size()) <= kMaxRepairedSeeds;
    }
    if (repairable) {
        for (std::uint32_t i : moved) search_->moveSource(i, snaps[i]);
        for (std::size_t i = seedSnaps_.size(); i < snaps.size(); ++i) search_->addSource(snaps[i]);
        ++repairs_;
    } else {
        if (!search_) search_ = std::make_unique<NearestSearch>(*graph_);
        search_->run(snaps, {.direction = SearchDirection::ToSources});
    }
    seedSnaps_ = std::move(snaps);

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
    if (!odSearch_) odSearch_ = std::make_unique<NearestSearch>(*graph_);
    const Snap destination = snapOf(to);
    const std::vector<Trip> trips = travelFrom(*odSearch_, snapOf(from), std::span<const Snap>(&destination, 1));
    return trips.empty() || !trips.front().reached() ? INFINITY : trips.front().metres;
}

}  // namespace maillage
