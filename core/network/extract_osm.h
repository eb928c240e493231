#pragma once

#include "network/network_builder.h"
#include "network/network_input.h"
#include "network/speed_profile.h"

#include <QString>

#include <functional>
#include <optional>

namespace maillage {

// Called now and then during long extractions with the fraction done (0..1); return false
// to cancel (the extraction then throws Error("... cancelled")).
using ExtractProgress = std::function<bool(double fraction)>;

struct OsmExtractOptions {
    bool includeTracks = false;  // highway=track: forest and farm tracks, mostly unpaved
    bool includeService = true;  // highway=service: driveways, car parks, access lanes
    ExtractProgress progress;
};

// The tags of an OSM way that decide whether and how a car uses it.
struct OsmWayTags {
    QString highway, oneway, junction, maxspeed, access, vehicle, motorVehicle, motorcar, area, ref;
};

// What the tags of a way mean for a car.
struct OsmRoadDecision {
    bool usable = false;
    QString skipReason;  // e.g. "highway=footway", "access=private" when not usable
    RoadClass roadClass = RoadClass::Unknown;
    int direction = 0;  // 0 both ways, 1 one way along the way, -1 against it
    std::optional<double> maxspeedKmh;
};

// Car access rules (following common routers such as OSRM): highway=motorway...residential,
// living_street, service, unclassified, road and *_link; not footway, cycleway, path, steps,
// pedestrian, bridleway, construction...; not access/vehicle/motor_vehicle/motorcar = no,
// private, agricultural, forestry... (the most specific tag wins); not area=yes; not
// oneway=reversible (direction changes during the day). junction=roundabout/circular and
// highway=motorway imply one way.
OsmRoadDecision classifyOsmWay(const OsmWayTags& tags, const OsmExtractOptions& options = {});

// Reads the car roads of an OpenStreetMap file (.osm.pbf, .osm, .osm.gz, .osm.bz2) with
// libosmium, in two passes so that memory follows the roads, not the file: the ways first
// (car ways and their node ids kept), then the nodes, of which only the locations of those
// ids are stored. Decoding runs on a thread pool. Ways are split at the nodes they share
// (identified by their exact coordinates) and the profile is applied. A closed way that is
// also tagged as an area (amenity=*, landuse=*, area=yes...) is that area's outline, not a
// road (GDAL's rule, so both readers agree). Progress goes from 0 to 1; cancelling throws
// Error("... cancelled"). Throws Error naming the file when it cannot be read or holds no
// car road.
NetworkInput extractOsm(const QString& path, const SpeedProfile& profile, const OsmExtractOptions& options = {},
                        ExtractStats* stats = nullptr);

// The same roads read through GDAL's OSM driver (one pass, the driver's own node store):
// slower and hungrier on regional files; kept to check that both readers agree and for the
// side-by-side benchmark.
NetworkInput extractOsmWithGdal(const QString& path, const SpeedProfile& profile, const OsmExtractOptions& options = {},
                                ExtractStats* stats = nullptr);

// True when the file name looks like an OpenStreetMap file.
bool isOsmFile(const QString& path);

}  // namespace maillage
