#include "coverage/grid.h"

#include "common/error.h"
#include "coverage/mem_raster.h"
#include "geo/territory.h"
#include "io/ogr_source.h"

#include <gdal_alg.h>
#include <gdal_priv.h>
#include <ogr_geometry.h>

#include <algorithm>
#include <cmath>

namespace maillage {

namespace {
constexpr double kMaxCells = 50e6;

// What a coverage run holds per cell of the grid's rectangle (the rasterised communes, the
// cell tables, the travel-time surface, the bands and gap-zone rasters), measured: peak
// resident memory of `maillage coverage` on the 04 data, 116 MB at 200 m and 253 MB at 100 m,
// for 0.99 million more cells in the rectangle: 137 bytes each. A 17 m grid (45.8 million
// cells) would need 6.4 GB.
constexpr double kBytesPerCell = 140.0;

// Stops before allocating a grid the machine cannot hold (a 17 m grid took 5.4 GB).
void requireMemoryFor(double cells, double cellSize)
{
    const double needed = cells * kBytesPerCell;
    const double budget = double(memoryBudgetBytes());
    if (needed <= budget) return;
    // The smallest cell size that fits, rounded up to the metre.
    const double fitting = std::ceil(cellSize * std::sqrt(needed / budget));
    throw Error(
        QStringLiteral("a %1 m grid over this territory would have %2 million cells and need about %3 GB of memory, "
                       "more than the %4 GB allowed (set MAILLAGE_MEMORY_MB to change it); choose cells of %5 m or more")
            .arg(cellSize)
            .arg(cells / 1e6, 0, 'f', 1)
            .arg(needed / 1e9, 0, 'f', 1)
            .arg(budget / 1e9, 0, 'f', 1)
            .arg(fitting));
}

}  // namespace

namespace {
// The grid's rectangle: aligned on multiples of the cell size, so that cell edges do not
// depend on the extent.
struct GridFrame {
    double west = 0, north = 0, columns = 0, rows = 0;
};

GridFrame gridFrame(const Territory& territory, double cellSize)
{
    if (!(cellSize > 0.0) || !std::isfinite(cellSize))
        throw Error(QStringLiteral("the grid cell size must be a positive number of metres (got %1)").arg(cellSize));
    BBox box;
    for (const Commune& c : territory.communes) box.expand(c.bbox);
    if (territory.communes.empty() || box.isEmpty())
        throw Error(QStringLiteral("cannot build a grid: the territory has no commune"));
    GridFrame frame;
    frame.west = std::floor(box.minX / cellSize) * cellSize;
    frame.north = std::ceil(box.maxY / cellSize) * cellSize;
    const double east = std::ceil(box.maxX / cellSize) * cellSize;
    const double south = std::floor(box.minY / cellSize) * cellSize;
    frame.columns = std::max(1.0, std::round((east - frame.west) / cellSize));
    frame.rows = std::max(1.0, std::round((frame.north - south) / cellSize));
    // The memory check first: its message says how many cells and how much memory (--cell 1
    // over a département: 13,000 million cells, 1,800 GB).
    requireMemoryFor(frame.columns * frame.rows, cellSize);
    if (frame.columns * frame.rows > kMaxCells)
        throw Error(QStringLiteral("a %1 m grid over this territory would have %2 million cells; choose a larger cell size")
                        .arg(cellSize)
                        .arg(frame.columns * frame.rows / 1e6, 0, 'f', 1));
    return frame;
}
}  // namespace

void CoverageGrid::requireFits(const Territory& territory, double cellSize) { gridFrame(territory, cellSize); }

CoverageGrid CoverageGrid::build(const Territory& territory, double cellSize)
{
    const GridFrame frame = gridFrame(territory, cellSize);
    CoverageGrid grid;
    grid.cellSize_ = cellSize;
    grid.west_ = frame.west;
    grid.north_ = frame.north;
    grid.columns_ = int(frame.columns);
    grid.rows_ = int(frame.rows);

    // Burn each commune's index (+1, so 0 means outside) with GDAL's default cell-centre rule.
    GdalDatasetPtr raster = createMemRaster(grid.columns_, grid.rows_, GDT_Int32, grid.geoTransform());
    std::vector<OGRGeometryH> geometries;
    std::vector<double> burnValues;
    for (std::size_t i = 0; i < territory.communes.size(); ++i) {
        const Commune& commune = territory.communes[i];
        if (!commune.geometry) continue;
        // GDAL's C API takes non-const handles but only reads the geometries.
        geometries.push_back(OGRGeometry::ToHandle(const_cast<OGRGeometry*>(commune.geometry.get())));
        burnValues.push_back(double(i + 1));
    }
    int band = 1;
    const CPLErr status =
        GDALRasterizeGeometries(GDALDataset::ToHandle(raster.get()), 1, &band, int(geometries.size()), geometries.data(),
                                nullptr, nullptr, burnValues.data(), nullptr, nullptr, nullptr);
    if (status != CE_None) throw Error(QStringLiteral("cannot rasterise the communes on the grid: %1").arg(lastGdalError()));

    std::vector<std::int32_t> burnt(grid.rasterSize(), 0);
    if (raster->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, grid.columns_, grid.rows_, burnt.data(), grid.columns_, grid.rows_,
                                           GDT_Int32, 0, 0)
        != CE_None)
        throw Error(QStringLiteral("cannot read the rasterised communes back: %1").arg(lastGdalError()));

    grid.cellOfRaster_.assign(grid.rasterSize(), -1);
    grid.cellsPerCommune_.assign(territory.communes.size(), 0);
    for (std::size_t r = 0; r < burnt.size(); ++r) {
        if (burnt[r] <= 0) continue;
        const std::int32_t commune = burnt[r] - 1;
        grid.cellOfRaster_[r] = std::int32_t(grid.rasterIndex_.size());
        grid.rasterIndex_.push_back(std::uint32_t(r));
        grid.commune_.push_back(commune);
        ++grid.cellsPerCommune_[std::size_t(commune)];
    }
    return grid;
}

BBox CoverageGrid::extent() const
{
    BBox box;
    box.expand(XY{west_, north_ - rows_ * cellSize_});
    box.expand(XY{west_ + columns_ * cellSize_, north_});
    return box;
}

std::array<double, 6> CoverageGrid::geoTransform() const { return {west_, cellSize_, 0.0, north_, 0.0, -cellSize_}; }

XY CoverageGrid::rasterCentre(std::uint32_t rasterIndex) const
{
    const int row = int(rasterIndex / std::uint32_t(columns_));
    const int column = int(rasterIndex % std::uint32_t(columns_));
    return {west_ + (column + 0.5) * cellSize_, north_ - (row + 0.5) * cellSize_};
}

std::optional<std::size_t> CoverageGrid::cellAtRaster(std::uint32_t rasterIndex) const
{
    if (rasterIndex >= cellOfRaster_.size() || cellOfRaster_[rasterIndex] < 0) return std::nullopt;
    return std::size_t(cellOfRaster_[rasterIndex]);
}

std::optional<std::size_t> CoverageGrid::cellAt(XY p) const
{
    const double column = std::floor((p.x - west_) / cellSize_);
    const double row = std::floor((north_ - p.y) / cellSize_);
    if (!(column >= 0 && column < columns_ && row >= 0 && row < rows_)) return std::nullopt;
    return cellAtRaster(std::uint32_t(row) * std::uint32_t(columns_) + std::uint32_t(column));
}

}  // namespace maillage
