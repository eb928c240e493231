#include "network/snapping.h"

#include <cstring>

#include "common/error.h"
#include "common/raw_bytes.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <thread>

namespace maillage {

namespace {

struct Projection {
    double t = 0.0;        // 0 at a, 1 at b
    double squared = 0.0;  // squared distance from the point
};

Projection project(double px, double py, double ax, double ay, double bx, double by)
{
    const double dx = bx - ax;
    const double dy = by - ay;
    const double lengthSquared = dx * dx + dy * dy;
    double t = 0.0;
    if (lengthSquared > 0.0) t = std::clamp(((px - ax) * dx + (py - ay) * dy) / lengthSquared, 0.0, 1.0);
    const double qx = ax + t * dx - px;
    const double qy = ay + t * dy - py;
    return {t, qx * qx + qy * qy};
}

void checkOptions(const SnapOptions& options)
{
    if (!(options.accessSpeedKmh > 0.0) || !std::isfinite(options.accessSpeedKmh))
        throw Error(QStringLiteral("the access speed to the road must be a positive number of km/h, not %1")
                        .arg(options.accessSpeedKmh));
    if (!(options.accessDetour >= 1.0) || !std::isfinite(options.accessDetour))
        throw Error(
            QStringLiteral("the access detour factor must be a number of at least 1, not %1").arg(options.accessDetour));
    if (!(options.maxSnapMetres >= 0.0))
        throw Error(QStringLiteral("the maximum snap distance must not be negative (%1 m)").arg(options.maxSnapMetres));
    if (!(options.entryMarginSeconds >= 0.0) || !std::isfinite(options.entryMarginSeconds))
        throw Error(QStringLiteral("the access entry margin must be a number of seconds, 0 or more, not %1")
                        .arg(options.entryMarginSeconds));
    if (!(options.entryRadiusMetres >= 0.0) || !std::isfinite(options.entryRadiusMetres))
        throw Error(QStringLiteral("the access entry radius must be a number of metres, 0 or more, not %1")
                        .arg(options.entryRadiusMetres));
    if (options.maxEntries < 0 || options.maxEntries > kMaxSnapEntries)
        throw Error(QStringLiteral("the number of access entries must be between 0 and %1, not %2")
                        .arg(kMaxSnapEntries)
                        .arg(options.maxEntries));
}

}  // namespace

SnapFailed::SnapFailed(XY place, SnapStatus status)
    : Error(QStringLiteral("the place (%1, %2) cannot be joined to the road network: %3")
                .arg(place.x, 0, 'f', 0)
                .arg(place.y, 0, 'f', 0)
                .arg(status == SnapStatus::TooFar   ? QStringLiteral("too far from any road")
                     : status == SnapStatus::NoRoad ? QStringLiteral("no open road")
                                                    : QStringLiteral("invalid coordinates"))),
      place_(place),
      status_(status)
{
}

SnapSides snapSides(const RoadGraph& graph, const SnapEntry& entry)
{
    SnapSides sides;
    if (entry.edge >= graph.edgeCount()) return sides;
    const EdgeId e = entry.edge;
    const Deciseconds total = graph.edgeTime(e);
    sides.fromNode = graph.edgeFrom(e);
    sides.toNode = graph.edgeTo(e);
    const double fraction = std::clamp(entry.fraction, 0.0, 1.0);
    sides.fromSideTime = std::min(total, static_cast<Deciseconds>(std::llround(fraction * total)));
    sides.toSideTime = total - sides.fromSideTime;
    sides.fromSideMetres = fraction * graph.edgeMetres(e);
    sides.toSideMetres = graph.edgeMetres(e) - sides.fromSideMetres;
    sides.valid = true;
    sides.open = !graph.isEdgeClosed(e);
    sides.twoWay = !graph.edgeOneway(e);
    const bool atFromNode = sides.fromSideTime == 0;
    const bool atToNode = sides.toSideTime == 0;
    sides.fromNodeToPosition = sides.open || atFromNode;
    sides.positionToFromNode = (sides.open && sides.twoWay) || atFromNode;
    sides.positionToToNode = sides.open || atToNode;
    sides.toNodeToPosition = (sides.open && sides.twoWay) || atToNode;
    return sides;
}

SnapSides snapSides(const RoadGraph& graph, const Snap& snap)
{
    if (!snap.ok()) return {};
    return snapSides(graph, static_cast<const SnapEntry&>(snap));
}

Deciseconds directTripTime(const Snap& a, const Snap& b, double* metres)
{
    if (!a.ok() || !b.ok() || !(a.directMetres > 0.0) || !(b.directMetres > 0.0)) return kUnreached;
    const double straight = std::hypot(a.point.x - b.point.x, a.point.y - b.point.y);
    if (!(straight <= std::min(a.directMetres, b.directMetres))) return kUnreached;
    if (metres) *metres = straight * (a.legDetour + b.legDetour) / 2.0;
    // Integer sums, so that the time is the same whichever place is the origin.
    return toDeciseconds(straight * (a.legSecondsPerMetre + b.legSecondsPerMetre) / 2.0) + a.terminalTime + b.terminalTime;
}

void addTerminalTime(Snap& snap, Deciseconds terminal)
{
    if (!snap.ok()) return;
    for (int i = 0; i < snap.entryCount(); ++i) snap.entry(i).accessTime += terminal;
    snap.terminalTime += terminal;
}

namespace {

constexpr std::uint32_t kFanout = 16;

// Position of (x, y) on a Hilbert curve filling a 65536 × 65536 square: segments close along
// the curve are close in space, so consecutive segments make compact leaves.
std::uint32_t hilbertIndex(std::uint32_t x, std::uint32_t y)
{
    std::uint32_t d = 0;
    for (std::uint32_t s = 1u << 15; s > 0; s >>= 1) {
        const std::uint32_t rx = (x & s) ? 1 : 0;
        const std::uint32_t ry = (y & s) ? 1 : 0;
        d += s * s * ((3 * rx) ^ ry);
        if (ry == 0) {
            if (rx == 1) {
                x = 0xFFFF - x;
                y = 0xFFFF - y;
            }
            std::swap(x, y);
        }
    }
    return d;
}

}  // namespace

// Every shape segment, in edge order, with the Hilbert index of its middle.
struct Snapper::SegmentsByEdge {
    std::vector<Segment> segments;
    std::vector<EdgeId> edges;
    std::vector<std::uint32_t> indices;
    std::vector<std::uint8_t> ends;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> order;  // (Hilbert index, segment)
};

Snapper::Snapper(const RoadGraph& graph) : graph_(&graph)
{
    const BBox box = graph.bounds();
    if (box.isEmpty() || graph.edgeCount() == 0) return;
    originX_ = box.minX;
    originY_ = box.minY;
    SegmentsByEdge byEdge = segmentsByEdge(graph, box);
    storeAlongCurve(byEdge);
    buildLevels();
}

Snapper::SegmentsByEdge Snapper::segmentsByEdge(const RoadGraph& graph, const BBox& box) const
{
    SegmentsByEdge byEdge;
    auto& [segments, edges, indices, ends, order] = byEdge;
    const double scale = 65535.0 / std::max({box.width(), box.height(), 1.0});
    for (EdgeId e = 0; e < graph.edgeCount(); ++e) {
        const RoadGraph::Shape shape = graph.edgeShape(e);
        for (std::size_t i = 0; i + 1 < shape.size(); ++i) {
            const XY a = shape[i];
            const XY b = shape[i + 1];
            const double mx = (a.x + b.x) / 2 - originX_;
            const double my = (a.y + b.y) / 2 - originY_;
            order.emplace_back(hilbertIndex(std::uint32_t(std::clamp(mx * scale, 0.0, 65535.0)),
                                            std::uint32_t(std::clamp(my * scale, 0.0, 65535.0))),
                               std::uint32_t(segments.size()));
            const double lengthSquared = (b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y);
            segments.push_back({float(a.x - originX_), float(a.y - originY_), float(b.x - a.x), float(b.y - a.y),
                                lengthSquared > 0.0 ? float(1.0 / lengthSquared) : 0.0f});
            edges.push_back(e);
            indices.push_back(static_cast<std::uint32_t>(i));
            const bool largest = graph.componentOf(graph.edgeFrom(e)) == graph.largestComponent();
            ends.push_back(std::uint8_t((i == 0 ? kFirstSegment : 0) | (i + 2 == shape.size() ? kLastSegment : 0)
                                        | (largest ? kInLargestComponent : 0)
                                        | (graph.edgeClass(e) == RoadClass::Motorway ? kMotorway : 0)));
        }
    }
    return byEdge;
}

// The segments in the order of their Hilbert indices: neighbours along the curve become
// neighbours in the arrays, so consecutive segments make compact leaves.
void Snapper::storeAlongCurve(SegmentsByEdge& byEdge)
{
    std::sort(byEdge.order.begin(), byEdge.order.end());
    segments_.reserve(byEdge.segments.size());
    segmentEdges_.reserve(byEdge.segments.size());
    segmentIndex_.reserve(byEdge.segments.size());
    segmentEnds_.reserve(byEdge.segments.size());
    for (const auto& [key, i] : byEdge.order) {
        segments_.push_back(byEdge.segments[i]);
        segmentEdges_.push_back(byEdge.edges[i]);
        segmentIndex_.push_back(byEdge.indices[i]);
        segmentEnds_.push_back(byEdge.ends[i]);
    }
}

// Leaves of kFanout consecutive segments, then levels of kFanout nodes up to one root.
void Snapper::buildLevels()
{
    std::vector<Box> leaves((segments_.size() + kFanout - 1) / kFanout);
    for (std::size_t j = 0; j < leaves.size(); ++j) {
        Box b{std::numeric_limits<float>::max(), std::numeric_limits<float>::max(), std::numeric_limits<float>::lowest(),
              std::numeric_limits<float>::lowest()};
        for (std::size_t i = j * kFanout; i < std::min(segments_.size(), (j + 1) * kFanout); ++i) {
            const Segment& s = segments_[i];
            const float bx = s.ax + s.dx, by = s.ay + s.dy;
            b = {std::min({b.minX, s.ax, bx}), std::min({b.minY, s.ay, by}), std::max({b.maxX, s.ax, bx}),
                 std::max({b.maxY, s.ay, by})};
        }
        leaves[j] = b;
    }
    levels_.push_back(std::move(leaves));
    while (levels_.back().size() > 1) {
        const std::vector<Box>& below = levels_.back();
        std::vector<Box> above((below.size() + kFanout - 1) / kFanout);
        for (std::size_t j = 0; j < above.size(); ++j) {
            Box b = below[j * kFanout];
            for (std::size_t i = j * kFanout + 1; i < std::min(below.size(), (j + 1) * kFanout); ++i)
                b = {std::min(b.minX, below[i].minX), std::min(b.minY, below[i].minY), std::max(b.maxX, below[i].maxX),
                     std::max(b.maxY, below[i].maxY)};
            above[j] = b;
        }
        levels_.push_back(std::move(above));
    }
}

struct Snapper::Nearest {
    double px = 0.0;
    double py = 0.0;
    bool largestOnly = false;
    double bestSquared = std::numeric_limits<double>::infinity();
    std::uint32_t best = std::numeric_limits<std::uint32_t>::max();
};

bool Snapper::usable(std::uint32_t segment, bool largestOnly) const
{
    if (largestOnly && !(segmentEnds_[segment] & kInLargestComponent)) return false;
    return graph_->closedEdgeCount() == 0 || !graph_->isEdgeClosed(segmentEdges_[segment]);
}

// Float arithmetic here (the exact position is recomputed in double for the winner).
inline void Snapper::consider(std::uint32_t i, Nearest& nearest) const
{
    const float px = float(nearest.px), py = float(nearest.py);
    const Segment& s = segments_[i];
    const float t = std::clamp(((px - s.ax) * s.dx + (py - s.ay) * s.dy) * s.inverseLengthSquared, 0.0f, 1.0f);
    const float qx = s.ax + t * s.dx - px, qy = s.ay + t * s.dy - py;
    const double squared = qx * qx + qy * qy;
    if (squared > nearest.bestSquared || (squared == nearest.bestSquared && nearest.best < i)) return;
    if (!usable(i, nearest.largestOnly)) return;
    nearest.bestSquared = squared;
    nearest.best = i;
}

// Depth-first branch and bound: children nearest first, pruned once farther than the best.
void Snapper::nearestIn(std::uint32_t level, std::uint32_t node, Nearest& nearest) const
{
    if (level == 0) {
        const std::uint32_t end = std::min<std::uint32_t>(std::uint32_t(segments_.size()), (node + 1) * kFanout);
        for (std::uint32_t i = node * kFanout; i < end; ++i) consider(i, nearest);
        return;
    }
    const std::vector<Box>& children = levels_[level - 1];
    const std::uint32_t first = node * kFanout;
    const std::uint32_t end = std::min<std::uint32_t>(std::uint32_t(children.size()), first + kFanout);
    std::pair<double, std::uint32_t> byDistance[kFanout];
    std::uint32_t count = 0;
    for (std::uint32_t c = first; c < end; ++c) {
        const Box& b = children[c];
        const double dx = std::max({double(b.minX) - nearest.px, 0.0, nearest.px - double(b.maxX)});
        const double dy = std::max({double(b.minY) - nearest.py, 0.0, nearest.py - double(b.maxY)});
        const double squared = dx * dx + dy * dy;
        if (squared > nearest.bestSquared) continue;
        std::uint32_t k = count++;
        for (; k > 0 && byDistance[k - 1].first > squared; --k) byDistance[k] = byDistance[k - 1];
        byDistance[k] = {squared, c};
    }
    for (std::uint32_t k = 0; k < count; ++k) {
        if (byDistance[k].first > nearest.bestSquared) break;
        nearestIn(level - 1, byDistance[k].second, nearest);
    }
}

// --- multi-entry snapping

// Every usable segment within a radius of a point.
struct Snapper::Within {
    double px = 0.0;
    double py = 0.0;
    double radiusSquared = 0.0;
    bool largestOnly = false;
    struct Candidate {
        double squared;
        EdgeId edge;
        std::uint32_t segment;
        std::int8_t end;  // the nearest point is the edge's from-node (0), to-node (1), or inside (-1)
    };
    std::vector<Candidate>* out = nullptr;
};

void Snapper::withinIn(std::uint32_t level, std::uint32_t node, Within& within) const
{
    if (level == 0) {
        const float px = float(within.px), py = float(within.py);
        const std::uint32_t end = std::min<std::uint32_t>(std::uint32_t(segments_.size()), (node + 1) * kFanout);
        for (std::uint32_t i = node * kFanout; i < end; ++i) {
            const Segment& s = segments_[i];
            const float t = std::clamp(((px - s.ax) * s.dx + (py - s.ay) * s.dy) * s.inverseLengthSquared, 0.0f, 1.0f);
            const float qx = s.ax + t * s.dx - px, qy = s.ay + t * s.dy - py;
            const double squared = qx * qx + qy * qy;
            // Motorways are entered at interchanges only, never from the local roads.
            if (squared > within.radiusSquared || (segmentEnds_[i] & kMotorway) || !usable(i, within.largestOnly)) continue;
            // Whether the nearest point of the segment is an end node of its edge.
            std::int8_t end = -1;
            if (t == 0.0f && (segmentEnds_[i] & kFirstSegment)) end = 0;
            else if (t == 1.0f && (segmentEnds_[i] & kLastSegment)) end = 1;
            within.out->push_back({squared, segmentEdges_[i], i, end});
        }
        return;
    }
    const std::vector<Box>& children = levels_[level - 1];
    const std::uint32_t first = node * kFanout;
    const std::uint32_t end = std::min<std::uint32_t>(std::uint32_t(children.size()), first + kFanout);
    for (std::uint32_t c = first; c < end; ++c) {
        const Box& b = children[c];
        const double dx = std::max({double(b.minX) - within.px, 0.0, within.px - double(b.maxX)});
        const double dy = std::max({double(b.minY) - within.py, 0.0, within.py - double(b.maxY)});
        if (dx * dx + dy * dy <= within.radiusSquared) withinIn(level - 1, c, within);
    }
}

namespace {

// 32-bit ids (nodes, edges) to 32-bit values for the small searches of multi-entry snapping:
// open addressing, cleared in the time of what was used (a search touches tens of nodes on a
// coarse network, a few hundred on a dense one, never the whole graph).
class SmallIdMap {
public:
    static constexpr std::uint32_t kAbsent = 0xFFFFFFFFu;

    void clear()
    {
        for (const std::uint32_t slot : used_) keys_[slot] = kAbsent;
        used_.clear();
    }
    std::uint32_t get(std::uint32_t key) const
    {
        if (keys_.empty()) return kAbsent;
        for (std::uint32_t slot = hash(key);; slot = (slot + 1) & mask_) {
            if (keys_[slot] == key) return values_[slot];
            if (keys_[slot] == kAbsent) return kAbsent;
        }
    }
    bool contains(std::uint32_t key) const { return get(key) != kAbsent; }
    // The value of `key`, inserted as kAbsent when new. Valid until the next call.
    std::uint32_t& operator[](std::uint32_t key)
    {
        if (2 * (used_.size() + 1) > keys_.size()) grow();
        std::uint32_t slot = hash(key);
        for (; keys_[slot] != key && keys_[slot] != kAbsent; slot = (slot + 1) & mask_) {
        }
        if (keys_[slot] == kAbsent) {
            keys_[slot] = key;
            values_[slot] = kAbsent;
            used_.push_back(slot);
        }
        return values_[slot];
    }
    // Lowers the value of `key` to `value`; true when it was higher (or absent).
    bool lower(std::uint32_t key, std::uint32_t value)
    {
        std::uint32_t& current = (*this)[key];
        if (value >= current) return false;
        current = value;
        return true;
    }

private:
    std::uint32_t hash(std::uint32_t key) const { return (key * 0x9E3779B1u) >> shift_; }
    void grow()
    {
        std::vector<std::pair<std::uint32_t, std::uint32_t>> entries;
        for (const std::uint32_t slot : used_) entries.emplace_back(keys_[slot], values_[slot]);
        const std::size_t capacity = std::max<std::size_t>(64, keys_.size() * 2);
        keys_.assign(capacity, kAbsent);
        values_.assign(capacity, kAbsent);
        mask_ = std::uint32_t(capacity - 1);
        shift_ = 32 - std::uint32_t(std::countr_zero(capacity));
        used_.clear();
        for (const auto& [key, value] : entries) (*this)[key] = value;
    }

    std::vector<std::uint32_t> keys_;
    std::vector<std::uint32_t> values_;
    std::vector<std::uint32_t> used_;
    std::uint32_t mask_ = 0;
    std::uint32_t shift_ = 32;
};
static_assert(SmallIdMap::kAbsent == kUnreached && SmallIdMap::kAbsent == kNoNode);

}  // namespace

// Scratch memory of multi-entry snapping, one per thread, reused from point to point.
struct Snapper::EntryWorkspace {
    std::vector<Within::Candidate> segments;           // every segment within the radius
    std::vector<Within::Candidate> candidates;         // the nearest point of each edge worth trying
    SmallIdMap edgeCandidate;                          // edge -> index in `candidates`
    SmallIdMap needed;                                 // nodes whose time the dominance test reads
    SmallIdMap times;                                  // node -> time of the dominance search
    std::vector<std::pair<Deciseconds, NodeId>> heap;  // min-heap by time, stale pairs skipped
};

SnapEntry Snapper::entryOn(XY point, std::uint32_t segment, const SnapOptions& options) const
{
    const EdgeId e = segmentEdges_[segment];
    const std::uint32_t index = segmentIndex_[segment];
    const RoadGraph::Shape shape = graph_->edgeShape(e);
    double along = 0.0;
    for (std::uint32_t i = 0; i < index; ++i) along += std::hypot(shape[i + 1].x - shape[i].x, shape[i + 1].y - shape[i].y);
    const XY a = shape[index];
    const XY b = shape[index + 1];
    const Projection p = project(point.x, point.y, a.x, a.y, b.x, b.y);
    along += p.t * std::hypot(b.x - a.x, b.y - a.y);
    const double length = shape.length();

    SnapEntry entry;
    entry.edge = e;
    entry.fraction = length > 0.0 ? std::clamp(along / length, 0.0, 1.0) : 0.0;
    entry.onRoad = {a.x + p.t * (b.x - a.x), a.y + p.t * (b.y - a.y)};
    entry.offsetMetres = std::sqrt(p.squared);
    entry.accessMetres = entry.offsetMetres * options.accessDetour;
    entry.accessTime = toDeciseconds(entry.accessMetres / (options.accessSpeedKmh / 3.6));
    return entry;
}

namespace {

// Whether an edge whose nearest point to `point` is its end node (`end` 0: from-node, 1:
// to-node), at `distance`, is the continuation of a nearer edge of the same road: that node is
// shared with only one other edge, which comes nearer. Such an entry (the node) is reached along
// the nearer edge at road speed, which is usually no slower than its own leg; but farther along
// a road, a point may be a better entry than the road's nearest point (at most 2 % of the
// distance in seconds). One continuation every kContinuationRing metres of distance from the
// place is therefore kept (the edge that crosses a ring of that radius): a dense network's
// thousand 30 m edges within the radius come down to a few tens, and a coarse network's 1.6 km
// edges nearly all stay.
bool continuesNearerEdge(const RoadGraph& graph, EdgeId edge, int end, double distance, EdgeId nearestEdge, XY point)
{
    constexpr double kContinuationRing = 500.0;
    if (end < 0) return false;
    const NodeId node = end == 0 ? graph.edgeFrom(edge) : graph.edgeTo(edge);
    const NodeId far = end == 0 ? graph.edgeTo(edge) : graph.edgeFrom(edge);
    const XY farPosition = graph.nodePosition(far);
    const double farDistance = std::hypot(farPosition.x - point.x, farPosition.y - point.y);
    if (std::floor(distance / kContinuationRing) != std::floor(farDistance / kContinuationRing)) return false;
    if (graph.endArc(node) - graph.firstArc(node) != 2) return false;
    const std::uint32_t first = graph.firstArc(node);
    const EdgeId other = graph.arcEdge(first) == edge ? graph.arcEdge(first + 1) : graph.arcEdge(first);
    if (other == edge) return false;
    if (other == nearestEdge) return true;
    // Does the other edge come nearer than the node, leaving it? Its first segment from the
    // node tells (a winding edge that comes back nearer further on is kept: harmless).
    const RoadGraph::Shape shape = graph.edgeShape(other);
    const bool fromNode = graph.edgeFrom(other) == node;
    const XY a = graph.nodePosition(node), b = shape[fromNode ? 1 : shape.size() - 2];
    const double leaving = (point.x - a.x) * (b.x - a.x) + (point.y - a.y) * (b.y - a.y);
    return leaving > 0.0 || (leaving == 0.0 && other < edge);
}

// A parallel copy of a kept entry's edge (two itineraries drawn on the same road): same end
// nodes, same place on the road.
bool copiesKeptEntry(const RoadGraph& graph, const Snap& snap, const SnapEntry& entry, const SnapSides& sides)
{
    constexpr double kSamePlaceMetres = 1.0;
    for (int k = 0; k < snap.entryCount(); ++k) {
        const SnapEntry& kept = snap.entry(k);
        const NodeId from = graph.edgeFrom(kept.edge), to = graph.edgeTo(kept.edge);
        const bool sameEnds =
            (from == sides.fromNode && to == sides.toNode) || (from == sides.toNode && to == sides.fromNode);
        if (sameEnds && std::hypot(kept.onRoad.x - entry.onRoad.x, kept.onRoad.y - entry.onRoad.y) <= kSamePlaceMetres)
            return true;
    }
    return false;
}

// The dominance test of Snapper::addEntries: a Dijkstra on two-way open roads seeded with the
// kept entries (their leg plus the part of their edge), grown only as far as a candidate's leg
// asks. It runs over the nodes that matter (junctions, dead ends, the `needed` ends of the
// candidates), walking straight through the plain nodes of a road, and never beyond `horizon`
// (the leg of the farthest candidate plus the margin).
class DominanceSearch {
public:
    DominanceSearch(const RoadGraph& graph, SmallIdMap& needed, SmallIdMap& times,
                    std::vector<std::pair<Deciseconds, NodeId>>& heap, std::uint64_t horizon)
        : graph_(graph), needed_(needed), times_(times), heap_(heap), horizon_(horizon)
    {
        needed_.clear();
        times_.clear();
        heap_.clear();
    }

    void need(EdgeId edge) { needed_[graph_.edgeFrom(edge)] = needed_[graph_.edgeTo(edge)] = 1; }

    // A kept entry: the search starts from both ends of its edge. One-way entries dominate
    // nothing (conservative).
    void seed(const SnapEntry& entry)
    {
        const SnapSides sides = snapSides(graph_, entry);
        if (!sides.open || !sides.twoWay) return;
        offer(sides.fromNode, std::uint64_t(entry.accessTime) + sides.fromSideTime);
        offer(sides.toNode, std::uint64_t(entry.accessTime) + sides.toSideTime);
    }

    // Whether the kept entries reach the position of `entry` within its own leg plus `margin`:
    // then it is never the better way in or out.
    bool dominates(const SnapEntry& entry, const SnapSides& sides, Deciseconds margin)
    {
        if (!sides.open || !sides.twoWay) return false;
        const std::uint64_t bound = std::uint64_t(entry.accessTime) + margin;
        settleUpTo(bound);
        const std::uint64_t viaFrom = std::uint64_t(times_.get(sides.fromNode)) + sides.fromSideTime;
        const std::uint64_t viaTo = std::uint64_t(times_.get(sides.toNode)) + sides.toSideTime;
        return std::min(viaFrom, viaTo) <= bound;
    }

private:
    static constexpr std::uint32_t kBothWays = RoadGraph::Arc::kForwardBit | RoadGraph::Arc::kBackwardBit;

    static bool later(const std::pair<Deciseconds, NodeId>& a, const std::pair<Deciseconds, NodeId>& b)
    {
        return a.first > b.first;
    }

    // A plain node of a road: two arcs, both two-way and open, not needed by the test.
    bool plain(NodeId node) const
    {
        const std::span<const RoadGraph::Arc> arcs = graph_.arcsOf(node);
        return arcs.size() == 2 && (arcs[0].packed & kBothWays) == kBothWays && (arcs[1].packed & kBothWays) == kBothWays
               && !needed_.contains(node);
    }

    void offer(NodeId node, std::uint64_t t)
    {
        if (t > horizon_) return;
        if (times_.lower(node, Deciseconds(t))) {
            heap_.emplace_back(Deciseconds(t), node);
            std::push_heap(heap_.begin(), heap_.end(), later);
        }
    }

    void settleUpTo(std::uint64_t limit)
    {
        while (!heap_.empty() && heap_.front().first <= limit) {
            std::pop_heap(heap_.begin(), heap_.end(), later);
            const auto [t, u] = heap_.back();
            heap_.pop_back();
            if (t != times_.get(u)) continue;  // stale
            for (const RoadGraph::Arc& arc : graph_.arcsOf(u)) {
                if ((arc.packed & kBothWays) != kBothWays) continue;
                // Walk through the plain nodes of the road to the next node that matters.
                std::uint64_t at = std::uint64_t(t) + arc.time();
                NodeId previous = u, node = arc.head;
                while (node != u && at <= horizon_ && plain(node)) {
                    const std::span<const RoadGraph::Arc> arcs = graph_.arcsOf(node);
                    const RoadGraph::Arc& next = arcs[0].head == previous ? arcs[1] : arcs[0];
                    if (next.head == previous) break;  // two edges between the same nodes
                    at += next.time();
                    previous = node;
                    node = next.head;
                }
                offer(node, at);
            }
        }
    }

    const RoadGraph& graph_;
    SmallIdMap& needed_;
    SmallIdMap& times_;
    std::vector<std::pair<Deciseconds, NodeId>>& heap_;
    std::uint64_t horizon_;
};

}  // namespace

// Fills workspace.candidates with the nearest point of each edge within `radius` of `point`
// worth trying as another entry of `snap`, nearest first: not the nearest entry's own edge, and
// not the continuation of a nearer edge of the same road (continuesNearerEdge).
void Snapper::entryCandidates(const Snap& snap, XY point, double radius, const SnapOptions& options,
                              EntryWorkspace& workspace) const
{
    std::vector<Within::Candidate>& segments = workspace.segments;
    std::vector<Within::Candidate>& candidates = workspace.candidates;
    SmallIdMap& edgeCandidate = workspace.edgeCandidate;
    segments.clear();
    candidates.clear();
    edgeCandidate.clear();
    Within within;
    within.px = point.x - originX_;
    within.py = point.y - originY_;
    within.radiusSquared = radius * radius;
    within.largestOnly = options.largestComponentOnly;
    within.out = &segments;
    withinIn(std::uint32_t(levels_.size()), 0, within);
    const auto nearer = [](const Within::Candidate& a, const Within::Candidate& b) {
        return a.squared != b.squared ? a.squared < b.squared : (a.edge != b.edge ? a.edge < b.edge : a.segment < b.segment);
    };
    const auto continuation = [&](const Within::Candidate& c) {
        return continuesNearerEdge(*graph_, c.edge, c.end, std::sqrt(c.squared), snap.edge, point);
    };
    const auto oneSegment = [&](const Within::Candidate& c) {
        return (segmentEnds_[c.segment] & (kFirstSegment | kLastSegment)) == (kFirstSegment | kLastSegment);
    };
    bool longerEdges = false;
    for (const Within::Candidate& c : segments) {
        if (c.edge == snap.edge) continue;  // the nearest entry's own edge
        if (oneSegment(c)) {
            // An edge of one segment (most edges of coarse and densified networks): its nearest
            // point is known, no other segment to compare with.
            if (!continuation(c)) candidates.push_back(c);
            continue;
        }
        longerEdges = true;
        std::uint32_t& index = edgeCandidate[c.edge];
        if (index == SmallIdMap::kAbsent) {
            index = std::uint32_t(candidates.size());
            candidates.push_back(c);
        } else if (nearer(c, candidates[index])) {
            candidates[index] = c;
        }
    }
    if (longerEdges)
        std::erase_if(candidates, [&](const Within::Candidate& c) { return !oneSegment(c) && continuation(c); });
    std::sort(candidates.begin(), candidates.end(), nearer);
}

// Adds to an Ok snap (holding its nearest entry) the other edges within the entry radius that
// no kept entry dominates (see the class comment), in increasing access time, up to
// maxEntries. A candidate whose position the dominance search from the kept entries reaches
// within its own leg (plus the margin) is never the better way in or out.
//
// Two things keep this cheap on dense networks (OSM, ~30 m edges), where a disk of a few km
// holds a thousand edges: an edge that only continues a nearer edge of the same road is not a
// candidate (continuesNearerEdge); and the search walks straight through the plain nodes of a
// road (DominanceSearch).
void Snapper::addEntries(Snap& snap, XY point, const SnapOptions& options, EntryWorkspace& workspace) const
{
    const double radius = std::min(snap.offsetMetres + options.entryRadiusMetres, options.maxSnapMetres);
    snap.directMetres = radius;
    if (options.maxEntries <= 1) return;

    entryCandidates(snap, point, radius, options, workspace);
    const std::vector<Within::Candidate>& candidates = workspace.candidates;
    if (candidates.empty()) return;

    // No candidate's test reads a time beyond the leg of the farthest one plus the margin.
    const Deciseconds margin = toDeciseconds(options.entryMarginSeconds);
    const std::uint64_t horizon =
        std::uint64_t(toDeciseconds(radius * options.accessDetour / (options.accessSpeedKmh / 3.6))) + margin;
    DominanceSearch search(*graph_, workspace.needed, workspace.times, workspace.heap, horizon);
    search.need(snap.edge);
    for (const Within::Candidate& c : candidates) search.need(c.edge);

    search.seed(snap);
    for (const Within::Candidate& candidate : candidates) {
        if (snap.entryCount() >= options.maxEntries) break;
        const SnapEntry entry = entryOn(point, candidate.segment, options);
        if (entry.offsetMetres > radius) continue;
        const SnapSides sides = snapSides(*graph_, entry);
        if (copiesKeptEntry(*graph_, snap, entry, sides)) continue;
        if (search.dominates(entry, sides, margin)) continue;
        snap.extras[snap.extraCount++] = entry;
        search.seed(entry);
    }
}

Snap Snapper::snap(XY point, const SnapOptions& options) const
{
    checkOptions(options);
    std::uint32_t hint = kNoHint;
    EntryWorkspace workspace;
    return snapNear(point, options, hint, workspace);
}

// `hint` is the segment that won the previous query of a batch: the points of a coverage
// grid come row by row, so it is close to the answer, and starting from its distance
// prunes most of the tree. The result is the same as without it (ties go to the lowest
// segment either way).
Snap Snapper::snapNear(XY point, const SnapOptions& options, std::uint32_t& hint, EntryWorkspace& workspace) const
{
    Snap result;
    result.point = point;
    if (!std::isfinite(point.x) || !std::isfinite(point.y)) {
        result.status = SnapStatus::InvalidPoint;
        return result;
    }
    if (segments_.empty()) return result;  // NoRoad

    Nearest nearest;
    nearest.px = point.x - originX_;
    nearest.py = point.y - originY_;
    nearest.largestOnly = options.largestComponentOnly;
    if (hint < segments_.size()) consider(hint, nearest);
    nearestIn(std::uint32_t(levels_.size()), 0, nearest);
    if (nearest.best == std::numeric_limits<std::uint32_t>::max()) return result;  // NoRoad: all closed
    hint = nearest.best;

    static_cast<SnapEntry&>(result) = entryOn(point, nearest.best, options);
    if (result.offsetMetres > options.maxSnapMetres) {
        result.status = SnapStatus::TooFar;
        result.accessMetres = 0.0;
        result.accessTime = 0;
        return result;
    }
    result.status = SnapStatus::Ok;
    result.legDetour = options.accessDetour;
    result.legSecondsPerMetre = options.accessDetour / (options.accessSpeedKmh / 3.6);
    if (options.entryRadiusMetres > 0.0) addEntries(result, point, options, workspace);
    return result;
}

std::vector<Snap> Snapper::snapAll(std::span<const XY> points, const SnapOptions& options, unsigned threads) const
{
    checkOptions(options);
    std::vector<Snap> result(points.size());
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    // Below a few thousand points, starting threads costs more than it saves.
    threads = std::min<unsigned>(threads, unsigned(points.size() / 4096) + 1);
    const auto snapRange = [&](std::size_t begin, std::size_t end) {
        std::uint32_t hint = kNoHint;
        EntryWorkspace workspace;
        for (std::size_t i = begin; i < end; ++i) result[i] = snapNear(points[i], options, hint, workspace);
    };
    if (threads <= 1) {
        snapRange(0, points.size());
        return result;
    }
    std::vector<std::thread> workers;
    const std::size_t chunk = (points.size() + threads - 1) / threads;
    for (unsigned t = 1; t < threads; ++t)
        workers.emplace_back(snapRange, std::min(points.size(), t * chunk), std::min(points.size(), (t + 1) * chunk));
    snapRange(0, std::min(points.size(), chunk));
    for (std::thread& w : workers) w.join();
    return result;
}

std::size_t Snapper::memoryBytes() const
{
    std::size_t bytes = sizeof(*this) + segments_.capacity() * sizeof(Segment) + segmentEdges_.capacity() * sizeof(EdgeId)
                        + segmentIndex_.capacity() * sizeof(std::uint32_t) + segmentEnds_.capacity();
    for (const std::vector<Box>& level : levels_) bytes += level.capacity() * sizeof(Box);
    return bytes;
}

}  // namespace maillage

namespace maillage {

std::vector<char> Snapper::toBytes() const
{
    std::vector<char> bytes;
    const std::uint64_t counts[3] = {graph_ ? graph_->edgeCount() : 0, segments_.size(), levels_.size()};
    raw_bytes::append(bytes, counts, 3);
    raw_bytes::append(bytes, &originX_, 1);
    raw_bytes::append(bytes, &originY_, 1);
    raw_bytes::append(bytes, segments_.data(), segments_.size());
    raw_bytes::append(bytes, segmentEdges_.data(), segmentEdges_.size());
    raw_bytes::append(bytes, segmentIndex_.data(), segmentIndex_.size());
    raw_bytes::append(bytes, segmentEnds_.data(), segmentEnds_.size());
    for (const std::vector<Box>& level : levels_) {
        const std::uint64_t size = level.size();
        raw_bytes::append(bytes, &size, 1);
        raw_bytes::append(bytes, level.data(), level.size());
    }
    return bytes;
}

std::optional<Snapper> Snapper::fromBytes(const RoadGraph& graph, std::span<const char> bytes)
{
    std::uint64_t counts[3];
    if (!raw_bytes::read(bytes, counts, 3) || counts[0] != graph.edgeCount() || counts[1] > bytes.size() || counts[2] > 64)
        return std::nullopt;
    Snapper snapper;
    snapper.graph_ = &graph;
    const std::size_t segments = counts[1];
    snapper.segments_.resize(segments);
    snapper.segmentEdges_.resize(segments);
    snapper.segmentIndex_.resize(segments);
    snapper.segmentEnds_.resize(segments);
    if (!raw_bytes::read(bytes, &snapper.originX_, 1) || !raw_bytes::read(bytes, &snapper.originY_, 1)
        || !raw_bytes::read(bytes, snapper.segments_.data(), segments)
        || !raw_bytes::read(bytes, snapper.segmentEdges_.data(), segments)
        || !raw_bytes::read(bytes, snapper.segmentIndex_.data(), segments)
        || !raw_bytes::read(bytes, snapper.segmentEnds_.data(), segments))
        return std::nullopt;
    // A segment naming an edge or a shape point the graph does not have would be read out of bounds.
    for (std::size_t i = 0; i < segments; ++i)
        if (snapper.segmentEdges_[i] >= graph.edgeCount()
            || snapper.segmentIndex_[i] + 1 >= graph.edgeShape(snapper.segmentEdges_[i]).size())
            return std::nullopt;
    std::size_t below = segments;
    for (std::uint64_t l = 0; l < counts[2]; ++l) {
        std::uint64_t size = 0;
        // Each level has one box per kFanout boxes (or segments) of the level below.
        if (!raw_bytes::read(bytes, &size, 1) || size != (below + kFanout - 1) / kFanout) return std::nullopt;
        std::vector<Box> level(size);
        if (!raw_bytes::read(bytes, level.data(), size)) return std::nullopt;
        snapper.levels_.push_back(std::move(level));
        below = size;
    }
    if (!bytes.empty() || (segments > 0 && (snapper.levels_.empty() || snapper.levels_.back().size() != 1)))
        return std::nullopt;
    return snapper;
}

}  // namespace maillage
