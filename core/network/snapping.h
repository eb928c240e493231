#pragma once

#include "common/error.h"
#include "geo/types.h"
#include "network/road_graph.h"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace maillage {

enum class SnapStatus : std::uint8_t {
    Ok,            // joined the graph
    TooFar,        // no open road within the maximum snap distance: reported, not joined
    NoRoad,        // the graph has no open edge at all (or none in the largest component)
    InvalidPoint,  // non-finite coordinates
};

// Thrown by a snapping function that cannot join a place to the network (too far from any
// road, no road at all): the place is left unjoined, where every other error stops the work.
class SnapFailed : public Error {
public:
    SnapFailed(XY place, SnapStatus status);
    XY place() const { return place_; }
    SnapStatus status() const { return status_; }

private:
    XY place_;
    SnapStatus status_;
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

    // Multi-entry access, for generalised networks that lack the local roads: besides the
    // nearest road, the point may join up to maxEntries - 1 other roads within
    // min(nearest distance + entryRadiusMetres, maxSnapMetres) (see Snapper). The same radius
    // bounds the direct off-network trip between two places (Snap::directMetres).
    // entryRadiusMetres 0, or maxEntries 0 or 1: the nearest road only (detailed networks).
    double entryRadiusMetres = 0.0;
    int maxEntries = 1;  // the nearest included; at most kMaxSnapEntries
    // An entry is kept only if it saves more than this over entering at a kept one and
    // driving there: it keeps the entries for other roads, not for the next metres of the
    // same one (see Snapper).
    double entryMarginSeconds = 60.0;
};

// The most entries one snapped point can hold (the nearest and five others).
constexpr int kMaxSnapEntries = 6;

// One way a point enters the graph: a position on an edge and the off-network leg to it.
struct SnapEntry {
    EdgeId edge = kNoEdge;
    Deciseconds accessTime = 0;  // the off-network leg, point <-> onRoad (with the terminal time, see addTerminalTime)
    double fraction = 0.0;       // position along the edge shape: 0 at its from-node, 1 at its to-node
    XY onRoad;                   // the joined position on the edge shape
    double offsetMetres = 0.0;   // straight distance from the point to onRoad (also set when TooFar)
    double accessMetres = 0.0;   // offsetMetres × access detour
};

// A point joined to the graph. Its own fields (inherited from SnapEntry) are the nearest
// point of the nearest edge, which the edge is virtually split at; `extras` are the further
// entries of a multi-entry snap. Every search and gather takes, for a point, the best over
// its entries. Times along the parts of an edge are derived from the edge's current time
// when used (see snapSides), so closures and factors set after snapping are honoured.
struct Snap : SnapEntry {
    SnapStatus status = SnapStatus::NoRoad;

    // Further entries, in increasing access time (multi-entry snapping; none by default).
    std::uint8_t extraCount = 0;
    std::array<SnapEntry, kMaxSnapEntries - 1> extras{};

    // The place itself, and its direct off-network trip to another place: two places closer
    // than min(a.directMetres, b.directMetres) also reach each other straight, at that
    // distance × the mean of their legSecondsPerMetre, plus both terminal times.
    XY point;
    double directMetres = 0.0;        // 0: no direct trip (single-entry snapping)
    double legSecondsPerMetre = 0.0;  // access detour / access speed
    double legDetour = 1.0;           // access detour, for the metres of a direct trip
    Deciseconds terminalTime = 0;     // included in every entry's accessTime

    bool ok() const { return status == SnapStatus::Ok; }
    // Entries: 0 is the nearest (the Snap's own fields), then the extras. None when not Ok.
    int entryCount() const { return ok() ? 1 + extraCount : 0; }
    const SnapEntry& entry(int i) const { return i == 0 ? *this : extras[std::size_t(i - 1)]; }
    SnapEntry& entry(int i) { return i == 0 ? *this : extras[std::size_t(i - 1)]; }
};

// The direct off-network trip between two snapped places when both allow one and they are
// close enough, else kUnreached. `metres` (optional) gets the distance driven.
Deciseconds directTripTime(const Snap& a, const Snap& b, double* metres = nullptr);

// Adds a fixed terminal time to every entry of an Ok snap (see SpeedProfile::terminalSeconds).
void addTerminalTime(Snap& snap, Deciseconds terminal);

// The snapped edge split at the snapped position, with the edge's current state, and which
// ways each part may be driven. A position at an end node (a part of zero time) is that node:
// it connects both ways, even on a one-way or closed edge.
struct SnapSides {
    NodeId fromNode = kNoNode;  // edge's from-node, "fraction 0"
    NodeId toNode = kNoNode;
    Deciseconds fromSideTime = 0;  // driving between fromNode and the position (either way)
    Deciseconds toSideTime = 0;    // driving between the position and toNode
    double fromSideMetres = 0.0;
    double toSideMetres = 0.0;
    bool valid = false;   // the snap is Ok
    bool open = false;    // the edge is not closed
    bool twoWay = false;  // the edge is not one-way
    bool fromNodeToPosition = false;
    bool positionToFromNode = false;
    bool positionToToNode = false;
    bool toNodeToPosition = false;
};
SnapSides snapSides(const RoadGraph& graph, const SnapEntry& entry);
// The nearest entry's sides (invalid when the snap is not Ok).
SnapSides snapSides(const RoadGraph& graph, const Snap& snap);

// Joins points to a RoadGraph: the nearest point of the nearest shape segment, found in a
// packed R-tree over the edges' shape segments (segments sorted along a Hilbert curve,
// 16 per leaf, 16 children per node). Why not a uniform grid: road density varies by orders
// of magnitude between a town and a mountain, and grid cells far from any road cost ring
// after ring of empty cells; the tree answers near and far points in a few node visits.
// The graph must outlive the snapper; edges closed after construction are skipped at query
// time. Queries are const and may run from several threads.
//
// Multi-entry snapping (SnapOptions::entryRadiusMetres > 0, maxEntries > 1). A coarse
// network lacks the local roads, so its nearest road is not necessarily the one people take:
// it may be a dead end leading away, while another road a little farther leads straight to
// where they go. The point therefore also joins, besides the nearest, the nearest point of
// other edges within min(nearest + entryRadiusMetres, maxSnapMetres), taken in increasing
// access time, each with its own leg (distance × detour at the access speed); motorways
// aside, which are entered at interchanges only. An edge is left out when it is *dominated*:
// entering at an entry already kept and driving to it on two-way roads is no slower than its
// own leg plus entryMarginSeconds (a small search bounded by the legs), or it duplicates a
// kept entry (same ends, same place). A dominated entry can make no trip shorter by more than
// the margin, so leaving it out changes no time beyond that; only the cap maxEntries can
// (tested against every edge in the radius on the 04 network). Of the edges that merely
// continue a nearer edge of the same road, one every 500 m of distance is tried (the others
// could save a few seconds at most; this keeps dense networks fast). The entries are thus
// few — one per part of the network the nearer entries do not reach quickly — e.g. the next
// road over, across a gap in the data, rather than every edge of a nearby junction.
class Snapper {
public:
    explicit Snapper(const RoadGraph& graph);

    Snap snap(XY point, const SnapOptions& options = {}) const;
    // Snaps a batch (e.g. the 100,000 cell centres of a coverage grid), in order, on
    // `threads` threads (0: one per core; 1: the calling thread only).
    std::vector<Snap> snapAll(std::span<const XY> points, const SnapOptions& options = {}, unsigned threads = 0) const;

    std::size_t segmentCount() const { return segments_.size(); }
    std::size_t memoryBytes() const;

    // The index as plain bytes, kept in a prepared network (network/prepared_network.h) so a
    // command does not build it again (a fifth of a second on the detailed 04 network).
    std::vector<char> toBytes() const;
    // The index of `graph` read back from toBytes(); nullopt when the bytes are not an index
    // of a graph of this size (truncated, corrupt, another graph).
    static std::optional<Snapper> fromBytes(const RoadGraph& graph, std::span<const char> bytes);

private:
    struct Segment {
        float ax, ay;                // start, relative to the origin (float: cm precision over 300 km)
        float dx, dy;                // end - start
        float inverseLengthSquared;  // 0 for a zero-length segment
    };
    struct Box {
        float minX, minY, maxX, maxY;
    };
    struct Nearest;
    struct Within;
    struct EntryWorkspace;

    Snapper() = default;  // for fromBytes
    struct SegmentsByEdge;
    SegmentsByEdge segmentsByEdge(const RoadGraph& graph, const BBox& box) const;
    void storeAlongCurve(SegmentsByEdge& byEdge);
    void buildLevels();
    static constexpr std::uint32_t kNoHint = 0xFFFFFFFFu;
    Snap snapNear(XY point, const SnapOptions& options, std::uint32_t& hint, EntryWorkspace& workspace) const;
    void nearestIn(std::uint32_t level, std::uint32_t node, Nearest& nearest) const;
    void consider(std::uint32_t segment, Nearest& nearest) const;
    void withinIn(std::uint32_t level, std::uint32_t node, Within& within) const;
    bool usable(std::uint32_t segment, bool largestOnly) const;
    // The entry at the nearest point of `segment` to `point` (exact, in double precision).
    SnapEntry entryOn(XY point, std::uint32_t segment, const SnapOptions& options) const;
    void entryCandidates(const Snap& snap, XY point, double radius, const SnapOptions& options,
                         EntryWorkspace& workspace) const;
    void addEntries(Snap& snap, XY point, const SnapOptions& options, EntryWorkspace& workspace) const;

    const RoadGraph* graph_ = nullptr;
    double originX_ = 0.0;
    double originY_ = 0.0;
    std::vector<Segment> segments_;  // in leaf order
    std::vector<EdgeId> segmentEdges_;
    std::vector<std::uint32_t> segmentIndex_;  // index of the segment within its edge shape
    static constexpr std::uint8_t kFirstSegment = 1, kLastSegment = 2, kInLargestComponent = 4, kMotorway = 8;
    std::vector<std::uint8_t> segmentEnds_;  // flags: first or last segment of its edge, in the largest component, motorway
    // levels_[0] boxes the leaves (16 segments each), levels_[k] boxes 16 nodes of level k-1.
    std::vector<std::vector<Box>> levels_;
};

}  // namespace maillage
