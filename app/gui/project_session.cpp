#include "project_session.h"

#include "project_file_watcher.h"

#include "common/error.h"
#include "coverage_controller.h"
#include "load_jobs.h"
#include "new_project_dialog.h"
#include "project.h"
#include "user_messages.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
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
    std::shared_ptr<Store> store;
    ProjectInputs inputs;
    std::vector<AccueilPoint> points;
    const bool read = messages_.guarded(tr("Ouverture impossible"), [&] {
        if (!QFileInfo::exists(path)) throw Error(tr("le fichier %1 n'existe pas").arg(path));
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
    jobs_->start(tr("Ouverture de %1…").arg(QFileInfo(path).fileName()),
                 [inputs, points](LoadProgress& progress) { return loadProjectData(inputs, points, progress); },
                 [this, store, path](std::shared_ptr<ProjectData> data) {
                     installProject(std::make_unique<Project>(std::move(*store), std::move(data)));
                     addRecentProject(path);
                 });
}

void ProjectSession::openDemo(const QString& requestedPath)
{
    const QString path = requestedPath.isEmpty() ? defaultDemoPath() : requestedPath;
    // A demo already made holds the user's plans: it is opened as it is, never rebuilt.
    if (QFileInfo::exists(path)) {
        openProject(path);
        return;
    }
    const QString dataFolder = sharedDataFolder();
    closeProject();
    jobs_->start(tr("Préparation de la démo 04…"),
                 [path, dataFolder](LoadProgress& progress) { return createDemoProject(path, dataFolder, progress); },
                 [this, path](std::shared_ptr<ProjectData> data) {
                     installProject(std::make_unique<Project>(Store::open(path), std::move(data)));
                     addRecentProject(path);
                 });
}

void ProjectSession::createProject(const QString& path, const ProjectInputs& inputs)
{
    jobs_->start(tr("Création de %1…").arg(QFileInfo(path).fileName()),
                 [path, inputs](LoadProgress& progress) { return maillage::gui::createProject(path, inputs, progress); },
                 [this, path](std::shared_ptr<ProjectData> data) {
                     installProject(std::make_unique<Project>(Store::open(path), std::move(data)));
                     addRecentProject(path);
                 });
}

// ---------------------------------------------------------------------------------------
// The open project

void ProjectSession::closeProject()
{
    if (!project_) return;
    Q_EMIT aboutToClose();
    coverage_ = nullptr;  // a child of the project
    undoGroup_.removeStack(project_->undoStack());
    delete project_;
    project_ = nullptr;
    Q_EMIT closed();
}

void ProjectSession::installProject(std::unique_ptr<Project> project)
{
    closeProject();
    project_ = project.release();
    project_->setParent(&window_);
    connect(project_, &Project::editFailed, this,
            [this](const QString& message) { messages_.showError(tr("Modification refusée"), message); });
    undoGroup_.addStack(project_->undoStack());
    undoGroup_.setActiveStack(project_->undoStack());
    if (project_->data().coverage) coverage_ = new CoverageController(*project_, project_);
    // Another program's changes to the file (an import, a plan edited with `maillage scenario`):
    // offer to read the project again. Queued: reopening deletes the project and its watcher.
    auto* fileWatcher = new ProjectFileWatcher(project_, &window_);
    connect(fileWatcher, &ProjectFileWatcher::reloadRequested, this,
            [this](const QString& path) { closeProject(); openProject(path); }, Qt::QueuedConnection);
    Q_EMIT installed();
    Q_EMIT opened();
}

// ---------------------------------------------------------------------------------------
// Project menu

void ProjectSession::newProject()
{
    NewProjectDialog dialog(lastFolder(), &window_);
    if (dialog.exec() != QDialog::Accepted) return;
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

void ProjectSession::saveProject()
{
    if (!project_) return;
    // Every edit was written in its own transaction when it was made; saving marks the state.
    project_->undoStack()->setClean();
    window_.statusBar()->showMessage(tr("Toutes les modifications sont enregistrées dans %1.").arg(project_->path()), 5000);
}

void ProjectSession::saveProjectAs()
{
    if (!project_) return;
    QString path = QFileDialog::getSaveFileName(&window_, tr("Enregistrer le projet sous"), lastFolder(), projectFilter());
    if (path.isEmpty()) return;
    if (!path.endsWith(QLatin1String(".gpkg"), Qt::CaseInsensitive)) path += QStringLiteral(".gpkg");
    messages_.guarded(tr("Enregistrement impossible"), [&] {
        project_->saveAs(path);
        project_->undoStack()->setClean();
        addRecentProject(path);
        window_.statusBar()->showMessage(tr("Projet enregistré sous %1.").arg(path), 5000);
    });
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
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > kMaxRecentProjects) recent.removeLast();
    settings.setValue(kRecentKey, recent);
    settings.setValue(kLastFolderKey, QFileInfo(absolute).absolutePath());
    rebuildRecentMenu();
}

void ProjectSession::rebuildRecentMenu()
{
    if (!recentMenu_) return;
    recentMenu_->clear();
    const QStringList recent = QSettings().value(kRecentKey).toStringList();
    for (const QString& path : recent) {
        QAction* action = recentMenu_->addAction(QFileInfo(path).fileName());
        action->setStatusTip(path);
        action->setToolTip(path);
        connect(action, &QAction::triggered, this, [this, path] { openProject(path); });
    }
    recentMenu_->setEnabled(!recent.isEmpty());
}

}  // namespace maillage::gui
