#include "point_commands.h"

#include "common/error.h"
#include "project.h"


namespace maillage::gui {
namespace {

// Runs one store write; on failure, tells the user and marks the command as not kept.
template <typename Write>
void guarded(QUndoCommand& command, Project& project, Write write)
{
    try {
        write();
    } catch (const Error& e) {
        command.setObsolete(true);
        Q_EMIT project.editFailed(e.message());
    } catch (const std::exception& e) {
        command.setObsolete(true);
        Q_EMIT project.editFailed(QString::fromLocal8Bit(e.what()));
    }
}

}  // namespace

AddPointCommand::AddPointCommand(Project& project, AccueilPoint point)
    : project_(project), point_(std::move(point))
{
    setText(tr("ajout de « %1 »").arg(point_.name));
}

void AddPointCommand::redo()
{
    guarded(*this, project_, [&] {
        AccueilPoint point = point_;
        point.id = id_;  // 0 the first time; afterwards the store is asked to reuse it
        const qint64 id = project_.insertPoint(point);
        if (id_ == 0) id_ = id;
    });
}

void AddPointCommand::undo()
{
    guarded(*this, project_, [&] { project_.removePoint(project_.resolve(id_)); });
}

qint64 AddPointCommand::pointId() const { return project_.resolve(id_); }

DeletePointsCommand::DeletePointsCommand(Project& project, const std::vector<qint64>& ids) : project_(project)
{
    for (qint64 id : ids)
        if (const AccueilPoint* p = project.point(id)) points_.push_back(*p);
    setText(points_.size() == 1 ? tr("suppression de « %1 »").arg(points_.front().name)
                                : tr("suppression de %n points", nullptr, static_cast<int>(points_.size())));
}

void DeletePointsCommand::redo()
{
    guarded(*this, project_, [&] {
        for (const AccueilPoint& p : points_) project_.removePoint(project_.resolve(p.id));
    });
}

void DeletePointsCommand::undo()
{
    guarded(*this, project_, [&] {
        for (const AccueilPoint& p : points_) {
            AccueilPoint restored = p;
            restored.id = project_.resolve(p.id);
            project_.insertPoint(restored);
        }
    });
}

MovePointsCommand::MovePointsCommand(Project& project, std::vector<PointMove> moves)
    : project_(project), moves_(std::move(moves))
{
    const AccueilPoint* first = moves_.size() == 1 ? project.point(moves_.front().id) : nullptr;
    setText(first ? tr("déplacement de « %1 »").arg(first->name)
                  : tr("déplacement de %n points", nullptr, static_cast<int>(moves_.size())));
}

void MovePointsCommand::redo() { moveAll(true); }
void MovePointsCommand::undo() { moveAll(false); }

void MovePointsCommand::moveAll(bool forward)
{
    guarded(*this, project_, [&] {
        for (const PointMove& move : moves_) {
            const AccueilPoint* current = project_.point(project_.resolve(move.id));
            if (!current) continue;
            project_.updatePoint(project_.placedAt(*current, forward ? move.to : move.from));
        }
    });
}

EditPointCommand::EditPointCommand(Project& project, AccueilPoint before, AccueilPoint after)
    : project_(project), before_(std::move(before)), after_(std::move(after))
{
    setText(tr("modification de « %1 »").arg(after_.name));
}

void EditPointCommand::redo() { write(after_); }
void EditPointCommand::undo() { write(before_); }

void EditPointCommand::write(const AccueilPoint& point)
{
    guarded(*this, project_, [&] {
        AccueilPoint resolved = point;
        resolved.id = project_.resolve(point.id);
        project_.updatePoint(resolved);
    });
}

}  // namespace maillage::gui
