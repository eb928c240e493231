#include "load_jobs.h"

#include "user_messages.h"

#include <QMainWindow>
#include <QProgressBar>
#include <QStatusBar>
#include <QToolButton>
#include <QtConcurrent/QtConcurrentRun>

namespace maillage::gui {

LoadJobs::LoadJobs(QMainWindow& window, UserMessages& messages) : QObject(&window), window_(window), messages_(messages)
{
    progress_ = new QProgressBar;
    progress_->setRange(0, 100);
    progress_->setMaximumWidth(220);
    progress_->setTextVisible(true);
    progress_->hide();
    cancel_ = new QToolButton;
    cancel_->setObjectName(QStringLiteral("cancelJob"));
    cancel_->setText(tr("Annuler"));
    cancel_->hide();
    connect(cancel_, &QToolButton::clicked, this, [this] {
        if (!watcher_) return;
        watcher_->cancel();
        cancel_->setEnabled(false);
        progress_->setFormat(tr("Annulation…"));
    });
    window_.statusBar()->addPermanentWidget(progress_);
    window_.statusBar()->addPermanentWidget(cancel_);
}

LoadJobs::~LoadJobs() { cancelAndWait(); }

void LoadJobs::cancelAndWait()
{
    if (!watcher_) return;
    watcher_->cancel();
    watcher_->waitForFinished();
}

void LoadJobs::start(const QString& title, Job job, Opened onSuccess)
{
    if (watcher_) {
        messages_.showError(title, tr("Un chargement est déjà en cours."));
        return;
    }
    onSuccess_ = std::move(onSuccess);
    watcher_ = new QFutureWatcher<LoadOutcome>(this);
    connect(watcher_, &QFutureWatcher<LoadOutcome>::progressValueChanged, progress_, &QProgressBar::setValue);
    connect(watcher_, &QFutureWatcher<LoadOutcome>::progressTextChanged, this, [this](const QString& text) {
        if (!text.isEmpty()) window_.statusBar()->showMessage(text);
    });
    connect(watcher_, &QFutureWatcher<LoadOutcome>::finished, this, &LoadJobs::finish);
    progress_->setValue(0);
    progress_->setFormat(QStringLiteral("%p %"));
    progress_->show();
    cancel_->setEnabled(true);
    cancel_->show();
    window_.statusBar()->showMessage(title);
    Q_EMIT busyChanged();
    watcher_->setFuture(QtConcurrent::run([job = std::move(job)](QPromise<LoadOutcome>& promise) {
        promise.setProgressRange(0, 100);
        LoadProgress progress(
            [&promise](int percent, const QString& text) {
                if (text.isEmpty()) promise.setProgressValue(percent);
                else promise.setProgressValueAndText(percent, text);
            },
            [&promise] { return promise.isCanceled(); });
        promise.addResult(runLoadJob(job, progress));
    }));
}

void LoadJobs::finish()
{
    QFutureWatcher<LoadOutcome>* watcher = watcher_;
    watcher_ = nullptr;
    watcher->deleteLater();
    progress_->hide();
    cancel_->hide();
    window_.statusBar()->clearMessage();
    Opened onSuccess = std::move(onSuccess_);
    onSuccess_ = nullptr;
    const QFuture<LoadOutcome> future = watcher->future();
    LoadOutcome outcome;
    if (future.resultCount() > 0) outcome = future.result();
    else outcome.cancelled = true;
    if (outcome.cancelled || future.isCanceled()) {
        window_.statusBar()->showMessage(tr("Chargement annulé."), 5000);
        Q_EMIT busyChanged();
        Q_EMIT failed(tr("annulé"));
        return;
    }
    if (!outcome.data) {
        messages_.showError(tr("Chargement impossible"), outcome.error);
        Q_EMIT busyChanged();
        Q_EMIT failed(outcome.error);
        return;
    }
    try {
        onSuccess(outcome.data);
    } catch (const std::exception& e) {
        const QString message = userMessage(e);
        messages_.showError(tr("Ouverture impossible"), message);
        Q_EMIT busyChanged();
        Q_EMIT failed(message);
        return;
    }
    if (!outcome.data->warnings.isEmpty())
        window_.statusBar()->showMessage(
            tr("%n avertissement(s) au chargement : %1", nullptr, int(outcome.data->warnings.size()))
                .arg(outcome.data->warnings.first()),
            10000);
    Q_EMIT busyChanged();
}

}  // namespace maillage::gui
