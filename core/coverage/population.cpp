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
#include <memory>
#include <cmath>

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

PopulationPlacement PopulationPlacement::build(const Territory& territory, const CoverageGrid& grid,
                                               const PlaceLinks& cellLinks, const PopulationPlacementOptions& options)
{
    if (cellLinks.size() != grid.cellCount())
        throw Error(QStringLiteral("the cell links (%1) do not match the grid (%2 cells)")
                        .arg(cellLinks.size()).arg(grid.cellCount()));
    if (!(options.inhabitableLegMetres >= 0.0))
        throw Error(QStringLiteral("the distance that makes a cell inhabitable must be positive"));
    PopulationPlacement placement;
    placement.inhabitableLegMetres_ = options.inhabitableLegMetres;
    const std::size_t communeCount = territory.communes.size();

    std::vector<int> inhabitable(communeCount, 0);
    for (std::size_t i = 0; i < grid.cellCount(); ++i)
        if (cellLinks[i].legMetres <= options.inhabitableLegMetres) ++inhabitable[std::size_t(grid.communeOf(i))];

    placement.populated_.assign(grid.cellCount(), 0);
    placement.populatedCells_.assign(communeCount, 0);
    for (std::size_t i = 0; i < grid.cellCount(); ++i) {
        const std::size_t commune = std::size_t(grid.communeOf(i));
        // A commune far from every road still has people: spread them over all its cells.
        const bool populated = inhabitable[commune] == 0 || cellLinks[i].legMetres <= options.inhabitableLegMetres;
        placement.populated_[i] = populated ? 1 : 0;
        if (populated) ++placement.populatedCells_[commune];
    }
    placement.peoplePerCell_.assign(communeCount, 0.0);
    for (std::size_t c = 0; c < communeCount; ++c)
        if (placement.populatedCells_[c] > 0)
            placement.peoplePerCell_[c] = double(territory.communes[c].population) / placement.populatedCells_[c];
    return placement;
}

PopulationCoverage computePopulationCoverage(const Territory& territory, const CoverageGrid& grid,
                                             const PopulationPlacement& placement,
                                             std::span<const float> cellMinutes,
                                             std::span<const float> townHallMinutes,
                                             const TownHalls& townHalls, double thresholdMinutes)
{
    requireValidThreshold(thresholdMinutes);
    const std::size_t communeCount = territory.communes.size();
    if (cellMinutes.size() != grid.cellCount())
        throw Error(QStringLiteral("the travel-time surface has %1 cells but the grid has %2")
                        .arg(cellMinutes.size()).arg(grid.cellCount()));
    if (townHallMinutes.size() != communeCount || townHalls.known.size() != communeCount)
        throw Error(QStringLiteral("there must be one town hall time per commune (%1 communes, %2 times)")
                        .arg(communeCount).arg(townHallMinutes.size()));
    const float threshold = float(thresholdMinutes);

    PopulationCoverage result;
    result.thresholdMinutes = thresholdMinutes;
    result.communes.resize(communeCount);
    std::vector<int> populatedBeyond(communeCount, 0);
    std::vector<double> sumMinutes(communeCount, 0.0);
    std::vector<int> reachable(communeCount, 0);
    for (std::size_t i = 0; i < grid.cellCount(); ++i) {
        const std::size_t c = std::size_t(grid.communeOf(i));
        CommuneCoverage& commune = result.communes[c];
        const float minutes = cellMinutes[i];
        ++commune.cells;
        if (!(minutes <= threshold)) {
            ++commune.cellsBeyond;
            populatedBeyond[c] += placement.populated()[i];
        }
        if (std::isfinite(minutes)) {
            sumMinutes[c] += minutes;
            ++reachable[c];
        }
        if (std::isnan(commune.maxCellMinutes) || !(minutes <= commune.maxCellMinutes)) commune.maxCellMinutes = minutes;
    }

    for (std::size_t c = 0; c < communeCount; ++c) {
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
        if (reachable[c] > 0) commune.meanCellMinutes = float(sumMinutes[c] / reachable[c]);
        // Method (b); a commune with no cell falls back on its town hall.
        commune.beyondSpread = placement.populatedCells()[c] > 0
                                   ? populatedBeyond[c] * placement.peoplePerCell()[c]
                                   : commune.beyondAtTownHall;
        if (commune.townHallBeyond) result.townHallsBeyond.push_back(int(c));
    }
    std::sort(result.townHallsBeyond.begin(), result.townHallsBeyond.end(), [&](int a, int b) {
        const float ta = result.communes[std::size_t(a)].townHallMinutes;
        const float tb = result.communes[std::size_t(b)].townHallMinutes;
        return ta > tb || (ta == tb && a < b);
    });

    // Aggregates.
    QHash<QString, std::size_t> epciIndex;
    for (const Epci& epci : territory.epcis) {
        epciIndex.insert(epci.siren, result.epcis.size());
        AreaCoverage area;
        area.code = epci.siren;
        area.name = epci.name;
        result.epcis.push_back(area);
    }
    result.departement.code = departementCode(territory);
    const double cellArea = grid.cellAreaKm2();
    for (const CommuneCoverage& commune : result.communes) {
        std::vector<AreaCoverage*> targets{&result.departement};
        if (!commune.epciSiren.isEmpty()) {
            if (!epciIndex.contains(commune.epciSiren)) {
                epciIndex.insert(commune.epciSiren, result.epcis.size());
                AreaCoverage area;
                area.code = commune.epciSiren;
                result.epcis.push_back(area);
            }
            targets.push_back(&result.epcis[epciIndex.value(commune.epciSiren)]);
        }
        for (AreaCoverage* area : targets) {
            area->population += commune.population;
            ++area->communes;
            if (commune.townHallBeyond) ++area->communesTownHallBeyond;
            area->beyondAtTownHall += commune.beyondAtTownHall;
            area->beyondSpread += commune.beyondSpread;
            area->areaKm2 += commune.cells * cellArea;
            area->areaBeyondKm2 += commune.cellsBeyond * cellArea;
        }
    }
    return result;
}

}  // namespace maillage
