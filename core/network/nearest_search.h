#pragma once

#include "network/min_heap.h"
#include "network/road_graph.h"
#include "network/snapping.h"

#include <cstdint>
#include <limits>
#include <memory>
#include <span>
#include <utility>
#include <vector>

namespace maillage {

constexpr std::uint32_t kNoSource = std::numeric_limits<std::uint32_t>::max();

struct SearchOptions {
    // ToSources: time from each node to its nearest source (people drive to the place).
    SearchDirection direction = SearchDirection::ToSources;
    // Nodes (and points) farther than this stay unreached; the search stops there.
    Deciseconds timeLimit = kUnreached;
    // Also record the metres along the fastest path (a little slower; off by default).
    bool trackMetres = false;
};

// The nearest source of a node or a point, and how far it is.
struct Reach {
    Deciseconds time = kUnreached;
    std::uint32_t source = kNoSource;  // index into the sources of the search
    // Metres along the fastest path, both access legs included (× their detour); 0 when the
    // search does not track metres.
    double metres = 0.0;

    bool reached() const { return time != kUnreached; }
    double minutes() const { return toMinutes(time); }
};

// Multi-source nearest search (Dijkstra seeded with every source at once): one pass gives,
// for every node, the time to (or from) the nearest source and which source it is.
//
// The object is the workspace: its per-node arrays and its heap are allocated once, in the
// constructor, and reused by every run, so running again after a source moved costs only
// the search itself. For live dragging, moveSource() repairs the previous result instead
// of recomputing it: only nodes owned by the moved source, or that get closer to its new
// position, are visited. Results are exactly those of a full run (times are integers);
// owners too, except between sources at exactly equal times.
//
// Sources are snapped points, seeded through every entry of their snap (multi-entry snaps,
// see Snapper); a source whose snap is not Ok takes no part but keeps its index. Changing
// the graph's closures or factors requires a new run().
// One object per thread; the graph must outlive it.
class NearestSearch {
public:
    explicit NearestSearch(const RoadGraph& graph);

    // Seeds every source (its snapped position, plus its access leg) and runs one pass.
    void run(std::span<const Snap> sources, const SearchOptions& options = {});

    // As run(), shared by two threads when `threads` > 1 and the graph is large enough to pay
    // for a thread (kSharedRunNodes): the sources are split into a western and an eastern
    // half at the median x of the nodes, each half searched by a thread of its own that leaves
    // alone the nodes the other half already reaches sooner, and the two merged node by node.
    // Times are exactly those of run(), owners too (the lowest index among the nearest
    // sources; like run(), the owner of a node reached through roads of zero time from several
    // sources at once may be any of them). Without a time limit or with one; metres are not
    // tracked this way (run() is used). The workspace grows by ~20 bytes per node.
    void run(std::span<const Snap> sources, const SearchOptions& options, int threads);
    static constexpr NodeId kSharedRunNodes = 50'000;

    // As run(), but stops as soon as every node of `targets` is settled (OD matrices):
    // the targets' times are final, the other nodes' are only upper bounds.
    void runUntilSettled(std::span<const Snap> sources, const SearchOptions& options, std::span<const NodeId> targets);

    // --- live editing, after run() with the same options
    void moveSource(std::uint32_t source, const Snap& position);
    std::uint32_t addSource(const Snap& position);  // returns the new source's index
    void removeSource(std::uint32_t source);        // the index stays, taking no part

    // --- results
    const RoadGraph& graph() const { return *graph_; }
    const SearchOptions& options() const { return options_; }
    std::span<const Snap> sources() const { return sources_; }
    Deciseconds nodeTime(NodeId node) const { return time_[node]; }
    std::uint32_t nodeSource(NodeId node) const { return owner_[node]; }
    double nodeMetres(NodeId node) const { return metres_.empty() ? 0.0 : metres_[node]; }
    std::span<const Deciseconds> nodeTimes() const { return time_; }
    std::span<const std::uint32_t> nodeSources() const { return owner_; }
    Reach nodeReach(NodeId node) const { return {time_[node], owner_[node], nodeMetres(node)}; }

    // The nearest source of a snapped point (a grid cell, a town hall): the best, over the
    // point's entries, of its access leg, along its edge to an end node, plus that node's
    // time; or directly along the edge to a source entry on the same edge; or the direct
    // off-network trip to a source close enough (directTripTime). One-ways and the direction
    // are respected. Unreached when the point is not Ok or its time exceeds the time limit.
    Reach reachAt(const Snap& point) const { return reachAt(point, kNoSource); }
    // As reachAt(), counting only the routes to `source` that this search's labels hold:
    // through end nodes it owns, along an edge with one of its entries, or straight. When
    // another source is exactly as near on the way, the labels hold that one's route there
    // instead, so the result may be slower than the fastest route to `source` (compare it
    // with reachAt(point)) or, between routes of equal time, another of them.
    Reach reachAt(const Snap& point, std::uint32_t onlySource) const;
    std::vector<Reach> reachAll(std::span<const Snap> points) const;

    // Nodes settled by the last run or repair (for benchmarks and tests).
    std::size_t settledCount() const { return settled_; }
    std::size_t memoryBytes() const;

private:
    void start(std::span<const Snap> sources, const SearchOptions& options);
    void seed(std::uint32_t source);
    void offer(NodeId node, std::uint64_t time, float metres, std::uint32_t owner);
    void settle();
    template <bool kTrackMetres, bool kStopAtTargets>
    void settleLoop();
    void indexSources();
    void runShared();
    std::size_t settleShared(int half);

    // The second half of a shared run (see run(..., threads)): its own times, owners and heap
    // (the first half uses time_, owner_ and heap_), made on the first shared run.
    struct SharedHalf {
        std::vector<Deciseconds> time;
        std::vector<std::uint32_t> owner;
        MinHeap heap;
        std::vector<std::uint8_t> halfOfSource;  // 0 west, 1 east
        double splitX = 0.0;                     // median x of the nodes
    };
    std::unique_ptr<SharedHalf> shared_;

    const RoadGraph* graph_;
    SearchOptions options_;
    std::vector<Snap> sources_;
    std::vector<Deciseconds> time_;
    std::vector<std::uint32_t> owner_;
    std::vector<float> metres_;  // empty unless options_.trackMetres
    MinHeap heap_;
    std::vector<std::uint8_t> isTarget_;  // empty unless runUntilSettled was used
    std::size_t targetsLeft_ = 0;
    std::vector<NodeId> invalidated_;  // repair workspace
    struct SourceEntry {
        EdgeId edge;
        std::uint32_t source;
        int entry;
    };
    std::vector<SourceEntry> sourcesByEdge_;                    // every entry of every source, by edge
    std::vector<std::pair<double, std::uint32_t>> sourcesByX_;  // sources allowing direct trips, by x
    double maxDirectMetres_ = 0.0;
    std::size_t settled_ = 0;
};

}  // namespace maillage
