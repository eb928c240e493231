#pragma once

#include <QList>
#include <QObject>

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

    StatisticsPanel* statistics() const { return statistics_.panel; }
    IdentifyPanel* identify() const { return identifyPanel_; }

private:
    // A panel and the dock that holds it (the points table and the identify panel are docks
    // themselves).
    template <class Panel>
    struct Docked {
        Panel* panel = nullptr;
        QDockWidget* dock = nullptr;
    };

    void createPointForm();

    QMainWindow& window_;
    PlanningController* planning_ = nullptr;
    QDockWidget* layersDock_ = nullptr;
    PointsDock* pointsDock_ = nullptr;
    Docked<PointForm> form_;
    Docked<StatisticsPanel> statistics_;
    IdentifyPanel* identifyPanel_ = nullptr;
};

}  // namespace maillage::gui
