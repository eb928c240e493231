#include "project/loaded_project.h"

#include "common/error.h"
#include "coverage/territory_network.h"
#include "io/territory_loader.h"
#include "network/extract_lines.h"
#include "network/extract_osm.h"
#include "network/network_source.h"

#include <QFileInfo>

namespace maillage {

LoadedProject::~LoadedProject()
{
    // The context refers to the engine and the territory: it goes first.
    coverage.reset();
    engine.reset();
    graph.reset();
}

NetworkChoice chooseNetwork(const ProjectInputs& inputs, const NetworkChoice& given, const QString& defaultProfile)
{
    NetworkChoice choice;
    choice.path = given.path.isEmpty() ? inputs.networkPath : given.path;
    choice.layer = given.layer.isEmpty() ? inputs.networkLayer : given.layer;
    requireNetworkFile(choice.path);
    choice.profile = given.profile.isEmpty() ? inputs.profile : given.profile;
    if (choice.profile.isEmpty())
        choice.profile = !defaultProfile.isEmpty() ? defaultProfile
                         : isOsmFile(choice.path)  ? QStringLiteral("osm")
                                                   : QStringLiteral("generalised");
    return choice;
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

void loadNetwork(LoadedProject& project, const NetworkChoice& network, const std::vector<AccueilPoint>& points,
                 const ProgressCallback& progress)
{
    project.profile = loadSpeedProfile(network.profile);
    if (project.profile.name.isEmpty()) project.profile.name = network.profile;
    LineLayerOptions lines;
    lines.layer = network.layer;
    if (progress) lines.progress = progress;
    // Coarse networks are completed with town connectors at the town halls (see the profile),
    // so that every program computes on the same network.
    project.roads = std::make_shared<const NetworkInput>(
        loadTerritoryNetwork(network.path, project.profile, lines,
                             townAnchors(project.territory, townHallsFor(project.territory, points)), &project.connectors));
    project.networkPath = network.path;
    project.graph = std::make_unique<RoadGraph>(*project.roads);
}

void prepareCoverage(LoadedProject& project, const std::vector<AccueilPoint>& points, const CoverageSetup& setup)
{
    if (!project.graph) throw Error(QStringLiteral("the project has no road network loaded"));
    project.coverage.reset();
    project.engine = std::make_unique<GraphTravelEngine>(*project.graph, project.profile);
    project.coverage = std::make_unique<CoverageContext>(project.territory, *project.engine, points, setup);
}

}  // namespace maillage
