#pragma once

#include <QString>

#include <ogr_core.h>
#include <ogr_feature.h>

#include <initializer_list>
#include <memory>
#include <vector>

class GDALDataset;
class OGRGeometry;
class OGRLayer;

namespace maillage {

struct ZonePiece;

// A field of a result layer: OGR name, type, and the French title QGIS shows
// (gpkg_data_columns, written by GDAL as the field's alternative name).
struct FieldSpec {
    const char* name;
    OGRFieldType type;
    QString alias;
    OGRFieldSubType subType = OFSTNone;
};

// Creates a layer of a GeoPackage result (Lambert-93, fid and geom columns, title and
// description in gpkg_contents) and writes its features one by one. Every error names the
// file and the layer. Shared by the coverage and the comparison exports.
class LayerWriter {
public:
    LayerWriter(GDALDataset& dataset, const QString& path, const QString& name, OGRwkbGeometryType type,
                const QString& title, const QString& description, const std::vector<FieldSpec>& fields);
    ~LayerWriter();
    LayerWriter(const LayerWriter&) = delete;
    LayerWriter& operator=(const LayerWriter&) = delete;

    // Starts a new feature; the setters below fill it, write() stores it.
    OGRFeature& feature();
    void setText(const char* field, const QString& value);
    void setInt(const char* field, qint64 value);
    // Non-finite numbers (unreachable, no cell) are written as NULL; decimals >= 0 rounds.
    void setReal(const char* field, double value, int decimals = -1);
    // A null or empty geometry leaves the feature without one (NULL, not an empty shape).
    void setGeometry(const OGRGeometry* geometry);
    void write();

private:
    [[noreturn]] void fail(const QString& what) const;

    QString path_;
    QString name_;
    OGRLayer* layer_ = nullptr;
    std::unique_ptr<OGRFeature> feature_;
};

// The fields of a piece of a zone cut by commune borders (a gap zone, a coverage change): zone
// number, commune, EPCI, area and cells, between the layer's own fields `before` and `after`.
std::vector<FieldSpec> withZonePieceFields(std::initializer_list<FieldSpec> before, std::initializer_list<FieldSpec> after);

// Fills the fields of withZonePieceFields from a piece (a gap zone, a coverage change).
void setZonePiece(LayerWriter& layer, const ZonePiece& piece);

// A copy of `geometry` as a multipolygon (what the polygon layers hold); null for null.
std::unique_ptr<OGRGeometry> asMultiPolygon(const OGRGeometry* geometry);

}  // namespace maillage
