#pragma once

#include "geo/types.h"
#include "network/road_graph.h"  // kNoNode, kNoEdge
#include "network/snapping.h"    // kMaxSnapEntries

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <span>
#include <vector>

namespace maillage {

class CoverageGrid;

constexpr std::uint32_t kNoPoint = std::numeric_limits<std::uint32_t>::max();
constexpr float kUnreachable = std::numeric_limits<float>::infinity();

// One way a place joins the routable graph: projected on an edge, which it reaches by an
// off-network leg, and from there it drives to either end of that edge.
struct AccessEntry {
    std::uint32_t node[2] = {kNoNode, kNoNode};       // the edge's ends (kNoNode: cannot be driven to)
    float seconds[2] = {kUnreachable, kUnreachable};  // place -> node[k]: leg + part of the edge
    std::uint32_t edge = kNoEdge;                     // the edge it joins (kNoEdge: too far from any road)
    float alongSeconds = 0.0f;                        // driving seconds from the edge's first node to the projection
    float legSeconds = 0.0f;                          // the off-network leg, place <-> projection (terminal time included)
    float legMetres = std::numeric_limits<float>::infinity();  // straight distance to the road
    float fraction = 0.0f;  // position along the edge shape, 0 at its first node, 1 at its second
    bool oneway = false;    // the edge can only be driven from its first node to its second
    bool open = true;       // the edge may be driven along (not closed)
};

// How a place off the road network (a grid cell centre, a town hall, an accueil point) joins
// the routable graph: its own fields (AccessEntry) are the nearest point of the nearest edge;
// on generalised networks a multi-entry snap adds other roads within the access radius
// (`extras`, see network/snapping.h), and places close to each other also reach each other
// directly off the network (`directMetres`). Every gather takes the best of all of them.
// Computed once per network (by snapping) and reused by every recompute: rebuild the links
// when edges are closed or slowed, since the seconds are cached here.
struct AccessLink : AccessEntry {
    std::uint8_t extraCount = 0;
    std::array<AccessEntry, kMaxSnapEntries - 1> extras{};
    XY place;                            // the place itself
    float directMetres = 0.0f;           // direct trips within min(a.directMetres, b.directMetres); 0: none
    float directSecondsPerMetre = 0.0f;  // access detour / access speed
    float terminalSeconds = 0.0f;        // the part of every legSeconds spent in the terminal time

    bool joined() const { return edge != kNoEdge; }
    int entryCount() const { return joined() ? 1 + extraCount : 0; }
    const AccessEntry& entry(int i) const { return i == 0 ? *this : extras[std::size_t(i - 1)]; }
};

// Seconds of the direct off-network trip between two places, or kUnreachable when they do not
// allow one or are too far apart: distance × mean seconds per metre + both terminal times.
float directSeconds(const AccessLink& a, const AccessLink& b);

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

// Per-network precomputation for a set of places: their links, stored compactly for the
// gather (every entry's two nodes and seconds in one flat array), an index from edge to the
// entries joined to it (for the same-edge correction), and a bucket index of the places that
// allow direct trips.
class PlaceLinks {
public:
    PlaceLinks() = default;
    explicit PlaceLinks(std::span<const AccessLink> links);
    explicit PlaceLinks(const std::vector<AccessLink>& links) : PlaceLinks(std::span<const AccessLink>(links)) {}

    std::size_t size() const { return legMetres_.size(); }
    // The link of place i, every entry included (rebuilt from the compact storage).
    AccessLink operator[](std::size_t i) const;
    // Straight distance from place i to its nearest road (infinity when none is known).
    float legMetres(std::size_t i) const { return legMetres_[i]; }
    // Places joined to no road (too far from any), which stay unreachable.
    std::size_t unjoinedCount() const { return unjoined_; }
    // Entries of all places (the nearest road of each joined place, plus the extras).
    std::size_t entryCount() const { return hot_.size(); }
    std::size_t memoryBytes() const;

    // The fast part of every recompute: a gather over the places, O(entries + seeds).
    // `out` is resized; reuse it between calls to avoid allocations. Throws Error when the
    // search result is not of the network the places were linked to.
    void gather(const NearestTimesView& search, const SeedLinks& seeds, PlaceTimes& out) const;

    // The links as plain bytes, kept in a prepared network (coverage/prepared_links.h) so that
    // a command does not snap the same grid again.
    std::vector<char> toBytes() const;
    // Links read back from toBytes(); nullopt when the bytes are not links of places joined to
    // a graph of at most `nodeCount` nodes (truncated, damaged, another network): every index
    // is checked, so nothing is read out of bounds afterwards.
    static std::optional<PlaceLinks> fromBytes(std::span<const char> bytes, std::size_t nodeCount);

private:
    friend PlaceLinks linkPlaces(std::span<const XY> places, const std::function<AccessLink(XY)>& snap, int threads,
                                 const std::function<bool(double)>& progress);
    void append(const AccessLink& link);
    void finish();  // the edge and bucket indexes, after the last append
    std::uint32_t bucketIndex(double offset, std::uint32_t count) const;

    struct NodeEntry {  // what the gather reads for every entry
        std::uint32_t node[2];
        float seconds[2];
    };
    struct EdgeEntry {  // the rest of an entry
        std::uint32_t edge;
        float alongSeconds;
        float legSeconds;
        float legMetres;
        float fraction;
        bool oneway;
        bool open;
        // The two bytes the compiler would pad with, named and zeroed: toBytes writes entries
        // as they are in memory, and a prepared network file must hold no stray memory (and be
        // the same file for the same network).
        std::uint8_t unused[2] = {0, 0};
    };
    static_assert(sizeof(EdgeEntry) == 24, "an EdgeEntry without implicit padding");
    struct DirectPlace {
        float x, y;  // relative to directOrigin_
        float metres, secondsPerMetre, terminalSeconds;
    };

    std::vector<float> legMetres_;           // per place
    std::vector<std::uint32_t> firstEntry_;  // per place + 1, into hot_ and cold_
    std::vector<NodeEntry> hot_;
    std::vector<EdgeEntry> cold_;
    std::vector<std::uint32_t> entryPlace_;   // per entry
    std::vector<std::uint32_t> byEdgeEntry_;  // entries sorted by edge
    std::vector<std::uint32_t> byEdgeKeys_;   // their edges, same order
    // Where each place is and its direct trips; the places allowing them bucketed on a grid.
    std::vector<DirectPlace> direct_;  // per place
    XY directOrigin_;
    float bucketOriginX_ = 0.0f, bucketOriginY_ = 0.0f;  // relative to directOrigin_
    double bucketMetres_ = 1000.0;
    std::uint32_t bucketColumns_ = 0, bucketRows_ = 0;
    std::vector<std::uint32_t> bucketStart_;  // per bucket + 1, into bucketPlaces_
    std::vector<std::uint32_t> bucketPlaces_;
    float maxDirectMetres_ = 0.0f;
    std::size_t unjoined_ = 0;
    std::size_t nodesNeeded_ = 0;  // 1 + the largest node id of the links
};

// Joins every place with `snap` (the network's snapping function; returning an unjoined link
// or throwing SnapFailed both mark the place as not joined), using `threads` worker threads.
// Any other exception from `snap` is an error: it stops the work and is thrown again here.
// `progress`, when set, is told the fraction done after each block of places (a few
// thousand); when it returns false the work stops there and Error("linking … cancelled") is
// thrown (the links made so far are dropped).
using SnapFunction = std::function<AccessLink(XY)>;
using LinkProgress = std::function<bool(double fraction)>;
PlaceLinks linkPlaces(std::span<const XY> places, const SnapFunction& snap, int threads = 1,
                      const LinkProgress& progress = {});
PlaceLinks linkGridCells(const CoverageGrid& grid, const SnapFunction& snap, int threads = 1,
                         const LinkProgress& progress = {});

// The travel-time surface of a level: minutes from each grid cell (cell index order) to the
// nearest point. Built by PlaceLinks::gather over the grid's cell links.
using TravelTimeSurface = PlaceTimes;

// Minutes from a single place to the nearest point, by the same rule as the surface.
float placeMinutes(const AccessLink& link, const NearestTimesView& search, const SeedLinks& seeds,
                   std::uint32_t* nearest = nullptr);

}  // namespace maillage
