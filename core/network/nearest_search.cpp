#include "network/nearest_search.h"

#include "common/error.h"

#include <algorithm>
#include <cmath>

namespace maillage {

NearestSearch::NearestSearch(const RoadGraph& graph) : graph_(&graph)
{
    const NodeId n = graph.nodeCount();
    time_.assign(n, kUnreached);
    owner_.assign(n, kNoSource);
    heap_.reset(n);
}

void NearestSearch::start(std::span<const Snap> sources, const SearchOptions& options)
{
    if (sources.size() >= kNoSource)
        throw Error(QStringLiteral("too many sources for one search (%1)").arg(sources.size()));
    options_ = options;
    sources_.assign(sources.begin(), sources.end());
    std::fill(time_.begin(), time_.end(), kUnreached);
    std::fill(owner_.begin(), owner_.end(), kNoSource);
    if (options_.trackMetres) metres_.assign(time_.size(), 0.0f);
    else metres_.clear();
    heap_.clear();
    settled_ = 0;
    for (std::uint32_t s = 0; s < sources_.size(); ++s) seed(s);
}

void NearestSearch::run(std::span<const Snap> sources, const SearchOptions& options)
{
    start(sources, options);
    settle();
    indexSourcesByEdge();
}

void NearestSearch::runUntilSettled(std::span<const Snap> sources, const SearchOptions& options,
                                    std::span<const NodeId> targets)
{
    start(sources, options);
    if (isTarget_.size() != time_.size()) isTarget_.assign(time_.size(), 0);
    targetsLeft_ = 0;
    for (NodeId t : targets)
        if (t < isTarget_.size() && !isTarget_[t]) {
            isTarget_[t] = 1;
            ++targetsLeft_;
        }
    if (targetsLeft_ > 0) {
        if (options_.trackMetres) settleLoop<true, true>();
        else settleLoop<false, true>();
    }
    for (NodeId t : targets)
        if (t < isTarget_.size()) isTarget_[t] = 0;
    heap_.clear();
    indexSourcesByEdge();
}

// A source joins the graph through the end nodes of its snapped edge: each end node that
// can drive to the position (ToSources), or be driven to from it (FromSources), gets the
// source's access leg plus the partial time along the edge.
void NearestSearch::seed(std::uint32_t source)
{
    const Snap& snap = sources_[source];
    const SnapSides sides = snapSides(*graph_, snap);
    if (!sides.valid) return;
    const float access = static_cast<float>(snap.accessMetres);
    const bool toSources = options_.direction == SearchDirection::ToSources;
    if (toSources ? sides.fromNodeToPosition : sides.positionToFromNode)
        offer(sides.fromNode, std::uint64_t(snap.accessTime) + sides.fromSideTime,
              access + float(sides.fromSideMetres), source);
    if (toSources ? sides.toNodeToPosition : sides.positionToToNode)
        offer(sides.toNode, std::uint64_t(snap.accessTime) + sides.toSideTime,
              access + float(sides.toSideMetres), source);
}

void NearestSearch::offer(NodeId node, std::uint64_t time, float metres, std::uint32_t owner)
{
    if (time > options_.timeLimit || time >= kUnreached) return;
    const Deciseconds t = static_cast<Deciseconds>(time);
    if (t < time_[node] || (t == time_[node] && owner < owner_[node] && heap_.contains(node))) {
        time_[node] = t;
        owner_[node] = owner;
        if (!metres_.empty()) metres_[node] = metres;
        heap_.pushOrDecrease(node, t);
    }
}

void NearestSearch::settle()
{
    if (options_.trackMetres) settleLoop<true, false>();
    else settleLoop<false, false>();
}

template <bool kTrackMetres, bool kStopAtTargets>
void NearestSearch::settleLoop()
{
    const RoadGraph::Arc* arcs = graph_->arcData();
    const std::uint32_t* offsets = graph_->arcOffsetData();
    const float* arcMetres = graph_->arcMetresData();
    const std::uint32_t usable = RoadGraph::searchBit(options_.direction);
    const std::uint64_t limit = std::min<std::uint64_t>(options_.timeLimit, kUnreached - 1);
    Deciseconds* time = time_.data();
    std::uint32_t* owner = owner_.data();
    float* metres = metres_.data();
    std::size_t settled = settled_;

    while (!heap_.empty()) {
        const NodeId u = heap_.pop();
        ++settled;
        // The next node to settle is known now (unless this one improves a neighbour beyond
        // it): start loading its arcs while this one is relaxed. On large graphs a search
        // waits on memory, not on arithmetic.
        if (!heap_.empty()) {
            const NodeId next = heap_.topItem();
            __builtin_prefetch(arcs + offsets[next]);
            __builtin_prefetch(time + next);
        }
        if constexpr (kStopAtTargets) {
            if (isTarget_[u] && --targetsLeft_ == 0) break;
        }
        const std::uint64_t tu = time[u];
        const std::uint32_t ou = owner[u];
        const std::uint32_t end = offsets[u + 1];
        for (std::uint32_t a = offsets[u]; a < end; ++a) {
            const std::uint32_t packed = arcs[a].packed;
            if (!(packed & usable)) continue;
            const std::uint64_t t = tu + (packed & RoadGraph::Arc::kTimeMask);
            if (t > limit) continue;
            const NodeId v = arcs[a].head;
            if (t < time[v]) {
                time[v] = static_cast<Deciseconds>(t);
                owner[v] = ou;
                if constexpr (kTrackMetres) metres[v] = metres[u] + arcMetres[a];
                heap_.pushOrDecrease(v, static_cast<Deciseconds>(t));
            } else if (t == time[v] && ou < owner[v] && heap_.contains(v)) {
                // Equal times: the lower source index wins, whatever the seeding order.
                owner[v] = ou;
                if constexpr (kTrackMetres) metres[v] = metres[u] + arcMetres[a];
            }
        }
    }
    settled_ = settled;
}

void NearestSearch::moveSource(std::uint32_t source, const Snap& position)
{
    if (source >= sources_.size())
        throw Error(QStringLiteral("no source %1 to move (the search has %2)").arg(source).arg(sources_.size()));
    sources_[source] = position;
    settled_ = 0;

    // 1. Forget every node the source owned.
    invalidated_.clear();
    for (NodeId v = 0; v < owner_.size(); ++v)
        if (owner_[v] == source) {
            time_[v] = kUnreached;
            owner_[v] = kNoSource;
            invalidated_.push_back(v);
        }

    // 2. Each forgotten node takes the best offer of its neighbours owned by other sources:
    //    a neighbour u relaxes v through the arc at u, i.e. the twin of v's arc with the
    //    opposite sense bit.
    const std::uint32_t reverseBit = options_.direction == SearchDirection::ToSources
                                         ? RoadGraph::Arc::kForwardBit : RoadGraph::Arc::kBackwardBit;
    const RoadGraph& g = *graph_;
    for (NodeId v : invalidated_) {
        for (std::uint32_t a = g.firstArc(v); a < g.endArc(v); ++a) {
            const RoadGraph::Arc arc = g.arc(a);
            if (!(arc.packed & reverseBit)) continue;
            const NodeId u = arc.head;
            if (time_[u] == kUnreached) continue;
            offer(v, std::uint64_t(time_[u]) + arc.time(),
                  metres_.empty() ? 0.0f : metres_[u] + g.arcMetres(a), owner_[u]);
        }
    }

    // 3. Seeds: the moved source's new position, and any other source whose seed node was
    //    forgotten (offers that do not improve a node are ignored).
    for (std::uint32_t s = 0; s < sources_.size(); ++s) seed(s);

    // 4. One Dijkstra pass from those offers repairs the forgotten region and spreads the
    //    improvements around the new position.
    settle();
    indexSourcesByEdge();
}

std::uint32_t NearestSearch::addSource(const Snap& position)
{
    if (sources_.size() + 1 >= kNoSource) throw Error(QStringLiteral("too many sources for one search"));
    sources_.push_back(position);
    const auto index = static_cast<std::uint32_t>(sources_.size() - 1);
    settled_ = 0;
    seed(index);
    settle();
    indexSourcesByEdge();
    return index;
}

void NearestSearch::removeSource(std::uint32_t source)
{
    moveSource(source, Snap{});
}

void NearestSearch::indexSourcesByEdge()
{
    sourcesByEdge_.clear();
    for (std::uint32_t s = 0; s < sources_.size(); ++s)
        if (sources_[s].ok()) sourcesByEdge_.emplace_back(sources_[s].edge, s);
    std::sort(sourcesByEdge_.begin(), sourcesByEdge_.end());
}

Reach NearestSearch::reachAt(const Snap& point) const
{
    Reach best;
    const SnapSides sides = snapSides(*graph_, point);
    if (!sides.valid) return best;
    const bool toSources = options_.direction == SearchDirection::ToSources;
    const std::uint64_t limit = options_.timeLimit;

    const auto consider = [&](std::uint64_t time, std::uint32_t source, double metres) {
        if (time > limit || time >= kUnreached) return;
        if (time < best.time || (time == best.time && source < best.source))
            best = {static_cast<Deciseconds>(time), source, metres};
    };
    const auto viaNode = [&](NodeId node, Deciseconds side, double sideMetres) {
        if (time_[node] == kUnreached) return;
        consider(std::uint64_t(time_[node]) + side + point.accessTime, owner_[node],
                 nodeMetres(node) + sideMetres + point.accessMetres);
    };
    // ToSources leaves the position towards an end node; FromSources arrives from one.
    if (toSources ? sides.positionToFromNode : sides.fromNodeToPosition)
        viaNode(sides.fromNode, sides.fromSideTime, sides.fromSideMetres);
    if (toSources ? sides.positionToToNode : sides.toNodeToPosition)
        viaNode(sides.toNode, sides.toSideTime, sides.toSideMetres);

    // Sources on the same edge are reached along it, without going through an end node.
    const auto sameEdge = std::equal_range(
        sourcesByEdge_.begin(), sourcesByEdge_.end(), std::pair<EdgeId, std::uint32_t>(point.edge, 0),
        [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto it = sameEdge.first; it != sameEdge.second; ++it) {
        const Snap& source = sources_[it->second];
        const SnapSides there = snapSides(*graph_, source);
        if (!sides.open) break;  // a closed edge is not driven along
        // Driving from `a` to `b` along the edge is forward when b lies further on.
        const Deciseconds from = toSources ? sides.fromSideTime : there.fromSideTime;
        const Deciseconds to = toSources ? there.fromSideTime : sides.fromSideTime;
        const double fromMetres = toSources ? sides.fromSideMetres : there.fromSideMetres;
        const double toMetres = toSources ? there.fromSideMetres : sides.fromSideMetres;
        if (to < from && !sides.twoWay) continue;
        const Deciseconds along = to >= from ? to - from : from - to;
        consider(std::uint64_t(along) + source.accessTime + point.accessTime, it->second,
                 std::abs(toMetres - fromMetres) + source.accessMetres + point.accessMetres);
    }
    if (metres_.empty()) best.metres = 0.0;
    return best;
}

std::vector<Reach> NearestSearch::reachAll(std::span<const Snap> points) const
{
    std::vector<Reach> result;
    result.reserve(points.size());
    for (const Snap& p : points) result.push_back(reachAt(p));
    return result;
}

std::size_t NearestSearch::memoryBytes() const
{
    return sizeof(*this) + time_.capacity() * sizeof(Deciseconds) + owner_.capacity() * sizeof(std::uint32_t)
         + metres_.capacity() * sizeof(float) + isTarget_.capacity() + heap_.memoryBytes()
         + invalidated_.capacity() * sizeof(NodeId) + sources_.capacity() * sizeof(Snap);
}

}  // namespace maillage
