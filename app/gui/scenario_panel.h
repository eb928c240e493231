#pragma once

#include "store/scenarios.h"

#include <QPointer>
#include <QWidget>

#include <functional>
#include <vector>

class QAction;
class QLabel;
class QListWidget;
class QPushButton;
class QToolButton;
class QTreeWidget;

namespace maillage::gui {

class CoverageController;
class Project;

// The "Scénarios" dock: the baseline ("Situation actuelle") and the plans of the project,
// with what each holds; the one selected is the active scenario, which the map, the points
// table, the statistics and the live coverage show. Plans are created, copied, renamed and
// deleted here (deleting asks first; the baseline cannot be deleted), each an undoable edit.
// Below, the roads the active plan closes, with buttons to close more (by reference, or on
// the map with the road tool) and to reopen them.
class ScenarioPanel : public QWidget {
    Q_OBJECT
public:
    explicit ScenarioPanel(QWidget* parent = nullptr);
    void setProject(Project* project, CoverageController* coverage);
    // The map tool that picks a road segment (owned by the planning controller).
    void setRoadTool(QAction* roadTool);
    // Message boxes and name dialogs are skipped when false (scripted runs, tests).
    void setInteractive(bool interactive) { interactive_ = interactive; }
    // A read-only project (a role without write rights, a read-only file, a server gone):
    // the buttons that change plans and closures are greyed with `reason` as their tip, and
    // the functions below refuse with it. Empty: editable again.
    void setReadOnlyReason(const QString& reason);

    // What the buttons do, without their dialogs (for tests and scripts). False, with the
    // reason in lastError(), when refused.
    bool activate(const QString& name);
    bool createPlan(const QString& name, const QString& from = kBaselineScenario, const QString& description = {});
    bool renamePlan(const QString& from, const QString& to);
    // Asks for confirmation first when interactive.
    bool deletePlan(const QString& name);
    bool closeRoads(std::vector<RoadClosure> closures, const QString& what);
    bool reopenRoads(const std::vector<qint64>& closureIds);
    QString lastError() const { return lastError_; }

    // A closure in words, in the interface language: "Col d'Allos : D908 à moins de 6 km".
    static QString closureLabel(const RoadClosure& closure);

    // The buttons, with their dialogs (also in the menu "Plans").
    void newPlanAsked();
    void copyAsked();
    void renameAsked();
    void deleteAsked();

Q_SIGNALS:
    // "Fermer des routes…": the planning controller opens its dialog.
    void closeRoadsRequested();

private:
    void setUpPlanList();
    void setUpClosures();
    void layOut();
    void connectWidgets();
    void refreshList();
    void refreshClosures();
    void updateButtons();
    QString selectedName() const;
    bool fail(const QString& message);
    QString askName(const QString& title, const QString& label, const QString& proposal);
    QString uniqueName(const QString& base) const;

    QPointer<Project> project_;
    QPointer<CoverageController> coverage_;
    QTreeWidget* list_;
    QPushButton* new_;
    QPushButton* copy_;
    QPushButton* rename_;
    QPushButton* delete_;
    QLabel* activeNote_;
    QWidget* closuresBox_;
    QListWidget* closures_;
    QPushButton* closeRoads_;
    QToolButton* pickRoad_;
    QPushButton* reopen_;
    QString lastError_;
    QString readOnlyReason_;
    bool interactive_ = true;
    bool refreshing_ = false;
};

}  // namespace maillage::gui
