#include "network/network_summary.h"

#include "network/disjoint_sets.h"
#include "network/speed_profile.h"

#include <QStringList>

#include <algorithm>

namespace maillage {

NetworkSummary summarizeNetwork(const NetworkInput& network)
{
    NetworkSummary summary;
    summary.sourceFile = network.sourceFile;
    summary.nodes = network.nodes.size();
    summary.edges = network.edges.size();
    DisjointSets sets(network.nodes.size());
    for (const NetworkEdge& edge : network.edges) {
        summary.km += edge.metres / 1000.0;
        summary.kmByClass[static_cast<int>(edge.roadClass)] += edge.metres / 1000.0;
        if (edge.oneway) ++summary.onewayEdges;
        sets.unite(edge.from, edge.to);
    }

    // Number the components by decreasing size, so that component 0 is the largest.
    std::vector<std::uint32_t> rootSize(network.nodes.size(), 0);
    for (std::uint32_t node = 0; node < network.nodes.size(); ++node) ++rootSize[sets.find(node)];
    std::vector<std::uint32_t> roots;
    for (std::uint32_t node = 0; node < network.nodes.size(); ++node)
        if (rootSize[node] > 0) roots.push_back(node);
    std::stable_sort(roots.begin(), roots.end(), [&](auto a, auto b) { return rootSize[a] > rootSize[b]; });
    std::vector<std::uint32_t> componentOfRoot(network.nodes.size(), 0);
    for (std::uint32_t i = 0; i < roots.size(); ++i) {
        componentOfRoot[roots[i]] = i;
        summary.componentSizes.push_back(rootSize[roots[i]]);
    }
    summary.componentOfNode.resize(network.nodes.size());
    for (std::uint32_t node = 0; node < network.nodes.size(); ++node)
        summary.componentOfNode[node] = componentOfRoot[sets.find(node)];
    summary.components = roots.size();
    summary.largestComponentNodes = summary.componentSizes.empty() ? 0 : summary.componentSizes.front();
    for (const NetworkEdge& edge : network.edges)
        if (summary.componentOfNode[edge.from] == 0) summary.largestComponentKm += edge.metres / 1000.0;
    return summary;
}

QString describeSummary(const NetworkSummary& summary)
{
    QStringList lines;
    lines << QStringLiteral("%1 nodes, %2 edges (%3 one-way), %4 km")
                 .arg(summary.nodes)
                 .arg(summary.edges)
                 .arg(summary.onewayEdges)
                 .arg(summary.km, 0, 'f', 1);
    lines << QStringLiteral(
                 "%1 connected components; the largest holds %2 nodes (%3 %) and %4 % of the km; "
                 "%5 nodes (%6 km) are in %7 islands not connected to it (private estates, car parks, roads "
                 "cut at the file's edge): kept, but places and grid cells join the largest component only")
                 .arg(summary.components)
                 .arg(summary.largestComponentNodes)
                 .arg(100.0 * summary.largestShareOfNodes(), 0, 'f', 1)
                 .arg(100.0 * summary.largestShareOfKm(), 0, 'f', 1)
                 .arg(summary.isolatedNodes())
                 .arg(summary.km - summary.largestComponentKm, 0, 'f', 1)
                 .arg(summary.components > 0 ? summary.components - 1 : 0);
    QStringList classes;
    for (int i = 0; i < kRoadClassCount; ++i)
        if (summary.kmByClass[i] > 0)
            classes << QStringLiteral("%1 %2")
                           .arg(roadClassName(static_cast<RoadClass>(i)))
                           .arg(summary.kmByClass[i], 0, 'f', 0);
    if (!classes.isEmpty()) lines << QStringLiteral("km by class: ") + classes.join(QStringLiteral(", "));
    return lines.join(QLatin1Char('\n'));
}

NetworkExtent networkExtent(std::span<const XY> nodes)
{
    NetworkExtent extent;
    for (const XY node : nodes) {
        if (extent.empty) {
            extent = {node.x, node.y, node.x, node.y, false};
            continue;
        }
        extent.minX = std::min(extent.minX, node.x);
        extent.minY = std::min(extent.minY, node.y);
        extent.maxX = std::max(extent.maxX, node.x);
        extent.maxY = std::max(extent.maxY, node.y);
    }
    return extent;
}

QString placesBeyondExtentText(const NetworkExtent& extent, std::span<const XY> places, const QStringList& names,
                               int namesShown)
{
    QStringList beyond;
    for (std::size_t i = 0; i < places.size(); ++i)
        if (!extent.contains(places[i])) beyond << (i < std::size_t(names.size()) ? names[int(i)] : QString());
    if (beyond.isEmpty()) return {};
    QString text = QStringLiteral("%1 %2 beyond the road network's extent: ")
                       .arg(beyond.size())
                       .arg(beyond.size() == 1 ? QStringLiteral("point") : QStringLiteral("points"));
    text += QStringList(beyond.mid(0, namesShown)).join(QStringLiteral(", "));
    if (beyond.size() > namesShown) text += QStringLiteral(" and %1 more").arg(beyond.size() - namesShown);
    return text;
}

}  // namespace maillage
