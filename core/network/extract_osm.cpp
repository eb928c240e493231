#include "network/extract_osm.h"

#include "common/error.h"
#include "io/ogr_source.h"
#include "network/osm_assembly.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSet>
#include <QTemporaryFile>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>

namespace maillage {
namespace {

// The driver's configuration: the tags we need as plain fields of the "lines" layer, nothing
// else (no other_tags to parse, smaller memory). Closed ways listed in
// closed_ways_are_polygons, or tagged area=yes, go to the multipolygons layer, which is not read.
const char* const kOsmConf =
    R"(closed_ways_are_polygons=aeroway,amenity,boundary,building,craft,geological,historic,landuse,leisure,military,natural,office,place,shop,sport,tourism,highway=platform,public_transport=platform
[points]
osm_id=no
attributes=name
other_tags=no
[lines]
osm_id=yes
attributes=highway,oneway,junction,maxspeed,access,vehicle,motor_vehicle,motorcar,area,ref
other_tags=no
[multipolygons]
osm_id=no
attributes=name
other_tags=no
[multilinestrings]
osm_id=no
attributes=name
other_tags=no
[other_relations]
osm_id=no
attributes=name
other_tags=no
)";

// The road class of an OSM highway value; none for a way that is not a road for cars. Our
// class names are OSM's highway values (speed_profile.h), but for "road", a highway not yet
// classified by mappers, which we call "unknown".
std::optional<RoadClass> highwayClass(const QString& highway)
{
    if (highway == QLatin1String("road")) return RoadClass::Unknown;
    if (highway == QLatin1String("unknown") || highway != highway.trimmed()) return std::nullopt;
    return roadClassFromName(highway);
}

bool isNo(const QString& value)
{
    static const QSet<QString> denied{
        QStringLiteral("no"),       QStringLiteral("private"),   QStringLiteral("agricultural"),
        QStringLiteral("forestry"), QStringLiteral("emergency"), QStringLiteral("psv"),
        QStringLiteral("bus"),      QStringLiteral("military"),  QStringLiteral("agricultural;forestry"),
        QStringLiteral("disabled"), QStringLiteral("permit")};
    return denied.contains(value);
}

QString fieldText(OGRFeature& feature, int field)
{
    if (field < 0 || !feature.IsFieldSetAndNotNull(field)) return {};
    return QString::fromUtf8(feature.GetFieldAsString(field)).trimmed();
}

// A key for a vertex from its exact coordinates: the driver stores them as integers of
// 1e-7 degree, so shared nodes give identical values and rounding recovers the integers.
std::uint64_t coordinateKey(double lon, double lat)
{
    return osmVertexKey(std::llround(lon * 1e7), std::llround(lat * 1e7));
}

XY coordinateOf(std::uint64_t key)
{
    const auto lonUnits = static_cast<std::int64_t>(key >> 32) - 1'800'000'000LL;
    const auto latUnits = static_cast<std::int64_t>(key & 0xffffffffULL) - 900'000'000LL;
    return {static_cast<double>(lonUnits) * 1e-7, static_cast<double>(latUnits) * 1e-7};
}

// The "lines" layer of an OSM file, opened through the driver with our configuration.
class OsmLinesReader {
public:
    explicit OsmLinesReader(const QString& path) : conf_(QDir::tempPath() + QStringLiteral("/maillage-osmconf-XXXXXX.ini"))
    {
        if (!conf_.open() || conf_.write(kOsmConf) < 0 || !conf_.flush())
            throw Error(QStringLiteral("cannot write a temporary OSM driver configuration in %1").arg(QDir::tempPath()));
        const QByteArray confOption = "CONFIG_FILE=" + conf_.fileName().toUtf8();
        const char* const openOptions[] = {confOption.constData(), nullptr};
        const char* const drivers[] = {"OSM", nullptr};

        registerGdal();
        CPLErrorReset();
        const QByteArray gdalPath = gdalPathFor(path).toUtf8();
        dataset_.reset(static_cast<GDALDataset*>(
            GDALOpenEx(gdalPath.constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, openOptions, nullptr)));
        if (!dataset_) throw Error(QStringLiteral("cannot read %1 as an OpenStreetMap file: %2").arg(path, lastGdalError()));
        lines_ = dataset_->GetLayerByName("lines");
        if (!lines_) throw Error(QStringLiteral("%1: the OSM driver gives no \"lines\" layer").arg(path));

        // The driver reads the file once and hands out features of all layers as it goes; we
        // only want ways, so say so and iterate at dataset level (GDAL's "interleaved reading").
        dataset_->ReleaseResultSet(dataset_->ExecuteSQL("SET interest_layers = lines", nullptr, nullptr));
        dataset_->ResetReading();
    }

    OGRLayer& layer() const { return *lines_; }

    // The next way of the file, or none at its end; `fraction` gets the part of the file read.
    OGRFeatureUniquePtr next(double& fraction)
    {
        for (;;) {
            OGRLayer* belongsTo = nullptr;
            fraction = 0.0;
            OGRFeatureUniquePtr feature(dataset_->GetNextFeature(&belongsTo, &fraction, nullptr, nullptr));
            if (!feature || belongsTo == lines_) return feature;
        }
    }

private:
    QTemporaryFile conf_;  // outlives the dataset: the driver was given its name
    GdalDatasetPtr dataset_;
    OGRLayer* lines_ = nullptr;
};

// The indexes of the tags' fields in the "lines" layer (-1 for a field the driver left out).
struct OsmLineFields {
    int highway, oneway, junction, maxspeed, access, vehicle, motorVehicle, motorcar, area, ref;

    OsmLineFields(const OGRFeatureDefn& definition, const QString& path)
        : highway(definition.GetFieldIndex("highway")),
          oneway(definition.GetFieldIndex("oneway")),
          junction(definition.GetFieldIndex("junction")),
          maxspeed(definition.GetFieldIndex("maxspeed")),
          access(definition.GetFieldIndex("access")),
          vehicle(definition.GetFieldIndex("vehicle")),
          motorVehicle(definition.GetFieldIndex("motor_vehicle")),
          motorcar(definition.GetFieldIndex("motorcar")),
          area(definition.GetFieldIndex("area")),
          ref(definition.GetFieldIndex("ref"))
    {
        if (highway < 0) throw Error(QStringLiteral("%1: the OSM driver gives no highway field").arg(path));
    }

    // The tags of a highway way; none for any other way (most of a file), whose other tags
    // are then not read.
    std::optional<OsmWayTags> highwayTags(OGRFeature& feature) const
    {
        std::optional<OsmWayTags> tags(std::in_place);
        tags->highway = fieldText(feature, highway);
        if (tags->highway.isEmpty()) return std::nullopt;
        tags->oneway = fieldText(feature, oneway);
        tags->junction = fieldText(feature, junction);
        tags->maxspeed = fieldText(feature, maxspeed);
        tags->access = fieldText(feature, access);
        tags->vehicle = fieldText(feature, vehicle);
        tags->motorVehicle = fieldText(feature, motorVehicle);
        tags->motorcar = fieldText(feature, motorcar);
        tags->area = fieldText(feature, area);
        tags->ref = fieldText(feature, ref);
        return tags;
    }
};

// A usable way: its coordinate keys are appended to `keys` (in driving order), the profile
// gives its class and speed.
OsmPendingWay pendingWay(const OGRLineString& line, const OsmRoadDecision& decision, const QString& ref,
                         const SpeedProfile& profile, std::vector<std::uint64_t>& keys)
{
    OsmPendingWay way;
    way.firstKey = keys.size();
    for (int i = 0; i < line.getNumPoints(); ++i) keys.push_back(coordinateKey(line.getX(i), line.getY(i)));
    way.endKey = keys.size();
    if (decision.direction < 0) std::reverse(keys.begin() + static_cast<std::ptrdiff_t>(way.firstKey), keys.end());
    way.attributes.roadClass = profile.classForRef(decision.roadClass, ref);
    way.attributes.oneway = decision.direction != 0;
    way.attributes.ref = ref;
    way.attributes.kmh = profile.edgeKmh(way.attributes.roadClass, decision.maxspeedKmh);
    return way;
}

}  // namespace

bool isOsmFile(const QString& path)
{
    const QString lower = path.toLower();
    return lower.endsWith(QLatin1String(".osm")) || lower.endsWith(QLatin1String(".pbf"))
           || lower.endsWith(QLatin1String(".osm.gz")) || lower.endsWith(QLatin1String(".osm.bz2"));
}

OsmRoadDecision classifyOsmWay(const OsmWayTags& tags, const OsmExtractOptions& options)
{
    OsmRoadDecision decision;
    const QString highway = tags.highway.toLower();
    const std::optional<RoadClass> roadClass = highwayClass(highway);
    auto skip = [&](const QString& reason) {
        decision.usable = false;
        decision.skipReason = reason;
        return decision;
    };
    if (highway.isEmpty()) return skip(QStringLiteral("not a highway"));
    if (!roadClass) return skip(QStringLiteral("highway=") + highway);
    if (roadClass == RoadClass::Track && !options.includeTracks) return skip(QStringLiteral("highway=track"));
    if (roadClass == RoadClass::Service && !options.includeService) return skip(QStringLiteral("highway=service"));
    if (tags.area.toLower() == QLatin1String("yes")) return skip(QStringLiteral("area=yes"));

    // The most specific access tag that is set decides.
    const std::pair<const char*, const QString*> accessTags[] = {{"motorcar", &tags.motorcar},
                                                                 {"motor_vehicle", &tags.motorVehicle},
                                                                 {"vehicle", &tags.vehicle},
                                                                 {"access", &tags.access}};
    for (const auto& [key, value] : accessTags) {
        if (value->isEmpty()) continue;
        const QString lower = value->toLower();
        if (isNo(lower)) return skip(QStringLiteral("%1=%2").arg(QLatin1String(key), lower));
        break;
    }

    const QString oneway = tags.oneway.toLower();
    const QString junction = tags.junction.toLower();
    if (oneway == QLatin1String("reversible") || oneway == QLatin1String("alternating"))
        return skip(QStringLiteral("oneway=") + oneway);
    if (oneway == QLatin1String("yes") || oneway == QLatin1String("1") || oneway == QLatin1String("true"))
        decision.direction = 1;
    else if (oneway == QLatin1String("-1") || oneway == QLatin1String("reverse")) decision.direction = -1;
    else if (oneway == QLatin1String("no") || oneway == QLatin1String("0") || oneway == QLatin1String("false"))
        decision.direction = 0;
    else if (junction == QLatin1String("roundabout") || junction == QLatin1String("circular")
             || roadClass == RoadClass::Motorway)
        decision.direction = 1;  // implied one way (OSM conventions)

    decision.usable = true;
    decision.roadClass = *roadClass;
    decision.maxspeedKmh = parseMaxspeed(tags.maxspeed);
    return decision;
}

NetworkInput assembleOsmNetwork(const QString& path, const SpeedProfile& profile, std::vector<std::uint64_t>& keys,
                                std::vector<OsmPendingWay>& ways, ExtractStats& stats)
{
    // Distinct coordinates become vertices, in key order; ways then refer to them. A sorted
    // vector takes 8 bytes per vertex where a hash map would take about 40: it matters for
    // a regional extract.
    std::vector<std::uint64_t> vertexKeys = keys;
    std::sort(vertexKeys.begin(), vertexKeys.end());
    vertexKeys.erase(std::unique(vertexKeys.begin(), vertexKeys.end()), vertexKeys.end());
    NetworkBuilder builder(profile, path);
    builder.vertexPositions().reserve(vertexKeys.size());
    for (const std::uint64_t key : vertexKeys) builder.addVertex(coordinateOf(key));
    std::vector<std::uint32_t> wayVertices;
    for (const OsmPendingWay& way : ways) {
        wayVertices.clear();
        for (std::size_t k = way.firstKey; k < way.endKey; ++k)
            wayVertices.push_back(static_cast<std::uint32_t>(std::lower_bound(vertexKeys.begin(), vertexKeys.end(), keys[k])
                                                             - vertexKeys.begin()));
        if (builder.addRoad(wayVertices, way.attributes)) {
            ++stats.featuresUsed;
        } else {
            ++stats.skipped[QStringLiteral("degenerate line")];
            if (way.attributes.oneway) --stats.onewayFeatures;
        }
    }
    std::vector<std::uint64_t>().swap(keys);
    std::vector<std::uint64_t>().swap(vertexKeys);
    std::vector<OsmPendingWay>().swap(ways);
    if (builder.roadCount() == 0)
        throw Error(QStringLiteral("no car roads in %1 (%2 ways read%3)")
                        .arg(path)
                        .arg(stats.featuresRead)
                        .arg(stats.skipped.empty() ? QString() : QStringLiteral("; skipped: ") + stats.skippedSummary()));

    // OSM coordinates are WGS 84 longitude/latitude, whatever the file format.
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    reprojectToLambert93(builder.vertexPositions(), wgs84, path);
    return builder.build();
}

NetworkInput extractOsmWithGdal(const QString& path, const SpeedProfile& profile, const OsmExtractOptions& options,
                                ExtractStats* statsOut)
{
    QElapsedTimer timer;
    timer.start();
    if (!QFileInfo::exists(path)) throw Error(QStringLiteral("cannot open %1: no such file").arg(path));
    OsmLinesReader lines(path);
    const OsmLineFields fields(*lines.layer().GetLayerDefn(), path);

    ExtractStats stats;
    stats.sourceFile = path;
    stats.layer = QStringLiteral("lines");
    // Ways are kept as runs of coordinate keys until the whole file is read; then the
    // distinct keys (sorted) become the vertices.
    std::vector<std::uint64_t> keys;
    std::vector<OsmPendingWay> ways;

    double fraction = 0.0;
    while (const OGRFeatureUniquePtr feature = lines.next(fraction)) {
        ++stats.featuresRead;
        if (options.progress && stats.featuresRead % 4096 == 0 && !options.progress(fraction * 0.9))
            throw Error(QStringLiteral("reading %1 cancelled").arg(path));

        const std::optional<OsmWayTags> tags = fields.highwayTags(*feature);
        if (!tags) {
            ++stats.skipped[QStringLiteral("not a highway")];
            continue;
        }
        const OsmRoadDecision decision = classifyOsmWay(*tags, options);
        if (!decision.usable) {
            ++stats.skipped[decision.skipReason];
            continue;
        }
        const OGRGeometry* geometry = feature->GetGeometryRef();
        if (!geometry || wkbFlatten(geometry->getGeometryType()) != wkbLineString) {
            ++stats.skipped[QStringLiteral("no line geometry")];
            continue;
        }
        ways.push_back(pendingWay(*geometry->toLineString(), decision, tags->ref, profile, keys));
        if (ways.back().attributes.oneway) ++stats.onewayFeatures;
        if (profile.useMaxspeed && decision.maxspeedKmh) ++stats.maxspeedUsed;
    }
    if (CPLGetLastErrorType() >= CE_Failure && stats.featuresRead == 0)
        throw Error(QStringLiteral("cannot read %1: %2").arg(path, lastGdalError()));

    NetworkInput network = assembleOsmNetwork(path, profile, keys, ways, stats);
    stats.seconds = timer.elapsed() / 1000.0;
    if (options.progress) options.progress(1.0);
    if (statsOut) *statsOut = std::move(stats);
    return network;
}

}  // namespace maillage
