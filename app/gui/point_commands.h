#pragma once

#include "store/accueil_point.h"

#include <QCoreApplication>
#include <QUndoCommand>

#include <functional>
#include <vector>

namespace maillage::gui {

class Project;

// Every edit of the maillage is one of these commands on the project's undo stack; each
// redo()/undo() writes to the store in one transaction (all the points of a multi-point edit
// together). A command remembers the scenario it was made in (the baseline or a plan) and
// shows it again before undoing or redoing. A command the store refuses reports through
// Project::editFailed and makes itself obsolete (it is not kept).

// Runs `write` in `scenario` (activated first when another is shown; a null name: wherever
// the project is) and reports a failure as above. For the commands of scenario_commands.h.
void guardedIn(QUndoCommand& command, Project& project, const QString& scenario, const std::function<void()>& write);

// Writes the items (points, road closures) again after an undo, each under the id `resolve`
// gives for the one the store gave it last; an item written for the first time (id 0) keeps
// the id `write` returns, so that its undo finds it.
template <class Item, class Resolve, class Write>
void writeAgain(std::vector<Item>& items, Resolve resolve, Write write)
{
    for (Item& item : items) {
        Item again = item;
        again.id = resolve(item.id);
        const qint64 id = write(again);
        if (item.id == 0) item.id = id;
    }
}

// Inserts the points again after an undo, each under the id the store gave it last; a point
// inserted for the first time (id 0) keeps the id it is given, so that its undo finds it.
// For Project::inOneTransaction.
void insertPoints(Project& project, std::vector<AccueilPoint>& points);
// Removes the points, each under the id the store gave it last. For Project::inOneTransaction.
void removePoints(Project& project, const std::vector<AccueilPoint>& points);

class AddPointCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(PointCommands)
public:
    AddPointCommand(Project& project, AccueilPoint point);
    void redo() override;
    void undo() override;
    qint64 pointId() const;  // the id of the added point (after the first redo)

private:
    Project& project_;
    QString scenario_;
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
    QString scenario_;
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
    QString scenario_;
    std::vector<PointMove> moves_;
};

// Attributes of one point, or of several at once (e.g. a selection raised to the second
// level in a plan): one edit, one transaction.
class EditPointCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(PointCommands)
public:
    EditPointCommand(Project& project, AccueilPoint before, AccueilPoint after);
    EditPointCommand(Project& project, std::vector<AccueilPoint> before, std::vector<AccueilPoint> after,
                     const QString& text);
    void redo() override;
    void undo() override;

private:
    void write(const std::vector<AccueilPoint>& points);
    Project& project_;
    QString scenario_;
    std::vector<AccueilPoint> befores_;
    std::vector<AccueilPoint> afters_;
};

}  // namespace maillage::gui
