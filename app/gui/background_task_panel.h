#pragma once

#include <QPointer>
#include <QString>
#include <QWidget>

class QLabel;
class QPushButton;

namespace maillage::gui {

class CoverageController;
class Project;

// What the panels that run one computation off the GUI thread share ("Suggérer des sites",
// "Comparer deux scénarios"): the project and coverage it runs on, the button that starts it
// with a status line beside it, whether it is running, and the error of the last attempt.
// Each panel keeps its own work, result and watcher; it sets running_ while the work runs and
// emits finished() once the result is shown.
class BackgroundTaskPanel : public QWidget {
    Q_OBJECT
public:
    bool isRunning() const { return running_; }
    // Blocks until the background work is done and shown.
    void waitForResult();
    QString lastError() const { return lastError_; }

Q_SIGNALS:
    void finished();

protected:
    BackgroundTaskPanel(const QString& runText, QWidget* parent);

    // Clears the last error; false (with lastError()) when the work is already running, or when
    // there is no project with a road network to run it on.
    bool canStart(const QString& alreadyRunning, const QString& noNetwork);
    // Keeps `message` as the last error and shows it in the status line; false.
    bool fail(const QString& message);
    // The work is over: no longer running; an attempt that failed or was cancelled keeps its
    // `error` as the last error, shown as "Échec : …". True when the work gave a result.
    bool endRun(const QString& error);

    QPointer<Project> project_;
    QPointer<CoverageController> coverage_;
    QPushButton* run_;
    QLabel* status_;
    QString lastError_;
    bool running_ = false;
};

}  // namespace maillage::gui
