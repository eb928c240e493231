#pragma once

#include "store/accueil_point.h"

#include <QCoreApplication>
#include <QUndoCommand>

#include <vector>

namespace maillage::gui {

class Project;

// Every edit of the maillage is one of these commands on the project's undo stack; each
// redo()/undo() writes to the store in its own transaction. A command the store refuses
// reports through Project::editFailed and makes itself obsolete (it is not kept).

class AddPointCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(PointCommands)
public:
    AddPointCommand(Project& project, AccueilPoint point);
    void redo() override;
    void undo() override;
    qint64 pointId() const;  // the id of the added point (after the first redo)

private:
    Project& project_;
    AccueilPoint point_;
    qint64 id_ = 0;
};

class DeletePointsCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(PointCommands)
public:
    DeletePointsCommand(Project& project, const std::vector<qint64>& ids);
    void redo() override;
    void undo() override;

private:
    Project& project_;
    std::vector<AccueilPoint> points_;  // as they were, with their first ids
};

struct PointMove {
    qint64 id = 0;
    XY from;
    XY to;
};

class MovePointsCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(PointCommands)
public:
    MovePointsCommand(Project& project, std::vector<PointMove> moves);
    void redo() override;
    void undo() override;

private:
    void moveAll(bool forward);
    Project& project_;
    std::vector<PointMove> moves_;
};

class EditPointCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(PointCommands)
public:
    EditPointCommand(Project& project, AccueilPoint before, AccueilPoint after);
    void redo() override;
    void undo() override;

private:
    void write(const AccueilPoint& point);
    Project& project_;
    AccueilPoint before_;
    AccueilPoint after_;
};

}  // namespace maillage::gui
