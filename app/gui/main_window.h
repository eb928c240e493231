#pragma once

#include "coverage_controller.h"
#include "project_loading.h"

#include <optional>
#include <QFutureWatcher>
#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <memory>

class QAction;
class QActionGroup;
class QComboBox;
class QDockWidget;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QSlider;
class QSpinBox;
class QCheckBox;
class QSortFilterProxyModel;
class QTableView;
class QToolButton;
class QUndoGroup;

namespace maillage::render {
class LayerStack;
class PointsLayer;
}

namespace maillage::gui {

class CoverageController;
struct ImportChoice;
class LayerPanel;
class StatisticsPanel;
class MapCanvas;
class PlanningController;
class PointForm;
class PointsModel;
class Project;
using render::LayerStack;
using render::PointsLayer;

// The application window: the map in the centre; docks for layers and legend, accueil
// points (table and attribute form) and statistics; menus Projet, Édition, Affichage,
// Analyse, Aide; a status bar with the cursor position (Lambert-93, WGS84), the scale and
// the progress of loading jobs, which run off the GUI thread and can be cancelled.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Loading runs in the background; projectOpened() or loadFailed() follows.
    void openProject(const QString& path);
    void openDemo(const QString& path = {});
    void createProject(const QString& path, const ProjectInputs& inputs);
    bool isBusy() const;

    Project* project() const { return project_; }
    // The live coverage of the open project (null without project or network).
    CoverageController* coverage() const { return coverage_; }
    StatisticsPanel* statistics() const { return statisticsPanel_; }
    QString identifyText() const;
    MapCanvas* canvas() const { return canvas_; }
    LayerStack* layers() const { return layers_; }
    // The last error shown to the user (for tests and scripted runs).
    QString lastError() const { return lastError_; }
    // Message boxes are skipped when false (scripted runs); errors still go to lastError().
    void setInteractive(bool interactive);
    // Plans, road closures, suggestions and comparisons (docks, menu "Plans", map layers).
    PlanningController* planning() const { return planning_; }

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
    void addPointAt(XY position);
    // A position beyond the snap limit: the nearest road's point and how far it is.
    struct FarFromRoad {
        XY onRoad;
        double metres = 0.0;
        double limitMetres = 0.0;
    };
    std::optional<FarFromRoad> farFromRoad(XY position) const;

Q_SIGNALS:
    void projectOpened();
    void loadFailed(const QString& message);

protected:
    void closeEvent(QCloseEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    using Job = std::function<std::shared_ptr<ProjectData>(LoadProgress&)>;
    using Opened = std::function<void(std::shared_ptr<ProjectData>)>;

    void createActions();
    void createMenus();
    void createToolBars();
    void createDocks();
    void createPlanning();
    void createStatusBar();
    void readSettings();
    void writeSettings();

    void startJob(const QString& title, Job job, Opened onSuccess);
    void finishJob();
    void installProject(std::unique_ptr<Project> project);
    void closeProject();
    void buildLayers();
    void saveLayerSettings() const;
    void restoreLayerSettings();
    void updateActions();
    void updateTitle();
    void updateScale();
    void addRecentProject(const QString& path);
    void rebuildRecentMenu();
    void rebuildEpciMenu();

    void newProject();
    void chooseAndOpenProject();
    void saveProject();
    void saveProjectAs();
    void importPoints();
    void chooseAndExportCoverage();
    void deleteSelection();
    void editSelection();
    void selectAll();
    void zoomToSelection();
    void dropPoints(const QList<qint64>& ids, const QList<XY>& from, const QList<XY>& to);
    void syncTableSelection();
    void tableSelectionChanged();
    void showAbout();
    void identifyAt(XY position);
    void refreshIdentify();
    void syncAnalysisControls();
    void showError(const QString& title, const QString& message);

    // Central map and docks.
    MapCanvas* canvas_;
    LayerStack* layers_;
    LayerPanel* layerPanel_ = nullptr;
    PointsModel* pointsModel_ = nullptr;
    QSortFilterProxyModel* pointsProxy_ = nullptr;
    QTableView* pointsTable_ = nullptr;
    QLineEdit* pointsFilter_ = nullptr;
    PointForm* pointForm_ = nullptr;
    QDockWidget* layersDock_ = nullptr;
    QDockWidget* pointsDock_ = nullptr;
    QDockWidget* formDock_ = nullptr;
    QDockWidget* statisticsDock_ = nullptr;
    QDockWidget* identifyDock_ = nullptr;
    QLabel* identifyLabel_ = nullptr;
    StatisticsPanel* statisticsPanel_ = nullptr;
    PlanningController* planning_ = nullptr;
    QComboBox* levelBox_ = nullptr;
    QSpinBox* thresholdBox_ = nullptr;
    QSlider* thresholdSlider_ = nullptr;
    QAction* includePlannedAction_ = nullptr;
    QAction* exportAction_ = nullptr;
    QAction* pdfAction_ = nullptr;
    QActionGroup* levelGroup_ = nullptr;
    int identifiedCommune_ = -1;

    // The open project.
    QPointer<Project> project_;
    PointsLayer* pointsLayer_ = nullptr;
    QPointer<CoverageController> coverage_;
    QUndoGroup* undoGroup_;

    // Loading job.
    QFutureWatcher<LoadOutcome>* watcher_ = nullptr;
    Opened onJobSuccess_;
    QProgressBar* progress_ = nullptr;
    QToolButton* cancelJob_ = nullptr;

    // Status bar.
    QLabel* lambertLabel_ = nullptr;
    QLabel* wgsLabel_ = nullptr;
    QLabel* scaleLabel_ = nullptr;

    // Actions.
    QAction* newAction_ = nullptr;
    QAction* openAction_ = nullptr;
    QAction* demoAction_ = nullptr;
    QAction* saveAction_ = nullptr;
    QAction* saveAsAction_ = nullptr;
    QAction* importAction_ = nullptr;
    QAction* closeAction_ = nullptr;
    QAction* quitAction_ = nullptr;
    QAction* undoAction_ = nullptr;
    QAction* redoAction_ = nullptr;
    QAction* selectToolAction_ = nullptr;
    QAction* addToolAction_ = nullptr;
    QAction* editAction_ = nullptr;
    QAction* deleteAction_ = nullptr;
    QAction* selectAllAction_ = nullptr;
    QAction* zoomInAction_ = nullptr;
    QAction* zoomOutAction_ = nullptr;
    QAction* zoomHomeAction_ = nullptr;
    QAction* zoomSelectionAction_ = nullptr;
    QAction* aboutAction_ = nullptr;
    QActionGroup* toolGroup_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QMenu* epciMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;
    QMenu* analysisMenu_ = nullptr;
    QComboBox* newPointKind_ = nullptr;

    QString lastError_;
    bool interactive_ = true;
    bool syncingSelection_ = false;
    bool rememberLevel_ = true;
};

}  // namespace maillage::gui
