#pragma once

#include "geo/types.h"
#include "population/cell_resampling.h"
#include "population/population_input.h"
#include "population/population_method.h"
#include "store/accueil_point.h"

#include <QString>

#include <cstdint>
#include <limits>
#include <span>
#include <vector>

namespace maillage {

class CoverageGrid;
class PlaceLinks;
class Territory;

// Where each commune's town hall stands, in Territory::communes order. Taken from the
// level-1 points of kind "mairie" (matched on their commune INSEE code); a commune without
// one gets a point inside its polygon (OGR PointOnSurface) and `known` false.
struct TownHalls {
    std::vector<XY> positions;
    std::vector<bool> known;
    std::vector<QString> names;
};
TownHalls townHallsFor(const Territory& territory, std::span<const AccueilPoint> points);

// How the population of a commune is placed on the grid (population/population_method.h).
// Whatever the method, each commune's cells hold its legal population exactly:
// - Grid, Buildings: in proportion to the source's people or weights on the commune's cells
//   (the source is read once and cached, see population/population_input.h); a commune where
//   the source has no one falls back to the spread;
// - Spread (and TownHalls, whose cells are only drawn): uniformly over the commune's
//   *inhabitable* cells, those whose centre lies within `inhabitableLegMetres` of a road of
//   the network; a commune with no inhabitable cell spreads over all its cells.
// A commune with no cell at all (smaller than a cell) is counted at its town hall.
struct PopulationPlacementOptions {
    double inhabitableLegMetres = 2000.0;
    PopulationMethod method = PopulationMethod::Spread;
    PopulationInput input{};   // the file for Grid or Buildings
    QString cacheDirectory{};  // empty: the user's cache folder
};

class PopulationPlacement {
public:
    // Throws Error when the method needs a file the options do not name, or it cannot be read.
    static PopulationPlacement build(const Territory& territory, const CoverageGrid& grid, const PlaceLinks& cellLinks,
                                     const PopulationPlacementOptions& options = {});

    PopulationMethod method() const { return method_; }
    // What the placement was made from, for summaries ("INSEE 200 m squares (…)").
    const QString& sourceDescription() const { return sourceDescription_; }
    // Communes with cells where the method's source has no one: placed by the spread.
    int communesFallenBack() const { return communesFallenBack_; }
    bool fromCache() const { return fromCache_; }
    double inhabitableLegMetres() const { return inhabitableLegMetres_; }
    // Per cell: 1 when people are placed on it.
    const std::vector<std::uint8_t>& populated() const { return populated_; }
    // Per commune: how many of its cells hold people.
    const std::vector<int>& populatedCells() const { return populatedCells_; }
    // People on a given cell (its commune is implied by the grid; kept for callers that have it).
    double peopleOnCell(std::size_t cell, std::int32_t /*commune*/ = -1) const { return people_[cell]; }
    const std::vector<double>& people() const { return people_; }

private:
    PopulationMethod method_ = PopulationMethod::Spread;
    QString sourceDescription_;
    int communesFallenBack_ = 0;
    bool fromCache_ = false;
    double inhabitableLegMetres_ = 0.0;
    std::vector<std::uint8_t> populated_;
    std::vector<double> people_;
    std::vector<int> populatedCells_;
};

// The grid as the population layer sees it.
CellFrame cellFrameOf(const CoverageGrid& grid);

// Which commune a row of figures is about (a commune's coverage, its comparison).
struct CommuneIdentity {
    int commune = -1;  // index in Territory::communes
    QString insee;     // INSEE code, e.g. "04070"
    QString name;
    QString epciSiren;      // SIREN of its EPCI; empty: none
    qint64 population = 0;  // legal population
};

// Coverage of one commune. Two ways of counting the population:
// (a) at the town hall: the whole population is beyond when the town hall is;
// (b) on the cells, as the PopulationPlacement put it (grid, buildings or spread): the people
//     on the cells beyond. `beyondSpread` keeps its historical name for (b) whatever the method.
struct CommuneCoverage : CommuneIdentity {
    float townHallMinutes = std::numeric_limits<float>::infinity();  // to the nearest point; infinity: unreachable
    bool townHallKnown = false;                                      // false: a point inside the commune stood in for it
    bool townHallBeyond = false;                                     // over the threshold, or unreachable
    double beyondAtTownHall = 0.0;                                   // people beyond, method (a)
    double beyondSpread = 0.0;  // people beyond, on the cells (b), by the placement's method
    int cells = 0;
    int cellsBeyond = 0;
    float maxCellMinutes = std::numeric_limits<float>::quiet_NaN();   // NaN: no cell
    float meanCellMinutes = std::numeric_limits<float>::quiet_NaN();  // over reachable cells
};

// Totals over an EPCI or the département.
struct AreaCoverage {
    QString code;  // EPCI SIREN, or the département code
    QString name;
    qint64 population = 0;
    int communes = 0;
    int communesTownHallBeyond = 0;
    double beyondAtTownHall = 0.0;
    double beyondSpread = 0.0;
    double areaKm2 = 0.0;        // of its cells
    double areaBeyondKm2 = 0.0;  // of its cells beyond the threshold
    double shareAtTownHall() const { return population > 0 ? beyondAtTownHall / double(population) : 0.0; }
    double shareSpread() const { return population > 0 ? beyondSpread / double(population) : 0.0; }
};

struct PopulationCoverage {
    double thresholdMinutes = 0.0;
    PopulationMethod method = PopulationMethod::Spread;  // how people were placed
    std::vector<CommuneCoverage> communes;               // Territory::communes order
    std::vector<AreaCoverage> epcis;                     // Territory::epcis order, then any EPCI only named by communes
    AreaCoverage departement;
    std::vector<int> townHallsBeyond;  // commune indices, longest time first
};

// People beyond in an area under a method: at the town hall for TownHalls, else on the cells.
double beyondBy(const AreaCoverage& area, PopulationMethod method);
double beyondBy(const CommuneCoverage& commune, PopulationMethod method);

// Population beyond the threshold. `cellMinutes` is the surface (grid cell order),
// `townHallMinutes` the time from each commune's town hall (Territory::communes order).
PopulationCoverage computePopulationCoverage(const Territory& territory, const CoverageGrid& grid,
                                             const PopulationPlacement& placement, std::span<const float> cellMinutes,
                                             std::span<const float> townHallMinutes, const TownHalls& townHalls,
                                             double thresholdMinutes);

}  // namespace maillage
