#include "coverage/travel_engine.h"

#include "coverage/parallel.h"

namespace maillage {

void drivingMetresToNearest(const TravelEngine& engine, std::span<const AccessLink> origins,
                            std::span<const std::uint32_t> nearest, std::span<const AccessLink> targets,
                            std::span<double> metres)
{
    // The origins grouped by the target they reach: one backward search per target.
    std::vector<std::vector<std::size_t>> byTarget(targets.size());
    for (std::size_t i = 0; i < origins.size() && i < nearest.size(); ++i)
        if (nearest[i] < targets.size()) byTarget[nearest[i]].push_back(i);
    std::vector<std::size_t> reached;
    for (std::size_t t = 0; t < targets.size(); ++t)
        if (!byTarget[t].empty()) reached.push_back(t);
    // Each search is independent and writes its own origins' metres: the same result on any
    // number of threads.
    parallelFor(reached.size(), engine.concurrentSearches() ? 2 : 1, [&](std::size_t k) {
        const std::size_t t = reached[k];
        std::vector<AccessLink> from;
        from.reserve(byTarget[t].size());
        for (std::size_t i : byTarget[t]) from.push_back(origins[i]);
        const std::vector<double> toTarget = engine.drivingMetresTo(from, targets[t]);
        for (std::size_t j = 0; j < byTarget[t].size(); ++j) metres[byTarget[t][j]] = toTarget[j];
    });
}

std::vector<NearestRoute> TravelEngine::nearestRoutes(std::span<const AccessLink> seeds,
                                                      std::span<const AccessLink> places) const
{
    std::vector<NearestRoute> routes(places.size());
    if (seeds.empty()) return routes;
    NearestTimes search;
    nearestAt(seeds, places, search);
    std::vector<std::uint32_t> nearest(places.size(), kNoPoint);
    for (std::size_t i = 0; i < places.size(); ++i) {
        std::uint32_t seed = kNoPoint;
        const float minutes = placeMinutes(places[i], search.view(), SeedLinks{seeds}, &seed);
        if (seed == kNoPoint || !std::isfinite(minutes)) continue;
        routes[i].seed = nearest[i] = seed;
        routes[i].minutes = minutes;
    }
    std::vector<double> metres(places.size(), INFINITY);
    drivingMetresToNearest(*this, places, nearest, seeds, metres);
    for (std::size_t i = 0; i < places.size(); ++i)
        if (routes[i].reached()) routes[i].metres = metres[i];
    return routes;
}

}  // namespace maillage
