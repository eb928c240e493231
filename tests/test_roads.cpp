// Detailed road networks (issue 12): bends slow the car, tile-edge pieces are joined, one-way
// roads force detours, every command reads the network's fields, the profile suits the
// network, and the osm profile meets its calibration figures on the Lot.
#include <catch2/catch.hpp>

#include "support/test_data.h"

#include "common/error.h"
#include "geo/crs.h"
#include "io/ogr_source.h"
#include "network/built_up.h"
#include "network/calibration.h"
#include "network/curvature.h"
#include "network/extract_lines.h"
#include "network/network_source.h"
#include "network/network_summary.h"
#include "network/speed_profile.h"

#include <QFile>
#include <QProcess>
#include <QTextStream>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

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

// A GeoJSON FeatureCollection of LineStrings ({properties JSON, coordinates JSON}), in
// Lambert-93 or, when `lonLat`, in WGS84 longitude/latitude.
QByteArray lineGeoJson(const std::vector<std::pair<QByteArray, QByteArray>>& lines, bool lonLat = false)
{
    QByteArray json = R"({"type": "FeatureCollection",)";
    if (!lonLat) json += R"("crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::2154"}},)";
    json += R"("features": [)";
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i) json += ",";
        json += "\n{\"type\": \"Feature\", \"properties\": " + lines[i].first
                + ", \"geometry\": {\"type\": \"LineString\", \"coordinates\": " + lines[i].second + "}}";
    }
    return json + "\n]}\n";
}

SpeedProfile bendProfile(double lateral)
{
    SpeedProfile profile = parseSpeedProfile(R"({"speeds_kmh": {"unknown": 72}})", QStringLiteral("test"));
    profile.lateralAccelerationMs2 = lateral;
    return profile;
}

// `maillage od --csv` rows: from_id,from_name,to_id,to_name,km,minutes,status.
std::map<QString, std::pair<double, double>> odKmMinutes(const QString& csv)
{
    std::map<QString, std::pair<double, double>> trips;
    const QStringList lines = csv.split('\n', Qt::SkipEmptyParts);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList f = lines[i].split(',');
        if (f.size() == 7 && !f[4].isEmpty()) trips[f[0] + "->" + f[2]] = {f[4].toDouble(), f[5].toDouble()};
    }
    return trips;
}

// A straight street in lon/lat with a vertex every ~40 m, as detailed data draws it.
QByteArray densifiedLine(double lon0, double lat0, double lon1, double lat1)
{
    const int steps = std::max(1, int(std::hypot((lon1 - lon0) * 80'000, (lat1 - lat0) * 111'000) / 40));
    QByteArray coordinates = "[";
    for (int i = 0; i <= steps; ++i)
        coordinates += QByteArray(i ? "," : "") + "[" + QByteArray::number(lon0 + (lon1 - lon0) * i / steps, 'f', 7) + ", "
                       + QByteArray::number(lat0 + (lat1 - lat0) * i / steps, 'f', 7) + "]";
    return coordinates + "]";
}

// A block of streets in lon/lat, drawn with a vertex every ~40 m: the direct street from A
// (west) to B (east), drawn from B to A, and a detour through the north.
// `directProperties` says how the direct street may be driven.
QByteArray blockOfStreets(const QByteArray& directProperties, const QByteArray& detourProperties)
{
    return lineGeoJson({{directProperties, densifiedLine(6.005, 44.0, 6.0, 44.0)},
                        {detourProperties, densifiedLine(6.0, 44.0, 6.0, 44.004)},
                        {detourProperties, densifiedLine(6.0, 44.004, 6.005, 44.004)},
                        {detourProperties, densifiedLine(6.005, 44.004, 6.005, 44.0)}},
                       true);
}

const char* kBlockPlaces = "id,name,latitude,longitude\nA,West,44.0,5.9998\nB,East,44.0,6.0052\n";

}  // namespace

// ------------------------------------------------------------------ bends

TEST_CASE("the radius of a bend is read from three points of the road")
{
    const double r = 50.0;
    const auto onCircle = [r](double degrees) {
        const double a = degrees * M_PI / 180.0;
        return XY{r * std::cos(a), r * std::sin(a)};
    };
    CHECK(circumradius(onCircle(0), onCircle(40), onCircle(80)) == Approx(r));
    CHECK(std::isinf(circumradius({0, 0}, {10, 0}, {20, 0})));
}

TEST_CASE("a straight road quantised to 0.4 m is not slowed, a hairpin is")
{
    // 2 km straight east, vertices every 12 m jittered by up to 0.4 m as tiled data is.
    std::mt19937 random(12);
    std::uniform_real_distribution<double> jitter(-0.4, 0.4);
    std::vector<XY> straight;
    for (int i = 0; i <= 166; ++i) straight.push_back({12.0 * i + jitter(random), jitter(random)});
    const SpeedProfile bends = bendProfile(2.0);
    const double free = SpeedProfile::secondsFor(shapeLengthMetres(straight), 72);
    CHECK(drivingSeconds(straight, 72, bends) == Approx(free).epsilon(0.005));

    // 200 m straight, a half circle of 12 m radius, 200 m back: the hairpin is driven at
    // about √(2 × 12) = 4.9 m/s instead of 20 m/s.
    std::vector<XY> shape;
    for (int i = 20; i >= 0; --i) shape.push_back({10.0 * i, 0.0});  // 200 m west to the bend
    for (int i = 1; i < 18; ++i) {
        const double a = M_PI / 2 + M_PI * i / 18.0;  // round the left hairpin, centre (0, -12)
        shape.push_back({12.0 * std::cos(a), -12.0 + 12.0 * std::sin(a)});
    }
    for (int i = 0; i <= 20; ++i) shape.push_back({10.0 * i, -24.0});  // 200 m back east
    const double length = shapeLengthMetres(shape);
    const double withoutBends = drivingSeconds(shape, 72, bendProfile(0.0));
    CHECK(withoutBends == Approx(length / 20.0));
    const double withBends = drivingSeconds(shape, 72, bends);
    const double bendMetres = M_PI * 12.0;
    // At least the bend at √(a R), at most the whole half chord on either side at that speed too.
    CHECK(withBends > withoutBends + bendMetres / std::sqrt(2.0 * 12.0) - bendMetres / 20.0 - 1.0);
    CHECK(withBends < withoutBends + (bendMetres + 50.0) / std::sqrt(2.0 * 12.0));
}

TEST_CASE("an edge thousands of km long, from a wrong coordinate, is timed in bounded pieces with the same result")
{
    // A node moved to latitude 86.7° by a fuzzer made one edge ~4,800 km long, walked in
    // 10 m pieces (half a million) — and a longer one would overflow the count of pieces.
    const std::vector<XY> shape{{0.0, 0.0}, {2.0e6, 1.0}, {4.8e6, 0.0}, {1.0e12, 5.0}};
    const double length = shapeLengthMetres(shape);
    const double seconds = drivingSeconds(shape, 72, bendProfile(2.0));
    CHECK(std::isfinite(seconds));
    CHECK(seconds == Approx(length / 20.0).epsilon(1e-6));  // straight: the free speed all along
}

TEST_CASE("a profile's bend limit is read from its curvature block and checked")
{
    const SpeedProfile profile = parseSpeedProfile(
        R"({"speeds_kmh": {"unknown": 50}, "curvature": {"lateral_acceleration_ms2": 2.5, "half_chord_m": 30}})",
        QStringLiteral("bends.json"));
    CHECK(profile.lateralAccelerationMs2 == 2.5);
    CHECK(profile.curvatureHalfChordMetres == 30);
    CHECK(parseSpeedProfile(R"({"speeds_kmh": {"unknown": 50}})", QStringLiteral("plain")).lateralAccelerationMs2 == 0);
    QString message;
    try {
        parseSpeedProfile(R"({"speeds_kmh": {"unknown": 50}, "curvature": {"lateral_acceleration_ms2": 20}})",
                          QStringLiteral("silly.json"));
    } catch (const Error& e) {
        message = e.message();
    }
    CHECK(message.contains("silly.json"));
    CHECK(message.contains("lateral_acceleration_ms2"));
    CHECK(loadSpeedProfile(QStringLiteral("osm")).lateralAccelerationMs2 > 0);
    CHECK(loadSpeedProfile(QStringLiteral("generalised")).lateralAccelerationMs2 == 0);
}

namespace {

// A village of 5 × 5 streets 100 m apart (x, y from 0 to 400 m, in Lambert-93 around
// 900 km, 6300 km) and a secondary road leaving its east side for 3 km of open country.
QByteArray villageAndCountryRoad()
{
    std::vector<std::pair<QByteArray, QByteArray>> lines;
    auto at = [](double x, double y) {
        return QByteArray::number(900000 + x, 'f', 1) + ", " + QByteArray::number(6300000 + y, 'f', 1);
    };
    for (int i = 0; i <= 4; ++i) {
        QByteArray across = "[", along = "[";
        for (int j = 0; j <= 4; ++j) {
            across += (j ? ", [" : "[") + at(100 * j, 100 * i) + "]";
            along += (j ? ", [" : "[") + at(100 * i, 100 * j) + "]";
        }
        lines.push_back({R"({"class": "residential"})", across + "]"});
        lines.push_back({R"({"class": "residential"})", along + "]"});
    }
    lines.push_back({R"({"class": "secondary"})", "[[" + at(400, 200) + "], [" + at(3400, 200) + "]]"});
    return lineGeoJson(lines);
}

const NetworkEdge& edgeBetween(const NetworkInput& network, XY a, XY b)
{
    const XY origin{900000, 6300000};
    for (const NetworkEdge& edge : network.edges) {
        const XY from = network.nodes[edge.from], to = network.nodes[edge.to];
        auto near = [&](XY p, XY q) { return std::hypot(p.x - origin.x - q.x, p.y - origin.y - q.y) < 0.5; };
        if ((near(from, a) && near(to, b)) || (near(from, b) && near(to, a))) return edge;
    }
    FAIL("no edge between the two points");
    return network.edges.front();
}

}  // namespace

TEST_CASE("streets where junctions are dense are driven at the built-up speed, open roads at their class speed")
{
    test::ScratchDir dir;
    const QString path = dir.path("village.geojson");
    writeFile(path, villageAndCountryRoad());
    const QByteArray speeds = R"("speeds_kmh": {"secondary": 80, "residential": 45, "unknown": 40})";
    const SpeedProfile open = parseSpeedProfile("{" + speeds + "}", QStringLiteral("open"));
    const SpeedProfile builtUp =
        parseSpeedProfile("{" + speeds + R"(, "built_up": {"speed_kmh": 30, "radius_m": 200, "min_junctions": 6}})",
                          QStringLiteral("built-up"));
    CHECK(builtUp.builtUpKmh == 30);
    const NetworkInput plain = extractLines(path, open, {});
    const NetworkInput slowed = extractLines(path, builtUp, {});

    // In the middle of the village: 9 junctions within 200 m, the whole street is built-up.
    const std::vector<float> shares = builtUpShares(slowed, {200, 6});
    const NetworkEdge& street = edgeBetween(slowed, {200, 200}, {300, 200});
    CHECK(shares[&street - slowed.edges.data()] == 1.0f);
    CHECK(edgeBetween(plain, {200, 200}, {300, 200}).seconds == Approx(100 / (45 / 3.6)));
    CHECK(street.seconds == Approx(100 / (30 / 3.6)));

    // The country road: only its first ~200 m are near the village's junctions.
    const NetworkEdge& road = edgeBetween(slowed, {400, 200}, {3400, 200});
    const float roadShare = shares[&road - slowed.edges.data()];
    CHECK(roadShare > 0.0f);
    CHECK(roadShare < 0.1f);
    const double free = 3000 / (80 / 3.6);
    CHECK(edgeBetween(plain, {400, 200}, {3400, 200}).seconds == Approx(free));
    CHECK(road.seconds == Approx((1 - roadShare) * free + roadShare * 3000 / (30 / 3.6)));

    // Too few junctions for the rule: nothing is built-up.
    const std::vector<float> sparse = builtUpShares(slowed, {200, 20});
    CHECK(std::all_of(sparse.begin(), sparse.end(), [](float share) { return share == 0.0f; }));
}

TEST_CASE("a profile's built-up block is read and checked")
{
    QString message;
    try {
        parseSpeedProfile(R"({"speeds_kmh": {"unknown": 50}, "built_up": {"speed_kmh": 40, "radius_m": 5}})",
                          QStringLiteral("tiny.json"));
    } catch (const Error& e) {
        message = e.message();
    }
    CHECK(message.contains("tiny.json"));
    CHECK(message.contains("built_up.radius_m"));
    CHECK(parseSpeedProfile(R"({"speeds_kmh": {"unknown": 50}})", QStringLiteral("plain")).builtUpKmh == 0);
}

// ------------------------------------------------------------------ extraction

TEST_CASE("pieces of a road cut at a tile edge are joined within the merge tolerance and counted")
{
    test::ScratchDir dir;
    const QString path = dir.path("tiles.geojson");
    // Two pieces whose ends are 0.9 m apart (cut at a tile edge, quantised), and a road whose
    // end stops 3 m short of them: a real gap, not joined.
    writeFile(path, lineGeoJson({{R"({"class": "secondary"})", "[[900000, 6300000], [901760, 6300000]]"},
                                 {R"({"class": "secondary"})", "[[901760.6, 6300000.7], [903000, 6300000]]"},
                                 {R"({"class": "tertiary"})", "[[901763, 6300400], [901763, 6300003]]"}}));
    ExtractStats stats;
    const NetworkInput network = extractLines(path, bendProfile(0.0), {}, &stats);
    CHECK(stats.endsJoined == 1);
    const NetworkSummary summary = summarizeNetwork(network);
    CHECK(summary.components == 2);
    CHECK(summary.largestComponentNodes == 3);
    CHECK(describeSummary(summary).contains("1 islands"));
}

TEST_CASE("a layer's oneway field is used unless told otherwise")
{
    test::ScratchDir dir;
    const QString path = dir.path("oneway.geojson");
    writeFile(path,
              lineGeoJson({{R"({"class": "residential", "oneway": "yes"})", "[[900000, 6300000], [900100, 6300000]]"},
                           {R"({"class": "residential", "oneway": "no"})", "[[900100, 6300000], [900200, 6300000]]"}}));
    ExtractStats stats;
    NetworkInput network = extractLines(path, bendProfile(0.0), {}, &stats);
    CHECK(stats.onewayField == "oneway");
    CHECK(stats.onewayFeatures == 1);
    LineLayerOptions none;
    none.onewayField = QStringLiteral("none");
    network = extractLines(path, bendProfile(0.0), none, &stats);
    CHECK(stats.onewayField.isEmpty());
    CHECK(stats.onewayFeatures == 0);
    CHECK(parseOnewayValue(QStringLiteral("Sens unique")) == 1);
    CHECK(parseOnewayValue(QStringLiteral("-1")) == -1);
    CHECK(parseOnewayValue(QStringLiteral("false")) == 0);
}

// ------------------------------------------------------------------ one-way detour

TEST_CASE("a one-way street forces the detour one way and not the other, in od")
{
    test::ScratchDir dir;
    const QString places = dir.path("places.csv");
    writeFile(places, kBlockPlaces);

    // French field names and values: the direct street is "Sens unique" from B to A.
    const QString french = dir.path("rues.geojson");
    writeFile(french, blockOfStreets(R"({"nature": "Route communale", "sens": "Sens unique"})",
                                     R"({"nature": "Route communale", "sens": "Double sens"})"));
    const test::CliRun run = test::runCli({"od", "--network", french, "--class-field", "nature", "--oneway-field", "sens",
                                           "--profile", "osm", "--from", places, "--to", places, "--csv"});
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    auto trips = odKmMinutes(run.out);
    REQUIRE(trips.count("A->B"));
    REQUIRE(trips.count("B->A"));
    CHECK(trips["B->A"].first == Approx(0.43).margin(0.05));   // the direct street
    CHECK(trips["A->B"].first > 1.2);                          // round the block
    CHECK(trips["A->B"].second > trips["B->A"].second + 0.8);  // 0.85 km more at most 56 km/h

    // Without the one-way field both ways take the direct street.
    const test::CliRun twoWay = test::runCli({"od", "--network", french, "--class-field", "nature", "--oneway-field", "none",
                                              "--profile", "osm", "--from", places, "--to", places, "--csv"});
    REQUIRE(twoWay.exitCode == 0);
    trips = odKmMinutes(twoWay.out);
    CHECK(trips["A->B"].first == Approx(trips["B->A"].first));

    // An OpenStreetMap-like layer: its "oneway" field is used without being named, and the
    // osm profile is chosen for its density (the multi-entry profile would also let the two
    // places, 400 m apart, reach each other straight).
    const QString osmLike = dir.path("osm-like.geojson");
    writeFile(osmLike,
              blockOfStreets(R"({"class": "residential", "oneway": "yes"})", R"({"class": "residential", "oneway": "no"})"));
    const test::CliRun byDefault = test::runCli({"od", "--network", osmLike, "--from", places, "--to", places, "--csv"});
    REQUIRE(byDefault.exitCode == 0);
    trips = odKmMinutes(byDefault.out);
    CHECK(trips["A->B"].first > 2.5 * trips["B->A"].first);
}

// ------------------------------------------------------------------ field options

TEST_CASE("every command that reads a road network accepts the layer and field options")
{
    const std::vector<QStringList> commands{{"init"},       {"coverage"}, {"suggest"},        {"compare"},
                                            {"export-pdf"}, {"od"},       {"network", "info"}};
    for (const QStringList& command : commands) {
        const test::CliRun help = test::runCli(command + QStringList{"--help"});
        INFO(command.join(' ').toStdString());
        CHECK(help.exitCode == 0);
        for (const char* option : {"--network-layer", "--class-field", "--oneway-field", "--speed-field", "--profile"})
            CHECK(help.out.contains(QString::fromLatin1(option)));
    }
}

TEST_CASE("init stores the network's fields in the project and coverage reads the network with them")
{
    test::ScratchDir dir;
    const QString network = dir.path("rues.geojson");
    // Streets of Digne-les-Bains with French field names; no "class" field.
    writeFile(network, lineGeoJson({{R"({"nature": "Départementale", "sens": "Double sens", "vmax": 50})",
                                     densifiedLine(6.20, 44.09, 6.235, 44.0925)},
                                    {R"({"nature": "Départementale", "sens": "Double sens", "vmax": 50})",
                                     densifiedLine(6.235, 44.0925, 6.27, 44.10)},
                                    {R"({"nature": "Route communale", "sens": "Sens unique", "vmax": null})",
                                     densifiedLine(6.235, 44.0925, 6.235, 44.11)}},
                                   true));
    const QString limits = test::sharedData("04/limites-04.gpkg");
    const QString project = dir.path("digne.gpkg");
    test::CliRun run =
        test::runCli({"init", "--project", project, "--communes", limits, "--communes-layer", "commune", "--network",
                      network, "--class-field", "nature", "--oneway-field", "sens", "--speed-field", "vmax"});
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    REQUIRE(test::runCli({"import", "--project", project, test::sharedData("04/france-services-2024.csv")}).exitCode == 0);
    run = test::runCli({"coverage", "--project", project, "--out", dir.path("out.gpkg")});
    INFO(run.err.toStdString());
    CHECK(run.exitCode == 0);
    CHECK(run.out.contains("profile osm"));  // a few short streets: a detailed network

    // Another file given with --network is read with its own options: without them, this copy
    // of the streets is refused, naming the field.
    REQUIRE(QFile::copy(network, dir.path("copie.geojson")));
    const test::CliRun plain = test::runCli(
        {"coverage", "--project", project, "--out", dir.path("plain.gpkg"), "--network", dir.path("copie.geojson")});
    CHECK(plain.exitCode == 1);
    CHECK(plain.err.contains("\"class\""));
}

// ------------------------------------------------------------------ profile and network

TEST_CASE("a detailed network gets the osm profile, and the multi-entry profile on it a warning")
{
    test::ScratchDir dir;
    const QString dense = dir.path("dense.geojson");
    QByteArray coordinates = "[";
    for (int i = 0; i <= 50; ++i)
        coordinates += QByteArray(i ? "," : "") + "[" + QByteArray::number(900000 + 20 * i) + ", 6300000]";
    coordinates += "]";
    writeFile(dense, lineGeoJson({{R"({"class": "residential"})", coordinates}}));
    CHECK(probeNetworkDensity(dense).detailed());
    CHECK(chooseProfile({dense, {}, {}, {}, {}, {}}).profile == "osm");
    const ProfileChoice asked = chooseProfile({dense, {}, {}, {}, {}, QStringLiteral("generalised")});
    CHECK(asked.profile == "generalised");
    CHECK(asked.warning.contains("detailed network"));
    CHECK(asked.warning.contains("--profile osm"));
    CHECK(asked.warning.count('\n') == 0);

    CHECK_FALSE(probeNetworkDensity(test::sharedData("04/routes-04.geojson")).detailed());
    CHECK(chooseProfile({test::sharedData("04/routes-04.geojson"), {}, {}, {}, {}, {}}).profile == "generalised");
    CHECK(chooseProfile({test::sharedData("04/routes-04.geojson"), {}, {}, {}, {}, QStringLiteral("generalised")})
              .warning.isEmpty());
}

TEST_CASE("places beyond the network's extent are counted and named")
{
    const std::vector<XY> nodes{{0, 0}, {1000, 1000}};
    const std::vector<XY> places{{500, 500}, {2000, 500}, {-10, 0}};
    const QString text = placesBeyondExtentText(networkExtent(nodes), places, {"Inside", "East", "West"});
    CHECK(text.startsWith("2 points beyond the road network's extent"));
    CHECK(text.contains("East, West"));
    CHECK(placesBeyondExtentText(networkExtent(nodes), {places.data(), 1}, {"Inside"}).isEmpty());
}

// ------------------------------------------------------------------ the 04 on the detailed network

TEST_CASE("the 04 demo runs on the detailed OpenStreetMap network with the osm profile")
{
    // The main job of scripts/demo.sh: 198 communes, the three published point lists, the
    // coverage of the France services on routes-osm-04.gpkg (its class and oneway fields).
    test::ScratchDir dir;
    const QString project = dir.path("demo-04.gpkg");
    const QString limits = test::sharedData("04/limites-04.gpkg");
    test::CliRun run = test::runCli({"init", "--project", project, "--communes", limits, "--communes-layer", "commune",
                                     "--epci", limits, "--epci-layer", "epci", "--outline", limits, "--outline-layer",
                                     "departement", "--network", test::sharedData("04/routes-osm-04.gpkg")});
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    CHECK(run.out.contains("198 communes"));
    for (const char* file : {"04/mairies-04.csv", "04/france-services-2024.csv", "04/laposte-2020.csv"})
        REQUIRE(test::runCli({"import", "--project", project, test::sharedData(file)}).exitCode == 0);

    const QString out = dir.path("coverage-04.gpkg");
    run = test::runCli({"coverage", "--project", project, "--out", out});
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    CHECK_FALSE(run.err.contains("warning"));  // the osm profile suits the network
    CHECK(run.out.contains("network routes-osm-04.gpkg"));
    CHECK(run.out.contains("profile osm"));
    CHECK(run.out.contains("Population beyond 20 min (166 077 inhabitants)"));
    // The France services list reaches 20 km around the 04, beyond the extract's box.
    CHECK(run.out.contains("points beyond the road network's extent"));

    GdalDatasetPtr dataset(static_cast<GDALDataset*>(
        GDALOpenEx(out.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    REQUIRE(dataset);
    REQUIRE(dataset->GetLayerByName("communes"));
    CHECK(dataset->GetLayerByName("communes")->GetFeatureCount() == 198);
    REQUIRE(dataset->GetLayerByName("gap_zones"));
    CHECK(dataset->GetLayerByName("gap_zones")->GetFeatureCount() > 0);
    REQUIRE(dataset->GetLayerByName("accueil_points"));
    CHECK(dataset->GetLayerByName("accueil_points")->GetFeatureCount() > 50);
}

// ------------------------------------------------------------------ calibration

TEST_CASE("a calibration never makes a lower road class faster than a higher one")
{
    // Separate scales for main and minor roads would put tertiary roads (50 km/h × 1.4) above
    // secondary ones (60 km/h): the fitted profile caps each class at the speed of the one above.
    SpeedProfile start = loadSpeedProfile(QStringLiteral("osm"));
    start.classKmh[static_cast<int>(RoadClass::Secondary)] = 60;
    start.classKmh[static_cast<int>(RoadClass::Tertiary)] = 50;
    start.classKmh[static_cast<int>(RoadClass::Unclassified)] = 40;
    const SpeedProfile fitted = scaledProfile(start, 1.0, 1.4, 4.0, 120);
    CHECK(fitted.speedKmh(RoadClass::Secondary) == 60);
    CHECK(fitted.speedKmh(RoadClass::Tertiary) == 60);
    CHECK(fitted.speedKmh(RoadClass::Unclassified) == 56);
    const RoadClass hierarchy[] = {RoadClass::Motorway,    RoadClass::Trunk,       RoadClass::Primary,
                                   RoadClass::Secondary,   RoadClass::Tertiary,    RoadClass::Unclassified,
                                   RoadClass::Residential, RoadClass::LivingStreet};
    for (const SpeedProfile& profile : {fitted, loadSpeedProfile(QStringLiteral("osm"))})
        for (std::size_t i = 1; i < std::size(hierarchy); ++i)
            CHECK(profile.speedKmh(hierarchy[i]) <= profile.speedKmh(hierarchy[i - 1]));
}

TEST_CASE("the osm profile meets its documented calibration figures on the Lot reference trips")
{
    // docs/CALIBRATION.md, "The osm profile on the Lot": the shipped profile on the detailed
    // Lot network (its class and oneway fields), town hall to town hall.
    const std::vector<ReferenceTrip> trips = readReferenceTrips(test::sharedData("lot-46/calibration.csv"));
    LineLayerOptions options;  // class field "class", the layer's "oneway" field, 1.5 m merge tolerance
    const SpeedProfile profile = loadSpeedProfile(QStringLiteral("osm"));
    const CalibrationNetwork network(test::sharedData("lot-46/routes-osm-46.gpkg"), profile, options);
    const TripCheckSummary summary = network.check(profile, trips);
    // Documented: median 8.5 %, worst 17.7 % (Salviac – Cahors); km median 3.1 %.
    const double kDocumentedMedianMinutesError = 0.086, kDocumentedWorstMinutesError = 0.178;
    CHECK(summary.unreached == 0);
    CHECK(summary.medianAbsMinutesError <= kDocumentedMedianMinutesError);
    CHECK(summary.maxAbsMinutesError <= kDocumentedWorstMinutesError);
    CHECK(summary.medianAbsKmError <= 0.05);  // the geometry is right: distances within a few %
}
