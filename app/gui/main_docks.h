#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

class QDockWidget;
class QMainWindow;

namespace maillage::render {
class LayerStack;
}  // namespace maillage::render

namespace maillage::gui {

class CoverageController;
class IdentifyPanel;
class MapCanvas;
class PlanningController;
class PointForm;
class PointsDock;
class Project;
class StatisticsPanel;

// The main window's docks and where they stand: layers and legend on the left, the plans
// under them; the statistics, the point form and the identify panel on the right, the
// suggestions tabbed with the statistics; the points table under the map, the comparison
// tabbed beside it. Each dock shows the open project (setProject).
class MainDocks : public QObject {
    Q_OBJECT
public:
    MainDocks(QMainWindow& window, MapCanvas& canvas, render::LayerStack& layers);

    // Places the planning's docks among these (after the planning is built on the window).
    void placePlanningDocks(PlanningController& planning);
    // Every dock, in the order of the Affichage menu's toggles.
    QList<QDockWidget*> all() const;
    // First start, no saved window state: the map as large as possible, the statistics
    // readable beside it.
    void setFirstStartSizes();

    // The project (and its live coverage, null without a network) the docks show; null
    // clears them.
    void setProject(Project* project, CoverageController* coverage);
    // Why the point form cannot edit (a read-only role or file); empty when it can.
    void setPointFormReadOnlyReason(const QString& reason);
    // Brings the point form's dock to the front; `focusName` puts the cursor in its name.
    void showPointForm(bool focusName);

    StatisticsPanel* statistics() const { return statisticsPanel_; }
    IdentifyPanel* identify() const { return identifyPanel_; }

private:
    void createPointForm();

    QMainWindow& window_;
    QPointer<Project> project_;
    PlanningController* planning_ = nullptr;
    QDockWidget* layersDock_ = nullptr;
    PointsDock* pointsDock_ = nullptr;
    PointForm* pointForm_ = nullptr;
    QDockWidget* formDock_ = nullptr;
    StatisticsPanel* statisticsPanel_ = nullptr;
    QDockWidget* statisticsDock_ = nullptr;
    IdentifyPanel* identifyPanel_ = nullptr;
};

}  // namespace maillage::gui
