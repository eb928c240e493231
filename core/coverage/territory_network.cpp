#include "coverage/territory_network.h"

#include "coverage/population.h"
#include "geo/territory.h"
#include "network/speed_profile.h"

namespace maillage {

std::vector<TownAnchor> townAnchors(const Territory& territory, const TownHalls& townHalls)
{
    std::vector<TownAnchor> towns;
    for (std::size_t c = 0; c < territory.communes.size() && c < townHalls.known.size(); ++c) {
        if (!townHalls.known[c]) continue;  // a point inside the commune is no town centre
        towns.push_back({territory.communes[c].name, townHalls.positions[c], double(territory.communes[c].population)});
    }
    return towns;
}

NetworkInput loadTerritoryNetwork(const QString& path, const SpeedProfile& profile, const LineLayerOptions& lineOptions,
                                  const std::vector<TownAnchor>& towns, TownConnectorStats* connectorStats)
{
    NetworkInput network = extractNetwork(path, profile, lineOptions);
    const TownConnectorStats stats = addTownConnectors(network, towns, profile);
    if (connectorStats) *connectorStats = stats;
    return network;
}

}  // namespace maillage
