#include "project.h"

#include "common/error.h"
#include "geo/crs.h"
#include "planning/scenario.h"

#include <QFile>
#include <QFileInfo>
#include <QUndoStack>

namespace maillage::gui {

Project::Project(Store store, std::shared_ptr<const ProjectData> data, QObject* parent)
    : QObject(parent),
      store_(std::make_unique<Store>(std::move(store))),
      data_(std::move(data)),
      points_(store_->points()),
      undoStack_(new QUndoStack(this))
{
}

Project::~Project() = default;

QString Project::path() const { return store_->path(); }

QString Project::displayName() const { return store_->isServer() ? store_->path() : QFileInfo(store_->path()).fileName(); }

void Project::replaceStore(Store store)
{
    store_ = std::make_unique<Store>(std::move(store));
    reloadPoints();
}

int Project::rowOf(qint64 id) const
{
    for (size_t i = 0; i < points_.size(); ++i)
        if (points_[i].id == id) return static_cast<int>(i);
    return -1;
}

const AccueilPoint* Project::point(qint64 id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &points_[row];
}

AccueilPoint Project::placedAt(AccueilPoint point, XY position) const
{
    point.lambert93 = position;
    point.wgs84 = toWgs84(position);
    const Commune* commune = territory().communeAt(position);
    point.communeInsee = commune ? commune->insee : QString();
    point.outsideTerritory = commune == nullptr;
    return point;
}

qint64 Project::insertPoint(const AccueilPoint& point)
{
    const qint64 wanted = point.id;
    if (planActive() && wanted > 0) {
        // A baseline point deleted in the plan (closed there) comes back as it was.
        writePlanChange(point);
        return wanted;
    }
    qint64 id = 0;
    AccueilPoint stored = point;
    if (planActive()) {
        id = ScenarioStore(*store_).addPoint(activeScenario_, point);
        stored.status = PointStatus::Planned;
    } else {
        id = store_->insertPoint(point);
        stored = store_->point(id).value_or(point);
    }
    if (wanted != 0 && id != wanted) aliases_[wanted] = id;
    stored.id = id;
    addInMemory(stored);
    Q_EMIT plansChanged();
    return id;
}

void Project::updatePoint(const AccueilPoint& point)
{
    if (!planActive()) {
        store_->updatePoint(point);
        previewOriginals_.erase(point.id);
        replaceInMemory(store_->point(point.id).value_or(point), false);
        return;
    }
    if (point.id > 0) {
        writePlanChange(point);
        return;
    }
    AccueilPoint planned = point;
    planned.status = PointStatus::Planned;
    ScenarioStore(*store_).updatePoint(activeScenario_, planned);
    previewOriginals_.erase(point.id);
    replaceInMemory(planned, false);
}

void Project::removePoint(qint64 id)
{
    if (planActive() && id > 0) {
        // A plan closes the baseline's points; they stay on the map, crossed out.
        const AccueilPoint* current = point(id);
        if (!current) throw Error(tr("le point n° %1 n'est pas dans le plan « %2 »").arg(id).arg(activeScenario_));
        AccueilPoint closed = *current;
        closed.status = PointStatus::Closed;
        writePlanChange(closed);
        return;
    }
    if (planActive()) ScenarioStore(*store_).closePoint(activeScenario_, id);
    else store_->deletePoint(id);
    removeFromMemory(id);
    Q_EMIT plansChanged();
}

const AccueilPoint* Project::baselinePoint(qint64 id) const
{
    for (const AccueilPoint& p : baselinePoints_)
        if (p.id == id) return &p;
    return nullptr;
}

void Project::writePlanChange(const AccueilPoint& point)
{
    const AccueilPoint* base = baselinePoint(point.id);
    if (!base) throw Error(tr("le point n° %1 n'existe plus dans le projet").arg(point.id));
    const bool sameOtherwise = point.name == base->name && point.lambert93.x == base->lambert93.x
                               && point.lambert93.y == base->lambert93.y && point.weeklyHours == base->weeklyHours
                               && point.openingHours == base->openingHours && point.address == base->address
                               && point.notes == base->notes && point.serves == base->serves;
    if (!sameOtherwise)
        throw Error(tr("dans le plan « %1 », « %2 » peut être fermé ou changer de niveau et de type ; ses autres "
                       "attributs et sa position se modifient dans la situation actuelle")
                        .arg(activeScenario_, base->name));
    if (point.status == PointStatus::Planned)
        throw Error(tr("dans le plan « %1 », « %2 » est existant ou fermé, pas projeté").arg(activeScenario_, base->name));
    PointChange change;
    change.pointId = point.id;
    change.closed = point.status == PointStatus::Closed;
    if (point.level != base->level) change.level = point.level;
    if (point.kind != base->kind) change.kind = point.kind;
    ScenarioStore(*store_).setPointChange(activeScenario_, change);
    AccueilPoint shown = *base;
    shown.status = change.closed ? PointStatus::Closed : base->status;
    shown.level = point.level;
    shown.kind = point.kind;
    previewOriginals_.erase(point.id);
    replaceInMemory(shown, false);
    Q_EMIT plansChanged();
}

void Project::addInMemory(const AccueilPoint& point)
{
    const int row = static_cast<int>(points_.size());
    Q_EMIT pointAboutToBeAdded(row);
    points_.push_back(point);
    Q_EMIT pointAdded(row);
    Q_EMIT pointsEdited();
}

void Project::removeFromMemory(qint64 id)
{
    previewOriginals_.erase(id);
    const int row = rowOf(id);
    if (row < 0) return;
    Q_EMIT pointAboutToBeRemoved(row);
    points_.erase(points_.begin() + row);
    Q_EMIT pointRemoved(row);
    if (selection_.remove(id)) Q_EMIT selectionChanged();
    Q_EMIT pointsEdited();
}

void Project::previewMove(qint64 id, XY position)
{
    const AccueilPoint* current = point(id);
    if (!current) return;
    previewOriginals_.try_emplace(id, *current);
    AccueilPoint moved = *current;
    moved.lambert93 = position;  // commune and WGS84 are completed when the move is committed
    replaceInMemory(moved, true);
}

void Project::cancelPreview()
{
    auto originals = std::move(previewOriginals_);
    previewOriginals_.clear();
    for (const auto& [id, original] : originals) replaceInMemory(original, false);
}

qint64 Project::resolve(qint64 id) const
{
    for (auto it = aliases_.find(id); it != aliases_.end(); it = aliases_.find(id)) id = it->second;
    return id;
}

void Project::reloadPoints()
{
    cancelPreview();
    Q_EMIT pointsAboutToBeReset();
    loadActiveScenario();
    Q_EMIT pointsReset();
    keepSelectedPointsThatRemain();
    Q_EMIT roadClosuresChanged();
    Q_EMIT pointsEdited();
}

void Project::loadActiveScenario()
{
    if (!planActive()) {
        // The baseline as the table shows it: every stored point, planned ones included (they
        // count when "Compter les points projetés" is on).
        points_ = store_->points();
        baselinePoints_.clear();
        roadClosures_.clear();
        return;
    }
    baselinePoints_ = store_->points();
    ScenarioView view = applyScenario(baselinePoints_, ScenarioStore(*store_).scenario(activeScenario_));
    points_ = std::move(view.points);
    roadClosures_ = std::move(view.roadClosures);
}

void Project::keepSelectedPointsThatRemain()
{
    QSet<qint64> kept;
    for (qint64 id : std::as_const(selection_))
        if (point(id)) kept.insert(id);
    setSelection(kept);
}

void Project::activateScenario(const QString& name)
{
    const QString wanted = isBaselineName(name) ? kBaselineScenario : name.trimmed();
    if (!isBaselineName(wanted) && !ScenarioStore(*store_).exists(wanted))
        throw Error(tr("le projet n'a pas de plan « %1 »").arg(wanted));
    if (wanted == activeScenario_) return;
    const QString previous = activeScenario_;
    cancelPreview();
    Q_EMIT pointsAboutToBeReset();
    activeScenario_ = wanted;
    try {
        loadActiveScenario();
    } catch (...) {
        activeScenario_ = previous;
        loadActiveScenario();
        Q_EMIT pointsReset();
        throw;
    }
    // The store spells the name as it was created.
    if (planActive()) activeScenario_ = ScenarioStore(*store_).scenario(wanted).name;
    Q_EMIT pointsReset();
    keepSelectedPointsThatRemain();
    Q_EMIT scenarioChanged();
    Q_EMIT roadClosuresChanged();
    Q_EMIT pointsEdited();
}

std::vector<ScenarioSummary> Project::plans() const
{
    plansShown_ = ScenarioStore(*store_).list();
    return plansShown_;
}

bool Project::scenarioExists(const QString& name) const { return ScenarioStore(*store_).exists(name); }

QString Project::unusedPlanName(const QString& base) const
{
    if (!scenarioExists(base)) return base;
    for (int n = 2;; ++n) {
        const QString name = QStringLiteral("%1 (%2)").arg(base).arg(n);
        if (!scenarioExists(name)) return name;
    }
}

Scenario Project::scenario(const QString& name) const { return ScenarioStore(*store_).scenario(name); }

void Project::createPlan(const QString& name, const QString& from, const QString& description)
{
    ScenarioStore scenarios(*store_);
    Store::Batch batch(*store_);
    scenarios.copy(from, name);
    if (!description.isEmpty()) scenarios.setDescription(name, description);
    batch.commit();
    Q_EMIT plansChanged();
}

void Project::renamePlan(const QString& from, const QString& to)
{
    ScenarioStore(*store_).rename(from, to);
    if (planActive() && activeScenario_.compare(from.trimmed(), Qt::CaseInsensitive) == 0) {
        activeScenario_ = to.trimmed();
        Q_EMIT scenarioChanged();
    }
    Q_EMIT plansChanged();
}

void Project::removePlan(const QString& name)
{
    if (planActive() && activeScenario_.compare(name.trimmed(), Qt::CaseInsensitive) == 0)
        activateScenario(kBaselineScenario);
    ScenarioStore(*store_).remove(name);
    Q_EMIT plansChanged();
}

void Project::restorePlan(const Scenario& plan)
{
    ScenarioStore scenarios(*store_);
    std::vector<std::pair<qint64, qint64>> points, closures;
    {
        Store::Batch batch(*store_);
        scenarios.create(plan.name, plan.description);
        for (const AccueilPoint& point : plan.addedPoints)
            points.emplace_back(point.id, scenarios.addPoint(plan.name, point));
        for (const PointChange& change : plan.pointChanges) scenarios.setPointChange(plan.name, change);
        for (const RoadClosure& closure : plan.roadClosures)
            closures.emplace_back(closure.id, scenarios.addRoadClosure(plan.name, closure));
        batch.commit();
    }
    for (const auto& [from, to] : points)
        if (from != to) aliases_[from] = to;
    for (const auto& [from, to] : closures)
        if (from != to) closureAliases_[from] = to;
    Q_EMIT plansChanged();
}

qint64 Project::addRoadClosure(const RoadClosure& closure)
{
    const qint64 id = ScenarioStore(*store_).addRoadClosure(activeScenario_, closure);
    if (closure.id != 0 && closure.id != id) closureAliases_[closure.id] = id;
    RoadClosure saved = closure;
    saved.id = id;
    roadClosures_.push_back(saved);
    Q_EMIT roadClosuresChanged();
    Q_EMIT plansChanged();
    return id;
}

void Project::removeRoadClosure(qint64 id)
{
    ScenarioStore(*store_).removeRoadClosure(activeScenario_, id);
    std::erase_if(roadClosures_, [id](const RoadClosure& c) { return c.id == id; });
    Q_EMIT roadClosuresChanged();
    Q_EMIT plansChanged();
}

qint64 Project::resolveClosure(qint64 id) const
{
    for (auto it = closureAliases_.find(id); it != closureAliases_.end(); it = closureAliases_.find(id)) id = it->second;
    return id;
}

void Project::inOneTransaction(const std::function<void()>& edits)
{
    try {
        Store::Batch batch(*store_);
        edits();
        batch.commit();
    } catch (...) {
        // The edits done in memory before the failure were rolled back in the store (a plan
        // created by them too).
        const bool planGone = planActive() && !ScenarioStore(*store_).exists(activeScenario_);
        if (planGone) activeScenario_ = kBaselineScenario;
        reloadPoints();
        if (planGone) Q_EMIT scenarioChanged();
        Q_EMIT plansChanged();
        throw;
    }
}

void Project::saveAs(const QString& path)
{
    const QString current = store_->path();
    if (QFileInfo(path).absoluteFilePath() == QFileInfo(current).absoluteFilePath()) return;
    // Edits made before the copy stay this editor's own: undoing them is not a conflict.
    const Store::OwnVersions ownVersions = store_->ownVersions();
    // Closing the store folds its write-ahead log into the file, so the copy is complete.
    store_.reset();
    auto reopenCurrent = [&] {
        store_ = std::make_unique<Store>(Store::open(current));
        store_->adoptOwnVersions(ownVersions);
    };
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
        QFile::remove(path + suffix);
    if (!QFile::copy(current, path)) {
        reopenCurrent();
        throw Error(tr("impossible de copier le projet vers %1").arg(path));
    }
    try {
        store_ = std::make_unique<Store>(Store::open(path));
        store_->adoptOwnVersions(ownVersions);
    } catch (...) {
        reopenCurrent();
        throw;
    }
    Q_EMIT pathChanged(store_->path());
}

void Project::setSelection(const QSet<qint64>& ids)
{
    if (ids == selection_) return;
    selection_ = ids;
    Q_EMIT selectionChanged();
}

void Project::replaceInMemory(const AccueilPoint& point, bool preview)
{
    const int row = rowOf(point.id);
    if (row < 0) return;
    points_[row] = point;
    if (preview) Q_EMIT pointPreviewMoved(row);
    else Q_EMIT pointChanged(row);
    Q_EMIT pointsEdited();
}

}  // namespace maillage::gui
