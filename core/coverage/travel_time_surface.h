#pragma once

#include "geo/types.h"
#include "network/road_graph.h"  // kNoNode, kNoEdge

#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <span>
#include <vector>

namespace maillage {

class CoverageGrid;

constexpr std::uint32_t kNoPoint = std::numeric_limits<std::uint32_t>::max();
constexpr float kUnreachable = std::numeric_limits<float>::infinity();

// How a place off the road network (a grid cell centre, a town hall, an accueil point)
// joins the routable graph: it is projected on the nearest edge, which it reaches by an
// off-network leg, and from there drives to either end of that edge.
// Computed once per network (by snapping) and reused by every recompute: rebuild the links
// when edges are closed or slowed, since the seconds are cached here.
struct AccessLink {
    std::uint32_t node[2] = {kNoNode, kNoNode};          // the edge's ends (kNoNode: cannot be driven to)
    float seconds[2] = {kUnreachable, kUnreachable};     // place -> node[k]: leg + part of the edge
    std::uint32_t edge = kNoEdge;                         // the edge it joins (kNoEdge: too far from any road)
    float alongSeconds = 0.0f;   // driving seconds from the edge's first node to the projection
    float legSeconds = 0.0f;     // the off-network leg, place <-> projection
    float legMetres = std::numeric_limits<float>::infinity();  // straight distance to the road
    float fraction = 0.0f;       // position along the edge shape, 0 at its first node, 1 at its second
    bool oneway = false;         // the edge can only be driven from its first node to its second
    bool open = true;            // the edge may be driven along (not closed)

    bool joined() const { return edge != kNoEdge; }
};

// The result of a multi-source nearest-point search, per graph node: the driving seconds
// from the node to the nearest point of the seeded set, and which point (index in the seed
// list) that is. Unreached nodes have kUnreachable and kNoPoint.
struct NearestTimesView {
    std::span<const float> seconds;
    std::span<const std::uint32_t> owner;
};

// The points that were seeded into the search, with their own access links (the order is
// the owner numbering). Used to join a place directly to a point on the same edge, which
// the node-based search cannot see.
struct SeedLinks {
    std::span<const AccessLink> links;
};

// Time, in minutes, from each place to the nearest seeded point, and which point.
struct PlaceTimes {
    std::vector<float> minutes;          // kUnreachable when no point can be reached
    std::vector<std::uint32_t> nearest;  // seed index, kNoPoint when unreachable
};

// Per-network precomputation for a set of places: their links, plus an index from edge to
// the places joined to it (for the same-edge correction).
class PlaceLinks {
public:
    PlaceLinks() = default;
    explicit PlaceLinks(std::vector<AccessLink> links);

    std::size_t size() const { return links_.size(); }
    const std::vector<AccessLink>& links() const { return links_; }
    const AccessLink& operator[](std::size_t i) const { return links_[i]; }
    // Places joined to no road (too far from any), which stay unreachable.
    std::size_t unjoinedCount() const { return unjoined_; }

    // The fast part of every recompute: a gather over the places, O(places + seeds).
    // `out` is resized; reuse it between calls to avoid allocations. Throws Error when the
    // search result is not of the network the places were linked to.
    void gather(const NearestTimesView& search, const SeedLinks& seeds, PlaceTimes& out) const;

private:
    std::vector<AccessLink> links_;
    std::size_t unjoined_ = 0;
    std::size_t nodesNeeded_ = 0;  // 1 + the largest node id of the links
    // Places sorted by edge, to find those sharing an edge with a seed.
    std::vector<std::uint32_t> byEdgeOrder_;   // place indices sorted by edge
    std::vector<std::uint32_t> byEdgeKeys_;    // their edges, same order
};

// Joins every place with `snap` (the network's snapping function; throwing or returning an
// unjoined link both mark the place as not joined), using `threads` worker threads.
using SnapFunction = std::function<AccessLink(XY)>;
PlaceLinks linkPlaces(std::span<const XY> places, const SnapFunction& snap, int threads = 1);
PlaceLinks linkGridCells(const CoverageGrid& grid, const SnapFunction& snap, int threads = 1);

// The travel-time surface of a level: minutes from each grid cell (cell index order) to the
// nearest point. Built by PlaceLinks::gather over the grid's cell links.
using TravelTimeSurface = PlaceTimes;

// Minutes from a single place to the nearest point, by the same rule as the surface.
float placeMinutes(const AccessLink& link, const NearestTimesView& search, const SeedLinks& seeds,
                   std::uint32_t* nearest = nullptr);

}  // namespace maillage
