#pragma once

#include "project_loading.h"

#include <QFutureWatcher>
#include <QObject>

#include <functional>
#include <memory>

class QMainWindow;
class QProgressBar;
class QToolButton;

namespace maillage::gui {

class UserMessages;

// Runs one loading job at a time off the GUI thread, with its progress and a cancel button
// in the status bar. On success the job's data goes to the callback given with the job (in
// the GUI thread); a failure or a cancel is said to the user and signalled.
class LoadJobs : public QObject {
    Q_OBJECT
public:
    using Job = std::function<std::shared_ptr<ProjectData>(LoadProgress&)>;
    using Opened = std::function<void(std::shared_ptr<ProjectData>)>;

    LoadJobs(QMainWindow& window, UserMessages& messages);
    ~LoadJobs() override;

    bool isBusy() const { return watcher_ != nullptr; }
    // Refused (with a message) while another job runs.
    void start(const QString& title, Job job, Opened onSuccess);
    // Cancels the running job and waits for its thread to stop.
    void cancelAndWait();

Q_SIGNALS:
    void busyChanged();
    void failed(const QString& message);

private:
    void finish();

    QMainWindow& window_;
    UserMessages& messages_;
    QFutureWatcher<LoadOutcome>* watcher_ = nullptr;
    Opened onSuccess_;
    QProgressBar* progress_ = nullptr;
    QToolButton* cancel_ = nullptr;
};

}  // namespace maillage::gui
