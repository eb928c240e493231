#pragma once

#include "geo/types.h"
#include "network/network_input.h"

#include <QString>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

namespace maillage {

using NodeId = std::uint32_t;
using EdgeId = std::uint32_t;
constexpr NodeId kNoNode = std::numeric_limits<NodeId>::max();
constexpr EdgeId kNoEdge = std::numeric_limits<EdgeId>::max();

// Travel times in the graph and in every search are integer deciseconds (0.1 s).
// Why integers: sums are exact and independent of the order of additions, so a search gives
// the same times and the same owners whatever the seeding order, and an incremental repair
// gives exactly what a full recompute gives; equal times compare equal. 0.1 s is far below
// the model's error (minutes), 32 bits hold 13 years, and 4 bytes keep the arcs small.
using Deciseconds = std::uint32_t;
constexpr Deciseconds kUnreached = std::numeric_limits<Deciseconds>::max();
// The largest time one arc can carry (the arc packs its time in 30 bits): about 3.4 years.
constexpr Deciseconds kMaxArcTime = (Deciseconds{1} << 30) - 1;

// Seconds to deciseconds, rounded to nearest, saturated at kUnreached - 1.
inline Deciseconds toDeciseconds(double seconds)
{
    const double ds = std::round(seconds * 10.0);
    if (!(ds > 0.0)) return 0;
    if (ds >= double(kUnreached - 1)) return kUnreached - 1;
    return static_cast<Deciseconds>(ds);
}
inline double toSeconds(Deciseconds t) { return t / 10.0; }
inline double toMinutes(Deciseconds t) { return t / 600.0; }

// Which way a search runs. People drive to the accueil point, so the coverage search is
// ToSources: it gives, for every node, the time from that node to the nearest source, and
// respects one-way streets in that sense. FromSources gives times from the sources.
enum class SearchDirection : std::uint8_t { ToSources, FromSources };

// A routable road graph in flat arrays, built once from a NetworkInput.
//
// Layout (search structures, the part a search touches):
//  - one CSR adjacency holding, at every node, one arc per incident edge: 8 bytes
//    {head node, 30-bit time | "can drive tail->head" bit | "can drive head->tail" bit}.
//    A two-way edge gives two arcs (one at each end), a one-way edge also two, flagged.
//    The forward graph is "arcs with the forward bit", the backward graph "arcs with the
//    backward bit": one array serves both, half the memory of two CSRs, and a search only
//    skips the few one-way arcs of the wrong sense;
//  - parallel per-arc arrays: the edge id (closures, paths) and the metres (distances);
//  - node offsets (4 bytes per node).
// Edge records, node coordinates and edge shapes are kept for snapping, drawing and
// reports; they are not read by the searches.
//
// Edge ids are the indices of NetworkInput::edges; node ids those of NetworkInput::nodes.
// Edges can be closed, or slowed by a factor, without rebuilding (winter scenarios):
// this rewrites the arcs in place. A graph is not thread-safe while it is being changed;
// searches on an unchanging graph may run in parallel (one search object each).
class RoadGraph {
public:
    struct Arc {
        NodeId head = 0;
        std::uint32_t packed = 0;

        static constexpr std::uint32_t kTimeMask = kMaxArcTime;
        static constexpr std::uint32_t kForwardBit = 1u << 30;   // tail -> head may be driven
        static constexpr std::uint32_t kBackwardBit = 1u << 31;  // head -> tail may be driven

        Deciseconds time() const { return packed & kTimeMask; }
        bool forward() const { return packed & kForwardBit; }
        bool backward() const { return packed & kBackwardBit; }
    };
    static_assert(sizeof(Arc) == 8);

    // The bit an arc at a settled node u must carry for a search in `direction` to relax its
    // head v: from the sources, one drives u -> v (forward bit); to the sources, one drives
    // v -> u, i.e. head -> tail (backward bit).
    static constexpr std::uint32_t searchBit(SearchDirection direction)
    {
        return direction == SearchDirection::FromSources ? Arc::kForwardBit : Arc::kBackwardBit;
    }

    // A view on an edge's shape: the from-node, the interior points, the to-node.
    class Shape {
    public:
        Shape(XY first, std::span<const XY> interior, XY last) : first_(first), interior_(interior), last_(last) {}
        std::size_t size() const { return interior_.size() + 2; }
        XY operator[](std::size_t i) const
        {
            if (i == 0) return first_;
            if (i <= interior_.size()) return interior_[i - 1];
            return last_;
        }
        double length() const;  // metres along the shape
    private:
        XY first_;
        std::span<const XY> interior_;
        XY last_;
    };

    RoadGraph() = default;
    // Throws Error naming the source file and the edge at fault when an edge refers to a
    // missing node or has a negative or non-finite length or time.
    explicit RoadGraph(const NetworkInput& input);

    const QString& sourceFile() const { return sourceFile_; }
    NodeId nodeCount() const { return static_cast<NodeId>(nodePositions_.size()); }
    EdgeId edgeCount() const { return static_cast<EdgeId>(edges_.size()); }
    std::size_t arcCount() const { return arcs_.size(); }
    BBox bounds() const { return bounds_; }

    // --- nodes
    XY nodePosition(NodeId node) const { return nodePositions_[node]; }
    std::span<const XY> nodePositions() const { return nodePositions_; }

    // --- adjacency (the search structures)
    std::uint32_t firstArc(NodeId node) const { return arcOffsets_[node]; }
    std::uint32_t endArc(NodeId node) const { return arcOffsets_[node + 1]; }
    std::span<const Arc> arcsOf(NodeId node) const
    {
        return {arcs_.data() + arcOffsets_[node], arcs_.data() + arcOffsets_[node + 1]};
    }
    const Arc& arc(std::uint32_t index) const { return arcs_[index]; }
    EdgeId arcEdge(std::uint32_t index) const { return arcEdges_[index]; }
    float arcMetres(std::uint32_t index) const { return arcMetres_[index]; }
    const Arc* arcData() const { return arcs_.data(); }
    const std::uint32_t* arcOffsetData() const { return arcOffsets_.data(); }
    const float* arcMetresData() const { return arcMetres_.data(); }

    // --- edges
    NodeId edgeFrom(EdgeId e) const { return edges_[e].from; }
    NodeId edgeTo(EdgeId e) const { return edges_[e].to; }
    double edgeMetres(EdgeId e) const { return edges_[e].metres; }
    bool edgeOneway(EdgeId e) const { return edges_[e].flags & kOnewayFlag; }
    RoadClass edgeClass(EdgeId e) const { return edges_[e].roadClass; }
    const QString& edgeRef(EdgeId e) const { return refs_[edges_[e].refIndex]; }
    // Time from the input, and time now (with the edge's factor; closures aside).
    Deciseconds edgeBaseTime(EdgeId e) const { return edges_[e].baseTime; }
    Deciseconds edgeTime(EdgeId e) const;
    Shape edgeShape(EdgeId e) const;
    // The edges carrying a road reference ("D908"), e.g. to close a pass in winter.
    std::vector<EdgeId> edgesWithRef(const QString& ref) const;

    // --- scenario changes, without rebuilding
    void setEdgeClosed(EdgeId e, bool closed);
    bool isEdgeClosed(EdgeId e) const { return edges_[e].flags & kClosedFlag; }
    // Multiplies the edge's input time (e.g. 1.5 for snow); factor > 0 and finite.
    void setEdgeTimeFactor(EdgeId e, double factor);
    double edgeTimeFactor(EdgeId e) const { return edges_[e].timeFactor; }
    std::size_t closedEdgeCount() const { return closedCount_; }
    // Reopens every edge and restores every input time.
    void resetEdgeStates();

    // --- connectivity (weak: one-way edges connect both ways), computed at build
    std::uint32_t componentOf(NodeId node) const { return nodeComponent_[node]; }
    std::uint32_t componentCount() const { return static_cast<std::uint32_t>(componentSizes_.size()); }
    std::uint32_t componentSize(std::uint32_t component) const { return componentSizes_[component]; }
    std::uint32_t largestComponent() const { return largestComponent_; }

    // --- memory
    // Bytes of the structures a search reads: offsets, arcs, arc edges, arc metres.
    std::size_t searchMemoryBytes() const;
    // Everything the graph holds (search structures, edges, coordinates, shapes, components).
    std::size_t totalMemoryBytes() const;

private:
    static constexpr std::uint8_t kOnewayFlag = 1;
    static constexpr std::uint8_t kClosedFlag = 2;

    struct EdgeRecord {
        NodeId from = 0;
        NodeId to = 0;
        float metres = 0.0f;         // length along the shape
        Deciseconds baseTime = 0;    // the input time, before timeFactor
        float timeFactor = 1.0f;     // setEdgeTimeFactor's factor (1: the input time)
        std::uint32_t refIndex = 0;  // into refs_ (0: no road reference)
        RoadClass roadClass = RoadClass::Unknown;
        std::uint8_t flags = 0;  // kOnewayFlag | kClosedFlag
    };

    void addEdges(const NetworkInput& input, const QString& name);
    void buildAdjacency();
    void buildComponents();
    void rewriteArcs(EdgeId e);

    QString sourceFile_;
    BBox bounds_;
    std::vector<XY> nodePositions_;
    std::vector<std::uint32_t> arcOffsets_;  // nodeCount + 1
    std::vector<Arc> arcs_;
    std::vector<EdgeId> arcEdges_;
    std::vector<float> arcMetres_;
    std::vector<EdgeRecord> edges_;
    std::vector<std::uint32_t> shapeOffsets_;  // edgeCount + 1, into shapeInterior_
    std::vector<XY> shapeInterior_;
    std::vector<QString> refs_{QString()};
    std::vector<std::uint32_t> nodeComponent_;
    std::vector<std::uint32_t> componentSizes_;
    std::uint32_t largestComponent_ = 0;
    std::size_t closedCount_ = 0;
};

}  // namespace maillage
