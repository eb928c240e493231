// Point import through OGR: GeoJSON or GeoPackage bytes in a GDAL in-memory file (the first
// byte picks the format), read with a mapping like the command line's.
#include "fuzz_support.h"
#include "importers/point_importers.h"

#include <cpl_vsi.h>

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    maillage::fuzz::quietGdal();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 1) return 0;
    const QByteArray bytes(reinterpret_cast<const char*>(data + 1), qsizetype(size - 1));
    const bool geopackage = data[0] & 1;
    const QString path =
        maillage::fuzz::memoryFile(bytes, geopackage ? QStringLiteral("points.gpkg") : QStringLiteral("points.geojson"));
    try {
        maillage::PointMapping mapping;
        mapping.idField = (data[0] & 2) ? QStringLiteral("id") : QString();
        mapping.kindField = (data[0] & 4) ? QStringLiteral("kind") : QString();
        mapping.levelField = (data[0] & 8) ? QStringLiteral("level") : QString();
        maillage::readGenericPoints(path, mapping);
    } catch (const maillage::Error&) {
    }
    VSIUnlink(path.toUtf8().constData());
    return 0;
}
