// Writes seeds for fuzz_prepared_network: the prepared network of a small road file, as
// `maillage` writes it beside a project (network read with its profile, town connectors,
// spatial index). Usage: fuzz_prepared_network_seed ROADS OUTPUT (ROADS: a small OSM file or
// line layer; OSM files get the osm profile, others the generalised one and a town at the
// middle of the roads, so that the file also holds connectors).
#include "coverage/territory_network.h"
#include "fuzz_support.h"
#include "network/extract_osm.h"
#include "network/speed_profile.h"

#include <QFile>

#include <cstdio>

int main(int argc, char** argv)
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s ROADS OUTPUT\n", argv[0]);
        return 2;
    }
    maillage::fuzz::quietGdal();
    const QString roads = QString::fromLocal8Bit(argv[1]);
    const QString output = QString::fromLocal8Bit(argv[2]);
    try {
        const bool osm = maillage::isOsmFile(roads);
        const maillage::SpeedProfile profile =
            maillage::loadSpeedProfile(osm ? QStringLiteral("osm") : QStringLiteral("generalised"));
        std::vector<maillage::TownAnchor> towns;
        if (!osm) {
            const maillage::NetworkInput network = maillage::loadTerritoryNetwork(roads, profile, {}, {});
            if (!network.nodes.empty()) {
                const maillage::XY middle = network.nodes[network.nodes.size() / 2];
                towns.push_back({QStringLiteral("Ville"), {middle.x + 400.0, middle.y + 300.0}, 2'000.0});
            }
        }
        QFile::remove(output);
        maillage::PreparedNetworkOutcome outcome;
        maillage::loadTerritoryNetwork(roads, profile, {}, towns, nullptr, {.path = output, .rebuild = true, .progress = {}},
                                       &outcome);
        if (!outcome.written) {
            std::fprintf(stderr, "%s: not written: %s\n", argv[2], qPrintable(outcome.note));
            return 1;
        }
    } catch (const maillage::Error& error) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message()));
        return 1;
    }
    return 0;
}
