#include "main_docks.h"

#include "identify_panel.h"
#include "map/layer_panel.h"
#include "planning_controller.h"
#include "point_form.h"
#include "points_dock.h"
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
    statistics_.panel = new StatisticsPanel;
    statistics_.dock = newDock(tr("Statistiques"), QStringLiteral("statisticsDock"), statistics_.panel, window);
    window.addDockWidget(Qt::RightDockWidgetArea, statistics_.dock);
    window.addDockWidget(Qt::RightDockWidgetArea, form_.dock);

    identifyPanel_ = new IdentifyPanel(canvas, &window);
    window.addDockWidget(Qt::RightDockWidgetArea, identifyPanel_);
    window.tabifyDockWidget(form_.dock, identifyPanel_);
    form_.dock->raise();
}

void MainDocks::createPointForm()
{
    form_.panel = new PointForm;
    auto* formScroll = new QScrollArea;
    formScroll->setWidget(form_.panel);
    formScroll->setWidgetResizable(true);
    formScroll->setFrameShape(QFrame::NoFrame);
    form_.dock = newDock(tr("Attributs du point"), QStringLiteral("formDock"), formScroll, window_);
}

void MainDocks::placePlanningDocks(PlanningController& planning)
{
    planning_ = &planning;
    window_.addDockWidget(Qt::LeftDockWidgetArea, planning.scenariosDock());
    window_.addDockWidget(Qt::RightDockWidgetArea, planning.suggestionsDock());
    window_.tabifyDockWidget(statistics_.dock, planning.suggestionsDock());
    // The comparison's wide table beside the points table.
    window_.addDockWidget(Qt::BottomDockWidgetArea, planning.comparisonDock());
    window_.tabifyDockWidget(pointsDock_, planning.comparisonDock());
    statistics_.dock->raise();
    pointsDock_->raise();
}

QList<QDockWidget*> MainDocks::all() const
{
    QList<QDockWidget*> docks{layersDock_, pointsDock_, form_.dock, statistics_.dock, identifyPanel_};
    if (planning_) docks << planning_->scenariosDock() << planning_->suggestionsDock() << planning_->comparisonDock();
    return docks;
}

void MainDocks::setFirstStartSizes()
{
    window_.resizeDocks({layersDock_, statistics_.dock}, {290, 470}, Qt::Horizontal);
    if (planning_) window_.resizeDocks({layersDock_, planning_->scenariosDock()}, {520, 330}, Qt::Vertical);
    window_.resizeDocks({statistics_.dock, form_.dock}, {640, 280}, Qt::Vertical);
    window_.resizeDocks({pointsDock_}, {210}, Qt::Vertical);
}

void MainDocks::setProject(Project* project, CoverageController* coverage)
{
    identifyPanel_->setProject(project, coverage);
    statistics_.panel->setCoverage(coverage);
    pointsDock_->setProject(project);
    form_.panel->setProject(project);
}

void MainDocks::setPointFormReadOnlyReason(const QString& reason) { form_.panel->setReadOnlyReason(reason); }

void MainDocks::showPointForm(bool focusName)
{
    form_.dock->show();
    form_.dock->raise();
    if (focusName) form_.panel->focusName();
}

}  // namespace maillage::gui
