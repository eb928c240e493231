#include "population/cell_resampling.h"

#include "common/error.h"

#include <ogr_geometry.h>

#include <cmath>
#include <memory>

namespace maillage {
namespace {

double ringArea(const std::vector<XY>& ring)
{
    double twice = 0.0;
    for (std::size_t i = 0, n = ring.size(); i < n; ++i) {
        const XY& a = ring[i];
        const XY& b = ring[(i + 1) % n];
        twice += a.x * b.y - b.x * a.y;
    }
    return std::abs(twice) / 2.0;
}

// One Sutherland–Hodgman step: keeps the part of `ring` where inside(p) holds.
template <typename Inside, typename Cross>
std::vector<XY> clip(const std::vector<XY>& ring, Inside inside, Cross cross)
{
    std::vector<XY> out;
    for (std::size_t i = 0, n = ring.size(); i < n; ++i) {
        const XY& a = ring[i];
        const XY& b = ring[(i + 1) % n];
        const bool aIn = inside(a), bIn = inside(b);
        if (aIn) out.push_back(a);
        if (aIn != bIn) out.push_back(cross(a, b));
    }
    return out;
}

XY atX(const XY& a, const XY& b, double x) { return {x, a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x)}; }
XY atY(const XY& a, const XY& b, double y) { return {a.x + (b.x - a.x) * (y - a.y) / (b.y - a.y), y}; }

// Cells whose raster positions overlap `box`, visited as (cell index, cell rectangle).
template <typename Visit>
void forCellsIn(const CellFrame& frame, const BBox& box, Visit visit)
{
    const int c0 = std::max(0, int(std::floor((box.minX - frame.west) / frame.cellSize)));
    const int c1 = std::min(frame.columns - 1, int(std::floor((box.maxX - frame.west) / frame.cellSize)));
    const int r0 = std::max(0, int(std::floor((frame.north - box.maxY) / frame.cellSize)));
    const int r1 = std::min(frame.rows - 1, int(std::floor((frame.north - box.minY) / frame.cellSize)));
    for (int r = r0; r <= r1; ++r)
        for (int c = c0; c <= c1; ++c) {
            const std::int32_t cell = frame.cellOfRaster[std::size_t(r) * std::size_t(frame.columns) + std::size_t(c)];
            if (cell < 0) continue;
            const double x = frame.west + c * frame.cellSize, y = frame.north - (r + 1) * frame.cellSize;
            visit(std::size_t(cell), BBox{x, y, x + frame.cellSize, y + frame.cellSize});
        }
}

}  // namespace

double quadRectangleOverlap(const std::array<XY, 4>& quad, const BBox& r)
{
    std::vector<XY> ring(quad.begin(), quad.end());
    ring = clip(
        ring, [&](const XY& p) { return p.x >= r.minX; }, [&](const XY& a, const XY& b) { return atX(a, b, r.minX); });
    ring = clip(
        ring, [&](const XY& p) { return p.x <= r.maxX; }, [&](const XY& a, const XY& b) { return atX(a, b, r.maxX); });
    ring = clip(
        ring, [&](const XY& p) { return p.y >= r.minY; }, [&](const XY& a, const XY& b) { return atY(a, b, r.minY); });
    ring = clip(
        ring, [&](const XY& p) { return p.y <= r.maxY; }, [&](const XY& a, const XY& b) { return atY(a, b, r.maxY); });
    return ring.size() < 3 ? 0.0 : ringArea(ring);
}

std::vector<double> resampleOnCells(const PopulationPieces& pieces, const CellFrame& frame)
{
    if (!(frame.cellSize > 0.0) || frame.cellOfRaster.size() != std::size_t(frame.columns) * std::size_t(frame.rows))
        throw Error(QStringLiteral("the grid given to place the population is not valid"));
    std::vector<double> cells(frame.cellCount, 0.0);
    for (std::size_t i = 0; i < pieces.quads.size(); ++i) {
        const std::array<XY, 4>& quad = pieces.quads[i];
        const double area = ringArea({quad.begin(), quad.end()});
        if (!(area > 0.0)) continue;
        BBox box;
        for (const XY& p : quad) box.expand(p);
        const double density = pieces.quadValues[i] / area;
        forCellsIn(frame, box, [&](std::size_t cell, const BBox& rectangle) {
            cells[cell] += density * quadRectangleOverlap(quad, rectangle);
        });
    }
    for (std::size_t i = 0; i < pieces.polygons.size(); ++i) {
        const OGRGeometry& polygon = *pieces.polygons[i];
        double total = 0.0;
        if (wkbFlatten(polygon.getGeometryType()) == wkbPolygon) total = polygon.toPolygon()->get_Area();
        else if (wkbFlatten(polygon.getGeometryType()) == wkbMultiPolygon) total = polygon.toMultiPolygon()->get_Area();
        if (!(total > 0.0)) continue;
        OGREnvelope envelope;
        polygon.getEnvelope(&envelope);
        const double density = pieces.polygonValues[i] / total;
        forCellsIn(frame, BBox{envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY},
                   [&](std::size_t cell, const BBox& r) {
                       OGRLinearRing ring;
                       ring.addPoint(r.minX, r.minY);
                       ring.addPoint(r.maxX, r.minY);
                       ring.addPoint(r.maxX, r.maxY);
                       ring.addPoint(r.minX, r.maxY);
                       ring.closeRings();
                       OGRPolygon square;
                       square.addRing(&ring);
                       const std::unique_ptr<OGRGeometry> overlap(polygon.Intersection(&square));
                       if (!overlap || overlap->IsEmpty()) return;
                       const OGRwkbGeometryType type = wkbFlatten(overlap->getGeometryType());
                       double shared = 0.0;
                       if (type == wkbPolygon) shared = overlap->toPolygon()->get_Area();
                       else if (type == wkbMultiPolygon) shared = overlap->toMultiPolygon()->get_Area();
                       else if (type == wkbGeometryCollection) shared = overlap->toGeometryCollection()->get_Area();
                       cells[cell] += density * shared;
                   });
    }
    for (std::size_t i = 0; i < pieces.points.size(); ++i) {
        const XY p = pieces.points[i];
        const double column = std::floor((p.x - frame.west) / frame.cellSize);
        const double row = std::floor((frame.north - p.y) / frame.cellSize);
        if (!(column >= 0 && column < frame.columns && row >= 0 && row < frame.rows)) continue;
        const std::int32_t cell = frame.cellOfRaster[std::size_t(row) * std::size_t(frame.columns) + std::size_t(column)];
        if (cell >= 0) cells[std::size_t(cell)] += pieces.pointValues[i];
    }
    return cells;
}

std::vector<double> rescalePerCommune(std::span<const double> weights, std::span<const double> fallbackWeights,
                                      std::span<const std::int32_t> communeOfCell, std::span<const qint64> legalPopulation,
                                      std::vector<std::uint8_t>* fellBack)
{
    const std::size_t cellCount = communeOfCell.size();
    if (weights.size() != cellCount || fallbackWeights.size() != cellCount)
        throw Error(
            QStringLiteral("population weights (%1) do not match the grid (%2 cells)").arg(weights.size()).arg(cellCount));
    const std::size_t communes = legalPopulation.size();
    std::vector<double> sum(communes, 0.0);
    for (std::size_t i = 0; i < cellCount; ++i) sum[std::size_t(communeOfCell[i])] += std::max(0.0, weights[i]);
    std::vector<std::uint8_t> fallback(communes, 0);
    std::vector<double> fallbackSum(communes, 0.0);
    for (std::size_t c = 0; c < communes; ++c) fallback[c] = sum[c] > 0.0 ? 0 : 1;
    for (std::size_t i = 0; i < cellCount; ++i) {
        const std::size_t c = std::size_t(communeOfCell[i]);
        if (fallback[c]) fallbackSum[c] += std::max(0.0, fallbackWeights[i]);
    }
    std::vector<double> people(cellCount, 0.0);
    std::vector<double> placed(communes, 0.0);
    std::vector<std::int64_t> largest(communes, -1);
    for (std::size_t i = 0; i < cellCount; ++i) {
        const std::size_t c = std::size_t(communeOfCell[i]);
        const double w = std::max(0.0, fallback[c] ? fallbackWeights[i] : weights[i]);
        const double s = fallback[c] ? fallbackSum[c] : sum[c];
        if (!(s > 0.0) || w == 0.0) continue;
        people[i] = double(legalPopulation[c]) * (w / s);
        placed[c] += people[i];
        if (largest[c] < 0 || people[i] > people[std::size_t(largest[c])]) largest[c] = std::int64_t(i);
    }
    // Rounding leaves a commune a few 1e-12 people off: the largest cell takes the difference,
    // so a commune's cells add up to its legal population.
    for (std::size_t c = 0; c < communes; ++c)
        if (largest[c] >= 0) people[std::size_t(largest[c])] += double(legalPopulation[c]) - placed[c];
    if (fellBack) *fellBack = std::move(fallback);
    return people;
}

}  // namespace maillage
