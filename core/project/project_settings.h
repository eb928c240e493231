#pragma once

#include "coverage/population.h"
#include "io/territory_loader.h"
#include "network/network_source.h"
#include "population/population_input.h"
#include "store/project_sources.h"

#include <QString>

#include <optional>

namespace maillage {

class Store;

// What a project remembers about its inputs, kept in the store's settings table so that
// the CLI and the app open the same territory and network without asking again.
struct ProjectInputs {
    TerritorySources territory;
    QString networkPath;  // road network file (OSM or any OGR line layer); may be empty
    QString networkLayer;
    QString profile;  // speed profile name ("generalised", "osm") or file path; may be empty:
                      // chosen from the network's density (network/network_source.h)
    // Fields of a line layer (see network/network_source.h): empty = the defaults ("class";
    // the layer's "oneway" field when it has one; no speed field).
    QString networkClassField;
    QString networkOnewayField;
    QString networkSpeedField;
    // The project file these inputs were read from (empty when built in memory): its prepared
    // network lives beside it (network/prepared_network.h). For a server project, a name in the
    // user's cache folder (Store::localFilesBase).
    QString projectPath;
    PopulationInput populationGrid{.method = PopulationMethod::Grid};  // INSEE squares, raster or layer; may be unset
    PopulationInput buildings{.method = PopulationMethod::Buildings};  // may be unset

    // The population method a coverage uses when none is asked for: the grid when the
    // project has one, else the buildings, else the spread.
    PopulationMethod defaultPopulationMethod() const;
    // The methods this project can compute (the spread and the town halls always).
    std::vector<PopulationMethod> availablePopulationMethods() const;
    // The source file of a method (unset for the spread and the town halls).
    PopulationInput populationInputFor(PopulationMethod method) const;
};

// The project's road network and how to read it.
NetworkSource networkSourceOf(const ProjectInputs& inputs);

void saveProjectInputs(Store& store, const ProjectInputs& inputs);

// How a coverage of this project places people under `method` (the project's default when
// unset). Throws Error naming the init option when the method needs a file the project lacks.
PopulationPlacementOptions placementOptionsFor(const ProjectInputs& inputs, std::optional<PopulationMethod> method = {});

// Throws Error when the project has no territory configured.
ProjectInputs loadProjectInputs(const Store& store);

// What a road network file says of its origin: OpenStreetMap for an OSM file, else the
// first value of a `source` field of the line layer (e.g. "TravelMapping HighwayData"), else
// empty. Never throws: an unreadable file just says nothing.
QString detectRoadsSource(const QString& networkPath, const QString& layer = {});

}  // namespace maillage
