#include "coverage/gap_zones.h"

#include "common/error.h"
#include "coverage/grid.h"
#include "coverage/mem_raster.h"
#include "coverage/parallel.h"
#include "geo/territory.h"

#include <ogr_geometry.h>

#include <algorithm>
#include <cmath>
#include <array>
#include <limits>
#include <map>

namespace maillage {

namespace {

void requireSurfaceMatchesGrid(const CoverageGrid& grid, std::span<const float> cellMinutes)
{
    if (cellMinutes.size() != grid.cellCount())
        throw Error(QStringLiteral("the travel-time surface has %1 cells but the grid has %2")
                        .arg(cellMinutes.size()).arg(grid.cellCount()));
}

// Labels the 4-connected regions of flagged raster cells 1, 2, ... (0 elsewhere).
std::vector<std::int32_t> labelRegions(const std::vector<std::uint8_t>& flagged, int columns, int rows)
{
    std::vector<std::int32_t> label(flagged.size(), 0);
    std::vector<std::uint32_t> stack;
    std::int32_t next = 0;
    for (std::uint32_t start = 0; start < flagged.size(); ++start) {
        if (!flagged[start] || label[start]) continue;
        label[start] = ++next;
        stack.push_back(start);
        while (!stack.empty()) {
            const std::uint32_t r = stack.back();
            stack.pop_back();
            const int row = int(r / std::uint32_t(columns));
            const int column = int(r % std::uint32_t(columns));
            const auto visit = [&](std::uint32_t n) {
                if (flagged[n] && !label[n]) {
                    label[n] = next;
                    stack.push_back(n);
                }
            };
            if (column > 0) visit(r - 1);
            if (column + 1 < columns) visit(r + 1);
            if (row > 0) visit(r - std::uint32_t(columns));
            if (row + 1 < rows) visit(r + std::uint32_t(columns));
        }
    }
    return label;
}

struct PieceStats {
    int cells = 0;
    int unreachable = 0;
    double sumMinutes = 0.0;
    float maxMinutes = -1.0f;
};

double areaKm2(const OGRMultiPolygon& geometry) { return geometry.get_Area() / 1e6; }

QString bandLabel(double from, double to)
{
    if (std::isinf(to)) return QStringLiteral("> %1 min").arg(from);
    return QStringLiteral("%1–%2 min").arg(from).arg(to);
}

// The stair-step outline of each piece's own cells: one polygonisation, no overlay.
void shapeCellPieces(const CoverageGrid& grid, const std::vector<std::int32_t>& zoneOfRaster, std::vector<GapZone>& zones)
{
    std::map<std::pair<int, int>, int> pieceId;
    for (std::size_t z = 0; z < zones.size(); ++z) pieceId.emplace(std::pair(zones[z].zone, zones[z].commune), int(z) + 1);
    std::vector<std::int32_t> values(grid.rasterSize(), 0);
    for (std::size_t i = 0; i < grid.cellCount(); ++i) {
        const std::uint32_t r = grid.rasterIndex(i);
        if (zoneOfRaster[r]) values[r] = pieceId[{zoneOfRaster[r], grid.communeOf(i)}];
    }
    auto outlines = polygonize(values, grid.columns(), grid.rows(), grid.geoTransform(), 0);
    for (std::size_t z = 0; z < zones.size(); ++z) {
        const auto outline = outlines.find(std::int32_t(z + 1));
        zones[z].geometry = outline != outlines.end() ? std::move(outline->second) : std::make_unique<OGRMultiPolygon>();
    }
}

// Pieces clipped to their commune's boundary. Per commune, the cells of its zones in a window
// around the commune (one cell of margin: a commune reaches up to half a cell past the cells
// whose centre it holds, and those parts belong to neighbouring cells) are polygonised and
// intersected with the commune. The overlays stay the size of a commune instead of a zone
// that may cross half the département; communes are independent, hence shared by threads.
void shapeClippedPieces(const Territory& territory, const CoverageGrid& grid,
                        const std::vector<std::int32_t>& zoneOfRaster, int threads, std::vector<GapZone>& zones)
{
    struct Window {
        int row0 = std::numeric_limits<int>::max(), row1 = -1, column0 = std::numeric_limits<int>::max(), column1 = -1;
    };
    std::map<int, std::vector<std::size_t>> piecesOfCommune;
    for (std::size_t z = 0; z < zones.size(); ++z) piecesOfCommune[zones[z].commune].push_back(z);
    std::map<int, Window> windows;
    for (const auto& [commune, pieceList] : piecesOfCommune) windows[commune];
    const auto columns = std::uint32_t(grid.columns());
    for (std::size_t i = 0; i < grid.cellCount(); ++i) {
        const auto found = windows.find(grid.communeOf(i));
        if (found == windows.end()) continue;
        const int row = int(grid.rasterIndex(i) / columns), column = int(grid.rasterIndex(i) % columns);
        Window& w = found->second;
        w.row0 = std::min(w.row0, row);
        w.row1 = std::max(w.row1, row);
        w.column0 = std::min(w.column0, column);
        w.column1 = std::max(w.column1, column);
    }
    std::vector<int> communes;
    for (const auto& [commune, pieceList] : piecesOfCommune) communes.push_back(commune);

    parallelFor(communes.size(), threads, [&](std::size_t k) {
        const int communeIndex = communes[k];
        const std::vector<std::size_t>& pieceList = piecesOfCommune.at(communeIndex);
        const Commune& commune = territory.communes[std::size_t(communeIndex)];
        Window w = windows.at(communeIndex);
        w.row0 = std::max(0, w.row0 - 1);
        w.column0 = std::max(0, w.column0 - 1);
        w.row1 = std::min(grid.rows() - 1, w.row1 + 1);
        w.column1 = std::min(grid.columns() - 1, w.column1 + 1);
        const int width = w.column1 - w.column0 + 1, height = w.row1 - w.row0 + 1;

        std::vector<std::int32_t> labels;
        for (std::size_t z : pieceList) labels.push_back(zones[z].zone);
        std::vector<std::int32_t> values(std::size_t(width) * std::size_t(height), 0);
        for (int row = 0; row < height; ++row)
            for (int column = 0; column < width; ++column) {
                const std::int32_t label = zoneOfRaster[std::size_t(row + w.row0) * columns + std::size_t(column + w.column0)];
                if (label && std::find(labels.begin(), labels.end(), label) != labels.end())
                    values[std::size_t(row) * std::size_t(width) + std::size_t(column)] = label;
            }
        std::array<double, 6> transform = grid.geoTransform();
        transform[0] += w.column0 * grid.cellSize();
        transform[3] -= w.row0 * grid.cellSize();
        auto outlines = polygonize(values, width, height, transform, 0);
        for (std::size_t z : pieceList) {
            std::unique_ptr<OGRMultiPolygon> geometry;
            const auto outline = outlines.find(zones[z].zone);
            if (outline != outlines.end() && commune.geometry) {
                std::unique_ptr<OGRGeometry> clipped(outline->second->Intersection(commune.geometry.get()));
                geometry = polygonalPart(clipped.get());
            }
            zones[z].geometry = geometry ? std::move(geometry) : std::make_unique<OGRMultiPolygon>();
        }
    });
}

}  // namespace

void requireValidThreshold(double thresholdMinutes)
{
    if (!(thresholdMinutes > 0.0) || !std::isfinite(thresholdMinutes))
        throw Error(QStringLiteral("the threshold must be a positive number of minutes (got %1)").arg(thresholdMinutes));
}

std::vector<GapZone> computeGapZones(const Territory& territory, const CoverageGrid& grid,
                                     std::span<const float> cellMinutes, const GapZoneOptions& options)
{
    requireValidThreshold(options.thresholdMinutes);
    requireSurfaceMatchesGrid(grid, cellMinutes);
    const float threshold = float(options.thresholdMinutes);

    std::vector<std::uint8_t> beyond(grid.rasterSize(), 0);
    for (std::size_t i = 0; i < grid.cellCount(); ++i)
        if (!(cellMinutes[i] <= threshold)) beyond[grid.rasterIndex(i)] = 1;  // NaN counts as beyond
    const std::vector<std::int32_t> zoneOfRaster = labelRegions(beyond, grid.columns(), grid.rows());

    // Statistics per (zone, commune) piece, from the cells.
    std::map<std::pair<int, int>, PieceStats> pieces;
    for (std::size_t i = 0; i < grid.cellCount(); ++i) {
        const std::int32_t zone = zoneOfRaster[grid.rasterIndex(i)];
        if (!zone) continue;
        PieceStats& stats = pieces[{zone, grid.communeOf(i)}];
        ++stats.cells;
        if (std::isfinite(cellMinutes[i])) {
            stats.sumMinutes += cellMinutes[i];
            stats.maxMinutes = std::max(stats.maxMinutes, cellMinutes[i]);
        } else {
            ++stats.unreachable;
        }
    }
    if (pieces.empty()) return {};

    std::vector<GapZone> zones;
    zones.reserve(pieces.size());
    for (const auto& [key, stats] : pieces) {
        const auto [zoneNumber, communeIndex] = key;
        const Commune& commune = territory.communes[std::size_t(communeIndex)];
        GapZone zone;
        zone.zone = zoneNumber;
        zone.commune = communeIndex;
        zone.communeInsee = commune.insee;
        zone.communeName = commune.name;
        zone.epciSiren = commune.epciSiren;
        if (const Epci* epci = territory.epci(commune.epciSiren)) zone.epciName = epci->name;
        zone.cells = stats.cells;
        zone.unreachableCells = stats.unreachable;
        const int reachable = stats.cells - stats.unreachable;
        if (reachable > 0) {
            zone.maxMinutes = stats.maxMinutes;
            zone.meanMinutes = float(stats.sumMinutes / reachable);
        }
        zones.push_back(std::move(zone));
    }

    if (options.clipToCommunes)
        shapeClippedPieces(territory, grid, zoneOfRaster, options.threads, zones);
    else
        shapeCellPieces(grid, zoneOfRaster, zones);
    for (GapZone& zone : zones) {
        // A failed clip (GEOS error) leaves no polygon: fall back on the cells' area.
        zone.areaKm2 = zone.geometry->IsEmpty() ? zone.cells * grid.cellAreaKm2() : areaKm2(*zone.geometry);
    }
    return zones;
}

std::vector<double> defaultBandBreaks() { return {10.0, 20.0, 30.0}; }

void requireValidBandBreaks(const std::vector<double>& breaks)
{
    for (std::size_t i = 0; i < breaks.size(); ++i) {
        if (!(breaks[i] > 0.0) || !std::isfinite(breaks[i]) || (i > 0 && !(breaks[i] > breaks[i - 1])))
            throw Error(QStringLiteral("isochrone band limits must be positive minutes in increasing order"));
    }
}

std::vector<IsochroneBand> computeIsochroneBands(const Territory& territory, const CoverageGrid& grid,
                                                 std::span<const float> cellMinutes,
                                                 const std::vector<double>& breaks, bool clipToOutline, int threads)
{
    requireValidBandBreaks(breaks);
    requireSurfaceMatchesGrid(grid, cellMinutes);

    std::vector<IsochroneBand> bands(breaks.size() + 1);
    for (std::size_t b = 0; b < bands.size(); ++b) {
        bands[b].fromMinutes = b == 0 ? 0.0 : breaks[b - 1];
        bands[b].toMinutes = b < breaks.size() ? breaks[b] : std::numeric_limits<double>::infinity();
        bands[b].label = bandLabel(bands[b].fromMinutes, bands[b].toMinutes);
    }

    std::vector<std::int32_t> bandOfRaster(grid.rasterSize(), 0);
    for (std::size_t i = 0; i < grid.cellCount(); ++i) {
        const double minutes = cellMinutes[i];
        const auto band = std::size_t(std::upper_bound(breaks.begin(), breaks.end(), minutes) - breaks.begin());
        // NaN compares false everywhere: put it with the unreachable cells in the last band.
        const std::size_t index = std::isnan(minutes) ? breaks.size() : band;
        bandOfRaster[grid.rasterIndex(i)] = std::int32_t(index + 1);
        ++bands[index].cells;
    }
    auto outlines = polygonize(bandOfRaster, grid.columns(), grid.rows(), grid.geoTransform(), 0);

    parallelFor(bands.size(), threads, [&](std::size_t b) {
        std::unique_ptr<OGRMultiPolygon> geometry;
        const auto outline = outlines.find(std::int32_t(b + 1));
        if (outline != outlines.end()) {
            if (clipToOutline && territory.outline) {
                std::unique_ptr<OGRGeometry> clipped(outline->second->Intersection(territory.outline.get()));
                geometry = polygonalPart(clipped.get());
            } else {
                geometry = std::move(outline->second);
            }
        }
        if (!geometry) geometry = std::make_unique<OGRMultiPolygon>();
        bands[b].areaKm2 = geometry->IsEmpty() ? bands[b].cells * grid.cellAreaKm2() : areaKm2(*geometry);
        bands[b].geometry = std::move(geometry);
    });
    return bands;
}

}  // namespace maillage
