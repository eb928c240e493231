#include "planning/scenario_coverage.h"

#include "network/road_graph.h"
#include "network/speed_profile.h"

namespace maillage {

ScenarioCoverageRunner::ScenarioCoverageRunner(const Territory& territory, RoadGraph& graph, const SpeedProfile& profile,
                                               std::vector<AccueilPoint> baselinePoints, const CoverageSetup& setup,
                                               std::optional<Snapper> preparedIndex)
    : territory_(&territory),
      graph_(&graph),
      baselinePoints_(std::move(baselinePoints)),
      setup_(setup),
      engine_(std::make_unique<GraphTravelEngine>(graph, profile, std::move(preparedIndex)))
{
}

ScenarioCoverageRunner::~ScenarioCoverageRunner() = default;

std::shared_ptr<const CoverageContext> ScenarioCoverageRunner::sharedBaselineContext()
{
    if (!baselineContext_)
        baselineContext_ = std::make_shared<const CoverageContext>(*territory_, *engine_, baselinePoints_, setup_);
    return baselineContext_;
}

const CoverageContext& ScenarioCoverageRunner::baselineContext() { return *sharedBaselineContext(); }

ScenarioCoverage ScenarioCoverageRunner::compute(const ScenarioView& scenario, const CoverageOptions& options,
                                                 const WhileApplied& whileApplied)
{
    requireValidOptions(options);
    ScenarioCoverage coverage;
    coverage.scenario = scenario.name;
    coverage.points = scenario.points;
    coverage.closures = resolveRoadClosures(*graph_, scenario.roadClosures, &engine_->snapper());
    const std::vector<AccueilPoint> levelPoints = scenarioLevelPoints(scenario, options.level);

    bool closesRoads = false;
    for (const ResolvedClosure& closure : coverage.closures) closesRoads = closesRoads || !closure.edges.empty();
    if (!closesRoads) {
        coverage.context = sharedBaselineContext();
        computeCoverage(*coverage.context, levelPoints, options, coverage.result);
        if (whileApplied) whileApplied(*engine_, *coverage.context);
        return coverage;
    }

    // People stay where they are when roads close: the open network's population placement.
    CoverageSetup closedSetup = setup_;
    closedSetup.fixedPlacement = &sharedBaselineContext()->placement();
    closedSetup.storedLinks = nullptr;  // the open network's: cells next to a closed road join another one
    {
        const ScopedRoadClosures closed(*graph_, coverage.closures);
        coverage.closedEdges = closed.closedEdges();
        // The engine's previous search and every cached link hold the open network's times.
        engine_->invalidateSearch();
        try {
            coverage.context = std::make_shared<const CoverageContext>(*territory_, *engine_, baselinePoints_, closedSetup);
            computeCoverage(*coverage.context, levelPoints, options, coverage.result);
            if (whileApplied) whileApplied(*engine_, *coverage.context);
        } catch (...) {
            engine_->invalidateSearch();
            throw;
        }
    }
    engine_->invalidateSearch();
    return coverage;
}

}  // namespace maillage
