#include "coverage/population.h"

#include "common/error.h"
#include "coverage/gap_zones.h"
#include "coverage/grid.h"
#include "coverage/travel_time_surface.h"
#include "geo/territory.h"

#include <ogr_api.h>
#include <ogr_geometry.h>

#include <QHash>

#include <algorithm>
#include <cmath>
#include <memory>

namespace maillage {

namespace {

XY pointInside(const Commune& commune)
{
    if (commune.geometry) {
        // Any polygonal geometry: the C API handles multipolygons too.
        OGRGeometryH inside = OGR_G_PointOnSurface(OGRGeometry::ToHandle(const_cast<OGRGeometry*>(commune.geometry.get())));
        if (inside) {
            const std::unique_ptr<OGRGeometry> point(OGRGeometry::FromHandle(inside));
            if (!point->IsEmpty() && wkbFlatten(point->getGeometryType()) == wkbPoint)
                return {point->toPoint()->getX(), point->toPoint()->getY()};
        }
    }
    return {(commune.bbox.minX + commune.bbox.maxX) / 2, (commune.bbox.minY + commune.bbox.maxY) / 2};
}

// The département's code, from the communes' INSEE codes ("04070" -> "04", "97411" -> "974").
QString departementCode(const Territory& territory)
{
    QString code;
    for (const Commune& commune : territory.communes) {
        const QString prefix = commune.insee.left(commune.insee.startsWith(QStringLiteral("97")) ? 3 : 2);
        if (code.isEmpty()) code = prefix;
        else if (code != prefix) return QString();
    }
    return code;
}

}  // namespace

TownHalls townHallsFor(const Territory& territory, std::span<const AccueilPoint> points)
{
    QHash<QString, const AccueilPoint*> byCommune;
    for (const AccueilPoint& point : points) {
        if (point.level != Level::First || point.kind != QStringLiteral("mairie")) continue;
        if (point.status == PointStatus::Closed || point.communeInsee.isEmpty()) continue;
        byCommune.insert(point.communeInsee, &point);
    }
    TownHalls halls;
    for (const Commune& commune : territory.communes) {
        const AccueilPoint* hall = byCommune.value(commune.insee, nullptr);
        halls.positions.push_back(hall ? hall->lambert93 : pointInside(commune));
        halls.known.push_back(hall != nullptr);
        halls.names.push_back(hall ? hall->name : QString());
    }
    return halls;
}

CellFrame cellFrameOf(const CoverageGrid& grid)
{
    CellFrame frame;
    frame.west = grid.west();
    frame.north = grid.north();
    frame.cellSize = grid.cellSize();
    frame.columns = grid.columns();
    frame.rows = grid.rows();
    frame.cellCount = grid.cellCount();
    frame.cellOfRaster.assign(grid.rasterSize(), -1);
    for (std::size_t i = 0; i < grid.cellCount(); ++i) frame.cellOfRaster[grid.rasterIndex(i)] = std::int32_t(i);
    return frame;
}

PopulationPlacement PopulationPlacement::build(const Territory& territory, const CoverageGrid& grid,
                                               const PlaceLinks& cellLinks, const PopulationPlacementOptions& options)
{
    if (cellLinks.size() != grid.cellCount())
        throw Error(QStringLiteral("the cell links (%1) do not match the grid (%2 cells)")
                        .arg(cellLinks.size())
                        .arg(grid.cellCount()));
    if (!(options.inhabitableLegMetres >= 0.0))
        throw Error(QStringLiteral("the distance that makes a cell inhabitable must be positive"));
    PopulationPlacement placement;
    placement.method_ = options.method;
    placement.inhabitableLegMetres_ = options.inhabitableLegMetres;
    const std::size_t communeCount = territory.communes.size();

    // The spread: the fallback of every method.
    std::vector<int> inhabitable(communeCount, 0);
    for (std::size_t i = 0; i < grid.cellCount(); ++i)
        if (cellLinks.legMetres(i) <= options.inhabitableLegMetres) ++inhabitable[std::size_t(grid.communeOf(i))];
    std::vector<double> spread(grid.cellCount(), 0.0);
    for (std::size_t i = 0; i < grid.cellCount(); ++i) {
        const std::size_t commune = std::size_t(grid.communeOf(i));
        // A commune far from every road still has people: spread them over all its cells.
        if (inhabitable[commune] == 0 || cellLinks.legMetres(i) <= options.inhabitableLegMetres) spread[i] = 1.0;
    }
    std::vector<double> weights = spread;
    const bool fromSource = options.method == PopulationMethod::Grid || options.method == PopulationMethod::Buildings;
    if (fromSource) {
        if (!options.input.isSet() || options.input.method != options.method)
            throw Error(QStringLiteral("the %1 population method needs a %2 file: give one with maillage init %3")
                            .arg(populationMethodKey(options.method),
                                 options.method == PopulationMethod::Grid ? QStringLiteral("gridded population")
                                                                          : QStringLiteral("buildings"),
                                 options.method == PopulationMethod::Grid ? QStringLiteral("--population-grid FILE")
                                                                          : QStringLiteral("--buildings FILE")));
        CellWeights source = cellWeightsFor(options.input, cellFrameOf(grid), options.cacheDirectory);
        weights = std::move(source.perCell);
        placement.sourceDescription_ = source.description;
        placement.fromCache_ = source.fromCache;
    }
    std::vector<qint64> legal(communeCount);
    for (std::size_t c = 0; c < communeCount; ++c) legal[c] = territory.communes[c].population;
    std::vector<std::uint8_t> fellBack;
    placement.people_ = rescalePerCommune(weights, spread, grid.communes(), legal, &fellBack);
    if (fromSource)
        for (std::size_t c = 0; c < communeCount; ++c)
            if (fellBack[c] && grid.cellsPerCommune()[c] > 0 && legal[c] > 0) ++placement.communesFallenBack_;

    placement.populated_.assign(grid.cellCount(), 0);
    placement.populatedCells_.assign(communeCount, 0);
    for (std::size_t i = 0; i < grid.cellCount(); ++i)
        if (placement.people_[i] > 0.0) {
            placement.populated_[i] = 1;
            ++placement.populatedCells_[std::size_t(grid.communeOf(i))];
        }
    return placement;
}

double beyondBy(const AreaCoverage& area, PopulationMethod method)
{
    return method == PopulationMethod::TownHalls ? area.beyondAtTownHall : area.beyondSpread;
}

double beyondBy(const CommuneCoverage& commune, PopulationMethod method)
{
    return method == PopulationMethod::TownHalls ? commune.beyondAtTownHall : commune.beyondSpread;
}

namespace {

void requireMatchingTimes(const CoverageGrid& grid, std::size_t communeCount, std::span<const float> cellMinutes,
                          std::span<const float> townHallMinutes, const TownHalls& townHalls)
{
    if (cellMinutes.size() != grid.cellCount())
        throw Error(QStringLiteral("the travel-time surface has %1 cells but the grid has %2")
                        .arg(cellMinutes.size())
                        .arg(grid.cellCount()));
    if (townHallMinutes.size() != communeCount)
        throw Error(QStringLiteral("there must be one town hall time per commune (%1 communes, %2 times)")
                        .arg(communeCount)
                        .arg(townHallMinutes.size()));
    if (townHalls.known.size() != communeCount)
        throw Error(QStringLiteral("the town halls must say of every commune whether its town hall is known "
                                   "(%1 communes, %2 said)")
                        .arg(communeCount)
                        .arg(townHalls.known.size()));
}

// What each commune's cells add up to, beyond what its CommuneCoverage keeps of them.
struct CellSums {
    std::vector<double> peopleBeyond;
    std::vector<double> sumMinutes;  // of the cells reached
    std::vector<int> reachable;
};

// One pass over the cells: counts each commune's cells, those beyond and its longest time in
// `communes`, and returns the sums its people beyond and mean time come from.
CellSums addCells(const CoverageGrid& grid, const PopulationPlacement& placement, std::span<const float> cellMinutes,
                  float threshold, std::vector<CommuneCoverage>& communes)
{
    const std::size_t communeCount = communes.size();
    CellSums sums{std::vector<double>(communeCount, 0.0), std::vector<double>(communeCount, 0.0),
                  std::vector<int>(communeCount, 0)};
    for (std::size_t i = 0; i < grid.cellCount(); ++i) {
        const std::size_t c = std::size_t(grid.communeOf(i));
        CommuneCoverage& commune = communes[c];
        const float minutes = cellMinutes[i];
        ++commune.cells;
        if (!(minutes <= threshold)) {
            ++commune.cellsBeyond;
            sums.peopleBeyond[c] += placement.peopleOnCell(i);
        }
        if (std::isfinite(minutes)) {
            sums.sumMinutes[c] += minutes;
            ++sums.reachable[c];
        }
        if (std::isnan(commune.maxCellMinutes) || !(minutes <= commune.maxCellMinutes)) commune.maxCellMinutes = minutes;
    }
    return sums;
}

// Each commune's own figures, its town hall's and its cells' (the communes whose town hall is
// beyond are listed in commune order).
void fillCommunes(const Territory& territory, const PopulationPlacement& placement, std::span<const float> townHallMinutes,
                  const TownHalls& townHalls, float threshold, const CellSums& cells, PopulationCoverage& result)
{
    for (std::size_t c = 0; c < territory.communes.size(); ++c) {
        const Commune& source = territory.communes[c];
        CommuneCoverage& commune = result.communes[c];
        commune.commune = int(c);
        commune.insee = source.insee;
        commune.name = source.name;
        commune.epciSiren = source.epciSiren;
        commune.population = source.population;
        commune.townHallMinutes = townHallMinutes[c];
        commune.townHallKnown = townHalls.known[c];
        commune.townHallBeyond = !(townHallMinutes[c] <= threshold);
        commune.beyondAtTownHall = commune.townHallBeyond ? double(source.population) : 0.0;
        if (cells.reachable[c] > 0) commune.meanCellMinutes = float(cells.sumMinutes[c] / cells.reachable[c]);
        // Method (b); a commune with no cell falls back on its town hall.
        commune.beyondSpread = placement.populatedCells()[c] > 0 ? cells.peopleBeyond[c] : commune.beyondAtTownHall;
        if (commune.townHallBeyond) result.townHallsBeyond.push_back(int(c));
    }
}

// The town halls beyond, longest time first (ties in commune order).
void sortTownHallsBeyond(PopulationCoverage& result)
{
    std::sort(result.townHallsBeyond.begin(), result.townHallsBeyond.end(), [&](int a, int b) {
        const float ta = result.communes[std::size_t(a)].townHallMinutes;
        const float tb = result.communes[std::size_t(b)].townHallMinutes;
        return ta > tb || (ta == tb && a < b);
    });
}

void addEpci(std::vector<AreaCoverage>& epcis, QHash<QString, std::size_t>& index, const QString& code, const QString& name)
{
    index.insert(code, epcis.size());
    AreaCoverage area;
    area.code = code;
    area.name = name;
    epcis.push_back(std::move(area));
}

void addCommune(AreaCoverage& area, const CommuneCoverage& commune, double cellAreaKm2)
{
    area.population += commune.population;
    ++area.communes;
    if (commune.townHallBeyond) ++area.communesTownHallBeyond;
    area.beyondAtTownHall += commune.beyondAtTownHall;
    area.beyondSpread += commune.beyondSpread;
    area.areaKm2 += commune.cells * cellAreaKm2;
    area.areaBeyondKm2 += commune.cellsBeyond * cellAreaKm2;
}

// The totals of the EPCI and the département. An EPCI the communes name but the territory
// has not still gets its totals, after the territory's EPCI, by its code alone.
void addAreaTotals(const Territory& territory, double cellAreaKm2, PopulationCoverage& result)
{
    QHash<QString, std::size_t> epciIndex;
    for (const Epci& epci : territory.epcis) addEpci(result.epcis, epciIndex, epci.siren, epci.name);
    result.departement.code = departementCode(territory);
    for (const CommuneCoverage& commune : result.communes) {
        addCommune(result.departement, commune, cellAreaKm2);
        if (commune.epciSiren.isEmpty()) continue;
        if (!epciIndex.contains(commune.epciSiren)) addEpci(result.epcis, epciIndex, commune.epciSiren, QString());
        addCommune(result.epcis[epciIndex.value(commune.epciSiren)], commune, cellAreaKm2);
    }
}

}  // namespace

PopulationCoverage computePopulationCoverage(const Territory& territory, const CoverageGrid& grid,
                                             const PopulationPlacement& placement, std::span<const float> cellMinutes,
                                             std::span<const float> townHallMinutes, const TownHalls& townHalls,
                                             double thresholdMinutes)
{
    requireValidThreshold(thresholdMinutes);
    const std::size_t communeCount = territory.communes.size();
    requireMatchingTimes(grid, communeCount, cellMinutes, townHallMinutes, townHalls);
    const float threshold = float(thresholdMinutes);

    PopulationCoverage result;
    result.thresholdMinutes = thresholdMinutes;
    result.method = placement.method();
    result.communes.resize(communeCount);
    const CellSums cells = addCells(grid, placement, cellMinutes, threshold, result.communes);
    fillCommunes(territory, placement, townHallMinutes, townHalls, threshold, cells, result);
    sortTownHallsBeyond(result);
    addAreaTotals(territory, grid.cellAreaKm2(), result);
    return result;
}

}  // namespace maillage
