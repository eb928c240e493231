#pragma once

#include "network/network_input.h"

#include <QByteArray>
#include <QRegularExpression>
#include <QString>

#include <array>
#include <optional>
#include <vector>

namespace maillage {

// Overrides the class read from the data when the road reference matches a pattern.
// Generalised networks such as TravelMapping's assign classes per region ("D" roads are
// "motorway" in one region and "secondary" in the next), while French references carry the
// administrative class reliably: A = autoroute, N = nationale, D = départementale.
struct RefClassRule {
    QRegularExpression pattern;  // matched against the whole reference, case-insensitive
    RoadClass roadClass = RoadClass::Unknown;
};

// How fast a car goes on each kind of road, read from a JSON file (data/profiles/*.json).
// An edge's time is   metres × detourFactor / speed,   where speed is the class speed, or
// the tagged maxspeed × maxspeedFactor (capped) when the profile uses maxspeed.
struct SpeedProfile {
    QString name;
    QString sourceFile;  // file or resource it was read from, for messages
    QString description;

    std::array<double, kRoadClassCount> classKmh{};  // typical driving speed per class

    bool useMaxspeed = false;
    double maxspeedFactor = 1.0;  // tagged limits are maxima; traffic, bends and junctions lower them
    double maxspeedCapKmh = 130.0;

    // Real road length / length of the polyline in the data. 1 for detailed data (OSM);
    // above 1 for networks drawn as straight lines between distant waypoints.
    double detourFactor = 1.0;

    std::vector<RefClassRule> refClasses;

    // Bends (network/curvature.h): on detailed networks, where every bend is in the geometry,
    // the speed in a bend of radius R is at most √(lateralAccelerationMs2 × R), R measured on
    // the shape over a chord of 2 × curvatureHalfChordMetres. 0: no bend limit (coarse
    // networks, whose straight lines between waypoints have no bends to measure).
    // JSON "curvature": {"lateral_acceleration_ms2", "half_chord_m"}.
    double lateralAccelerationMs2 = 0.0;
    double curvatureHalfChordMetres = 25.0;

    // Built-up streets (network/built_up.h): where at least builtUpMinJunctions street
    // junctions lie within builtUpRadiusMetres, no road is driven faster than builtUpKmh
    // (villages and towns, read from the network's junction density). 0: no built-up speed.
    // JSON "built_up": {"speed_kmh", "radius_m", "min_junctions"}.
    double builtUpKmh = 0.0;
    double builtUpRadiusMetres = 200.0;
    int builtUpMinJunctions = 6;

    // Off-network leg from a point (town hall, grid cell) to its snapped position.
    double accessKmh = 30.0;
    double accessDetour = 1.3;
    double maxSnapMetres = 5000.0;
    // Fixed time at each end of a trip: getting out of the starting village, through the
    // destination's town centre and parked. Coarse networks run straight through towns at
    // road speed and miss this; detailed networks hold most of it in their slow streets.
    double terminalSeconds = 0.0;
    // Multi-entry access (network/snapping.h, SnapOptions): a place also joins up to
    // accessMaxEntries - 1 other roads within its nearest road's distance + this radius, and
    // reaches places that close directly. JSON "access": {"entry_radius_m", "max_entries"}.
    // 0 (the default): the nearest road only, as suits detailed networks.
    double accessEntryRadiusMetres = 0.0;
    int accessMaxEntries = 1;

    // Town connectors for coarse networks (see network/town_connectors.h): a town's streets
    // link every road within   clamp(townMetresPerSqrtInhabitant × √population, min, max)
    // of its town hall (a built-up area of roughly constant density). 0: no connectors.
    double townMetresPerSqrtInhabitant = 0.0;
    double townMinMetres = 300.0;
    double townMaxMetres = 3000.0;
    double townRadiusMetres(double population) const;

    double speedKmh(RoadClass roadClass) const { return classKmh[static_cast<int>(roadClass)]; }

    // Driving speed on an edge of that class, with the tagged maxspeed (km/h) when known.
    double edgeKmh(RoadClass roadClass, std::optional<double> maxspeedKmh = std::nullopt) const;

    // Estimated real length of a polyline of `shapeMetres` in the data.
    double roadMetres(double shapeMetres) const { return shapeMetres * detourFactor; }

    // Seconds to drive `roadMetres` (already including the detour) at `kmh`.
    static double secondsFor(double roadMetres, double kmh) { return roadMetres / (kmh / 3.6); }

    // Seconds of the off-network leg for a straight-line distance in metres, with the
    // terminal time of that end included.
    double accessSeconds(double straightMetres) const;
    double accessMetres(double straightMetres) const { return straightMetres * accessDetour; }

    // The class after applying refClasses to the road reference.
    RoadClass classForRef(RoadClass fromData, const QString& ref) const;
};

// Parses a profile; `origin` names the file in error messages. Throws Error naming the
// origin and the key at fault (bad JSON, unknown class, speed <= 0, detour < 1...).
SpeedProfile parseSpeedProfile(const QByteArray& json, const QString& origin);

// Loads a profile by name ("osm", "generalised": the ones shipped in data/profiles, also
// reachable as ":/data/profiles/<name>.json") or by file path.
SpeedProfile loadSpeedProfile(const QString& nameOrPath);

// Names of the profiles shipped with the program.
QStringList builtinProfileNames();

// Class names as written in profiles and OSM ("motorway", "primary_link"...).
QString roadClassName(RoadClass roadClass);
std::optional<RoadClass> roadClassFromName(const QString& name);

// Parses an OSM maxspeed value into km/h: "50", "50 mph", "FR:urban", "FR:rural",
// "FR:motorway", "walk"... Returns nullopt for "none", "signals", "variable" or garbage.
std::optional<double> parseMaxspeed(const QString& value);

}  // namespace maillage
