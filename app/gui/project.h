#pragma once

#include "project/loaded_project.h"
#include "store/accueil_point.h"
#include "store/scenarios.h"
#include "store/store.h"

#include <QObject>
#include <QSet>
#include <QStringList>

#include <functional>
#include <memory>
#include <unordered_map>
#include <vector>

class QUndoStack;

namespace maillage::gui {

// What a project holds in memory besides its store (core/project/loaded_project.h), built
// off the GUI thread from the project's inputs (boundaries, road network).
using ProjectData = LoadedProject;

// An open project: the store (the file on disk, written at every edit), the territory and
// network loaded from its inputs, the accueil points as shown, the selection and the undo
// history. Views (canvas, table, docks) observe it through its signals; edits go through
// the undo stack (point_commands.h, scenario_commands.h), which calls the editing methods
// below.
//
// The points shown and edited are those of the *active scenario*: the baseline (the
// project's points as stored) or a plan (store/scenarios.h). While a plan is active,
// points() are the plan's view — the baseline's points with the plan's changes (closed,
// level or kind changed), then the plan's own points (negative ids, status planned) — and
// every edit goes into the plan: adding, moving or editing the plan's own points; closing a
// baseline point or changing its level and kind (nothing else of it: the baseline's points
// are edited in the baseline). The baseline never changes while a plan is active.
class Project : public QObject {
    Q_OBJECT
public:
    Project(Store store, std::shared_ptr<const ProjectData> data, QObject* parent = nullptr);
    ~Project() override;

    QString path() const;
    // For titles and messages: the file's name, or the server location without credentials.
    QString displayName() const;
    Store& store() { return *store_; }
    const ProjectData& data() const { return *data_; }
    const std::shared_ptr<const ProjectData>& sharedData() const { return data_; }
    const Territory& territory() const { return data_->territory; }
    QUndoStack* undoStack() const { return undoStack_; }

    // Points of the active scenario, in the order of the table; row = index.
    const std::vector<AccueilPoint>& points() const { return points_; }
    // The baseline's points (as stored), whatever scenario is active: the town halls every
    // scenario's coverage counts people at come from them.
    const std::vector<AccueilPoint>& baselinePoints() const { return planActive() ? baselinePoints_ : points_; }

    // --- Scenarios
    // The active scenario: kBaselineScenario or the name of a plan.
    QString activeScenario() const { return activeScenario_; }
    bool planActive() const { return !isBaselineName(activeScenario_); }
    // The road closures of the active plan (none for the baseline).
    const std::vector<RoadClosure>& roadClosures() const { return roadClosures_; }
    // Shows and edits another scenario; throws maillage::Error when there is no such plan.
    void activateScenario(const QString& name);
    // The plans of the project, by name (read from the store).
    std::vector<ScenarioSummary> plans() const;
    // The plans as last read by plans(): what the lists of plans show.
    const std::vector<ScenarioSummary>& plansShown() const { return plansShown_; }
    // Others changed the plans (SharedProjectMonitor): the lists of plans read them again.
    void refreshPlans() { Q_EMIT plansChanged(); }
    bool scenarioExists(const QString& name) const;
    // `base`, or "base (2)", "base (3)"… the first no plan of the project has.
    QString unusedPlanName(const QString& base) const;
    Scenario scenario(const QString& name) const;
    // False for a baseline point while a plan is active (a plan cannot move it).
    bool canMove(qint64 id) const { return !(planActive() && id > 0); }

    // Plans, used by the scenario commands (each one write; they throw maillage::Error).
    // createPlan copies `from` (a plan, or the baseline: an empty plan).
    void createPlan(const QString& name, const QString& from = kBaselineScenario, const QString& description = {});
    void renamePlan(const QString& from, const QString& to);
    void removePlan(const QString& name);  // the baseline becomes active if it was
    // Creates a plan again as it was (a deleted plan, undone), in one transaction. Its points
    // and closures get new ids, which resolve() and resolveClosure() give for the old ones.
    void restorePlan(const Scenario& plan);
    // Road closures of the active plan; the id given to a closure restored (undo) may
    // change: resolveClosure() follows it.
    qint64 addRoadClosure(const RoadClosure& closure);
    void removeRoadClosure(qint64 id);
    qint64 resolveClosure(qint64 id) const;

    // Runs `edits` (calls of the editing methods) in one store transaction: all saved or
    // none. On failure, the points are read again from the store and the error is rethrown.
    void inOneTransaction(const std::function<void()>& edits);
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

    // Reads the points (and the active plan) again from the store (after an import).
    void reloadPoints();

    // Continues on another connection to the same project (a server project reconnected after
    // the server was gone): the undo history stays valid, the points are read again.
    void replaceStore(Store store);

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
    // An edit refused because someone else changed the point since it was read (nothing was
    // written): who changed it (PostgreSQL role or system user) and the full message.
    void editConflict(qint64 pointId, const QString& changedBy, const QString& message);
    // The same for a plan: someone else changed the plan (its points, changes or closures) since
    // it was read; nothing was written.
    void planConflict(const QString& plan, const QString& changedBy, const QString& message);
    // Another scenario is active (or the active plan was renamed).
    void scenarioChanged();
    // Plans were created, renamed, deleted or changed (for lists of plans).
    void plansChanged();
    // The active plan's road closures changed.
    void roadClosuresChanged();

private:
    void replaceInMemory(const AccueilPoint& point, bool preview);
    void addInMemory(const AccueilPoint& point);
    void removeFromMemory(qint64 id);
    void loadActiveScenario();
    // After the points were read again: the selection keeps only the points still there.
    void keepSelectedPointsThatRemain();
    // A baseline point as the active plan should have it: only its closure, level and kind
    // may differ from the baseline's.
    void writePlanChange(const AccueilPoint& point);
    const AccueilPoint* baselinePoint(qint64 id) const;

    std::unique_ptr<Store> store_;
    std::shared_ptr<const ProjectData> data_;
    std::vector<AccueilPoint> points_;
    std::unordered_map<qint64, qint64> aliases_;  // restored point: old id -> new id
    std::unordered_map<qint64, qint64> closureAliases_;
    QString activeScenario_ = kBaselineScenario;
    std::vector<AccueilPoint> baselinePoints_;  // while a plan is active
    std::vector<RoadClosure> roadClosures_;
    mutable std::vector<ScenarioSummary> plansShown_;
    std::unordered_map<qint64, AccueilPoint> previewOriginals_;
    QSet<qint64> selection_;
    QUndoStack* undoStack_ = nullptr;
};

}  // namespace maillage::gui
