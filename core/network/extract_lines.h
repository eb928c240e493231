#pragma once

#include "network/extract_osm.h"
#include "network/network_builder.h"
#include "network/network_input.h"
#include "network/speed_profile.h"

#include <QString>

#include <optional>

namespace maillage {

// How to read a road network from any OGR line layer (GeoPackage, Shapefile, GeoJSON...).
struct LineLayerOptions {
    QString layer;                                 // empty: the first layer
    QString classField = QStringLiteral("class");  // required
    QString refField = QStringLiteral("ref");      // optional: used when the layer has it
    QString speedField;                            // optional, km/h; replaces the profile's speed when > 0
    // Optional; see parseOnewayValue. Empty: the layer's "oneway" field when it has one (as
    // OpenStreetMap-derived layers do); "none": every road two-way.
    QString onewayField;
    // Vertices closer than this are one node. Tiled data (OpenStreetMap through vector tiles)
    // cuts lines at tile edges and quantises coordinates to about 0.4 m, so the two ends of a
    // cut are up to about 1 m apart: 1.5 m joins them, and is still far below the distance
    // between two real junctions.
    double mergeToleranceMetres = 1.5;
    ExtractProgress progress;
};

// Maps a class value of a line layer to a road class: OSM names ("primary", "motorway_link"),
// French administrative and functional classes ("Autoroute", "Nationale", "Départementale",
// "Type autoroutier", "Liaison principale", "Liaison régionale", "Liaison locale", "Bretelle",
// "Communale"...), case and accents ignored. nullopt: not understood (kept as Unknown).
// `notForCars` is set for footway, cycleway, path, steps, pedestrian...
std::optional<RoadClass> roadClassFromValue(const QString& value, bool* notForCars = nullptr);

// Direction of a oneway value: 0 both ways ("", "no", "0", "false", "B", "Double sens"),
// 1 along the line ("yes", "1", "true", "FT", "Sens direct", "Sens unique"), -1 against it
// ("-1", "reverse", "TF", "Sens inverse"). nullopt for anything else.
std::optional<int> parseOnewayValue(const QString& value);

// Reads a line layer in any CRS, reprojects it to Lambert-93, merges vertices within the
// tolerance (a hash grid), splits lines at every vertex shared with another line, and applies
// the profile. Throws Error naming the file, layer and field when the class field is missing,
// and "no car roads in <file>" when no usable line remains.
NetworkInput extractLines(const QString& path, const SpeedProfile& profile, const LineLayerOptions& options = {},
                          ExtractStats* stats = nullptr);

// Reads any network file: OpenStreetMap files through extractOsm, anything else through
// extractLines.
NetworkInput extractNetwork(const QString& path, const SpeedProfile& profile, const LineLayerOptions& lineOptions = {},
                            const OsmExtractOptions& osmOptions = {}, ExtractStats* stats = nullptr);

}  // namespace maillage
