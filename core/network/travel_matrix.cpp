#include "network/travel_matrix.h"

#include <cmath>
#include <map>

namespace maillage {

namespace {

// The edge ends through which a search can reach the given points, every entry of each.
std::vector<NodeId> endNodesOf(const RoadGraph& graph, std::span<const Snap> points)
{
    std::vector<NodeId> nodes;
    nodes.reserve(2 * points.size());
    for (const Snap& p : points) {
        for (int i = 0; i < p.entryCount(); ++i) {
            const EdgeId edge = p.entry(i).edge;
            if (edge >= graph.edgeCount()) continue;
            nodes.push_back(graph.edgeFrom(edge));
            nodes.push_back(graph.edgeTo(edge));
        }
    }
    return nodes;
}

// Trips between the search's seed and each of `points`.
std::vector<Trip> tripsTo(const NearestSearch& search, const Snap& seed, std::span<const Snap> points)
{
    std::vector<Trip> trips;
    trips.reserve(points.size());
    for (const Snap& p : points) {
        if (samePlace(seed, p)) {
            trips.push_back(Trip{0, 0.0});
            continue;
        }
        const Reach r = search.reachAt(p);
        trips.push_back(r.reached() ? Trip{r.time, r.metres} : Trip{});
    }
    return trips;
}

}  // namespace

bool samePlace(const Snap& a, const Snap& b)
{
    return a.ok() && b.ok() && std::hypot(a.point.x - b.point.x, a.point.y - b.point.y) < kSamePlaceMetres;
}

std::vector<Trip> travelFrom(NearestSearch& workspace, const Snap& origin, std::span<const Snap> destinations,
                             const TravelOptions& options)
{
    const SearchOptions search{SearchDirection::FromSources, options.timeLimit, true};
    workspace.runUntilSettled({&origin, 1}, search, endNodesOf(workspace.graph(), destinations));
    return tripsTo(workspace, origin, destinations);
}

std::vector<Trip> travelTo(NearestSearch& workspace, std::span<const Snap> origins, const Snap& destination,
                           const TravelOptions& options)
{
    const SearchOptions search{SearchDirection::ToSources, options.timeLimit, true};
    workspace.runUntilSettled({&destination, 1}, search, endNodesOf(workspace.graph(), origins));
    return tripsTo(workspace, destination, origins);
}

TravelMatrix travelMatrix(const RoadGraph& graph, std::span<const Snap> origins, std::span<const Snap> destinations,
                          const TravelOptions& options)
{
    TravelMatrix matrix(origins.size(), destinations.size());
    NearestSearch workspace(graph);
    if (origins.size() <= destinations.size()) {
        for (std::size_t o = 0; o < origins.size(); ++o) {
            const std::vector<Trip> row = travelFrom(workspace, origins[o], destinations, options);
            for (std::size_t d = 0; d < destinations.size(); ++d) matrix.at(o, d) = row[d];
        }
    } else {
        for (std::size_t d = 0; d < destinations.size(); ++d) {
            const std::vector<Trip> column = travelTo(workspace, origins, destinations[d], options);
            for (std::size_t o = 0; o < origins.size(); ++o) matrix.at(o, d) = column[o];
        }
    }
    return matrix;
}

std::vector<NearestTrip> nearestDestinations(const RoadGraph& graph, std::span<const Snap> origins,
                                             std::span<const Snap> destinations, const TravelOptions& options)
{
    NearestSearch search(graph);
    search.run(destinations, {SearchDirection::ToSources, options.timeLimit, true});
    // Destinations by position, to find an origin standing on one (no trip at all).
    std::map<std::pair<long long, long long>, std::uint32_t> byPosition;
    const auto key = [](const Snap& s) { return std::pair(std::llround(s.point.x), std::llround(s.point.y)); };
    for (std::uint32_t d = 0; d < destinations.size(); ++d)
        if (destinations[d].ok()) byPosition.try_emplace(key(destinations[d]), d);
    std::vector<NearestTrip> result;
    result.reserve(origins.size());
    for (const Snap& origin : origins) {
        if (const auto same = byPosition.find(key(origin));
            same != byPosition.end() && samePlace(origin, destinations[same->second])) {
            result.push_back({same->second, Trip{0, 0.0}});
            continue;
        }
        const Reach r = search.reachAt(origin);
        if (r.reached()) result.push_back({r.source, Trip{r.time, r.metres}});
        else result.push_back({});
    }
    return result;
}

}  // namespace maillage
