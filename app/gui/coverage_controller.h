#pragma once

#include "coverage/coverage_run.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <array>

namespace maillage::gui {

class Project;

// Keeps the coverage of the chosen level up to date with the project's points, including
// while a point is being dragged: every change of the points schedules one recompute for
// the next turn of the event loop, so a burst of mouse moves costs one computation. The
// live computation skips what only exports need (gap-zone and band polygons): the map draws
// gaps and bands from the travel-time surface.
// Other levels are computed on demand (identify) and kept until the points change.
class CoverageController : public QObject {
    Q_OBJECT
public:
    explicit CoverageController(Project& project, QObject* parent = nullptr);

    bool isAvailable() const { return context_ != nullptr; }
    const CoverageContext* context() const { return context_; }

    int level() const { return level_; }
    double thresholdMinutes() const { return thresholdMinutes_; }
    // Planned points count (a scenario being drawn); closed points never do.
    bool includePlanned() const { return includePlanned_; }
    void setLevel(int level);
    void setThresholdMinutes(double minutes);
    void setIncludePlanned(bool include);

    // The result for the displayed level (computed at construction).
    const CoverageResult& result() const { return results_[level_ - 1]; }
    // The result for any level, computed now if the points changed since.
    const CoverageResult& resultFor(int level);

    // Computes the displayed level now (normally done by the scheduler).
    void recomputeNow();

    // Recomputes done and the time they took, for the status bar and the benchmark.
    int recomputeCount() const { return recomputeCount_; }
    double lastMilliseconds() const { return lastMilliseconds_; }

Q_SIGNALS:
    void updated();            // result() changed
    void settingsChanged();    // level, threshold or planned points
    void failed(const QString& message);

private:
    void pointsChanged();
    void compute(int level);
    CoverageOptions optionsFor(int level) const;

    Project& project_;
    const CoverageContext* context_ = nullptr;
    int level_ = 2;
    double thresholdMinutes_ = kDefaultThresholdMinutes;
    bool includePlanned_ = true;
    std::array<CoverageResult, 3> results_;
    std::array<bool, 3> fresh_{false, false, false};
    QTimer scheduler_;
    int recomputeCount_ = 0;
    double lastMilliseconds_ = 0;
};

}  // namespace maillage::gui
