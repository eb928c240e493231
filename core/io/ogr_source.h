#pragma once

#include "common/gdal.h"

#include <QString>
#include <QStringList>

#include <ogr_feature.h>

#include <memory>

class GDALDataset;
class OGRLayer;

namespace maillage {

// The GDAL path to open for a user's file: gzip-compressed files (".gz") are read through
// /vsigzip/ so that e.g. "monaco.osm.gz" opens like "monaco.osm".
QString gdalPathFor(const QString& path);

// Opens a vector data source read-only. Throws Error("cannot open <file>: <reason>").
GdalDatasetPtr openVectorSource(const QString& path);

// The layer called `layerName` (or the only/first layer when it is empty).
// Throws Error naming the file, the layer asked for and the layers that exist.
OGRLayer* findLayer(GDALDataset& dataset, const QString& path, const QString& layerName);

// Names of the layers of a data source, in order.
QStringList layerNames(GDALDataset& dataset);

// Index of a field in the layer; throws Error naming the file, layer, missing field and
// the fields that exist.
int requireField(OGRLayer& layer, const QString& path, const QString& field);

// The next feature of the layer, or null at its end. Throws Error naming the file and layer
// when the driver fails to read on (a damaged file): the end of a layer is not a read error,
// and reading a damaged file partly without a word would give a wrong result.
OGRFeatureUniquePtr nextFeature(OGRLayer& layer, const QString& path);

// The last GDAL/OGR error message, trimmed, or "unknown error".
QString lastGdalError();

}  // namespace maillage
