#pragma once

#include "io/ogr_source.h"

#include <gdal.h>

#include <array>
#include <cstdint>

class OGRSpatialReference;

namespace maillage {

// A one-band in-memory GDAL raster (MEM driver) in Lambert-93, used as the scratch space
// for rasterising communes and polygonising masks. Throws Error if GDAL cannot create it.
GdalDatasetPtr createMemRaster(int columns, int rows, GDALDataType type, const std::array<double, 6>& geoTransform);

// Lambert-93 as an OGR spatial reference, traditional x/y axis order.
const OGRSpatialReference& lambert93Srs();

}  // namespace maillage

#include <map>
#include <memory>
#include <vector>

class OGRGeometry;
class OGRMultiPolygon;

namespace maillage {

// Polygonises an Int32 raster (row-major, `columns` x `rows`) with GDALPolygonize: for each
// value other than `ignored`, the polygons of its 4-connected regions, gathered in one
// MultiPolygon per value, in Lambert-93.
std::map<std::int32_t, std::unique_ptr<OGRMultiPolygon>> polygonize(const std::vector<std::int32_t>& values, int columns,
                                                                    int rows, const std::array<double, 6>& geoTransform,
                                                                    std::int32_t ignored);

// The polygonal part of a geometry (e.g. of an intersection's result) as a MultiPolygon;
// points and lines are dropped. Returns an empty MultiPolygon for null or non-areal input.
std::unique_ptr<OGRMultiPolygon> polygonalPart(const OGRGeometry* geometry);

}  // namespace maillage
