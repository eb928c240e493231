#pragma once

#include <QObject>
#include <QString>

class QStatusBar;

namespace maillage::gui {

class CoverageController;
class Project;

// What the window says of the open project: its title; in the status bar, a summary line
// when it opens (communes, inhabitants, accueil points), the live coverage's failures, and
// the busy bar while a plan's network is rebuilt (NetworkBuildIndicator).
class ProjectStatus : public QObject {
    Q_OBJECT
public:
    explicit ProjectStatus(QStatusBar& statusBar);

    // Reports the coverage's failures and network rebuilds; null for a project without roads.
    void watch(CoverageController* coverage);
    // The opened project's summary line, said once it is shown.
    void showSummary(const Project& project);
    // The window's title: the project's file, and the plan shown when it is not the current
    // situation.
    static QString windowTitle(const Project* project);

    // Takes the closed project's summary away; a message said since (why it closed) stays.
    void detach();

private:
    QStatusBar& statusBar_;
    QString summary_;
};

}  // namespace maillage::gui
