#include "network/snapping.h"

#include "common/error.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace maillage {

namespace {

// Upper bound on grid cells per segment, so that memory follows the network's size.
constexpr double kCellsPerSegment = 2.0;
constexpr double kMinCellMetres = 20.0;

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

Snapper::Snapper(const RoadGraph& graph, double cellMetres) : graph_(&graph)
{
    // The segments, in float coordinates relative to the grid origin.
    const BBox box = graph.bounds();
    if (box.isEmpty() || graph.edgeCount() == 0) return;
    originX_ = box.minX;
    originY_ = box.minY;
    for (EdgeId e = 0; e < graph.edgeCount(); ++e) {
        const RoadGraph::Shape shape = graph.edgeShape(e);
        for (std::size_t i = 0; i + 1 < shape.size(); ++i) {
            const XY a = shape[i];
            const XY b = shape[i + 1];
            segments_.push_back({float(a.x - originX_), float(a.y - originY_),
                                 float(b.x - originX_), float(b.y - originY_)});
            segmentEdges_.push_back(e);
            segmentIndex_.push_back(static_cast<std::uint32_t>(i));
        }
    }

    const double width = std::max(box.width(), 1.0);
    const double height = std::max(box.height(), 1.0);
    if (cellMetres <= 0.0 || !std::isfinite(cellMetres))
        cellMetres = std::sqrt(width * height / (kCellsPerSegment * double(segments_.size())));
    cell_ = std::max(cellMetres, kMinCellMetres);
    // Never more cells than a few per segment, whatever the caller asked.
    while ((width / cell_ + 1) * (height / cell_ + 1) > 4.0 * double(segments_.size()) + 1024.0)
        cell_ *= 1.5;
    columns_ = static_cast<std::int64_t>(width / cell_) + 1;
    rows_ = static_cast<std::int64_t>(height / cell_) + 1;

    // Each segment is listed in every cell it crosses (row by row), in two counting passes.
    const auto forEachCell = [this](const Segment& s, auto&& visit) {
        const double eps = 1e-6 * cell_;
        const double y0 = std::min(s.ay, s.by);
        const double y1 = std::max(s.ay, s.by);
        const std::int64_t r0 = std::clamp<std::int64_t>(std::int64_t(std::floor((y0 - eps) / cell_)), 0, rows_ - 1);
        const std::int64_t r1 = std::clamp<std::int64_t>(std::int64_t(std::floor((y1 + eps) / cell_)), 0, rows_ - 1);
        const double dy = double(s.by) - s.ay;
        const double dx = double(s.bx) - s.ax;
        for (std::int64_t r = r0; r <= r1; ++r) {
            double xlo, xhi;
            if (std::abs(dy) < 1e-9) {
                xlo = std::min(s.ax, s.bx);
                xhi = std::max(s.ax, s.bx);
            } else {
                const double ylo = std::max(y0, r * cell_);
                const double yhi = std::min(y1, (r + 1) * cell_);
                const double xa = s.ax + (ylo - s.ay) / dy * dx;
                const double xb = s.ax + (yhi - s.ay) / dy * dx;
                xlo = std::min(xa, xb);
                xhi = std::max(xa, xb);
            }
            const std::int64_t c0 = std::clamp<std::int64_t>(std::int64_t(std::floor((xlo - eps) / cell_)), 0, columns_ - 1);
            const std::int64_t c1 = std::clamp<std::int64_t>(std::int64_t(std::floor((xhi + eps) / cell_)), 0, columns_ - 1);
            for (std::int64_t c = c0; c <= c1; ++c) visit(r * columns_ + c);
        }
    };
    cellStart_.assign(std::size_t(rows_ * columns_) + 1, 0);
    for (const Segment& s : segments_) forEachCell(s, [&](std::int64_t cell) { ++cellStart_[cell + 1]; });
    for (std::size_t c = 1; c < cellStart_.size(); ++c) cellStart_[c] += cellStart_[c - 1];
    cellSegments_.resize(cellStart_.back());
    std::vector<std::uint32_t> fill(cellStart_.begin(), cellStart_.end() - 1);
    for (std::uint32_t i = 0; i < segments_.size(); ++i)
        forEachCell(segments_[i], [&](std::int64_t cell) { cellSegments_[fill[cell]++] = i; });
}

Snap Snapper::snap(XY point, const SnapOptions& options) const
{
    checkOptions(options);
    Snap result;
    if (!std::isfinite(point.x) || !std::isfinite(point.y)) {
        result.status = SnapStatus::InvalidPoint;
        return result;
    }
    if (segments_.empty()) return result;  // NoRoad

    const RoadGraph& graph = *graph_;
    const std::uint32_t largest = graph.largestComponent();
    const double px = point.x - originX_;
    const double py = point.y - originY_;
    const std::int64_t cx = std::int64_t(std::floor(px / cell_));
    const std::int64_t cy = std::int64_t(std::floor(py / cell_));
    const double border = std::min({px - cx * cell_, (cx + 1) * cell_ - px, py - cy * cell_, (cy + 1) * cell_ - py});
    const std::int64_t firstRing = std::max<std::int64_t>({0, cx - (columns_ - 1), -cx, cy - (rows_ - 1), -cy});

    double bestSquared = std::numeric_limits<double>::infinity();
    std::uint32_t best = std::numeric_limits<std::uint32_t>::max();
    const auto visitCell = [&](std::int64_t c, std::int64_t r) {
        const std::size_t cell = std::size_t(r * columns_ + c);
        for (std::uint32_t k = cellStart_[cell]; k < cellStart_[cell + 1]; ++k) {
            const std::uint32_t i = cellSegments_[k];
            const Segment& s = segments_[i];
            const double squared = project(px, py, s.ax, s.ay, s.bx, s.by).squared;
            if (squared > bestSquared) continue;
            if (squared == bestSquared && best < i) continue;  // deterministic ties
            const EdgeId e = segmentEdges_[i];
            if (graph.isEdgeClosed(e)) continue;
            if (options.largestComponentOnly && graph.componentOf(graph.edgeFrom(e)) != largest) continue;
            bestSquared = squared;
            best = i;
        }
    };

    double reached = 0.0;  // every segment closer than this has been examined
    for (std::int64_t k = firstRing;; ++k) {
        const std::int64_t rLo = std::max<std::int64_t>(cy - k, 0), rHi = std::min(cy + k, rows_ - 1);
        const std::int64_t cLo = std::max<std::int64_t>(cx - k, 0), cHi = std::min(cx + k, columns_ - 1);
        for (std::int64_t r = rLo; r <= rHi; ++r) {
            if (r == cy - k || r == cy + k) {
                for (std::int64_t c = cLo; c <= cHi; ++c) visitCell(c, r);
            } else {
                if (cx - k >= 0 && cx - k < columns_) visitCell(cx - k, r);
                if (k > 0 && cx + k >= 0 && cx + k < columns_) visitCell(cx + k, r);
            }
        }
        reached = k * cell_ + border;
        const bool wholeGrid = cx - k <= 0 && cy - k <= 0 && cx + k >= columns_ - 1 && cy + k >= rows_ - 1;
        if (wholeGrid) reached = std::numeric_limits<double>::infinity();
        if (bestSquared <= reached * reached) break;                  // nearest found
        if (reached > options.maxSnapMetres) break;                   // nearest is too far anyway
    }

    if (best == std::numeric_limits<std::uint32_t>::max()) {
        result.status = std::isinf(reached) ? SnapStatus::NoRoad : SnapStatus::TooFar;
        result.offsetMetres = std::isinf(reached) ? 0.0 : reached;
        return result;
    }

    // Exact position in double precision along the chosen edge's shape.
    const EdgeId e = segmentEdges_[best];
    const std::uint32_t index = segmentIndex_[best];
    const RoadGraph::Shape shape = graph.edgeShape(e);
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

std::vector<Snap> Snapper::snapAll(std::span<const XY> points, const SnapOptions& options) const
{
    checkOptions(options);
    std::vector<Snap> result;
    result.reserve(points.size());
    for (const XY& p : points) result.push_back(snap(p, options));
    return result;
}

std::size_t Snapper::memoryBytes() const
{
    return sizeof(*this) + cellStart_.capacity() * sizeof(std::uint32_t)
         + cellSegments_.capacity() * sizeof(std::uint32_t) + segments_.capacity() * sizeof(Segment)
         + segmentEdges_.capacity() * sizeof(EdgeId) + segmentIndex_.capacity() * sizeof(std::uint32_t);
}

}  // namespace maillage
