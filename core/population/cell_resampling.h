#pragma once

#include "population/population_pieces.h"

#include <QtGlobal>

#include <cstdint>
#include <span>
#include <vector>

namespace maillage {

// The project's grid as the population layer sees it (coverage/grid.h builds it): north-up
// Lambert-93 cells, and which raster positions are cells of the territory.
struct CellFrame {
    double west = 0.0;                       // x of the grid's western edge (Lambert-93 metres)
    double north = 0.0;                      // y of the grid's northern edge (Lambert-93 metres)
    double cellSize = 0.0;                   // side of a square cell, metres
    int columns = 0;                         // raster positions from west to east
    int rows = 0;                            // raster positions from north to south
    std::vector<std::int32_t> cellOfRaster;  // cell index per raster position (row-major), -1 outside
    std::size_t cellCount = 0;
};

// Per cell: the people (or weights) of the pieces on it. A square or polygon is shared
// between the cells it overlaps in proportion to the overlapping area (INSEE's squares are
// on EPSG:3035 and do not line up with Lambert-93 cells); a point goes to the cell holding
// it. What falls outside the territory's cells is dropped (the rescaling per commune gives
// it back to the commune's cells).
std::vector<double> resampleOnCells(const PopulationPieces& pieces, const CellFrame& frame);

// Area of the intersection of a convex quadrilateral with an axis-aligned rectangle.
double quadRectangleOverlap(const std::array<XY, 4>& quad, const BBox& rectangle);

// Per cell people such that each commune's cells sum to its legal population. A commune's
// cells get its population in proportion to `weights`; a commune whose cells have no weight
// at all falls back to `fallbackWeights` (the spread) and is flagged in `fellBack` (per
// commune). A commune with no cell is left to its town hall by the caller.
std::vector<double> rescalePerCommune(std::span<const double> weights, std::span<const double> fallbackWeights,
                                      std::span<const std::int32_t> communeOfCell, std::span<const qint64> legalPopulation,
                                      std::vector<std::uint8_t>* fellBack = nullptr);

}  // namespace maillage
