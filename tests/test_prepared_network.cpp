// The prepared network: written once, reused while nothing it depends on changes, rebuilt
// (with a note, never a crash) when it is stale, truncated, corrupt or of another version.
#include <catch2/catch.hpp>

#include "coverage/territory_network.h"
#include "network/prepared_network.h"
#include "network/road_graph.h"
#include "network/snapping.h"
#include "network/speed_profile.h"
#include "support/test_data.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

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
        return loadTerritoryNetwork(network, profile, {}, towns, nullptr, {.path = prepared, .rebuild = false, .progress = {}}, &outcome);
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
    checkRebuiltAfter([](Setup& setup) {
        QByteArray content = kRoadsOsm;
        content.replace("v=\"D20\"", "v=\"D21\"");  // same size, other content
        writeFile(setup.network, content);
    }, QStringLiteral("made from other data or settings"));
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
    checkRebuiltAfter([](Setup& setup) {
        QFile file(setup.prepared);
        REQUIRE(file.resize(file.size() - 100));
    }, QStringLiteral("truncated"));
    checkRebuiltAfter([](Setup& setup) {
        QFile file(setup.prepared);
        REQUIRE(file.resize(10));
    }, QStringLiteral("truncated"));
}

TEST_CASE("a corrupt prepared network is detected by its checksum and rebuilt")
{
    checkRebuiltAfter([](Setup& setup) {
        QByteArray bytes = readFile(setup.prepared);
        bytes[bytes.size() - 40] = static_cast<char>(bytes[bytes.size() - 40] ^ 0x5a);
        writeFile(setup.prepared, bytes);
    }, QStringLiteral("corrupt (checksum)"));
}

TEST_CASE("a prepared network of an older format version is rebuilt")
{
    checkRebuiltAfter([](Setup& setup) {
        QByteArray bytes = readFile(setup.prepared);
        const quint32 older = kPreparedNetworkVersion - 1;
        std::memcpy(bytes.data() + 16, &older, sizeof older);  // the version follows the 16-byte magic
        writeFile(setup.prepared, bytes);
    }, QStringLiteral("format version %1").arg(kPreparedNetworkVersion - 1));
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
    const NetworkInput network = loadTerritoryNetwork(setup.network, setup.profile, {}, setup.towns, nullptr,
                                                      {.path = setup.dir.path(QStringLiteral("missing/dir/x.network")), .rebuild = false, .progress = {}},
                                                      &outcome);
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
