#include "network/travel_matrix.h"

namespace maillage {

namespace {

// The edge ends through which a search can reach the given points.
std::vector<NodeId> endNodesOf(const RoadGraph& graph, std::span<const Snap> points)
{
    std::vector<NodeId> nodes;
    nodes.reserve(2 * points.size());
    for (const Snap& p : points) {
        if (!p.ok() || p.edge >= graph.edgeCount()) continue;
        nodes.push_back(graph.edgeFrom(p.edge));
        nodes.push_back(graph.edgeTo(p.edge));
    }
    return nodes;
}

std::vector<Trip> tripsTo(const NearestSearch& search, std::span<const Snap> points)
{
    std::vector<Trip> trips;
    trips.reserve(points.size());
    for (const Snap& p : points) {
        const Reach r = search.reachAt(p);
        trips.push_back(r.reached() ? Trip{r.time, r.metres} : Trip{});
    }
    return trips;
}

}  // namespace

std::vector<Trip> travelFrom(NearestSearch& workspace, const Snap& origin,
                             std::span<const Snap> destinations, const TravelOptions& options)
{
    const SearchOptions search{SearchDirection::FromSources, options.timeLimit, true};
    workspace.runUntilSettled({&origin, 1}, search, endNodesOf(workspace.graph(), destinations));
    return tripsTo(workspace, destinations);
}

std::vector<Trip> travelTo(NearestSearch& workspace, std::span<const Snap> origins,
                           const Snap& destination, const TravelOptions& options)
{
    const SearchOptions search{SearchDirection::ToSources, options.timeLimit, true};
    workspace.runUntilSettled({&destination, 1}, search, endNodesOf(workspace.graph(), origins));
    return tripsTo(workspace, origins);
}

TravelMatrix travelMatrix(const RoadGraph& graph, std::span<const Snap> origins,
                          std::span<const Snap> destinations, const TravelOptions& options)
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
                                             std::span<const Snap> destinations,
                                             const TravelOptions& options)
{
    NearestSearch search(graph);
    search.run(destinations, {SearchDirection::ToSources, options.timeLimit, true});
    std::vector<NearestTrip> result;
    result.reserve(origins.size());
    for (const Snap& origin : origins) {
        const Reach r = search.reachAt(origin);
        if (r.reached()) result.push_back({r.source, Trip{r.time, r.metres}});
        else result.push_back({});
    }
    return result;
}

}  // namespace maillage
