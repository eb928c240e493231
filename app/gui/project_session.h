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
class SharedProjectMonitor;
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
    // Read-only role or file, edit conflicts, others' changes, a server gone (null without project).
    SharedProjectMonitor* sharedMonitor() const;
    // False when the open project can be read but not edited; readOnlyReason() says why.
    bool canEdit() const;
    QString readOnlyReason() const;
    bool isBusy() const;

    // Loading runs in the background; opened() or loadFailed() follows. `path`: a project file,
    // or a shared project on a PostgreSQL server (postgresql://… URI or service=NAME).
    void openProject(const QString& path);
    void openDemo(const QString& path = {});
    void createProject(const QString& path, const ProjectInputs& inputs);
    void closeProject();

    // The menu commands, with their dialogs.
    void newProject();
    void chooseAndOpenProject();
    // "Ouvrir un projet partagé…": a PostgreSQL URI or service name (SharedProjectDialog).
    void chooseAndOpenSharedProject();
    void saveProject();
    void saveProjectAs();

    // Every edit is written to the project when it is made; the edits made since the last
    // save (Enregistrer) or the opening can still be discarded while the project is open.
    // True when there are such edits and the state of the last save can be reached again.
    bool canDiscardChanges() const;
    // Puts the project back (points and plans) as it was at the last save or the opening, by
    // undoing the edits made since (each undo written to the project). False when it cannot.
    bool discardChanges();
    // Before the user closes the project (or opens another, or quits): with edits that can be
    // discarded, asks whether to keep them or discard them; false when the user cancels.
    // Scripted runs (no message boxes) keep them.
    bool confirmClose();

    // The menu "Projets récents" this session keeps up to date.
    void setRecentMenu(QMenu* menu);
    // The folder of the last project opened, where file dialogs start.
    static QString lastFolder();

Q_SIGNALS:
    void aboutToClose();  // the project and its coverage are still there
    void closed();
    void installed();  // a project (and its coverage, when it has a network) is open
    void opened();     // after installed(): everything shows it
    void loadFailed(const QString& message);
    void busyChanged();
    void editableChanged();     // the project became read-only (server gone) or editable again
    void discardableChanged();  // edits that can be discarded appeared or went (saved, discarded)

private:
    // `location`: what the project was opened with (reopened on reconnection).
    void installProject(std::unique_ptr<Project> project, const QString& location);
    void addRecentProject(const QString& path);
    void rebuildRecentMenu();

    QMainWindow& window_;
    QUndoGroup& undoGroup_;
    UserMessages& messages_;
    LoadJobs* jobs_;
    QPointer<Project> project_;
    QPointer<CoverageController> coverage_;
    QPointer<SharedProjectMonitor> monitor_;
    QMenu* recentMenu_ = nullptr;
};

}  // namespace maillage::gui
