#include "io/ogr_source.h"

#include "common/error.h"

#include <QFileInfo>

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

namespace maillage {

void GdalDatasetCloser::operator()(GDALDataset* dataset) const { GDALClose(dataset); }

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

GdalDatasetPtr openVectorSource(const QString& path)
{
    if (!QFileInfo::exists(path))
        throw Error(QStringLiteral("cannot open %1: no such file").arg(path));
    CPLErrorReset();
    GDALAllRegister();
    const QByteArray gdalPath = gdalPathFor(path).toUtf8();
    auto* dataset = static_cast<GDALDataset*>(
        GDALOpenEx(gdalPath.constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    if (!dataset)
        throw Error(QStringLiteral("cannot open %1 as a vector data source: %2").arg(path, lastGdalError()));
    return GdalDatasetPtr(dataset);
}

QStringList layerNames(GDALDataset& dataset)
{
    QStringList names;
    for (int i = 0; i < dataset.GetLayerCount(); ++i)
        names << QString::fromUtf8(dataset.GetLayer(i)->GetName());
    return names;
}

OGRLayer* findLayer(GDALDataset& dataset, const QString& path, const QString& layerName)
{
    if (dataset.GetLayerCount() == 0)
        throw Error(QStringLiteral("%1 holds no vector layer").arg(path));
    if (layerName.isEmpty())
        return dataset.GetLayer(0);
    if (OGRLayer* layer = dataset.GetLayerByName(layerName.toUtf8().constData()))
        return layer;
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
