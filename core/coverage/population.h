#pragma once

#include "geo/types.h"
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

// How the population of a commune is placed on the grid for method (b), the spread: uniformly
// over the commune's *inhabitable* cells, those whose centre lies within
// `inhabitableLegMetres` of a road of the network. A commune with no inhabitable cell spreads
// over all its cells; a commune with no cell at all (smaller than a cell) is placed at its
// town hall. Computed once per grid and network.
struct PopulationPlacementOptions {
    double inhabitableLegMetres = 2000.0;
};

class PopulationPlacement {
public:
    static PopulationPlacement build(const Territory& territory, const CoverageGrid& grid,
                                     const PlaceLinks& cellLinks, const PopulationPlacementOptions& options = {});

    double inhabitableLegMetres() const { return inhabitableLegMetres_; }
    // Per cell: 1 when the commune's population is spread on it.
    const std::vector<std::uint8_t>& populated() const { return populated_; }
    // Per commune: people on each populated cell (0 for a commune placed at its town hall).
    const std::vector<double>& peoplePerCell() const { return peoplePerCell_; }
    const std::vector<int>& populatedCells() const { return populatedCells_; }
    // People on a given cell.
    double peopleOnCell(std::size_t cell, std::int32_t commune) const
    {
        return populated_[cell] ? peoplePerCell_[std::size_t(commune)] : 0.0;
    }

private:
    double inhabitableLegMetres_ = 0.0;
    std::vector<std::uint8_t> populated_;
    std::vector<double> peoplePerCell_;
    std::vector<int> populatedCells_;
};

// Coverage of one commune. Two methods of placing the population:
// (a) at the town hall: the whole population is beyond when the town hall is;
// (b) spread over the commune's inhabitable cells (see PopulationPlacement).
struct CommuneCoverage {
    int commune = -1;  // index in Territory::communes
    QString insee;
    QString name;
    QString epciSiren;
    qint64 population = 0;
    float townHallMinutes = std::numeric_limits<float>::infinity();
    bool townHallKnown = false;  // false: a point inside the commune stood in for it
    bool townHallBeyond = false;
    double beyondAtTownHall = 0.0;  // people beyond, method (a)
    double beyondSpread = 0.0;      // people beyond, method (b)
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
    std::vector<CommuneCoverage> communes;  // Territory::communes order
    std::vector<AreaCoverage> epcis;        // Territory::epcis order, then any EPCI only named by communes
    AreaCoverage departement;
    std::vector<int> townHallsBeyond;       // commune indices, longest time first
};

// Population beyond the threshold. `cellMinutes` is the surface (grid cell order),
// `townHallMinutes` the time from each commune's town hall (Territory::communes order).
PopulationCoverage computePopulationCoverage(const Territory& territory, const CoverageGrid& grid,
                                             const PopulationPlacement& placement,
                                             std::span<const float> cellMinutes,
                                             std::span<const float> townHallMinutes,
                                             const TownHalls& townHalls, double thresholdMinutes);

}  // namespace maillage
