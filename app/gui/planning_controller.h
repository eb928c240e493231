#pragma once

#include "geo/types.h"
#include "network/road_graph.h"
#include "render/planning_layers.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <optional>

class QAction;
class QDockWidget;
class QLabel;
class QMainWindow;
class QMenu;

namespace maillage::gui {

class ComparisonPanel;
class CoverageController;
using render::ClosedRoadsLayer;
using render::DifferenceLayer;
using render::LayerStack;
using render::SuggestionsLayer;
class MapCanvas;
class Project;
class ScenarioPanel;
class SuggestionPanel;

// The planning side of the main window (issue 7): the docks "Scénarios", "Suggérer des
// sites" and "Comparer deux scénarios", the menu "Plans", the road tool of the map (a click
// picks the road segment under it, to close or reopen in the active plan), and the map
// layers of closed roads, suggested sites and the difference between two scenarios. The
// main window creates it once and hands it each project it opens.
class PlanningController : public QObject {
    Q_OBJECT
public:
    PlanningController(QMainWindow& window, MapCanvas& canvas);
    ~PlanningController() override;

    QDockWidget* scenariosDock() const { return scenariosDock_; }
    QDockWidget* suggestionsDock() const { return suggestionsDock_; }
    QDockWidget* comparisonDock() const { return comparisonDock_; }
    QMenu* menu() const { return menu_; }
    // The map tool "choisir un tronçon" (checkable; the main window puts it in its tool group).
    QAction* roadToolAction() const { return roadTool_; }

    ScenarioPanel* scenarios() const { return scenarioPanel_; }
    SuggestionPanel* suggestions() const { return suggestionPanel_; }
    ComparisonPanel* comparison() const { return comparisonPanel_; }
    ClosedRoadsLayer* closedRoadsLayer() const { return closedRoadsLayer_; }
    DifferenceLayer* differenceLayer() const { return differenceLayer_; }
    SuggestionsLayer* suggestionsLayer() const { return suggestionsLayer_; }

    // The planning layers of a new project's map (render::addMapLayers builds them).
    void setLayers(DifferenceLayer* difference, ClosedRoadsLayer* closedRoads, SuggestionsLayer* suggestions);
    // The project shown (null when it closes, before its layers are cleared).
    void setProject(Project* project, CoverageController* coverage);
    void setInteractive(bool interactive);
    // A read-only project (a role without write rights, a read-only file, a server gone): the
    // plan and closure commands of the menu, the road tool and the panels' buttons are greyed
    // with `reason` as their tip, and refused (empty: editable again).
    void setReadOnlyReason(const QString& reason);
    QString readOnlyReason() const { return readOnlyReason_; }

    // Road tool: the segment nearest to a map position (within 1 km of the open network),
    // highlighted; false when there is none. Then close it in the active plan, or reopen it
    // (removes the closures of the plan that close it).
    bool pickRoad(XY position);
    std::optional<EdgeId> pickedRoad() const { return picked_; }
    QString pickedRoadText() const;
    bool closePickedRoad();
    bool reopenPickedRoad();
    // Closes the roads of a built-in preset (e.g. "hiver-04") in the active plan.
    bool applyClosurePreset(const QString& id);
    // Shows the comparison dock, tall enough for its table.
    void showComparison();
    // Opens "Fermer des routes" (modal).
    void openClosureDialog();
    // "Passer en France services dans le plan": the selected points become second-level
    // France services in the active plan (one undoable edit).
    bool raiseSelectionToFranceServices();

private:
    void createDocks();
    void createMenu();
    void refreshClosedRoads();
    void updateActions();
    void showRoadMenu(QPoint widgetPosition);
    QString roadName(EdgeId edge) const;
    // The closures of the active plan that close `edge`, as resolved on its network.
    std::vector<qint64> closuresOf(EdgeId edge) const;

    QMainWindow& window_;
    MapCanvas& canvas_;
    QPointer<Project> project_;
    QPointer<CoverageController> coverage_;
    bool interactive_ = true;

    ScenarioPanel* scenarioPanel_ = nullptr;
    SuggestionPanel* suggestionPanel_ = nullptr;
    ComparisonPanel* comparisonPanel_ = nullptr;
    QDockWidget* scenariosDock_ = nullptr;
    QDockWidget* suggestionsDock_ = nullptr;
    QDockWidget* comparisonDock_ = nullptr;
    QMenu* menu_ = nullptr;
    QAction* roadTool_ = nullptr;
    // The menu's commands that edit the plans, by when they apply: with a project open (new
    // plan, copy), with a plan shown (rename, delete, close roads), with a plan and a selection.
    QList<QAction*> projectCommands_;
    QList<QAction*> planCommands_;
    QAction* raiseAction_ = nullptr;
    QMenu* presetsMenu_ = nullptr;
    QString readOnlyReason_;
    QLabel* scenarioLabel_ = nullptr;

    QPointer<ClosedRoadsLayer> closedRoadsLayer_;
    QPointer<SuggestionsLayer> suggestionsLayer_;
    QPointer<DifferenceLayer> differenceLayer_;
    std::optional<EdgeId> picked_;
};

}  // namespace maillage::gui
