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

CoverageOptions CoverageController::optionsFor(int level) const
{
    CoverageOptions options;
    options.level = level;
    options.thresholdMinutes = thresholdMinutes_;
    options.computeBands = false;         // the map draws bands from the surface itself
    options.clipGapsToCommunes = false;   // stair-step outlines are enough on screen
    return options;
}

void CoverageController::compute(int level)
{
    QElapsedTimer timer;
    timer.start();
    const std::vector<AccueilPoint> points = coveragePoints(project_.points(), level, includePlanned_);
    try {
        computeCoverage(*context_, points, optionsFor(level), results_[level - 1]);
    } catch (const std::exception& e) {
        // Keep showing the previous result; the message reaches the status bar.
        Q_EMIT failed(QString::fromLocal8Bit(e.what()));
    }
    fresh_[level - 1] = true;
    lastMilliseconds_ = timer.nsecsElapsed() / 1e6;
    ++recomputeCount_;
}

}  // namespace maillage::gui
