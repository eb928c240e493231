#pragma once

#include "coverage/travel_engine.h"
#include "network/nearest_search.h"
#include "network/road_graph.h"
#include "network/snapping.h"

#include <memory>
#include <mutex>

namespace maillage {

struct SpeedProfile;

// The TravelEngine of a real road graph (network/): Snapper for the links, NearestSearch
// (towards the sources: people drive to the accueil point) for the multi-source search,
// travelFrom for the km of tables.
//
// Places join only the graph's largest connected component by default, so a cell next to a
// small island of road (a broken fragment of a generalised network) is still routed.
// link() may be called from several threads; nearest() and drivingMetres() share one
// search workspace and are serialised.
class GraphTravelEngine : public TravelEngine {
public:
    GraphTravelEngine(const RoadGraph& graph, const SnapOptions& snapOptions);
    // Snap options from the profile (access speed and detour, maximum snap distance).
    GraphTravelEngine(const RoadGraph& graph, const SpeedProfile& profile);
    ~GraphTravelEngine() override;

    std::size_t nodeCount() const override { return graph_->nodeCount(); }
    AccessLink link(XY place) const override;
    void nearest(std::span<const AccessLink> seeds, NearestTimes& out) const override;
    double drivingMetres(const AccessLink& from, const AccessLink& to) const override;

    const RoadGraph& graph() const { return *graph_; }
    const Snapper& snapper() const { return snapper_; }
    const SnapOptions& snapOptions() const { return snapOptions_; }

    // The link of a snapped position (exposed for tests and for callers that already snapped).
    AccessLink linkOf(const Snap& snap) const;
    // The snap a link was made from.
    Snap snapOf(const AccessLink& link) const;

private:
    const RoadGraph* graph_;
    SnapOptions snapOptions_;
    Snapper snapper_;
    mutable std::mutex searchMutex_;
    mutable std::unique_ptr<NearestSearch> search_;
    mutable std::vector<Snap> seedSnaps_;
};

// Options for snapping with a profile's access leg.
SnapOptions snapOptionsFor(const SpeedProfile& profile, bool largestComponentOnly = true);

}  // namespace maillage
