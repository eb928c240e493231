#pragma once

#include "coverage_controller.h"
#include "point_editing.h"
#include "project_loading.h"
#include "project_session.h"

#include <QMainWindow>

#include <optional>

class QUndoGroup;

namespace maillage::render {
class LayerStack;
class PointsLayer;
}  // namespace maillage::render

namespace maillage::gui {

class AnalysisControls;
class CentreStack;
class CommuneSearch;
class CoverageController;
class ImportExport;
struct ImportChoice;
class MainActions;
class MainDocks;
class StatisticsPanel;
class MapCanvas;
class PlanningController;
class Project;
class ProjectStatus;
class UserGuideDialog;
class UserMessages;
class WelcomePanel;
using render::LayerStack;
using render::PointsLayer;

// The application window: the map in the centre; docks for layers and legend, accueil
// points (table and attribute form) and statistics; menus Projet, Édition, Affichage,
// Analyse, Aide; a status bar with the cursor position (Lambert-93, WGS84), the scale and
// the progress of loading jobs, which run off the GUI thread and can be cancelled.
//
// It composes the parts and wires them: the commands (MainActions), the open project and its
// loading jobs (ProjectSession), the analysis choices (AnalysisControls), point editing
// (PointEditing), files in and out (ImportExport), the status bar's map readings (MapStatus),
// the docks (MainDocks: points table and form, identify panel, statistics; the planning's
// from PlanningController) and how errors are shown (UserMessages).
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Loading runs in the background; projectOpened() or loadFailed() follows.
    void openProject(const QString& path) { session_->openProject(path); }
    void openDemo(const QString& path = {}) { session_->openDemo(path); }
    void createProject(const QString& path, const ProjectInputs& inputs) { session_->createProject(path, inputs); }
    bool isBusy() const { return session_->isBusy(); }

    Project* project() const { return session_->project(); }
    // The live coverage of the open project (null without project or network).
    CoverageController* coverage() const { return session_->coverage(); }
    StatisticsPanel* statistics() const;
    QString identifyText() const;
    MapCanvas* canvas() const { return canvas_; }
    LayerStack* layers() const { return layers_; }
    // The last error shown to the user (for tests and scripted runs).
    QString lastError() const;
    // Message boxes are skipped when false (scripted runs); errors still go to lastError().
    void setInteractive(bool interactive);
    // Plans, road closures, suggestions and comparisons (docks, menu "Plans", map layers).
    PlanningController* planning() const { return planning_; }

    // Shown in place of the map while no project is open.
    WelcomePanel* welcomePanel() const { return welcome_; }
    // True when the map (not the welcome panel) fills the centre.
    bool mapShown() const;
    // The toolbar's commune search box.
    CommuneSearch* communeSearch() const { return communeSearch_; }
    // Aide › Guide d'utilisation: opens the guide (deleted when closed) and returns it.
    UserGuideDialog* showUserGuide();

    // The parts, for what builds on the window.
    ProjectSession* session() const { return session_; }
    MainActions* actions() const { return actions_; }
    UserMessages* messages() const { return messages_; }

    // The level whose coverage is shown (1 to 3), as the toolbar's level box sets it;
    // remembered for the next start unless `remember` is false (a command-line choice).
    void setCoverageLevel(int level, bool remember = true);

    // Zooms to a commune (name or INSEE code) and shows its access times; false if unknown.
    bool identifyCommune(const QString& nameOrInsee);

    // Adds a planned point of the current kind at a commune's town hall (name or INSEE code),
    // as a click there with the add tool would; false if the commune is unknown.
    bool addPointAtTownHall(const QString& nameOrInsee);

    // Writes the coverage of the shown level and threshold to a result GeoPackage (the
    // layers and QGIS styles `maillage coverage --out` writes); false on failure.
    bool exportCoverage(const QString& path);

    // Imports a points file into the open project (as Projet › Importer des points does
    // after its file dialog); returns the summary shown to the user, empty on failure.
    QString importPointsFrom(const QString& file);
    // Same, read as the import dialog's choice says (column mapping, kind and level).
    QString importPointsFrom(const QString& file, const ImportChoice& choice);

    // Adds a point of the current "new point" kind at a map position, as the add tool does.
    void addPointAt(XY position) { editing_->addPointAt(position); }
    // A position beyond the snap limit: the nearest road's point and how far it is.
    using FarFromRoad = PointEditing::FarFromRoad;
    std::optional<FarFromRoad> farFromRoad(XY position) const { return editing_->farFromRoad(position); }

Q_SIGNALS:
    void projectOpened();
    void loadFailed(const QString& message);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createCentre();
    void connectActions();
    void connectCanvas();
    void connectSession();
    void readSettings();
    void writeSettings();

    void attachProject();
    void detachProject();
    void updateActions();
    void updateTitle();
    void rebuildEpciMenu();
    void showPointForm();

    // Central map, or the welcome panel without a project.
    MapCanvas* canvas_;
    CentreStack* centre_ = nullptr;
    WelcomePanel* welcome_ = nullptr;
    CommuneSearch* communeSearch_ = nullptr;
    LayerStack* layers_;
    QUndoGroup* undoGroup_;
    // Parts.
    UserMessages* messages_;
    MainActions* actions_;
    AnalysisControls* analysis_;
    ProjectSession* session_ = nullptr;
    PointEditing* editing_ = nullptr;
    ImportExport* importExport_ = nullptr;
    PlanningController* planning_ = nullptr;
    MainDocks* docks_ = nullptr;
    ProjectStatus* status_ = nullptr;
};

}  // namespace maillage::gui
