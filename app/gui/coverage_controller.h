#pragma once

#include "coverage/coverage_run.h"
#include "planning/road_closures.h"
#include "store/scenarios.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

#include <array>
#include <functional>
#include <memory>

namespace maillage {
class ClosedNetwork;
}

namespace maillage::gui {

class Project;

// The closure of a network that closes the same roads as `closure` (same reference, place,
// radius or edge; ids aside), or null.
const ResolvedClosure* findResolved(const ClosedNetwork& network, const RoadClosure& closure);
// True when the network closes exactly the roads of these closures, in any order.
bool closesTheSameRoads(const ClosedNetwork& network, const std::vector<RoadClosure>& closures);

// Keeps the coverage of the chosen level up to date with the project's points, including
// while a point is being dragged: every change of the points schedules one recompute for
// the next turn of the event loop, so a burst of mouse moves costs one computation. The
// live computation skips what only exports need (gap-zone and band polygons): the map draws
// gaps and bands from the travel-time surface.
// Other levels are computed on demand (identify) and kept until the points change.
//
// It follows the project's active scenario: the points are the scenario's; a plan that
// closes roads gets its own closed network (planning/closed_network.h), built when the plan
// becomes active or its closures change, so the open network is never changed. The
// demand side (grid, population placement, town halls) is the baseline's in every scenario;
// when a town hall of the baseline moves, the context takes its new place (copied first:
// work off the GUI thread may still hold the previous one).
class CoverageController : public QObject {
    Q_OBJECT
public:
    explicit CoverageController(Project& project, QObject* parent = nullptr);
    Project& project() const { return project_; }
    ~CoverageController() override;

    bool isAvailable() const { return context_ != nullptr; }
    // The context of the active scenario (the closed network's when its plan closes roads).
    const CoverageContext* context() const { return context_.get(); }
    std::shared_ptr<const CoverageContext> sharedContext() const { return context_; }
    // The open network's context (with the baseline's current town halls).
    std::shared_ptr<const CoverageContext> baselineContext() const { return baseContext_; }
    // The active plan's closed network, or null (no plan, or no road closed). After the
    // plan's closures change it is rebuilt once at the next recompute (several closures
    // changed in one edit cost one rebuild); networkChanged() follows.
    std::shared_ptr<const ClosedNetwork> closedNetwork() const { return closedNetwork_; }
    // Rebuilds the network now if the closures changed since (before work that must see it);
    // waits for the rebuild running in the background, if any.
    void applyPendingNetwork();
    bool networkPending() const { return networkPending_; }
    // The closed network is being rebuilt off the GUI thread (after the plan's closures
    // changed): the map keeps the previous result until it is done, then recomputes.
    bool isBuildingNetwork() const;
    // A closed network for other closures (e.g. another plan to compare), sharing the
    // active one when the closures are the same; null when no road is closed.
    std::shared_ptr<const ClosedNetwork> networkFor(const std::vector<RoadClosure>& closures) const;
    // The same, as work that may run on another thread (it holds what it needs): gives null
    // when no road is closed.
    std::function<std::shared_ptr<const ClosedNetwork>()> networkBuilder(const std::vector<RoadClosure>& closures) const;

    int level() const { return level_; }
    double thresholdMinutes() const { return thresholdMinutes_; }
    // Planned points count (a scenario being drawn); closed points never do.
    bool includePlanned() const { return includePlanned_; }
    // The project's points of every level as the coverage counts them: the planned ones only
    // when it includes them (what the access table and the printed map show).
    std::vector<AccueilPoint> countedPoints() const;
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
    void networkBuildStarted();   // a closed network is being rebuilt in the background
    void networkBuildFinished();  // ... and is done (networkChanged() and updated() came first)
    void networkChanged();        // another network: a plan's closures, or the open one again
    void updated();               // result() changed
    void settingsChanged();       // level, threshold or planned points
    void failed(const QString& message);

private:
    void pointsChanged();
    void closuresChanged();
    void startNetworkBuild();
    void networkBuilt();
    void scheduledRecompute();
    void installNetwork(std::shared_ptr<const ClosedNetwork> network);
    std::vector<RoadClosure> activeClosures() const;
    bool networkPending_ = false;
    // The background rebuild: its result (or the error it met), and whether the closures
    // changed again while it ran (then its result is stale and another one starts).
    struct BuiltNetwork {
        std::shared_ptr<const ClosedNetwork> network;
        QString error;
    };
    QFutureWatcher<BuiltNetwork>* networkWatcher_ = nullptr;
    bool buildingNetwork_ = false;  // from setFuture to the handling of its finished()
    bool buildStale_ = false;
    void followTownHalls();
    void compute(int level);
    CoverageOptions optionsFor(int level) const;

    Project& project_;
    std::shared_ptr<const CoverageContext> context_;
    std::shared_ptr<const CoverageContext> baseContext_;
    std::shared_ptr<const ClosedNetwork> closedNetwork_;
    static constexpr std::size_t kRecentNetworks = 3;
    std::vector<std::shared_ptr<const ClosedNetwork>> recentNetworks_;
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
