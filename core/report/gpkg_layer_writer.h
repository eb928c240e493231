#pragma once

#include "common/vectors.h"

#include <QString>

#include <ogr_core.h>
#include <ogr_feature.h>

#include <QDateTime>

#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

class GDALDataset;
class OGRGeometry;
class OGRLayer;

namespace maillage {

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
    // Adds features to the file's existing layer `name`; throws Error naming it when there is none.
    LayerWriter(GDALDataset& dataset, const QString& path, const QString& name);
    ~LayerWriter();
    Q_DISABLE_COPY(LayerWriter)

    // Starts a new feature; the setters below fill it, write() stores it.
    OGRFeature& feature();
    void setText(const char* field, const QString& value);
    void setInt(const char* field, qint64 value);
    // Non-finite numbers (unreachable, no cell) are written as NULL; decimals >= 0 rounds.
    void setReal(const char* field, double value, int decimals = -1);
    void setDateTime(const char* field, const QDateTime& value);
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

// A column of a result layer: its field and how a row fills it, declared together so that a
// field's name, type, title and value cannot drift apart. The factories below make them.
template <class Row>
struct Column {
    FieldSpec field;
    std::function<void(LayerWriter&, const Row&)> fill;
};

// The value functions return the value, or an empty optional to leave the field null (a
// target that cannot be reached has no name). Text is written even when empty.
template <class Row>
Column<Row> textColumn(const char* name, const QString& title, std::function<std::optional<QString>(const Row&)> value)
{
    return {{name, OFTString, title}, [name, value = std::move(value)](LayerWriter& layer, const Row& row) {
                if (const std::optional<QString> text = value(row)) layer.setText(name, *text);
            }};
}

// An OGR integer field of `type`: OFTInteger or OFTInteger64 (a population, an id).
template <class Row>
Column<Row> intColumn(const char* name, OGRFieldType type, const QString& title,
                      std::function<std::optional<qint64>(const Row&)> value)
{
    return {{name, type, title}, [name, value = std::move(value)](LayerWriter& layer, const Row& row) {
                if (const std::optional<qint64> number = value(row)) layer.setInt(name, *number);
            }};
}

template <class Row>
Column<Row> boolColumn(const char* name, const QString& title, std::function<std::optional<bool>(const Row&)> value)
{
    return {{name, OFTInteger, title, OFSTBoolean}, [name, value = std::move(value)](LayerWriter& layer, const Row& row) {
                if (const std::optional<bool> flag = value(row)) layer.setInt(name, *flag);
            }};
}

// Rounded to `decimals` (none when negative); a non-finite value is written as null.
template <class Row>
Column<Row> realColumn(const char* name, const QString& title, int decimals,
                       std::function<std::optional<double>(const Row&)> value)
{
    return {{name, OFTReal, title}, [name, decimals, value = std::move(value)](LayerWriter& layer, const Row& row) {
                if (const std::optional<double> number = value(row)) layer.setReal(name, *number, decimals);
            }};
}

template <class Row>
Column<Row> dateTimeColumn(const char* name, const QString& title, std::function<QDateTime(const Row&)> value)
{
    return {{name, OFTDateTime, title},
            [name, value = std::move(value)](LayerWriter& layer, const Row& row) { layer.setDateTime(name, value(row)); }};
}

// `value` when `condition` holds, else none (a null field).
template <class T>
std::optional<T> onlyIf(bool condition, const T& value)
{
    return condition ? std::optional<T>(value) : std::nullopt;
}

// A LayerWriter whose fields are a table of columns: each row fills every column.
template <class Row>
class RowWriter {
public:
    RowWriter(GDALDataset& dataset, const QString& path, const QString& name, OGRwkbGeometryType type, const QString& title,
              const QString& description, std::vector<Column<Row>> columns)
        : columns_(std::move(columns)), layer_(dataset, path, name, type, title, description, fieldsOf(columns_))
    {
    }
    // Adds rows to the file's existing layer `name`, which has the columns' fields.
    RowWriter(GDALDataset& dataset, const QString& path, const QString& name, std::vector<Column<Row>> columns)
        : columns_(std::move(columns)), layer_(dataset, path, name)
    {
    }

    // One feature: the columns' values and `geometry` (null or empty: none).
    void write(const Row& row, const OGRGeometry* geometry = nullptr)
    {
        layer_.feature();
        for (const Column<Row>& column : columns_) column.fill(layer_, row);
        layer_.setGeometry(geometry);
        layer_.write();
    }

private:
    static std::vector<FieldSpec> fieldsOf(const std::vector<Column<Row>>& columns)
    {
        std::vector<FieldSpec> fields;
        fields.reserve(columns.size());
        for (const Column<Row>& column : columns) fields.push_back(column.field);
        return fields;
    }

    std::vector<Column<Row>> columns_;
    LayerWriter layer_;
};

// The columns of a piece of a zone cut by commune borders (a gap zone, a coverage change):
// zone number, commune, EPCI, area and cells, between the layer's own columns `before` and `after`.
template <class Piece>
std::vector<Column<Piece>> withZonePieceColumns(std::vector<Column<Piece>> before, std::vector<Column<Piece>> after)
{
    return joined<Column<Piece>>({
        std::move(before),
        {
            intColumn<Piece>("zone", OFTInteger, QStringLiteral("Zone"), [](const Piece& piece) { return piece.zone; }),
            textColumn<Piece>("commune_insee", QStringLiteral("Code INSEE"),
                              [](const Piece& piece) { return piece.communeInsee; }),
            textColumn<Piece>("commune_name", QStringLiteral("Commune"),
                              [](const Piece& piece) { return piece.communeName; }),
            textColumn<Piece>("epci_siren", QStringLiteral("SIREN de l'EPCI"),
                              [](const Piece& piece) { return piece.epciSiren; }),
            textColumn<Piece>("epci_name", QStringLiteral("EPCI"), [](const Piece& piece) { return piece.epciName; }),
            realColumn<Piece>("area_km2", QStringLiteral("Surface (km²)"), 4,
                              [](const Piece& piece) { return piece.areaKm2; }),
            intColumn<Piece>("cells", OFTInteger, QStringLiteral("Cellules"),
                             [](const Piece& piece) { return piece.cells; }),
        },
        std::move(after),
    });
}

// A copy of `geometry` as a multipolygon (what the polygon layers hold); null for null.
std::unique_ptr<OGRGeometry> asMultiPolygon(const OGRGeometry* geometry);

}  // namespace maillage
