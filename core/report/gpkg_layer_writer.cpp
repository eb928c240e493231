#include "report/gpkg_layer_writer.h"

#include "common/error.h"
#include "coverage/mem_raster.h"  // lambert93Srs
#include "io/ogr_source.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>

namespace maillage {

LayerWriter::LayerWriter(GDALDataset& dataset, const QString& path, const QString& name, OGRwkbGeometryType type,
                         const QString& title, const QString& description, const std::vector<FieldSpec>& fields)
    : path_(path), name_(name)
{
    const QByteArray identifier = title.toUtf8();
    const QByteArray descriptionUtf8 = description.toUtf8();
    char** options = nullptr;
    options = CSLSetNameValue(options, "FID", "fid");
    options = CSLSetNameValue(options, "IDENTIFIER", identifier.constData());
    options = CSLSetNameValue(options, "DESCRIPTION", descriptionUtf8.constData());
    if (type != wkbNone) options = CSLSetNameValue(options, "GEOMETRY_NAME", "geom");
    OGRSpatialReference* srs = type == wkbNone ? nullptr : const_cast<OGRSpatialReference*>(&lambert93Srs());
    layer_ = dataset.CreateLayer(name.toUtf8().constData(), srs, type, options);
    CSLDestroy(options);
    if (!layer_) fail(QStringLiteral("cannot create the layer"));
    for (const FieldSpec& spec : fields) {
        OGRFieldDefn field(spec.name, spec.type);
        field.SetSubType(spec.subType);
        if (!spec.alias.isEmpty()) field.SetAlternativeName(spec.alias.toUtf8().constData());
        if (layer_->CreateField(&field) != OGRERR_NONE) fail(QStringLiteral("cannot create field %1").arg(spec.name));
    }
}

LayerWriter::LayerWriter(GDALDataset& dataset, const QString& path, const QString& name)
    : path_(path), name_(name), layer_(dataset.GetLayerByName(name.toUtf8().constData()))
{
    if (!layer_) fail(QStringLiteral("no such layer"));
}

LayerWriter::~LayerWriter() = default;

OGRFeature& LayerWriter::feature()
{
    feature_ = std::make_unique<OGRFeature>(layer_->GetLayerDefn());
    return *feature_;
}

void LayerWriter::setText(const char* field, const QString& value) { feature_->SetField(field, value.toUtf8().constData()); }

void LayerWriter::setInt(const char* field, qint64 value) { feature_->SetField(field, GIntBig(value)); }

void LayerWriter::setReal(const char* field, double value, int decimals)
{
    if (!std::isfinite(value)) {
        feature_->SetFieldNull(feature_->GetFieldIndex(field));
        return;
    }
    if (decimals >= 0) {
        const double scale = std::pow(10.0, decimals);
        value = std::round(value * scale) / scale;
    }
    feature_->SetField(field, value);
}

void LayerWriter::setDateTime(const char* field, const QDateTime& value)
{
    const QDate date = value.date();
    const QTime time = value.time();
    feature_->SetField(field, date.year(), date.month(), date.day(), time.hour(), time.minute(), float(time.second()), 100);
}

void LayerWriter::setGeometry(const OGRGeometry* geometry)
{
    if (geometry && !geometry->IsEmpty()) feature_->SetGeometry(geometry);
}

void LayerWriter::write()
{
    if (layer_->CreateFeature(feature_.get()) != OGRERR_NONE) fail(QStringLiteral("cannot write a feature"));
}

void LayerWriter::fail(const QString& what) const
{
    throw Error(QStringLiteral("%1, layer %2: %3: %4").arg(path_, name_, what, lastGdalError()));
}

std::unique_ptr<OGRGeometry> asMultiPolygon(const OGRGeometry* geometry)
{
    if (!geometry) return nullptr;
    return std::unique_ptr<OGRGeometry>(OGRGeometryFactory::forceToMultiPolygon(geometry->clone()));
}

}  // namespace maillage
