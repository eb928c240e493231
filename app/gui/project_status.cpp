#include "project_status.h"

#include "coverage_controller.h"
#include "labels.h"
#include "network_build_indicator.h"
#include "project.h"

#include <QStatusBar>

namespace maillage::gui {

ProjectStatus::ProjectStatus(QStatusBar& statusBar) : QObject(&statusBar), statusBar_(statusBar) {}

void ProjectStatus::watch(CoverageController* coverage)
{
    if (!coverage) return;
    connect(coverage, &CoverageController::failed, this,
            [this](const QString& message) { statusBar_.showMessage(tr("Calcul de couverture : %1").arg(message), 8000); });
    // Owned by the controller: it goes with the project.
    new NetworkBuildIndicator(*coverage, statusBar_, coverage);
}

void ProjectStatus::showSummary(const Project& project)
{
    summary_ = tr("%1 : %2 communes, %3 habitants, %4 points d'accueil")
                   .arg(project.displayName())
                   .arg(project.territory().communes.size())
                   .arg(formatCount(project.territory().population()))
                   .arg(project.points().size());
    statusBar_.showMessage(summary_, 8000);
}

QString ProjectStatus::windowTitle(const Project* project)
{
    if (!project) return tr("Réseau d'accueil");
    // Every edit is written to the project file when it is made (README.md, "Saving is
    // automatic"): there is never anything unsaved to mark (edits that can still be discarded
    // are offered at closing). The platform appends the application's name.
    const QString file = project->displayName();
    return project->planActive() ? tr("%1 — plan « %2 »").arg(file, project->activeScenario()) : file;
}

void ProjectStatus::detach()
{
    if (!summary_.isEmpty() && statusBar_.currentMessage() == summary_) statusBar_.clearMessage();
    summary_.clear();
}

}  // namespace maillage::gui
