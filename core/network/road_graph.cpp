#include "network/road_graph.h"

#include "common/error.h"
#include "network/disjoint_sets.h"

#include <QHash>

#include <algorithm>

namespace maillage {

namespace {

QString networkName(const QString& sourceFile) { return sourceFile.isEmpty() ? QStringLiteral("road network") : sourceFile; }

Deciseconds arcTime(double seconds) { return std::min(toDeciseconds(seconds), kMaxArcTime); }

// The box of the nodes, each checked finite.
BBox nodeBounds(std::span<const XY> nodes, const QString& name)
{
    BBox bounds;
    for (const XY& p : nodes) {
        if (!std::isfinite(p.x) || !std::isfinite(p.y))
            throw Error(QStringLiteral("%1: a node has a non-finite coordinate").arg(name));
        bounds.expand(p);
    }
    return bounds;
}

// An error about edge i, naming the network, the edge and its road reference: what a user
// looks for in the data.
Error edgeFault(const QString& name, std::size_t i, const NetworkEdge& in, const std::vector<QString>& refs,
                const QString& what)
{
    return Error(
        QStringLiteral("%1: edge %2 (%3) %4")
            .arg(name)
            .arg(i)
            .arg(in.refIndex < refs.size() && !refs[in.refIndex].isEmpty() ? refs[in.refIndex] : QStringLiteral("no ref"))
            .arg(what));
}

// Edge i's nodes, length, time, road reference and shape range, in this order (the first
// fault is the one reported); its shape points are checked as they are copied.
void checkEdge(const NetworkInput& input, std::size_t i, const std::vector<QString>& refs, const QString& name)
{
    const NetworkEdge& in = input.edges[i];
    const auto fault = [&](const QString& what) { return edgeFault(name, i, in, refs, what); };
    if (in.from >= input.nodes.size() || in.to >= input.nodes.size())
        throw fault(QStringLiteral("refers to node %1 -> %2, but the network has %3 nodes")
                        .arg(in.from)
                        .arg(in.to)
                        .arg(input.nodes.size()));
    if (!std::isfinite(in.metres) || in.metres < 0.0)
        throw fault(QStringLiteral("has an invalid length (%1 m)").arg(in.metres));
    if (!std::isfinite(in.seconds) || in.seconds < 0.0)
        throw fault(QStringLiteral("has an invalid travel time (%1 s)").arg(in.seconds));
    if (in.refIndex >= refs.size())
        throw fault(QStringLiteral("refers to road reference %1, but there are %2").arg(in.refIndex).arg(refs.size()));
    if (in.shapeEnd < in.shapeBegin || in.shapeEnd > input.shape.size())
        throw fault(QStringLiteral("has shape points [%1, %2) outside the %3 shape points")
                        .arg(in.shapeBegin)
                        .arg(in.shapeEnd)
                        .arg(input.shape.size()));
}

}  // namespace

double RoadGraph::Shape::length() const
{
    double total = 0.0;
    for (std::size_t i = 1; i < size(); ++i) {
        const XY a = (*this)[i - 1];
        const XY b = (*this)[i];
        total += std::hypot(b.x - a.x, b.y - a.y);
    }
    return total;
}

RoadGraph::RoadGraph(const NetworkInput& input)
    : sourceFile_(input.sourceFile), nodePositions_(input.nodes), refs_(input.refs)
{
    const QString name = networkName(input.sourceFile);
    if (refs_.empty()) refs_.push_back(QString());
    if (input.edges.size() >= kNoEdge || input.nodes.size() >= (std::size_t{1} << 31))
        throw Error(QStringLiteral("%1: too many nodes or edges for one graph").arg(name));
    bounds_ = nodeBounds(nodePositions_, name);
    addEdges(input, name);
    buildAdjacency();
    buildComponents();
}

// The edges' records and interior shape points, each edge checked first.
void RoadGraph::addEdges(const NetworkInput& input, const QString& name)
{
    edges_.reserve(input.edges.size());
    shapeOffsets_.reserve(input.edges.size() + 1);
    shapeOffsets_.push_back(0);
    for (std::size_t i = 0; i < input.edges.size(); ++i) {
        const NetworkEdge& in = input.edges[i];
        checkEdge(input, i, refs_, name);

        EdgeRecord record;
        record.from = in.from;
        record.to = in.to;
        record.metres = static_cast<float>(in.metres);
        record.baseTime = arcTime(in.seconds);
        record.refIndex = in.refIndex;
        record.roadClass = in.roadClass;
        record.flags = in.oneway ? kOnewayFlag : 0;
        edges_.push_back(record);

        // The first and last shape points are the end nodes: keep only the interior.
        if (in.shapeEnd - in.shapeBegin > 2) {
            for (std::uint32_t s = in.shapeBegin + 1; s + 1 < in.shapeEnd; ++s) {
                const XY p = input.shape[s];
                if (!std::isfinite(p.x) || !std::isfinite(p.y))
                    throw edgeFault(name, i, in, refs_, QStringLiteral("has a non-finite shape point"));
                shapeInterior_.push_back(p);
                bounds_.expand(p);
            }
        }
        if (shapeInterior_.size() >= std::numeric_limits<std::uint32_t>::max())
            throw Error(QStringLiteral("%1: too many shape points for one graph").arg(name));
        shapeOffsets_.push_back(static_cast<std::uint32_t>(shapeInterior_.size()));
    }
}

void RoadGraph::buildAdjacency()
{
    const std::size_t n = nodePositions_.size();
    arcOffsets_.assign(n + 1, 0);
    for (const EdgeRecord& e : edges_) {
        if (e.from == e.to) continue;  // a loop never shortens a path
        ++arcOffsets_[e.from + 1];
        ++arcOffsets_[e.to + 1];
    }
    for (std::size_t v = 0; v < n; ++v) arcOffsets_[v + 1] += arcOffsets_[v];
    const std::size_t arcCount = arcOffsets_[n];
    arcs_.resize(arcCount);
    arcEdges_.resize(arcCount);
    arcMetres_.resize(arcCount);
    std::vector<std::uint32_t> fill(arcOffsets_.begin(), arcOffsets_.end() - 1);
    for (EdgeId id = 0; id < edges_.size(); ++id) {
        const EdgeRecord& e = edges_[id];
        if (e.from == e.to) continue;
        const bool oneway = e.flags & kOnewayFlag;
        const std::uint32_t atFrom = fill[e.from]++;
        arcs_[atFrom] = {e.to, e.baseTime | Arc::kForwardBit | (oneway ? 0 : Arc::kBackwardBit)};
        arcEdges_[atFrom] = id;
        arcMetres_[atFrom] = e.metres;
        const std::uint32_t atTo = fill[e.to]++;
        arcs_[atTo] = {e.from, e.baseTime | Arc::kBackwardBit | (oneway ? 0 : Arc::kForwardBit)};
        arcEdges_[atTo] = id;
        arcMetres_[atTo] = e.metres;
    }
}

void RoadGraph::buildComponents()
{
    const std::size_t n = nodePositions_.size();
    DisjointSets sets(n);
    for (const EdgeRecord& e : edges_) sets.unite(e.from, e.to);
    nodeComponent_.assign(n, 0);
    std::vector<std::uint32_t> componentOfRoot(n, std::numeric_limits<std::uint32_t>::max());
    componentSizes_.clear();
    for (std::size_t v = 0; v < n; ++v) {
        const std::uint32_t root = sets.find(static_cast<std::uint32_t>(v));
        if (componentOfRoot[root] == std::numeric_limits<std::uint32_t>::max()) {
            componentOfRoot[root] = static_cast<std::uint32_t>(componentSizes_.size());
            componentSizes_.push_back(0);
        }
        nodeComponent_[v] = componentOfRoot[root];
        ++componentSizes_[nodeComponent_[v]];
    }
    largestComponent_ = 0;
    for (std::uint32_t c = 1; c < componentSizes_.size(); ++c)
        if (componentSizes_[c] > componentSizes_[largestComponent_]) largestComponent_ = c;
}

Deciseconds RoadGraph::edgeTime(EdgeId e) const
{
    const EdgeRecord& r = edges_[e];
    if (r.timeFactor == 1.0f) return r.baseTime;
    return arcTime(toSeconds(r.baseTime) * double(r.timeFactor));
}

RoadGraph::Shape RoadGraph::edgeShape(EdgeId e) const
{
    const EdgeRecord& r = edges_[e];
    const std::span<const XY> interior(shapeInterior_.data() + shapeOffsets_[e],
                                       shapeInterior_.data() + shapeOffsets_[e + 1]);
    return Shape(nodePositions_[r.from], interior, nodePositions_[r.to]);
}

std::vector<EdgeId> RoadGraph::edgesWithRef(const QString& ref) const
{
    std::vector<EdgeId> result;
    const QString wanted = ref.trimmed();
    for (EdgeId e = 0; e < edges_.size(); ++e)
        if (edges_[e].refIndex != 0 && refs_[edges_[e].refIndex].compare(wanted, Qt::CaseInsensitive) == 0)
            result.push_back(e);
    return result;
}

void RoadGraph::setEdgeClosed(EdgeId e, bool closed)
{
    EdgeRecord& r = edges_[e];
    if (bool(r.flags & kClosedFlag) == closed) return;
    r.flags = closed ? (r.flags | kClosedFlag) : (r.flags & ~kClosedFlag);
    if (closed) ++closedCount_;
    else --closedCount_;
    rewriteArcs(e);
}

void RoadGraph::setEdgeTimeFactor(EdgeId e, double factor)
{
    if (!std::isfinite(factor) || factor <= 0.0)
        throw Error(QStringLiteral("edge %1: a time factor must be a positive number, not %2").arg(e).arg(factor));
    edges_[e].timeFactor = static_cast<float>(factor);
    rewriteArcs(e);
}

void RoadGraph::resetEdgeStates()
{
    for (EdgeId e = 0; e < edges_.size(); ++e) {
        EdgeRecord& r = edges_[e];
        if ((r.flags & kClosedFlag) || r.timeFactor != 1.0f) {
            r.flags &= ~kClosedFlag;
            r.timeFactor = 1.0f;
            rewriteArcs(e);
        }
    }
    closedCount_ = 0;
}

void RoadGraph::rewriteArcs(EdgeId e)
{
    const EdgeRecord& r = edges_[e];
    if (r.from == r.to) return;
    const bool closed = r.flags & kClosedFlag;
    const bool oneway = r.flags & kOnewayFlag;
    const Deciseconds time = edgeTime(e);
    const auto rewrite = [&](NodeId tail, std::uint32_t bits) {
        for (std::uint32_t a = arcOffsets_[tail]; a < arcOffsets_[tail + 1]; ++a)
            if (arcEdges_[a] == e) arcs_[a].packed = time | (closed ? 0 : bits);
    };
    rewrite(r.from, Arc::kForwardBit | (oneway ? 0 : Arc::kBackwardBit));
    rewrite(r.to, Arc::kBackwardBit | (oneway ? 0 : Arc::kForwardBit));
}

std::size_t RoadGraph::searchMemoryBytes() const
{
    return arcOffsets_.capacity() * sizeof(std::uint32_t) + arcs_.capacity() * sizeof(Arc)
           + arcEdges_.capacity() * sizeof(EdgeId) + arcMetres_.capacity() * sizeof(float);
}

std::size_t RoadGraph::totalMemoryBytes() const
{
    std::size_t refBytes = refs_.capacity() * sizeof(QString);
    for (const QString& ref : refs_) refBytes += std::size_t(ref.capacity()) * sizeof(QChar);
    return sizeof(*this) + searchMemoryBytes() + nodePositions_.capacity() * sizeof(XY)
           + edges_.capacity() * sizeof(EdgeRecord) + shapeOffsets_.capacity() * sizeof(std::uint32_t)
           + shapeInterior_.capacity() * sizeof(XY) + refBytes + nodeComponent_.capacity() * sizeof(std::uint32_t)
           + componentSizes_.capacity() * sizeof(std::uint32_t);
}

}  // namespace maillage
