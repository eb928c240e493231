#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <functional>

class QAction;
class QLabel;
class QMainWindow;
class QMessageBox;
class QWidget;

namespace maillage::gui {

class Project;

// Greys `actions` while `readOnlyReason` is set, with the reason as their tip (their own tip
// comes back once they can be used again); enabling them stays with the caller.
void showEditable(const QList<QAction*>& actions, const QString& readOnlyReason);
// The same for buttons and fields of a panel: greyed with the reason as their tool tip.
void showEditable(const QList<QWidget*>& widgets, const QString& readOnlyReason);

// What the window needs for a project that others may be editing too (issue 17): whether this
// user may edit it, others' changes, edit conflicts, and a server that goes away.
//
// - Read-only: a PostgreSQL role without write rights, or a read-only file, opens the project
//   for reading, computing and exporting; canEdit() is false and readOnlyReason() says why
//   (the window greys its edit actions and shows the reason).
// - Edit conflicts (Project::editConflict and planConflict, either back-end): the user is told
//   who changed the point or the plan and offered to read the project again; their own change
//   was not written.
// - Server projects: others' changes to the points, the plans and the active plan's road
//   closures are read as soon as they are committed (every write of a Store announces itself
//   with PostgreSQL NOTIFY; this monitor LISTENs on the project's connection), and also when the
//   window comes back to the front and every kRefreshSeconds (checkForOthersChanges: changes
//   nobody announced, such as a point edited in QGIS); the map, tables and statistics follow.
//   When the server stops answering, the project stays shown read-only and a reconnection is
//   offered (reconnect()).
// A child of the project: it goes with it.
class SharedProjectMonitor : public QObject {
    Q_OBJECT
public:
    static constexpr int kRefreshSeconds = 30;

    // `location`: what the project was opened with (a path, a URI or service=NAME), opened
    // again on reconnection. `window`: where questions and status messages appear.
    SharedProjectMonitor(Project* project, const QString& location, QMainWindow* window);
    ~SharedProjectMonitor() override;

    bool canEdit() const { return readOnlyReason_.isEmpty(); }
    // Why the project cannot be edited (empty when it can).
    QString readOnlyReason() const { return readOnlyReason_; }
    bool serverLost() const { return serverLost_; }
    // What the project was opened with: a path, a postgresql:// URI or service=NAME.
    const QString& location() const { return location_; }

    // Reads the points, the plans and the active plan again when another planner changed them
    // (server projects only); returns how many points were added, changed or removed by
    // others, plus one when the plans or the active plan's closures changed.
    int checkForOthersChanges();
    // True when others' changes are announced by the server (LISTEN), not only polled.
    bool listening() const { return listening_; }
    // Opens a new connection to the project and continues on it; false (and still read-only)
    // when the server does not answer yet.
    bool reconnect();

    // The question shown (conflict or server gone), while it is open (for tests).
    QMessageBox* question() const;

Q_SIGNALS:
    void editableChanged();
    void othersChangesLoaded(int count);

private:
    void conflict(qint64 pointId, const QString& changedBy, const QString& message);
    void planConflict(const QString& plan, const QString& changedBy, const QString& message);
    void offerReload(const QString& title, const QString& whatChanged, const QString& changedBy,
                     const QString& statusMessage);
    void editFailed();
    void lostServer(const QString& message);
    void reloadPoints();
    bool serverAnswers() const;
    void ask(const QString& title, const QString& text, const QString& acceptText, const QString& rejectText,
             const std::function<void()>& onAccept);
    void setReadOnlyReason(const QString& reason);
    void listen();
    void updateIndicator();
    void showStatus(const QString& message);

    Project* project_;
    QString location_;
    QPointer<QMainWindow> window_;
    QString readOnlyReason_;
    bool serverLost_ = false;
    QTimer refresh_;
    QTimer notified_;  // gathers the announcements of a burst of commits into one check
    bool listening_ = false;
    QPointer<QLabel> indicator_;  // "Lecture seule" in the status bar, with the reason
    QPointer<QMessageBox> question_;
};

}  // namespace maillage::gui
