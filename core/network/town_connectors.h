#pragma once

#include "geo/types.h"
#include "network/network_input.h"
#include "network/speed_profile.h"

#include <QString>

#include <span>

namespace maillage {

// A town centre (its town hall) and its population.
struct TownAnchor {
    QString name;
    XY position;  // Lambert-93
    double population = 0.0;
};

struct TownConnectorStats {
    int towns = 0;       // anchors that got at least one connector
    int connectors = 0;  // connector edges added
    int edgesSplit = 0;  // road edges split to attach a connector
    double km = 0.0;     // length of the connectors (with the access detour)
};

// The reference given to connector edges, so that reports and closures can tell them apart.
QString townConnectorRef();

// Coarse networks (TravelMapping-like: classified roads only) stop short of town centres:
// in Digne-les-Bains the N85 and the D900 come within 2 km of each other but only meet
// 35 km away, because the streets between them are not in the data. This adds what a town's
// streets provide: a node at each town hall and a two-way "local streets" edge from it to the
// nearest point of every road (one per road reference) within the town's radius
// (SpeedProfile::townRadiusMetres of its population), driven at the access speed with the
// access detour. Roads are split where a connector joins them. Motorways are left alone
// (entered at interchanges only).
// Does nothing when the profile has no town connectors (detailed networks such as OSM).
TownConnectorStats addTownConnectors(NetworkInput& network, std::span<const TownAnchor> towns, const SpeedProfile& profile);

}  // namespace maillage
