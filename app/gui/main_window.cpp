#include "main_window.h"

#include "analysis_controls.h"
#include "commune_search.h"
#include "identify_panel.h"
#include "import_export.h"
#include "labels.h"
#include "load_jobs.h"
#include "main_actions.h"
#include "map/canvas_layers.h"
#include "map/layer_panel.h"
#include "map/map_canvas.h"
#include "map_status.h"
#include "network_build_indicator.h"
#include "planning_controller.h"
#include "point_commands.h"
#include "point_form.h"
#include "points_dock.h"
#include "project.h"
#include "render/map_layer.h"
#include "shared_project_monitor.h"
#include "statistics_panel.h"
#include "user_guide.h"
#include "user_messages.h"
#include "welcome_panel.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QScrollArea>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoGroup>
#include <QUndoStack>

namespace maillage::gui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      canvas_(new MapCanvas),
      layers_(new LayerStack(this)),
      undoGroup_(new QUndoGroup(this)),
      messages_(new UserMessages(*this)),
      actions_(new MainActions(*this, *undoGroup_)),
      analysis_(new AnalysisControls(this, actions_->undo, actions_->redo))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/maillage.svg")));
    canvas_->setObjectName(QStringLiteral("mapCanvas"));
    canvas_->setLayers(layers_);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    // Side docks run the full height; the points table sits under the map only.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);

    createDocks();
    createPlanning();
    // After the planning's status label: the job's progress comes next in the status bar.
    session_ = new ProjectSession(*this, *undoGroup_, *messages_);
    editing_ = new PointEditing(*this, *canvas_, *messages_);
    importExport_ = new ImportExport(*this, *session_, *layers_, *messages_);
    actions_->addMenus({layersDock_, pointsDock_, formDock_, statisticsDock_, identifyPanel_, planning_->scenariosDock(),
                        planning_->suggestionsDock(), planning_->comparisonDock()},
                       *analysis_, {planning_->menu()});
    actions_->addToolBars({planning_->roadToolAction()}, editing_->newPointKind(), *analysis_);
    session_->setRecentMenu(actions_->recentMenu);
    createCentre();
    new MapStatus(*statusBar(), *canvas_);

    connectActions();
    connectCanvas();
    connectSession();
    readSettings();
    updateActions();
    updateTitle();
}

MainWindow::~MainWindow() { session_->jobs().cancelAndWait(); }

// ---------------------------------------------------------------------------------------
// Construction

void MainWindow::createDocks()
{
    layerPanel_ = new LayerPanel;
    layerPanel_->setLayers(layers_);
    layersDock_ = new QDockWidget(tr("Couches et légende"), this);
    layersDock_->setObjectName(QStringLiteral("layersDock"));
    layersDock_->setWidget(layerPanel_);
    addDockWidget(Qt::LeftDockWidgetArea, layersDock_);

    pointsDock_ = new PointsDock(*canvas_, this);
    addDockWidget(Qt::BottomDockWidgetArea, pointsDock_);

    pointForm_ = new PointForm;
    connect(pointForm_, &PointForm::editRequested, this, [this](const AccueilPoint& before, const AccueilPoint& after) {
        if (project()) project()->undoStack()->push(new EditPointCommand(*project(), before, after));
    });
    auto* formScroll = new QScrollArea;
    formScroll->setWidget(pointForm_);
    formScroll->setWidgetResizable(true);
    formScroll->setFrameShape(QFrame::NoFrame);
    formDock_ = new QDockWidget(tr("Attributs du point"), this);
    formDock_->setObjectName(QStringLiteral("formDock"));
    formDock_->setWidget(formScroll);

    statisticsPanel_ = new StatisticsPanel;
    statisticsDock_ = new QDockWidget(tr("Statistiques"), this);
    statisticsDock_->setObjectName(QStringLiteral("statisticsDock"));
    statisticsDock_->setWidget(statisticsPanel_);
    addDockWidget(Qt::RightDockWidgetArea, statisticsDock_);
    addDockWidget(Qt::RightDockWidgetArea, formDock_);

    identifyPanel_ = new IdentifyPanel(*canvas_, this);
    addDockWidget(Qt::RightDockWidgetArea, identifyPanel_);
    tabifyDockWidget(formDock_, identifyPanel_);
    formDock_->raise();
}

// The map and, while no project is open, the welcome panel in its place; the commune search
// in its own toolbar.
void MainWindow::createCentre()
{
    welcome_ = new WelcomePanel(*actions_->demo, *actions_->newProject, *actions_->open, *actions_->recentMenu);
    centre_ = new QStackedWidget;
    centre_->addWidget(welcome_);
    centre_->addWidget(canvas_);
    setCentralWidget(centre_);
    showCentre(false);

    communeSearch_ = new CommuneSearch;
    QToolBar* searchBar = addToolBar(tr("Recherche"));
    searchBar->setObjectName(QStringLiteral("searchToolBar"));
    searchBar->addWidget(communeSearch_);
    connect(communeSearch_, &CommuneSearch::communeChosen, this, [this](const QString& insee) {
        if (identifyCommune(insee)) canvas_->setFocus();
    });
}

void MainWindow::showCentre(bool map)
{
    centre_->setCurrentWidget(map ? static_cast<QWidget*>(canvas_) : welcome_);
    // The stack sizes only the page shown, and the map's first zoom needs its size now.
    if (map) canvas_->setGeometry(centre_->contentsRect());
}

bool MainWindow::mapShown() const { return centre_->currentWidget() == canvas_; }

void MainWindow::createPlanning()
{
    planning_ = new PlanningController(*this, *canvas_);
    actions_->tools->addAction(planning_->roadToolAction());
    // Scenarios under the layers; suggestions beside the statistics; the comparison's wide
    // table beside the points table.
    addDockWidget(Qt::LeftDockWidgetArea, planning_->scenariosDock());
    addDockWidget(Qt::RightDockWidgetArea, planning_->suggestionsDock());
    tabifyDockWidget(statisticsDock_, planning_->suggestionsDock());
    addDockWidget(Qt::BottomDockWidgetArea, planning_->comparisonDock());
    tabifyDockWidget(pointsDock_, planning_->comparisonDock());
    statisticsDock_->raise();
    pointsDock_->raise();
}

void MainWindow::connectActions()
{
    MainActions& a = *actions_;
    connect(a.newProject, &QAction::triggered, session_, &ProjectSession::newProject);
    connect(a.open, &QAction::triggered, session_, &ProjectSession::chooseAndOpenProject);
    connect(a.openShared, &QAction::triggered, session_, &ProjectSession::chooseAndOpenSharedProject);
    connect(a.demo, &QAction::triggered, this, [this] { openDemo(); });
    connect(a.save, &QAction::triggered, session_, &ProjectSession::saveProject);
    connect(a.saveAs, &QAction::triggered, session_, &ProjectSession::saveProjectAs);
    connect(a.importPoints, &QAction::triggered, importExport_, &ImportExport::importPoints);
    connect(a.closeProject, &QAction::triggered, this, [this] {
        if (session_->confirmClose()) session_->closeProject();
    });
    connect(a.discardChanges, &QAction::triggered, session_, &ProjectSession::discardChanges);
    connect(a.pdf, &QAction::triggered, importExport_, &ImportExport::exportPdf);
    connect(a.exportCoverage, &QAction::triggered, importExport_, &ImportExport::chooseAndExportCoverage);
    connect(a.selectTool, &QAction::triggered, this, [this] { canvas_->setTool(MapCanvas::Tool::Select); });
    connect(a.addTool, &QAction::triggered, this, [this] { canvas_->setTool(MapCanvas::Tool::AddPoint); });
    connect(a.edit, &QAction::triggered, this, &MainWindow::showPointForm);
    connect(a.deleteSelection, &QAction::triggered, editing_, &PointEditing::deleteSelection);
    connect(a.selectAll, &QAction::triggered, editing_, &PointEditing::selectAll);
    connect(a.zoomIn, &QAction::triggered, this, [this] { canvas_->zoomBy(1.6); });
    connect(a.zoomOut, &QAction::triggered, this, [this] { canvas_->zoomBy(1 / 1.6); });
    connect(a.zoomHome, &QAction::triggered, canvas_, &MapCanvas::zoomHome);
    connect(a.zoomSelection, &QAction::triggered, editing_, &PointEditing::zoomToSelection);
    connect(a.guide, &QAction::triggered, this, &MainWindow::showUserGuide);
    connect(a.about, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::connectCanvas()
{
    connect(canvas_, &MapCanvas::addPointRequested, editing_, &PointEditing::addPointAt);
    connect(canvas_, &MapCanvas::pointsDropped, editing_, &PointEditing::dropPoints);
    connect(canvas_, &MapCanvas::toolChanged, this, [this](MapCanvas::Tool tool) {
        switch (tool) {
        case MapCanvas::Tool::AddPoint: actions_->addTool->setChecked(true); break;
        case MapCanvas::Tool::PickRoad: planning_->roadToolAction()->setChecked(true); break;
        case MapCanvas::Tool::Select: actions_->selectTool->setChecked(true); break;
        }
    });
    connect(canvas_, &MapCanvas::pointActivated, this, [this](qint64 id) {
        if (!project()) return;
        project()->setSelection({id});
        showPointForm();
    });
    connect(canvas_, &MapCanvas::mapClicked, this, [this](XY position, Qt::KeyboardModifiers modifiers) {
        if (!project()) return;
        if (!(modifiers & Qt::ControlModifier)) project()->setSelection({});
        identifyPanel_->identifyAt(position);
    });
}

void MainWindow::connectSession()
{
    connect(session_, &ProjectSession::aboutToClose, this, &MainWindow::detachProject);
    connect(session_, &ProjectSession::closed, this, [this] {
        showCentre(false);
        rebuildEpciMenu();
        updateActions();
        updateTitle();
    });
    connect(session_, &ProjectSession::installed, this, &MainWindow::attachProject);
    connect(session_, &ProjectSession::opened, this, &MainWindow::projectOpened);
    connect(session_, &ProjectSession::loadFailed, this, &MainWindow::loadFailed);
    connect(session_, &ProjectSession::busyChanged, this, &MainWindow::updateActions);
    connect(session_, &ProjectSession::editableChanged, this, &MainWindow::updateActions);
    connect(session_, &ProjectSession::discardableChanged, this, &MainWindow::updateActions);
}

// ---------------------------------------------------------------------------------------
// Settings

void MainWindow::readSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) resize(1500, 950);
    if (!restoreState(settings.value(QStringLiteral("window/state")).toByteArray())) {
        // First start: a map as large as possible, statistics readable beside it.
        resizeDocks({layersDock_, statisticsDock_}, {290, 470}, Qt::Horizontal);
        resizeDocks({layersDock_, planning_->scenariosDock()}, {520, 330}, Qt::Vertical);
        resizeDocks({statisticsDock_, formDock_}, {640, 280}, Qt::Vertical);
        resizeDocks({pointsDock_}, {210}, Qt::Vertical);
    }
    editing_->readSettings();
}

void MainWindow::writeSettings()
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    editing_->writeSettings();
    saveLayerSettings(*layers_);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    // Edits that can still be discarded: kept or discarded now, or the window stays.
    if (!session_->confirmClose()) {
        event->ignore();
        return;
    }
    writeSettings();
    session_->jobs().cancelAndWait();
    event->accept();
}

// ---------------------------------------------------------------------------------------
// The open project

void MainWindow::attachProject()
{
    Project* project = session_->project();
    CoverageController* coverage = session_->coverage();
    showCentre(true);
    connect(project, &Project::selectionChanged, this, &MainWindow::updateActions);
    connect(project, &Project::pathChanged, this, &MainWindow::updateTitle);
    connect(project, &Project::scenarioChanged, this, &MainWindow::updateTitle);
    analysis_->setCoverage(coverage);
    if (coverage) {
        connect(coverage, &CoverageController::failed, this, [this](const QString& message) {
            statusBar()->showMessage(tr("Calcul de couverture : %1").arg(message), 8000);
        });
        // Owned by the controller: it goes with the project.
        new NetworkBuildIndicator(*coverage, *statusBar(), coverage);
    }
    identifyPanel_->setProject(project, coverage);
    editing_->setProject(project, coverage);
    statisticsPanel_->setCoverage(coverage);
    PointsLayer* points = addProjectLayers(*layers_, *project, coverage, *planning_);
    restoreLayerSettings(*layers_);
    canvas_->setProject(project, points);
    pointsDock_->setProject(project);
    pointForm_->setProject(project);
    communeSearch_->setProject(project);
    planning_->setProject(project, coverage);
    canvas_->setHomeExtent(project->territory().bbox);
    canvas_->zoomHome();
    rebuildEpciMenu();
    updateActions();
    updateTitle();
    summaryMessage_ = tr("%1 : %2 communes, %3 habitants, %4 points d'accueil")
                          .arg(project->displayName())
                          .arg(project->territory().communes.size())
                          .arg(formatCount(project->territory().population()))
                          .arg(project->points().size());
    statusBar()->showMessage(summaryMessage_, 8000);
}

void MainWindow::detachProject()
{
    // The closed project's summary goes with it (a message said since, e.g. why it closed, stays).
    if (!summaryMessage_.isEmpty() && statusBar()->currentMessage() == summaryMessage_) statusBar()->clearMessage();
    summaryMessage_.clear();
    saveLayerSettings(*layers_);
    planning_->setProject(nullptr, nullptr);
    canvas_->setProject(nullptr, nullptr);
    pointsDock_->setProject(nullptr);
    pointForm_->setProject(nullptr);
    communeSearch_->setProject(nullptr);
    statisticsPanel_->setCoverage(nullptr);
    layers_->clear();
    analysis_->setCoverage(nullptr);
    editing_->setProject(nullptr, nullptr);
    identifyPanel_->setProject(nullptr, nullptr);
}

void MainWindow::rebuildEpciMenu()
{
    QMenu* menu = actions_->epciMenu;
    menu->clear();
    if (project()) {
        std::vector<const Epci*> epcis;
        for (const Epci& e : project()->territory().epcis) epcis.push_back(&e);
        std::sort(epcis.begin(), epcis.end(), [](const Epci* a, const Epci* b) { return a->name < b->name; });
        for (const Epci* e : epcis) {
            const BBox box = e->bbox;
            menu->addAction(e->name, this, [this, box] { canvas_->zoomToExtent(box); });
        }
    }
    menu->setEnabled(!menu->isEmpty());
}

void MainWindow::updateActions()
{
    const MainActions& a = *actions_;
    const bool open = project() != nullptr;
    const bool busy = isBusy();
    const bool covered = open && !busy && coverage() != nullptr;
    const int selected = open ? static_cast<int>(project()->selection().size()) : 0;
    for (QAction* action : {a.newProject, a.open, a.openShared, a.demo}) action->setEnabled(!busy);
    a.recentMenu->setEnabled(!busy && !a.recentMenu->isEmpty());
    for (QAction* action : {a.save, a.saveAs, a.importPoints, a.closeProject, a.selectTool, a.addTool, a.selectAll, a.zoomIn,
                            a.zoomOut, a.zoomHome})
        action->setEnabled(open && !busy);
    a.discardChanges->setEnabled(open && !busy && session_->canDiscardChanges());
    a.deleteSelection->setEnabled(open && selected > 0);
    a.exportCoverage->setEnabled(covered);
    a.pdf->setEnabled(covered);
    a.edit->setEnabled(open && selected == 1);
    a.zoomSelection->setEnabled(open && selected > 0);
    // A read-only role or file, or a server gone: the edit actions say why they are greyed.
    const QString readOnly = open ? session_->readOnlyReason() : QString();
    if (open) showEditable({a.importPoints, a.addTool, a.deleteSelection, a.edit}, readOnly);
    // The same for the plans, the road closures and the point form.
    planning_->setReadOnlyReason(readOnly);
    pointForm_->setReadOnlyReason(readOnly);
    if (open && !session_->canEdit() && a.addTool->isChecked()) a.selectTool->trigger();
}

void MainWindow::updateTitle()
{
    if (!project()) {
        setWindowTitle(tr("Réseau d'accueil"));
        return;
    }
    // Every edit is written to the project file when it is made (README.md, "Saving is
    // automatic"): there is never anything unsaved to mark (edits that can still be discarded
    // are offered at closing). The platform appends the application's name.
    const QString file = project()->displayName();
    if (project()->planActive()) setWindowTitle(tr("%1 — plan « %2 »").arg(file, project()->activeScenario()));
    else setWindowTitle(file);
}

// ---------------------------------------------------------------------------------------
// Public commands

QString MainWindow::lastError() const { return messages_->lastError(); }

void MainWindow::setInteractive(bool interactive)
{
    messages_->setInteractive(interactive);
    planning_->setInteractive(interactive);
}

void MainWindow::setCoverageLevel(int level, bool remember) { analysis_->setLevel(level, remember); }

bool MainWindow::identifyCommune(const QString& nameOrInsee) { return identifyPanel_->identifyCommune(nameOrInsee); }

QString MainWindow::identifyText() const { return identifyPanel_->text(); }

bool MainWindow::addPointAtTownHall(const QString& nameOrInsee)
{
    if (!editing_->addPointAtTownHall(nameOrInsee)) return false;
    formDock_->show();
    formDock_->raise();
    return true;
}

bool MainWindow::exportCoverage(const QString& path) { return importExport_->exportCoverage(path); }

QString MainWindow::importPointsFrom(const QString& file) { return importExport_->importPointsFrom(file); }
QString MainWindow::importPointsFrom(const QString& file, const ImportChoice& choice)
{
    return importExport_->importPointsFrom(file, choice);
}

void MainWindow::showPointForm()
{
    formDock_->show();
    formDock_->raise();
    pointForm_->focusName();
}

UserGuideDialog* MainWindow::showUserGuide()
{
    std::optional<PopulationMethod> method;
    if (coverage() && coverage()->isAvailable()) method = coverage()->result().population.method;
    const QString name = project() ? QFileInfo(project()->path()).fileName() : QString();
    auto* guide = new UserGuideDialog(name, method, this);
    guide->setAttribute(Qt::WA_DeleteOnClose);
    guide->show();
    return guide;
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("À propos de Maillage"),
                       tr("<h3>Maillage %1</h3><p>Planifier le réseau d'accueil des services publics d'un "
                          "département : points d'accueil, temps d'accès par la route, zones à plus de 20 minutes "
                          "d'un lieu de deuxième niveau et population concernée.</p>"
                          "<p>Données : IGN ADMIN EXPRESS, INSEE, ANCT, La Poste, OpenStreetMap.</p>")
                           .arg(QStringLiteral(MAILLAGE_VERSION)));
}

}  // namespace maillage::gui
