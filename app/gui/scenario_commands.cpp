#include "scenario_commands.h"

#include "point_commands.h"
#include "project.h"

namespace maillage::gui {
namespace {

// The scenario to show again after a plan goes away: the one active before, if it still exists.
void activateOrBaseline(Project& project, const QString& name)
{
    project.activateScenario(project.scenarioExists(name) ? name : kBaselineScenario);
}

// Writes the closures to the active plan (closing the roads again after an undo). A closure
// written for the first time (id 0) keeps the id it is given, so that its undo finds it.
void addClosures(Project& project, std::vector<RoadClosure>& closures)
{
    project.inOneTransaction([&] {
        writeAgain(
            closures, [&](qint64 id) { return project.resolveClosure(id); },
            [&](const RoadClosure& closure) { return project.addRoadClosure(closure); });
    });
}

void removeClosures(Project& project, const std::vector<RoadClosure>& closures)
{
    project.inOneTransaction([&] {
        for (const RoadClosure& closure : closures) project.removeRoadClosure(project.resolveClosure(closure.id));
    });
}

}  // namespace

CreatePlanCommand::CreatePlanCommand(Project& project, QString name, QString from, QString description)
    : project_(project),
      name_(std::move(name)),
      from_(std::move(from)),
      description_(std::move(description)),
      previous_(project.activeScenario())
{
    setText(isBaselineName(from_) ? tr("création du plan « %1 »").arg(name_)
                                  : tr("copie de « %1 » en « %2 »").arg(from_, name_));
}

void CreatePlanCommand::redo()
{
    guardedIn(*this, project_, QString(), [&] {
        project_.createPlan(name_, from_, description_);
        project_.activateScenario(name_);
    });
}

void CreatePlanCommand::undo()
{
    guardedIn(*this, project_, QString(), [&] {
        if (project_.activeScenario().compare(name_, Qt::CaseInsensitive) == 0) activateOrBaseline(project_, previous_);
        project_.removePlan(name_);
    });
}

RenamePlanCommand::RenamePlanCommand(Project& project, QString from, QString to)
    : project_(project), from_(std::move(from)), to_(std::move(to))
{
    setText(tr("plan « %1 » renommé « %2 »").arg(from_, to_));
}

void RenamePlanCommand::redo()
{
    guardedIn(*this, project_, QString(), [&] { project_.renamePlan(from_, to_); });
}

void RenamePlanCommand::undo()
{
    guardedIn(*this, project_, QString(), [&] { project_.renamePlan(to_, from_); });
}

DeletePlanCommand::DeletePlanCommand(Project& project, const QString& name)
    : project_(project), plan_(project.scenario(name)), wasActive_(project.activeScenario() == plan_.name)
{
    setText(tr("suppression du plan « %1 »").arg(plan_.name));
}

void DeletePlanCommand::redo()
{
    guardedIn(*this, project_, QString(), [&] { project_.removePlan(plan_.name); });
}

void DeletePlanCommand::undo()
{
    guardedIn(*this, project_, QString(), [&] {
        project_.restorePlan(plan_);
        if (wasActive_) project_.activateScenario(plan_.name);
    });
}

CloseRoadsCommand::CloseRoadsCommand(Project& project, std::vector<RoadClosure> closures, const QString& text)
    : project_(project), scenario_(project.activeScenario()), closures_(std::move(closures))
{
    setText(text);
}

void CloseRoadsCommand::redo()
{
    guardedIn(*this, project_, scenario_, [&] { addClosures(project_, closures_); });
}

void CloseRoadsCommand::undo()
{
    guardedIn(*this, project_, scenario_, [&] { removeClosures(project_, closures_); });
}

ReopenRoadsCommand::ReopenRoadsCommand(Project& project, const std::vector<qint64>& closureIds, const QString& text)
    : project_(project), scenario_(project.activeScenario())
{
    for (qint64 id : closureIds)
        for (const RoadClosure& closure : project.roadClosures())
            if (closure.id == id) closures_.push_back(closure);
    setText(text);
}

void ReopenRoadsCommand::redo()
{
    guardedIn(*this, project_, scenario_, [&] { removeClosures(project_, closures_); });
}

void ReopenRoadsCommand::undo()
{
    guardedIn(*this, project_, scenario_, [&] { addClosures(project_, closures_); });
}

AddSitesCommand::AddSitesCommand(Project& project, QString plan, std::vector<AccueilPoint> points, bool create, QString from,
                                 QString description)
    : project_(project),
      plan_(std::move(plan)),
      points_(std::move(points)),
      create_(create),
      from_(std::move(from)),
      description_(std::move(description)),
      previous_(project.activeScenario())
{
    for (AccueilPoint& point : points_) point.id = 0;
    setText(tr("%n site(s) suggéré(s) ajouté(s) au plan « %1 »", nullptr, int(points_.size())).arg(plan_));
}

void AddSitesCommand::redo()
{
    guardedIn(*this, project_, QString(), [&] {
        project_.inOneTransaction([&] {
            if (create_) project_.createPlan(plan_, from_, description_);
            project_.activateScenario(plan_);
            insertPoints(project_, points_);
        });
    });
}

void AddSitesCommand::undo()
{
    guardedIn(*this, project_, create_ ? QString() : plan_, [&] {
        if (create_) {
            if (project_.activeScenario().compare(plan_, Qt::CaseInsensitive) == 0) activateOrBaseline(project_, previous_);
            project_.removePlan(plan_);
            return;
        }
        project_.inOneTransaction([&] { removePoints(project_, points_); });
    });
}

std::vector<qint64> AddSitesCommand::pointIds() const
{
    std::vector<qint64> ids;
    for (const AccueilPoint& point : points_) ids.push_back(project_.resolve(point.id));
    return ids;
}

}  // namespace maillage::gui
