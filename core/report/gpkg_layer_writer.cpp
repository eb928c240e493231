#include "report/gpkg_layer_writer.h"

#include "common/error.h"
#include "coverage/gap_zones.h"
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

LayerWriter::~LayerWriter() = default;

std::vector<FieldSpec> withZonePieceFields(std::initializer_list<FieldSpec> before, std::initializer_list<FieldSpec> after)
{
    std::vector<FieldSpec> fields(before);
    fields.insert(fields.end(), {{"zone", OFTInteger, QStringLiteral("Zone")},
                                 {"commune_insee", OFTString, QStringLiteral("Code INSEE")},
                                 {"commune_name", OFTString, QStringLiteral("Commune")},
                                 {"epci_siren", OFTString, QStringLiteral("SIREN de l'EPCI")},
                                 {"epci_name", OFTString, QStringLiteral("EPCI")},
                                 {"area_km2", OFTReal, QStringLiteral("Surface (km²)")},
                                 {"cells", OFTInteger, QStringLiteral("Cellules")}});
    fields.insert(fields.end(), after);
    return fields;
}

void setZonePiece(LayerWriter& layer, const ZonePiece& piece)
{
    layer.setInt("zone", piece.zone);
    layer.setText("commune_insee", piece.communeInsee);
    layer.setText("commune_name", piece.communeName);
    layer.setText("epci_siren", piece.epciSiren);
    layer.setText("epci_name", piece.epciName);
    layer.setReal("area_km2", piece.areaKm2, 4);
    layer.setInt("cells", piece.cells);
}

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
