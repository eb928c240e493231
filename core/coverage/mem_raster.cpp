#include "coverage/mem_raster.h"

#include "common/error.h"
#include "geo/crs.h"

#include "common/gdal.h"

#include <gdal_priv.h>
#include <ogr_spatialref.h>

namespace maillage {

namespace {

// Looked up once: registering and finding drivers walks GDAL's list of some 200 drivers,
// which would cost more than a small polygonisation.
GDALDriver* memDriver(const char* name)
{
    registerGdal();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(name);
    if (!driver) throw Error(QStringLiteral("the GDAL %1 driver is not available").arg(QString::fromLatin1(name)));
    return driver;
}

GDALDriver* rasterDriver()
{
    static GDALDriver* driver = memDriver("MEM");
    return driver;
}

GDALDriver* vectorDriver()
{
    static GDALDriver* driver = memDriver("Memory");
    return driver;
}

}  // namespace

GdalDatasetPtr createMemRaster(int columns, int rows, GDALDataType type, const std::array<double, 6>& geoTransform)
{
    GDALDriver* driver = rasterDriver();
    GDALDataset* dataset = driver->Create("", columns, rows, 1, type, nullptr);
    if (!dataset)
        throw Error(
            QStringLiteral("cannot create a %1 x %2 raster in memory: %3").arg(columns).arg(rows).arg(lastGdalError()));
    GdalDatasetPtr owned(dataset);
    std::array<double, 6> transform = geoTransform;
    dataset->SetGeoTransform(transform.data());
    dataset->SetSpatialRef(&lambert93Srs());
    return owned;
}

const OGRSpatialReference& lambert93Srs()
{
    static const OGRSpatialReference srs = [] {
        OGRSpatialReference s;
        s.importFromEPSG(kWorkingEpsg);
        s.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        return s;
    }();
    return srs;
}

}  // namespace maillage

#include <gdal_alg.h>
#include <ogrsf_frmts.h>

namespace maillage {

std::map<std::int32_t, std::unique_ptr<OGRMultiPolygon>> polygonize(const std::vector<std::int32_t>& values, int columns,
                                                                    int rows, const std::array<double, 6>& geoTransform,
                                                                    std::int32_t ignored)
{
    GdalDatasetPtr raster = createMemRaster(columns, rows, GDT_Int32, geoTransform);
    GDALRasterBand* band = raster->GetRasterBand(1);
    if (band->RasterIO(GF_Write, 0, 0, columns, rows, const_cast<std::int32_t*>(values.data()), columns, rows, GDT_Int32, 0,
                       0)
        != CE_None)
        throw Error(QStringLiteral("cannot fill the raster to polygonise: %1").arg(lastGdalError()));
    band->SetNoDataValue(double(ignored));  // the mask band then skips the ignored value

    GdalDatasetPtr vectors(vectorDriver()->Create("", 0, 0, 0, GDT_Unknown, nullptr));
    if (!vectors) throw Error(QStringLiteral("cannot create an in-memory vector layer: %1").arg(lastGdalError()));
    OGRLayer* layer =
        vectors->CreateLayer("polygons", const_cast<OGRSpatialReference*>(&lambert93Srs()), wkbPolygon, nullptr);
    OGRFieldDefn field("value", OFTInteger);
    if (!layer || layer->CreateField(&field) != OGRERR_NONE)
        throw Error(QStringLiteral("cannot create the polygon layer: %1").arg(lastGdalError()));

    if (GDALPolygonize(GDALRasterBand::ToHandle(band), GDALRasterBand::ToHandle(band->GetMaskBand()),
                       OGRLayer::ToHandle(layer), 0, nullptr, nullptr, nullptr)
        != CE_None)
        throw Error(QStringLiteral("cannot polygonise the raster: %1").arg(lastGdalError()));

    std::map<std::int32_t, std::unique_ptr<OGRMultiPolygon>> result;
    layer->ResetReading();
    for (auto& feature : *layer) {
        const std::int32_t value = feature->GetFieldAsInteger(0);
        OGRGeometry* geometry = feature->StealGeometry();
        if (!geometry) continue;
        auto& multi = result[value];
        if (!multi) multi = std::make_unique<OGRMultiPolygon>();
        if (wkbFlatten(geometry->getGeometryType()) == wkbPolygon) multi->addGeometryDirectly(geometry);
        else delete geometry;
    }
    return result;
}

std::unique_ptr<OGRMultiPolygon> polygonalPart(const OGRGeometry* geometry)
{
    auto multi = std::make_unique<OGRMultiPolygon>();
    if (!geometry) return multi;
    const OGRwkbGeometryType type = wkbFlatten(geometry->getGeometryType());
    if (type == wkbPolygon) {
        multi->addGeometry(geometry);
    } else if (type == wkbMultiPolygon || type == wkbGeometryCollection) {
        for (const OGRGeometry* part : *geometry->toGeometryCollection()) {
            auto sub = polygonalPart(part);
            for (const OGRPolygon* polygon : *sub) multi->addGeometry(polygon);
        }
    }
    return multi;
}

}  // namespace maillage
