#pragma once

#include "network/extract_lines.h"
#include "network/network_input.h"
#include "network/town_connectors.h"

#include <QString>

#include <vector>

namespace maillage {

class Territory;
struct SpeedProfile;
struct TownHalls;

// The towns a coarse network is completed with: every commune whose town hall is known,
// at its town hall, with the commune's population.
std::vector<TownAnchor> townAnchors(const Territory& territory, const TownHalls& townHalls);

// The road network a coverage runs on, as the product builds it: the file read with the
// profile (OSM or any line layer), plus — when the profile asks for them (coarse networks) —
// town connectors from each town hall to the roads within the town's radius.
NetworkInput loadTerritoryNetwork(const QString& path, const SpeedProfile& profile, const LineLayerOptions& lineOptions,
                                  const std::vector<TownAnchor>& towns, TownConnectorStats* connectorStats = nullptr);

}  // namespace maillage
