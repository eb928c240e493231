#pragma once

#include "store/accueil_point.h"
#include "store/scenarios.h"

#include <QCoreApplication>
#include <QUndoCommand>

#include <vector>

namespace maillage::gui {

class Project;

// Plans and their road closures as undoable edits, on the same undo stack as the point
// edits (point_commands.h): a plan created, copied, renamed or deleted, roads closed or
// reopened, suggested sites added. Commands name plans, which is enough: when one is undone
// or redone, every later command has been undone, so the plans are as they were when it
// was made. A command the store refuses reports through Project::editFailed.

// A new plan, empty or a copy of another scenario; it becomes the active one.
class CreatePlanCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(ScenarioCommands)
public:
    CreatePlanCommand(Project& project, QString name, QString from, QString description = {});
    void redo() override;
    void undo() override;

private:
    Project& project_;
    QString name_;
    QString from_;
    QString description_;
    QString previous_;  // the scenario active before
};

class RenamePlanCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(ScenarioCommands)
public:
    RenamePlanCommand(Project& project, QString from, QString to);
    void redo() override;
    void undo() override;

private:
    Project& project_;
    QString from_;
    QString to_;
};

// Deletes a plan; undo creates it again with everything it held.
class DeletePlanCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(ScenarioCommands)
public:
    DeletePlanCommand(Project& project, const QString& name);
    void redo() override;
    void undo() override;

private:
    Project& project_;
    Scenario plan_;
    bool wasActive_ = false;
};

// Closes roads in the active plan (one or several closures, one edit).
class CloseRoadsCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(ScenarioCommands)
public:
    CloseRoadsCommand(Project& project, std::vector<RoadClosure> closures, const QString& text);
    void redo() override;
    void undo() override;

private:
    Project& project_;
    QString scenario_;
    std::vector<RoadClosure> closures_;  // ids given by the first redo
};

// Reopens roads: removes closures of the active plan.
class ReopenRoadsCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(ScenarioCommands)
public:
    ReopenRoadsCommand(Project& project, const std::vector<qint64>& closureIds, const QString& text);
    void redo() override;
    void undo() override;

private:
    Project& project_;
    QString scenario_;
    std::vector<RoadClosure> closures_;  // as they were
};

// Adds points (suggested sites) to a plan, creating it first (as a copy of `from`) when
// `createFrom` is set; the plan becomes the active one. One edit.
class AddSitesCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(ScenarioCommands)
public:
    AddSitesCommand(Project& project, QString plan, std::vector<AccueilPoint> points, bool create,
                    QString from = kBaselineScenario, QString description = {});
    void redo() override;
    void undo() override;
    // The ids of the points added (after redo).
    std::vector<qint64> pointIds() const;

private:
    Project& project_;
    QString plan_;
    std::vector<AccueilPoint> points_;  // ids given by the first redo
    bool create_;
    QString from_;
    QString description_;
    QString previous_;
};

}  // namespace maillage::gui
