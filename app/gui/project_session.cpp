#include "project_session.h"

#include "project_file_watcher.h"

#include "common/error.h"
#include "coverage_controller.h"
#include "load_jobs.h"
#include "new_project_dialog.h"
#include "project.h"
#include "shared_project_dialog.h"
#include "shared_project_monitor.h"
#include "store/project_copy.h"
#include "store/store_location.h"
#include "user_messages.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QUndoGroup>
#include <QUndoStack>

namespace maillage::gui {

namespace {

constexpr int kMaxRecentProjects = 8;
const QString kRecentKey = QStringLiteral("projects/recent");
const QString kLastFolderKey = QStringLiteral("projects/lastFolder");

QString projectFilter()
{
    return QCoreApplication::translate("MainWindow", "Projets Maillage (*.gpkg);;Tous les fichiers (*)");
}

// A project on a PostgreSQL server rather than a file (store_location.h).
bool isSharedLocation(const QString& text)
{
    try {
        return StoreLocation::parse(text).isPostgres();
    } catch (const Error&) {
        return false;
    }
}

}  // namespace

ProjectSession::ProjectSession(QMainWindow& window, QUndoGroup& undoGroup, UserMessages& messages)
    : QObject(&window), window_(window), undoGroup_(undoGroup), messages_(messages), jobs_(new LoadJobs(window, messages))
{
    connect(jobs_, &LoadJobs::busyChanged, this, &ProjectSession::busyChanged);
    connect(jobs_, &LoadJobs::failed, this, &ProjectSession::loadFailed);
}

ProjectSession::~ProjectSession() = default;

bool ProjectSession::isBusy() const { return jobs_->isBusy(); }

QString ProjectSession::lastFolder() { return QSettings().value(kLastFolderKey, QDir::homePath()).toString(); }

// ---------------------------------------------------------------------------------------
// Opening

void ProjectSession::openProject(const QString& path)
{
    if (!confirmClose()) return;
    std::shared_ptr<Store> store;
    ProjectInputs inputs;
    std::vector<AccueilPoint> points;
    const bool read = messages_.guarded(tr("Ouverture impossible"), [&] {
        const StoreLocation location = StoreLocation::parse(path);
        if (!location.isPostgres() && !QFileInfo::exists(path)) throw Error(tr("le fichier %1 n'existe pas").arg(path));
        store = std::make_shared<Store>(Store::open(path));
        inputs = loadProjectInputs(*store);
        points = store->points();
    });
    if (!read) {
        Q_EMIT loadFailed(messages_.lastError());
        return;
    }
    // The store stays open here (its connection belongs to this thread) while the
    // boundaries and the network load in the background.
    const QString name = store->isServer() ? store->path() : QFileInfo(path).fileName();
    jobs_->start(
        tr("Ouverture de %1…").arg(name),
        [inputs, points](LoadProgress& progress) { return loadProjectData(inputs, points, progress); },
        [this, store, path](std::shared_ptr<ProjectData> data) {
            installProject(std::make_unique<Project>(std::move(*store), std::move(data)), path);
            addRecentProject(path);
        });
}

void ProjectSession::openDemo(const QString& requestedPath)
{
    const QString path = requestedPath.isEmpty() ? defaultDemoPath() : requestedPath;
    if (!confirmClose()) return;
    // A demo already made holds the user's plans: it is opened as it is, never rebuilt.
    if (QFileInfo::exists(path)) {
        openProject(path);
        return;
    }
    const QString dataFolder = sharedDataFolder();
    closeProject();
    jobs_->start(
        tr("Préparation de la démo 04…"),
        [path, dataFolder](LoadProgress& progress) { return createDemoProject(path, dataFolder, progress); },
        [this, path](std::shared_ptr<ProjectData> data) {
            installProject(std::make_unique<Project>(Store::open(path), std::move(data)), path);
            addRecentProject(path);
        });
}

void ProjectSession::createProject(const QString& path, const ProjectInputs& inputs)
{
    jobs_->start(
        tr("Création de %1…").arg(QFileInfo(path).fileName()),
        [path, inputs](LoadProgress& progress) { return maillage::gui::createProject(path, inputs, progress); },
        [this, path](std::shared_ptr<ProjectData> data) {
            installProject(std::make_unique<Project>(Store::open(path), std::move(data)), path);
            addRecentProject(path);
        });
}

// ---------------------------------------------------------------------------------------
// The open project

void ProjectSession::closeProject()
{
    if (!project_) return;
    Q_EMIT aboutToClose();
    coverage_ = nullptr;  // children of the project
    monitor_ = nullptr;
    undoGroup_.removeStack(project_->undoStack());
    delete project_;
    project_ = nullptr;
    Q_EMIT closed();
}

SharedProjectMonitor* ProjectSession::sharedMonitor() const { return monitor_; }

bool ProjectSession::canEdit() const { return monitor_ && monitor_->canEdit(); }

QString ProjectSession::readOnlyReason() const { return monitor_ ? monitor_->readOnlyReason() : QString(); }

void ProjectSession::installProject(std::unique_ptr<Project> project, const QString& location)
{
    closeProject();
    project_ = project.release();
    project_->setParent(&window_);
    // Before the error message below: it tells whether a failed edit means the server is gone
    // (then its own question, with a reconnection, is shown instead).
    monitor_ = new SharedProjectMonitor(project_, location, &window_);
    connect(monitor_, &SharedProjectMonitor::editableChanged, this, &ProjectSession::editableChanged);
    connect(project_, &Project::editFailed, this, [this](const QString& message) {
        if (!monitor_ || !monitor_->serverLost()) messages_.showError(tr("Modification refusée"), message);
    });
    connect(project_->undoStack(), &QUndoStack::indexChanged, this, &ProjectSession::discardableChanged);
    connect(project_->undoStack(), &QUndoStack::cleanChanged, this, &ProjectSession::discardableChanged);
    undoGroup_.addStack(project_->undoStack());
    undoGroup_.setActiveStack(project_->undoStack());
    if (project_->data().coverage) coverage_ = new CoverageController(*project_, project_);
    // Another program's changes to the file (an import, a plan edited with `maillage scenario`):
    // offer to read the project again. Queued: reopening deletes the project and its watcher.
    // (A server project's other editors are followed by the SharedProjectMonitor.)
    if (!project_->store().isServer()) {
        auto* fileWatcher = new ProjectFileWatcher(project_, &window_);
        connect(
            fileWatcher, &ProjectFileWatcher::reloadRequested, this,
            [this](const QString& path) {
                closeProject();
                openProject(path);
            },
            Qt::QueuedConnection);
    }
    Q_EMIT installed();
    Q_EMIT opened();
}

// ---------------------------------------------------------------------------------------
// Project menu

void ProjectSession::newProject()
{
    NewProjectDialog dialog(lastFolder(), &window_);
    if (dialog.exec() != QDialog::Accepted || !confirmClose()) return;
    closeProject();
    createProject(dialog.projectPath(), dialog.inputs());
}

void ProjectSession::chooseAndOpenProject()
{
    const QString path = QFileDialog::getOpenFileName(&window_, tr("Ouvrir un projet"), lastFolder(), projectFilter());
    if (path.isEmpty()) return;
    // The current project stays open until the new one is read: a file that is not a project
    // gives its message and leaves the window as it was.
    openProject(path);
}

void ProjectSession::chooseAndOpenSharedProject()
{
    SharedProjectDialog dialog(&window_);
    if (dialog.exec() != QDialog::Accepted) return;
    openProject(dialog.location());
}

void ProjectSession::saveProject()
{
    if (!project_) return;
    // Every edit was written in its own transaction when it was made; saving keeps them: the
    // edits before this point can no longer be discarded (only undone one by one).
    project_->undoStack()->setClean();
    window_.statusBar()->showMessage(tr("Toutes les modifications sont enregistrées dans %1.").arg(project_->displayName()),
                                     5000);
}

void ProjectSession::saveProjectAs()
{
    if (!project_) return;
    QString path = QFileDialog::getSaveFileName(&window_, tr("Enregistrer le projet sous"), lastFolder(), projectFilter());
    if (path.isEmpty()) return;
    if (!path.endsWith(QLatin1String(".gpkg"), Qt::CaseInsensitive)) path += QStringLiteral(".gpkg");
    messages_.guarded(tr("Enregistrement impossible"), [&] {
        if (project_->store().isServer()) {
            // A shared project stays on its server: "save as" makes a file copy of it.
            if (QFileInfo::exists(path) && !QFile::remove(path))
                throw Error(tr("impossible de remplacer %1 (fichier protégé ou ouvert ?)").arg(path));
            copyProject(monitor_->location(), path);
            window_.statusBar()->showMessage(
                tr("Copie du projet partagé enregistrée dans %1 ; vous continuez sur le serveur.").arg(path), 8000);
            return;
        }
        project_->saveAs(path);
        project_->undoStack()->setClean();
        addRecentProject(path);
        window_.statusBar()->showMessage(tr("Projet enregistré sous %1.").arg(path), 5000);
    });
}

bool ProjectSession::canDiscardChanges() const
{
    if (!project_) return false;
    const QUndoStack* stack = project_->undoStack();
    return !stack->isClean() && stack->cleanIndex() >= 0;
}

bool ProjectSession::discardChanges()
{
    if (!canDiscardChanges()) return false;
    QUndoStack* stack = project_->undoStack();
    // Undoes (or redoes, when undone past the save) each edit in turn, written as it goes.
    stack->setIndex(stack->cleanIndex());
    window_.statusBar()->showMessage(
        tr("Modifications abandonnées : %1 est revenu à son dernier enregistrement.").arg(project_->displayName()), 8000);
    return stack->isClean();
}

bool ProjectSession::confirmClose()
{
    if (!canDiscardChanges() || !messages_.isInteractive()) return true;
    QMessageBox box(QMessageBox::Question, tr("Modifications du projet"),
                    tr("Les modifications faites depuis le dernier enregistrement de %1 sont déjà écrites dans le "
                       "projet. Les garder, ou les abandonner pour revenir à l'état enregistré ?")
                        .arg(project_->displayName()),
                    QMessageBox::Cancel, &window_);
    QPushButton* keep = box.addButton(tr("Garder les modifications"), QMessageBox::AcceptRole);
    QPushButton* discard = box.addButton(tr("Abandonner les modifications"), QMessageBox::DestructiveRole);
    box.setDefaultButton(keep);
    box.exec();
    if (box.clickedButton() == keep) {
        saveProject();
        return true;
    }
    if (box.clickedButton() == discard) return discardChanges();
    return false;
}

// ---------------------------------------------------------------------------------------
// Recent projects

void ProjectSession::setRecentMenu(QMenu* menu)
{
    recentMenu_ = menu;
    rebuildRecentMenu();
}

void ProjectSession::addRecentProject(const QString& path)
{
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    // A server project is kept as it was typed (it holds no password: they are refused).
    const bool server = isSharedLocation(path);
    const QString entry = server ? path : QFileInfo(path).absoluteFilePath();
    recent.removeAll(entry);
    recent.prepend(entry);
    while (recent.size() > kMaxRecentProjects) recent.removeLast();
    settings.setValue(kRecentKey, recent);
    if (!server) settings.setValue(kLastFolderKey, QFileInfo(entry).absolutePath());
    rebuildRecentMenu();
}

void ProjectSession::rebuildRecentMenu()
{
    if (!recentMenu_) return;
    recentMenu_->clear();
    const QStringList recent = QSettings().value(kRecentKey).toStringList();
    for (const QString& path : recent) {
        const QString label = isSharedLocation(path) ? tr("%1 (partagé)").arg(path) : QFileInfo(path).fileName();
        QAction* action = recentMenu_->addAction(label);
        action->setStatusTip(path);
        action->setToolTip(path);
        connect(action, &QAction::triggered, this, [this, path] { openProject(path); });
    }
    recentMenu_->setEnabled(!recent.isEmpty());
}

}  // namespace maillage::gui
