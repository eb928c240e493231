#include "network/snapping.h"

#include "common/error.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <thread>

namespace maillage {

namespace {

struct Projection {
    double t = 0.0;         // 0 at a, 1 at b
    double squared = 0.0;   // squared distance from the point
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
        throw Error(QStringLiteral("the access detour factor must be a number of at least 1, not %1")
                        .arg(options.accessDetour));
    if (!(options.maxSnapMetres >= 0.0))
        throw Error(QStringLiteral("the maximum snap distance must not be negative (%1 m)")
                        .arg(options.maxSnapMetres));
}

}  // namespace

SnapSides snapSides(const RoadGraph& graph, const Snap& snap)
{
    SnapSides sides;
    if (!snap.ok() || snap.edge >= graph.edgeCount()) return sides;
    const EdgeId e = snap.edge;
    const Deciseconds total = graph.edgeTime(e);
    sides.fromNode = graph.edgeFrom(e);
    sides.toNode = graph.edgeTo(e);
    const double fraction = std::clamp(snap.fraction, 0.0, 1.0);
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

Snapper::Snapper(const RoadGraph& graph) : graph_(&graph)
{
    const BBox box = graph.bounds();
    if (box.isEmpty() || graph.edgeCount() == 0) return;
    originX_ = box.minX;
    originY_ = box.minY;

    // Every shape segment, keyed by the Hilbert index of its middle.
    std::vector<Segment> segments;
    std::vector<EdgeId> edges;
    std::vector<std::uint32_t> indices;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> order;  // (Hilbert index, segment)
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
            segments.push_back({float(a.x - originX_), float(a.y - originY_), float(b.x - a.x),
                                float(b.y - a.y), lengthSquared > 0.0 ? float(1.0 / lengthSquared) : 0.0f});
            edges.push_back(e);
            indices.push_back(static_cast<std::uint32_t>(i));
        }
    }
    std::sort(order.begin(), order.end());
    segments_.reserve(segments.size());
    segmentEdges_.reserve(segments.size());
    segmentIndex_.reserve(segments.size());
    for (const auto& [key, i] : order) {
        segments_.push_back(segments[i]);
        segmentEdges_.push_back(edges[i]);
        segmentIndex_.push_back(indices[i]);
    }

    // Leaves of kFanout consecutive segments, then levels of kFanout nodes up to one root.
    std::vector<Box> leaves((segments_.size() + kFanout - 1) / kFanout);
    for (std::size_t j = 0; j < leaves.size(); ++j) {
        Box b{std::numeric_limits<float>::max(), std::numeric_limits<float>::max(),
              std::numeric_limits<float>::lowest(), std::numeric_limits<float>::lowest()};
        for (std::size_t i = j * kFanout; i < std::min(segments_.size(), (j + 1) * kFanout); ++i) {
            const Segment& s = segments_[i];
            const float bx = s.ax + s.dx, by = s.ay + s.dy;
            b = {std::min({b.minX, s.ax, bx}), std::min({b.minY, s.ay, by}),
                 std::max({b.maxX, s.ax, bx}), std::max({b.maxY, s.ay, by})};
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
                b = {std::min(b.minX, below[i].minX), std::min(b.minY, below[i].minY),
                     std::max(b.maxX, below[i].maxX), std::max(b.maxY, below[i].maxY)};
            above[j] = b;
        }
        levels_.push_back(std::move(above));
    }
}

struct Snapper::Nearest {
    double px = 0.0;
    double py = 0.0;
    bool largestOnly = false;
    std::uint32_t largest = 0;
    double bestSquared = std::numeric_limits<double>::infinity();
    std::uint32_t best = std::numeric_limits<std::uint32_t>::max();
};

// Float arithmetic here (the exact position is recomputed in double for the winner).
inline void Snapper::consider(std::uint32_t i, Nearest& nearest) const
{
    const float px = float(nearest.px), py = float(nearest.py);
    const Segment& s = segments_[i];
    const float t = std::clamp(((px - s.ax) * s.dx + (py - s.ay) * s.dy) * s.inverseLengthSquared, 0.0f, 1.0f);
    const float qx = s.ax + t * s.dx - px, qy = s.ay + t * s.dy - py;
    const double squared = qx * qx + qy * qy;
    if (squared > nearest.bestSquared || (squared == nearest.bestSquared && nearest.best < i)) return;
    const EdgeId e = segmentEdges_[i];
    if (graph_->isEdgeClosed(e)) return;
    if (nearest.largestOnly && graph_->componentOf(graph_->edgeFrom(e)) != nearest.largest) return;
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

Snap Snapper::snap(XY point, const SnapOptions& options) const
{
    checkOptions(options);
    std::uint32_t hint = kNoHint;
    return snapNear(point, options, hint);
}

// `hint` is the segment that won the previous query of a batch: the points of a coverage
// grid come row by row, so it is close to the answer, and starting from its distance
// prunes most of the tree. The result is the same as without it (ties go to the lowest
// segment either way).
Snap Snapper::snapNear(XY point, const SnapOptions& options, std::uint32_t& hint) const
{
    Snap result;
    if (!std::isfinite(point.x) || !std::isfinite(point.y)) {
        result.status = SnapStatus::InvalidPoint;
        return result;
    }
    if (segments_.empty()) return result;  // NoRoad

    Nearest nearest;
    nearest.px = point.x - originX_;
    nearest.py = point.y - originY_;
    nearest.largestOnly = options.largestComponentOnly;
    nearest.largest = graph_->largestComponent();
    if (hint < segments_.size()) consider(hint, nearest);
    nearestIn(std::uint32_t(levels_.size()), 0, nearest);
    if (nearest.best == std::numeric_limits<std::uint32_t>::max()) return result;  // NoRoad: all closed
    hint = nearest.best;

    // Exact position in double precision along the chosen edge's shape.
    const EdgeId e = segmentEdges_[nearest.best];
    const std::uint32_t index = segmentIndex_[nearest.best];
    const RoadGraph::Shape shape = graph_->edgeShape(e);
    double along = 0.0;
    for (std::uint32_t i = 0; i < index; ++i)
        along += std::hypot(shape[i + 1].x - shape[i].x, shape[i + 1].y - shape[i].y);
    const XY a = shape[index];
    const XY b = shape[index + 1];
    const Projection p = project(point.x, point.y, a.x, a.y, b.x, b.y);
    along += p.t * std::hypot(b.x - a.x, b.y - a.y);
    const double length = shape.length();

    result.edge = e;
    result.fraction = length > 0.0 ? std::clamp(along / length, 0.0, 1.0) : 0.0;
    result.onRoad = {a.x + p.t * (b.x - a.x), a.y + p.t * (b.y - a.y)};
    result.offsetMetres = std::sqrt(p.squared);
    if (result.offsetMetres > options.maxSnapMetres) {
        result.status = SnapStatus::TooFar;
        return result;
    }
    result.status = SnapStatus::Ok;
    result.accessMetres = result.offsetMetres * options.accessDetour;
    result.accessTime = toDeciseconds(result.accessMetres / (options.accessSpeedKmh / 3.6));
    return result;
}

std::vector<Snap> Snapper::snapAll(std::span<const XY> points, const SnapOptions& options,
                                   unsigned threads) const
{
    checkOptions(options);
    std::vector<Snap> result(points.size());
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    // Below a few thousand points, starting threads costs more than it saves.
    threads = std::min<unsigned>(threads, unsigned(points.size() / 4096) + 1);
    const auto snapRange = [&](std::size_t begin, std::size_t end) {
        std::uint32_t hint = kNoHint;
        for (std::size_t i = begin; i < end; ++i) result[i] = snapNear(points[i], options, hint);
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
    std::size_t bytes = sizeof(*this) + segments_.capacity() * sizeof(Segment)
                      + segmentEdges_.capacity() * sizeof(EdgeId) + segmentIndex_.capacity() * sizeof(std::uint32_t);
    for (const std::vector<Box>& level : levels_) bytes += level.capacity() * sizeof(Box);
    return bytes;
}

}  // namespace maillage
