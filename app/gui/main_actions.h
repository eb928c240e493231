#pragma once

#include "geo/types.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <vector>

class QAction;
class QActionGroup;
class QDockWidget;
class QMainWindow;
class QMenu;
class QToolBar;
class QUndoGroup;
class QWidget;

namespace maillage {
struct Epci;
}  // namespace maillage

namespace maillage::gui {

class AnalysisControls;

// What the commands' availability depends on.
struct CommandState {
    bool projectOpen = false;
    bool busy = false;           // a project is loading or saving
    bool coverageShown = false;  // a coverage to export or print
    int selectedPoints = 0;
    bool canDiscardChanges = false;
    bool canEdit = false;
    QString readOnlyReason;  // why the edit commands are greyed (empty when they are not)
};

// The main window's commands: each action with its text, shortcut, icon and status tip, and
// the menus and toolbars that show them. What an action does is connected by the window, but
// for the language menu and À propos, which need nothing of it.
class MainActions : public QObject {
    Q_OBJECT
public:
    MainActions(QMainWindow& window, QUndoGroup& undoGroup);

    // Menus Projet, Édition, Affichage (zooms, the docks' toggles, language), Analyse, then
    // `extraMenus`, then Aide.
    void addMenus(const QList<QDockWidget*>& docks, const AnalysisControls& analysis, const QList<QMenu*>& extraMenus);
    // Toolbars Projet, Édition (with `editTools` after the point tools and `pointKind`
    // before the delete button), Affichage, Analyse.
    void addToolBars(const QList<QAction*>& editTools, QWidget* pointKind, AnalysisControls& analysis);

    // Enables each command as `state` allows; the edit commands say why they are greyed.
    void update(const CommandState& state);
    // Affichage › Zoomer sur l'EPCI: one entry per EPCI, by name, each calling `zoomTo` with
    // its extent; disabled when there is none.
    void setEpciZooms(const std::vector<Epci>& epcis, const std::function<void(const BBox&)>& zoomTo);

    // Projet
    QAction* newProject = nullptr;
    QAction* open = nullptr;
    QAction* openShared = nullptr;  // a team's project on a PostgreSQL server
    QAction* demo = nullptr;
    QAction* save = nullptr;
    QAction* saveAs = nullptr;
    QAction* discardChanges = nullptr;  // back to the state at the last save (or the opening)
    QAction* importPoints = nullptr;
    QAction* pdf = nullptr;
    QAction* closeProject = nullptr;
    QAction* quit = nullptr;
    // Édition
    QAction* undo = nullptr;
    QAction* redo = nullptr;
    QActionGroup* tools = nullptr;
    QAction* selectTool = nullptr;
    QAction* addTool = nullptr;
    QAction* edit = nullptr;
    QAction* deleteSelection = nullptr;
    QAction* selectAll = nullptr;
    // Affichage
    QAction* zoomIn = nullptr;
    QAction* zoomOut = nullptr;
    QAction* zoomHome = nullptr;
    QAction* zoomSelection = nullptr;
    // Analyse
    QAction* exportCoverage = nullptr;
    // Aide
    QAction* guide = nullptr;
    QAction* about = nullptr;

    // Filled by the window: recent projects, one zoom per EPCI.
    QMenu* recentMenu = nullptr;
    QMenu* epciMenu = nullptr;

private:
    void createProjectActions();
    void createEditActions(QUndoGroup& undoGroup);
    void createViewActions();
    QMenu* addLanguageMenu(QMenu& viewMenu);
    void showAbout();
    QToolBar* addToolBar(const QString& title, const QString& objectName);

    QMainWindow& window_;
};

}  // namespace maillage::gui
