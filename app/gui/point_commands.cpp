#include "point_commands.h"

#include "project.h"
#include "user_messages.h"

#include "store/store.h"

namespace maillage::gui {

// Runs one store write in the scenario the command was made in (shown again first when the
// user has since switched to another); on failure, tells the user and marks the command as
// not kept.
void guardedIn(QUndoCommand& command, Project& project, const QString& scenario, const std::function<void()>& write)
{
    try {
        if (!scenario.isNull() && project.activeScenario() != scenario) project.activateScenario(scenario);
        write();
    } catch (const PlanConflict& conflict) {
        command.setObsolete(true);
        Q_EMIT project.planConflict(conflict.plan(), conflict.changedBy(), userMessage(conflict));
    } catch (const EditConflict& conflict) {
        // Someone else's change is kept: the user is told who, and offered to read it.
        command.setObsolete(true);
        Q_EMIT project.editConflict(conflict.pointId(), conflict.changedBy(), userMessage(conflict));
    } catch (const std::exception& e) {
        command.setObsolete(true);
        Q_EMIT project.editFailed(userMessage(e));
    }
}

void insertPoints(Project& project, std::vector<AccueilPoint>& points)
{
    writeAgain(
        points, [&](qint64 id) { return project.resolve(id); },
        [&](const AccueilPoint& point) { return project.insertPoint(point); });
}

void removePoints(Project& project, const std::vector<AccueilPoint>& points)
{
    for (const AccueilPoint& point : points) project.removePoint(project.resolve(point.id));
}

AddPointCommand::AddPointCommand(Project& project, AccueilPoint point)
    : project_(project), scenario_(project.activeScenario()), point_(std::move(point))
{
    setText(tr("ajout de « %1 »").arg(point_.name));
}

void AddPointCommand::redo()
{
    guardedIn(*this, project_, scenario_, [&] {
        AccueilPoint point = point_;
        point.id = id_;  // 0 the first time; afterwards the store is asked to reuse it
        const qint64 id = project_.insertPoint(point);
        if (id_ == 0) id_ = id;
    });
}

void AddPointCommand::undo()
{
    guardedIn(*this, project_, scenario_, [&] { project_.removePoint(project_.resolve(id_)); });
}

qint64 AddPointCommand::pointId() const { return project_.resolve(id_); }

DeletePointsCommand::DeletePointsCommand(Project& project, const std::vector<qint64>& ids)
    : project_(project), scenario_(project.activeScenario())
{
    for (qint64 id : ids)
        if (const AccueilPoint* p = project.point(id)) points_.push_back(*p);
    // In a plan, the baseline's points are closed rather than deleted.
    const bool closes = project.planActive() && !points_.empty() && points_.front().id > 0;
    if (closes)
        setText(points_.size() == 1 ? tr("fermeture de « %1 » dans le plan").arg(points_.front().name)
                                    : tr("fermeture de %n points dans le plan", nullptr, static_cast<int>(points_.size())));
    else
        setText(points_.size() == 1 ? tr("suppression de « %1 »").arg(points_.front().name)
                                    : tr("suppression de %n points", nullptr, static_cast<int>(points_.size())));
}

void DeletePointsCommand::redo()
{
    guardedIn(*this, project_, scenario_, [&] { project_.inOneTransaction([&] { removePoints(project_, points_); }); });
}

void DeletePointsCommand::undo()
{
    guardedIn(*this, project_, scenario_, [&] { project_.inOneTransaction([&] { insertPoints(project_, points_); }); });
}

MovePointsCommand::MovePointsCommand(Project& project, std::vector<PointMove> moves)
    : project_(project), scenario_(project.activeScenario()), moves_(std::move(moves))
{
    const AccueilPoint* first = moves_.size() == 1 ? project.point(moves_.front().id) : nullptr;
    setText(first ? tr("déplacement de « %1 »").arg(first->name)
                  : tr("déplacement de %n points", nullptr, static_cast<int>(moves_.size())));
}

void MovePointsCommand::redo() { moveAll(true); }
void MovePointsCommand::undo() { moveAll(false); }

void MovePointsCommand::moveAll(bool forward)
{
    guardedIn(*this, project_, scenario_, [&] {
        project_.inOneTransaction([&] {
            for (const PointMove& move : moves_) {
                const AccueilPoint* current = project_.point(project_.resolve(move.id));
                if (!current) continue;
                project_.updatePoint(project_.placedAt(*current, forward ? move.to : move.from));
            }
        });
    });
}

EditPointCommand::EditPointCommand(Project& project, AccueilPoint before, AccueilPoint after)
    : project_(project), scenario_(project.activeScenario())
{
    befores_.push_back(std::move(before));
    afters_.push_back(std::move(after));
    setText(tr("modification de « %1 »").arg(afters_.front().name));
}

EditPointCommand::EditPointCommand(Project& project, std::vector<AccueilPoint> before, std::vector<AccueilPoint> after,
                                   const QString& text)
    : project_(project), scenario_(project.activeScenario()), befores_(std::move(before)), afters_(std::move(after))
{
    setText(text);
}

void EditPointCommand::redo() { write(afters_); }
void EditPointCommand::undo() { write(befores_); }

void EditPointCommand::write(const std::vector<AccueilPoint>& points)
{
    guardedIn(*this, project_, scenario_, [&] {
        project_.inOneTransaction([&] {
            for (const AccueilPoint& point : points) {
                AccueilPoint resolved = point;
                resolved.id = project_.resolve(point.id);
                project_.updatePoint(resolved);
            }
        });
    });
}

}  // namespace maillage::gui
