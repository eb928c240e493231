#include "project_file_watcher.h"

#include "project.h"

#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QMessageBox>
#include <QPushButton>
#include <QUndoStack>
#include <QtEndian>

namespace maillage::gui {
namespace {
// A transaction touches the file several times (pages, then the header); a burst of
// changes is checked once, when the file has been quiet this long.
constexpr int kQuietMs = 300;
}  // namespace

ProjectFileWatcher::ProjectFileWatcher(Project* project, QWidget* window)
    : QObject(project), project_(project), window_(window), files_(new QFileSystemWatcher(this))
{
    quiet_.setSingleShot(true);
    quiet_.setInterval(kQuietMs);
    connect(&quiet_, &QTimer::timeout, this, &ProjectFileWatcher::check);
    connect(files_, &QFileSystemWatcher::fileChanged, this, [this] { quiet_.start(); });

    // Every write of the application is followed by one of these (see the header).
    for (auto signal : {&Project::pointAdded, &Project::pointRemoved, &Project::pointChanged})
        connect(project, signal, this, &ProjectFileWatcher::acknowledgeOwnWrites);
    for (auto signal :
         {&Project::pointsReset, &Project::plansChanged, &Project::roadClosuresChanged, &Project::scenarioChanged})
        connect(project, signal, this, &ProjectFileWatcher::acknowledgeOwnWrites);
    connect(project, &Project::editFailed, this, &ProjectFileWatcher::acknowledgeOwnWrites);
    connect(project->undoStack(), &QUndoStack::indexChanged, this, &ProjectFileWatcher::acknowledgeOwnWrites);
    connect(project, &Project::pathChanged, this, &ProjectFileWatcher::watch);  // saved under another name
    watch(project->path());
}

ProjectFileWatcher::~ProjectFileWatcher()
{
    if (question_) question_->deleteLater();
}

QMessageBox* ProjectFileWatcher::question() const { return question_.data(); }

std::optional<quint32> ProjectFileWatcher::changeCounter(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || !file.seek(24)) return std::nullopt;
    const QByteArray bytes = file.read(4);
    if (bytes.size() != 4) return std::nullopt;
    return qFromBigEndian<quint32>(bytes.constData());
}

void ProjectFileWatcher::watch(const QString& path)
{
    if (!files_->files().isEmpty()) files_->removePaths(files_->files());
    path_ = QFileInfo(path).absoluteFilePath();
    files_->addPath(path_);
    known_ = changeCounter(path_);
}

void ProjectFileWatcher::acknowledgeOwnWrites() { known_ = changeCounter(path_); }

void ProjectFileWatcher::check()
{
    // A file replaced by a rename (another program's atomic write) is no longer watched.
    if (!files_->files().contains(path_) && QFileInfo::exists(path_)) files_->addPath(path_);
    const std::optional<quint32> now = changeCounter(path_);
    if (!now || now == known_) return;
    known_ = now;  // one question per burst of changes
    Q_EMIT changedOnDisk(path_);
    offerReload();
}

void ProjectFileWatcher::offerReload()
{
    if (!window_ || question_) return;  // a question already open covers the new changes too
    question_ = new QMessageBox(QMessageBox::Question, tr("Projet modifié"),
                                tr("Le fichier du projet %1 a été modifié par un autre programme (un import, par "
                                   "exemple). Le relire pour voir ces changements ? L'historique des annulations "
                                   "sera vidé ; rien de ce qui est enregistré n'est perdu.")
                                    .arg(QFileInfo(path_).fileName()),
                                QMessageBox::NoButton, window_);
    QPushButton* reload = question_->addButton(tr("Relire le projet"), QMessageBox::AcceptRole);
    question_->addButton(tr("Plus tard"), QMessageBox::RejectRole);
    question_->setDefaultButton(reload);
    question_->setAttribute(Qt::WA_DeleteOnClose);
    const QString path = path_;
    connect(question_, &QMessageBox::buttonClicked, this, [this, reload, path](QAbstractButton* button) {
        if (button == reload) Q_EMIT reloadRequested(path);
    });
    question_->open();
}

}  // namespace maillage::gui
