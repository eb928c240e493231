#include "geo/crs.h"

#include "common/error.h"

#include <ogr_spatialref.h>

#include <cmath>
#include <memory>

namespace maillage {
namespace {

struct TransformDeleter {
    void operator()(OGRCoordinateTransformation* t) const { OGRCoordinateTransformation::DestroyCT(t); }
};
using TransformPtr = std::unique_ptr<OGRCoordinateTransformation, TransformDeleter>;

OGRSpatialReference makeSrs(int epsg)
{
    OGRSpatialReference srs;
    srs.importFromEPSG(epsg);
    // Always x = easting / longitude, whatever the authority's axis order.
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

struct Transforms {
    TransformPtr toL93;
    TransformPtr toGeo;
    Transforms()
    {
        OGRSpatialReference wgs84 = makeSrs(4326);
        OGRSpatialReference l93 = makeSrs(kWorkingEpsg);
        toL93.reset(OGRCreateCoordinateTransformation(&wgs84, &l93));
        toGeo.reset(OGRCreateCoordinateTransformation(&l93, &wgs84));
        if (!toL93 || !toGeo)
            throw Error(QStringLiteral("PROJ cannot transform between WGS84 and Lambert-93 (is proj-data installed?)"));
    }
};

Transforms& threadTransforms()
{
    thread_local Transforms transforms;
    return transforms;
}

}  // namespace

XY toLambert93(LonLat p)
{
    double x = p.lon, y = p.lat;
    if (!threadTransforms().toL93->Transform(1, &x, &y))
        throw Error(QStringLiteral("cannot project longitude %1, latitude %2 to Lambert-93").arg(p.lon).arg(p.lat));
    return {x, y};
}

LonLat toWgs84(XY p)
{
    double x = p.x, y = p.y;
    if (!threadTransforms().toGeo->Transform(1, &x, &y))
        throw Error(QStringLiteral("cannot project Lambert-93 x %1, y %2 to WGS84").arg(p.x).arg(p.y));
    return {x, y};
}

bool isValidLonLat(LonLat p)
{
    return std::isfinite(p.lon) && std::isfinite(p.lat) && std::abs(p.lon) <= 180.0 && std::abs(p.lat) <= 90.0;
}

}  // namespace maillage
