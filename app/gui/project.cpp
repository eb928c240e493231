#include "project.h"

#include "common/error.h"
#include "geo/crs.h"

#include <QFile>
#include <QFileInfo>
#include <QUndoStack>

namespace maillage::gui {

ProjectData::~ProjectData()
{
    // The context refers to the engine and the territory: it goes first.
    coverage.reset();
    engine.reset();
    graph.reset();
}

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
    const qint64 id = store_->insertPoint(point);
    if (wanted != 0 && id != wanted) aliases_[wanted] = id;
    AccueilPoint stored = store_->point(id).value_or(point);
    stored.id = id;
    const int row = static_cast<int>(points_.size());
    Q_EMIT pointAboutToBeAdded(row);
    points_.push_back(stored);
    Q_EMIT pointAdded(row);
    Q_EMIT pointsEdited();
    return id;
}

void Project::updatePoint(const AccueilPoint& point)
{
    store_->updatePoint(point);
    previewOriginals_.erase(point.id);
    replaceInMemory(store_->point(point.id).value_or(point), false);
}

void Project::removePoint(qint64 id)
{
    store_->deletePoint(id);
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
    points_ = store_->points();
    Q_EMIT pointsReset();
    QSet<qint64> kept;
    for (qint64 id : std::as_const(selection_))
        if (point(id)) kept.insert(id);
    setSelection(kept);
    Q_EMIT pointsEdited();
}

void Project::saveAs(const QString& path)
{
    const QString current = store_->path();
    if (QFileInfo(path).absoluteFilePath() == QFileInfo(current).absoluteFilePath()) return;
    // Closing the store folds its write-ahead log into the file, so the copy is complete.
    store_.reset();
    auto reopenCurrent = [&] { store_ = std::make_unique<Store>(Store::open(current)); };
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
        QFile::remove(path + suffix);
    if (!QFile::copy(current, path)) {
        reopenCurrent();
        throw Error(tr("impossible de copier le projet vers %1").arg(path));
    }
    try {
        store_ = std::make_unique<Store>(Store::open(path));
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
