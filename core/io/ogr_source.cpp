#include "io/ogr_source.h"

#include "common/error.h"

#include <QFile>
#include <QFileInfo>

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

namespace maillage {

QString gdalPathFor(const QString& path)
{
    if (path.endsWith(QStringLiteral(".gz"), Qt::CaseInsensitive) && !path.startsWith(QStringLiteral("/vsi")))
        return QStringLiteral("/vsigzip/") + path;
    return path;
}

QString lastGdalError()
{
    const QString message = QString::fromUtf8(CPLGetLastErrorMsg()).trimmed();
    return message.isEmpty() ? QStringLiteral("unknown error") : message;
}

OGRFeatureUniquePtr nextFeature(OGRLayer& layer, const QString& path)
{
    CPLErrorReset();
    OGRFeatureUniquePtr feature(layer.GetNextFeature());
    if (!feature && CPLGetLastErrorType() >= CE_Failure)
        throw Error(QStringLiteral("%1, layer %2: reading stopped before the end of the layer (is the file damaged?): %3")
                        .arg(path, QString::fromUtf8(layer.GetName()), lastGdalError()));
    return feature;
}

namespace {

// Why GDAL could not open a file, when it says nothing ("unknown error" helps no one).
QString whyNotOpened(const QString& path)
{
    const QString gdalMessage = QString::fromUtf8(CPLGetLastErrorMsg()).trimmed();
    const QFileInfo info(path);
    if (info.isDir() && !path.endsWith(QStringLiteral(".gdb"), Qt::CaseInsensitive))
        return QStringLiteral("it is a folder, not a file");
    QFile file(path);
    if (!info.isDir() && !file.open(QIODevice::ReadOnly)) return file.errorString();
    if (info.isFile() && info.size() == 0) return QStringLiteral("the file is empty");
    if (!gdalMessage.isEmpty()) return gdalMessage;
    if (info.suffix().compare(QStringLiteral("gpkg"), Qt::CaseInsensitive) == 0
        && !file.read(16).startsWith("SQLite format 3"))
        return QStringLiteral("not a GeoPackage: the file is not an SQLite database");
    return QStringLiteral("not a format GDAL reads as vector data (GeoPackage, GeoJSON, Shapefile, CSV…)");
}

}  // namespace

GdalDatasetPtr openVectorSource(const QString& path)
{
    // GDAL's virtual files (/vsimem/, /vsizip/...) are not on the disk: GDAL checks them.
    if (!path.startsWith(QStringLiteral("/vsi")) && !QFileInfo::exists(path))
        throw Error(QStringLiteral("cannot open %1: no such file").arg(path));
    CPLErrorReset();
    registerGdal();
    const QByteArray gdalPath = gdalPathFor(path).toUtf8();
    auto* dataset = static_cast<GDALDataset*>(
        GDALOpenEx(gdalPath.constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    if (!dataset) throw Error(QStringLiteral("cannot open %1 as a vector data source: %2").arg(path, whyNotOpened(path)));
    return GdalDatasetPtr(dataset);
}

QStringList layerNames(GDALDataset& dataset)
{
    QStringList names;
    for (int i = 0; i < dataset.GetLayerCount(); ++i) names << QString::fromUtf8(dataset.GetLayer(i)->GetName());
    return names;
}

OGRLayer* findLayer(GDALDataset& dataset, const QString& path, const QString& layerName)
{
    if (dataset.GetLayerCount() == 0) throw Error(QStringLiteral("%1 holds no vector layer").arg(path));
    if (layerName.isEmpty()) return dataset.GetLayer(0);
    if (OGRLayer* layer = dataset.GetLayerByName(layerName.toUtf8().constData())) return layer;
    throw Error(QStringLiteral("%1 has no layer \"%2\" (layers: %3)")
                    .arg(path, layerName, layerNames(dataset).join(QStringLiteral(", "))));
}

int requireField(OGRLayer& layer, const QString& path, const QString& field)
{
    OGRFeatureDefn* definition = layer.GetLayerDefn();
    const int index = definition->GetFieldIndex(field.toUtf8().constData());
    if (index >= 0) return index;
    QStringList existing;
    for (int i = 0; i < definition->GetFieldCount(); ++i)
        existing << QString::fromUtf8(definition->GetFieldDefn(i)->GetNameRef());
    throw Error(QStringLiteral("%1, layer %2: missing field \"%3\" (fields: %4)")
                    .arg(path, QString::fromUtf8(layer.GetName()), field, existing.join(QStringLiteral(", "))));
}

}  // namespace maillage
