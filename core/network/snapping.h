#pragma once

#include "geo/types.h"
#include "network/road_graph.h"

#include <cstdint>
#include <span>
#include <vector>

namespace maillage {

enum class SnapStatus : std::uint8_t {
    Ok,            // joined the graph
    TooFar,        // no open road within the maximum snap distance: reported, not joined
    NoRoad,        // the graph has no open edge at all (or none in the largest component)
    InvalidPoint,  // non-finite coordinates
};

// How a point reaches the road: straight-line distance × detour at a low speed. The values
// come from the speed profile; the defaults here only make a test or a benchmark readable.
struct SnapOptions {
    double maxSnapMetres = 5000.0;
    double accessDetour = 1.3;
    double accessSpeedKmh = 30.0;
    // Join only edges of the largest connected component, so that a point next to a small
    // island of road (a car park, a broken fragment) is still routed.
    bool largestComponentOnly = false;
};

// A point joined to the graph: the nearest point of the nearest edge, which the point's
// edge is virtually split at. Times along the two parts of the edge are derived from the
// edge's current time when used (see snapSides), so closures and factors set after
// snapping are honoured.
struct Snap {
    SnapStatus status = SnapStatus::NoRoad;
    EdgeId edge = kNoEdge;
    double fraction = 0.0;       // position along the edge shape: 0 at its from-node, 1 at its to-node
    XY onRoad;                   // the joined position on the edge shape
    double offsetMetres = 0.0;   // straight distance from the point to onRoad (also set when TooFar)
    double accessMetres = 0.0;   // offsetMetres × access detour
    Deciseconds accessTime = 0;  // the off-network leg, point <-> onRoad

    bool ok() const { return status == SnapStatus::Ok; }
};

// The snapped edge split at the snapped position, with the edge's current state, and which
// ways each part may be driven. A position at an end node (a part of zero time) is that node:
// it connects both ways, even on a one-way or closed edge.
struct SnapSides {
    NodeId fromNode = kNoNode;     // edge's from-node, "fraction 0"
    NodeId toNode = kNoNode;
    Deciseconds fromSideTime = 0;  // driving between fromNode and the position (either way)
    Deciseconds toSideTime = 0;    // driving between the position and toNode
    double fromSideMetres = 0.0;
    double toSideMetres = 0.0;
    bool valid = false;            // the snap is Ok
    bool open = false;             // the edge is not closed
    bool twoWay = false;           // the edge is not one-way
    bool fromNodeToPosition = false;
    bool positionToFromNode = false;
    bool positionToToNode = false;
    bool toNodeToPosition = false;
};
SnapSides snapSides(const RoadGraph& graph, const Snap& snap);

// Joins points to a RoadGraph: the nearest point of the nearest shape segment, found in a
// packed R-tree over the edges' shape segments (segments sorted along a Hilbert curve,
// 16 per leaf, 16 children per node). Why not a uniform grid: road density varies by orders
// of magnitude between a town and a mountain, and grid cells far from any road cost ring
// after ring of empty cells; the tree answers near and far points in a few node visits.
// The graph must outlive the snapper; edges closed after construction are skipped at query
// time. Queries are const and may run from several threads.
class Snapper {
public:
    explicit Snapper(const RoadGraph& graph);

    Snap snap(XY point, const SnapOptions& options = {}) const;
    // Snaps a batch (e.g. the 100,000 cell centres of a coverage grid), in order, on
    // `threads` threads (0: one per core; 1: the calling thread only).
    std::vector<Snap> snapAll(std::span<const XY> points, const SnapOptions& options = {},
                              unsigned threads = 0) const;

    std::size_t segmentCount() const { return segments_.size(); }
    std::size_t memoryBytes() const;

private:
    struct Segment {
        float ax, ay;     // start, relative to the origin (float: cm precision over 300 km)
        float dx, dy;     // end - start
        float inverseLengthSquared;  // 0 for a zero-length segment
    };
    struct Box {
        float minX, minY, maxX, maxY;
    };
    struct Nearest;

    static constexpr std::uint32_t kNoHint = 0xFFFFFFFFu;
    Snap snapNear(XY point, const SnapOptions& options, std::uint32_t& hint) const;
    void nearestIn(std::uint32_t level, std::uint32_t node, Nearest& nearest) const;
    void consider(std::uint32_t segment, Nearest& nearest) const;

    const RoadGraph* graph_ = nullptr;
    double originX_ = 0.0;
    double originY_ = 0.0;
    std::vector<Segment> segments_;            // in leaf order
    std::vector<EdgeId> segmentEdges_;
    std::vector<std::uint32_t> segmentIndex_;  // index of the segment within its edge shape
    // levels_[0] boxes the leaves (16 segments each), levels_[k] boxes 16 nodes of level k-1.
    std::vector<std::vector<Box>> levels_;
};

}  // namespace maillage
