#include "main_docks.h"

#include "identify_panel.h"
#include "map/layer_panel.h"
#include "planning_controller.h"
#include "point_commands.h"
#include "point_form.h"
#include "points_dock.h"
#include "project.h"
#include "statistics_panel.h"

#include <QDockWidget>
#include <QMainWindow>
#include <QScrollArea>

namespace maillage::gui {

namespace {

QDockWidget* newDock(const QString& title, const QString& objectName, QWidget* content, QMainWindow& window)
{
    auto* dock = new QDockWidget(title, &window);
    dock->setObjectName(objectName);
    dock->setWidget(content);
    return dock;
}

}  // namespace

MainDocks::MainDocks(QMainWindow& window, MapCanvas& canvas, render::LayerStack& layers) : QObject(&window), window_(window)
{
    auto* layerPanel = new LayerPanel;
    layerPanel->setLayers(&layers);
    layersDock_ = newDock(tr("Couches et légende"), QStringLiteral("layersDock"), layerPanel, window);
    window.addDockWidget(Qt::LeftDockWidgetArea, layersDock_);

    pointsDock_ = new PointsDock(canvas, &window);
    window.addDockWidget(Qt::BottomDockWidgetArea, pointsDock_);

    createPointForm();
    statisticsPanel_ = new StatisticsPanel;
    statisticsDock_ = newDock(tr("Statistiques"), QStringLiteral("statisticsDock"), statisticsPanel_, window);
    window.addDockWidget(Qt::RightDockWidgetArea, statisticsDock_);
    window.addDockWidget(Qt::RightDockWidgetArea, formDock_);

    identifyPanel_ = new IdentifyPanel(canvas, &window);
    window.addDockWidget(Qt::RightDockWidgetArea, identifyPanel_);
    window.tabifyDockWidget(formDock_, identifyPanel_);
    formDock_->raise();
}

void MainDocks::createPointForm()
{
    pointForm_ = new PointForm;
    // An edit in the form is one undoable step of the open project.
    connect(pointForm_, &PointForm::editRequested, this, [this](const AccueilPoint& before, const AccueilPoint& after) {
        if (project_) project_->undoStack()->push(new EditPointCommand(*project_, before, after));
    });
    auto* formScroll = new QScrollArea;
    formScroll->setWidget(pointForm_);
    formScroll->setWidgetResizable(true);
    formScroll->setFrameShape(QFrame::NoFrame);
    formDock_ = newDock(tr("Attributs du point"), QStringLiteral("formDock"), formScroll, window_);
}

void MainDocks::placePlanningDocks(PlanningController& planning)
{
    planning_ = &planning;
    window_.addDockWidget(Qt::LeftDockWidgetArea, planning.scenariosDock());
    window_.addDockWidget(Qt::RightDockWidgetArea, planning.suggestionsDock());
    window_.tabifyDockWidget(statisticsDock_, planning.suggestionsDock());
    // The comparison's wide table beside the points table.
    window_.addDockWidget(Qt::BottomDockWidgetArea, planning.comparisonDock());
    window_.tabifyDockWidget(pointsDock_, planning.comparisonDock());
    statisticsDock_->raise();
    pointsDock_->raise();
}

QList<QDockWidget*> MainDocks::all() const
{
    QList<QDockWidget*> docks{layersDock_, pointsDock_, formDock_, statisticsDock_, identifyPanel_};
    if (planning_) docks << planning_->scenariosDock() << planning_->suggestionsDock() << planning_->comparisonDock();
    return docks;
}

void MainDocks::setFirstStartSizes()
{
    window_.resizeDocks({layersDock_, statisticsDock_}, {290, 470}, Qt::Horizontal);
    if (planning_) window_.resizeDocks({layersDock_, planning_->scenariosDock()}, {520, 330}, Qt::Vertical);
    window_.resizeDocks({statisticsDock_, formDock_}, {640, 280}, Qt::Vertical);
    window_.resizeDocks({pointsDock_}, {210}, Qt::Vertical);
}

void MainDocks::setProject(Project* project, CoverageController* coverage)
{
    project_ = project;
    identifyPanel_->setProject(project, coverage);
    statisticsPanel_->setCoverage(coverage);
    pointsDock_->setProject(project);
    pointForm_->setProject(project);
}

void MainDocks::setPointFormReadOnlyReason(const QString& reason) { pointForm_->setReadOnlyReason(reason); }

void MainDocks::showPointForm(bool focusName)
{
    formDock_->show();
    formDock_->raise();
    if (focusName) pointForm_->focusName();
}

}  // namespace maillage::gui
