#pragma once

#include "network/nearest_search.h"
#include "network/road_graph.h"
#include "network/snapping.h"

#include <cstdint>
#include <span>
#include <vector>

namespace maillage {

// A trip between two snapped points: the fastest time and the metres along that path,
// both access legs included (their straight distance × the access detour).
struct Trip {
    Deciseconds time = kUnreached;
    double metres = 0.0;

    bool reached() const { return time != kUnreached; }
    double minutes() const { return toMinutes(time); }
    double km() const { return metres / 1000.0; }
};

struct TravelOptions {
    // Pairs farther apart than this are unreached; searches stop there.
    Deciseconds timeLimit = kUnreached;
};

// Origins × destinations, row-major.
class TravelMatrix {
public:
    TravelMatrix() = default;
    TravelMatrix(std::size_t rows, std::size_t columns) : rows_(rows), columns_(columns), trips_(rows * columns) {}
    std::size_t rows() const { return rows_; }
    std::size_t columns() const { return columns_; }
    const Trip& at(std::size_t origin, std::size_t destination) const { return trips_[origin * columns_ + destination]; }
    Trip& at(std::size_t origin, std::size_t destination) { return trips_[origin * columns_ + destination]; }

private:
    std::size_t rows_ = 0;
    std::size_t columns_ = 0;
    std::vector<Trip> trips_;
};

// Within this distance two places are the same: no trip at all, rather than the two access
// legs and terminal times a trip between distinct places pays (an OD matrix's diagonal is 0).
constexpr double kSamePlaceMetres = 1.0;
bool samePlace(const Snap& a, const Snap& b);

// One origin to many destinations: one search from the origin, stopped as soon as every
// destination's edge ends are settled. `workspace` is reused (no allocation per call).
std::vector<Trip> travelFrom(NearestSearch& workspace, const Snap& origin, std::span<const Snap> destinations,
                             const TravelOptions& options = {});
// Many origins to one destination: one search towards the destination.
std::vector<Trip> travelTo(NearestSearch& workspace, std::span<const Snap> origins, const Snap& destination,
                           const TravelOptions& options = {});

// Every origin to every destination: one search per origin, or one per destination
// (towards it) when there are fewer destinations. Respects one-way edges.
TravelMatrix travelMatrix(const RoadGraph& graph, std::span<const Snap> origins, std::span<const Snap> destinations,
                          const TravelOptions& options = {});

// For every origin, its nearest destination (by time) in one multi-source search towards
// the destinations. destination = kNoSource when none is reached.
struct NearestTrip {
    std::uint32_t destination = kNoSource;
    Trip trip;
};
std::vector<NearestTrip> nearestDestinations(const RoadGraph& graph, std::span<const Snap> origins,
                                             std::span<const Snap> destinations, const TravelOptions& options = {});

}  // namespace maillage
