#include "coverage/gap_zones.h"

#include "common/error.h"
#include "coverage/grid.h"
#include "coverage/mem_raster.h"
#include "geo/territory.h"

#include <ogr_geometry.h>

#include <algorithm>
#include <cmath>
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

    // Outlines: whole zones to be clipped by each commune, or the cells of each piece as they are.
    std::map<std::pair<int, int>, int> pieceId;
    std::vector<std::int32_t> outlineValues;
    if (options.clipToCommunes) {
        outlineValues = zoneOfRaster;
    } else {
        outlineValues.assign(grid.rasterSize(), 0);
        for (auto& [key, stats] : pieces) pieceId.emplace(key, int(pieceId.size()) + 1);
        for (std::size_t i = 0; i < grid.cellCount(); ++i) {
            const std::uint32_t r = grid.rasterIndex(i);
            if (zoneOfRaster[r]) outlineValues[r] = pieceId[{zoneOfRaster[r], grid.communeOf(i)}];
        }
    }
    auto outlines = polygonize(outlineValues, grid.columns(), grid.rows(), grid.geoTransform(), 0);

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

        std::unique_ptr<OGRMultiPolygon> geometry;
        if (options.clipToCommunes) {
            const auto outline = outlines.find(zoneNumber);
            if (outline != outlines.end() && commune.geometry) {
                std::unique_ptr<OGRGeometry> clipped(outline->second->Intersection(commune.geometry.get()));
                geometry = polygonalPart(clipped.get());
            }
        } else {
            const auto outline = outlines.find(pieceId[key]);
            if (outline != outlines.end()) geometry = std::move(outline->second);
        }
        if (!geometry) geometry = std::make_unique<OGRMultiPolygon>();
        // A failed clip (GEOS error) leaves no polygon: fall back on the cells' area.
        zone.areaKm2 = geometry->IsEmpty() ? stats.cells * grid.cellAreaKm2() : areaKm2(*geometry);
        zone.geometry = std::move(geometry);
        zones.push_back(std::move(zone));
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
                                                 const std::vector<double>& breaks, bool clipToOutline)
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

    for (std::size_t b = 0; b < bands.size(); ++b) {
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
    }
    return bands;
}

}  // namespace maillage
