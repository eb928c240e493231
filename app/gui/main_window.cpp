#include "main_window.h"

#include "analysis_controls.h"
#include "centre_stack.h"
#include "commune_search.h"
#include "identify_panel.h"
#include "import_export.h"
#include "load_jobs.h"
#include "main_actions.h"
#include "main_docks.h"
#include "map/canvas_layers.h"
#include "map/map_canvas.h"
#include "map_status.h"
#include "planning_controller.h"
#include "project.h"
#include "project_status.h"
#include "render/map_layer.h"
#include "shared_project_monitor.h"
#include "user_guide.h"
#include "user_messages.h"
#include "welcome_panel.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QComboBox>
#include <QFileInfo>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoGroup>

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

    docks_ = new MainDocks(*this, *canvas_, *layers_);
    planning_ = new PlanningController(*this, *canvas_);
    actions_->tools->addAction(planning_->roadToolAction());
    docks_->placePlanningDocks(*planning_);
    // After the planning's status label: the job's progress comes next in the status bar.
    session_ = new ProjectSession(*this, *undoGroup_, *messages_);
    editing_ = new PointEditing(*this, *canvas_, *messages_);
    importExport_ = new ImportExport(*this, *session_, *layers_, *messages_);
    actions_->addMenus(docks_->all(), *analysis_, {planning_->menu()});
    actions_->addToolBars({planning_->roadToolAction()}, editing_->newPointKind(), *analysis_);
    session_->setRecentMenu(actions_->recentMenu);
    createCentre();
    new MapStatus(*statusBar(), *canvas_);
    status_ = new ProjectStatus(*statusBar());

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

// The map and, while no project is open, the welcome panel in its place; the commune search
// in its own toolbar.
void MainWindow::createCentre()
{
    welcome_ = new WelcomePanel(*actions_->demo, *actions_->newProject, *actions_->open, *actions_->recentMenu);
    centre_ = new CentreStack(*welcome_, *canvas_);
    setCentralWidget(centre_);

    communeSearch_ = new CommuneSearch;
    QToolBar* searchBar = addToolBar(tr("Recherche"));
    searchBar->setObjectName(QStringLiteral("searchToolBar"));
    searchBar->addWidget(communeSearch_);
    connect(communeSearch_, &CommuneSearch::communeChosen, this, [this](const QString& insee) {
        if (identifyCommune(insee)) canvas_->setFocus();
    });
}

bool MainWindow::mapShown() const { return centre_->mapShown(); }

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
        docks_->identify()->identifyAt(position);
    });
}

void MainWindow::connectSession()
{
    connect(session_, &ProjectSession::aboutToClose, this, &MainWindow::detachProject);
    connect(session_, &ProjectSession::closed, this, [this] {
        centre_->showMap(false);
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
    if (!restoreState(settings.value(QStringLiteral("window/state")).toByteArray())) docks_->setFirstStartSizes();
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
    centre_->showMap(true);
    connect(project, &Project::selectionChanged, this, &MainWindow::updateActions);
    connect(project, &Project::pathChanged, this, &MainWindow::updateTitle);
    connect(project, &Project::scenarioChanged, this, &MainWindow::updateTitle);
    analysis_->setCoverage(coverage);
    status_->watch(coverage);
    editing_->setProject(project, coverage);
    PointsLayer* points = addProjectLayers(*layers_, *project, coverage, *planning_);
    restoreLayerSettings(*layers_);
    canvas_->setProject(project, points);
    docks_->setProject(project, coverage);
    communeSearch_->setProject(project);
    planning_->setProject(project, coverage);
    canvas_->setHomeExtent(project->territory().bbox);
    canvas_->zoomHome();
    rebuildEpciMenu();
    updateActions();
    updateTitle();
    status_->showSummary(*project);
}

void MainWindow::detachProject()
{
    status_->detach();
    saveLayerSettings(*layers_);
    planning_->setProject(nullptr, nullptr);
    canvas_->setProject(nullptr, nullptr);
    docks_->setProject(nullptr, nullptr);
    communeSearch_->setProject(nullptr);
    layers_->clear();
    analysis_->setCoverage(nullptr);
    editing_->setProject(nullptr, nullptr);
}

void MainWindow::rebuildEpciMenu()
{
    static const std::vector<Epci> none;
    actions_->setEpciZooms(project() ? project()->territory().epcis : none,
                           [this](const BBox& box) { canvas_->zoomToExtent(box); });
}

void MainWindow::updateActions()
{
    const bool open = project() != nullptr;
    // A read-only role or file, or a server gone: the edit commands, the plans, the road
    // closures and the point form say why they are greyed.
    const QString readOnly = open ? session_->readOnlyReason() : QString();
    actions_->update({.projectOpen = open,
                      .busy = isBusy(),
                      .coverageShown = coverage() != nullptr,
                      .selectedPoints = open ? static_cast<int>(project()->selection().size()) : 0,
                      .canDiscardChanges = open && session_->canDiscardChanges(),
                      .canEdit = open && session_->canEdit(),
                      .readOnlyReason = readOnly});
    planning_->setReadOnlyReason(readOnly);
    docks_->setPointFormReadOnlyReason(readOnly);
}

void MainWindow::updateTitle() { setWindowTitle(ProjectStatus::windowTitle(project())); }

// ---------------------------------------------------------------------------------------
// Public commands

StatisticsPanel* MainWindow::statistics() const { return docks_->statistics(); }

QString MainWindow::lastError() const { return messages_->lastError(); }

void MainWindow::setInteractive(bool interactive)
{
    messages_->setInteractive(interactive);
    planning_->setInteractive(interactive);
}

void MainWindow::setCoverageLevel(int level, bool remember) { analysis_->setLevel(level, remember); }

bool MainWindow::identifyCommune(const QString& nameOrInsee) { return docks_->identify()->identifyCommune(nameOrInsee); }

QString MainWindow::identifyText() const { return docks_->identify()->text(); }

bool MainWindow::addPointAtTownHall(const QString& nameOrInsee)
{
    if (!editing_->addPointAtTownHall(nameOrInsee)) return false;
    docks_->showPointForm(false);
    return true;
}

bool MainWindow::exportCoverage(const QString& path) { return importExport_->exportCoverage(path); }

QString MainWindow::importPointsFrom(const QString& file) { return importExport_->importPointsFrom(file); }
QString MainWindow::importPointsFrom(const QString& file, const ImportChoice& choice)
{
    return importExport_->importPointsFrom(file, choice);
}

void MainWindow::showPointForm() { docks_->showPointForm(true); }

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

}  // namespace maillage::gui
