#pragma once

#include "geo/types.h"

#include <QPainterPath>
#include <QPointF>

class OGRGeometry;

namespace maillage::render {

// The outline of an OGR geometry (Lambert-93) as a painter path in map coordinates, kept
// once and drawn through the view transform. Polygons use odd-even fill so holes stay holes;
// lines and points inside collections are ignored for areas and vice versa.
QPainterPath areaPath(const OGRGeometry& geometry);
QPainterPath linePath(const OGRGeometry& geometry);

// A point inside the polygon, good for a label (GEOS PointOnSurface); the bbox centre if
// that fails.
XY labelPoint(const OGRGeometry& geometry, const BBox& bbox);

}  // namespace maillage::render
