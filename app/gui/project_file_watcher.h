#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <optional>

class QFileSystemWatcher;
class QMessageBox;
class QWidget;

namespace maillage::gui {

class Project;

// Notices that another program changed the open project's file (a `maillage import`, a
// plan edited with `maillage scenario`) and offers to read it again (issue 15, point 6).
//
// How it tells another program's changes from the application's own: a project file is
// SQLite in rollback-journal mode, whose header holds a change counter that every committed
// transaction increments, whoever commits. The application's own writes are all made in the
// GUI thread and each is followed by a signal of the project (a point added, changed or
// removed, plans or closures changed, an undo step done): the counter read then is the
// application's own. A change seen on disk (QFileSystemWatcher, checked after a short quiet
// time) that leaves the counter elsewhere is another program's. The one case it misses: a
// commit by another program in the instant between an own commit and its signal; the next
// one is seen.
//
// A child of the project: it watches while the project is open.
class ProjectFileWatcher : public QObject {
    Q_OBJECT
public:
    // `window`: where the reload question appears (none: only the signals).
    ProjectFileWatcher(Project* project, QWidget* window);
    ~ProjectFileWatcher() override;

    // The question shown, while it is open (for tests).
    QMessageBox* question() const;

    // SQLite's file change counter (header bytes 24-27); nullopt when the file cannot be read.
    static std::optional<quint32> changeCounter(const QString& path);

Q_SIGNALS:
    // Another program committed changes to the project file.
    void changedOnDisk(const QString& path);
    // The user chose to read the project again (the window closes and reopens it).
    void reloadRequested(const QString& path);

private:
    void watch(const QString& path);
    void acknowledgeOwnWrites();
    void check();
    void offerReload();

    Project* project_;
    QPointer<QWidget> window_;
    QFileSystemWatcher* files_;
    QTimer quiet_;
    QString path_;
    std::optional<quint32> known_;
    QPointer<QMessageBox> question_;
};

}  // namespace maillage::gui
