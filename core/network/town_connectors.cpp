#include "network/town_connectors.h"

#include "common/error.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <span>
#include <unordered_map>

namespace maillage {
namespace {

double distance(XY a, XY b) { return std::hypot(b.x - a.x, b.y - a.y); }

// Where a connector joins a road: a position along an edge's shape.
struct Attachment {
    std::uint32_t town = 0;
    std::uint32_t edge = 0;
    double along = 0.0;  // metres along the shape from the edge's first point
    XY point;
    double offset = 0.0;     // straight distance from the town hall
    std::uint32_t node = 0;  // filled when the edge is split
};

// A uniform grid over the shape segments of the edges.
class SegmentGrid {
public:
    SegmentGrid(const NetworkInput& network, double cell) : network_(network), cell_(cell)
    {
        for (std::uint32_t e = 0; e < network.edges.size(); ++e) {
            const NetworkEdge& edge = network.edges[e];
            for (std::uint32_t i = edge.shapeBegin; i + 1 < edge.shapeEnd; ++i) {
                const XY a = network.shape[i], b = network.shape[i + 1];
                for (auto cx = cellOf(std::min(a.x, b.x)); cx <= cellOf(std::max(a.x, b.x)); ++cx)
                    for (auto cy = cellOf(std::min(a.y, b.y)); cy <= cellOf(std::max(a.y, b.y)); ++cy)
                        cells_[key(cx, cy)].push_back({e, i});
            }
        }
    }

    // Calls visit(edge, shapeIndex) for every segment in the cells around [p ± radius]
    // (a segment may be visited more than once).
    template <typename Visit>
    void around(XY p, double radius, Visit visit) const
    {
        for (auto cx = cellOf(p.x - radius); cx <= cellOf(p.x + radius); ++cx)
            for (auto cy = cellOf(p.y - radius); cy <= cellOf(p.y + radius); ++cy) {
                const auto found = cells_.find(key(cx, cy));
                if (found == cells_.end()) continue;
                for (const auto& [edge, index] : found->second) visit(edge, index);
            }
    }

private:
    std::int64_t cellOf(double v) const { return static_cast<std::int64_t>(std::floor(v / cell_)); }
    static std::uint64_t key(std::int64_t cx, std::int64_t cy)
    {
        return (static_cast<std::uint64_t>(cx) << 32) ^ static_cast<std::uint64_t>(cy & 0xffffffffLL);
    }

    const NetworkInput& network_;
    double cell_;
    std::unordered_map<std::uint64_t, std::vector<std::pair<std::uint32_t, std::uint32_t>>> cells_;
};

// The nearest point of every road (one per reference; edges without one count separately)
// within `radius` of the town hall.
std::vector<Attachment> attachmentsOf(const NetworkInput& network, const SegmentGrid& grid, std::uint32_t town, XY position,
                                      double radius)
{
    std::map<std::uint64_t, Attachment> nearestByRoad;
    grid.around(position, radius, [&](std::uint32_t e, std::uint32_t i) {
        const NetworkEdge& edge = network.edges[e];
        // Motorways are entered at interchanges only, never from a town's streets.
        if (edge.roadClass == RoadClass::Motorway || edge.roadClass == RoadClass::MotorwayLink) return;
        const XY a = network.shape[i], b = network.shape[i + 1];
        const double dx = b.x - a.x, dy = b.y - a.y, lengthSquared = dx * dx + dy * dy;
        const double t = lengthSquared > 0
                             ? std::clamp(((position.x - a.x) * dx + (position.y - a.y) * dy) / lengthSquared, 0.0, 1.0)
                             : 0.0;
        const XY q{a.x + t * dx, a.y + t * dy};
        const double offset = distance(position, q);
        if (offset > radius) return;
        const std::uint64_t road = edge.refIndex != 0 ? edge.refIndex : (std::uint64_t{1} << 40) + e;
        const auto found = nearestByRoad.find(road);
        if (found != nearestByRoad.end() && found->second.offset <= offset) return;
        double along = t * std::sqrt(lengthSquared);
        for (std::uint32_t j = edge.shapeBegin; j < i; ++j) along += distance(network.shape[j], network.shape[j + 1]);
        nearestByRoad[road] = Attachment{town, e, along, q, offset, 0};
    });
    std::vector<Attachment> result;
    for (const auto& [road, attachment] : nearestByRoad) result.push_back(attachment);
    return result;
}

double shapeLength(const NetworkInput& network, const NetworkEdge& edge)
{
    double length = 0.0;
    for (std::uint32_t i = edge.shapeBegin; i + 1 < edge.shapeEnd; ++i)
        length += distance(network.shape[i], network.shape[i + 1]);
    return length;
}

// Where an edge is cut: metres along its shape, and the node made there.
using Cut = std::pair<double, std::uint32_t>;

// Fills the node of each attachment (sorted by `along`): the edge's end node within a metre
// of an end, the previous cut within a metre of it, else a new node. Returns the new nodes,
// strictly inside the edge: where it is cut.
std::vector<Cut> cutsFor(NetworkInput& network, const NetworkEdge& edge, double total,
                         std::span<Attachment* const> attachments)
{
    constexpr double kSameNodeMetres = 1.0;
    std::vector<Cut> cuts;
    for (Attachment* attachment : attachments) {
        if (attachment->along <= kSameNodeMetres) {
            attachment->node = edge.from;
        } else if (attachment->along >= total - kSameNodeMetres) {
            attachment->node = edge.to;
        } else if (!cuts.empty() && attachment->along - cuts.back().first <= kSameNodeMetres) {
            attachment->node = cuts.back().second;
        } else {
            attachment->node = static_cast<std::uint32_t>(network.nodes.size());
            network.nodes.push_back(attachment->point);
            cuts.emplace_back(attachment->along, attachment->node);
        }
    }
    return cuts;
}

// The pieces of an edge being cut, made one after the other along its shape: each takes
// the share of the edge's length and time of its share of the shape, and its shape points
// are appended to the network's.
struct EdgePieces {
    NetworkInput& network;
    const NetworkEdge& original;
    double total;                  // metres along the original shape
    NetworkEdge piece = original;  // the piece being made
    double pieceStart = 0.0;       // metres along the original shape
    std::vector<NetworkEdge> made = {};

    void start(XY at, std::uint32_t node, double along)
    {
        piece.from = node;
        piece.shapeBegin = static_cast<std::uint32_t>(network.shape.size());
        network.shape.push_back(at);
        pieceStart = along;
    }
    void end(XY at, std::uint32_t node, double along)
    {
        network.shape.push_back(at);
        piece.to = node;
        piece.shapeEnd = static_cast<std::uint32_t>(network.shape.size());
        const double share = total > 0 ? (along - pieceStart) / total : 0.0;
        piece.metres = original.metres * share;
        piece.seconds = original.seconds * share;
        made.push_back(piece);
    }
};

// Walks the edge's shape once, ending a piece and starting the next at each cut.
std::vector<NetworkEdge> piecesOf(NetworkInput& network, const NetworkEdge& original, double total,
                                  std::span<const Cut> cuts)
{
    // A copy: the pieces' shape points are appended to the same vector.
    const std::vector<XY> shape(network.shape.begin() + original.shapeBegin, network.shape.begin() + original.shapeEnd);
    EdgePieces pieces{network, original, total};
    pieces.start(shape.front(), original.from, 0.0);
    double along = 0.0;
    std::size_t cut = 0;
    for (std::size_t i = 0; i + 1 < shape.size(); ++i) {
        const double length = distance(shape[i], shape[i + 1]);
        while (cut < cuts.size() && cuts[cut].first <= along + length) {
            const double t = length > 0 ? (cuts[cut].first - along) / length : 0.0;
            const XY at{shape[i].x + t * (shape[i + 1].x - shape[i].x), shape[i].y + t * (shape[i + 1].y - shape[i].y)};
            pieces.end(at, cuts[cut].second, cuts[cut].first);
            pieces.start(at, cuts[cut].second, cuts[cut].first);
            ++cut;
        }
        along += length;
        const XY last = network.shape.back();
        const bool cutOnVertex = last.x == shape[i + 1].x && last.y == shape[i + 1].y;
        if (i + 2 < shape.size() && !cutOnVertex) network.shape.push_back(shape[i + 1]);
    }
    pieces.end(shape.back(), original.to, total);
    return std::move(pieces.made);
}

// Splits edge `e` at the attachments' positions (sorted by `along`), filling their node.
// The first piece keeps the edge's index, the others are appended.
void splitEdge(NetworkInput& network, std::uint32_t e, std::vector<Attachment*>& attachments)
{
    const NetworkEdge original = network.edges[e];
    const double total = shapeLength(network, original);
    const std::vector<Cut> cuts = cutsFor(network, original, total, attachments);
    if (cuts.empty()) return;
    const std::vector<NetworkEdge> pieces = piecesOf(network, original, total, cuts);
    network.edges[e] = pieces.front();
    for (std::size_t i = 1; i < pieces.size(); ++i) network.edges.push_back(pieces[i]);
}

}  // namespace

QString townConnectorRef() { return QStringLiteral("(local streets)"); }

TownConnectorStats addTownConnectors(NetworkInput& network, std::span<const TownAnchor> towns, const SpeedProfile& profile)
{
    TownConnectorStats stats;
    if (profile.townMetresPerSqrtInhabitant <= 0.0 || towns.empty() || network.edges.empty()) return stats;

    const SegmentGrid grid(network, std::max(profile.townMaxMetres, 500.0));
    std::vector<Attachment> attachments;
    for (std::uint32_t t = 0; t < towns.size(); ++t) {
        const double radius = profile.townRadiusMetres(towns[t].population);
        for (const Attachment& a : attachmentsOf(network, grid, t, towns[t].position, radius)) attachments.push_back(a);
    }
    if (attachments.empty()) return stats;

    // Split each road edge at its attachments, in order along the edge.
    std::unordered_map<std::uint32_t, std::vector<Attachment*>> byEdge;
    for (Attachment& a : attachments) byEdge[a.edge].push_back(&a);
    for (auto& [edge, list] : byEdge) {
        std::sort(list.begin(), list.end(), [](const Attachment* a, const Attachment* b) { return a->along < b->along; });
        const std::size_t edgesBefore = network.edges.size();
        splitEdge(network, edge, list);
        if (network.edges.size() > edgesBefore) ++stats.edgesSplit;
    }

    // One node per town hall, one two-way connector per attachment.
    const std::uint32_t refIndex = static_cast<std::uint32_t>(network.refs.size());
    network.refs.push_back(townConnectorRef());
    std::vector<std::uint32_t> hubOfTown(towns.size(), std::numeric_limits<std::uint32_t>::max());
    for (const Attachment& a : attachments) {
        std::uint32_t& hub = hubOfTown[a.town];
        if (hub == std::numeric_limits<std::uint32_t>::max()) {
            hub = static_cast<std::uint32_t>(network.nodes.size());
            network.nodes.push_back(towns[a.town].position);
            ++stats.towns;
        }
        NetworkEdge connector;
        connector.from = hub;
        connector.to = a.node;
        connector.metres = profile.accessMetres(a.offset);
        connector.seconds = SpeedProfile::secondsFor(connector.metres, profile.accessKmh);
        connector.oneway = false;
        connector.roadClass = RoadClass::Unknown;
        connector.refIndex = refIndex;
        connector.shapeBegin = static_cast<std::uint32_t>(network.shape.size());
        network.shape.push_back(towns[a.town].position);
        network.shape.push_back(network.nodes[a.node]);
        connector.shapeEnd = static_cast<std::uint32_t>(network.shape.size());
        network.edges.push_back(connector);
        ++stats.connectors;
        stats.km += connector.metres / 1000.0;
    }
    return stats;
}

}  // namespace maillage
