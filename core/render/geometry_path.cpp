#include "render/geometry_path.h"

#include <QPainter>

#include <ogr_api.h>
#include <ogr_geometry.h>

#include <memory>

namespace maillage::render {
namespace {

// Adds the curve's points as one subpath; false (nothing added) when it has fewer than two.
bool addPoints(QPainterPath& path, const OGRSimpleCurve& curve)
{
    const int n = curve.getNumPoints();
    if (n < 2) return false;
    path.moveTo(curve.getX(0), curve.getY(0));
    for (int i = 1; i < n; ++i) path.lineTo(curve.getX(i), curve.getY(i));
    return true;
}

void addRing(QPainterPath& path, const OGRLinearRing& ring)
{
    if (addPoints(path, ring)) path.closeSubpath();
}

// Adds each part of a collection (multi-polygon, multi-line, any collection) with `add`.
void addParts(QPainterPath& path, const OGRGeometry& collection, void (*add)(QPainterPath&, const OGRGeometry&))
{
    for (const OGRGeometry* part : *collection.toGeometryCollection()) add(path, *part);
}

void addArea(QPainterPath& path, const OGRGeometry& geometry)
{
    switch (wkbFlatten(geometry.getGeometryType())) {
    case wkbPolygon: {
        const auto& polygon = *geometry.toPolygon();
        for (const OGRLinearRing* ring : polygon) addRing(path, *ring);
        break;
    }
    case wkbMultiPolygon:
    case wkbGeometryCollection:
    case wkbMultiSurface: addParts(path, geometry, addArea); break;
    default: break;
    }
}

void addLine(QPainterPath& path, const OGRGeometry& geometry)
{
    switch (wkbFlatten(geometry.getGeometryType())) {
    case wkbLineString: addPoints(path, *geometry.toLineString()); break;
    case wkbMultiLineString:
    case wkbGeometryCollection: addParts(path, geometry, addLine); break;
    default: break;
    }
}

}  // namespace

QPainterPath areaPath(const OGRGeometry& geometry)
{
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    addArea(path, geometry);
    return path;
}

QPainterPath linePath(const OGRGeometry& geometry)
{
    QPainterPath path;
    addLine(path, geometry);
    return path;
}

XY labelPoint(const OGRGeometry& geometry, const BBox& bbox)
{
    OGRGeometryH handle = OGR_G_PointOnSurface(OGRGeometry::ToHandle(const_cast<OGRGeometry*>(&geometry)));
    std::unique_ptr<OGRGeometry> point(OGRGeometry::FromHandle(handle));
    if (point && !point->IsEmpty() && wkbFlatten(point->getGeometryType()) == wkbPoint)
        return {point->toPoint()->getX(), point->toPoint()->getY()};
    return {(bbox.minX + bbox.maxX) / 2, (bbox.minY + bbox.maxY) / 2};
}

namespace {

void collectPolygons(const OGRGeometry& geometry, std::vector<QPainterPath>& parts)
{
    switch (wkbFlatten(geometry.getGeometryType())) {
    case wkbPolygon: {
        QPainterPath path = areaPath(geometry);
        if (!path.isEmpty()) parts.push_back(std::move(path));
        break;
    }
    case wkbMultiPolygon:
    case wkbGeometryCollection:
    case wkbMultiSurface:
        for (const OGRGeometry* part : *geometry.toGeometryCollection()) collectPolygons(*part, parts);
        break;
    default: break;
    }
}

}  // namespace

AreaParts::AreaParts(const OGRGeometry* geometry)
{
    if (!geometry) return;
    collectPolygons(*geometry, parts_);
    for (const QPainterPath& part : parts_) boxes_.push_back(part.controlPointRect());
}

void AreaParts::draw(QPainter& painter, const QRectF& extent) const
{
    for (std::size_t i = 0; i < parts_.size(); ++i)
        if (boxes_[i].intersects(extent)) painter.drawPath(parts_[i]);
}

bool AreaParts::meets(const QRectF& rect) const
{
    if (rect.isEmpty()) return !parts_.empty();
    for (std::size_t i = 0; i < parts_.size(); ++i)
        if (boxes_[i].intersects(rect) && parts_[i].intersects(rect)) return true;
    return false;
}

}  // namespace maillage::render
