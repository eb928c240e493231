#include "coverage_controller.h"

#include "project.h"

#include <algorithm>

namespace maillage::gui {

CoverageController::CoverageController(Project& project, QObject* parent)
    : QObject(parent), project_(project), context_(project.data().coverage.get())
{
    scheduler_.setSingleShot(true);
    scheduler_.setInterval(0);
    connect(&scheduler_, &QTimer::timeout, this, &CoverageController::recomputeNow);
    connect(&project, &Project::pointsEdited, this, &CoverageController::pointsChanged);
    if (context_) recomputeNow();
}

void CoverageController::setLevel(int level)
{
    level = std::clamp(level, 1, 3);
    if (level == level_) return;
    level_ = level;
    Q_EMIT settingsChanged();
    if (!context_) return;
    if (!fresh_[level_ - 1]) compute(level_);
    Q_EMIT updated();
}

void CoverageController::setThresholdMinutes(double minutes)
{
    if (!(minutes > 0) || minutes == thresholdMinutes_) return;
    thresholdMinutes_ = minutes;
    fresh_.fill(false);
    Q_EMIT settingsChanged();
    if (context_) recomputeNow();
}

void CoverageController::setIncludePlanned(bool include)
{
    if (include == includePlanned_) return;
    includePlanned_ = include;
    fresh_.fill(false);
    Q_EMIT settingsChanged();
    if (context_) recomputeNow();
}

const CoverageResult& CoverageController::resultFor(int level)
{
    level = std::clamp(level, 1, 3);
    if (context_ && !fresh_[level - 1]) compute(level);
    return results_[level - 1];
}

void CoverageController::pointsChanged()
{
    fresh_.fill(false);
    if (context_ && !scheduler_.isActive()) scheduler_.start();
}

void CoverageController::recomputeNow()
{
    scheduler_.stop();
    if (!context_) return;
    compute(level_);
    Q_EMIT updated();
}

namespace {

// computeCoverage (core/coverage/coverage_run.cpp) without the gap-zone polygons and the
// band polygons, which only exports need: polygonising the gaps is most of the cost of a
// recompute, and the map draws gaps and bands from the surface itself. Same steps, same
// order, same results otherwise (checked by the GUI tests against the CLI's figures).
void computeLiveCoverage(const CoverageContext& context, std::span<const AccueilPoint> levelPoints,
                         const CoverageOptions& options, CoverageResult& result)
{
    requireValidOptions(options);
    result.options = options;
    result.timings = {};
    result.points.clear();
    result.pointLinks.clear();
    result.unjoinedPoints = 0;
    for (const AccueilPoint& point : levelPoints) {
        const AccessLink link = context.engine().link(point.lambert93);
        if (!link.joined()) {
            ++result.unjoinedPoints;
            continue;
        }
        result.points.push_back(point);
        result.pointLinks.push_back(link);
    }
    context.engine().nearest(result.pointLinks, result.search);
    const SeedLinks seeds{result.pointLinks};
    context.cellLinks().gather(result.search.view(), seeds, result.surface);
    context.townHallLinks().gather(result.search.view(), seeds, result.townHallTimes);
    result.gapZones.clear();
    result.bands.clear();
    result.population = computePopulationCoverage(context.territory(), context.grid(), context.placement(),
                                                  result.surface.minutes, result.townHallTimes.minutes,
                                                  context.townHalls(), options.thresholdMinutes);
}

}  // namespace

CoverageOptions CoverageController::optionsFor(int level) const
{
    CoverageOptions options;
    options.level = level;
    options.thresholdMinutes = thresholdMinutes_;
    options.computeBands = false;  // the map draws bands and gaps from the surface itself
    options.clipGapsToCommunes = false;
    return options;
}

void CoverageController::compute(int level)
{
    QElapsedTimer timer;
    timer.start();
    const std::vector<AccueilPoint> points = coveragePoints(project_.points(), level, includePlanned_);
    try {
        computeLiveCoverage(*context_, points, optionsFor(level), results_[level - 1]);
    } catch (const std::exception& e) {
        // Keep showing the previous result; the message reaches the status bar.
        Q_EMIT failed(QString::fromLocal8Bit(e.what()));
    }
    fresh_[level - 1] = true;
    lastMilliseconds_ = timer.nsecsElapsed() / 1e6;
    ++recomputeCount_;
}

}  // namespace maillage::gui
