#pragma once

#include <QString>

#include <cstdint>

#include <limits>
#include <memory>
#include <span>
#include <vector>

class OGRMultiPolygon;

namespace maillage {

class CoverageGrid;
class Territory;

constexpr double kDefaultThresholdMinutes = 20.0;

// Throws Error unless the threshold is a positive, finite number of minutes.
void requireValidThreshold(double thresholdMinutes);

// Labels the 4-connected regions of flagged raster cells 1, 2, ... (0 elsewhere), in the
// order of their first cell in raster order, whatever the order in which a region's cells are
// visited: the numbering of the gap zones, and of the comparison's difference zones.
std::vector<std::int32_t> labelRegions(const std::vector<std::uint8_t>& flagged, int columns, int rows);

// The cells of one connected zone of cells that lie in one commune, as a polygon clipped to
// that commune's boundary: what a gap zone and a zone of the comparison's difference layer
// (planning/comparison.h) both are.
struct ZonePiece {
    int zone = 0;      // connected zone number (from 1), shared by the pieces of a zone cut by commune borders
    int commune = -1;  // index in Territory::communes
    QString communeInsee;
    QString communeName;
    QString epciSiren;
    QString epciName;
    double areaKm2 = 0.0;                             // of the clipped polygon
    int cells = 0;                                    // grid cells (centre rule) of the piece
    std::shared_ptr<const OGRMultiPolygon> geometry;  // Lambert-93
};

// A piece of a gap zone: a zone of cells beyond the threshold.
struct GapZone : ZonePiece {
    int unreachableCells = 0;                                    // of which with no road path to any point
    float maxMinutes = std::numeric_limits<float>::quiet_NaN();  // over the reachable cells
    float meanMinutes = std::numeric_limits<float>::quiet_NaN();
};

struct GapZoneOptions {
    double thresholdMinutes = kDefaultThresholdMinutes;
    // Clip the cell outlines to the commune boundaries (exact borders, slower); otherwise the
    // pieces keep the cells' stair-step outline, which is enough for live display.
    bool clipToCommunes = true;
    // Threads for the clipping (each GEOS overlay is independent).
    int threads = 1;
};

// Cells strictly beyond the threshold (unreachable cells included), polygonised with GDAL
// (4-connected zones), split and clipped by commune. Sorted by zone, then commune.
std::vector<GapZone> computeGapZones(const Territory& territory, const CoverageGrid& grid,
                                     std::span<const float> cellMinutes, const GapZoneOptions& options = {});

// computeGapZones in steps, for a caller that knows which cells are beyond the threshold before
// it knows their final times: the outlines of the pieces (most of the cost) depend only on
// which cells are beyond, their statistics on the times. A search that has settled every node
// up to a little past the threshold gives the first (see TravelEngine::nearestStaged), so the
// pieces can be shaped while the search goes on.
//
//     GapZoneBuilder builder(territory, grid, options);
//     builder.classify(provisionalMinutes);  // any minutes on the same side of the threshold as the final ones
//     builder.shape();                       // on one or several threads at once
//     zones = builder.finish(finalMinutes);  // once every thread has returned from shape()
//
// The result is always exactly computeGapZones(finalMinutes): finish() checks the cells
// beyond against the final minutes and classifies and shapes again if they differ.
class GapZoneBuilder {
public:
    GapZoneBuilder(const Territory& territory, const CoverageGrid& grid, const GapZoneOptions& options = {});
    ~GapZoneBuilder();
    Q_DISABLE_COPY(GapZoneBuilder)

    // Labels the zones beyond the threshold and lists their pieces (zone × commune) and the
    // work of shaping them. Throws Error for a surface of another grid.
    void classify(std::span<const float> cellMinutes);
    // Polygonises and clips pieces until no work is left; several threads may call it at once,
    // each taking the next commune (the largest first).
    void shape();
    // How many tasks shape() shares out (more threads than that would wait).
    std::size_t shapeTasks() const;
    // The pieces with their statistics from the final surface.
    std::vector<GapZone> finish(std::span<const float> cellMinutes);
    // Whether finish() found other cells beyond than those classified and shaped again.
    bool reshaped() const { return reshaped_; }

private:
    struct Work;
    void listPieces();
    void planShaping();
    void shapeCellPieces();
    void shapeCommunePieces(int commune);

    const Territory* territory_;
    const CoverageGrid* grid_;
    GapZoneOptions options_;
    std::vector<std::uint8_t> beyond_;        // per raster cell
    std::vector<std::int32_t> zoneOfRaster_;  // per raster cell, 0 when not beyond
    std::vector<GapZone> zones_;              // the pieces, by zone then commune
    std::unique_ptr<Work> work_;
    bool reshaped_ = false;
};

// An isochrone band [fromMinutes, toMinutes) as one (multi)polygon over the territory.
struct IsochroneBand {
    double fromMinutes = 0.0;
    double toMinutes = std::numeric_limits<double>::infinity();  // the last band is open
    QString label;                                               // "0–10 min", "> 30 min"
    double areaKm2 = 0.0;
    int cells = 0;
    std::shared_ptr<const OGRMultiPolygon> geometry;  // Lambert-93, clipped to the territory outline
};

// Default breaks of the bands: 0–10, 10–20, 20–30, > 30 minutes.
std::vector<double> defaultBandBreaks();

// Throws Error unless the breaks are positive, finite and strictly increasing.
void requireValidBandBreaks(const std::vector<double>& breaks);

// Bands delimited by `breaks` (strictly increasing, positive): [0, b0), [b0, b1), ..., [bn, inf).
// Unreachable cells fall in the last band. Empty bands are kept with an empty geometry.
std::vector<IsochroneBand> computeIsochroneBands(const Territory& territory, const CoverageGrid& grid,
                                                 std::span<const float> cellMinutes,
                                                 const std::vector<double>& breaks = defaultBandBreaks(),
                                                 bool clipToOutline = true, int threads = 1);

}  // namespace maillage
