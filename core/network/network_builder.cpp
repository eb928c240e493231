#include "network/network_builder.h"

#include "common/error.h"
#include "geo/crs.h"
#include "network/built_up.h"

#include <ogr_spatialref.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace maillage {
namespace {

constexpr std::uint32_t kUnassigned = std::numeric_limits<std::uint32_t>::max();

double distance(XY a, XY b) { return std::hypot(b.x - a.x, b.y - a.y); }

}  // namespace

void OgrTransformDeleter::operator()(OGRCoordinateTransformation* transform) const
{
    OGRCoordinateTransformation::DestroyCT(transform);
}

OgrTransformPtr transformToLambert93(const OGRSpatialReference& sourceSrs, const QString& file)
{
    OGRSpatialReference source(sourceSrs);
    source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRSpatialReference target;
    target.importFromEPSG(kWorkingEpsg);
    target.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OgrTransformPtr transform(OGRCreateCoordinateTransformation(&source, &target));
    if (!transform) throw Error(QStringLiteral("%1: cannot reproject from its coordinate system to Lambert-93").arg(file));
    return transform;
}

void reprojectToLambert93(std::vector<XY>& points, const OGRSpatialReference& sourceSrs, const QString& file)
{
    const OgrTransformPtr transform = transformToLambert93(sourceSrs, file);
    constexpr std::size_t kBatch = 65536;
    std::vector<double> xs, ys;
    for (std::size_t start = 0; start < points.size(); start += kBatch) {
        const std::size_t count = std::min(kBatch, points.size() - start);
        xs.resize(count);
        ys.resize(count);
        for (std::size_t i = 0; i < count; ++i) {
            xs[i] = points[start + i].x;
            ys[i] = points[start + i].y;
        }
        if (!transform->Transform(static_cast<int>(count), xs.data(), ys.data()))
            throw Error(QStringLiteral("%1: some coordinates cannot be projected to Lambert-93").arg(file));
        for (std::size_t i = 0; i < count; ++i) points[start + i] = {xs[i], ys[i]};
    }
}

std::int64_t ExtractStats::skippedTotal() const
{
    std::int64_t total = 0;
    for (const auto& [reason, count] : skipped) total += count;
    return total;
}

std::int64_t ExtractStats::unknownClassTotal() const
{
    std::int64_t total = 0;
    for (const auto& [value, count] : unknownClasses) total += count;
    return total;
}

QString ExtractStats::skippedSummary() const
{
    std::vector<std::pair<std::int64_t, QString>> byCount;
    for (const auto& [reason, count] : skipped) byCount.emplace_back(count, reason);
    std::stable_sort(byCount.begin(), byCount.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    QStringList parts;
    for (const auto& [count, reason] : byCount) parts << QStringLiteral("%1 × %2").arg(count).arg(reason);
    return parts.join(QStringLiteral(", "));
}

NetworkBuilder::NetworkBuilder(const SpeedProfile& profile, QString sourceFile)
    : profile_(profile), sourceFile_(std::move(sourceFile))
{
}

std::uint32_t NetworkBuilder::addVertex(XY position)
{
    if (vertices_.size() >= kUnassigned)
        throw Error(QStringLiteral("%1: too many road vertices for one network").arg(sourceFile_));
    vertices_.push_back(position);
    useCount_.push_back(0);
    return static_cast<std::uint32_t>(vertices_.size() - 1);
}

std::uint32_t NetworkBuilder::refIndex(const QString& ref)
{
    if (ref.isEmpty()) return 0;
    const auto found = refIndexes_.constFind(ref);
    if (found != refIndexes_.constEnd()) return *found;
    const auto index = static_cast<std::uint32_t>(refs_.size());
    refs_.push_back(ref);
    refIndexes_.insert(ref, index);
    return index;
}

bool NetworkBuilder::addRoad(const std::vector<std::uint32_t>& vertices, const WayAttributes& attributes)
{
    const std::size_t start = roadVertices_.size();
    for (const std::uint32_t vertex : vertices)
        if (roadVertices_.size() == start || roadVertices_.back() != vertex) roadVertices_.push_back(vertex);
    if (roadVertices_.size() - start < 2) {
        roadVertices_.resize(start);
        return false;
    }
    for (std::size_t i = start; i < roadVertices_.size(); ++i) {
        std::uint8_t& count = useCount_[roadVertices_[i]];
        if (count < 2) ++count;
    }
    Road road;
    road.firstVertex = static_cast<std::uint32_t>(start);
    road.lastVertex = static_cast<std::uint32_t>(roadVertices_.size());
    road.roadClass = attributes.roadClass;
    road.oneway = attributes.oneway;
    road.kmh = static_cast<float>(attributes.kmh);
    road.refIndex = refIndex(attributes.ref);
    roads_.push_back(road);
    return true;
}

void NetworkBuilder::emitEdge(NetworkInput& network, const Road& road, std::uint32_t begin, std::uint32_t end,
                              std::vector<std::uint32_t>& nodeOfVertex)
{
    // [begin, end] are positions in roadVertices_, both junctions.
    const std::uint32_t fromVertex = roadVertices_[begin];
    const std::uint32_t toVertex = roadVertices_[end];
    if (fromVertex == toVertex) {
        // A loop back to the same junction (a lone roundabout, a loop at the end of a lane):
        // split it in the middle so that the graph has no self-loop and keeps the road.
        const std::uint32_t middle = begin + (end - begin) / 2;
        if (middle == begin) return;  // cannot happen after removing repeated vertices
        emitEdge(network, road, begin, middle, nodeOfVertex);
        emitEdge(network, road, middle, end, nodeOfVertex);
        return;
    }
    auto nodeFor = [&](std::uint32_t vertex) {
        std::uint32_t& node = nodeOfVertex[vertex];
        if (node == kUnassigned) {
            node = static_cast<std::uint32_t>(network.nodes.size());
            network.nodes.push_back(vertices_[vertex]);
        }
        return node;
    };
    NetworkEdge edge;
    edge.from = nodeFor(fromVertex);
    edge.to = nodeFor(toVertex);
    edge.shapeBegin = static_cast<std::uint32_t>(network.shape.size());
    double shapeMetres = 0.0;
    for (std::uint32_t i = begin; i <= end; ++i) {
        const XY point = vertices_[roadVertices_[i]];
        if (i > begin) shapeMetres += distance(network.shape.back(), point);
        network.shape.push_back(point);
    }
    edge.shapeEnd = static_cast<std::uint32_t>(network.shape.size());
    edge.metres = profile_.roadMetres(shapeMetres);
    edgeKmh_.push_back(road.kmh);  // timed in build(), once every edge is known
    edge.oneway = road.oneway;
    edge.roadClass = road.roadClass;
    edge.refIndex = road.refIndex;
    network.edges.push_back(edge);
}

NetworkInput NetworkBuilder::build()
{
    NetworkInput network;
    network.sourceFile = sourceFile_;
    network.refs = refs_;
    std::vector<std::uint32_t> nodeOfVertex(vertices_.size(), kUnassigned);
    network.shape.reserve(roadVertices_.size() + roads_.size());
    edgeKmh_.clear();
    for (const Road& road : roads_) {
        std::uint32_t begin = road.firstVertex;
        for (std::uint32_t i = road.firstVertex + 1; i < road.lastVertex; ++i) {
            const bool last = i + 1 == road.lastVertex;
            if (last || useCount_[roadVertices_[i]] >= 2) {
                emitEdge(network, road, begin, i, nodeOfVertex);
                begin = i;
            }
        }
    }
    // Built-up areas are read from the junctions of the whole network, hence after the split.
    timeEdges(network, edgeKmh_, profile_);
    return network;
}

}  // namespace maillage
