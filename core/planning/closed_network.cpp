#include "planning/closed_network.h"

#include "network/speed_profile.h"

namespace maillage {
namespace {

const Snapper* snapperOf(const CoverageContext& context)
{
    const auto* engine = dynamic_cast<const GraphTravelEngine*>(&context.engine());
    return engine ? &engine->snapper() : nullptr;
}

}  // namespace

ClosedNetwork::ClosedNetwork(const CoverageContext& openContext, const RoadGraph& openGraph, const SpeedProfile& profile,
                             std::span<const AccueilPoint> baselinePoints, std::span<const RoadClosure> closures,
                             int threads)
    : closures_(resolveRoadClosures(openGraph, closures, snapperOf(openContext))),
      graph_(std::make_unique<RoadGraph>(openGraph))
{
    for (const ResolvedClosure& closure : closures_)
        for (EdgeId e : closure.edges) {
            if (graph_->isEdgeClosed(e)) continue;
            graph_->setEdgeClosed(e, true);
            ++closedEdges_;
        }
    engine_ = std::make_unique<GraphTravelEngine>(*graph_, profile);
    CoverageSetup setup;
    setup.cellSize = openContext.grid().cellSize();
    setup.threads = threads;
    setup.fixedPlacement = &openContext.placement();
    context_ = std::make_unique<CoverageContext>(openContext.territory(), *engine_, baselinePoints, setup);
}

ClosedNetwork::~ClosedNetwork()
{
    // The context refers to the engine, the engine to the graph.
    context_.reset();
    engine_.reset();
}

bool closesAnyRoad(const RoadGraph& graph, const CoverageContext& openContext, std::span<const RoadClosure> closures)
{
    if (closures.empty()) return false;
    for (const ResolvedClosure& closure : resolveRoadClosures(graph, closures, snapperOf(openContext)))
        if (!closure.edges.empty()) return true;
    return false;
}

}  // namespace maillage
