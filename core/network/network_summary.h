#pragma once

#include "network/network_input.h"

#include <QStringList>

#include <QString>

#include <array>
#include <cstdint>
#include <span>
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
    double km = 0.0;  // sum of edge lengths (with the detour factor)
    std::array<double, kRoadClassCount> kmByClass{};
    std::size_t components = 0;
    std::size_t largestComponentNodes = 0;
    double largestComponentKm = 0.0;
    std::vector<std::size_t> componentSizes;     // nodes per component, largest first
    std::vector<std::uint32_t> componentOfNode;  // component index (into componentSizes) per node

    double largestShareOfNodes() const { return nodes ? double(largestComponentNodes) / double(nodes) : 0.0; }
    double largestShareOfKm() const { return km > 0 ? largestComponentKm / km : 0.0; }
    std::size_t isolatedNodes() const { return nodes - largestComponentNodes; }
};

NetworkSummary summarizeNetwork(const NetworkInput& network);

// A few lines for people: "4895 nodes, 6390 edges (12 one-way), 5123.4 km; 9 components,
// the largest holds 4828 nodes (98.6 %) and 99.1 % of the km; km by class: ...".
QString describeSummary(const NetworkSummary& summary);

// The rectangle holding every node of a network (Lambert-93). A place outside it is beyond
// the data: its times rest on whatever roads end at the edge of the file.
struct NetworkExtent {
    double minX = 0.0, minY = 0.0, maxX = 0.0, maxY = 0.0;
    bool empty = true;
    bool contains(XY point) const
    {
        return !empty && point.x >= minX && point.x <= maxX && point.y >= minY && point.y <= maxY;
    }
};
NetworkExtent networkExtent(std::span<const XY> nodes);

// "20 points beyond the road network's extent: A, B, C and 17 more" (empty when none). Such a
// place joins the roads at the file's edge when one is within the snap distance, else none.
QString placesBeyondExtentText(const NetworkExtent& extent, std::span<const XY> places, const QStringList& names,
                               int namesShown = 8);

}  // namespace maillage
