#pragma once

#include "population/cell_resampling.h"
#include "population/population_method.h"
#include "population/population_pieces.h"

#include <QString>

#include <vector>

namespace maillage {

// A population source a project names: its file and how to read it.
struct PopulationInput {
    PopulationMethod method = PopulationMethod::Grid;  // Grid or Buildings
    QString path{};
    QString layer{};
    QString valueField{};      // grid: the people field when it is not INSEE's
    QString rectanglesPath{};  // grid: INSEE 2010 rectangles file
    double minimumBuildingAreaM2 = BuildingOptions::kDefaultMinimumBuildingAreaM2;

    bool isSet() const { return !path.isEmpty(); }
};

// The per-cell people (grid) or weights (buildings) of a source on a grid, before the
// rescaling per commune.
struct CellWeights {
    PopulationMethod method = PopulationMethod::Grid;
    std::vector<double> perCell;
    QString description;  // what was read, e.g. "INSEE 200 m squares (…): 10,610 squares, …"
    bool fromCache = false;
};

// Reads the source and places it on the grid, or takes the result of an earlier run from
// the cache. Reading a file is paid once: the result is cached (in the user's cache folder,
// under `cacheDirectory` when given) keyed by the file (path, size, modification time), the
// reading options and the grid (cell size, origin, territory's cells), so every later opening
// of the project, and every recompute, reuses it. A cache that cannot be written is not an error.
CellWeights cellWeightsFor(const PopulationInput& input, const CellFrame& frame, const QString& cacheDirectory = {});

// Reads the pieces of a source (no cache), limited to `area` (Lambert-93).
PopulationPieces readPopulationInput(const PopulationInput& input, const std::optional<BBox>& area);

}  // namespace maillage
