// Generic point import with a column mapping: CSV files with longitude/latitude columns, or
// any OGR point layer (GeoJSON, GeoPackage, Shapefile...) in any CRS.

#include "common/error.h"
#include "geo/crs.h"
#include "importers/point_importers.h"
#include "importers/point_readers_common.h"
#include "io/csv_table.h"
#include "io/ogr_source.h"
#include "store/kinds.h"

#include <QFileInfo>
#include <QStringList>

#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <functional>
#include <memory>

namespace maillage {

using namespace import_detail;

namespace {

bool isCsvPath(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == u"csv" || suffix == u"tsv" || suffix == u"txt";
}

QString knownKindCodes()
{
    QStringList codes;
    for (const KindInfo& kind : kindReferential()) codes << kind.code;
    return codes.join(QStringLiteral(", "));
}

// A kind given by its code or its French or English label, ignoring case and accents.
const KindInfo* resolveKind(const QString& text)
{
    const QString wanted = foldForMatching(text);
    if (wanted.isEmpty()) return nullptr;
    for (const KindInfo& kind : kindReferential()) {
        if (foldForMatching(kind.code) == wanted || foldForMatching(kind.labelFr) == wanted
            || foldForMatching(kind.labelEn) == wanted)
            return &kind;
    }
    return nullptr;
}

// Fills the attributes of a point from one row, whatever the file type.
// `value(field)` returns the text of a mapped field; `rowId` is the id used when no id field
// is mapped (data row number or FID).
class AttributeMapper {
public:
    explicit AttributeMapper(const PointMapping& mapping) : mapping_(mapping)
    {
        if (mapping.kindField.isEmpty()) {
            fixedKind_ = resolveKind(mapping.fixedKind);
            if (!fixedKind_)
                throw Error(QStringLiteral("unknown kind \"%1\" for the import (known kinds: %2)")
                                .arg(mapping.fixedKind, knownKindCodes()));
        }
    }

    // The fields of the mapping that must exist in the file (position fields excluded).
    QStringList requiredFields() const
    {
        QStringList fields;
        for (const QString& field : {mapping_.nameField, mapping_.idField, mapping_.levelField, mapping_.kindField,
                                     mapping_.communeField, mapping_.servesField})
            if (!field.isEmpty()) fields << field;
        return fields;
    }

    void fill(AccueilPoint& point, const std::function<QString(const QString&)>& value, const QString& rowId) const
    {
        const KindInfo* kind = fixedKind_;
        if (!mapping_.kindField.isEmpty()) {
            const QString text = value(mapping_.kindField).trimmed();
            if (text.isEmpty()) throw RowProblem{QStringLiteral("missing kind (%1)").arg(mapping_.kindField)};
            kind = resolveKind(text);
            if (!kind)
                throw RowProblem{QStringLiteral("unknown kind \"%1\" in %2 (known kinds: %3)")
                                     .arg(text, mapping_.kindField, knownKindCodes())};
        }
        point.kind = kind->code;
        point.level = readLevel(value, *kind);

        point.sourceId = rowId;
        if (!mapping_.idField.isEmpty()) {
            point.sourceId = value(mapping_.idField).trimmed();
            if (point.sourceId.isEmpty()) throw RowProblem{QStringLiteral("missing identifier (%1)").arg(mapping_.idField)};
        }
        if (!mapping_.nameField.isEmpty()) point.name = value(mapping_.nameField).trimmed();
        if (point.name.isEmpty()) point.name = kind->labelFr + u' ' + point.sourceId;
        if (!mapping_.communeField.isEmpty()) point.communeInsee = normalizeInsee(value(mapping_.communeField));
        if (!mapping_.servesField.isEmpty()) point.serves = servesOf(value(mapping_.servesField), mapping_.servesField);
    }

private:
    Level readLevel(const std::function<QString(const QString&)>& value, const KindInfo& kind) const
    {
        if (mapping_.levelField.isEmpty()) return mapping_.fixedLevel.value_or(kind.defaultLevel);
        const QString text = value(mapping_.levelField).trimmed();
        if (text.isEmpty()) throw RowProblem{QStringLiteral("missing level (%1)").arg(mapping_.levelField)};
        const std::optional<double> number = parseDecimal(text);
        const std::optional<Level> level = number && std::floor(*number) == *number && std::abs(*number) < 10
                                               ? levelFromInt(static_cast<int>(*number))
                                               : std::nullopt;
        if (!level)
            throw RowProblem{
                QStringLiteral("unknown level \"%1\" in %2 (expected 1, 2 or 3)").arg(text, mapping_.levelField)};
        return *level;
    }

    const PointMapping& mapping_;
    const KindInfo* fixedKind_ = nullptr;
};

QString sourceFor(const QString& path, const PointMapping& mapping)
{
    return mapping.source.isEmpty() ? QFileInfo(path).fileName() : mapping.source;
}

// A position from Lambert-93 columns; the WGS84 pair is computed and must be a real place.
void setLambert93Position(AccueilPoint& point, const QString& xText, const QString& yText, const PointMapping& mapping)
{
    const XY position{requireNumber(xText, mapping.lonField), requireNumber(yText, mapping.latField)};
    point.lambert93 = position;
    try {
        point.wgs84 = toWgs84(position);
    } catch (const Error& error) {
        throw RowProblem{error.message()};
    }
    if (!isValidLonLat(point.wgs84) || (position.x == 0.0 && position.y == 0.0))
        throw RowProblem{QStringLiteral("Lambert-93 position %1, %2 (%3, %4) is out of range")
                             .arg(xText, yText, mapping.lonField, mapping.latField)};
}

ImportBatch readGenericCsv(const QString& path, const PointMapping& mapping)
{
    const AttributeMapper mapper(mapping);
    const CsvTable table = CsvTable::readFile(path, mapping.delimiter);
    // Every column the mapping names is checked at once: one message lists all that are missing.
    const QStringList fields = mapper.requiredFields();
    const std::vector<int> indexes = table.requireColumns(QStringList{mapping.lonField, mapping.latField} + fields);
    const int lon = indexes[0];
    const int lat = indexes[1];
    QHash<QString, int> columns;
    for (int f = 0; f < fields.size(); ++f) columns.insert(fields[f], indexes[std::size_t(f) + 2]);

    BatchBuilder builder(path, sourceFor(path, mapping));
    int dataRow = 0;
    forEachRecord(table, builder, [&](const CsvRecord& row) {
        ++dataRow;
        AccueilPoint point;
        mapper.fill(
            point, [&](const QString& field) { return row.value(columns.value(field, -1)); }, QString::number(dataRow));
        if (mapping.lambert93Columns) setLambert93Position(point, row.value(lon), row.value(lat), mapping);
        else setPosition(point, requireLonLat(row.value(lon), row.value(lat), mapping.lonField, mapping.latField));
        builder.addPoint(std::move(point), row.line);
    });
    return builder.take();
}

struct TransformDeleter {
    void operator()(OGRCoordinateTransformation* t) const { OGRCoordinateTransformation::DestroyCT(t); }
};
using TransformPtr = std::unique_ptr<OGRCoordinateTransformation, TransformDeleter>;

// GeoPackage layers written without a CRS get srs_id 0 or -1, which GDAL reports as a CRS
// named "Undefined geographic SRS" / "Undefined Cartesian SRS": as good as none.
bool isUndefinedCrs(const OGRSpatialReference& srs)
{
    const char* name = srs.GetName();
    return srs.GetAuthorityCode(nullptr) == nullptr && name && QByteArray(name).startsWith("Undefined");
}

// Turns a layer's point coordinates into WGS84 + Lambert-93. Coordinates already in
// Lambert-93 or WGS84 are kept exactly as stored; the other pair is computed. Other CRS go
// to WGS84 first, then to Lambert-93 like any imported lon/lat.
class LayerPositioner {
public:
    LayerPositioner(OGRLayer& layer, const QString& path)
    {
        const OGRSpatialReference* layerSrs = layer.GetSpatialRef();
        if (!layerSrs || isUndefinedCrs(*layerSrs))
            throw Error(QStringLiteral("%1, layer %2: no coordinate reference system, cannot place the points")
                            .arg(path, QString::fromUtf8(layer.GetName())));
        source_.reset(layerSrs->Clone());
        source_->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        // Axis order aside (x is always easting / longitude here), is it one of our two CRS?
        const char* const sameExceptAxes[] = {"CRITERION=EQUIVALENT_EXCEPT_AXIS_ORDER_GEOGCRS", nullptr};
        OGRSpatialReference l93;
        l93.importFromEPSG(kWorkingEpsg);
        isLambert93_ = source_->IsSame(&l93, sameExceptAxes);
        OGRSpatialReference wgs84;
        wgs84.importFromEPSG(4326);
        wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        isWgs84_ = source_->IsSame(&wgs84, sameExceptAxes);
        if (!isLambert93_ && !isWgs84_) {
            toWgs84_.reset(OGRCreateCoordinateTransformation(source_.get(), &wgs84));
            if (!toWgs84_)
                throw Error(QStringLiteral("%1, layer %2: cannot reproject from its CRS to WGS84: %3")
                                .arg(path, QString::fromUtf8(layer.GetName()), lastGdalError()));
        }
    }

    void place(AccueilPoint& point, double x, double y) const
    {
        if (!std::isfinite(x) || !std::isfinite(y)) throw RowProblem{QStringLiteral("point has no finite coordinates")};
        if (isLambert93_) {
            point.lambert93 = {x, y};
            try {
                point.wgs84 = toWgs84({x, y});
            } catch (const Error& error) {
                throw RowProblem{error.message()};
            }
            if (!isValidLonLat(point.wgs84))
                throw RowProblem{QStringLiteral("Lambert-93 position %1, %2 is out of range").arg(x).arg(y)};
            return;
        }
        double lon = x, lat = y;
        if (!isWgs84_ && !toWgs84_->Transform(1, &lon, &lat))
            throw RowProblem{QStringLiteral("position %1, %2 cannot be reprojected to WGS84").arg(x).arg(y)};
        setPosition(point, {lon, lat});
    }

private:
    struct SrsDeleter {
        void operator()(OGRSpatialReference* srs) const { srs->Release(); }
    };
    std::unique_ptr<OGRSpatialReference, SrsDeleter> source_;
    TransformPtr toWgs84_;
    bool isLambert93_ = false;
    bool isWgs84_ = false;
};

// The single point of a feature, or a RowProblem saying what the geometry is instead.
const OGRPoint& featurePoint(const OGRFeature& feature)
{
    const OGRGeometry* geometry = feature.GetGeometryRef();
    if (!geometry || geometry->IsEmpty()) throw RowProblem{QStringLiteral("no geometry")};
    const OGRwkbGeometryType type = wkbFlatten(geometry->getGeometryType());
    if (type == wkbPoint) return *geometry->toPoint();
    if (type == wkbMultiPoint && geometry->toMultiPoint()->getNumGeometries() == 1)
        return *geometry->toMultiPoint()->getGeometryRef(0);
    throw RowProblem{QStringLiteral("geometry is a %1, not a point").arg(QString::fromUtf8(geometry->getGeometryName()))};
}

ImportBatch readGenericOgr(const QString& path, const PointMapping& mapping)
{
    const AttributeMapper mapper(mapping);
    GdalDatasetPtr dataset = openVectorSource(path);
    OGRLayer* layer = findLayer(*dataset, path, mapping.layer);
    QHash<QString, int> fields;
    for (const QString& field : mapper.requiredFields()) fields.insert(field, requireField(*layer, path, field));
    const LayerPositioner positioner(*layer, path);

    BatchBuilder builder(path, sourceFor(path, mapping));
    layer->ResetReading();
    int sequence = 0;
    while (const OGRFeatureUniquePtr feature = nextFeature(*layer, path)) {
        builder.countRow();
        ++sequence;
        // Drivers without stable ids report OGRNullFID; fall back to the feature's rank.
        const int fid = feature->GetFID() == OGRNullFID ? sequence : static_cast<int>(feature->GetFID());
        try {
            AccueilPoint point;
            mapper.fill(
                point,
                [&](const QString& field) {
                    const int index = fields.value(field, -1);
                    return index >= 0 && feature->IsFieldSetAndNotNull(index)
                               ? QString::fromUtf8(feature->GetFieldAsString(index))
                               : QString();
                },
                QString::number(fid));
            const OGRPoint& position = featurePoint(*feature);
            positioner.place(point, position.getX(), position.getY());
            builder.addPoint(std::move(point), fid);
        } catch (const RowProblem& problem) {
            builder.addIssue(fid, problem.message);
        }
    }
    ImportBatch batch = builder.take();
    batch.featureIds = true;
    return batch;
}

}  // namespace

PointFilePreview previewPointFile(const QString& path, const QString& layerName, int maxRows)
{
    PointFilePreview preview;
    if (isCsvPath(path)) {
        const CsvTable table = CsvTable::readFile(path);
        preview.columns = table.header();
        for (const CsvRecord& record : table.records()) {
            if (int(preview.rows.size()) == maxRows) break;
            preview.rows.push_back(record.fields);
        }
        return preview;
    }
    GdalDatasetPtr dataset = openVectorSource(path);
    OGRLayer* layer = findLayer(*dataset, path, layerName);
    preview.positionsFromGeometry = true;
    const OGRFeatureDefn* definition = layer->GetLayerDefn();
    for (int i = 0; i < definition->GetFieldCount(); ++i)
        preview.columns << QString::fromUtf8(definition->GetFieldDefn(i)->GetNameRef());
    layer->ResetReading();
    while (int(preview.rows.size()) < maxRows) {
        const OGRFeatureUniquePtr feature = nextFeature(*layer, path);
        if (!feature) break;
        QStringList row;
        for (int i = 0; i < definition->GetFieldCount(); ++i)
            row << (feature->IsFieldSetAndNotNull(i) ? QString::fromUtf8(feature->GetFieldAsString(i)) : QString());
        preview.rows.push_back(row);
    }
    return preview;
}

ImportBatch readGenericPoints(const QString& path, const PointMapping& mapping)
{
    return isCsvPath(path) ? readGenericCsv(path, mapping) : readGenericOgr(path, mapping);
}

}  // namespace maillage
