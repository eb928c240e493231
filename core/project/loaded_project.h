#pragma once

#include "coverage/coverage_run.h"
#include "coverage/network_engine.h"
#include "coverage/territory_network.h"
#include "geo/territory.h"
#include "network/network_input.h"
#include "network/network_source.h"
#include "network/road_graph.h"
#include "network/speed_profile.h"
#include "network/town_connectors.h"
#include "project/project_settings.h"
#include "store/accueil_point.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

namespace maillage {

// Reports a long step's progress (0 to 1); returns false to stop it (the step then throws
// Error, or the caller's own cancel exception).
using ProgressCallback = std::function<bool(double done)>;

// A project as loaded, shared by the command line and the application: its inputs, the
// territory, and — once loadNetwork ran — the road network, its routable graph and the
// coverage context the maps and tables are computed with.
// Members are declared in dependency order: the coverage context refers to the territory
// and the engine, the engine to the graph, the graph was built from the roads.
struct LoadedProject {
    ProjectInputs inputs;
    Territory territory;
    NetworkSource network;  // the network loaded: file (empty: none), layer, fields, profile chosen
    SpeedProfile profile;
    std::shared_ptr<const NetworkInput> roads;  // the network the graph was built from (for maps); null without
    std::unique_ptr<RoadGraph> graph;
    TownConnectorStats connectors;  // added to a coarse network at the town halls
    // The project's prepared network (network/prepared_network.h): whether it was read or
    // written, and its spatial index and grid links, used instead of building them again.
    PreparedNetworkOutcome prepared;
    std::unique_ptr<GraphTravelEngine> engine;
    std::unique_ptr<CoverageContext> coverage;  // null until prepareCoverage
    QStringList warnings;                       // what the user should read once loaded

    LoadedProject() = default;
    LoadedProject(LoadedProject&&) = default;
    LoadedProject& operator=(LoadedProject&&) = default;
    Q_DISABLE_COPY(LoadedProject)
    ~LoadedProject();
};

// Reads the territory (boundaries, communes, EPCI) the inputs name; its load warnings become
// the project's warnings. Throws Error naming the file, layer or field at fault.
LoadedProject loadProjectTerritory(const ProjectInputs& inputs);

// How loadNetwork reads the network.
struct NetworkLoadOptions {
    // The project's prepared network file (preparedNetworkPathFor): read when it is up to
    // date, built and written otherwise. Empty: none, the network file itself is read.
    QString preparedPath;
    ProgressCallback progress;  // reading the network or building the prepared one
};

// The network step, the one place a network enters a project: reads `source` (the file, its
// layer and fields; source.profile names the speed profile: see networkSourceOf,
// chooseProfile), times it with the profile, completes a coarse network with town connectors
// at the town halls of `points` (see the profile) and builds the routable graph. Throws Error
// (file, layer, feature at fault; also when `progress` stops it).
void loadNetwork(LoadedProject& project, const NetworkSource& source, const std::vector<AccueilPoint>& points,
                 const NetworkLoadOptions& options = {});
// loadNetwork's two parts, for a caller that reports them apart: the roads (read, or taken
// from the prepared network), then the routable graph built from them (seconds on a regional
// network).
void loadRoads(LoadedProject& project, const NetworkSource& source, const std::vector<AccueilPoint>& points,
               const NetworkLoadOptions& options = {});
void buildGraph(LoadedProject& project);

// Whether the graph is the network as read, or has roads closed (a plan).
enum class Roads { AsRead, WithClosures };

// The travel engine over the graph and the coverage grid with every cell and town hall
// joined to the roads (`setup` says the cell size, placement, threads and progress). On the
// network as read, the prepared network's spatial index and links are used when they fit, and
// links snapped here are kept in it for the next run; with closed roads, places join the roads
// left open and nothing is read from or kept in it. Requires loadNetwork. Returns a note for
// the user about the kept links (empty: nothing to say).
QString prepareCoverage(LoadedProject& project, const std::vector<AccueilPoint>& points, CoverageSetup setup,
                        Roads roads = Roads::AsRead);

}  // namespace maillage
