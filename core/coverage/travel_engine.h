#pragma once

#include "coverage/travel_time_surface.h"
#include "geo/types.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace maillage {

// A nearest-point search result owned by its caller (see NearestTimesView).
struct NearestTimes {
    std::vector<float> seconds;        // per node, to the nearest seeded point
    std::vector<std::uint32_t> owner;  // per node, index of that point in the seed list
    NearestTimesView view() const { return {seconds, owner}; }
};

// The nearest seed of a place, by placeMinutes' rule, and the metres driven on that route.
struct NearestRoute {
    std::uint32_t seed = kNoPoint;  // index into the seeds; kNoPoint when none is reached
    float minutes = kUnreachable;
    double metres = INFINITY;  // infinity when the route's metres are not known

    bool reached() const { return seed != kNoPoint; }
};

// What the coverage needs from the road network, so that it can be computed on any graph
// (the real one, or an analytic one in tests):
// - join a place to the network (snapping, with its off-network leg),
// - for every node, the time to the nearest of a set of points (multi-source search),
// - the driving distance between two places (for the km columns of tables).
class TravelEngine {
public:
    virtual ~TravelEngine() = default;

    virtual std::size_t nodeCount() const = 0;

    // Joins a place; an unjoined link (edge == kNoEdge) when it is too far from any road.
    // Must be safe to call from several threads at once.
    virtual AccessLink link(XY place) const = 0;

    // The link of a place this engine joined before and still remembers, without snapping it
    // again; nullopt when it does not (then call link()). Lets a caller spread over threads only
    // the places that need snapping.
    virtual std::optional<AccessLink> rememberedLink(XY /*place*/) const { return std::nullopt; }

    // Multi-source search towards the points joined by `seeds` (seed i is owner i).
    // `out` is resized to nodeCount(); reusing it avoids allocations.
    virtual void nearest(std::span<const AccessLink> seeds, NearestTimes& out) const = 0;

    // As nearest(), on up to `threads` threads when the engine can share one search between
    // them, with the same result (this default runs nearest()).
    virtual void nearestShared(std::span<const AccessLink> seeds, NearestTimes& out, int threads) const
    {
        (void)threads;
        nearest(seeds, out);
    }

    // As nearest(), for callers that read the result only at some places (a table's origins):
    // the times and owners are those of nearest() at the nodes the `needed` places join
    // through; elsewhere they may be upper bounds (a search may stop once those nodes are
    // settled). This default runs nearest().
    virtual void nearestAt(std::span<const AccessLink> seeds, std::span<const AccessLink> needed, NearestTimes& out) const
    {
        (void)needed;
        nearest(seeds, out);
    }

    // For each of `places`, its nearest seed and minutes (placeMinutes on nearestAt()) and the
    // metres of its route there (the tables' km). This default asks the metres with
    // drivingMetresToNearest, one backward search per seed reached.
    virtual std::vector<NearestRoute> nearestRoutes(std::span<const AccessLink> seeds,
                                                    std::span<const AccessLink> places) const;

    // Whether nearestAt(), nearestRoutes() and the drivingMetres calls may run on several
    // threads at once.
    virtual bool concurrentSearches() const { return false; }

    // Metres driven on the fastest route from one place to another, legs included;
    // infinity when there is no route.
    virtual double drivingMetres(const AccessLink& from, const AccessLink& to) const = 0;

    // drivingMetres from each of `from` to the one place `to`: the tables ask for many routes
    // ending at the same point (every origin whose nearest point it is), which one backward
    // search answers instead of one search per origin. This default asks one by one.
    virtual std::vector<double> drivingMetresTo(std::span<const AccessLink> from, const AccessLink& to) const
    {
        std::vector<double> metres;
        metres.reserve(from.size());
        for (const AccessLink& origin : from) metres.push_back(drivingMetres(origin, to));
        return metres;
    }
};

// Fills metres[i] with the driving metres from origins[i] to targets[nearest[i]] (nearest[i]
// < targets.size(); others are left as they are), one backward search per target reached,
// spread over two threads when the engine allows concurrent searches.
void drivingMetresToNearest(const TravelEngine& engine, std::span<const AccessLink> origins,
                            std::span<const std::uint32_t> nearest, std::span<const AccessLink> targets,
                            std::span<double> metres);

}  // namespace maillage
