#pragma once

#include "network/network_input.h"

#include <QString>

#include <array>
#include <cstdint>
#include <vector>

namespace maillage {

// What a network holds, for the user: size, length, and how well it hangs together.
// Components are counted ignoring one-way restrictions (weakly connected); islands are kept
// in the network and reported here, not removed.
struct NetworkSummary {
    QString sourceFile;
    std::size_t nodes = 0;
    std::size_t edges = 0;
    std::size_t onewayEdges = 0;
    double km = 0.0;                               // sum of edge lengths (with the detour factor)
    std::array<double, kRoadClassCount> kmByClass{};
    std::size_t components = 0;
    std::size_t largestComponentNodes = 0;
    double largestComponentKm = 0.0;
    std::vector<std::size_t> componentSizes;       // nodes per component, largest first
    std::vector<std::uint32_t> componentOfNode;    // component index (into componentSizes) per node

    double largestShareOfNodes() const { return nodes ? double(largestComponentNodes) / double(nodes) : 0.0; }
    double largestShareOfKm() const { return km > 0 ? largestComponentKm / km : 0.0; }
    std::size_t isolatedNodes() const { return nodes - largestComponentNodes; }
};

NetworkSummary summarizeNetwork(const NetworkInput& network);

// A few lines for people: "4895 nodes, 6390 edges (12 one-way), 5123.4 km; 9 components,
// the largest holds 4828 nodes (98.6 %) and 99.1 % of the km; km by class: ...".
QString describeSummary(const NetworkSummary& summary);

}  // namespace maillage
