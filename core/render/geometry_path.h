#pragma once

#include "geo/types.h"

#include <QPainterPath>
#include <QPointF>
#include <QRectF>

#include <vector>

class QPainter;

class OGRGeometry;

namespace maillage::render {

// The outline of an OGR geometry (Lambert-93) as a painter path in map coordinates, kept
// once and drawn through the view transform. Polygons use odd-even fill so holes stay holes;
// lines and points inside collections are ignored for areas and vice versa.
QPainterPath areaPath(const OGRGeometry& geometry);
QPainterPath linePath(const OGRGeometry& geometry);

// An area cut into its polygons, each with its box, so that a view draws only those it
// shows (a page of an atlas zoomed on one EPCI writes a fraction of the département's
// zones into its PDF).
class AreaParts {
public:
    AreaParts() = default;
    explicit AreaParts(const OGRGeometry* geometry);
    bool isEmpty() const { return parts_.empty(); }
    // Draws the polygons meeting `extent` (map coordinates; the painter maps them).
    void draw(QPainter& painter, const QRectF& extent) const;
    // True when a polygon meets the rectangle (an empty rectangle: any polygon).
    bool meets(const QRectF& rect) const;

private:
    std::vector<QPainterPath> parts_;
    std::vector<QRectF> boxes_;
};

// A point inside the polygon, good for a label (GEOS PointOnSurface); the bbox centre if
// that fails.
XY labelPoint(const OGRGeometry& geometry, const BBox& bbox);

}  // namespace maillage::render
