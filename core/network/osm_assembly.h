#pragma once

// Shared by the two OpenStreetMap readers (libosmium in extract_osm_osmium.cpp, GDAL's OSM
// driver in extract_osm.cpp): the ways a reader kept, as runs of vertex keys, become the
// network. Both identify a vertex by its exact coordinates in OSM's integer units (1e-7
// degree), so two readers of one file give the same graph.

#include "network/extract_osm.h"

#include <cstdint>
#include <vector>

namespace maillage {

// A key for a vertex from its coordinates in 1e-7 degree units.
inline std::uint64_t osmVertexKey(std::int64_t lonUnits, std::int64_t latUnits)
{
    return (static_cast<std::uint64_t>(lonUnits + 1'800'000'000LL) << 32)
           | static_cast<std::uint64_t>(latUnits + 900'000'000LL);
}

// A way kept for cars: its vertex keys are [firstKey, endKey) in the reader's key array,
// already in driving order for one-way streets drawn against their direction.
struct OsmPendingWay {
    std::size_t firstKey = 0;
    std::size_t endKey = 0;
    WayAttributes attributes;
};

// Distinct keys become the vertices (in key order), ways are split at shared vertices, the
// coordinates are projected from WGS 84 to Lambert-93. Frees `keys` and `ways` as it goes
// (they are the largest arrays of a regional extraction). Counts used and degenerate ways
// in `stats`; throws Error naming `path` when no car road is left.
NetworkInput assembleOsmNetwork(const QString& path, const SpeedProfile& profile, std::vector<std::uint64_t>& keys,
                                std::vector<OsmPendingWay>& ways, ExtractStats& stats);

}  // namespace maillage
