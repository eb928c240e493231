#include "geo/commune_index.h"

#include <QtGlobal>

#include <ogr_api.h>
#include <ogr_geometry.h>

#include <algorithm>
#include <cmath>

namespace maillage {
namespace {

// Larger grids buy little: the cells along the outlines dominate anyway.
constexpr int kMaxCellsPerSide = 1024;

bool polygonContains(const OGRPolygon& polygon, const OGRPoint& point)
{
    // No envelope pre-test: it walks the ring as well, doubling the work.
    const OGRLinearRing* exterior = polygon.getExteriorRing();
    if (!exterior || !exterior->isPointInRing(&point, FALSE)) return false;
    for (int i = 0; i < polygon.getNumInteriorRings(); ++i)
        if (polygon.getInteriorRing(i)->isPointInRing(&point, FALSE)) return false;
    return true;
}

BBox envelopeOf(const OGRGeometry& geometry)
{
    OGREnvelope e;
    geometry.getEnvelope(&e);
    return {e.MinX, e.MinY, e.MaxX, e.MaxY};
}

OGRPolygon rectangle(double minX, double minY, double maxX, double maxY)
{
    auto* ring = new OGRLinearRing;
    ring->addPoint(minX, minY);
    ring->addPoint(maxX, minY);
    ring->addPoint(maxX, maxY);
    ring->addPoint(minX, maxY);
    ring->addPoint(minX, minY);
    OGRPolygon polygon;
    polygon.addRingDirectly(ring);
    return polygon;
}

// Contains / Intersects against one commune, through a GEOS prepared geometry when GDAL
// offers it (one conversion for all the cells), else through plain OGR calls.
class PreparedOutline {
public:
    explicit PreparedOutline(const OGRGeometry& geometry)
        : geometry_(geometry),
          prepared_(OGRCreatePreparedGeometry(OGRGeometry::ToHandle(const_cast<OGRGeometry*>(&geometry))))
    {
    }
    ~PreparedOutline()
    {
        if (prepared_) OGRDestroyPreparedGeometry(prepared_);
    }
    Q_DISABLE_COPY(PreparedOutline)

    bool contains(OGRGeometry& other) const
    {
        return prepared_ ? OGRPreparedGeometryContains(prepared_, OGRGeometry::ToHandle(&other))
                         : geometry_.Contains(&other);
    }
    bool intersects(OGRGeometry& other) const
    {
        return prepared_ ? OGRPreparedGeometryIntersects(prepared_, OGRGeometry::ToHandle(&other))
                         : geometry_.Intersects(&other);
    }

private:
    const OGRGeometry& geometry_;
    OGRPreparedGeometryH prepared_;
};

}  // namespace

bool polygonsContain(const OGRGeometry& geometry, XY p)
{
    const OGRPoint point(p.x, p.y);
    switch (wkbFlatten(geometry.getGeometryType())) {
    case wkbPolygon: return polygonContains(*geometry.toPolygon(), point);
    case wkbMultiPolygon:
        for (const OGRPolygon* polygon : *geometry.toMultiPolygon())
            if (polygonContains(*polygon, point)) return true;
        return false;
    default: return geometry.Contains(&point);  // not expected in a territory: let GEOS decide
    }
}

CommuneIndex::CommuneIndex(std::vector<std::shared_ptr<const OGRGeometry>> geometries) : geometries_(std::move(geometries))
{
    const int count = static_cast<int>(geometries_.size());
    std::vector<BBox> boxes(geometries_.size());
    for (int i = 0; i < count; ++i) {
        if (!geometries_[i] || geometries_[i]->IsEmpty()) continue;
        boxes[i] = envelopeOf(*geometries_[i]);
        extent_.expand(boxes[i]);
    }
    if (extent_.isEmpty()) return;  // no cell: find() answers -1

    // About 16 cells per commune of average size, so that most cells lie wholly inside one.
    const double width = std::max(extent_.width(), 1.0);
    const double height = std::max(extent_.height(), 1.0);
    cellSize_ = std::sqrt(width * height / count) / 4.0;
    columns_ = std::clamp(static_cast<int>(std::ceil(width / cellSize_)), 1, kMaxCellsPerSide);
    rows_ = std::clamp(static_cast<int>(std::ceil(height / cellSize_)), 1, kMaxCellsPerSide);
    cellSize_ = std::max(width / columns_, height / rows_);

    const std::size_t cellCount = static_cast<std::size_t>(columns_) * rows_;
    coveredBy_.assign(cellCount, -1);
    std::vector<std::vector<int>> crossing(cellCount);
    for (int i = 0; i < count; ++i) {
        if (boxes[i].isEmpty()) continue;
        const PreparedOutline outline(*geometries_[i]);
        const int firstColumn = cellOf({boxes[i].minX, extent_.minY}) % columns_;
        const int lastColumn = cellOf({boxes[i].maxX, extent_.minY}) % columns_;
        const int firstRow = cellOf({extent_.minX, boxes[i].minY}) / columns_;
        const int lastRow = cellOf({extent_.minX, boxes[i].maxY}) / columns_;
        for (int row = firstRow; row <= lastRow; ++row) {
            for (int column = firstColumn; column <= lastColumn; ++column) {
                const std::size_t cell = static_cast<std::size_t>(row) * columns_ + column;
                const double x = extent_.minX + column * cellSize_;
                const double y = extent_.minY + row * cellSize_;
                OGRPolygon square = rectangle(x, y, x + cellSize_, y + cellSize_);
                if (coveredBy_[cell] < 0 && outline.contains(square)) coveredBy_[cell] = i;
                else if (outline.intersects(square)) crossing[cell].push_back(i);
            }
        }
    }

    cellStart_.reserve(cellCount + 1);
    for (const std::vector<int>& communes : crossing) {
        cellStart_.push_back(static_cast<int>(candidates_.size()));
        candidates_.insert(candidates_.end(), communes.begin(), communes.end());
    }
    cellStart_.push_back(static_cast<int>(candidates_.size()));
}

int CommuneIndex::cellOf(XY p) const
{
    if (columns_ == 0 || !extent_.contains(p)) return -1;
    const int column = std::min(static_cast<int>((p.x - extent_.minX) / cellSize_), columns_ - 1);
    const int row = std::min(static_cast<int>((p.y - extent_.minY) / cellSize_), rows_ - 1);
    return row * columns_ + column;
}

int CommuneIndex::find(XY p) const
{
    const int cell = cellOf(p);
    if (cell < 0) return -1;
    if (coveredBy_[cell] >= 0) return coveredBy_[cell];
    for (int k = cellStart_[cell]; k < cellStart_[cell + 1]; ++k) {
        const int commune = candidates_[k];
        if (polygonsContain(*geometries_[commune], p)) return commune;
    }
    return -1;
}

}  // namespace maillage
