// The prepared network: written once, reused while nothing it depends on changes, rebuilt
// (with a note, never a crash) when it is stale, truncated, corrupt or of another version.
#include <catch2/catch.hpp>

#include "coverage/coverage_run.h"
#include "coverage/network_engine.h"
#include "coverage/population.h"
#include "coverage/territory_network.h"
#include "geo/territory.h"
#include "importers/point_importers.h"
#include "io/territory_loader.h"
#include "network/prepared_network.h"
#include "network/road_graph.h"
#include "network/snapping.h"
#include "network/speed_profile.h"
#include "support/test_data.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cstring>
#include <functional>

using namespace maillage;

namespace {

const char* const kRoadsOsm = R"(<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6" generator="test">
  <node id="1" lat="44.0900" lon="6.2300"/>
  <node id="2" lat="44.0900" lon="6.2400"/>
  <node id="3" lat="44.0900" lon="6.2500"/>
  <node id="4" lat="44.1000" lon="6.2400"/>
  <way id="20"><nd ref="4"/><nd ref="2"/><tag k="highway" v="secondary"/><tag k="ref" v="D20"/></way>
  <way id="21"><nd ref="1"/><nd ref="2"/><nd ref="3"/><tag k="highway" v="primary"/><tag k="ref" v="N85"/></way>
</osm>
)";

void writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(content);
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

struct Setup {
    test::ScratchDir dir;
    QString network = dir.path(QStringLiteral("roads.osm"));
    QString prepared = dir.path(QStringLiteral("project.maillage.network"));
    SpeedProfile profile = loadSpeedProfile(QStringLiteral("osm"));
    std::vector<TownAnchor> towns{{QStringLiteral("Digne"), {950'000, 6'340'000}, 16'000}};

    Setup() { writeFile(network, kRoadsOsm); }

    NetworkInput load(PreparedNetworkOutcome& outcome)
    {
        return loadTerritoryNetwork(network, profile, {}, towns, nullptr,
                                    {.path = prepared, .rebuild = false, .progress = {}}, &outcome);
    }
};

void checkSameNetwork(const NetworkInput& a, const NetworkInput& b)
{
    REQUIRE(a.nodes.size() == b.nodes.size());
    REQUIRE(a.edges.size() == b.edges.size());
    for (std::size_t n = 0; n < a.nodes.size(); ++n) {
        CHECK(a.nodes[n].x == b.nodes[n].x);
        CHECK(a.nodes[n].y == b.nodes[n].y);
    }
    for (std::size_t e = 0; e < a.edges.size(); ++e) {
        CHECK(a.edges[e].from == b.edges[e].from);
        CHECK(a.edges[e].to == b.edges[e].to);
        CHECK(a.edges[e].seconds == b.edges[e].seconds);
        CHECK(a.edges[e].metres == b.edges[e].metres);
        CHECK(a.edges[e].oneway == b.edges[e].oneway);
        CHECK(a.edges[e].roadClass == b.edges[e].roadClass);
        CHECK(a.refs[a.edges[e].refIndex] == b.refs[b.edges[e].refIndex]);
    }
    CHECK(a.shape.size() == b.shape.size());
    CHECK(a.sourceFile == b.sourceFile);
}

// Builds the prepared file once, damages it with `damage`, and checks that the next load
// rebuilds it with a note containing `expected` and gives the same network.
void checkRebuiltAfter(const std::function<void(Setup&)>& damage, const QString& expected)
{
    Setup setup;
    PreparedNetworkOutcome first;
    setup.load(first);
    REQUIRE(first.written);
    damage(setup);
    const NetworkInput built = loadTerritoryNetwork(setup.network, setup.profile, {}, setup.towns);
    PreparedNetworkOutcome second;
    const NetworkInput rebuilt = setup.load(second);
    CHECK_FALSE(second.reused);
    CHECK(second.written);
    CHECK(second.note.contains(expected));
    CHECK(second.note.contains(setup.prepared));
    checkSameNetwork(built, rebuilt);
    PreparedNetworkOutcome third;
    setup.load(third);
    CHECK(third.reused);
}

}  // namespace

TEST_CASE("a prepared network is written once and then read back identical")
{
    Setup setup;
    PreparedNetworkOutcome first;
    const NetworkInput built = setup.load(first);
    CHECK_FALSE(first.reused);
    CHECK(first.written);
    CHECK(first.note.contains(QStringLiteral("does not exist yet")));
    REQUIRE(QFileInfo::exists(setup.prepared));
    // Written under a temporary name then renamed: nothing else is left in the folder.
    CHECK(QDir(QFileInfo(setup.prepared).path()).entryList(QDir::Files).size() == 2);

    PreparedNetworkOutcome second;
    const NetworkInput read = setup.load(second);
    CHECK(second.reused);
    CHECK_FALSE(second.written);
    checkSameNetwork(built, read);
}

TEST_CASE("a prepared network is rebuilt when the network file changes")
{
    checkRebuiltAfter(
        [](Setup& setup) {
            QByteArray content = kRoadsOsm;
            content.replace("v=\"D20\"", "v=\"D21\"");  // same size, other content
            writeFile(setup.network, content);
        },
        QStringLiteral("made from other data or settings"));
}

TEST_CASE("a prepared network is rebuilt when the profile, the field mapping or the towns change")
{
    Setup setup;
    PreparedNetworkOutcome outcome;
    setup.load(outcome);
    const QByteArray key = preparedNetworkKey(setup.network, setup.profile, {}, setup.towns);
    SpeedProfile faster = setup.profile;
    faster.sourceFile.clear();
    faster.classKmh[static_cast<int>(RoadClass::Primary)] += 10;
    SpeedProfile inMemory = setup.profile;
    inMemory.sourceFile.clear();
    CHECK(preparedNetworkKey(setup.network, faster, {}, setup.towns)
          != preparedNetworkKey(setup.network, inMemory, {}, setup.towns));
    LineLayerOptions otherField;
    otherField.classField = QStringLiteral("nature");
    CHECK(preparedNetworkKey(setup.network, setup.profile, otherField, setup.towns) != key);
    std::vector<TownAnchor> moreTowns = setup.towns;
    moreTowns.push_back({QStringLiteral("Manosque"), {930'000, 6'310'000}, 22'000});
    CHECK(preparedNetworkKey(setup.network, setup.profile, {}, moreTowns) != key);
    CHECK(preparedNetworkKey(setup.network, setup.profile, {}, setup.towns) == key);

    setup.towns = moreTowns;
    PreparedNetworkOutcome again;
    setup.load(again);
    CHECK_FALSE(again.reused);
    CHECK(again.note.contains(QStringLiteral("made from other data or settings")));
}

TEST_CASE("a truncated prepared network is rebuilt with a note")
{
    checkRebuiltAfter(
        [](Setup& setup) {
            QFile file(setup.prepared);
            REQUIRE(file.resize(file.size() - 100));
        },
        QStringLiteral("truncated"));
    checkRebuiltAfter(
        [](Setup& setup) {
            QFile file(setup.prepared);
            REQUIRE(file.resize(10));
        },
        QStringLiteral("truncated"));
}

TEST_CASE("a corrupt prepared network is detected by its checksum and rebuilt")
{
    checkRebuiltAfter(
        [](Setup& setup) {
            QByteArray bytes = readFile(setup.prepared);
            bytes[bytes.size() - 40] = static_cast<char>(bytes[bytes.size() - 40] ^ 0x5a);
            writeFile(setup.prepared, bytes);
        },
        QStringLiteral("corrupt (checksum)"));
}

TEST_CASE("a prepared network of an older format version is rebuilt")
{
    checkRebuiltAfter(
        [](Setup& setup) {
            QByteArray bytes = readFile(setup.prepared);
            const quint32 older = kPreparedNetworkVersion - 1;
            std::memcpy(bytes.data() + 16, &older, sizeof older);  // the version follows the 16-byte magic
            writeFile(setup.prepared, bytes);
        },
        QStringLiteral("format version %1").arg(kPreparedNetworkVersion - 1));
}

TEST_CASE("a file that is not a prepared network is replaced, not trusted")
{
    checkRebuiltAfter([](Setup& setup) { writeFile(setup.prepared, QByteArray(200, 'x')); },
                      QStringLiteral("is not a prepared network"));
}

TEST_CASE("a prepared network that cannot be written is a note, the network is still given")
{
    Setup setup;
    PreparedNetworkOutcome outcome;
    const NetworkInput network = loadTerritoryNetwork(
        setup.network, setup.profile, {}, setup.towns, nullptr,
        {.path = setup.dir.path(QStringLiteral("missing/dir/x.network")), .rebuild = false, .progress = {}}, &outcome);
    CHECK(network.edges.size() == 3);
    CHECK_FALSE(outcome.written);
    CHECK(outcome.note.contains(QStringLiteral("cannot write the prepared network")));
}

TEST_CASE("the spatial index kept in a prepared network joins places exactly as one built from the graph")
{
    Setup setup;
    PreparedNetworkOutcome first;
    setup.load(first);
    REQUIRE(first.written);
    PreparedNetworkOutcome second;
    const RoadGraph graph(setup.load(second));
    REQUIRE(second.reused);
    const std::optional<Snapper> kept = Snapper::fromBytes(graph, second.spatialIndex);
    REQUIRE(kept);
    const Snapper built(graph);
    CHECK(kept->segmentCount() == built.segmentCount());
    const BBox box = graph.bounds();
    SnapOptions options;
    options.maxSnapMetres = 5'000.0;
    for (int i = 0; i <= 20; ++i) {
        for (int j = 0; j <= 20; ++j) {
            const XY place{box.minX - 500 + (box.width() + 1000) * i / 20, box.minY - 500 + (box.height() + 1000) * j / 20};
            const Snap a = kept->snap(place, options);
            const Snap b = built.snap(place, options);
            REQUIRE(a.status == b.status);
            REQUIRE(a.entryCount() == b.entryCount());
            for (int k = 0; k < a.entryCount(); ++k) {
                CHECK(a.entry(k).edge == b.entry(k).edge);
                CHECK(a.entry(k).fraction == b.entry(k).fraction);
                CHECK(a.entry(k).offsetMetres == b.entry(k).offsetMetres);
            }
        }
    }
}

TEST_CASE("a spatial index that is truncated, damaged or of another graph is refused, not read out of bounds")
{
    Setup setup;
    PreparedNetworkOutcome outcome;
    const RoadGraph graph(setup.load(outcome));
    const std::vector<char> bytes = Snapper(graph).toBytes();
    REQUIRE(Snapper::fromBytes(graph, bytes));
    for (std::size_t size : {std::size_t(0), std::size_t(8), bytes.size() / 2, bytes.size() - 1})
        CHECK_FALSE(Snapper::fromBytes(graph, std::span<const char>(bytes.data(), size)));
    std::vector<char> longer = bytes;
    longer.push_back(0);
    CHECK_FALSE(Snapper::fromBytes(graph, longer));
    // The first segment's edge (after the counts, the origin and the segments) set past the graph.
    std::vector<char> damaged = bytes;
    const std::size_t segments = Snapper(graph).segmentCount();
    const std::size_t firstEdge = 3 * 8 + 2 * 8 + segments * 5 * sizeof(float);
    const std::uint32_t badEdge = 1'000'000;
    std::memcpy(damaged.data() + firstEdge, &badEdge, sizeof(badEdge));
    CHECK_FALSE(Snapper::fromBytes(graph, damaged));
    // Another graph: one edge fewer.
    NetworkInput smaller = setup.load(outcome);
    smaller.edges.pop_back();
    const RoadGraph other(smaller);
    CHECK_FALSE(Snapper::fromBytes(other, bytes));
}

TEST_CASE("the network file is hashed once, then trusted while its size and modification time hold")
{
    Setup setup;
    PreparedNetworkOutcome outcome;
    setup.load(outcome);
    REQUIRE(outcome.written);
    // The prepared file records the network file's size, time and SHA-1: the next command
    // takes the SHA-1 from there instead of reading the whole network file.
    const NetworkFileIdentity kept = networkFileIdentity(setup.network, setup.prepared);
    CHECK_FALSE(kept.hashed);
    const NetworkFileIdentity hashed = networkFileIdentity(setup.network);
    CHECK(hashed.hashed);
    CHECK(kept.sha1 == hashed.sha1);
    CHECK(preparedNetworkKey(kept, setup.profile, {}, setup.towns)
          == preparedNetworkKey(setup.network, setup.profile, {}, setup.towns));

    // Any ordinary change sets the time: the file is hashed again and the network rebuilt.
    QByteArray content = kRoadsOsm;
    content.replace("v=\"D20\"", "v=\"D21\"");  // same size, other content
    writeFile(setup.network, content);
    QFile network(setup.network);
    REQUIRE(network.open(QIODevice::ReadWrite));
    const QDateTime later = QDateTime::fromMSecsSinceEpoch(kept.modifiedMs + 2000);
    REQUIRE(network.setFileTime(later, QFileDevice::FileModificationTime));
    network.close();
    CHECK(networkFileIdentity(setup.network, setup.prepared).hashed);
    PreparedNetworkOutcome changed;
    setup.load(changed);
    CHECK_FALSE(changed.reused);
    CHECK(changed.note.contains(QStringLiteral("made from other data or settings")));

    // The documented limit: a file of the same size whose time is set back to the recorded one
    // to the millisecond (cp -p, rsync -t, touch -r) is taken for the same file; a rebuild on
    // request hashes it again.
    writeFile(setup.network, kRoadsOsm);
    REQUIRE(network.open(QIODevice::ReadWrite));
    REQUIRE(network.setFileTime(later, QFileDevice::FileModificationTime));
    network.close();
    PreparedNetworkOutcome trusted;
    const NetworkInput stale = setup.load(trusted);
    CHECK(trusted.reused);
    PreparedNetworkOutcome rebuilt;
    const NetworkInput fresh = loadTerritoryNetwork(setup.network, setup.profile, {}, setup.towns, nullptr,
                                                    {.path = setup.prepared, .rebuild = true, .progress = {}}, &rebuilt);
    CHECK(rebuilt.written);
    CHECK(stale.refs != fresh.refs);  // D21 then D20 again
}

namespace {

// The 04 territory, town halls and France services on the coarse 04 network (generalised
// profile: multi-entry links with direct trips, the richest links there are), with a
// prepared network in a scratch folder.
struct Prepared04 {
    test::ScratchDir dir;
    QString prepared = dir.path(QStringLiteral("p.gpkg.network"));
    Territory territory;
    SpeedProfile profile = loadSpeedProfile(QStringLiteral("generalised"));
    std::vector<AccueilPoint> points;

    Prepared04()
    {
        TerritorySources sources;
        sources.communes = {test::sharedData("04/limites-04.gpkg"), QStringLiteral("commune")};
        sources.epcis = LayerSource{test::sharedData("04/limites-04.gpkg"), QStringLiteral("epci")};
        territory = loadTerritory(sources);
        points = readMairiesCsv(test::sharedData("04/mairies-04.csv")).points;
        const auto franceServices = readFranceServicesCsv(test::sharedData("04/france-services-2024.csv")).points;
        points.insert(points.end(), franceServices.begin(), franceServices.end());
        for (std::size_t i = 0; i < points.size(); ++i) points[i].id = qint64(i + 1);
    }

    NetworkInput load(PreparedNetworkOutcome& outcome) const
    {
        return loadTerritoryNetwork(test::sharedData("04/routes-04.geojson"), profile, {},
                                    townAnchors(territory, townHallsFor(territory, points)), nullptr,
                                    {.path = prepared, .rebuild = false, .progress = {}}, &outcome);
    }
};

void checkSameLinks(const PlaceLinks& a, const PlaceLinks& b)
{
    REQUIRE(a.size() == b.size());
    CHECK(a.entryCount() == b.entryCount());
    CHECK(a.unjoinedCount() == b.unjoinedCount());
    for (std::size_t i = 0; i < a.size(); i += 97) {
        const AccessLink x = a[i], y = b[i];
        REQUIRE(x.entryCount() == y.entryCount());
        for (int k = 0; k < x.entryCount(); ++k) {
            CHECK(x.entry(k).edge == y.entry(k).edge);
            CHECK(x.entry(k).node[0] == y.entry(k).node[0]);
            CHECK(x.entry(k).seconds[1] == y.entry(k).seconds[1]);
        }
        CHECK(x.directMetres == y.directMetres);
        CHECK(x.place.x == y.place.x);
    }
}

}  // namespace

TEST_CASE("the grid's and town halls' links kept in a prepared network are reused and give the same coverage")
{
    const Prepared04 setup;
    const CoverageSetup grid{.cellSize = 1000.0, .placement = {}, .threads = 2};
    PreparedNetworkOutcome first;
    const RoadGraph graph(setup.load(first));
    REQUIRE(first.written);
    CHECK(first.links.empty());  // no grid was linked yet
    const GraphTravelEngine engine(graph, setup.profile, Snapper::fromBytes(graph, first.spatialIndex));
    CoverageSetup withStored = grid;
    withStored.storedLinks = &first.links;
    const CoverageContext snapped(setup.territory, engine, setup.points, withStored);
    CHECK_FALSE(snapped.linksReused());
    CHECK(keepCoverageLinks(first, snapped).isEmpty());

    PreparedNetworkOutcome second;
    const RoadGraph graphAgain(setup.load(second));
    REQUIRE(second.reused);
    REQUIRE_FALSE(second.links.empty());
    CHECK(second.links.key == coverageLinksKey(snapped.grid(), snapped.townHalls()));
    const GraphTravelEngine engineAgain(graphAgain, setup.profile, Snapper::fromBytes(graphAgain, second.spatialIndex));
    withStored.storedLinks = &second.links;
    const CoverageContext read(setup.territory, engineAgain, setup.points, withStored);
    CHECK(read.linksReused());
    CHECK(keepCoverageLinks(second, read).isEmpty());  // nothing to write
    checkSameLinks(snapped.cellLinks(), read.cellLinks());
    checkSameLinks(snapped.townHallLinks(), read.townHallLinks());

    // The same coverage, cell by cell, and the same people beyond.
    const std::vector<AccueilPoint> level2 = coveragePoints(setup.points, 2);
    const CoverageResult a = computeCoverage(snapped, level2);
    const CoverageResult b = computeCoverage(read, level2);
    REQUIRE(a.surface.minutes.size() == b.surface.minutes.size());
    CHECK(a.surface.minutes == b.surface.minutes);
    CHECK(a.townHallTimes.minutes == b.townHallTimes.minutes);
    CHECK(a.population.departement.beyondSpread == b.population.departement.beyondSpread);
    CHECK(a.population.departement.beyondSpread > 0.0);

    SECTION("another cell size snaps its own grid, and keeps it in place of the previous one")
    {
        CoverageSetup other = withStored;
        other.cellSize = 1500.0;
        const CoverageContext coarser(setup.territory, engineAgain, setup.points, other);
        CHECK_FALSE(coarser.linksReused());
        CHECK(keepCoverageLinks(second, coarser).isEmpty());
        PreparedNetworkOutcome third;
        setup.load(third);
        REQUIRE(third.reused);
        CHECK(third.links.key == coverageLinksKey(coarser.grid(), coarser.townHalls()));
    }
    SECTION("a town hall moved snaps the grid again")
    {
        std::vector<AccueilPoint> moved = setup.points;
        for (AccueilPoint& point : moved) {
            if (point.level != Level::First) continue;
            point.lambert93.x += 300.0;
            break;
        }
        const CoverageContext relinked(setup.territory, engineAgain, moved, withStored);
        CHECK_FALSE(relinked.linksReused());
    }
}

TEST_CASE("cancelling the linking of the grid stops it and leaves the prepared network complete, without partial links")
{
    const Prepared04 setup;
    PreparedNetworkOutcome first;
    const RoadGraph graph(setup.load(first));
    REQUIRE(first.written);
    const QByteArray networkOnly = readFile(setup.prepared);
    const GraphTravelEngine engine(graph, setup.profile, Snapper::fromBytes(graph, first.spatialIndex));
    std::vector<double> told;
    // 500 m: about 28,000 cells, several blocks of places.
    CoverageSetup grid{.cellSize = 500.0, .placement = {}, .threads = 2, .storedLinks = &first.links};
    grid.linkProgress = [&told](double done) {
        told.push_back(done);
        return false;  // the user cancels at the first report
    };
    CHECK_THROWS_WITH(CoverageContext(setup.territory, engine, setup.points, grid), Catch::Contains("cancelled"));
    REQUIRE(told.size() == 1);  // stopped at the first block, not after the whole grid
    CHECK(told.front() > 0.0);
    CHECK(told.front() < 1.0);
    // Nothing was kept: the file is the network alone, as written, and no temporary file is left.
    CHECK(readFile(setup.prepared) == networkOnly);
    CHECK(QDir(QFileInfo(setup.prepared).absolutePath()).entryList(QDir::Files)
          == QStringList{QFileInfo(setup.prepared).fileName()});
    PreparedNetworkOutcome second;
    setup.load(second);
    CHECK(second.reused);
    CHECK(second.links.empty());

    SECTION("not cancelled, the progress goes up to the whole grid and the town halls, and the links are kept")
    {
        told.clear();
        grid.linkProgress = [&told](double done) {
            told.push_back(done);
            return true;
        };
        const CoverageContext context(setup.territory, engine, setup.points, grid);
        REQUIRE(told.size() > 2);
        CHECK(std::is_sorted(told.begin(), told.end()));
        CHECK(told.back() == Approx(1.0));
        CHECK(keepCoverageLinks(first, context).isEmpty());
        PreparedNetworkOutcome third;
        setup.load(third);
        CHECK_FALSE(third.links.empty());
    }
}

TEST_CASE("cancelling the build of a prepared network leaves no file, partial or temporary")
{
    Setup setup;
    const PreparedNetworkRequest cancelled{
        .path = setup.prepared, .rebuild = false, .progress = [](double) { return false; }};
    PreparedNetworkOutcome outcome;
    CHECK_THROWS_WITH(loadTerritoryNetwork(setup.network, setup.profile, {}, setup.towns, nullptr, cancelled, &outcome),
                      Catch::Contains("cancelled"));
    CHECK_FALSE(QFileInfo::exists(setup.prepared));
    CHECK(QDir(QFileInfo(setup.network).absolutePath()).entryList(QDir::Files)
          == QStringList{QFileInfo(setup.network).fileName()});
}

TEST_CASE("links that are truncated, damaged or of a larger network are refused, not read out of bounds")
{
    const Prepared04 setup;
    PreparedNetworkOutcome outcome;
    const RoadGraph graph(setup.load(outcome));
    const GraphTravelEngine engine(graph, setup.profile);
    const CoverageContext context(setup.territory, engine, setup.points,
                                  {.cellSize = 2000.0, .placement = {}, .threads = 2});
    const std::vector<char> bytes = context.cellLinks().toBytes();
    REQUIRE(PlaceLinks::fromBytes(bytes, graph.nodeCount()));
    for (std::size_t size : {std::size_t(0), std::size_t(8), bytes.size() / 2, bytes.size() - 1})
        CHECK_FALSE(PlaceLinks::fromBytes(std::span<const char>(bytes.data(), size), graph.nodeCount()));
    std::vector<char> longer = bytes;
    longer.push_back(0);
    CHECK_FALSE(PlaceLinks::fromBytes(longer, graph.nodeCount()));
    // Links to nodes the graph does not have.
    CHECK_FALSE(PlaceLinks::fromBytes(bytes, graph.nodeCount() / 2));

    // Damaged in the file: the links section's checksum refuses the whole file, rebuilt with a note.
    keepCoverageLinks(outcome, context);
    QByteArray file = readFile(setup.prepared);
    file[file.size() - 40] = static_cast<char>(file[file.size() - 40] ^ 0x5a);
    writeFile(setup.prepared, file);
    PreparedNetworkOutcome again;
    setup.load(again);
    CHECK_FALSE(again.reused);
    CHECK(again.written);
    CHECK(again.note.contains(QStringLiteral("corrupt (checksum)")));
    CHECK(again.links.empty());
}
