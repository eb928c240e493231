#pragma once

#include "common/memory_budget.h"
#include "geo/types.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace maillage {

class Territory;

// A regular Lambert-93 grid over the territory, the support of the travel-time surface.
//
// Cells are square, `cellSize` metres wide, and aligned on multiples of the cell size (so two
// runs, or two départements, share the same cell edges). A cell belongs to the commune that
// contains its centre (GDAL rasterisation, cell-centre rule); cells whose centre lies in no
// commune are outside the territory and are never counted.
//
// Two numberings are used:
// - the *raster index* r = row * columns + column, row 0 at the north edge (GDAL order);
// - the *cell index* i in [0, cellCount()), over the cells inside the territory only, in
//   raster order. Per-cell data (times, population) is stored by cell index.
class CoverageGrid {
public:
    static constexpr double kDefaultCellSize = 200.0;
    static constexpr std::int32_t kOutside = -1;

    // Rasterises the territory's communes. Throws Error for a non-positive cell size, an
    // empty territory, or a grid that would be unreasonably large (> 50 million cells) or need
    // more memory than memoryBudgetBytes() (checked before allocating; the message says how
    // many cells, how much memory, and the smallest cell size that fits).
    static CoverageGrid build(const Territory& territory, double cellSize = kDefaultCellSize);
    // The same checks as build(), without building: lets a command refuse a grid before it
    // spends time loading the network.
    static void requireFits(const Territory& territory, double cellSize = kDefaultCellSize);

    double cellSize() const { return cellSize_; }
    double cellAreaKm2() const { return cellSize_ * cellSize_ / 1e6; }
    int columns() const { return columns_; }
    int rows() const { return rows_; }
    std::size_t rasterSize() const { return std::size_t(columns_) * std::size_t(rows_); }
    double west() const { return west_; }    // x of the western edge
    double north() const { return north_; }  // y of the northern edge
    BBox extent() const;

    // GDAL geotransform of the raster (north-up).
    std::array<double, 6> geoTransform() const;

    // Cells inside the territory.
    std::size_t cellCount() const { return rasterIndex_.size(); }
    std::uint32_t rasterIndex(std::size_t cell) const { return rasterIndex_[cell]; }
    const std::vector<std::uint32_t>& rasterIndices() const { return rasterIndex_; }
    // Index of the commune in Territory::communes.
    std::int32_t communeOf(std::size_t cell) const { return commune_[cell]; }
    const std::vector<std::int32_t>& communes() const { return commune_; }
    XY centre(std::size_t cell) const { return rasterCentre(rasterIndex_[cell]); }

    // Per commune (Territory::communes order): how many cells it holds. A commune smaller
    // than a cell may hold none.
    const std::vector<int>& cellsPerCommune() const { return cellsPerCommune_; }

    // Raster-level access.
    XY rasterCentre(std::uint32_t rasterIndex) const;
    // The cell index at a raster position, or nullopt outside the territory.
    std::optional<std::size_t> cellAtRaster(std::uint32_t rasterIndex) const;
    // The cell containing p, or nullopt when p is outside the grid or the territory.
    std::optional<std::size_t> cellAt(XY p) const;

    // Places a per-cell vector on the full raster (row-major), `outside` elsewhere.
    template <typename T>
    std::vector<T> toRaster(const std::vector<T>& perCell, T outside) const
    {
        std::vector<T> raster(rasterSize(), outside);
        for (std::size_t i = 0; i < rasterIndex_.size(); ++i) raster[rasterIndex_[i]] = perCell[i];
        return raster;
    }

private:
    double cellSize_ = kDefaultCellSize;
    double west_ = 0.0;
    double north_ = 0.0;
    int columns_ = 0;
    int rows_ = 0;
    std::vector<std::uint32_t> rasterIndex_;
    std::vector<std::int32_t> commune_;
    std::vector<std::int32_t> cellOfRaster_;  // cell index per raster cell, -1 outside
    std::vector<int> cellsPerCommune_;
};

}  // namespace maillage
