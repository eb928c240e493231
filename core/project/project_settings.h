#pragma once

#include "io/territory_loader.h"
#include "store/project_sources.h"

#include <QString>

#include <optional>

namespace maillage {

class Store;

// What a project remembers about its inputs, kept in the store's settings table so that
// the CLI and the app open the same territory and network without asking again.
struct ProjectInputs {
    TerritorySources territory;
    QString networkPath;   // road network file (OSM or any OGR line layer); may be empty
    QString networkLayer;
    QString profile;       // speed profile name ("generalised", "osm") or file path; may be empty
};

void saveProjectInputs(Store& store, const ProjectInputs& inputs);

// Throws Error when the project has no territory configured.
ProjectInputs loadProjectInputs(const Store& store);

// What a road network file says of its origin: OpenStreetMap for an OSM file, else the
// first value of a `source` field of the line layer (e.g. "TravelMapping HighwayData"), else
// empty. Never throws: an unreadable file just says nothing.
QString detectRoadsSource(const QString& networkPath, const QString& layer = {});

}  // namespace maillage
