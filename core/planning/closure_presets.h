#pragma once

#include "store/scenarios.h"

#include <QString>

#include <vector>

namespace maillage {

// A named set of road closures planners apply together, e.g. the passes of a département
// closed in winter. Kept as JSON in data/closures/ (built into the program):
//   {"name": "...", "name_en": "...", "description": "...", "departement": "04",
//    "source": "...", "closures": [{"ref": "D908", "near": [lat, lon], "radius_km": 6, "note": "Col d'Allos"},
//                                  {"at": [lat, lon], "note": "Col de la Bonette"}, ...]}
// A closure names a road reference, optionally only within radius_km of a place (WGS84), or a
// place: the road segment nearest to it (for a road the network carries without its number).
struct ClosurePreset {
    QString id;    // the file name without .json, e.g. "hiver-04"
    QString name;  // French
    QString nameEn;
    QString description;
    QString departement;
    QString source;                     // where the closures come from (see data/closures/README.md)
    std::vector<RoadClosure> closures;  // method Ref or Position, centre in Lambert-93
};

// Reads a preset file; throws Error naming the file and the closure at fault.
ClosurePreset readClosurePreset(const QString& path);

// The presets built into the program (data/closures/*.json), by id.
std::vector<ClosurePreset> builtinClosurePresets();

}  // namespace maillage
