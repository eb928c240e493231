#include "coverage_controller.h"

#include "planning/closed_network.h"
#include "project.h"
#include "user_messages.h"

#include <QApplication>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace maillage::gui {

namespace {

bool sameTownHalls(const TownHalls& a, const TownHalls& b)
{
    if (a.known != b.known || a.positions.size() != b.positions.size()) return false;
    for (std::size_t i = 0; i < a.positions.size(); ++i)
        if (a.positions[i].x != b.positions[i].x || a.positions[i].y != b.positions[i].y) return false;
    return true;
}

bool sameRoads(const RoadClosure& a, const RoadClosure& b)
{
    return a.method == b.method && a.ref == b.ref && a.centre.has_value() == b.centre.has_value()
           && (!a.centre || (a.centre->x == b.centre->x && a.centre->y == b.centre->y)) && a.radiusMetres == b.radiusMetres
           && a.edge == b.edge;
}

}  // namespace

const ResolvedClosure* findResolved(const ClosedNetwork& network, const RoadClosure& closure)
{
    for (const ResolvedClosure& resolved : network.closures())
        if (sameRoads(resolved.closure, closure)) return &resolved;
    return nullptr;
}

bool closesTheSameRoads(const ClosedNetwork& network, const std::vector<RoadClosure>& closures)
{
    if (network.closures().size() != closures.size()) return false;
    for (const RoadClosure& closure : closures)
        if (!findResolved(network, closure)) return false;
    return true;
}

CoverageController::CoverageController(Project& project, QObject* parent) : QObject(parent), project_(project)
{
    const std::shared_ptr<const ProjectData>& data = project.sharedData();
    if (data->coverage) baseContext_ = std::shared_ptr<const CoverageContext>(data, data->coverage.get());
    context_ = baseContext_;
    scheduler_.setSingleShot(true);
    scheduler_.setInterval(0);
    connect(&scheduler_, &QTimer::timeout, this, &CoverageController::scheduledRecompute);
    networkWatcher_ = new QFutureWatcher<BuiltNetwork>(this);
    connect(networkWatcher_, &QFutureWatcher<BuiltNetwork>::finished, this, &CoverageController::networkBuilt);
    connect(&project, &Project::pointsEdited, this, &CoverageController::pointsChanged);
    connect(&project, &Project::roadClosuresChanged, this, &CoverageController::closuresChanged);
    if (context_) {
        followTownHalls();
        recomputeNow();
    }
}

CoverageController::~CoverageController() = default;

std::shared_ptr<const ClosedNetwork> CoverageController::networkFor(const std::vector<RoadClosure>& closures) const
{
    return networkBuilder(closures)();
}

std::function<std::shared_ptr<const ClosedNetwork>()> CoverageController::networkBuilder(
    const std::vector<RoadClosure>& closures) const
{
    if (!baseContext_ || closures.empty() || !project_.data().graph)
        return [] { return std::shared_ptr<const ClosedNetwork>(); };
    // The same roads closed (in any order, a closure undone and redone): the network is built.
    if (closedNetwork_ && closesTheSameRoads(*closedNetwork_, closures))
        return [network = closedNetwork_] { return network; };
    for (const auto& network : recentNetworks_)
        if (closesTheSameRoads(*network, closures)) return [network] { return network; };
    return [data = project_.sharedData(), context = baseContext_, points = project_.baselinePoints(), closures] {
        if (!closesAnyRoad(*data->graph, *context, closures)) return std::shared_ptr<const ClosedNetwork>();
        return std::shared_ptr<const ClosedNetwork>(std::make_shared<const ClosedNetwork>(
            *context, *data->graph, data->profile, points, closures, std::max(1, QThread::idealThreadCount())));
    };
}

std::vector<RoadClosure> CoverageController::activeClosures() const
{
    return project_.planActive() ? project_.roadClosures() : std::vector<RoadClosure>{};
}

// Not the watcher's isRunning(): the future ends before its finished() signal is handled, and
// until then the built network is not installed yet.
bool CoverageController::isBuildingNetwork() const { return buildingNetwork_; }

void CoverageController::closuresChanged()
{
    if (!baseContext_) return;
    networkPending_ = true;
    fresh_.fill(false);
    startNetworkBuild();
}

// Building the coverage setup on a closed network takes a few seconds on a detailed network
// (OpenStreetMap, 04): done off the GUI thread so that the window stays usable, with the
// progress in the status bar (networkBuildStarted).
void CoverageController::startNetworkBuild()
{
    if (buildingNetwork_) {
        buildStale_ = true;  // another build starts when this one ends
        return;
    }
    const std::vector<RoadClosure> closures = activeClosures();
    if (closures.empty()) {  // the open network again: nothing to build
        if (!scheduler_.isActive()) scheduler_.start();
        return;
    }
    buildStale_ = false;
    auto build = networkBuilder(closures);
    networkWatcher_->setFuture(QtConcurrent::run([build = std::move(build)]() -> BuiltNetwork {
        try {
            return {build(), {}};
        } catch (const std::exception& e) {
            return {nullptr, userMessage(e)};
        }
    }));
    buildingNetwork_ = true;
    Q_EMIT networkBuildStarted();
}

void CoverageController::networkBuilt()
{
    buildingNetwork_ = false;
    if (buildStale_) {
        startNetworkBuild();
        return;
    }
    if (networkPending_) {  // not taken already by applyPendingNetwork
        const BuiltNetwork built = networkWatcher_->result();
        networkPending_ = false;
        if (!built.error.isEmpty()) Q_EMIT failed(built.error);
        installNetwork(built.network);
        recomputeNow();
    }
    Q_EMIT networkBuildFinished();
}

void CoverageController::scheduledRecompute()
{
    // The rebuild recomputes when it is done; waiting for it here would freeze the window.
    if (networkPending_ && buildingNetwork_) return;
    recomputeNow();
}

void CoverageController::applyPendingNetwork()
{
    if (!networkPending_ || !baseContext_) return;
    std::shared_ptr<const ClosedNetwork> network;
    const bool cursor = QApplication::instance() != nullptr;
    if (cursor) QApplication::setOverrideCursor(Qt::WaitCursor);
    if (buildingNetwork_ && !buildStale_) {
        // Work that must see the new network now (a comparison, a suggestion, a test).
        networkWatcher_->waitForFinished();
        const BuiltNetwork built = networkWatcher_->result();
        if (!built.error.isEmpty()) Q_EMIT failed(built.error);
        network = built.network;
    } else {
        const std::vector<RoadClosure> closures = activeClosures();
        if (!closures.empty()) {
            try {
                network = networkFor(closures);
            } catch (const std::exception& e) {
                Q_EMIT failed(userMessage(e));
            }
        }
        buildStale_ = false;  // what a running build would give is replaced by this one
    }
    if (cursor) QApplication::restoreOverrideCursor();
    networkPending_ = false;
    installNetwork(network);
}

void CoverageController::installNetwork(std::shared_ptr<const ClosedNetwork> network)
{
    if (network == closedNetwork_ && context_) return;
    if (closedNetwork_) {
        // Kept a while: undo and redo often come back to the roads closed before.
        std::erase(recentNetworks_, closedNetwork_);
        recentNetworks_.insert(recentNetworks_.begin(), closedNetwork_);
        if (recentNetworks_.size() > kRecentNetworks) recentNetworks_.pop_back();
    }
    closedNetwork_ = std::move(network);
    context_ =
        closedNetwork_ ? std::shared_ptr<const CoverageContext>(closedNetwork_, &closedNetwork_->context()) : baseContext_;
    fresh_.fill(false);
    Q_EMIT networkChanged();
}

void CoverageController::followTownHalls()
{
    // Only the baseline's points place town halls (a plan never moves them), and a drag in
    // progress is not a move yet.
    if (!baseContext_ || project_.planActive() || project_.hasPreview()) return;
    const TownHalls now = townHallsFor(project_.territory(), project_.points());
    if (sameTownHalls(now, baseContext_->townHalls())) return;
    recentNetworks_.clear();  // built with the town halls where they were
    auto moved = std::make_shared<CoverageContext>(*baseContext_);
    moved->setTownHalls(project_.points());
    const bool active = context_ == baseContext_;
    baseContext_ = std::move(moved);
    if (active) context_ = baseContext_;
    fresh_.fill(false);
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
    followTownHalls();
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
    joinCoveragePoints(context.engine(), levelPoints, 1, result);
    context.engine().nearest(result.pointLinks, result.search);
    const SeedLinks seeds{result.pointLinks};
    context.cellLinks().gather(result.search.view(), seeds, result.surface);
    context.townHallLinks().gather(result.search.view(), seeds, result.townHallTimes);
    result.gapZones.clear();
    result.bands.clear();
    result.population =
        computePopulationCoverage(context.territory(), context.grid(), context.placement(), result.surface.minutes,
                                  result.townHallTimes.minutes, context.townHalls(), options.thresholdMinutes);
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
    applyPendingNetwork();
    QElapsedTimer timer;
    timer.start();
    // A plan's own points are planned: they always count in the plan.
    const std::vector<AccueilPoint> points =
        coveragePoints(project_.points(), level, includePlanned_ || project_.planActive());
    try {
        computeLiveCoverage(*context_, points, optionsFor(level), results_[level - 1]);
    } catch (const std::exception& e) {
        // Keep showing the previous result; the message reaches the status bar.
        Q_EMIT failed(userMessage(e));
    }
    fresh_[level - 1] = true;
    lastMilliseconds_ = timer.nsecsElapsed() / 1e6;
    ++recomputeCount_;
}

std::vector<AccueilPoint> CoverageController::countedPoints() const
{
    std::vector<AccueilPoint> points;
    for (const AccueilPoint& point : project_.points())
        if (point.status != PointStatus::Planned || includePlanned_) points.push_back(point);
    return points;
}

}  // namespace maillage::gui
