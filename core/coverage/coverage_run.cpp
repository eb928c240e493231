#include "coverage/coverage_run.h"

#include "common/error.h"
#include "coverage/parallel.h"
#include "geo/territory.h"

#include <QCryptographicHash>
#include <QElapsedTimer>

namespace maillage {

namespace {

double lapMs(QElapsedTimer& timer)
{
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    timer.restart();
    return ms;
}

// The links of the points, in order. The engine remembers the points it linked before (those
// that did not move); the others are snapped on `threads` threads when there are enough of
// them (a multi-entry snap costs ~0.1 ms on a dense network: 78 points after the network
// changed), one by one otherwise (a point dragged), since a thread costs more than one snap.
std::vector<AccessLink> linkPoints(const TravelEngine& engine, std::span<const AccueilPoint> points, int threads)
{
    constexpr std::size_t kFewestPerThread = 4;
    std::vector<AccessLink> links(points.size());
    std::vector<std::size_t> toSnap;
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (const std::optional<AccessLink> remembered = engine.rememberedLink(points[i].lambert93)) links[i] = *remembered;
        else toSnap.push_back(i);
    }
    threads = int(std::min<std::size_t>(std::size_t(std::max(threads, 1)), toSnap.size() / kFewestPerThread + 1));
    parallelFor(toSnap.size(), threads, [&](std::size_t k) { links[toSnap[k]] = engine.link(points[toSnap[k]].lambert93); });
    return links;
}

}  // namespace

void joinCoveragePoints(const TravelEngine& engine, std::span<const AccueilPoint> levelPoints, int threads,
                        CoverageResult& result)
{
    // Points too far from any road cannot serve anyone by road: they are left out (and counted).
    const std::vector<AccessLink> links = linkPoints(engine, levelPoints, threads);
    result.points.clear();
    result.pointLinks.clear();
    result.unjoinedPoints = 0;
    result.unjoinedOutsideTerritory = 0;
    for (std::size_t i = 0; i < levelPoints.size(); ++i) {
        if (!links[i].joined()) {
            ++result.unjoinedPoints;
            if (levelPoints[i].outsideTerritory) ++result.unjoinedOutsideTerritory;
            continue;
        }
        result.points.push_back(levelPoints[i]);
        result.pointLinks.push_back(links[i]);
    }
}

void requireValidOptions(const CoverageOptions& options)
{
    if (options.level < 1 || options.level > 3)
        throw Error(QStringLiteral("the level must be 1, 2 or 3 (got %1)").arg(options.level));
    requireValidThreshold(options.thresholdMinutes);
    requireValidBandBreaks(options.bandBreaks);
}

CoverageContext::CoverageContext(const Territory& territory, const TravelEngine& engine,
                                 std::span<const AccueilPoint> points, const CoverageSetup& setup)
    : territory_(&territory), engine_(&engine), grid_(CoverageGrid::build(territory, setup.cellSize))
{
    const SnapFunction snap = [&engine](XY p) { return engine.link(p); };
    townHalls_ = townHallsFor(territory, points);
    if (setup.storedLinks && !setup.storedLinks->empty() && setup.storedLinks->key == coverageLinksKey(grid_, townHalls_)) {
        std::optional<PlaceLinks> cells = PlaceLinks::fromBytes(setup.storedLinks->cells, engine.nodeCount());
        std::optional<PlaceLinks> halls = PlaceLinks::fromBytes(setup.storedLinks->townHalls, engine.nodeCount());
        if (cells && halls && cells->size() == grid_.cellCount() && halls->size() == townHalls_.positions.size()) {
            cellLinks_ = std::move(*cells);
            townHallLinks_ = std::move(*halls);
            linksReused_ = true;
        }
    }
    if (!linksReused_) {
        // The town halls are a few hundred places against 175,000 cells: one last step.
        const double cells = double(grid_.cellCount());
        const double share = cells / (cells + double(townHalls_.positions.size()));
        LinkProgress cellProgress, hallProgress;
        if (setup.linkProgress) {
            cellProgress = [&](double done) { return setup.linkProgress(done * share); };
            hallProgress = [&](double done) { return setup.linkProgress(share + done * (1.0 - share)); };
        }
        cellLinks_ = linkGridCells(grid_, snap, setup.threads, cellProgress);
        townHallLinks_ = linkPlaces(townHalls_.positions, snap, 1, hallProgress);
    }
    if (setup.fixedPlacement) {
        if (setup.fixedPlacement->populated().size() != grid_.cellCount())
            throw Error(QStringLiteral("the population placement given has %1 cells but the grid has %2")
                            .arg(setup.fixedPlacement->populated().size())
                            .arg(grid_.cellCount()));
        placement_ = *setup.fixedPlacement;
    } else {
        placement_ = PopulationPlacement::build(territory, grid_, cellLinks_, setup.placement);
    }
}

PreparedLinks CoverageContext::preparedLinks() const
{
    return {coverageLinksKey(grid_, townHalls_), cellLinks_.toBytes(), townHallLinks_.toBytes()};
}

QByteArray coverageLinksKey(const CoverageGrid& grid, const TownHalls& townHalls)
{
    QCryptographicHash key(QCryptographicHash::Sha1);
    const auto add = [&key](const auto* data, std::size_t count) {
        key.addData(QByteArrayView(reinterpret_cast<const char*>(data), qsizetype(sizeof(*data) * count)));
    };
    const double cell[3] = {grid.cellSize(), grid.west(), grid.north()};
    const std::int32_t size[2] = {grid.columns(), grid.rows()};
    const std::uint64_t counts[2] = {grid.cellCount(), townHalls.positions.size()};
    add(cell, 3);
    add(size, 2);
    add(counts, 2);
    add(grid.rasterIndices().data(), grid.rasterIndices().size());
    add(townHalls.positions.data(), townHalls.positions.size());
    return key.result();
}

void CoverageContext::setTownHalls(std::span<const AccueilPoint> points)
{
    const TravelEngine& engine = *engine_;
    townHalls_ = townHallsFor(*territory_, points);
    townHallLinks_ = linkPlaces(
        townHalls_.positions, [&engine](XY p) { return engine.link(p); }, 1);
}

std::vector<AccueilPoint> coveragePoints(std::span<const AccueilPoint> points, int level, bool includePlanned)
{
    std::vector<AccueilPoint> selected;
    for (const AccueilPoint& point : points) {
        if (int(point.level) != level || point.status == PointStatus::Closed) continue;
        if (point.status == PointStatus::Planned && !includePlanned) continue;
        selected.push_back(point);
    }
    return selected;
}

void computeCoverage(const CoverageContext& context, std::span<const AccueilPoint> levelPoints,
                     const CoverageOptions& options, CoverageResult& result)
{
    requireValidOptions(options);
    QElapsedTimer timer;
    timer.start();
    result.options = options;
    result.timings = {};

    joinCoveragePoints(context.engine(), levelPoints, options.threads, result);
    result.timings.link = lapMs(timer);

    context.engine().nearestShared(result.pointLinks, result.search, options.threads);
    result.timings.search = lapMs(timer);

    const SeedLinks seeds{result.pointLinks};
    context.cellLinks().gather(result.search.view(), seeds, result.surface);
    context.townHallLinks().gather(result.search.view(), seeds, result.townHallTimes);
    result.timings.surface = lapMs(timer);

    // The gap zones and the population need only the surface: the population is counted on
    // this thread while the other threads start shaping the gap zones, then it helps them.
    const int threads = std::clamp(options.threads, 1, 64);
    GapZoneBuilder gaps(
        context.territory(), context.grid(),
        {.thresholdMinutes = options.thresholdMinutes, .clipToCommunes = options.clipGapsToCommunes, .threads = threads});
    gaps.classify(result.surface.minutes);
    double gapsMs = lapMs(timer);
    {
        const int shapers = int(std::clamp<std::size_t>(gaps.shapeTasks(), 1, std::size_t(threads)));
        Helpers helpers(shapers - 1, [&gaps] { gaps.shape(); });
        result.population =
            computePopulationCoverage(context.territory(), context.grid(), context.placement(), result.surface.minutes,
                                      result.townHallTimes.minutes, context.townHalls(), options.thresholdMinutes);
        result.timings.population = lapMs(timer);
        gaps.shape();
        helpers.wait();
    }
    result.gapZones = gaps.finish(result.surface.minutes);
    result.timings.gaps = gapsMs + lapMs(timer);

    result.bands.clear();
    if (options.computeBands)
        result.bands = computeIsochroneBands(context.territory(), context.grid(), result.surface.minutes, options.bandBreaks,
                                             true, threads);
    result.timings.bands = lapMs(timer);
}

CoverageResult computeCoverage(const CoverageContext& context, std::span<const AccueilPoint> levelPoints,
                               const CoverageOptions& options)
{
    CoverageResult result;
    computeCoverage(context, levelPoints, options, result);
    return result;
}

}  // namespace maillage
