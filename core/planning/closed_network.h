#pragma once

#include <QtGlobal>

#include "coverage/coverage_run.h"
#include "coverage/network_engine.h"
#include "network/road_graph.h"
#include "planning/road_closures.h"

#include <memory>
#include <span>
#include <vector>

namespace maillage {

struct SpeedProfile;

// A scenario's road network with its closures, kept apart from the project's own graph: a
// copy of the open graph with the closed edges, its own travel engine, and a coverage context
// built on it — cells next to a closed road join another one, people stay placed as on the
// open network (they do not move when a road closes), town halls come from the baseline.
//
// ScenarioCoverageRunner closes the one graph around each computation and opens it again.
// The application instead keeps a plan's coverage live (points dragged on the map) while
// other work runs off the GUI thread on the open network (suggestions, comparisons): the open
// graph must then never change, so a plan with closures gets its own. Nothing here changes
// after construction (except setTownHalls on the context), so several threads may use it.
// Costs a copy of the graph and the coverage setup (0.2 s on the 04).
class ClosedNetwork {
public:
    // `openContext` is the open network's context: its engine (a GraphTravelEngine) finds
    // the roads a position closure names, its grid and population placement are kept.
    // `baselinePoints` give the town halls. A closure that finds no road is kept in
    // closures() with its problem and otherwise ignored.
    ClosedNetwork(const CoverageContext& openContext, const RoadGraph& openGraph, const SpeedProfile& profile,
                  std::span<const AccueilPoint> baselinePoints, std::span<const RoadClosure> closures, int threads = 1);
    ~ClosedNetwork();
    Q_DISABLE_COPY(ClosedNetwork)

    const std::vector<ResolvedClosure>& closures() const { return closures_; }
    std::size_t closedEdges() const { return closedEdges_; }
    const RoadGraph& graph() const { return *graph_; }
    const GraphTravelEngine& engine() const { return *engine_; }
    const CoverageContext& context() const { return *context_; }
    CoverageContext& context() { return *context_; }

private:
    std::vector<ResolvedClosure> closures_;
    std::size_t closedEdges_ = 0;
    std::unique_ptr<RoadGraph> graph_;
    std::unique_ptr<GraphTravelEngine> engine_;
    std::unique_ptr<CoverageContext> context_;
};

// True when some closure finds a road of the graph (resolved with the engine's snapper when
// `openContext` runs on a GraphTravelEngine).
bool closesAnyRoad(const RoadGraph& graph, const CoverageContext& openContext, std::span<const RoadClosure> closures);

}  // namespace maillage
