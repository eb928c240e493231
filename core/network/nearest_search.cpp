#include "network/nearest_search.h"

#include "common/error.h"

#include <algorithm>
#include <atomic>
#include <barrier>
#include <cmath>
#include <thread>

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
    if (sources.size() >= kNoSource) throw Error(QStringLiteral("too many sources for one search (%1)").arg(sources.size()));
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
    indexSources();
}

void NearestSearch::run(std::span<const Snap> sources, const SearchOptions& options, int threads)
{
    if (threads < 2 || options.trackMetres || graph_->nodeCount() < kSharedRunNodes || sources.size() < 2) {
        run(sources, options);
        return;
    }
    if (sources.size() >= kNoSource) throw Error(QStringLiteral("too many sources for one search (%1)").arg(sources.size()));
    options_ = options;
    sources_.assign(sources.begin(), sources.end());
    metres_.clear();
    heap_.clear();
    runShared();
    indexSources();
}

// Each half is a Dijkstra from its own sources over its own labels, which skips a node when
// the other half's label there is already strictly sooner: that half reaches the node, and
// everything beyond it, at least as soon. A half never skips a node on a fastest path from
// one of its sources that is also a nearest source of that path's end (no other source can
// be strictly sooner there), so every node gets its exact time from one half or both, and
// the merge takes the sooner, then the lower owner, as run() decides ties. The other half's
// times are read while it writes them: through atomic_ref, relaxed (plain moves on x86).
void NearestSearch::runShared()
{
    const NodeId n = graph_->nodeCount();
    if (!shared_) {
        shared_ = std::make_unique<SharedHalf>();
        shared_->time.assign(n, kUnreached);
        shared_->owner.assign(n, kNoSource);
        shared_->heap.reset(n);
        std::vector<double> xs(n);
        for (NodeId v = 0; v < n; ++v) xs[v] = graph_->nodePosition(v).x;
        std::nth_element(xs.begin(), xs.begin() + n / 2, xs.end());
        shared_->splitX = xs[n / 2];
    }
    SharedHalf& east = *shared_;
    east.heap.clear();
    east.halfOfSource.resize(sources_.size());
    for (std::size_t s = 0; s < sources_.size(); ++s) east.halfOfSource[s] = sources_[s].point.x >= east.splitX ? 1 : 0;

    std::barrier sync(2);
    std::size_t settled[2] = {0, 0};
    const auto half = [&](int h) {
        // Every label of both halves is reset before either half seeds (it reads the other's).
        std::vector<Deciseconds>& time = h == 0 ? time_ : east.time;
        std::vector<std::uint32_t>& owner = h == 0 ? owner_ : east.owner;
        std::fill(time.begin(), time.end(), kUnreached);
        std::fill(owner.begin(), owner.end(), kNoSource);
        sync.arrive_and_wait();
        settled[h] = settleShared(h);
        sync.arrive_and_wait();
        // Merge, each half of the nodes by one thread: the sooner label, then the lower owner.
        const NodeId begin = h == 0 ? 0 : n / 2, end = h == 0 ? n / 2 : n;
        for (NodeId v = begin; v < end; ++v) {
            const Deciseconds t = east.time[v];
            if (t < time_[v] || (t == time_[v] && east.owner[v] < owner_[v])) {
                time_[v] = t;
                owner_[v] = east.owner[v];
            }
        }
    };
    // Nothing in a half throws (its arrays and heap are made before): neither waits forever
    // at the barrier for the other.
    std::thread eastThread(half, 1);
    half(0);
    eastThread.join();
    settled_ = settled[0] + settled[1];
}

std::size_t NearestSearch::settleShared(int h)
{
    SharedHalf& east = *shared_;
    Deciseconds* time = h == 0 ? time_.data() : east.time.data();
    std::uint32_t* owner = h == 0 ? owner_.data() : east.owner.data();
    Deciseconds* other = h == 0 ? east.time.data() : time_.data();
    MinHeap& heap = h == 0 ? heap_ : east.heap;
    const auto otherTime = [other](NodeId v) {
        return std::atomic_ref<Deciseconds>(other[v]).load(std::memory_order_relaxed);
    };
    const auto setTime = [time](NodeId v, Deciseconds t) {
        std::atomic_ref<Deciseconds>(time[v]).store(t, std::memory_order_relaxed);
    };
    const std::uint64_t limit = std::min<std::uint64_t>(options_.timeLimit, kUnreached - 1);

    // As offer() and the relaxation of settleLoop(), on this half's labels.
    const auto improve = [&](NodeId v, std::uint64_t t, std::uint32_t o) {
        if (t > limit) return;
        const auto tv = static_cast<Deciseconds>(t);
        if (otherTime(v) < tv) return;  // the other half is strictly sooner there
        if (tv < time[v]) {
            setTime(v, tv);
            owner[v] = o;
            heap.pushOrDecrease(v, tv);
        } else if (tv == time[v] && o < owner[v] && heap.contains(v)) {
            owner[v] = o;  // equal times: the lower source index wins
        }
    };
    const bool toSources = options_.direction == SearchDirection::ToSources;
    for (std::uint32_t s = 0; s < sources_.size(); ++s) {
        if (east.halfOfSource[s] != h) continue;
        const Snap& snap = sources_[s];
        for (int i = 0; i < snap.entryCount(); ++i) {
            const SnapEntry& entry = snap.entry(i);
            const SnapSides sides = snapSides(*graph_, entry);
            if (!sides.valid) continue;
            if (toSources ? sides.fromNodeToPosition : sides.positionToFromNode)
                improve(sides.fromNode, std::uint64_t(entry.accessTime) + sides.fromSideTime, s);
            if (toSources ? sides.toNodeToPosition : sides.positionToToNode)
                improve(sides.toNode, std::uint64_t(entry.accessTime) + sides.toSideTime, s);
        }
    }

    const RoadGraph::Arc* arcs = graph_->arcData();
    const std::uint32_t* offsets = graph_->arcOffsetData();
    const std::uint32_t usable = RoadGraph::searchBit(options_.direction);
    std::size_t settled = 0;
    while (!heap.empty()) {
        const NodeId u = heap.pop();
        if (!heap.empty()) {
            const NodeId next = heap.topItem();
            __builtin_prefetch(arcs + offsets[next]);
            __builtin_prefetch(time + next);
        }
        const std::uint64_t tu = time[u];
        if (otherTime(u) < tu) continue;  // the other half got there sooner since: it goes on from here
        ++settled;
        const std::uint32_t ou = owner[u];
        const std::uint32_t end = offsets[u + 1];
        for (std::uint32_t a = offsets[u]; a < end; ++a) {
            const std::uint32_t packed = arcs[a].packed;
            if (!(packed & usable)) continue;
            improve(arcs[a].head, tu + (packed & RoadGraph::Arc::kTimeMask), ou);
        }
    }
    return settled;
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
    indexSources();
}

// A source joins the graph through the end nodes of the edge of each of its entries: each
// end node that can drive to the position (ToSources), or be driven to from it (FromSources),
// gets the entry's access leg plus the partial time along the edge.
void NearestSearch::seed(std::uint32_t source)
{
    const Snap& snap = sources_[source];
    const bool toSources = options_.direction == SearchDirection::ToSources;
    for (int i = 0; i < snap.entryCount(); ++i) {
        const SnapEntry& entry = snap.entry(i);
        const SnapSides sides = snapSides(*graph_, entry);
        if (!sides.valid) continue;
        const float access = static_cast<float>(entry.accessMetres);
        if (toSources ? sides.fromNodeToPosition : sides.positionToFromNode)
            offer(sides.fromNode, std::uint64_t(entry.accessTime) + sides.fromSideTime, access + float(sides.fromSideMetres),
                  source);
        if (toSources ? sides.toNodeToPosition : sides.positionToToNode)
            offer(sides.toNode, std::uint64_t(entry.accessTime) + sides.toSideTime, access + float(sides.toSideMetres),
                  source);
    }
}

void NearestSearch::offer(NodeId node, std::uint64_t time, float metres, std::uint32_t owner)
{
    if (time > options_.timeLimit || time >= kUnreached) return;
    const Deciseconds t = static_cast<Deciseconds>(time);
    // Equal times: the lower source index wins, then the shorter path, so that a repair and a
    // full run keep the same owner and the same metres whatever order the offers come in.
    const bool tieWins = t == time_[node]
                         && (owner < owner_[node] || (owner == owner_[node] && !metres_.empty() && metres < metres_[node]))
                         && heap_.contains(node);
    if (t < time_[node] || tieWins) {
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
            } else if (t == time[v]) {
                // Equal times: the lower source index wins, then the shorter path, whatever
                // the order nodes of equal time are settled in.
                bool wins = ou < owner[v];
                if constexpr (kTrackMetres) wins = wins || (ou == owner[v] && metres[u] + arcMetres[a] < metres[v]);
                if (wins && heap_.contains(v)) {
                    owner[v] = ou;
                    if constexpr (kTrackMetres) metres[v] = metres[u] + arcMetres[a];
                }
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
    const std::uint32_t reverseBit =
        options_.direction == SearchDirection::ToSources ? RoadGraph::Arc::kForwardBit : RoadGraph::Arc::kBackwardBit;
    const RoadGraph& g = *graph_;
    for (NodeId v : invalidated_) {
        for (std::uint32_t a = g.firstArc(v); a < g.endArc(v); ++a) {
            const RoadGraph::Arc arc = g.arc(a);
            if (!(arc.packed & reverseBit)) continue;
            const NodeId u = arc.head;
            if (time_[u] == kUnreached) continue;
            offer(v, std::uint64_t(time_[u]) + arc.time(), metres_.empty() ? 0.0f : metres_[u] + g.arcMetres(a), owner_[u]);
        }
    }

    // 3. Seeds: the moved source's new position, and any other source whose seed node was
    //    forgotten (offers that do not improve a node are ignored).
    for (std::uint32_t s = 0; s < sources_.size(); ++s) seed(s);

    // 4. One Dijkstra pass from those offers repairs the forgotten region and spreads the
    //    improvements around the new position.
    settle();
    indexSources();
}

std::uint32_t NearestSearch::addSource(const Snap& position)
{
    if (sources_.size() + 1 >= kNoSource) throw Error(QStringLiteral("too many sources for one search"));
    sources_.push_back(position);
    const auto index = static_cast<std::uint32_t>(sources_.size() - 1);
    settled_ = 0;
    seed(index);
    settle();
    indexSources();
    return index;
}

void NearestSearch::removeSource(std::uint32_t source) { moveSource(source, Snap{}); }

void NearestSearch::indexSources()
{
    sourcesByEdge_.clear();
    sourcesByX_.clear();
    maxDirectMetres_ = 0.0;
    for (std::uint32_t s = 0; s < sources_.size(); ++s) {
        const Snap& source = sources_[s];
        for (int i = 0; i < source.entryCount(); ++i) sourcesByEdge_.push_back({source.entry(i).edge, s, i});
        if (source.ok() && source.directMetres > 0.0) {
            sourcesByX_.emplace_back(source.point.x, s);
            maxDirectMetres_ = std::max(maxDirectMetres_, source.directMetres);
        }
    }
    std::sort(sourcesByEdge_.begin(), sourcesByEdge_.end(), [](const SourceEntry& a, const SourceEntry& b) {
        return a.edge != b.edge ? a.edge < b.edge : (a.source != b.source ? a.source < b.source : a.entry < b.entry);
    });
    std::sort(sourcesByX_.begin(), sourcesByX_.end());
}

Reach NearestSearch::reachAt(const Snap& point, std::uint32_t onlySource) const
{
    Reach best;
    if (!point.ok()) return best;
    const bool toSources = options_.direction == SearchDirection::ToSources;
    const std::uint64_t limit = options_.timeLimit;

    const auto consider = [&](std::uint64_t time, std::uint32_t source, double metres) {
        if (time > limit || time >= kUnreached) return;
        if (onlySource != kNoSource && source != onlySource) return;
        if (time < best.time || (time == best.time && source < best.source))
            best = {static_cast<Deciseconds>(time), source, metres};
    };
    for (int i = 0; i < point.entryCount(); ++i) {
        const SnapEntry& entry = point.entry(i);
        const SnapSides sides = snapSides(*graph_, entry);
        if (!sides.valid) continue;
        const auto viaNode = [&](NodeId node, Deciseconds side, double sideMetres) {
            if (time_[node] == kUnreached) return;
            consider(std::uint64_t(time_[node]) + side + entry.accessTime, owner_[node],
                     nodeMetres(node) + sideMetres + entry.accessMetres);
        };
        // ToSources leaves the position towards an end node; FromSources arrives from one.
        if (toSources ? sides.positionToFromNode : sides.fromNodeToPosition)
            viaNode(sides.fromNode, sides.fromSideTime, sides.fromSideMetres);
        if (toSources ? sides.positionToToNode : sides.toNodeToPosition)
            viaNode(sides.toNode, sides.toSideTime, sides.toSideMetres);

        // Source entries on the same edge are reached along it, without going through an end node.
        if (!sides.open) continue;  // a closed edge is not driven along
        const auto sameEdge = std::equal_range(sourcesByEdge_.begin(), sourcesByEdge_.end(), SourceEntry{entry.edge, 0, 0},
                                               [](const SourceEntry& a, const SourceEntry& b) { return a.edge < b.edge; });
        for (auto it = sameEdge.first; it != sameEdge.second; ++it) {
            const SnapEntry& source = sources_[it->source].entry(it->entry);
            const SnapSides there = snapSides(*graph_, source);
            // Driving from `a` to `b` along the edge is forward when b lies further on.
            const Deciseconds from = toSources ? sides.fromSideTime : there.fromSideTime;
            const Deciseconds to = toSources ? there.fromSideTime : sides.fromSideTime;
            const double fromMetres = toSources ? sides.fromSideMetres : there.fromSideMetres;
            const double toMetres = toSources ? there.fromSideMetres : sides.fromSideMetres;
            if (to < from && !sides.twoWay) continue;
            const Deciseconds along = to >= from ? to - from : from - to;
            consider(std::uint64_t(along) + source.accessTime + entry.accessTime, it->source,
                     std::abs(toMetres - fromMetres) + source.accessMetres + entry.accessMetres);
        }
    }

    // Sources close enough are also reached straight, off the network.
    if (point.directMetres > 0.0 && !sourcesByX_.empty()) {
        const double reach = std::min(point.directMetres, maxDirectMetres_);
        auto it = std::lower_bound(sourcesByX_.begin(), sourcesByX_.end(),
                                   std::pair<double, std::uint32_t>(point.point.x - reach, 0));
        for (; it != sourcesByX_.end() && it->first <= point.point.x + reach; ++it) {
            double metres = 0.0;
            const Deciseconds direct = directTripTime(point, sources_[it->second], &metres);
            if (direct != kUnreached) consider(direct, it->second, metres);
        }
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
           + invalidated_.capacity() * sizeof(NodeId) + sources_.capacity() * sizeof(Snap)
           + sourcesByEdge_.capacity() * sizeof(SourceEntry) + sourcesByX_.capacity() * sizeof(sourcesByX_[0])
           + (shared_ ? shared_->time.capacity() * sizeof(Deciseconds) + shared_->owner.capacity() * sizeof(std::uint32_t)
                            + shared_->heap.memoryBytes() + shared_->halfOfSource.capacity()
                      : 0);
}

}  // namespace maillage
