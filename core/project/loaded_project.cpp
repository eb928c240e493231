#include "project/loaded_project.h"

#include "common/error.h"
#include "coverage/territory_network.h"
#include "io/territory_loader.h"
#include "network/extract_lines.h"
#include "network/extract_osm.h"
#include "network/network_source.h"
#include "network/snapping.h"

#include <QFileInfo>

namespace maillage {

LoadedProject::~LoadedProject()
{
    // The context refers to the engine and the territory: it goes first.
    coverage.reset();
    engine.reset();
    graph.reset();
}

LoadedProject loadProjectTerritory(const ProjectInputs& inputs)
{
    LoadedProject project;
    project.inputs = inputs;
    project.territory = loadTerritory(inputs.territory);
    for (const LoadWarning& w : project.territory.warnings)
        project.warnings << QStringLiteral("%1 (%2) : %3").arg(QFileInfo(w.file).fileName(), w.feature, w.message);
    return project;
}

void loadNetwork(LoadedProject& project, const NetworkSource& source, const std::vector<AccueilPoint>& points,
                 const NetworkLoadOptions& options)
{
    loadRoads(project, source, points, options);
    buildGraph(project);
}

void loadRoads(LoadedProject& project, const NetworkSource& source, const std::vector<AccueilPoint>& points,
               const NetworkLoadOptions& options)
{
    // What was built on a previous network goes first: it refers to it.
    project.coverage.reset();
    project.engine.reset();
    project.graph.reset();
    project.profile = loadSpeedProfile(source.profile);
    if (project.profile.name.isEmpty()) project.profile.name = source.profile;
    // The progress of reading, or of building the prepared network, is the request's.
    const LineLayerOptions lines = lineLayerOptions(source);
    PreparedNetworkRequest prepared;
    prepared.path = options.preparedPath;
    prepared.progress = options.progress;
    // Coarse networks are completed with town connectors at the town halls (see the profile),
    // so that every program computes on the same network.
    project.prepared = {};
    project.roads = std::make_shared<const NetworkInput>(loadTerritoryNetwork(
        source.path, project.profile, lines, townAnchors(project.territory, townHallsFor(project.territory, points)),
        &project.connectors, prepared, &project.prepared));
    project.network = source;  // (a caller may pass project.network itself)
}

void buildGraph(LoadedProject& project)
{
    if (!project.roads) throw Error(QStringLiteral("the project has no road network loaded"));
    project.coverage.reset();
    project.engine.reset();
    project.graph = std::make_unique<RoadGraph>(*project.roads);
}

QString prepareCoverage(LoadedProject& project, const std::vector<AccueilPoint>& points, CoverageSetup setup, Roads roads)
{
    if (!project.graph) throw Error(QStringLiteral("the project has no road network loaded"));
    project.coverage.reset();
    // The prepared spatial index and grid links fit the graph as read; closed roads change
    // which roads places may join, so a plan with closures builds its own.
    const bool asRead = roads == Roads::AsRead;
    project.engine = std::make_unique<GraphTravelEngine>(
        *project.graph, project.profile,
        asRead ? Snapper::fromBytes(*project.graph, project.prepared.spatialIndex) : std::nullopt);
    setup.storedLinks = asRead ? &project.prepared.links : nullptr;
    project.coverage = std::make_unique<CoverageContext>(project.territory, *project.engine, points, setup);
    return asRead ? keepCoverageLinks(project.prepared, *project.coverage) : QString();
}

}  // namespace maillage
