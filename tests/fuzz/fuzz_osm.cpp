// The OpenStreetMap reader: the bytes are an OSM file given to one of the two readers
// (libosmium, the default; GDAL's OSM driver, kept to compare), as XML or PBF. The first byte
// picks the reader and the format, the rest is the file. A network read must be one a graph
// can be built on: finite Lambert-93 coordinates, edges between existing nodes.
#include "fuzz_support.h"
#include "network/extract_osm.h"
#include "network/road_graph.h"
#include "network/speed_profile.h"

#include <cmath>

namespace {

const maillage::SpeedProfile& profile()
{
    static const maillage::SpeedProfile osm = maillage::loadSpeedProfile(QStringLiteral("osm"));
    return osm;
}

void checkNetwork(const maillage::NetworkInput& network)
{
    for (const maillage::XY& node : network.nodes)
        if (!std::isfinite(node.x) || !std::isfinite(node.y)) __builtin_trap();
    for (const maillage::NetworkEdge& edge : network.edges)
        if (edge.from >= network.nodes.size() || edge.to >= network.nodes.size() || edge.shapeEnd > network.shape.size()
            || !(edge.seconds >= 0.0) || !(edge.metres >= 0.0))
            __builtin_trap();
    const maillage::RoadGraph graph(network);
    (void)graph.nodeCount();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    maillage::fuzz::quietGdal();
    (void)profile();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0) return 0;
    const std::uint8_t mode = data[0] % 4;
    const bool withGdal = mode & 1;
    const bool pbf = mode & 2;
    const QByteArray file(reinterpret_cast<const char*>(data + 1), qsizetype(size - 1));
    const QString path = maillage::fuzz::scratchFile(file, pbf ? QStringLiteral(".osm.pbf") : QStringLiteral(".osm"));
    maillage::OsmExtractOptions options;
    options.includeTracks = data[0] & 4;
    options.includeService = !(data[0] & 8);
    try {
        checkNetwork(withGdal ? maillage::extractOsmWithGdal(path, profile(), options)
                              : maillage::extractOsm(path, profile(), options));
    } catch (const maillage::Error&) {
    }
    return 0;
}
