#include "coverage/network_engine.h"

#include "network/profile_snapping.h"
#include "network/speed_profile.h"
#include "network/travel_matrix.h"

#include <cmath>

namespace maillage {

GraphTravelEngine::GraphTravelEngine(const RoadGraph& graph, const SnapOptions& snapOptions, double terminalSeconds)
    : graph_(&graph),
      snapOptions_(snapOptions),
      terminalSeconds_(terminalSeconds),
      snapper_(graph),
      recentLinks_(std::make_unique<RecentLink[]>(kRecentLinks))
{
}

GraphTravelEngine::GraphTravelEngine(const RoadGraph& graph, const SpeedProfile& profile)
    : GraphTravelEngine(graph, snapOptionsFor(profile), profile.terminalSeconds)
{
}

GraphTravelEngine::GraphTravelEngine(const RoadGraph& graph, const SpeedProfile& profile,
                                     std::optional<Snapper> preparedIndex)
    : graph_(&graph),
      snapOptions_(snapOptionsFor(profile)),
      terminalSeconds_(profile.terminalSeconds),
      snapper_(preparedIndex ? std::move(*preparedIndex) : Snapper(graph)),
      recentLinks_(std::make_unique<RecentLink[]>(kRecentLinks))
{
}

Snap GraphTravelEngine::snap(XY place) const
{
    Snap snap = snapper_.snap(place, snapOptions_);
    // As addTerminalTime does for a profile: both ends of every trip pay it.
    addTerminalTime(snap, toDeciseconds(terminalSeconds_));
    return snap;
}

GraphTravelEngine::~GraphTravelEngine() = default;

AccessLink GraphTravelEngine::linkOf(const Snap& snap) const
{
    AccessLink link;
    link.legMetres = float(snap.offsetMetres);  // also known when too far: used for "inhabitable"
    link.place = snap.point;
    if (!snapSides(*graph_, snap).valid) return link;
    for (int i = 0; i < snap.entryCount(); ++i) {
        const SnapEntry& from = snap.entry(i);
        AccessEntry& entry = i == 0 ? static_cast<AccessEntry&>(link) : link.extras[std::size_t(i - 1)];
        const SnapSides sides = snapSides(*graph_, from);
        const double access = toSeconds(from.accessTime);
        // People leave the place towards either end of the edge it joins.
        if (sides.positionToFromNode) {
            entry.node[0] = sides.fromNode;
            entry.seconds[0] = float(access + toSeconds(sides.fromSideTime));
        }
        if (sides.positionToToNode) {
            entry.node[1] = sides.toNode;
            entry.seconds[1] = float(access + toSeconds(sides.toSideTime));
        }
        entry.edge = from.edge;
        entry.alongSeconds = float(toSeconds(sides.fromSideTime));
        entry.legSeconds = float(access);
        entry.legMetres = float(from.offsetMetres);
        entry.fraction = float(from.fraction);
        entry.oneway = !sides.twoWay;
        entry.open = sides.open;
    }
    link.extraCount = snap.extraCount;
    link.directMetres = float(snap.directMetres);
    link.directSecondsPerMetre = float(snap.legSecondsPerMetre);
    link.terminalSeconds = float(toSeconds(snap.terminalTime));
    return link;
}

Snap GraphTravelEngine::snapOf(const AccessLink& link) const
{
    Snap snap;
    snap.point = link.place;
    if (!link.joined()) {
        snap.status = SnapStatus::TooFar;
        snap.offsetMetres = link.legMetres;
        return snap;
    }
    snap.status = SnapStatus::Ok;
    for (int i = 0; i < link.entryCount(); ++i) {
        const AccessEntry& from = link.entry(i);
        SnapEntry& entry = snap.entry(i);
        entry.edge = from.edge;
        entry.fraction = from.fraction;
        entry.offsetMetres = from.legMetres;
        entry.accessMetres = from.legMetres * snapOptions_.accessDetour;
        entry.accessTime = toDeciseconds(from.legSeconds);
    }
    snap.extraCount = link.extraCount;
    snap.directMetres = link.directMetres;
    snap.legSecondsPerMetre = link.directSecondsPerMetre;
    snap.legDetour = snapOptions_.accessDetour;
    snap.terminalTime = toDeciseconds(link.terminalSeconds);
    return snap;
}

GraphTravelEngine::RecentLink& GraphTravelEngine::recentSlot(XY place) const
{
    const std::size_t hash = std::hash<double>()(place.x) * 31 + std::hash<double>()(place.y);
    return recentLinks_[hash % kRecentLinks];
}

std::optional<AccessLink> GraphTravelEngine::rememberedLink(XY place) const
{
    const std::uint64_t generation = linkGeneration_.load(std::memory_order_acquire);
    RecentLink& slot = recentSlot(place);
    if (slot.busy.test_and_set(std::memory_order_acquire)) return std::nullopt;  // another thread writes it
    std::optional<AccessLink> found;
    if (slot.generation == generation && slot.place.x == place.x && slot.place.y == place.y) found = slot.link;
    slot.busy.clear(std::memory_order_release);
    return found;
}

AccessLink GraphTravelEngine::link(XY place) const
{
    // Multi-entry snapping costs tens of microseconds a place on a dense network: remember
    // the last places (the accueil points are linked again at every recompute).
    if (const std::optional<AccessLink> remembered = rememberedLink(place)) return *remembered;
    const std::uint64_t generation = linkGeneration_.load(std::memory_order_acquire);
    const AccessLink link = linkOf(snap(place));
    RecentLink& slot = recentSlot(place);
    if (!slot.busy.test_and_set(std::memory_order_acquire)) {
        slot.generation = generation;
        slot.place = place;
        slot.link = link;
        slot.busy.clear(std::memory_order_release);
    }
    return link;
}

namespace {

bool sameSnap(const Snap& a, const Snap& b)
{
    if (a.status != b.status || a.extraCount != b.extraCount || a.point.x != b.point.x || a.point.y != b.point.y
        || a.directMetres != b.directMetres)
        return false;
    for (int i = 0; i < a.entryCount(); ++i) {
        const SnapEntry& x = a.entry(i);
        const SnapEntry& y = b.entry(i);
        if (x.edge != y.edge || x.fraction != y.fraction || x.accessTime != y.accessTime || x.accessMetres != y.accessMetres)
            return false;
    }
    return true;
}

// The float view of a search's labels that NearestTimes holds.
void copyTimes(const NearestSearch& search, NearestTimes& out)
{
    const std::span<const Deciseconds> times = search.nodeTimes();
    const std::span<const std::uint32_t> owners = search.nodeSources();
    out.seconds.resize(times.size());
    out.owner.resize(times.size());
    for (std::size_t n = 0; n < times.size(); ++n) {
        out.seconds[n] = times[n] == kUnreached ? kUnreachable : float(toSeconds(times[n]));
        out.owner[n] = owners[n] == kNoSource ? kNoPoint : owners[n];
    }
}

// A repair visits the nodes of the moved sources; past a few of them a new run is cheaper.
constexpr std::size_t kMaxRepairedSeeds = 4;

}  // namespace

void GraphTravelEngine::invalidateSearch()
{
    forgetSearch();
    linkGeneration_.fetch_add(1, std::memory_order_acq_rel);
}

void GraphTravelEngine::forgetSearch()
{
    const std::lock_guard lock(searchMutex_);
    seedSnaps_.clear();
}

void GraphTravelEngine::nearest(std::span<const AccessLink> seeds, NearestTimes& out) const { nearestShared(seeds, out, 1); }

void GraphTravelEngine::nearestShared(std::span<const AccessLink> seeds, NearestTimes& out, int threads) const
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
        search_->run(snaps, {.direction = SearchDirection::ToSources}, threads);
    }
    seedSnaps_ = std::move(snaps);
    copyTimes(*search_, out);
}

std::unique_ptr<NearestSearch> GraphTravelEngine::takeWorkspace() const
{
    {
        const std::lock_guard lock(workspaceMutex_);
        if (!freeWorkspaces_.empty()) {
            std::unique_ptr<NearestSearch> workspace = std::move(freeWorkspaces_.back());
            freeWorkspaces_.pop_back();
            return workspace;
        }
    }
    return std::make_unique<NearestSearch>(*graph_);
}

void GraphTravelEngine::giveBack(std::unique_ptr<NearestSearch> workspace) const
{
    const std::lock_guard lock(workspaceMutex_);
    freeWorkspaces_.push_back(std::move(workspace));
}

void GraphTravelEngine::nearestAt(std::span<const AccessLink> seeds, std::span<const AccessLink> needed,
                                  NearestTimes& out) const
{
    std::vector<Snap> snaps;
    snaps.reserve(seeds.size());
    for (const AccessLink& seed : seeds) snaps.push_back(snapOf(seed));
    std::vector<NodeId> targets;
    for (const AccessLink& place : needed)
        for (int i = 0; i < place.entryCount(); ++i)
            for (const std::uint32_t node : place.entry(i).node)
                if (node != kNoNode) targets.push_back(node);
    // runUntilSettled pops nodes in the order run() does and stops after the last target: the
    // targets' times and owners are run()'s (a settled node's owner is final).
    const BorrowedSearch workspace{*this, takeWorkspace()};
    workspace.search->runUntilSettled(snaps, {.direction = SearchDirection::ToSources}, targets);
    copyTimes(*workspace.search, out);
}

std::vector<NearestRoute> GraphTravelEngine::nearestRoutes(std::span<const AccessLink> seeds,
                                                           std::span<const AccessLink> places) const
{
    std::vector<NearestRoute> routes(places.size());
    if (seeds.empty()) return routes;
    std::vector<Snap> snaps;
    snaps.reserve(seeds.size());
    for (const AccessLink& seed : seeds) snaps.push_back(snapOf(seed));
    std::vector<Snap> origins;
    origins.reserve(places.size());
    for (const AccessLink& place : places) origins.push_back(place.joined() ? snapOf(place) : Snap{});
    // Both ends of every entry's edge, as a search towards one point settles them for its km:
    // the routes below are then read off final labels. The search pops nodes in the order of
    // nearestAt()'s, which settles a subset of these: the same times and owners there.
    std::vector<NodeId> targets;
    for (const Snap& origin : origins)
        for (int i = 0; i < origin.entryCount(); ++i) {
            const EdgeId edge = origin.entry(i).edge;
            if (edge >= graph_->edgeCount()) continue;
            targets.push_back(graph_->edgeFrom(edge));
            targets.push_back(graph_->edgeTo(edge));
        }
    const BorrowedSearch workspace{*this, takeWorkspace()};
    NearestSearch& search = *workspace.search;
    // One search with metres answers the km too: the labels of the nodes a seed owns hold
    // its fastest routes. Only where another seed is exactly as near on the way do they hold
    // that one's instead; those few routes are asked as before (one backward search per seed).
    search.runUntilSettled(snaps, {.direction = SearchDirection::ToSources, .trackMetres = true}, targets);
    NearestTimes times;
    copyTimes(search, times);
    std::vector<std::uint32_t> askAlone(places.size(), kNoPoint);
    bool anyAlone = false;
    for (std::size_t i = 0; i < places.size(); ++i) {
        NearestRoute& route = routes[i];
        const float minutes = placeMinutes(places[i], times.view(), SeedLinks{seeds}, &route.seed);
        if (route.seed == kNoPoint || !std::isfinite(minutes)) {
            route = NearestRoute{};
            continue;
        }
        route.minutes = minutes;
        if (!places[i].joined()) continue;  // no driving route: infinity, as drivingMetres says
        if (samePlace(snaps[route.seed], origins[i])) {
            route.metres = 0.0;
            continue;
        }
        const Reach toSeed = search.reachAt(origins[i], route.seed);
        if (toSeed.reached() && toSeed.time == search.reachAt(origins[i]).time) {
            route.metres = toSeed.metres;
        } else {
            askAlone[i] = route.seed;
            anyAlone = true;
        }
    }
    if (anyAlone) {
        std::vector<double> metres(places.size(), INFINITY);
        drivingMetresToNearest(*this, places, askAlone, seeds, metres);
        for (std::size_t i = 0; i < places.size(); ++i)
            if (askAlone[i] != kNoPoint) routes[i].metres = metres[i];
    }
    return routes;
}

double GraphTravelEngine::drivingMetres(const AccessLink& from, const AccessLink& to) const
{
    if (!from.joined() || !to.joined()) return INFINITY;
    const Snap destination = snapOf(to);
    const BorrowedSearch workspace{*this, takeWorkspace()};
    const std::vector<Trip> trips = travelFrom(*workspace.search, snapOf(from), std::span<const Snap>(&destination, 1));
    return trips.empty() || !trips.front().reached() ? INFINITY : trips.front().metres;
}

std::vector<double> GraphTravelEngine::drivingMetresTo(std::span<const AccessLink> from, const AccessLink& to) const
{
    std::vector<double> metres(from.size(), INFINITY);
    if (!to.joined()) return metres;
    std::vector<Snap> origins;
    std::vector<std::size_t> joined;
    for (std::size_t i = 0; i < from.size(); ++i) {
        if (!from[i].joined()) continue;
        origins.push_back(snapOf(from[i]));
        joined.push_back(i);
    }
    if (origins.empty()) return metres;
    const BorrowedSearch workspace{*this, takeWorkspace()};
    const std::vector<Trip> trips = travelTo(*workspace.search, origins, snapOf(to));
    for (std::size_t k = 0; k < trips.size() && k < joined.size(); ++k)
        if (trips[k].reached()) metres[joined[k]] = trips[k].metres;
    return metres;
}

}  // namespace maillage
