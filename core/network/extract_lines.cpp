#include "network/extract_lines.h"

#include "common/error.h"
#include "geo/crs.h"
#include "io/ogr_source.h"
#include "network/network_memory.h"

#include <QElapsedTimer>
#include <QHash>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <unordered_map>

namespace maillage {
namespace {

// Lower case, no accents, '_' and '-' as spaces, single spaces: "Départementale" ->
// "departementale", "motorway_link" -> "motorway link".
QString normalisedValue(const QString& value)
{
    QString text = value.normalized(QString::NormalizationForm_D);
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c.category() == QChar::Mark_NonSpacing) continue;
        out += (c == QLatin1Char('_') || c == QLatin1Char('-')) ? QLatin1Char(' ') : c.toLower();
    }
    return out.simplified();
}

struct ClassName {
    const char* value;                   // normalised
    std::optional<RoadClass> roadClass;  // nullopt: not for cars
};

const ClassName kClassNames[] = {
    {"motorway", RoadClass::Motorway},
    {"motorway link", RoadClass::MotorwayLink},
    {"trunk", RoadClass::Trunk},
    {"trunk link", RoadClass::TrunkLink},
    {"primary", RoadClass::Primary},
    {"primary link", RoadClass::PrimaryLink},
    {"secondary", RoadClass::Secondary},
    {"secondary link", RoadClass::SecondaryLink},
    {"tertiary", RoadClass::Tertiary},
    {"tertiary link", RoadClass::TertiaryLink},
    {"unclassified", RoadClass::Unclassified},
    {"residential", RoadClass::Residential},
    {"living street", RoadClass::LivingStreet},
    {"service", RoadClass::Service},
    {"track", RoadClass::Track},
    {"road", RoadClass::Unknown},
    {"unknown", RoadClass::Unknown},
    // French administrative classes (IGN CLASS_ADM) and functional classes (ROUTE 500 VOCATION).
    {"autoroute", RoadClass::Motorway},
    {"type autoroutier", RoadClass::Motorway},
    {"bretelle", RoadClass::MotorwayLink},
    {"nationale", RoadClass::Trunk},
    {"route nationale", RoadClass::Trunk},
    {"liaison principale", RoadClass::Trunk},
    {"liaison regionale", RoadClass::Primary},
    {"departementale", RoadClass::Secondary},
    {"route departementale", RoadClass::Secondary},
    {"liaison locale", RoadClass::Secondary},
    {"communale", RoadClass::Unclassified},
    {"route communale", RoadClass::Unclassified},
    {"chemin", RoadClass::Track},
    {"route empierree", RoadClass::Track},
    // Not for cars.
    {"footway", std::nullopt},
    {"cycleway", std::nullopt},
    {"path", std::nullopt},
    {"steps", std::nullopt},
    {"pedestrian", std::nullopt},
    {"bridleway", std::nullopt},
    {"corridor", std::nullopt},
    {"sentier", std::nullopt},
    {"escalier", std::nullopt},
    {"piste cyclable", std::nullopt},
};

std::uint64_t cellKey(std::int64_t ix, std::int64_t iy)
{
    return (static_cast<std::uint64_t>(ix) << 32) ^ static_cast<std::uint64_t>(iy & 0xffffffffLL);
}

// Merges vertices closer than the tolerance, with a hash grid of tolerance-sized cells:
// a vertex's neighbours within the tolerance are in its cell or the 8 around it.
class VertexMerger {
public:
    VertexMerger(NetworkBuilder& builder, double tolerance) : builder_(builder), tolerance_(tolerance) {}

    std::uint32_t vertexAt(XY p, std::int64_t& snapped)
    {
        const double cell = tolerance_ > 0.0 ? tolerance_ : 1e-3;
        const auto ix = static_cast<std::int64_t>(std::floor(p.x / cell));
        const auto iy = static_cast<std::int64_t>(std::floor(p.y / cell));
        std::uint32_t best = 0;
        double bestDistance = std::numeric_limits<double>::infinity();
        for (std::int64_t dx = -1; dx <= 1; ++dx)
            for (std::int64_t dy = -1; dy <= 1; ++dy) {
                const auto found = grid_.find(cellKey(ix + dx, iy + dy));
                if (found == grid_.end()) continue;
                for (const std::uint32_t vertex : found->second) {
                    const XY q = builder_.vertexPosition(vertex);
                    const double d = std::hypot(q.x - p.x, q.y - p.y);
                    if (d < bestDistance) {
                        bestDistance = d;
                        best = vertex;
                    }
                }
            }
        if (bestDistance <= tolerance_) {
            if (bestDistance > 0.0) ++snapped;
            return best;
        }
        const std::uint32_t vertex = builder_.addVertex(p);
        grid_[cellKey(ix, iy)].push_back(vertex);
        return vertex;
    }

private:
    NetworkBuilder& builder_;
    double tolerance_;
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> grid_;
};

// The layer's CRS, or a guess when it has none (with a warning): lon/lat when the extent
// fits, otherwise Lambert-93.
OGRSpatialReference layerSrs(OGRLayer& layer, const QString& path, ExtractStats& stats)
{
    OGRSpatialReference srs;
    if (const OGRSpatialReference* declared = layer.GetSpatialRef()) {
        srs = *declared;
        return srs;
    }
    OGREnvelope extent;
    const bool lonLat = layer.GetExtent(&extent, TRUE) == OGRERR_NONE && extent.MinX >= -180 && extent.MaxX <= 180
                        && extent.MinY >= -90 && extent.MaxY <= 90;
    srs.importFromEPSG(lonLat ? 4326 : kWorkingEpsg);
    stats.warnings << QStringLiteral("%1, layer %2: no coordinate system declared; assumed %3")
                          .arg(path, QString::fromUtf8(layer.GetName()),
                               lonLat ? QStringLiteral("WGS84 longitude/latitude") : QStringLiteral("Lambert-93"));
    return srs;
}

int optionalField(OGRLayer& layer, const QString& path, const QString& name, bool required)
{
    if (name.isEmpty()) return -1;
    if (required) return requireField(layer, path, name);
    return layer.GetLayerDefn()->GetFieldIndex(name.toUtf8().constData());
}

}  // namespace

std::optional<RoadClass> roadClassFromValue(const QString& value, bool* notForCars)
{
    if (notForCars) *notForCars = false;
    const QString key = normalisedValue(value);
    for (const ClassName& name : kClassNames) {
        if (key != QLatin1String(name.value)) continue;
        if (!name.roadClass && notForCars) *notForCars = true;
        return name.roadClass;
    }
    return std::nullopt;
}

std::optional<int> parseOnewayValue(const QString& value)
{
    if (value.trimmed() == QLatin1String("-1")) return -1;  // before normalising turns '-' into a space
    const QString key = normalisedValue(value);
    static const QHash<QString, int> directions{
        {QString(), 0},
        {QStringLiteral("no"), 0},
        {QStringLiteral("0"), 0},
        {QStringLiteral("false"), 0},
        {QStringLiteral("b"), 0},
        {QStringLiteral("both"), 0},
        {QStringLiteral("double sens"), 0},
        {QStringLiteral("sans objet"), 0},
        {QStringLiteral("n"), 0},
        {QStringLiteral("yes"), 1},
        {QStringLiteral("1"), 1},
        {QStringLiteral("true"), 1},
        {QStringLiteral("ft"), 1},
        {QStringLiteral("f"), 1},
        {QStringLiteral("sens direct"), 1},
        {QStringLiteral("sens unique"), 1},
        {QStringLiteral("oneway"), 1},
        {QStringLiteral("-1"), -1},
        {QStringLiteral("reverse"), -1},
        {QStringLiteral("tf"), -1},
        {QStringLiteral("t"), -1},
        {QStringLiteral("sens inverse"), -1},
    };
    const auto found = directions.constFind(key);
    if (found == directions.constEnd()) return std::nullopt;
    return *found;
}

namespace {

// The fields of a line layer the extraction reads, found once.
struct LineFields {
    int roadClass = -1;
    int ref = -1;
    int speed = -1;
    int oneway = -1;
    QString className;
    QString onewayName;  // empty: every road two-way

    static LineFields find(OGRLayer& layer, const QString& path, const LineLayerOptions& options)
    {
        LineFields fields;
        fields.className = options.classField;
        fields.roadClass = requireField(layer, path, options.classField);
        fields.ref = optionalField(layer, path, options.refField, false);
        fields.speed = optionalField(layer, path, options.speedField, true);
        // A layer with a "oneway" field (OpenStreetMap-derived) uses it unless told otherwise.
        fields.onewayName = options.onewayField;
        if (fields.onewayName.isEmpty() && layer.GetLayerDefn()->GetFieldIndex("oneway") >= 0)
            fields.onewayName = QStringLiteral("oneway");
        if (fields.onewayName.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0) fields.onewayName.clear();
        fields.oneway = optionalField(layer, path, fields.onewayName, true);
        return fields;
    }
};

// The line strings of a feature's geometry (a line or each line of a multi-line); none for any
// other geometry.
std::vector<const OGRLineString*> lineParts(const OGRGeometry* geometry)
{
    std::vector<const OGRLineString*> parts;
    if (!geometry) return parts;
    const auto type = wkbFlatten(geometry->getGeometryType());
    if (type == wkbLineString) parts.push_back(geometry->toLineString());
    else if (type == wkbMultiLineString)
        for (const OGRLineString* part : *geometry->toMultiLineString()) parts.push_back(part);
    return parts;
}

// A feature's road: its class, reference, speed and direction (+1 as drawn, -1 against, 0 both
// ways); none when its class is not for cars (counted as skipped). Unknown classes and one-way
// values are counted in `stats` and `unknownOneway`.
struct FeatureRoad {
    WayAttributes attributes;
    int direction = 0;
};

std::optional<FeatureRoad> featureRoad(OGRFeature& feature, const LineFields& fields, const SpeedProfile& profile,
                                       ExtractStats& stats, std::int64_t& unknownOneway)
{
    const QString classValue = feature.IsFieldSetAndNotNull(fields.roadClass)
                                   ? QString::fromUtf8(feature.GetFieldAsString(fields.roadClass)).trimmed()
                                   : QString();
    bool notForCars = false;
    std::optional<RoadClass> roadClass = roadClassFromValue(classValue, &notForCars);
    if (notForCars) {
        ++stats.skipped[QStringLiteral("%1=%2").arg(fields.className, classValue)];
        return std::nullopt;
    }
    if (!roadClass) {
        ++stats.unknownClasses[classValue.isEmpty() ? QStringLiteral("(empty)") : classValue];
        roadClass = RoadClass::Unknown;
    }

    FeatureRoad road;
    WayAttributes& attributes = road.attributes;
    if (fields.ref >= 0 && feature.IsFieldSetAndNotNull(fields.ref))
        attributes.ref = QString::fromUtf8(feature.GetFieldAsString(fields.ref)).trimmed();
    attributes.roadClass = profile.classForRef(*roadClass, attributes.ref);
    attributes.kmh = profile.speedKmh(attributes.roadClass);
    if (fields.speed >= 0 && feature.IsFieldSetAndNotNull(fields.speed)) {
        const double kmh = feature.GetFieldAsDouble(fields.speed);
        if (kmh > 0.0 && kmh <= 200.0) {
            attributes.kmh = kmh;
            ++stats.speedFieldUsed;
        }
    }
    if (fields.oneway >= 0) {
        const auto parsed = parseOnewayValue(QString::fromUtf8(feature.GetFieldAsString(fields.oneway)));
        if (parsed) road.direction = *parsed;
        else ++unknownOneway;
    }
    attributes.oneway = road.direction != 0;
    return road;
}

// Adds each part of a feature as a road, its vertices projected to Lambert-93 and merged with
// those already within the tolerance; false when no part made a road (all too short).
class PartAdder {
public:
    PartAdder(NetworkBuilder& builder, VertexMerger& merger, OGRCoordinateTransformation& transform, ExtractStats& stats)
        : builder_(builder), merger_(merger), transform_(transform), stats_(stats)
    {
    }

    bool add(const std::vector<const OGRLineString*>& parts, const FeatureRoad& road)
    {
        bool used = false;
        for (const OGRLineString* part : parts) {
            if (!project(*part)) {
                ++stats_.skipped[QStringLiteral("cannot be projected to Lambert-93")];
                continue;
            }
            mergeVertices();
            if (road.direction < 0) std::reverse(vertices_.begin(), vertices_.end());
            used = builder_.addRoad(vertices_, road.attributes) || used;
        }
        return used;
    }

private:
    bool project(const OGRLineString& part)
    {
        const int count = part.getNumPoints();
        xs_.resize(count);
        ys_.resize(count);
        for (int i = 0; i < count; ++i) {
            xs_[i] = part.getX(i);
            ys_[i] = part.getY(i);
        }
        return count == 0 || transform_.Transform(count, xs_.data(), ys_.data());
    }

    void mergeVertices()
    {
        const int count = int(xs_.size());
        vertices_.clear();
        for (int i = 0; i < count; ++i) {
            if (!std::isfinite(xs_[i]) || !std::isfinite(ys_[i])) continue;
            const std::int64_t snappedBefore = stats_.verticesSnapped;
            vertices_.push_back(merger_.vertexAt({xs_[i], ys_[i]}, stats_.verticesSnapped));
            if ((i == 0 || i == count - 1) && stats_.verticesSnapped > snappedBefore) ++stats_.endsJoined;
        }
    }

    NetworkBuilder& builder_;
    VertexMerger& merger_;
    OGRCoordinateTransformation& transform_;
    ExtractStats& stats_;
    std::vector<double> xs_, ys_;
    std::vector<std::uint32_t> vertices_;
};

// What the user should know once the layer is read: values the extraction had to guess.
void addValueWarnings(ExtractStats& stats, const QString& path, const QString& layerName, const LineFields& fields,
                      std::int64_t unknownOneway)
{
    if (unknownOneway > 0)
        stats.warnings << QStringLiteral("%1, layer %2: %3 features with an unknown value in \"%4\", taken as two-way")
                              .arg(path, layerName)
                              .arg(unknownOneway)
                              .arg(fields.onewayName);
    if (stats.unknownClassTotal() > 0) {
        QStringList values;
        for (const auto& [value, count] : stats.unknownClasses)
            values << QStringLiteral("\"%1\" × %2").arg(value).arg(count);
        stats.warnings << QStringLiteral("%1, layer %2: unknown values in \"%3\", driven at the \"unknown\" class speed: %4")
                              .arg(path, layerName, fields.className, values.join(QStringLiteral(", ")));
    }
}

}  // namespace

NetworkInput extractLines(const QString& path, const SpeedProfile& profile, const LineLayerOptions& options,
                          ExtractStats* statsOut)
{
    QElapsedTimer timer;
    timer.start();
    GdalDatasetPtr dataset = openVectorSource(path);
    OGRLayer* layer = findLayer(*dataset, path, options.layer);
    const QString layerName = QString::fromUtf8(layer->GetName());
    const LineFields fields = LineFields::find(*layer, path, options);

    ExtractStats stats;
    stats.sourceFile = path;
    stats.layer = layerName;
    stats.onewayField = fields.onewayName;
    const OgrTransformPtr transform = transformToLambert93(layerSrs(*layer, path, stats), path);

    NetworkBuilder builder(profile, path);
    VertexMerger merger(builder, options.mergeToleranceMetres);
    PartAdder adder(builder, merger, *transform, stats);
    std::int64_t unknownOneway = 0;
    const GIntBig featureCount = options.progress ? layer->GetFeatureCount(FALSE) : -1;

    layer->ResetReading();
    for (OGRFeatureUniquePtr feature(layer->GetNextFeature()); feature; feature.reset(layer->GetNextFeature())) {
        ++stats.featuresRead;
        if (options.progress && featureCount > 0 && stats.featuresRead % 4096 == 0
            && !options.progress(0.9 * static_cast<double>(stats.featuresRead) / static_cast<double>(featureCount)))
            throw Error(QStringLiteral("reading %1 cancelled").arg(path));

        const OGRGeometry* geometry = feature->GetGeometryRef();
        const std::vector<const OGRLineString*> parts = lineParts(geometry);
        if (parts.empty()) {
            ++stats.skipped[geometry ? QStringLiteral("not a line") : QStringLiteral("no geometry")];
            continue;
        }
        const std::optional<FeatureRoad> road = featureRoad(*feature, fields, profile, stats, unknownOneway);
        if (!road) continue;
        if (!adder.add(parts, *road)) {
            ++stats.skipped[QStringLiteral("shorter than the merge tolerance")];
            continue;
        }
        ++stats.featuresUsed;
        if (road->attributes.oneway) ++stats.onewayFeatures;
    }
    addValueWarnings(stats, path, layerName, fields, unknownOneway);
    if (builder.roadCount() == 0)
        throw Error(QStringLiteral("no car roads in %1 (layer %2: %3 features read%4)")
                        .arg(path, layerName)
                        .arg(stats.featuresRead)
                        .arg(stats.skipped.empty() ? QString() : QStringLiteral("; skipped: ") + stats.skippedSummary()));

    NetworkInput network = builder.build();
    stats.seconds = timer.elapsed() / 1000.0;
    if (options.progress) options.progress(1.0);
    if (statsOut) *statsOut = std::move(stats);
    return network;
}

NetworkInput extractNetwork(const QString& path, const SpeedProfile& profile, const LineLayerOptions& lineOptions,
                            const OsmExtractOptions& osmOptions, ExtractStats* stats)
{
    // Before anything is read: a file too large for the machine is refused, not swapped through.
    requireMemoryToRead(path);
    if (isOsmFile(path)) return extractOsm(path, profile, osmOptions, stats);
    return extractLines(path, profile, lineOptions, stats);
}

}  // namespace maillage
