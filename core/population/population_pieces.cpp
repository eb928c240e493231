#include "population/population_pieces.h"

#include "common/error.h"
#include "geo/crs.h"
#include "io/ogr_source.h"

#include <QFileInfo>
#include <QHash>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <memory>

namespace maillage {

double PopulationPieces::total() const
{
    double sum = 0.0;
    for (double v : quadValues) sum += v;
    for (double v : polygonValues) sum += v;
    for (double v : pointValues) sum += v;
    return sum;
}

std::optional<InseeSquare> parseInseeSquareId(const QString& id)
{
    // INSPIRE grid cell id: CRS<epsg>RES<size>mN<y>E<x>, corner at the south-west; letters in
    // any case, ASCII only. At most 9 digits: EPSG:3035 coordinates are under 10^8 m, so a
    // longer number is a damaged id, not a square (found by fuzzing: an 11-digit easting was
    // taken as a square 28 million km away).
    static const QRegularExpression pattern(
        QStringLiteral("^[Cc][Rr][Ss]3035[Rr][Ee][Ss]([0-9]{1,9})[Mm][Nn]([0-9]{1,9})[Ee]([0-9]{1,9})$"));
    const QRegularExpressionMatch match = pattern.match(id.trimmed());
    if (!match.hasMatch()) return std::nullopt;
    InseeSquare square;
    square.size = match.captured(1).toDouble();
    square.north = match.captured(2).toDouble();
    square.east = match.captured(3).toDouble();
    if (!(square.size > 0.0)) return std::nullopt;
    return square;
}

namespace {

QString fileName(const QString& path) { return QFileInfo(path).fileName(); }

// Index of the first field of `names` the layer has, in any case; -1 when none.
int findField(OGRLayer& layer, const QStringList& names)
{
    OGRFeatureDefn* definition = layer.GetLayerDefn();
    for (const QString& name : names)
        for (int i = 0; i < definition->GetFieldCount(); ++i)
            if (QString::fromUtf8(definition->GetFieldDefn(i)->GetNameRef()).compare(name, Qt::CaseInsensitive) == 0)
                return i;
    return -1;
}

QStringList fieldNames(OGRLayer& layer)
{
    QStringList names;
    OGRFeatureDefn* definition = layer.GetLayerDefn();
    for (int i = 0; i < definition->GetFieldCount(); ++i)
        names << QString::fromUtf8(definition->GetFieldDefn(i)->GetNameRef());
    return names;
}

// A number from a numeric or text field (CSV files come as text; a decimal comma is accepted).
std::optional<double> numberIn(OGRFeature& feature, int field)
{
    if (field < 0 || !feature.IsFieldSetAndNotNull(field)) return std::nullopt;
    const OGRFieldType type = feature.GetFieldDefnRef(field)->GetType();
    if (type == OFTReal || type == OFTInteger || type == OFTInteger64) return feature.GetFieldAsDouble(field);
    QString text = QString::fromUtf8(feature.GetFieldAsString(field)).trimmed();
    if (text.isEmpty()) return std::nullopt;
    text.replace(QLatin1Char(','), QLatin1Char('.'));
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value)) return std::nullopt;
    return value;
}

QString featureName(const QString& path, OGRFeature& feature)
{
    return QStringLiteral("%1, feature %2").arg(fileName(path)).arg(feature.GetFID());
}

// Transformation from a source CRS to Lambert-93, in x/y (east/north) order on both sides.
class ToLambert93 {
public:
    explicit ToLambert93(const OGRSpatialReference& source)
    {
        source_ = source;
        source_.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        target_.importFromEPSG(kWorkingEpsg);
        target_.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        transform_.reset(OGRCreateCoordinateTransformation(&source_, &target_));
        if (!transform_) throw Error(QStringLiteral("cannot transform to Lambert-93: %1").arg(lastGdalError()));
    }
    static ToLambert93 fromEpsg(int epsg)
    {
        OGRSpatialReference source;
        source.importFromEPSG(epsg);
        return ToLambert93(source);
    }
    // In place; false when any point fails.
    bool transform(std::vector<double>& xs, std::vector<double>& ys) const
    {
        if (xs.empty()) return true;
        return transform_->Transform(xs.size(), xs.data(), ys.data()) != 0;
    }
    // The box of `area` (Lambert-93) in the source CRS.
    BBox sourceBoundsOf(const BBox& area) const
    {
        std::unique_ptr<OGRCoordinateTransformation> inverse(transform_->GetInverse());
        BBox box;
        if (inverse
            && inverse->TransformBounds(area.minX, area.minY, area.maxX, area.maxY, &box.minX, &box.minY, &box.maxX,
                                        &box.maxY, 21))
            return box;
        return BBox{-HUGE_VAL, -HUGE_VAL, HUGE_VAL, HUGE_VAL};
    }
    const OGRSpatialReference& target() const { return target_; }

private:
    OGRSpatialReference source_;
    OGRSpatialReference target_;
    std::unique_ptr<OGRCoordinateTransformation> transform_;
};

bool overlaps(const BBox& box, double minX, double minY, double maxX, double maxY)
{
    return !(maxX < box.minX || minX > box.maxX || maxY < box.minY || minY > box.maxY);
}

// Squares (south-west corners and sizes, in EPSG:3035) turned into Lambert-93 quadrilaterals.
void addSquares(PopulationPieces& pieces, const std::vector<InseeSquare>& squares, const std::vector<double>& values,
                const QString& path)
{
    const ToLambert93 transform = ToLambert93::fromEpsg(3035);
    std::vector<double> xs, ys;
    xs.reserve(squares.size() * 4);
    ys.reserve(squares.size() * 4);
    for (const InseeSquare& s : squares) {
        const double corners[4][2] = {
            {s.east, s.north}, {s.east + s.size, s.north}, {s.east + s.size, s.north + s.size}, {s.east, s.north + s.size}};
        for (const auto& c : corners) {
            xs.push_back(c[0]);
            ys.push_back(c[1]);
        }
    }
    if (!transform.transform(xs, ys))
        throw Error(QStringLiteral("%1: cannot reproject the squares from EPSG:3035 to Lambert-93: %2")
                        .arg(fileName(path), lastGdalError()));
    for (std::size_t i = 0; i < squares.size(); ++i) {
        std::array<XY, 4> quad;
        for (std::size_t k = 0; k < 4; ++k) quad[k] = {xs[4 * i + k], ys[4 * i + k]};
        pieces.quads.push_back(quad);
        pieces.quadValues.push_back(values[i]);
    }
}

struct Rectangle {
    double people = 0.0;
    int squares = 0;
};

// INSEE 2010 rectangles: id `idk`, people `ind_r`, squares `nbcar`.
QHash<QString, Rectangle> readRectangles(const QString& path)
{
    GdalDatasetPtr dataset = openVectorSource(path);
    OGRLayer* layer = findLayer(*dataset, path, QString());
    const int id = requireField(*layer, path, QStringLiteral("idk"));
    const int people = requireField(*layer, path, QStringLiteral("ind_r"));
    const int squares = requireField(*layer, path, QStringLiteral("nbcar"));
    QHash<QString, Rectangle> rectangles;
    layer->ResetReading();
    for (std::unique_ptr<OGRFeature> feature(layer->GetNextFeature()); feature; feature.reset(layer->GetNextFeature())) {
        const std::optional<double> count = numberIn(*feature, people);
        const std::optional<double> n = numberIn(*feature, squares);
        if (!count || !n || *n < 1)
            throw Error(QStringLiteral("%1: rectangle without ind_r or nbcar").arg(featureName(path, *feature)));
        rectangles.insert(QString::fromUtf8(feature->GetFieldAsString(id)).trimmed(), {*count, int(*n)});
    }
    return rectangles;
}

QString groupedNumber(double value, int decimals) { return QLocale(QLocale::English).toString(value, 'f', decimals); }

PopulationPieces readInseeSquares(const QString& path, OGRLayer& layer, int idField, const PopulationGridOptions& options)
{
    const int valueField = options.valueField.isEmpty() ? findField(layer, {QStringLiteral("ind"), QStringLiteral("ind_c")})
                                                        : requireField(layer, path, options.valueField);
    if (valueField < 0)
        throw Error(QStringLiteral("%1: INSEE squares without a people field (ind, or ind_c for 2010); fields: %2")
                        .arg(fileName(path), fieldNames(layer).join(QStringLiteral(", "))));
    const int imputedField =
        findField(layer, {QStringLiteral("i_est_200"), QStringLiteral("i_est_1km"), QStringLiteral("i_est_cr")});
    const int rectangleField = findField(layer, {QStringLiteral("idk")});
    QHash<QString, Rectangle> rectangles;
    if (!options.rectanglesPath.isEmpty()) {
        if (rectangleField < 0)
            throw Error(
                QStringLiteral("%1: a rectangles file was given but the squares have no idk field").arg(fileName(path)));
        rectangles = readRectangles(options.rectanglesPath);
    }
    // Without an area every square is kept: an infinite box (no optional, whose use GCC 12
    // wrongly reports as maybe-uninitialised at -O3).
    const BBox area = options.area ? ToLambert93::fromEpsg(3035).sourceBoundsOf(*options.area)
                                   : BBox{-HUGE_VAL, -HUGE_VAL, HUGE_VAL, HUGE_VAL};

    PopulationPieces pieces;
    std::vector<InseeSquare> squares;
    std::vector<double> values;
    double squareSize = 0.0;
    layer.ResetReading();
    for (std::unique_ptr<OGRFeature> feature(layer.GetNextFeature()); feature; feature.reset(layer.GetNextFeature())) {
        const QString id = QString::fromUtf8(feature->GetFieldAsString(idField));
        const std::optional<InseeSquare> square = parseInseeSquareId(id);
        if (!square)
            throw Error(QStringLiteral("%1: \"%2\" is not an INSEE square id (CRS3035RES200mN…E…)")
                            .arg(featureName(path, *feature), id));
        squareSize = square->size;
        if (!overlaps(area, square->east, square->north, square->east + square->size, square->north + square->size)) {
            ++pieces.skipped;
            continue;
        }
        std::optional<double> people = numberIn(*feature, valueField);
        bool imputed = imputedField >= 0 && numberIn(*feature, imputedField).value_or(0.0) != 0.0;
        if (!rectangles.isEmpty()) {
            const QString key = QString::fromUtf8(feature->GetFieldAsString(rectangleField)).trimmed();
            const auto rectangle = rectangles.constFind(key);
            if (rectangle == rectangles.constEnd())
                throw Error(QStringLiteral("%1: rectangle \"%2\" is not in %3")
                                .arg(featureName(path, *feature), key, fileName(options.rectanglesPath)));
            // INSEE grouped squares of few households into rectangles for statistical secrecy.
            if (rectangle->squares > 1) imputed = true;
            if (!people) people = rectangle->people / rectangle->squares;
        }
        if (!people || *people < 0.0)
            throw Error(QStringLiteral("%1: square %2 has no number of people in %3")
                            .arg(featureName(path, *feature), id,
                                 QString::fromUtf8(layer.GetLayerDefn()->GetFieldDefn(valueField)->GetNameRef())));
        if (imputed) ++pieces.imputed;
        squares.push_back(*square);
        values.push_back(*people);
    }
    addSquares(pieces, squares, values, path);
    pieces.description = QStringLiteral("INSEE %1 squares (%2): %3 squares, %4 people, %5 imputed")
                             .arg(squareSize >= 1000 ? QStringLiteral("%1 km").arg(squareSize / 1000)
                                                     : QStringLiteral("%1 m").arg(squareSize),
                                  fileName(path), groupedNumber(double(squares.size()), 0), groupedNumber(pieces.total(), 1),
                                  groupedNumber(pieces.imputed, 0));
    return pieces;
}

const OGRSpatialReference& requireSrs(const OGRSpatialReference* srs, const QString& path)
{
    if (!srs)
        throw Error(QStringLiteral("%1 has no coordinate reference system: say which in the file (e.g. a .prj)")
                        .arg(fileName(path)));
    return *srs;
}

// Four corners in order around a simple ring, or nullopt when it is not a plain quadrilateral.
std::optional<std::array<XY, 4>> quadOf(const OGRGeometry& geometry)
{
    if (wkbFlatten(geometry.getGeometryType()) != wkbPolygon) return std::nullopt;
    const OGRPolygon& polygon = *geometry.toPolygon();
    if (polygon.getNumInteriorRings() > 0 || !polygon.getExteriorRing()) return std::nullopt;
    const OGRLinearRing& ring = *polygon.getExteriorRing();
    if (ring.getNumPoints() != 5) return std::nullopt;
    std::array<XY, 4> quad;
    for (int k = 0; k < 4; ++k) quad[std::size_t(k)] = {ring.getX(k), ring.getY(k)};
    // Convex: every turn the same way.
    double sign = 0.0;
    for (int k = 0; k < 4; ++k) {
        const XY a = quad[std::size_t(k)], b = quad[std::size_t((k + 1) % 4)], c = quad[std::size_t((k + 2) % 4)];
        const double cross = (b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x);
        if (cross == 0.0) continue;
        if (sign == 0.0) sign = cross;
        else if ((cross > 0) != (sign > 0)) return std::nullopt;
    }
    return quad;
}

PopulationPieces readPopulationLayer(const QString& path, OGRLayer& layer, const PopulationGridOptions& options)
{
    const int valueField = options.valueField.isEmpty() ? findField(
                               layer, {QStringLiteral("population"), QStringLiteral("pop"), QStringLiteral("ind"),
                                       QStringLiteral("people"), QStringLiteral("pop_tot")})
                                                        : requireField(layer, path, options.valueField);
    if (valueField < 0)
        throw Error(QStringLiteral("%1: no INSEE square id and no population field (population, pop, ind); "
                                   "name it with the value field option; fields: %2")
                        .arg(fileName(path), fieldNames(layer).join(QStringLiteral(", "))));
    if (layer.GetGeomType() == wkbNone)
        throw Error(QStringLiteral("%1: the layer has no geometry and no INSEE square id (idcar_200m, idcar_1km, idINSPIRE)")
                        .arg(fileName(path)));
    const ToLambert93 transform(requireSrs(layer.GetSpatialRef(), path));
    PopulationPieces pieces;
    layer.ResetReading();
    for (std::unique_ptr<OGRFeature> feature(layer.GetNextFeature()); feature; feature.reset(layer.GetNextFeature())) {
        OGRGeometry* geometry = feature->GetGeometryRef();
        const std::optional<double> people = numberIn(*feature, valueField);
        if (!geometry || geometry->IsEmpty() || !people || *people <= 0.0) {
            if (people && *people < 0.0)
                pieces.warnings
                    << QStringLiteral("%1: negative population %2, left out").arg(featureName(path, *feature)).arg(*people);
            ++pieces.skipped;
            continue;
        }
        std::unique_ptr<OGRGeometry> copy(geometry->clone());
        copy->assignSpatialReference(layer.GetSpatialRef());
        if (copy->transformTo(const_cast<OGRSpatialReference*>(&transform.target())) != OGRERR_NONE)
            throw Error(QStringLiteral("%1: cannot reproject to Lambert-93").arg(featureName(path, *feature)));
        const OGRwkbGeometryType type = wkbFlatten(copy->getGeometryType());
        if (type == wkbPoint) {
            pieces.points.push_back({copy->toPoint()->getX(), copy->toPoint()->getY()});
            pieces.pointValues.push_back(*people);
        } else if (type == wkbPolygon || type == wkbMultiPolygon) {
            if (const auto quad = quadOf(*copy)) {
                pieces.quads.push_back(*quad);
                pieces.quadValues.push_back(*people);
            } else {
                pieces.polygons.push_back(std::shared_ptr<const OGRGeometry>(copy.release()));
                pieces.polygonValues.push_back(*people);
            }
        } else {
            throw Error(QStringLiteral("%1: a %2 cannot hold people: points or polygons only")
                            .arg(featureName(path, *feature), QString::fromUtf8(OGRGeometryTypeToName(type))));
        }
    }
    pieces.description =
        QStringLiteral("%1 (field %2): %3 features, %4 people")
            .arg(fileName(path), QString::fromUtf8(layer.GetLayerDefn()->GetFieldDefn(valueField)->GetNameRef()),
                 groupedNumber(double(pieces.size()), 0), groupedNumber(pieces.total(), 1));
    return pieces;
}

PopulationPieces readPopulationRaster(const QString& path, GDALDataset& dataset, const PopulationGridOptions& options)
{
    GDALRasterBand* band = dataset.GetRasterBand(1);
    double transformCoefficients[6];
    if (dataset.GetGeoTransform(transformCoefficients) != CE_None)
        throw Error(QStringLiteral("%1: the raster has no georeferencing").arg(fileName(path)));
    const ToLambert93 transform(requireSrs(dataset.GetSpatialRef(), path));
    int noDataSet = 0;
    const double noData = band->GetNoDataValue(&noDataSet);
    const int width = dataset.GetRasterXSize(), height = dataset.GetRasterYSize();
    // The window covering the area (a GHSL tile or a national WorldPop file is much larger).
    int x0 = 0, y0 = 0, x1 = width, y1 = height;
    const bool northUp = transformCoefficients[2] == 0.0 && transformCoefficients[4] == 0.0;
    if (options.area && northUp) {
        const BBox box = transform.sourceBoundsOf(*options.area);
        const auto column = [&](double x) { return (x - transformCoefficients[0]) / transformCoefficients[1]; };
        const auto row = [&](double y) { return (y - transformCoefficients[3]) / transformCoefficients[5]; };
        const double c0 = std::min(column(box.minX), column(box.maxX)), c1 = std::max(column(box.minX), column(box.maxX));
        const double r0 = std::min(row(box.minY), row(box.maxY)), r1 = std::max(row(box.minY), row(box.maxY));
        x0 = std::clamp(int(std::floor(c0)), 0, width);
        x1 = std::clamp(int(std::ceil(c1)), 0, width);
        y0 = std::clamp(int(std::floor(r0)), 0, height);
        y1 = std::clamp(int(std::ceil(r1)), 0, height);
    }
    PopulationPieces pieces;
    const int w = x1 - x0, h = y1 - y0;
    if (w > 0 && h > 0) {
        std::vector<double> values(std::size_t(w) * std::size_t(h));
        if (band->RasterIO(GF_Read, x0, y0, w, h, values.data(), w, h, GDT_Float64, 0, 0) != CE_None)
            throw Error(QStringLiteral("%1: cannot read the raster: %2").arg(fileName(path), lastGdalError()));
        std::vector<double> xs, ys, kept;
        for (int r = 0; r < h; ++r)
            for (int c = 0; c < w; ++c) {
                const double v = values[std::size_t(r) * std::size_t(w) + std::size_t(c)];
                if (!std::isfinite(v) || (noDataSet && v == noData) || v <= 0.0) continue;
                const double corners[4][2] = {{0, 1}, {1, 1}, {1, 0}, {0, 0}};  // pixel corners, around
                for (const auto& k : corners) {
                    const double px = x0 + c + k[0], py = y0 + r + k[1];
                    xs.push_back(transformCoefficients[0] + px * transformCoefficients[1] + py * transformCoefficients[2]);
                    ys.push_back(transformCoefficients[3] + px * transformCoefficients[4] + py * transformCoefficients[5]);
                }
                kept.push_back(v);
            }
        if (!transform.transform(xs, ys))
            throw Error(
                QStringLiteral("%1: cannot reproject the pixels to Lambert-93: %2").arg(fileName(path), lastGdalError()));
        for (std::size_t i = 0; i < kept.size(); ++i) {
            std::array<XY, 4> quad;
            for (std::size_t k = 0; k < 4; ++k) quad[k] = {xs[4 * i + k], ys[4 * i + k]};
            pieces.quads.push_back(quad);
            pieces.quadValues.push_back(kept[i]);
        }
    }
    pieces.description =
        QStringLiteral("raster %1: %2 pixels with people, %3 people")
            .arg(fileName(path), groupedNumber(double(pieces.quads.size()), 0), groupedNumber(pieces.total(), 1));
    return pieces;
}

}  // namespace

PopulationPieces readPopulationGrid(const QString& path, const PopulationGridOptions& options)
{
    if (!QFileInfo::exists(path)) throw Error(QStringLiteral("cannot open %1: no such file").arg(path));
    registerGdal();
    CPLErrorReset();
    const QByteArray gdalPath = gdalPathFor(path).toUtf8();
    // A raster of people per pixel (GHSL, WorldPop), unless the file is a vector layer. A CSV
    // is always a table (GDAL would read x,y,value columns as an XYZ raster).
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QStringLiteral("csv") && suffix != QStringLiteral("txt") && suffix != QStringLiteral("dbf")) {
        CPLPushErrorHandler(CPLQuietErrorHandler);
        GdalDatasetPtr raster{static_cast<GDALDataset*>(
            GDALOpenEx(gdalPath.constData(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr))};
        CPLPopErrorHandler();
        CPLErrorReset();
        if (raster && raster->GetRasterCount() > 0 && raster->GetLayerCount() == 0)
            return readPopulationRaster(path, *raster, options);
    }
    GdalDatasetPtr dataset = openVectorSource(path);
    OGRLayer* layer = findLayer(*dataset, path, options.layer);
    const int idField =
        findField(*layer, {QStringLiteral("idcar_200m"), QStringLiteral("idcar_1km"), QStringLiteral("idINSPIRE")});
    if (idField >= 0) return readInseeSquares(path, *layer, idField, options);
    return readPopulationLayer(path, *layer, options);
}

namespace {

// OSM `building` values and BD TOPO `usage_1` values where no one lives.
bool isDwelling(const QString& osmBuilding, const QString& usage)
{
    static const QSet<QString> notDwellings = {
        QStringLiteral("industrial"),  QStringLiteral("commercial"),     QStringLiteral("retail"),
        QStringLiteral("warehouse"),   QStringLiteral("office"),         QStringLiteral("supermarket"),
        QStringLiteral("kiosk"),       QStringLiteral("farm_auxiliary"), QStringLiteral("barn"),
        QStringLiteral("cowshed"),     QStringLiteral("stable"),         QStringLiteral("sty"),
        QStringLiteral("greenhouse"),  QStringLiteral("garage"),         QStringLiteral("garages"),
        QStringLiteral("carport"),     QStringLiteral("shed"),           QStringLiteral("hut"),
        QStringLiteral("roof"),        QStringLiteral("church"),         QStringLiteral("chapel"),
        QStringLiteral("cathedral"),   QStringLiteral("mosque"),         QStringLiteral("synagogue"),
        QStringLiteral("temple"),      QStringLiteral("religious"),      QStringLiteral("school"),
        QStringLiteral("university"),  QStringLiteral("college"),        QStringLiteral("kindergarten"),
        QStringLiteral("hospital"),    QStringLiteral("public"),         QStringLiteral("civic"),
        QStringLiteral("government"),  QStringLiteral("train_station"),  QStringLiteral("transportation"),
        QStringLiteral("parking"),     QStringLiteral("service"),        QStringLiteral("transformer_tower"),
        QStringLiteral("water_tower"), QStringLiteral("silo"),           QStringLiteral("storage_tank"),
        QStringLiteral("bunker"),      QStringLiteral("ruins"),          QStringLiteral("construction"),
        QStringLiteral("sports_hall"), QStringLiteral("stadium"),        QStringLiteral("hangar"),
        QStringLiteral("toilets")};
    if (!osmBuilding.isEmpty() && notDwellings.contains(osmBuilding.toLower())) return false;
    if (!usage.isEmpty()) {
        const QString u = usage.toLower();
        return u.startsWith(QStringLiteral("résidentiel")) || u.startsWith(QStringLiteral("residentiel"))
               || u.startsWith(QStringLiteral("indifférencié")) || u.startsWith(QStringLiteral("indifferencie"));
    }
    return true;
}

// The fields of a building layer that are read (-1: the layer has none).
struct BuildingFields {
    int area = -1;
    int levels = -1;
    int building = -1;  // OSM
    int usage = -1;     // BD TOPO
};

BuildingFields findBuildingFields(OGRLayer& layer)
{
    return {findField(layer, {QStringLiteral("area_m2"), QStringLiteral("surface"), QStringLiteral("area")}),
            findField(layer, {QStringLiteral("levels"), QStringLiteral("building:levels"), QStringLiteral("building_levels"),
                              QStringLiteral("nombre_d_etages")}),
            findField(layer, {QStringLiteral("building")}),
            findField(layer, {QStringLiteral("usage_1"), QStringLiteral("usage1")})};
}

// Fields we do not read are not decoded: 400,000 features must load in well under a second.
void ignoreOtherFields(OGRLayer& layer, const BuildingFields& fields)
{
    QList<QByteArray> ignored;
    OGRFeatureDefn* definition = layer.GetLayerDefn();
    for (int i = 0; i < definition->GetFieldCount(); ++i)
        if (i != fields.area && i != fields.levels && i != fields.building && i != fields.usage)
            ignored << QByteArray(definition->GetFieldDefn(i)->GetNameRef());
    std::vector<const char*> names;
    for (const QByteArray& name : ignored) names.push_back(name.constData());
    names.push_back(nullptr);
    layer.SetIgnoredFields(names.data());
}

// The CRS of a building layer and, when it is not Lambert-93, the way there.
struct BuildingCrs {
    explicit BuildingCrs(const OGRSpatialReference& layerSrs) : source(layerSrs)
    {
        lambert93.importFromEPSG(kWorkingEpsg);
        inLambert93 = source.IsSame(&lambert93);
        if (!inLambert93) transform.emplace(source);
    }
    const OGRSpatialReference& source;
    OGRSpatialReference lambert93;
    bool inLambert93 = false;
    std::optional<ToLambert93> transform;
};

// Where a building stands and its footprint's area (that of the area field when it has one).
struct Footprint {
    XY at;
    double area = 0.0;
    bool inSourceCrs = false;  // a point of another CRS: reprojected later, with the others
};

// The footprint of a feature; nullopt when it has no geometry or no centroid. A polygon is
// reprojected here, to measure it and take its centroid in Lambert-93.
std::optional<Footprint> footprintOf(OGRFeature& feature, const BuildingFields& fields, BuildingCrs& crs,
                                     const QString& path)
{
    OGRGeometry* geometry = feature.GetGeometryRef();
    if (!geometry || geometry->IsEmpty()) return std::nullopt;
    const OGRwkbGeometryType type = wkbFlatten(geometry->getGeometryType());
    Footprint footprint{{}, numberIn(feature, fields.area).value_or(0.0), false};
    if (type == wkbPoint) {
        footprint.at = {geometry->toPoint()->getX(), geometry->toPoint()->getY()};
        footprint.inSourceCrs = !crs.inLambert93;
        return footprint;
    }
    if (type != wkbPolygon && type != wkbMultiPolygon)
        throw Error(QStringLiteral("%1: a %2 is not a building: points or polygons only")
                        .arg(featureName(path, feature), QString::fromUtf8(OGRGeometryTypeToName(type))));
    std::unique_ptr<OGRGeometry> copy(geometry->clone());
    if (!crs.inLambert93) {
        copy->assignSpatialReference(const_cast<OGRSpatialReference*>(&crs.source));
        if (copy->transformTo(&crs.lambert93) != OGRERR_NONE)
            throw Error(QStringLiteral("%1: cannot reproject to Lambert-93").arg(featureName(path, feature)));
    }
    if (fields.area < 0 || footprint.area <= 0.0) footprint.area = copy->toSurface()->get_Area();
    OGRPoint centre;
    if (copy->Centroid(&centre) != OGRERR_NONE) return std::nullopt;
    footprint.at = {centre.getX(), centre.getY()};
    return footprint;
}

// The same, from a feature's fields (empty where the layer has none).
bool isDwelling(OGRFeature& feature, const BuildingFields& fields)
{
    const QString building = fields.building >= 0 ? QString::fromUtf8(feature.GetFieldAsString(fields.building)) : QString();
    const QString usage = fields.usage >= 0 ? QString::fromUtf8(feature.GetFieldAsString(fields.usage)) : QString();
    return isDwelling(building, usage);
}

// Points read in another CRS are reprojected together (polygons were, one by one).
void reprojectPoints(std::vector<XY>& points, const std::vector<std::uint8_t>& inSourceCrs, const ToLambert93& transform,
                     const QString& path)
{
    std::vector<double> px, py;
    std::vector<std::size_t> which;
    for (std::size_t i = 0; i < points.size(); ++i)
        if (inSourceCrs[i]) {
            px.push_back(points[i].x);
            py.push_back(points[i].y);
            which.push_back(i);
        }
    if (!transform.transform(px, py))
        throw Error(
            QStringLiteral("%1: cannot reproject the buildings to Lambert-93: %2").arg(fileName(path), lastGdalError()));
    for (std::size_t k = 0; k < which.size(); ++k) points[which[k]] = {px[k], py[k]};
}

// Keeps the buildings of the area only (a regional file covers much more); the others count
// as skipped.
void keepBuildingsIn(PopulationPieces& pieces, const BBox& area)
{
    PopulationPieces kept;
    for (std::size_t i = 0; i < pieces.points.size(); ++i)
        if (area.contains(pieces.points[i])) {
            kept.points.push_back(pieces.points[i]);
            kept.pointValues.push_back(pieces.pointValues[i]);
        }
    kept.skipped = pieces.skipped + int(pieces.points.size() - kept.points.size());
    pieces = std::move(kept);
}

}  // namespace

PopulationPieces readBuildings(const QString& path, const BuildingOptions& options)
{
    GdalDatasetPtr dataset = openVectorSource(path);
    OGRLayer* layer = findLayer(*dataset, path, options.layer);
    if (layer->GetGeomType() == wkbNone)
        throw Error(QStringLiteral("%1: the building layer has no geometry").arg(fileName(path)));
    const BuildingFields fields = findBuildingFields(*layer);
    BuildingCrs crs(requireSrs(layer->GetSpatialRef(), path));
    ignoreOtherFields(*layer, fields);

    PopulationPieces pieces;
    std::vector<std::uint8_t> inSourceCrs;  // per point: still to be reprojected
    layer->ResetReading();
    for (std::unique_ptr<OGRFeature> feature(layer->GetNextFeature()); feature; feature.reset(layer->GetNextFeature())) {
        const std::optional<Footprint> footprint = footprintOf(*feature, fields, crs, path);
        if (!footprint || !(footprint->area >= options.minimumAreaM2) || !isDwelling(*feature, fields)) {
            ++pieces.skipped;
            continue;
        }
        const double levels = std::max(1.0, numberIn(*feature, fields.levels).value_or(1.0));
        pieces.points.push_back(footprint->at);
        pieces.pointValues.push_back(footprint->area * levels);
        inSourceCrs.push_back(footprint->inSourceCrs ? 1 : 0);
    }
    if (crs.transform) reprojectPoints(pieces.points, inSourceCrs, *crs.transform, path);
    if (options.area) keepBuildingsIn(pieces, *options.area);
    pieces.description = QStringLiteral("buildings %1: %2 dwellings of %3 m² or more (%4 left out)")
                             .arg(fileName(path), groupedNumber(double(pieces.points.size()), 0),
                                  groupedNumber(options.minimumAreaM2, 0), groupedNumber(pieces.skipped, 0));
    return pieces;
}

}  // namespace maillage
