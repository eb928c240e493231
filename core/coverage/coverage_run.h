#pragma once

#include "coverage/gap_zones.h"
#include "coverage/grid.h"
#include "coverage/population.h"
#include "coverage/travel_engine.h"
#include "coverage/travel_time_surface.h"
#include "network/prepared_network.h"
#include "store/accueil_point.h"

#include <span>
#include <vector>

namespace maillage {

class Territory;

// Parameters of one coverage computation.
struct CoverageOptions {
    int level = 2;  // 1, 2 or 3
    double thresholdMinutes = kDefaultThresholdMinutes;
    std::vector<double> bandBreaks = defaultBandBreaks();
    bool computeBands = true;
    bool clipGapsToCommunes = true;  // false: stair-step outlines, enough for live display
    int threads = 1;                 // for linking the points, the search (large graphs), the gap zones and bands
};

// Throws Error with a clear message for a level other than 1–3, a threshold <= 0, bad band
// limits.
void requireValidOptions(const CoverageOptions& options);

// Everything that depends only on the territory, the grid and the network, computed once
// and shared by every recompute: the grid, each cell's and each town hall's access link,
// and where the population sits.
struct CoverageSetup {
    double cellSize = CoverageGrid::kDefaultCellSize;
    PopulationPlacementOptions placement;
    int threads = 1;  // for snapping the cells
    // When set, people are placed as this placement (of the same grid) says rather than from
    // this network's links: a scenario with closed roads keeps the open network's placement,
    // since people do not move when a road closes. Copied; may be discarded afterwards.
    const PopulationPlacement* fixedPlacement = nullptr;
    // Links kept in a prepared network (PreparedNetworkOutcome::links): used instead of
    // snapping when they were made for this grid and these town halls (coverageLinksKey) and
    // read back whole; snapped otherwise. Only for an engine that links as the prepared
    // network's profile says (GraphTravelEngine of the profile) on the open network: a
    // context on a network with closed roads snaps its own. May be discarded afterwards.
    const PreparedLinks* storedLinks = nullptr;
    // Told the fraction of the cells and town halls linked when they have to be snapped (the
    // long part, seconds on a detailed network); returning false cancels: the context's
    // constructor then throws Error. Not called when the stored links are used.
    LinkProgress linkProgress = {};
};

class CoverageContext {
public:
    // `points` are read for the town halls (level 1, kind mairie). Keeps references to the
    // territory and the engine, which must outlive the context.
    CoverageContext(const Territory& territory, const TravelEngine& engine, std::span<const AccueilPoint> points,
                    const CoverageSetup& setup = {});

    const Territory& territory() const { return *territory_; }
    const TravelEngine& engine() const { return *engine_; }
    const CoverageGrid& grid() const { return grid_; }
    const PlaceLinks& cellLinks() const { return cellLinks_; }
    const TownHalls& townHalls() const { return townHalls_; }
    const PlaceLinks& townHallLinks() const { return townHallLinks_; }
    const PopulationPlacement& placement() const { return placement_; }

    // The links were read from CoverageSetup::storedLinks, not snapped.
    bool linksReused() const { return linksReused_; }
    // This context's cell and town-hall links as a prepared network keeps them.
    PreparedLinks preparedLinks() const;

    // Takes the town halls from `points` again (one was moved, added or removed) and joins
    // them to the network; the grid, the cells' links and the population placement stay.
    void setTownHalls(std::span<const AccueilPoint> points);

private:
    const Territory* territory_;
    const TravelEngine* engine_;
    CoverageGrid grid_;
    PlaceLinks cellLinks_;
    TownHalls townHalls_;
    PlaceLinks townHallLinks_;
    PopulationPlacement placement_;
    bool linksReused_ = false;
};

// What links of a coverage grid depend on besides the network and the profile (which the
// prepared network's own key covers): the grid (cell size, position, size and which cells are
// in the territory) and the town halls' places. A SHA-1.
QByteArray coverageLinksKey(const CoverageGrid& grid, const TownHalls& townHalls);

// Milliseconds spent in each step of a recompute.
struct CoverageTimings {
    double link = 0, search = 0, surface = 0, gaps = 0, bands = 0, population = 0;
    double total() const { return link + search + surface + gaps + bands + population; }
};

// The result of one computation for one level and one set of points.
struct CoverageResult {
    CoverageOptions options;
    std::vector<AccueilPoint> points;    // the points of the level that were used (seed order)
    std::vector<AccessLink> pointLinks;  // their links; unjoined points have edge == kNoEdge
    int unjoinedPoints = 0;              // points too far from any road, left out
    int unjoinedOutsideTerritory = 0;    // of those, the points outside the territory's communes
    NearestTimes search;
    TravelTimeSurface surface;  // per grid cell
    PlaceTimes townHallTimes;   // per commune
    std::vector<GapZone> gapZones;
    std::vector<IsochroneBand> bands;
    PopulationCoverage population;
    CoverageTimings timings;
};

// The points a coverage of `level` uses: that level, not closed; planned points only when
// `includePlanned` (a scenario).
std::vector<AccueilPoint> coveragePoints(std::span<const AccueilPoint> points, int level, bool includePlanned = false);

// The first step of a coverage: links `levelPoints` to the roads (on `threads` threads when
// there are many to snap) and keeps in `result` those joined, with their links; the others are
// counted (unjoinedPoints, and of those unjoinedOutsideTerritory).
void joinCoveragePoints(const TravelEngine& engine, std::span<const AccueilPoint> levelPoints, int threads,
                        CoverageResult& result);

// Search + surface + gaps + statistics. `levelPoints` are used as given (see coveragePoints).
// Reusing `result` between calls (e.g. while a point is dragged) avoids reallocations.
void computeCoverage(const CoverageContext& context, std::span<const AccueilPoint> levelPoints,
                     const CoverageOptions& options, CoverageResult& result);
CoverageResult computeCoverage(const CoverageContext& context, std::span<const AccueilPoint> levelPoints,
                               const CoverageOptions& options = {});

}  // namespace maillage
