#include "planning/comparison.h"

#include "common/error.h"
#include "coverage/coverage_run.h"
#include "coverage/gap_zones.h"
#include "coverage/grid.h"
#include "geo/territory.h"

#include <ogr_geometry.h>

#include <cmath>
#include <map>

namespace maillage {

bool CommuneComparison::changed() const
{
    return townHallMinutesA != townHallMinutesB || townHallBeyondA != townHallBeyondB || beyondSpreadA != beyondSpreadB
           || cellsBeyondA != cellsBeyondB;
}

QString coverageChangeCode(CoverageChange change)
{
    return change == CoverageChange::Covered ? QStringLiteral("covered") : QStringLiteral("uncovered");
}

namespace {

AreaFigures figuresOf(const AreaCoverage& area)
{
    return {area.beyondSpread, area.beyondAtTownHall, area.areaBeyondKm2, area.communesTownHallBeyond};
}

AreaComparison compareArea(const AreaCoverage& a, const AreaCoverage& b)
{
    AreaComparison area;
    area.code = a.code;
    area.name = a.name;
    area.population = a.population;
    area.a = figuresOf(a);
    area.b = figuresOf(b);
    return area;
}

// The difference layer for one kind of change: the flagged cells shaped as gap zones are
// (zones, cut and clipped by commune), with the people on each piece.
std::vector<ChangeZone> changeZones(const CoverageContext& context, const std::vector<std::uint8_t>& flaggedCells,
                                    CoverageChange change, const ComparisonOptions& options)
{
    const CoverageGrid& grid = context.grid();
    std::vector<float> marks(grid.cellCount(), 0.0f);
    std::vector<std::uint8_t> flaggedRaster(grid.rasterSize(), 0);
    bool any = false;
    for (std::size_t i = 0; i < grid.cellCount(); ++i)
        if (flaggedCells[i]) {
            marks[i] = 1.0f;
            flaggedRaster[grid.rasterIndex(i)] = 1;
            any = true;
        }
    if (!any) return {};
    const std::vector<GapZone> pieces =
        computeGapZones(context.territory(), grid, marks,
                        {.thresholdMinutes = 0.5, .clipToCommunes = options.clipToCommunes, .threads = options.threads});

    const std::vector<std::int32_t> zoneOfRaster = labelRegions(flaggedRaster, grid.columns(), grid.rows());
    std::map<std::pair<int, int>, double> people;
    for (std::size_t i = 0; i < grid.cellCount(); ++i) {
        if (!flaggedCells[i]) continue;
        const std::int32_t commune = grid.communeOf(i);
        people[{zoneOfRaster[grid.rasterIndex(i)], commune}] += context.placement().peopleOnCell(i, commune);
    }

    std::vector<ChangeZone> zones;
    zones.reserve(pieces.size());
    for (const GapZone& piece : pieces) {
        ChangeZone zone{piece};  // the piece's zone, commune, area, cells and outline
        zone.change = change;
        const auto found = people.find({piece.zone, piece.commune});
        zone.people = found != people.end() ? found->second : 0.0;
        zones.push_back(std::move(zone));
    }
    return zones;
}

void requireComparable(const CoverageContext& context, const CoverageResult& a, const CoverageResult& b,
                       const QString& nameA, const QString& nameB)
{
    const std::size_t cells = context.grid().cellCount();
    if (a.surface.minutes.size() != cells || b.surface.minutes.size() != cells)
        throw Error(QStringLiteral("cannot compare \"%1\" and \"%2\": their coverages are not on the same grid "
                                   "(%3 and %4 cells, grid of %5)")
                        .arg(nameA, nameB)
                        .arg(a.surface.minutes.size())
                        .arg(b.surface.minutes.size())
                        .arg(cells));
    // An option both coverages must share; `inA` and `inB` show its value in each.
    const auto requireSame = [&](bool same, const QString& inA, const QString& inB, const QString& option) {
        if (!same)
            throw Error(QStringLiteral("cannot compare \"%1\" (%2) and \"%3\" (%4): not the same %5")
                            .arg(nameA, inA, nameB, inB, option));
    };
    requireSame(a.options.level == b.options.level, QStringLiteral("level %1").arg(a.options.level),
                QStringLiteral("level %1").arg(b.options.level), QStringLiteral("level"));
    requireSame(a.options.thresholdMinutes == b.options.thresholdMinutes,
                QStringLiteral("%1 min").arg(a.options.thresholdMinutes),
                QStringLiteral("%1 min").arg(b.options.thresholdMinutes), QStringLiteral("threshold"));
    if (a.population.communes.size() != b.population.communes.size()
        || a.population.epcis.size() != b.population.epcis.size())
        throw Error(QStringLiteral("cannot compare \"%1\" and \"%2\": not the same territory").arg(nameA, nameB));
}

CommuneComparison compareCommune(const CommuneCoverage& a, const CommuneCoverage& b)
{
    CommuneComparison commune{a};  // the commune's identity
    commune.townHallMinutesA = a.townHallMinutes;
    commune.townHallMinutesB = b.townHallMinutes;
    commune.townHallBeyondA = a.townHallBeyond;
    commune.townHallBeyondB = b.townHallBeyond;
    commune.beyondSpreadA = a.beyondSpread;
    commune.beyondSpreadB = b.beyondSpread;
    commune.beyondAtTownHallA = a.beyondAtTownHall;
    commune.beyondAtTownHallB = b.beyondAtTownHall;
    commune.cellsBeyondA = a.cellsBeyond;
    commune.cellsBeyondB = b.cellsBeyond;
    return commune;
}

// The cells that change side of the threshold, per cell (the change zones are shaped from them).
struct ChangedCells {
    std::vector<std::uint8_t> covered, uncovered;
};

// Flags the cells that change side of the threshold (unreachable counts as beyond, as in the
// gaps) and counts them in the comparison, with their people and area.
ChangedCells changedCells(const CoverageContext& context, const CoverageResult& a, const CoverageResult& b,
                          ScenarioComparison& comparison)
{
    const CoverageGrid& grid = context.grid();
    const float threshold = float(comparison.thresholdMinutes);
    ChangedCells changed{std::vector<std::uint8_t>(grid.cellCount(), 0), std::vector<std::uint8_t>(grid.cellCount(), 0)};
    for (std::size_t i = 0; i < grid.cellCount(); ++i) {
        const bool beyondA = !(a.surface.minutes[i] <= threshold);
        const bool beyondB = !(b.surface.minutes[i] <= threshold);
        if (beyondA == beyondB) continue;
        const double people = context.placement().peopleOnCell(i, grid.communeOf(i));
        if (beyondA) {
            changed.covered[i] = 1;
            ++comparison.cellsCovered;
            comparison.peopleCovered += people;
        } else {
            changed.uncovered[i] = 1;
            ++comparison.cellsUncovered;
            comparison.peopleUncovered += people;
        }
    }
    comparison.coveredKm2 = comparison.cellsCovered * grid.cellAreaKm2();
    comparison.uncoveredKm2 = comparison.cellsUncovered * grid.cellAreaKm2();
    return changed;
}

// The difference layer: the zones that come within the threshold, then those that go beyond it.
void addChangeZones(const CoverageContext& context, const ChangedCells& changed, const ComparisonOptions& options,
                    ScenarioComparison& comparison)
{
    comparison.changes = changeZones(context, changed.covered, CoverageChange::Covered, options);
    std::vector<ChangeZone> worse = changeZones(context, changed.uncovered, CoverageChange::Uncovered, options);
    comparison.changes.insert(comparison.changes.end(), std::make_move_iterator(worse.begin()),
                              std::make_move_iterator(worse.end()));
}

}  // namespace

ScenarioComparison compareCoverage(const CoverageContext& context, const CoverageResult& a, const CoverageResult& b,
                                   const QString& nameA, const QString& nameB, const ComparisonOptions& options)
{
    requireComparable(context, a, b, nameA, nameB);
    ScenarioComparison comparison;
    comparison.nameA = nameA;
    comparison.nameB = nameB;
    comparison.level = a.options.level;
    comparison.thresholdMinutes = a.options.thresholdMinutes;
    comparison.departement = compareArea(a.population.departement, b.population.departement);
    for (std::size_t e = 0; e < a.population.epcis.size(); ++e)
        comparison.epcis.push_back(compareArea(a.population.epcis[e], b.population.epcis[e]));
    for (std::size_t c = 0; c < a.population.communes.size(); ++c)
        comparison.communes.push_back(compareCommune(a.population.communes[c], b.population.communes[c]));
    const ChangedCells changed = changedCells(context, a, b, comparison);
    if (options.changeZones) addChangeZones(context, changed, options, comparison);
    return comparison;
}

}  // namespace maillage
