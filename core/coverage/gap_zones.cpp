#include "coverage/gap_zones.h"

#include "common/error.h"
#include "coverage/grid.h"
#include "coverage/mem_raster.h"
#include "coverage/parallel.h"
#include "geo/territory.h"

#include <ogr_geometry.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <limits>
#include <unordered_map>

namespace maillage {

namespace {

void requireSurfaceMatchesGrid(const CoverageGrid& grid, std::span<const float> cellMinutes)
{
    if (cellMinutes.size() != grid.cellCount())
        throw Error(QStringLiteral("the travel-time surface has %1 cells but the grid has %2")
                        .arg(cellMinutes.size())
                        .arg(grid.cellCount()));
}

double areaKm2(const OGRMultiPolygon& geometry) { return geometry.get_Area() / 1e6; }

QString bandLabel(double from, double to)
{
    if (std::isinf(to)) return QStringLiteral("> %1 min").arg(from);
    return QStringLiteral("%1–%2 min").arg(from).arg(to);
}

std::uint64_t pieceKey(std::int32_t zone, std::int32_t commune)
{
    return (std::uint64_t(std::uint32_t(zone)) << 32) | std::uint32_t(commune);
}

// The piece of each (zone, commune) key. Cells are visited in raster order, where neighbours
// mostly share their piece: the last key found is tried first.
class PieceLookup {
public:
    explicit PieceLookup(const std::unordered_map<std::uint64_t, std::size_t>& pieces) : pieces_(&pieces) {}
    std::size_t operator()(std::int32_t zone, std::int32_t commune)
    {
        const std::uint64_t key = pieceKey(zone, commune);
        if (key != lastKey_) {
            lastKey_ = key;
            lastPiece_ = pieces_->at(key);
        }
        return lastPiece_;
    }

private:
    const std::unordered_map<std::uint64_t, std::size_t>* pieces_;
    std::uint64_t lastKey_ = std::numeric_limits<std::uint64_t>::max();
    std::size_t lastPiece_ = 0;
};

struct Window {
    int row0 = std::numeric_limits<int>::max(), row1 = -1, column0 = std::numeric_limits<int>::max(), column1 = -1;
    std::size_t cells() const { return std::size_t(row1 - row0 + 1) * std::size_t(column1 - column0 + 1); }
};

// Flags the raster cells beyond the threshold; NaN counts as beyond.
void markBeyond(const CoverageGrid& grid, std::span<const float> cellMinutes, float threshold,
                std::vector<std::uint8_t>& beyond)
{
    beyond.assign(grid.rasterSize(), 0);
    for (std::size_t i = 0; i < grid.cellCount(); ++i)
        if (!(cellMinutes[i] <= threshold)) beyond[grid.rasterIndex(i)] = 1;
}

// The (zone, commune) keys of the cells in a zone, sorted (by zone, then commune), each also
// entered in `pieceOf` (its piece is numbered later). Neighbouring cells mostly share their
// key: a map look-up only when it changes.
std::vector<std::uint64_t> sortedPieceKeys(const CoverageGrid& grid, const std::vector<std::int32_t>& zoneOfRaster,
                                           std::unordered_map<std::uint64_t, std::size_t>& pieceOf)
{
    pieceOf.clear();
    std::vector<std::uint64_t> keys;
    std::uint64_t lastKey = std::numeric_limits<std::uint64_t>::max();
    for (std::size_t i = 0; i < grid.cellCount(); ++i) {
        const std::int32_t zone = zoneOfRaster[grid.rasterIndex(i)];
        if (!zone) continue;
        const std::uint64_t key = pieceKey(zone, grid.communeOf(i));
        if (key != lastKey && pieceOf.emplace(key, 0).second) keys.push_back(key);
        lastKey = key;
    }
    std::sort(keys.begin(), keys.end());
    return keys;
}

// The piece of a (zone, commune) key, with its commune's and EPCI's names; no outline yet.
GapZone pieceOfKey(const Territory& territory, std::uint64_t key)
{
    const auto communeIndex = std::int32_t(key & 0xffffffffu);
    const Commune& commune = territory.communes[std::size_t(communeIndex)];
    GapZone zone;
    zone.zone = std::int32_t(key >> 32);
    zone.commune = communeIndex;
    zone.communeInsee = commune.insee;
    zone.communeName = commune.name;
    zone.epciSiren = commune.epciSiren;
    if (const Epci* epci = territory.epci(commune.epciSiren)) zone.epciName = epci->name;
    return zone;
}

// The window of each commune with pieces (its cells, one cell of margin, within the grid),
// and those communes in `communes`, in order.
void frameCommunes(const CoverageGrid& grid, const std::vector<std::vector<std::size_t>>& piecesOfCommune,
                   std::vector<Window>& windows, std::vector<int>& communes)
{
    const auto columns = std::uint32_t(grid.columns());
    for (std::size_t i = 0; i < grid.cellCount(); ++i) {
        const auto commune = std::size_t(grid.communeOf(i));
        if (piecesOfCommune[commune].empty()) continue;
        const int row = int(grid.rasterIndex(i) / columns), column = int(grid.rasterIndex(i) % columns);
        Window& w = windows[commune];
        w.row0 = std::min(w.row0, row);
        w.row1 = std::max(w.row1, row);
        w.column0 = std::min(w.column0, column);
        w.column1 = std::max(w.column1, column);
    }
    for (std::size_t c = 0; c < piecesOfCommune.size(); ++c) {
        if (piecesOfCommune[c].empty()) continue;
        Window& w = windows[c];
        w.row0 = std::max(0, w.row0 - 1);
        w.column0 = std::max(0, w.column0 - 1);
        w.row1 = std::min(grid.rows() - 1, w.row1 + 1);
        w.column1 = std::min(grid.columns() - 1, w.column1 + 1);
        communes.push_back(int(c));
    }
}

}  // namespace

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

// What shape() shares between threads: the communes to shape (or the single stair-step
// polygonisation), handed out one at a time, the most costly first.
struct GapZoneBuilder::Work {
    std::unordered_map<std::uint64_t, std::size_t> pieceOf;  // (zone, commune) -> index in zones_
    std::vector<std::vector<std::size_t>> piecesOfCommune;   // per commune
    std::vector<Window> windows;                             // per commune: its cells, one cell of margin
    std::vector<int> order;                                  // communes to shape (-1: all pieces at once)
    std::atomic<std::size_t> next{0};
};

GapZoneBuilder::GapZoneBuilder(const Territory& territory, const CoverageGrid& grid, const GapZoneOptions& options)
    : territory_(&territory), grid_(&grid), options_(options), work_(std::make_unique<Work>())
{
    requireValidThreshold(options.thresholdMinutes);
}

GapZoneBuilder::~GapZoneBuilder() = default;

void GapZoneBuilder::classify(std::span<const float> cellMinutes)
{
    const CoverageGrid& grid = *grid_;
    requireSurfaceMatchesGrid(grid, cellMinutes);
    markBeyond(grid, cellMinutes, float(options_.thresholdMinutes), beyond_);
    zoneOfRaster_ = labelRegions(beyond_, grid.columns(), grid.rows());
    listPieces();
    planShaping();
}

// The pieces, by zone then commune, named after their commune and its EPCI; and the pieces
// of each commune.
void GapZoneBuilder::listPieces()
{
    Work& work = *work_;
    work.piecesOfCommune.assign(territory_->communes.size(), {});
    const std::vector<std::uint64_t> keys = sortedPieceKeys(*grid_, zoneOfRaster_, work.pieceOf);
    zones_.clear();
    zones_.reserve(keys.size());
    for (const std::uint64_t key : keys) {
        GapZone piece = pieceOfKey(*territory_, key);
        work.pieceOf[key] = zones_.size();
        work.piecesOfCommune[std::size_t(piece.commune)].push_back(zones_.size());
        zones_.push_back(std::move(piece));
    }
}

// The tasks shape() hands out: each commune with pieces in its window, or the single
// stair-step polygonisation when the pieces are not clipped.
void GapZoneBuilder::planShaping()
{
    Work& work = *work_;
    work.windows.assign(territory_->communes.size(), {});
    work.order.clear();
    work.next = 0;
    if (zones_.empty()) return;
    if (!options_.clipToCommunes) {
        work.order.push_back(-1);
        return;
    }
    frameCommunes(*grid_, work.piecesOfCommune, work.windows, work.order);
    // The largest windows first, so that threads finish together.
    std::stable_sort(work.order.begin(), work.order.end(), [&](int a, int b) {
        return work.windows[std::size_t(a)].cells() > work.windows[std::size_t(b)].cells();
    });
}

void GapZoneBuilder::shape()
{
    Work& work = *work_;
    for (std::size_t k = work.next++; k < work.order.size(); k = work.next++) {
        if (work.order[k] < 0) shapeCellPieces();
        else shapeCommunePieces(work.order[k]);
    }
}

std::size_t GapZoneBuilder::shapeTasks() const { return work_->order.size(); }

// The stair-step outline of each piece's own cells: one polygonisation, no overlay.
void GapZoneBuilder::shapeCellPieces()
{
    const CoverageGrid& grid = *grid_;
    PieceLookup pieceOf(work_->pieceOf);
    std::vector<std::int32_t> values(grid.rasterSize(), 0);
    for (std::size_t i = 0; i < grid.cellCount(); ++i) {
        const std::uint32_t r = grid.rasterIndex(i);
        if (zoneOfRaster_[r]) values[r] = std::int32_t(pieceOf(zoneOfRaster_[r], grid.communeOf(i)) + 1);
    }
    auto outlines = polygonize(values, grid.columns(), grid.rows(), grid.geoTransform(), 0);
    for (std::size_t z = 0; z < zones_.size(); ++z) {
        const auto outline = outlines.find(std::int32_t(z + 1));
        zones_[z].geometry = outline != outlines.end() ? std::move(outline->second) : std::make_unique<OGRMultiPolygon>();
    }
}

// The pieces of one commune clipped to its boundary: the cells of its zones in a window around
// the commune (one cell of margin: a commune reaches up to half a cell past the cells whose
// centre it holds, and those parts belong to neighbouring cells) are polygonised and
// intersected with the commune. The overlays stay the size of a commune instead of a zone
// that may cross half the département; communes are independent, hence shared by threads.
void GapZoneBuilder::shapeCommunePieces(int communeIndex)
{
    const CoverageGrid& grid = *grid_;
    const std::vector<std::size_t>& pieceList = work_->piecesOfCommune[std::size_t(communeIndex)];
    const Commune& commune = territory_->communes[std::size_t(communeIndex)];
    const Window& w = work_->windows[std::size_t(communeIndex)];
    const int width = w.column1 - w.column0 + 1, height = w.row1 - w.row0 + 1;
    const auto columns = std::size_t(grid.columns());

    std::vector<std::int32_t> labels;
    for (std::size_t z : pieceList) labels.push_back(zones_[z].zone);
    std::vector<std::int32_t> values(std::size_t(width) * std::size_t(height), 0);
    for (int row = 0; row < height; ++row)
        for (int column = 0; column < width; ++column) {
            const std::int32_t label = zoneOfRaster_[std::size_t(row + w.row0) * columns + std::size_t(column + w.column0)];
            if (label && std::find(labels.begin(), labels.end(), label) != labels.end())
                values[std::size_t(row) * std::size_t(width) + std::size_t(column)] = label;
        }
    std::array<double, 6> transform = grid.geoTransform();
    transform[0] += w.column0 * grid.cellSize();
    transform[3] -= w.row0 * grid.cellSize();
    auto outlines = polygonize(values, width, height, transform, 0);
    for (std::size_t z : pieceList) {
        std::unique_ptr<OGRMultiPolygon> geometry;
        const auto outline = outlines.find(zones_[z].zone);
        if (outline != outlines.end() && commune.geometry) {
            std::unique_ptr<OGRGeometry> clipped(outline->second->Intersection(commune.geometry.get()));
            geometry = polygonalPart(clipped.get());
        }
        zones_[z].geometry = geometry ? std::move(geometry) : std::make_unique<OGRMultiPolygon>();
    }
}

std::vector<GapZone> GapZoneBuilder::finish(std::span<const float> cellMinutes)
{
    const CoverageGrid& grid = *grid_;
    requireSurfaceMatchesGrid(grid, cellMinutes);
    const float threshold = float(options_.thresholdMinutes);
    bool same = beyond_.size() == grid.rasterSize();
    for (std::size_t i = 0; same && i < grid.cellCount(); ++i)
        same = beyond_[grid.rasterIndex(i)] == (cellMinutes[i] <= threshold ? 0 : 1);
    if (!same) {
        classify(cellMinutes);
        reshaped_ = true;
    }
    shape();  // whatever work is left (all of it after classifying again)

    // Statistics per piece, from the cells.
    struct PieceStats {
        int cells = 0;
        int unreachable = 0;
        double sumMinutes = 0.0;
        float maxMinutes = -1.0f;
    };
    std::vector<PieceStats> stats(zones_.size());
    PieceLookup pieceOf(work_->pieceOf);
    for (std::size_t i = 0; i < grid.cellCount(); ++i) {
        const std::int32_t zone = zoneOfRaster_[grid.rasterIndex(i)];
        if (!zone) continue;
        PieceStats& piece = stats[pieceOf(zone, grid.communeOf(i))];
        ++piece.cells;
        if (std::isfinite(cellMinutes[i])) {
            piece.sumMinutes += cellMinutes[i];
            piece.maxMinutes = std::max(piece.maxMinutes, cellMinutes[i]);
        } else {
            ++piece.unreachable;
        }
    }
    std::vector<GapZone> zones = std::move(zones_);
    zones_.clear();
    for (std::size_t z = 0; z < zones.size(); ++z) {
        GapZone& zone = zones[z];
        zone.cells = stats[z].cells;
        zone.unreachableCells = stats[z].unreachable;
        const int reachable = stats[z].cells - stats[z].unreachable;
        if (reachable > 0) {
            zone.maxMinutes = stats[z].maxMinutes;
            zone.meanMinutes = float(stats[z].sumMinutes / reachable);
        }
        // A failed clip (GEOS error) leaves no polygon: fall back on the cells' area.
        zone.areaKm2 = zone.geometry->IsEmpty() ? zone.cells * grid.cellAreaKm2() : areaKm2(*zone.geometry);
    }
    return zones;
}

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
    GapZoneBuilder builder(territory, grid, options);
    builder.classify(cellMinutes);
    const int threads =
        int(std::clamp<std::size_t>(builder.shapeTasks(), 1, std::size_t(std::clamp(options.threads, 1, 64))));
    parallelFor(std::size_t(threads), threads, [&](std::size_t) { builder.shape(); });
    return builder.finish(cellMinutes);
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
                                                 std::span<const float> cellMinutes, const std::vector<double>& breaks,
                                                 bool clipToOutline, int threads)
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
