#pragma once

#include "coverage/coverage_run.h"
#include "coverage/network_engine.h"
#include "planning/road_closures.h"
#include "planning/scenario.h"

#include <functional>
#include <memory>
#include <vector>

namespace maillage {

class RoadGraph;
class Territory;
struct SpeedProfile;

// The coverage of one scenario.
struct ScenarioCoverage {
    QString scenario;
    std::vector<AccueilPoint> points;       // the scenario's points, every level (for exports)
    std::vector<ResolvedClosure> closures;  // its road closures as found in the graph
    std::size_t closedEdges = 0;
    // The context the result was computed in: the baseline's when no road is closed, else one
    // built on the graph with the closures (its links hold the closed network's times).
    std::shared_ptr<const CoverageContext> context;
    CoverageResult result;
};

// Computes the coverage of any scenario on one territory and road network, loaded once.
//
// The demand side never changes with a plan: the grid, the population placement and the town
// halls (where method (a) counts people) come from the *baseline* points, so that two
// scenarios are compared on the same places even when a plan upgrades or closes a town hall.
// The supply side is the scenario's points of the level. Road closures are applied to the
// graph for the duration of compute() (and the context rebuilt on the closed network: cells
// next to a closed road join another one; the population stays placed as on the open
// network), then the graph is restored.
// Keeps references to the territory, graph and profile, which must outlive it. The contexts
// of its results refer to its engine: use them (e.g. for exports) while the runner lives.
// Not thread-safe.
class ScenarioCoverageRunner {
public:
    // `preparedIndex`: the graph's spatial index read from a prepared network (see
    // GraphTravelEngine); null: built. setup.storedLinks serve the baseline context only.
    ScenarioCoverageRunner(const Territory& territory, RoadGraph& graph, const SpeedProfile& profile,
                           std::vector<AccueilPoint> baselinePoints, const CoverageSetup& setup = {},
                           std::optional<Snapper> preparedIndex = std::nullopt);
    ~ScenarioCoverageRunner();

    const Territory& territory() const { return *territory_; }
    RoadGraph& graph() { return *graph_; }
    GraphTravelEngine& engine() { return *engine_; }
    const std::vector<AccueilPoint>& baselinePoints() const { return baselinePoints_; }
    // The context of the open network (built on first use).
    const CoverageContext& baselineContext();
    std::shared_ptr<const CoverageContext> sharedBaselineContext();

    // Called while a scenario's closures are applied, with the engine and the context of that
    // network (e.g. to compute referral links on the same network).
    using WhileApplied = std::function<void(const GraphTravelEngine&, const CoverageContext&)>;

    // The coverage of the scenario at options.level. A closure that finds no edge is reported
    // in ScenarioCoverage::closures and otherwise ignored.
    ScenarioCoverage compute(const ScenarioView& scenario, const CoverageOptions& options,
                             const WhileApplied& whileApplied = {});

private:
    const Territory* territory_;
    RoadGraph* graph_;
    std::vector<AccueilPoint> baselinePoints_;
    CoverageSetup setup_;
    std::unique_ptr<GraphTravelEngine> engine_;
    std::shared_ptr<const CoverageContext> baselineContext_;
};

}  // namespace maillage
