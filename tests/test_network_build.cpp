#include <catch2/catch.hpp>

#include "common/error.h"
#include "geo/crs.h"
#include "network/calibration.h"
#include "network/extract_lines.h"
#include "network/extract_osm.h"
#include "network/nearest_search.h"
#include "network/network_summary.h"
#include "network/profile_snapping.h"
#include "network/road_graph.h"
#include "network/snapping.h"
#include "network/speed_profile.h"
#include "network/town_connectors.h"
#include "network/travel_matrix.h"
#include "support/test_data.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cmath>
#include <random>

using namespace maillage;

namespace {

void writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(content);
}

// A GeoJSON FeatureCollection in Lambert-93 with LineString features:
// each line is {properties JSON, coordinates JSON}.
QByteArray lambertGeoJson(const std::vector<std::pair<const char*, const char*>>& lines)
{
    QByteArray json = R"({"type": "FeatureCollection",
  "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::2154"}},
  "features": [)";
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i) json += ",";
        json += QByteArray("\n{\"type\": \"Feature\", \"properties\": ") + lines[i].first
                + ", \"geometry\": {\"type\": \"LineString\", \"coordinates\": " + lines[i].second + "}}";
    }
    return json + "\n]}\n";
}

// A profile where every class drives at 36 km/h (10 m/s) with no detour: times read as metres / 10.
SpeedProfile tenMetresPerSecond()
{
    return parseSpeedProfile(R"({"speeds_kmh": {"unknown": 36}})", QStringLiteral("test profile"));
}

bool hasEdgeBetween(const NetworkInput& network, XY a, XY b)
{
    auto near = [](XY p, XY q) { return std::hypot(p.x - q.x, p.y - q.y) < 1e-6; };
    for (const NetworkEdge& edge : network.edges) {
        const XY from = network.nodes[edge.from], to = network.nodes[edge.to];
        if ((near(from, a) && near(to, b)) || (near(from, b) && near(to, a))) return true;
    }
    return false;
}

QString errorOf(const std::function<void()>& action)
{
    try {
        action();
    } catch (const Error& error) {
        return error.message();
    }
    return {};
}

const char* const kFootwaysOnlyOsm = R"(<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6" generator="test">
  <node id="1" lat="44.0900" lon="6.2300"/>
  <node id="2" lat="44.0910" lon="6.2310"/>
  <node id="3" lat="44.0920" lon="6.2320"/>
  <node id="4" lat="44.0930" lon="6.2330"/>
  <way id="10"><nd ref="1"/><nd ref="2"/><tag k="highway" v="footway"/></way>
  <way id="11"><nd ref="2"/><nd ref="3"/><tag k="highway" v="steps"/></way>
  <way id="12"><nd ref="3"/><nd ref="4"/><tag k="highway" v="residential"/><tag k="access" v="private"/></way>
</osm>
)";

// A T-junction (way 20 ends on the middle node of way 21), a one-way way drawn against its
// direction (oneway=-1) and a lone roundabout (closed way).
const char* const kJunctionOsm = R"(<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6" generator="test">
  <node id="1" lat="44.0900" lon="6.2300"/>
  <node id="2" lat="44.0900" lon="6.2400"/>
  <node id="3" lat="44.0900" lon="6.2500"/>
  <node id="4" lat="44.1000" lon="6.2400"/>
  <node id="5" lat="44.1100" lon="6.2400"/>
  <node id="6" lat="44.2000" lon="6.3000"/>
  <node id="7" lat="44.2000" lon="6.3010"/>
  <node id="8" lat="44.2010" lon="6.3005"/>
  <way id="20"><nd ref="4"/><nd ref="2"/><tag k="highway" v="secondary"/><tag k="maxspeed" v="FR:rural"/></way>
  <way id="21"><nd ref="1"/><nd ref="2"/><nd ref="3"/><tag k="highway" v="primary"/><tag k="ref" v="D900"/></way>
  <way id="22"><nd ref="5"/><nd ref="4"/><tag k="highway" v="residential"/><tag k="oneway" v="-1"/></way>
  <way id="23"><nd ref="6"/><nd ref="7"/><nd ref="8"/><nd ref="6"/><tag k="highway" v="tertiary"/><tag k="junction" v="roundabout"/></way>
</osm>
)";

}  // namespace

// ---------------------------------------------------------------- OpenStreetMap

TEST_CASE("Andorra's car roads come out of the PBF as one connected network with one-way streets")
{
    const SpeedProfile profile = loadSpeedProfile(QStringLiteral("osm"));
    ExtractStats stats;
    const NetworkInput network = extractOsm(test::sharedData(QStringLiteral("osm/andorra.osm.pbf")), profile, {}, &stats);
    const NetworkSummary summary = summarizeNetwork(network);

    // Ways are split at shared nodes: more edges than ways kept.
    CHECK(stats.featuresUsed > 1000);
    CHECK(summary.edges > static_cast<std::size_t>(stats.featuresUsed));
    CHECK(summary.nodes > 1000);
    CHECK(summary.km > 250.0);  // about 400 km of car roads in a 468 km² country
    CHECK(summary.km < 1000.0);
    CHECK(summary.largestShareOfNodes() > 0.95);
    CHECK(summary.largestShareOfKm() > 0.95);
    CHECK(summary.onewayEdges > 50);
    CHECK(summary.kmByClass[static_cast<int>(RoadClass::Primary)] > 50.0);  // CG-1...CG-6
    // Footways, paths and tracks are left out, and said so.
    CHECK(stats.skipped.at(QStringLiteral("highway=path")) > 0);
    CHECK(stats.skipped.at(QStringLiteral("highway=track")) > 0);
    for (const NetworkEdge& edge : network.edges) {
        REQUIRE(edge.seconds > 0.0);
        REQUIRE(edge.metres > 0.0);
        REQUIRE(edge.from != edge.to);
        REQUIRE(edge.shapeEnd - edge.shapeBegin >= 2);
    }
    // Lambert-93 coordinates of the Pyrenees.
    const XY first = network.nodes.front();
    CHECK(first.x > 560'000);
    CHECK(first.x < 640'000);
    CHECK(first.y > 6'140'000);
    CHECK(first.y < 6'180'000);
}

TEST_CASE("Monaco's gzipped OSM XML is read through /vsigzip/")
{
    const SpeedProfile profile = loadSpeedProfile(QStringLiteral("osm"));
    ExtractStats stats;
    const NetworkInput network =
        extractNetwork(test::sharedData(QStringLiteral("osm/monaco.osm.gz")), profile, {}, {}, &stats);
    const NetworkSummary summary = summarizeNetwork(network);
    CHECK(summary.nodes > 300);
    CHECK(summary.km > 30.0);  // about 60 km of streets in 2 km²
    CHECK(summary.km < 150.0);
    CHECK(summary.largestShareOfNodes() > 0.95);
    CHECK(summary.onewayEdges > 100);  // Monaco is mostly one-way streets
    CHECK(stats.skipped.at(QStringLiteral("highway=steps")) > 0);
}

namespace {

struct GraphFigures {
    std::size_t nodes = 0, edges = 0, onewayEdges = 0;
    double metres = 0.0, seconds = 0.0;
    std::vector<std::pair<std::int64_t, std::int64_t>> nodePositions;  // metres, sorted
};

GraphFigures figuresOf(const NetworkInput& network)
{
    GraphFigures figures;
    figures.nodes = network.nodes.size();
    figures.edges = network.edges.size();
    for (const NetworkEdge& edge : network.edges) {
        figures.metres += edge.metres;
        figures.seconds += edge.seconds;
        if (edge.oneway) ++figures.onewayEdges;
    }
    for (const XY& node : network.nodes) figures.nodePositions.emplace_back(std::llround(node.x), std::llround(node.y));
    std::sort(figures.nodePositions.begin(), figures.nodePositions.end());
    return figures;
}

void checkSameGraphFromBothReaders(const QString& file)
{
    const SpeedProfile profile = loadSpeedProfile(QStringLiteral("osm"));
    ExtractStats osmiumStats, gdalStats;
    const GraphFigures osmium = figuresOf(extractOsm(file, profile, {}, &osmiumStats));
    const GraphFigures gdal = figuresOf(extractOsmWithGdal(file, profile, {}, &gdalStats));
    CHECK(osmium.nodes == gdal.nodes);
    CHECK(osmium.edges == gdal.edges);
    CHECK(osmium.onewayEdges == gdal.onewayEdges);
    CHECK(osmium.metres == Approx(gdal.metres).epsilon(1e-9));
    CHECK(osmium.seconds == Approx(gdal.seconds).epsilon(1e-9));
    CHECK(osmium.nodePositions == gdal.nodePositions);
    CHECK(osmiumStats.featuresUsed == gdalStats.featuresUsed);
    CHECK(osmiumStats.maxspeedUsed == gdalStats.maxspeedUsed);
}

}  // namespace

TEST_CASE("libosmium reads the same graph as GDAL's OSM driver from Andorra's PBF")
{
    checkSameGraphFromBothReaders(test::sharedData(QStringLiteral("osm/andorra.osm.pbf")));
}

TEST_CASE("libosmium reads the same graph as GDAL's OSM driver from Monaco's gzipped XML")
{
    checkSameGraphFromBothReaders(test::sharedData(QStringLiteral("osm/monaco.osm.gz")));
}

TEST_CASE("reading a gzipped OSM file leaves nothing beside it with either reader")
{
    // The data folder may be shared or read-only (and root writes anyway): GDAL's gzip reader
    // would leave a "<file>.properties" index there unless told not to.
    QTemporaryDir folder;
    REQUIRE(folder.isValid());
    const QString copy = folder.filePath(QStringLiteral("monaco.osm.gz"));
    REQUIRE(QFile::copy(test::sharedData(QStringLiteral("osm/monaco.osm.gz")), copy));
    const SpeedProfile profile = loadSpeedProfile(QStringLiteral("osm"));
    CHECK(extractOsmWithGdal(copy, profile).edges.size() > 0);
    CHECK(extractOsm(copy, profile).edges.size() > 0);
    CHECK(QDir(folder.path()).entryList(QDir::Files | QDir::Hidden) == QStringList{QStringLiteral("monaco.osm.gz")});
}

TEST_CASE("an OSM extraction reports its progress and stops when cancelled")
{
    const QString file = test::sharedData(QStringLiteral("osm/andorra.osm.pbf"));
    const SpeedProfile profile = loadSpeedProfile(QStringLiteral("osm"));
    std::vector<double> fractions;
    OsmExtractOptions options;
    options.progress = [&](double fraction) {
        fractions.push_back(fraction);
        return true;
    };
    extractOsm(file, profile, options);
    REQUIRE(fractions.size() >= 3);
    CHECK(std::is_sorted(fractions.begin(), fractions.end()));
    CHECK(fractions.front() >= 0.0);
    CHECK(fractions.back() == 1.0);

    OsmExtractOptions cancelling;
    cancelling.progress = [](double fraction) { return fraction < 0.5; };
    const QString message = errorOf([&] { extractOsm(file, profile, cancelling); });
    CHECK(message == QStringLiteral("reading %1 cancelled").arg(file));
}

TEST_CASE("a closed way that also tags an area is that area's outline, not a road")
{
    test::ScratchDir dir;
    const QString path = dir.path(QStringLiteral("parking.osm"));
    writeFile(path, R"(<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6" generator="test">
  <node id="1" lat="44.0900" lon="6.2300"/>
  <node id="2" lat="44.0900" lon="6.2310"/>
  <node id="3" lat="44.0910" lon="6.2310"/>
  <node id="4" lat="44.0910" lon="6.2300"/>
  <node id="5" lat="44.0920" lon="6.2300"/>
  <way id="30"><nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="4"/><nd ref="1"/><tag k="highway" v="service"/><tag k="amenity" v="parking"/></way>
  <way id="31"><nd ref="4"/><nd ref="5"/><tag k="highway" v="residential"/></way>
</osm>
)");
    ExtractStats stats;
    const NetworkInput network = extractOsm(path, loadSpeedProfile(QStringLiteral("osm")), {}, &stats);
    CHECK(network.edges.size() == 1);
    CHECK(stats.skipped.at(QStringLiteral("closed way tagged as an area")) == 1);
    CHECK(extractOsmWithGdal(path, loadSpeedProfile(QStringLiteral("osm"))).edges.size() == 1);
}

TEST_CASE("OSM ways are split at the nodes they share and a lone roundabout keeps no self-loop")
{
    test::ScratchDir dir;
    const QString path = dir.path(QStringLiteral("junction.osm"));
    writeFile(path, kJunctionOsm);
    const SpeedProfile profile = loadSpeedProfile(QStringLiteral("osm"));
    ExtractStats stats;
    const NetworkInput network = extractOsm(path, profile, {}, &stats);

    CHECK(stats.featuresUsed == 4);
    // Way 21 is split at node 2 (shared with way 20): 2 edges; ways 20 and 22: 1 each;
    // the roundabout is split in the middle: 2 edges.
    CHECK(network.edges.size() == 6);
    CHECK(network.nodes.size() == 5 + 2);  // nodes 1-5, roundabout start and middle
    const NetworkSummary summary = summarizeNetwork(network);
    CHECK(summary.components == 2);
    CHECK(summary.largestComponentNodes == 5);

    for (const NetworkEdge& edge : network.edges) CHECK(edge.from != edge.to);
    int oneways = 0;
    for (const NetworkEdge& edge : network.edges) {
        if (!edge.oneway) continue;
        ++oneways;
        if (edge.roadClass == RoadClass::Residential) {
            // oneway=-1 on a way drawn 5 -> 4: one drives 4 -> 5, i.e. northwards.
            CHECK(network.nodes[edge.to].y > network.nodes[edge.from].y);
        }
    }
    CHECK(oneways == 3);  // the residential street and the two halves of the roundabout

    // The secondary road carries FR:rural = 80 km/h × 0.85; the primary its class speed.
    for (const NetworkEdge& edge : network.edges) {
        const double kmh = edge.metres / edge.seconds * 3.6;
        if (edge.roadClass == RoadClass::Secondary) CHECK(kmh == Approx(80 * 0.85));
        if (edge.roadClass == RoadClass::Primary) {
            CHECK(kmh == Approx(profile.speedKmh(RoadClass::Primary)));
            CHECK(network.refs[edge.refIndex] == QStringLiteral("D900"));
        }
    }
    CHECK(stats.maxspeedUsed == 1);
}

TEST_CASE("an OSM file with only footways, steps and private roads has no car roads")
{
    test::ScratchDir dir;
    const QString path = dir.path(QStringLiteral("footways.osm"));
    writeFile(path, kFootwaysOnlyOsm);
    const QString message = errorOf([&] { extractOsm(path, loadSpeedProfile(QStringLiteral("osm"))); });
    CHECK(message.startsWith(QStringLiteral("no car roads in ") + path));
    CHECK(message.contains(QStringLiteral("highway=footway")));
    CHECK(message.contains(QStringLiteral("access=private")));
}

TEST_CASE("a file that is not OpenStreetMap is refused with its name")
{
    test::ScratchDir dir;
    const QString path = dir.path(QStringLiteral("broken.osm.pbf"));
    writeFile(path, "this is not a protocol buffer");
    const QString message = errorOf([&] { extractOsm(path, loadSpeedProfile(QStringLiteral("osm"))); });
    CHECK(message.contains(path));
    CHECK(errorOf([&] {
              extractOsm(dir.path(QStringLiteral("missing.osm")), loadSpeedProfile(QStringLiteral("osm")));
          }).contains(QStringLiteral("no such file")));
}

TEST_CASE("OSM tags decide car access, direction and class")
{
    auto way = [](const char* highway) {
        OsmWayTags tags;
        tags.highway = QString::fromLatin1(highway);
        return tags;
    };
    CHECK(classifyOsmWay(way("primary")).usable);
    CHECK(classifyOsmWay(way("motorway_link")).roadClass == RoadClass::MotorwayLink);
    for (const char* notForCars : {"footway", "cycleway", "path", "steps", "pedestrian", "bridleway", "construction"}) {
        const OsmRoadDecision decision = classifyOsmWay(way(notForCars));
        CHECK_FALSE(decision.usable);
        CHECK(decision.skipReason == QStringLiteral("highway=") + QString::fromLatin1(notForCars));
    }
    CHECK_FALSE(classifyOsmWay(way("track")).usable);
    OsmExtractOptions withTracks;
    withTracks.includeTracks = true;
    CHECK(classifyOsmWay(way("track"), withTracks).usable);
    OsmExtractOptions withoutService;
    withoutService.includeService = false;
    CHECK_FALSE(classifyOsmWay(way("service"), withoutService).usable);

    OsmWayTags tags = way("residential");
    tags.access = QStringLiteral("private");
    CHECK(classifyOsmWay(tags).skipReason == QStringLiteral("access=private"));
    tags.motorVehicle = QStringLiteral("yes");  // the more specific tag wins
    CHECK(classifyOsmWay(tags).usable);
    tags = way("tertiary");
    tags.motorVehicle = QStringLiteral("no");
    CHECK_FALSE(classifyOsmWay(tags).usable);
    tags = way("service");
    tags.area = QStringLiteral("yes");
    CHECK_FALSE(classifyOsmWay(tags).usable);

    tags = way("residential");
    tags.oneway = QStringLiteral("yes");
    CHECK(classifyOsmWay(tags).direction == 1);
    tags.oneway = QStringLiteral("-1");
    CHECK(classifyOsmWay(tags).direction == -1);
    tags.oneway = QStringLiteral("reversible");
    CHECK_FALSE(classifyOsmWay(tags).usable);
    tags.oneway.clear();
    tags.junction = QStringLiteral("roundabout");
    CHECK(classifyOsmWay(tags).direction == 1);
    CHECK(classifyOsmWay(way("motorway")).direction == 1);  // implied
    tags = way("motorway");
    tags.oneway = QStringLiteral("no");
    CHECK(classifyOsmWay(tags).direction == 0);
}

TEST_CASE("maxspeed values are read in km/h, including implicit French limits")
{
    CHECK(*parseMaxspeed(QStringLiteral("50")) == 50.0);
    CHECK(*parseMaxspeed(QStringLiteral("30 km/h")) == 30.0);
    CHECK(*parseMaxspeed(QStringLiteral("50 mph")) == Approx(80.47).epsilon(1e-3));
    CHECK(*parseMaxspeed(QStringLiteral("FR:urban")) == 50.0);
    CHECK(*parseMaxspeed(QStringLiteral("FR:rural")) == 80.0);
    CHECK(*parseMaxspeed(QStringLiteral("FR:motorway")) == 130.0);
    CHECK(*parseMaxspeed(QStringLiteral("FR:zone30")) == 30.0);
    CHECK(*parseMaxspeed(QStringLiteral("walk")) == 6.0);
    CHECK(*parseMaxspeed(QStringLiteral("90;70")) == 90.0);
    CHECK(std::isinf(*parseMaxspeed(QStringLiteral("none"))));
    CHECK_FALSE(parseMaxspeed(QStringLiteral("signals")));
    CHECK_FALSE(parseMaxspeed(QStringLiteral("fast")));
    CHECK_FALSE(parseMaxspeed(QStringLiteral("-20")));

    const SpeedProfile osm = loadSpeedProfile(QStringLiteral("osm"));
    CHECK(osm.edgeKmh(RoadClass::Secondary, 80.0) == Approx(80.0 * osm.maxspeedFactor));
    CHECK(osm.edgeKmh(RoadClass::Motorway, std::numeric_limits<double>::infinity()) == osm.maxspeedCapKmh);
    CHECK(osm.edgeKmh(RoadClass::Secondary) == osm.speedKmh(RoadClass::Secondary));
}

// ---------------------------------------------------------------- OGR line layers

TEST_CASE("the 04 generalised network has the nodes and the large component the data README describes")
{
    const SpeedProfile profile = loadSpeedProfile(QStringLiteral("generalised"));
    ExtractStats stats;
    const NetworkInput network = extractLines(test::sharedData(QStringLiteral("04/routes-04.geojson")), profile, {}, &stats);
    const NetworkSummary summary = summarizeNetwork(network);
    CHECK(stats.featuresRead == 6385);
    CHECK(stats.featuresUsed == 6385);
    CHECK(stats.unknownClassTotal() == 0);
    CHECK(summary.nodes == 4895);
    CHECK(summary.largestComponentNodes == 4828);
    CHECK(summary.components == 19);
    CHECK(summary.largestShareOfKm() > 0.99);
    // References decide the class of TravelMapping roads: every "A..." is a motorway,
    // every "D..." a secondary road, whatever the region's class field says.
    for (const NetworkEdge& edge : network.edges) {
        const QString& ref = network.refs[edge.refIndex];
        if (ref.startsWith(QLatin1Char('A'))) REQUIRE(edge.roadClass == RoadClass::Motorway);
        if (ref.startsWith(QLatin1Char('D'))) REQUIRE(edge.roadClass == RoadClass::Secondary);
    }
    // The detour factor applies to lengths: the roads are longer than the polylines.
    SpeedProfile straight = profile;
    straight.detourFactor = 1.0;
    const double polylineKm =
        summarizeNetwork(extractLines(test::sharedData(QStringLiteral("04/routes-04.geojson")), straight)).km;
    CHECK(polylineKm > 9'000);
    CHECK(polylineKm < 12'000);
    CHECK(summary.km == Approx(polylineKm * profile.detourFactor));
}

TEST_CASE("two lines crossing at a shared vertex are split there and connected")
{
    test::ScratchDir dir;
    const QString path = dir.path(QStringLiteral("cross.geojson"));
    writeFile(path, lambertGeoJson({
                        {R"({"class": "secondary"})", "[[900000, 6300000], [900100, 6300000], [900200, 6300000]]"},
                        {R"({"class": "primary"})", "[[900100, 6299900], [900100, 6300000], [900100, 6300100]]"},
                    }));
    const NetworkInput network = extractLines(path, tenMetresPerSecond());
    const NetworkSummary summary = summarizeNetwork(network);
    CHECK(summary.nodes == 5);
    CHECK(summary.edges == 4);
    CHECK(summary.components == 1);
    CHECK(summary.km == Approx(0.4));
    CHECK(hasEdgeBetween(network, {900000, 6300000}, {900100, 6300000}));
    CHECK(hasEdgeBetween(network, {900100, 6300000}, {900100, 6300100}));
    for (const NetworkEdge& edge : network.edges) CHECK(edge.seconds == Approx(10.0));
}

TEST_CASE("lines crossing without a shared vertex stay apart, like a bridge over a road")
{
    test::ScratchDir dir;
    const QString path = dir.path(QStringLiteral("bridge.geojson"));
    writeFile(path, lambertGeoJson({
                        {R"({"class": "secondary"})", "[[900000, 6300000], [900200, 6300000]]"},
                        {R"({"class": "motorway"})", "[[900100, 6299900], [900100, 6300100]]"},
                    }));
    const NetworkSummary summary = summarizeNetwork(extractLines(path, tenMetresPerSecond()));
    CHECK(summary.nodes == 4);
    CHECK(summary.components == 2);
    CHECK(summary.largestShareOfNodes() == Approx(0.5));
}

TEST_CASE("line ends 0.5 m apart are merged with the default 1 m tolerance, not with 0.1 m")
{
    test::ScratchDir dir;
    const QString path = dir.path(QStringLiteral("gap.geojson"));
    writeFile(path, lambertGeoJson({
                        {R"({"class": "secondary"})", "[[900000, 6300000], [900100, 6300000]]"},
                        {R"({"class": "secondary"})", "[[900100.5, 6300000], [900200, 6300000]]"},
                    }));
    ExtractStats stats;
    const NetworkSummary merged = summarizeNetwork(extractLines(path, tenMetresPerSecond(), {}, &stats));
    CHECK(merged.nodes == 3);
    CHECK(merged.components == 1);
    CHECK(stats.verticesSnapped == 1);

    LineLayerOptions strict;
    strict.mergeToleranceMetres = 0.1;
    const NetworkSummary apart = summarizeNetwork(extractLines(path, tenMetresPerSecond(), strict));
    CHECK(apart.nodes == 4);
    CHECK(apart.components == 2);
}

TEST_CASE("edge lengths and times follow the profile's detour and class speeds")
{
    test::ScratchDir dir;
    const QString path = dir.path(QStringLiteral("one.geojson"));
    writeFile(path,
              lambertGeoJson({{R"({"class": "Départementale", "ref": "D4"})", "[[900000, 6300000], [900600, 6300800]]"}}));
    const SpeedProfile profile = parseSpeedProfile(
        R"({"speeds_kmh": {"secondary": 60, "unknown": 30}, "detour_factor": 1.2})", QStringLiteral("test"));
    const NetworkInput network = extractLines(path, profile);
    REQUIRE(network.edges.size() == 1);
    const NetworkEdge& edge = network.edges.front();
    CHECK(edge.roadClass == RoadClass::Secondary);
    CHECK(edge.metres == Approx(1000 * 1.2));
    CHECK(edge.seconds == Approx(1200 / (60 / 3.6)));
    CHECK(network.refs[edge.refIndex] == QStringLiteral("D4"));
}

TEST_CASE("speed and oneway fields, when named, override the profile and the direction")
{
    test::ScratchDir dir;
    const QString path = dir.path(QStringLiteral("fields.geojson"));
    writeFile(
        path,
        lambertGeoJson({
            {R"({"class": "secondary", "speed": 45, "sens": "Sens inverse"})", "[[900000, 6300000], [900450, 6300000]]"},
            {R"({"class": "secondary", "speed": null, "sens": "Double sens"})", "[[900450, 6300000], [900900, 6300000]]"},
        }));
    LineLayerOptions options;
    options.speedField = QStringLiteral("speed");
    options.onewayField = QStringLiteral("sens");
    ExtractStats stats;
    const SpeedProfile profile =
        parseSpeedProfile(R"({"speeds_kmh": {"secondary": 90, "unknown": 30}})", QStringLiteral("test"));
    const NetworkInput network = extractLines(path, profile, options, &stats);
    REQUIRE(network.edges.size() == 2);
    CHECK(stats.speedFieldUsed == 1);
    CHECK(stats.onewayFeatures == 1);
    const NetworkEdge& reversed = network.edges[0];
    CHECK(reversed.oneway);
    CHECK(network.nodes[reversed.from].x == Approx(900450));  // drawn west to east, driven east to west
    CHECK(reversed.seconds == Approx(450 / (45 / 3.6)));
    CHECK_FALSE(network.edges[1].oneway);
    CHECK(network.edges[1].seconds == Approx(450 / (90 / 3.6)));

    LineLayerOptions missing = options;
    missing.speedField = QStringLiteral("vitesse");
    CHECK(errorOf([&] { extractLines(path, profile, missing); }).contains(QStringLiteral("\"vitesse\"")));
}

TEST_CASE("class values in OSM, IGN and French wording map to road classes, and others are counted")
{
    CHECK(roadClassFromValue(QStringLiteral("motorway")) == RoadClass::Motorway);
    CHECK(roadClassFromValue(QStringLiteral("primary_link")) == RoadClass::PrimaryLink);
    CHECK(roadClassFromValue(QStringLiteral("Autoroute")) == RoadClass::Motorway);
    CHECK(roadClassFromValue(QStringLiteral("Nationale")) == RoadClass::Trunk);
    CHECK(roadClassFromValue(QStringLiteral("DÉPARTEMENTALE")) == RoadClass::Secondary);
    CHECK(roadClassFromValue(QStringLiteral("Liaison régionale")) == RoadClass::Primary);
    CHECK(roadClassFromValue(QStringLiteral("Type autoroutier")) == RoadClass::Motorway);
    bool notForCars = false;
    CHECK_FALSE(roadClassFromValue(QStringLiteral("cycleway"), &notForCars));
    CHECK(notForCars);
    CHECK_FALSE(roadClassFromValue(QStringLiteral("chemin de halage"), &notForCars));
    CHECK_FALSE(notForCars);

    test::ScratchDir dir;
    const QString path = dir.path(QStringLiteral("classes.geojson"));
    writeFile(path, lambertGeoJson({
                        {R"({"class": "secondary"})", "[[900000, 6300000], [900100, 6300000]]"},
                        {R"({"class": "voie verte"})", "[[900100, 6300000], [900200, 6300000]]"},
                        {R"({"class": "voie verte"})", "[[900200, 6300000], [900300, 6300000]]"},
                        {R"({"class": "footway"})", "[[900300, 6300000], [900400, 6300000]]"},
                    }));
    ExtractStats stats;
    const NetworkInput network = extractLines(path, tenMetresPerSecond(), {}, &stats);
    CHECK(network.edges.size() == 3);
    CHECK(stats.unknownClasses.at(QStringLiteral("voie verte")) == 2);
    CHECK(stats.skipped.at(QStringLiteral("class=footway")) == 1);
    REQUIRE(stats.warnings.size() == 1);
    CHECK(stats.warnings.front().contains(QStringLiteral("\"voie verte\" × 2")));
}

TEST_CASE("a line layer without the class field is refused, naming file, layer and field")
{
    test::ScratchDir dir;
    const QString path = dir.path(QStringLiteral("noclass.geojson"));
    writeFile(path, lambertGeoJson({{R"({"nature": "route"})", "[[900000, 6300000], [900100, 6300000]]"}}));
    const QString message = errorOf([&] { extractLines(path, tenMetresPerSecond()); });
    CHECK(message.contains(path));
    CHECK(message.contains(QStringLiteral("noclass")));  // the layer
    CHECK(message.contains(QStringLiteral("missing field \"class\"")));
    CHECK(message.contains(QStringLiteral("nature")));  // the fields that exist

    LineLayerOptions options;
    options.classField = QStringLiteral("nature");
    const QString none = errorOf([&] { extractLines(path, tenMetresPerSecond(), options); });
    CHECK(none.isEmpty());
}

TEST_CASE("a line layer with only footways has no car roads")
{
    test::ScratchDir dir;
    const QString path = dir.path(QStringLiteral("paths.geojson"));
    writeFile(path, lambertGeoJson({
                        {R"({"class": "footway"})", "[[900000, 6300000], [900100, 6300000]]"},
                        {R"({"class": "path"})", "[[900100, 6300000], [900200, 6300000]]"},
                    }));
    const QString message = errorOf([&] { extractLines(path, tenMetresPerSecond()); });
    CHECK(message.startsWith(QStringLiteral("no car roads in ") + path));
    CHECK(message.contains(QStringLiteral("class=footway")));
}

// ---------------------------------------------------------------- speed profiles

TEST_CASE("the shipped profiles load by name, and a file path works too")
{
    CHECK(builtinProfileNames().contains(QStringLiteral("osm")));
    CHECK(builtinProfileNames().contains(QStringLiteral("generalised")));
    const SpeedProfile osm = loadSpeedProfile(QStringLiteral("osm"));
    CHECK(osm.detourFactor == 1.0);
    CHECK(osm.useMaxspeed);
    CHECK(osm.townMetresPerSqrtInhabitant == 0.0);
    CHECK(osm.accessEntryRadiusMetres == 0.0);  // detailed networks: the nearest road only
    CHECK(osm.accessMaxEntries == 1);
    CHECK(snapOptionsFor(osm).entryRadiusMetres == 0.0);
    const SpeedProfile generalised = loadSpeedProfile(QStringLiteral("generalised"));
    // Coarse networks: several roads within 3 km beyond the nearest, no town connectors.
    CHECK(generalised.accessEntryRadiusMetres == 3000.0);
    CHECK(generalised.accessMaxEntries == 5);
    CHECK(generalised.townMetresPerSqrtInhabitant == 0.0);
    CHECK(snapOptionsFor(generalised).entryRadiusMetres == 3000.0);
    CHECK(snapOptionsFor(generalised).maxEntries == 5);
    CHECK(generalised.detourFactor > 1.0);
    CHECK(generalised.terminalSeconds > 0.0);
    // Physically plausible speeds (km/h).
    CHECK(generalised.speedKmh(RoadClass::Motorway) >= 100);
    CHECK(generalised.speedKmh(RoadClass::Secondary) >= 55);
    CHECK(generalised.speedKmh(RoadClass::Secondary) <= 80);
    CHECK(generalised.accessKmh >= 30);
    CHECK(generalised.accessKmh <= 50);
    CHECK(generalised.maxSnapMetres == 5000);
    // Classes not listed take their road's speed (links) or the "unknown" speed.
    CHECK(generalised.speedKmh(RoadClass::MotorwayLink) == generalised.speedKmh(RoadClass::Motorway));
    CHECK(generalised.speedKmh(RoadClass::Residential) == generalised.speedKmh(RoadClass::Unknown));
    CHECK(generalised.classForRef(RoadClass::Motorway, QStringLiteral("D000526")) == RoadClass::Secondary);
    CHECK(generalised.classForRef(RoadClass::Primary, QStringLiteral("ROUGRAALP")) == RoadClass::Secondary);

    test::ScratchDir dir;
    const QString path = dir.path(QStringLiteral("mine.json"));
    writeFile(path, R"({"name": "mine", "speeds_kmh": {"unknown": 42}, "detour_factor": 1.1})");
    const SpeedProfile mine = loadSpeedProfile(path);
    CHECK(mine.name == QStringLiteral("mine"));
    CHECK(mine.speedKmh(RoadClass::Primary) == 42);
    CHECK(errorOf([] { loadSpeedProfile(QStringLiteral("fastest")); }).contains(QStringLiteral("built-in profiles: ")));
}

TEST_CASE("profile errors name the file and what is wrong")
{
    test::ScratchDir dir;
    auto errorFor = [&](const char* name, const QByteArray& content) {
        const QString path = dir.path(QString::fromLatin1(name));
        writeFile(path, content);
        const QString message = errorOf([&] { loadSpeedProfile(path); });
        CHECK(message.contains(path));
        return message;
    };
    CHECK(errorFor("bad.json", "{\n  \"speeds_kmh\": {\"unknown\": 40,}\n}")
              .contains(QStringLiteral("invalid JSON at line 2")));
    const QString unknownClass = errorFor("class.json", R"({"speeds_kmh": {"unknown": 40, "highway": 90}})");
    CHECK(unknownClass.contains(QStringLiteral("unknown road class \"highway\"")));
    CHECK(unknownClass.contains(QStringLiteral("motorway")));  // lists the known ones
    CHECK(errorFor("negative.json", R"({"speeds_kmh": {"unknown": 40, "primary": -70}})")
              .contains(QStringLiteral("\"speeds_kmh.primary\" must be a positive number (got -70)")));
    CHECK(errorFor("text.json", R"({"speeds_kmh": {"unknown": "fast"}})").contains(QStringLiteral("speeds_kmh.unknown")));
    CHECK(errorFor("nounknown.json", R"({"speeds_kmh": {"primary": 70}})").contains(QStringLiteral("\"unknown\"")));
    CHECK(errorFor("detour.json", R"({"speeds_kmh": {"unknown": 40}, "detour_factor": 0.8})")
              .contains(QStringLiteral("detour_factor")));
    CHECK(errorFor("typo.json", R"({"speeds_kmh": {"unknown": 40}, "detour": 1.2})")
              .contains(QStringLiteral("unknown key \"detour\"")));
    CHECK(errorFor("access.json", R"({"speeds_kmh": {"unknown": 40}, "access": {"speed_kmh": 0}})")
              .contains(QStringLiteral("access.speed_kmh")));
    CHECK(errorFor("radius.json", R"({"speeds_kmh": {"unknown": 40}, "access": {"entry_radius_m": -5}})")
              .contains(QStringLiteral("\"access.entry_radius_m\" must be a number of metres")));
    CHECK(errorFor("entries.json", R"({"speeds_kmh": {"unknown": 40}, "access": {"max_entries": 2.5}})")
              .contains(QStringLiteral("\"access.max_entries\" must be a whole number between 0 and 6 (got 2.5)")));
    CHECK(errorFor("many.json", R"({"speeds_kmh": {"unknown": 40}, "access": {"max_entries": 9}})")
              .contains(QStringLiteral("max_entries")));
    // 0 and 1 both mean the nearest road only.
    CHECK(parseSpeedProfile(R"({"speeds_kmh": {"unknown": 40}, "access": {"entry_radius_m": 1000, "max_entries": 0}})",
                            QStringLiteral("test"))
              .accessMaxEntries
          == 1);
    CHECK(errorFor("regex.json",
                   R"({"speeds_kmh": {"unknown": 40}, "class_from_ref": [{"pattern": "A(", "class": "motorway"}]})")
              .contains(QStringLiteral("invalid pattern")));
    CHECK(
        errorOf([&] { loadSpeedProfile(dir.path(QStringLiteral("absent.json"))); }).contains(QStringLiteral("absent.json")));
}

// ---------------------------------------------------------------- town connectors

TEST_CASE("a town's streets connect two roads that pass near its town hall without meeting")
{
    test::ScratchDir dir;
    const QString path = dir.path(QStringLiteral("town.geojson"));
    // Two roads 1 km apart, both 2 km long, that never meet; a motorway beside them.
    writeFile(path, lambertGeoJson({
                        {R"({"class": "secondary", "ref": "D1"})", "[[900000, 6300000], [902000, 6300000]]"},
                        {R"({"class": "secondary", "ref": "D2"})", "[[900000, 6301000], [902000, 6301000]]"},
                        {R"({"class": "motorway", "ref": "A51"})", "[[900000, 6300600], [902000, 6300600]]"},
                    }));
    const SpeedProfile profile = parseSpeedProfile(
        R"({"speeds_kmh": {"unknown": 60}, "access": {"speed_kmh": 36, "detour_factor": 1.2},
            "town_connectors": {"metres_per_sqrt_inhabitant": 10, "min_metres": 300, "max_metres": 3000}})",
        QStringLiteral("test"));
    NetworkInput network = extractLines(path, profile);
    CHECK(summarizeNetwork(network).components == 3);

    // A town of 10,000 people (radius 1 km) whose town hall is 400 m from D1 and 600 m from D2.
    const TownAnchor town{QStringLiteral("Bourg"), {901000, 6300400}, 10'000};
    CHECK(profile.townRadiusMetres(town.population) == Approx(1000));
    const TownConnectorStats stats = addTownConnectors(network, {&town, 1}, profile);
    CHECK(stats.towns == 1);
    CHECK(stats.connectors == 2);  // D1 and D2, not the motorway
    CHECK(stats.edgesSplit == 2);  // both joined in their middle
    CHECK(stats.km == Approx((400 + 600) * 1.2 / 1000));
    const NetworkSummary summary = summarizeNetwork(network);
    CHECK(summary.components == 2);  // D1 + D2 + town, and the motorway alone
    CHECK(summary.km == Approx(6 + 1.2));
    CHECK(hasEdgeBetween(network, {901000, 6300400}, {901000, 6300000}));
    for (const NetworkEdge& edge : network.edges) {
        if (network.refs[edge.refIndex] != townConnectorRef()) continue;
        CHECK_FALSE(edge.oneway);
        CHECK(edge.seconds == Approx(edge.metres / 10.0));  // 36 km/h
    }
    // The split halves keep the road's speed.
    for (const NetworkEdge& edge : network.edges)
        if (network.refs[edge.refIndex] == QStringLiteral("D1")) CHECK(edge.metres / edge.seconds * 3.6 == Approx(60));

    // A village of 100 people (300 m) reaches neither road.
    NetworkInput other = extractLines(path, profile);
    const TownAnchor village{QStringLiteral("Hameau"), {901000, 6300400}, 100};
    CHECK(addTownConnectors(other, {&village, 1}, profile).connectors == 0);
}

TEST_CASE("a connector joining a winding road splits its shape where it joins, keeping its length and time")
{
    test::ScratchDir dir;
    const QString path = dir.path(QStringLiteral("winding.geojson"));
    writeFile(path, lambertGeoJson({{R"({"class": "secondary", "ref": "D9"})",
                                     "[[900000, 6300000], [901000, 6300000], [901000, 6301000], [902000, 6301000]]"}}));
    const SpeedProfile profile = parseSpeedProfile(
        R"({"speeds_kmh": {"unknown": 36}, "town_connectors": {"metres_per_sqrt_inhabitant": 10}})", QStringLiteral("test"));
    NetworkInput network = extractLines(path, profile);
    REQUIRE(network.edges.size() == 1);
    const TownAnchor town{QStringLiteral("Bourg"), {901200, 6300400}, 250'000};  // 200 m east of the bend's middle
    const TownConnectorStats stats = addTownConnectors(network, {&town, 1}, profile);
    REQUIRE(stats.connectors == 1);
    CHECK(stats.edgesSplit == 1);
    double roadMetres = 0.0, roadSeconds = 0.0;
    int pieces = 0;
    for (const NetworkEdge& edge : network.edges) {
        if (network.refs[edge.refIndex] != QStringLiteral("D9")) continue;
        ++pieces;
        roadMetres += edge.metres;
        roadSeconds += edge.seconds;
        // Each piece's shape starts and ends on its nodes and has no repeated point.
        CHECK(network.shape[edge.shapeBegin].x == network.nodes[edge.from].x);
        CHECK(network.shape[edge.shapeEnd - 1].y == network.nodes[edge.to].y);
        double shapeMetres = 0.0;
        for (std::uint32_t i = edge.shapeBegin; i + 1 < edge.shapeEnd; ++i) {
            const double step =
                std::hypot(network.shape[i + 1].x - network.shape[i].x, network.shape[i + 1].y - network.shape[i].y);
            CHECK(step > 0.0);
            shapeMetres += step;
        }
        CHECK(shapeMetres == Approx(edge.metres));
    }
    CHECK(pieces == 2);
    CHECK(roadMetres == Approx(3000));
    CHECK(roadSeconds == Approx(300));
    CHECK(hasEdgeBetween(network, {901200, 6300400}, {901000, 6300400}));
}

// ---------------------------------------------------------------- calibration

TEST_CASE("the generalised profile meets the calibration targets on the Lot reference trips")
{
    const SpeedProfile profile = loadSpeedProfile(QStringLiteral("generalised"));
    const std::vector<ReferenceTrip> trips = readReferenceTrips(test::sharedData(QStringLiteral("lot-46/calibration.csv")));
    REQUIRE(trips.size() == 8);
    const CalibrationNetwork network(test::sharedData(QStringLiteral("lot-46/routes-46.geojson")), profile);
    const TripCheckSummary summary = network.check(profile, trips);
    CHECK(summary.unreached == 0);
    CHECK(summary.medianAbsMinutesError < 0.08);
    CHECK(summary.maxAbsMinutesError < 0.20);
    CHECK(summary.medianAbsKmError < 0.05);
    CHECK(summary.maxAbsKmError < 0.15);
    for (const TripCheck& trip : summary.trips) {
        INFO(trip.reference.fromName.toStdString() << " - " << trip.reference.toName.toStdString());
        CHECK(trip.km > trip.straightKm);
    }
}

TEST_CASE("Digne, Manosque, Sisteron and Barcelonnette reach each other in plausible times on the 04 network")
{
    const SpeedProfile profile = loadSpeedProfile(QStringLiteral("generalised"));
    struct Town {
        const char* name;
        LonLat position;
    };
    const Town towns[] = {{"Digne-les-Bains", {6.235, 44.094}}, {"Manosque", {5.782, 43.834}},
                          {"Sisteron", {5.943, 44.195}},        {"Barcelonnette", {6.65, 44.386}},
                          {"Champtercier", {6.162, 44.094}},    {"France services Digne", {6.23058, 44.09372}}};
    auto trip = [&](int from, int to, double minutes) {
        ReferenceTrip r;
        r.fromName = QString::fromLatin1(towns[from].name);
        r.from = towns[from].position;
        r.toName = QString::fromLatin1(towns[to].name);
        r.to = towns[to].position;
        r.minutes = minutes;
        return r;
    };
    // Usual driving times on the real roads: Digne–Manosque ≈ 50 min, Digne–Sisteron ≈ 40 min,
    // Digne–Barcelonnette ≈ 1 h 35; Champtercier–Digne ≈ 12–15 min by the D3, which the data
    // stops short of Digne (multi-entry access takes the N85 instead of going round by the north).
    const std::vector<ReferenceTrip> trips{trip(0, 1, 50), trip(0, 2, 40), trip(0, 3, 95), trip(1, 0, 50),
                                           trip(2, 0, 40), trip(3, 0, 95), trip(4, 5, 14), trip(5, 4, 14)};
    const CalibrationNetwork network(test::sharedData(QStringLiteral("04/routes-04.geojson")), profile);
    const TripCheckSummary summary = network.check(profile, trips);
    CHECK(summary.unreached == 0);
    for (const TripCheck& check : summary.trips) {
        INFO(check.reference.fromName.toStdString()
             << " - " << check.reference.toName.toStdString() << ": " << check.minutes << " min");
        CHECK(std::abs(check.minutesError()) < 0.25);
        if (check.reference.toName == QLatin1String("France services Digne")) {
            CHECK(check.minutes < 20.0);
            CHECK(check.km < 12.0);  // 5.8 km as the crow flies
        }
    }
    SECTION("with the nearest road only, Champtercier is an hour away")
    {
        SpeedProfile nearestOnly = profile;
        nearestOnly.accessMaxEntries = 1;
        const TripCheck champtercier = network.check(nearestOnly, {trips[6]}).trips.front();
        CHECK(champtercier.minutes > 50.0);
    }
}

TEST_CASE("on the 04 network, multi-entry times are the best over every road within the radius, within the margin")
{
    // For places around Digne, the time to its France services through the entries the
    // snapper keeps, against the best over a single-entry snap on every edge within the radius
    // (motorways and islands aside, as the snapper does): equal without the margin, at most the
    // margin slower with it.
    const SpeedProfile profile = loadSpeedProfile(QStringLiteral("generalised"));
    const RoadGraph graph(extractNetwork(test::sharedData(QStringLiteral("04/routes-04.geojson")), profile));
    const Snapper snapper(graph);
    const XY digne = toLambert93({6.23058, 44.09372});
    for (const double margin : {0.0, 60.0}) {
        SnapOptions options = snapOptionsFor(profile);
        options.entryMarginSeconds = margin;
        const Snap facility = snapper.snap(digne, options);
        NearestSearch search(graph);
        search.run({&facility, 1});
        std::mt19937 random(7);
        std::uniform_real_distribution<double> offset(-15'000.0, 15'000.0);
        int compared = 0, withExtras = 0;
        for (int i = 0; i < 150; ++i) {
            const XY p{digne.x + offset(random), digne.y + offset(random)};
            const Snap multi = snapper.snap(p, options);
            if (!multi.ok() || multi.entryCount() == options.maxEntries) continue;
            const double radius = std::min(multi.offsetMetres + options.entryRadiusMetres, options.maxSnapMetres);
            const Deciseconds got = search.reachAt(multi).time;
            Deciseconds best = got;
            for (EdgeId e = 0; e < graph.edgeCount(); ++e) {
                if (graph.edgeClass(e) == RoadClass::Motorway
                    || graph.componentOf(graph.edgeFrom(e)) != graph.largestComponent())
                    continue;
                const RoadGraph::Shape shape = graph.edgeShape(e);
                double nearest = INFINITY, nearestAlong = 0.0, along = 0.0;
                for (std::size_t k = 0; k + 1 < shape.size(); ++k) {
                    const XY a = shape[k], b = shape[k + 1];
                    const double dx = b.x - a.x, dy = b.y - a.y, length = std::hypot(dx, dy);
                    const double t =
                        length > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / (length * length), 0.0, 1.0) : 0.0;
                    const double d = std::hypot(a.x + t * dx - p.x, a.y + t * dy - p.y);
                    if (d < nearest) {
                        nearest = d;
                        nearestAlong = along + t * length;
                    }
                    along += length;
                }
                if (nearest > radius) continue;
                Snap single;
                single.status = SnapStatus::Ok;
                single.edge = e;
                single.fraction = along > 0 ? nearestAlong / along : 0.0;
                single.offsetMetres = nearest;
                single.accessMetres = nearest * options.accessDetour;
                single.accessTime = toDeciseconds(single.accessMetres / (options.accessSpeedKmh / 3.6));
                best = std::min(best, search.reachAt(single).time);
            }
            INFO("margin " << margin << " s, place " << p.x << ", " << p.y << ": " << multi.entryCount() << " entries");
            CHECK(got <= best + toDeciseconds(margin));
            ++compared;
            withExtras += multi.extraCount > 0;
        }
        CHECK(compared > 50);
        CHECK(withExtras > 30);
    }
}

TEST_CASE("crossing Andorra by car takes a plausible time with the osm profile")
{
    const SpeedProfile profile = loadSpeedProfile(QStringLiteral("osm"));
    const RoadGraph graph(extractOsm(test::sharedData(QStringLiteral("osm/andorra.osm.pbf")), profile));
    const Snapper snapper(graph);
    // Andorra la Vella (Casa de la Vall) to Pas de la Casa over the Envalira pass (CG-2):
    // about 30 km, usually about 40 minutes; and Sant Julià de Lòria, 7 km south.
    const Snap andorraLaVella = snapWithProfile(snapper, toLambert93({1.5209, 42.5063}), profile);
    const Snap pasDeLaCasa = snapWithProfile(snapper, toLambert93({1.7330, 42.5424}), profile);
    const Snap santJulia = snapWithProfile(snapper, toLambert93({1.4913, 42.4637}), profile);
    REQUIRE(andorraLaVella.ok());
    REQUIRE(pasDeLaCasa.ok());
    REQUIRE(santJulia.ok());
    CHECK(andorraLaVella.offsetMetres < 100);
    NearestSearch search(graph);
    const std::vector<Snap> destinations{pasDeLaCasa, santJulia};
    const std::vector<Trip> trips = travelFrom(search, andorraLaVella, destinations);
    INFO("Pas de la Casa " << trips[0].km() << " km, " << trips[0].minutes() << " min; Sant Julià " << trips[1].km()
                           << " km, " << trips[1].minutes() << " min");
    CHECK(trips[0].km() > 25);
    CHECK(trips[0].km() < 40);
    CHECK(trips[0].minutes() > 28);
    CHECK(trips[0].minutes() < 55);
    CHECK(trips[1].km() > 5);
    CHECK(trips[1].km() < 12);
    CHECK(trips[1].minutes() > 6);
    CHECK(trips[1].minutes() < 20);
}
