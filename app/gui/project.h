#pragma once

#include "coverage/coverage_run.h"
#include "coverage/network_engine.h"
#include "geo/territory.h"
#include "network/network_input.h"
#include "network/road_graph.h"
#include "network/speed_profile.h"
#include "store/accueil_point.h"
#include "store/project_settings.h"
#include "store/store.h"

#include <QObject>
#include <QSet>
#include <QStringList>

#include <memory>
#include <unordered_map>
#include <vector>

class QUndoStack;

namespace maillage::gui {

// What a project holds in memory besides its store, built off the GUI thread from the
// project's inputs (boundaries, road network).
// Members are declared in dependency order: the coverage context refers to the territory
// and the engine, the engine to the graph.
struct ProjectData {
    ProjectInputs inputs;
    Territory territory;
    std::shared_ptr<const NetworkInput> roads;  // null when the project has no network
    SpeedProfile profile;
    std::unique_ptr<RoadGraph> graph;
    std::unique_ptr<GraphTravelEngine> engine;
    std::unique_ptr<CoverageContext> coverage;  // null without a network
    QStringList warnings;                       // shown to the user once loaded

    ProjectData() = default;
    ProjectData(const ProjectData&) = delete;
    ProjectData& operator=(const ProjectData&) = delete;
    ~ProjectData();
};

// An open project: the store (the file on disk, written at every edit), the territory and
// network loaded from its inputs, the accueil points as shown, the selection and the undo
// history. Views (canvas, table, docks) observe it through its signals; edits go through
// the undo stack (point_commands.h), which calls the editing methods below.
class Project : public QObject {
    Q_OBJECT
public:
    Project(Store store, std::shared_ptr<const ProjectData> data, QObject* parent = nullptr);
    ~Project() override;

    QString path() const;
    Store& store() { return *store_; }
    const ProjectData& data() const { return *data_; }
    const Territory& territory() const { return data_->territory; }
    QUndoStack* undoStack() const { return undoStack_; }

    // Points, in the order of the table; row = index.
    const std::vector<AccueilPoint>& points() const { return points_; }
    int rowOf(qint64 id) const;
    const AccueilPoint* point(qint64 id) const;

    // The point completed for a position: Lambert-93 and WGS84 coordinates, commune and
    // the outside-territory flag.
    AccueilPoint placedAt(AccueilPoint point, XY position) const;

    // Editing, each write in one store transaction (used by the undo commands). They throw
    // maillage::Error when the store refuses; the in-memory state then stays unchanged.
    qint64 insertPoint(const AccueilPoint& point);  // returns the id given by the store
    void updatePoint(const AccueilPoint& point);
    void removePoint(qint64 id);

    // A point being dragged: moved in memory only (for live display and coverage); the
    // drag's end commits it through a move command, or cancelPreview() puts it back.
    void previewMove(qint64 id, XY position);
    void cancelPreview();
    bool hasPreview() const { return !previewOriginals_.empty(); }

    // Ids given to a point that was deleted and restored (undo) may change; commands keep
    // the first id and resolve it here.
    qint64 resolve(qint64 id) const;

    // Reads the points again from the store (after an import).
    void reloadPoints();

    // Copies the project file to `path` and continues working on the copy (the undo history
    // stays valid: the copy has the same ids). Throws maillage::Error; on failure the
    // project stays on its current file.
    void saveAs(const QString& path);

    // Selection of points, shared by the canvas and the table.
    const QSet<qint64>& selection() const { return selection_; }
    void setSelection(const QSet<qint64>& ids);

Q_SIGNALS:
    void pointsAboutToBeReset();
    void pointsReset();
    void pathChanged(const QString& path);
    void pointAboutToBeAdded(int row);
    void pointAdded(int row);
    void pointAboutToBeRemoved(int row);
    void pointRemoved(int row);
    void pointChanged(int row);
    // A point moved in memory during a drag (no store write yet).
    void pointPreviewMoved(int row);
    // Any change of the set of points or of a point, including previews: coverage reacts.
    void pointsEdited();
    void selectionChanged();
    // An edit the store refused (the message names the cause); shown to the user.
    void editFailed(const QString& message);

private:
    void replaceInMemory(const AccueilPoint& point, bool preview);

    std::unique_ptr<Store> store_;
    std::shared_ptr<const ProjectData> data_;
    std::vector<AccueilPoint> points_;
    std::unordered_map<qint64, qint64> aliases_;  // restored point: old id -> new id
    std::unordered_map<qint64, AccueilPoint> previewOriginals_;
    QSet<qint64> selection_;
    QUndoStack* undoStack_ = nullptr;
};

}  // namespace maillage::gui
