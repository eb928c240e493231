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

NetworkInput extractLines(const QString& path, const SpeedProfile& profile, const LineLayerOptions& options,
                          ExtractStats* statsOut)
{
    QElapsedTimer timer;
    timer.start();
    GdalDatasetPtr dataset = openVectorSource(path);
    OGRLayer* layer = findLayer(*dataset, path, options.layer);
    const QString layerName = QString::fromUtf8(layer->GetName());
    const int classField = requireField(*layer, path, options.classField);
    const int refField = optionalField(*layer, path, options.refField, false);
    const int speedField = optionalField(*layer, path, options.speedField, true);
    // A layer with a "oneway" field (OpenStreetMap-derived) uses it unless told otherwise.
    QString onewayName = options.onewayField;
    if (onewayName.isEmpty() && layer->GetLayerDefn()->GetFieldIndex("oneway") >= 0) onewayName = QStringLiteral("oneway");
    if (onewayName.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0) onewayName.clear();
    const int onewayField = optionalField(*layer, path, onewayName, true);

    ExtractStats stats;
    stats.sourceFile = path;
    stats.layer = layerName;
    stats.onewayField = onewayName;
    const OgrTransformPtr transform = transformToLambert93(layerSrs(*layer, path, stats), path);

    NetworkBuilder builder(profile, path);
    VertexMerger merger(builder, options.mergeToleranceMetres);
    std::vector<double> xs, ys;
    std::vector<std::uint32_t> vertices;
    std::int64_t unknownOneway = 0;
    const GIntBig featureCount = options.progress ? layer->GetFeatureCount(FALSE) : -1;

    layer->ResetReading();
    for (OGRFeatureUniquePtr feature(layer->GetNextFeature()); feature; feature.reset(layer->GetNextFeature())) {
        ++stats.featuresRead;
        if (options.progress && featureCount > 0 && stats.featuresRead % 4096 == 0
            && !options.progress(0.9 * static_cast<double>(stats.featuresRead) / static_cast<double>(featureCount)))
            throw Error(QStringLiteral("reading %1 cancelled").arg(path));

        const OGRGeometry* geometry = feature->GetGeometryRef();
        std::vector<const OGRLineString*> parts;
        if (geometry) {
            const auto type = wkbFlatten(geometry->getGeometryType());
            if (type == wkbLineString) {
                parts.push_back(geometry->toLineString());
            } else if (type == wkbMultiLineString) {
                for (const OGRLineString* part : *geometry->toMultiLineString()) parts.push_back(part);
            }
        }
        if (parts.empty()) {
            ++stats.skipped[geometry ? QStringLiteral("not a line") : QStringLiteral("no geometry")];
            continue;
        }

        const QString classValue = feature->IsFieldSetAndNotNull(classField)
                                       ? QString::fromUtf8(feature->GetFieldAsString(classField)).trimmed()
                                       : QString();
        bool notForCars = false;
        std::optional<RoadClass> roadClass = roadClassFromValue(classValue, &notForCars);
        if (notForCars) {
            ++stats.skipped[QStringLiteral("%1=%2").arg(options.classField, classValue)];
            continue;
        }
        if (!roadClass) {
            ++stats.unknownClasses[classValue.isEmpty() ? QStringLiteral("(empty)") : classValue];
            roadClass = RoadClass::Unknown;
        }

        WayAttributes attributes;
        if (refField >= 0 && feature->IsFieldSetAndNotNull(refField))
            attributes.ref = QString::fromUtf8(feature->GetFieldAsString(refField)).trimmed();
        attributes.roadClass = profile.classForRef(*roadClass, attributes.ref);
        attributes.kmh = profile.speedKmh(attributes.roadClass);
        if (speedField >= 0 && feature->IsFieldSetAndNotNull(speedField)) {
            const double kmh = feature->GetFieldAsDouble(speedField);
            if (kmh > 0.0 && kmh <= 200.0) {
                attributes.kmh = kmh;
                ++stats.speedFieldUsed;
            }
        }
        int direction = 0;
        if (onewayField >= 0) {
            const auto parsed = parseOnewayValue(QString::fromUtf8(feature->GetFieldAsString(onewayField)));
            if (parsed) direction = *parsed;
            else ++unknownOneway;
        }
        attributes.oneway = direction != 0;

        bool used = false;
        for (const OGRLineString* part : parts) {
            const int count = part->getNumPoints();
            xs.resize(count);
            ys.resize(count);
            for (int i = 0; i < count; ++i) {
                xs[i] = part->getX(i);
                ys[i] = part->getY(i);
            }
            if (count > 0 && !transform->Transform(count, xs.data(), ys.data())) {
                ++stats.skipped[QStringLiteral("cannot be projected to Lambert-93")];
                continue;
            }
            vertices.clear();
            for (int i = 0; i < count; ++i) {
                if (!std::isfinite(xs[i]) || !std::isfinite(ys[i])) continue;
                const std::int64_t snappedBefore = stats.verticesSnapped;
                vertices.push_back(merger.vertexAt({xs[i], ys[i]}, stats.verticesSnapped));
                if ((i == 0 || i == count - 1) && stats.verticesSnapped > snappedBefore) ++stats.endsJoined;
            }
            if (direction < 0) std::reverse(vertices.begin(), vertices.end());
            used = builder.addRoad(vertices, attributes) || used;
        }
        if (!used) {
            ++stats.skipped[QStringLiteral("shorter than the merge tolerance")];
            continue;
        }
        ++stats.featuresUsed;
        if (attributes.oneway) ++stats.onewayFeatures;
    }
    if (unknownOneway > 0)
        stats.warnings << QStringLiteral("%1, layer %2: %3 features with an unknown value in \"%4\", taken as two-way")
                              .arg(path, layerName)
                              .arg(unknownOneway)
                              .arg(onewayName);
    if (stats.unknownClassTotal() > 0) {
        QStringList values;
        for (const auto& [value, count] : stats.unknownClasses)
            values << QStringLiteral("\"%1\" × %2").arg(value).arg(count);
        stats.warnings << QStringLiteral("%1, layer %2: unknown values in \"%3\", driven at the \"unknown\" class speed: %4")
                              .arg(path, layerName, options.classField, values.join(QStringLiteral(", ")));
    }
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
