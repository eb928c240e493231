#pragma once

#include "geo/types.h"

#include <QByteArray>

#include <optional>

namespace maillage::gpkg {

// GeoPackage geometry blobs (GeoPackage 1.3, clause 2.1.3): a "GP" header with the SRS id
// and an envelope, followed by standard ISO WKB. Written by hand because a point is
// 61 bytes of fixed layout and the store must not depend on GDAL's SQL functions.

// Little-endian header with an [minx, maxx, miny, maxy] envelope, then a little-endian
// WKB Point. The doubles are copied bit for bit.
QByteArray encodePoint(XY p, int srsId);

// The x/y of a point blob as written by us, GDAL or QGIS (either byte order, any envelope,
// 2D/Z/M/ZM point). nullopt for an empty point, another geometry type or a malformed blob.
std::optional<XY> decodePoint(const QByteArray& blob);

// The x/y of a standard ISO WKB point (as PostGIS's ST_AsBinary gives it); nullopt otherwise.
std::optional<XY> decodeWkbPoint(const QByteArray& wkb);

}  // namespace maillage::gpkg
