#pragma once

#include "coverage/coverage_run.h"
#include "coverage/network_engine.h"
#include "geo/territory.h"
#include "network/network_input.h"
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

// The road network a run uses: the project's (ProjectInputs) unless the user names another.
struct NetworkChoice {
    QString path;
    QString layer;
    QString profile;  // name or file; empty: the default for the file (see chooseNetwork)
};

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
    QString networkPath;  // the network file loaded (empty: none)
    SpeedProfile profile;
    std::shared_ptr<const NetworkInput> roads;  // the network the graph was built from (for maps); null without
    std::unique_ptr<RoadGraph> graph;
    TownConnectorStats connectors;  // added to a coarse network at the town halls
    std::unique_ptr<GraphTravelEngine> engine;
    std::unique_ptr<CoverageContext> coverage;  // null until prepareCoverage
    QStringList warnings;                       // what the user should read once loaded

    LoadedProject() = default;
    LoadedProject(LoadedProject&&) = default;
    LoadedProject& operator=(LoadedProject&&) = default;
    Q_DISABLE_COPY(LoadedProject)
    ~LoadedProject();
};

// The network the project names, with what the user gave instead (an empty field keeps the
// project's). Throws Error when there is no network or its file does not exist. Without a
// profile, `defaultProfile` is used; empty: "osm" for an OpenStreetMap file, else "generalised".
NetworkChoice chooseNetwork(const ProjectInputs& inputs, const NetworkChoice& given = {},
                            const QString& defaultProfile = {});

// Reads the territory (boundaries, communes, EPCI) the inputs name; its load warnings become
// the project's warnings. Throws Error naming the file, layer or field at fault.
LoadedProject loadProjectTerritory(const ProjectInputs& inputs);

// The network step: reads the road network, times it with the profile, completes a coarse
// network with town connectors at the town halls of `points` (see the profile) and builds the
// routable graph. The one place a network enters a project: a prepared network file can be
// read here instead. Throws Error (file, layer, feature at fault; also when `progress` stops it).
void loadNetwork(LoadedProject& project, const NetworkChoice& network, const std::vector<AccueilPoint>& points,
                 const ProgressCallback& progress = {});

// The travel engine over the graph (as the profile snaps) and the coverage grid with every
// cell and town hall joined to the roads. Road closures applied to the graph must be in
// place before. Requires loadNetwork.
void prepareCoverage(LoadedProject& project, const std::vector<AccueilPoint>& points, const CoverageSetup& setup);

}  // namespace maillage
