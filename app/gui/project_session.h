#pragma once

#include "project_loading.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QMainWindow;
class QMenu;
class QUndoGroup;

namespace maillage::gui {

class CoverageController;
class LoadJobs;
class Project;
class UserMessages;

// The open project and its lifecycle: opening, creating, the demo, closing, saving, the
// recent projects. Loading runs in the background (LoadJobs); the window follows through
// the signals: it lets go of the project on aboutToClose() and shows it on installed().
class ProjectSession : public QObject {
    Q_OBJECT
public:
    ProjectSession(QMainWindow& window, QUndoGroup& undoGroup, UserMessages& messages);
    ~ProjectSession() override;

    Project* project() const { return project_; }
    // The live coverage of the open project (null without project or network).
    CoverageController* coverage() const { return coverage_; }
    LoadJobs& jobs() const { return *jobs_; }
    bool isBusy() const;

    // Loading runs in the background; opened() or loadFailed() follows.
    void openProject(const QString& path);
    void openDemo(const QString& path = {});
    void createProject(const QString& path, const ProjectInputs& inputs);
    void closeProject();

    // The menu commands, with their dialogs.
    void newProject();
    void chooseAndOpenProject();
    void saveProject();
    void saveProjectAs();

    // The menu "Projets récents" this session keeps up to date.
    void setRecentMenu(QMenu* menu);
    // The folder of the last project opened, where file dialogs start.
    static QString lastFolder();

Q_SIGNALS:
    void aboutToClose();  // the project and its coverage are still there
    void closed();
    void installed();     // a project (and its coverage, when it has a network) is open
    void opened();        // after installed(): everything shows it
    void loadFailed(const QString& message);
    void busyChanged();

private:
    void installProject(std::unique_ptr<Project> project);
    void addRecentProject(const QString& path);
    void rebuildRecentMenu();

    QMainWindow& window_;
    QUndoGroup& undoGroup_;
    UserMessages& messages_;
    LoadJobs* jobs_;
    QPointer<Project> project_;
    QPointer<CoverageController> coverage_;
    QMenu* recentMenu_ = nullptr;
};

}  // namespace maillage::gui
