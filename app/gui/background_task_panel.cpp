#include "background_task_panel.h"

#include "coverage_controller.h"
#include "project.h"

#include <QCoreApplication>
#include <QLabel>
#include <QPushButton>

namespace maillage::gui {

BackgroundTaskPanel::BackgroundTaskPanel(const QString& runText, QWidget* parent)
    : QWidget(parent), run_(new QPushButton(runText)), status_(new QLabel)
{
}

void BackgroundTaskPanel::waitForResult()
{
    while (running_) QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);
}

bool BackgroundTaskPanel::canStart(const QString& alreadyRunning, const QString& noNetwork)
{
    lastError_.clear();
    if (running_) return fail(alreadyRunning);
    if (!project_ || !coverage_ || !coverage_->isAvailable()) return fail(noNetwork);
    return true;
}

bool BackgroundTaskPanel::fail(const QString& message)
{
    lastError_ = message;
    status_->setText(message);
    return false;
}

bool BackgroundTaskPanel::endRun(const QString& error)
{
    running_ = false;
    if (error.isEmpty()) return true;
    lastError_ = error;
    status_->setText(tr("Échec : %1").arg(error));
    return false;
}

}  // namespace maillage::gui
