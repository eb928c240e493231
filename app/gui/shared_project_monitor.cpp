#include "shared_project_monitor.h"

#include "project.h"
#include "user_messages.h"

#include "common/error.h"
#include "planning/scenario.h"
#include "store/scenarios.h"
#include "store/store.h"

#include <QAction>
#include <QGuiApplication>
#include <QHash>
#include <QLabel>
#include <QMainWindow>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>

namespace maillage::gui {
namespace {

QString readOnlyReasonOf(const Store& store)
{
    if (store.canEdit()) return {};
    if (store.isServer())
        return SharedProjectMonitor::tr(
                   "Le rôle PostgreSQL « %1 » n'a que le droit de lecture sur ce projet : vous pouvez "
                   "le consulter, calculer et exporter, pas le modifier (demandez l'accès en écriture "
                   "au responsable du projet).")
            .arg(store.editor());
    return SharedProjectMonitor::tr(
        "Le fichier du projet est en lecture seule : vous pouvez le consulter, calculer et "
        "exporter, pas le modifier.");
}

// The points' row versions by id: a point added, removed or changed by anyone shows here.
QHash<qint64, qint64> versionsOf(const std::vector<AccueilPoint>& points)
{
    QHash<qint64, qint64> versions;
    versions.reserve(static_cast<qsizetype>(points.size()));
    for (const AccueilPoint& p : points) versions.insert(p.id, p.rowVersion);
    return versions;
}

int differences(const QHash<qint64, qint64>& a, const QHash<qint64, qint64>& b)
{
    int count = 0;
    for (auto it = a.begin(); it != a.end(); ++it)
        if (b.value(it.key(), -1) != it.value()) ++count;
    for (auto it = b.begin(); it != b.end(); ++it)
        if (!a.contains(it.key())) ++count;
    return count;
}

// The plans as a list shows them.
QStringList plansKey(const std::vector<ScenarioSummary>& plans)
{
    QStringList key;
    for (const ScenarioSummary& p : plans)
        key << QStringList{QString::number(p.id),
                           p.name,
                           p.description,
                           QString::number(p.addedPoints),
                           QString::number(p.pointChanges),
                           QString::number(p.roadClosures)}
                   .join(QChar(0x1f));
    return key;
}

// A scenario's points as the map and the table show them.
QStringList pointsKey(const std::vector<AccueilPoint>& points)
{
    QStringList key;
    key.reserve(static_cast<qsizetype>(points.size()));
    for (const AccueilPoint& p : points)
        key << QStringList{QString::number(p.id),
                           QString::number(p.rowVersion),
                           QString::number(static_cast<int>(p.level)),
                           p.kind,
                           statusCode(p.status),
                           p.name,
                           QString::number(p.lambert93.x, 'f', 2),
                           QString::number(p.lambert93.y, 'f', 2),
                           p.notes}
                   .join(QChar(0x1f));
    key.sort();
    return key;
}

QList<qint64> closuresKey(const std::vector<RoadClosure>& closures)
{
    QList<qint64> ids;
    for (const RoadClosure& c : closures) ids << c.id;
    std::sort(ids.begin(), ids.end());
    return ids;
}

// Shows `reason` in the text property `property` of `object` (a tip), or, when `reason` is
// empty, the object's own text, remembered the first time in a dynamic property.
void showReasonIn(QObject& object, const char* property, const QString& reason)
{
    const QByteArray ownKey = QByteArrayLiteral("maillageOwn_") + property;
    if (!object.property(ownKey.constData()).isValid()) object.setProperty(ownKey.constData(), object.property(property));
    object.setProperty(property, reason.isEmpty() ? object.property(ownKey.constData()) : QVariant(reason));
}

}  // namespace

void showEditable(const QList<QAction*>& actions, const QString& readOnlyReason)
{
    for (QAction* action : actions) {
        showReasonIn(*action, "statusTip", readOnlyReason);
        action->setToolTip(readOnlyReason);  // when empty, Qt's own: the action's text
        if (!readOnlyReason.isEmpty()) action->setEnabled(false);
    }
}

void showEditable(const QList<QWidget*>& widgets, const QString& readOnlyReason)
{
    for (QWidget* widget : widgets) {
        showReasonIn(*widget, "toolTip", readOnlyReason);
        if (!readOnlyReason.isEmpty()) widget->setEnabled(false);
    }
}

SharedProjectMonitor::SharedProjectMonitor(Project* project, const QString& location, QMainWindow* window)
    : QObject(project), project_(project), location_(location), window_(window)
{
    readOnlyReason_ = readOnlyReasonOf(project->store());
    if (window_) {
        indicator_ = new QLabel(tr("Lecture seule"));
        indicator_->setObjectName(QStringLiteral("readOnlyIndicator"));
        window_->statusBar()->addPermanentWidget(indicator_);
        updateIndicator();
    }
    connect(project, &Project::editConflict, this, &SharedProjectMonitor::conflict);
    connect(project, &Project::planConflict, this, &SharedProjectMonitor::planConflict);
    connect(project, &Project::editFailed, this, &SharedProjectMonitor::editFailed);
    if (!project->store().isServer()) return;  // a file's other writers: ProjectFileWatcher
    // Others' changes are read as soon as the server announces them, when the user comes back
    // to the window, and regularly.
    connect(qGuiApp, &QGuiApplication::applicationStateChanged, this, [this](Qt::ApplicationState state) {
        if (state == Qt::ApplicationActive) checkForOthersChanges();
    });
    notified_.setSingleShot(true);
    notified_.setInterval(50);
    connect(&notified_, &QTimer::timeout, this, [this] {
        // Not in the middle of a drag: once it ends.
        if (project_->hasPreview()) notified_.start(500);
        else checkForOthersChanges();
    });
    refresh_.setInterval(kRefreshSeconds * 1000);
    connect(&refresh_, &QTimer::timeout, this, &SharedProjectMonitor::checkForOthersChanges);
    listen();
}

void SharedProjectMonitor::listen()
{
    listening_ = project_->store().watchChanges(this, [this] { notified_.start(); });
    // Still regularly: the changes nobody announces (a point edited in QGIS) and a server gone
    // while nothing is edited show then.
    refresh_.start();
}

SharedProjectMonitor::~SharedProjectMonitor()
{
    if (question_) question_->deleteLater();
    delete indicator_.data();
}

void SharedProjectMonitor::updateIndicator()
{
    if (!indicator_) return;
    indicator_->setVisible(!readOnlyReason_.isEmpty());
    indicator_->setToolTip(readOnlyReason_);
}

QMessageBox* SharedProjectMonitor::question() const { return question_.data(); }

int SharedProjectMonitor::checkForOthersChanges()
{
    if (!project_->store().isServer() || serverLost_ || project_->hasPreview()) return 0;
    std::vector<AccueilPoint> stored;
    std::vector<ScenarioSummary> plans;
    std::optional<Scenario> active;
    try {
        stored = project_->store().points();
        ScenarioStore scenarios(project_->store());
        plans = scenarios.list();
        if (project_->planActive())
            for (const ScenarioSummary& plan : plans)
                if (plan.name == project_->activeScenario()) active = scenarios.scenario(plan.name);
    } catch (const std::exception& e) {
        if (!serverAnswers()) lostServer(userMessage(e));
        return 0;
    }
    const int changed = differences(versionsOf(stored), versionsOf(project_->baselinePoints()));
    const bool plansChanged = plansKey(plans) != plansKey(project_->plansShown());
    const bool activeGone = project_->planActive() && !active;
    bool activeChanged = false;
    if (active) {
        const ScenarioView view = applyScenario(stored, *active);
        activeChanged = pointsKey(view.points) != pointsKey(project_->points())
                        || closuresKey(view.roadClosures) != closuresKey(project_->roadClosures());
    }
    if (changed == 0 && !plansChanged && !activeGone && !activeChanged) return 0;
    if (activeGone) {
        // Deleted (or renamed) by another planner: the current situation is shown instead.
        try {
            project_->activateScenario(kBaselineScenario);
        } catch (const std::exception& e) {
            showStatus(userMessage(e));
        }
    } else if (changed > 0 || activeChanged) {
        reloadPoints();
    }
    if (serverLost_) return 0;
    if (plansChanged || activeGone) project_->refreshPlans();
    const bool planning = plansChanged || activeGone || activeChanged;
    if (planning && changed == 0)
        showStatus(
            tr("Plans modifiés par d'autres planificateurs : les plans, les routes fermées, la carte et les "
               "statistiques sont à jour."));
    else if (planning)
        showStatus(
            tr("%n point(s) et des plans modifiés par d'autres planificateurs : la carte et les statistiques "
               "sont à jour.",
               "", changed));
    else
        showStatus(tr("%n point(s) modifié(s) par d'autres planificateurs : la carte et les statistiques sont à jour.", "",
                      changed));
    const int count = changed + (planning ? 1 : 0);
    Q_EMIT othersChangesLoaded(count);
    return count;
}

bool SharedProjectMonitor::reconnect()
{
    try {
        project_->replaceStore(Store::open(location_));
    } catch (const std::exception& e) {
        showStatus(tr("Reconnexion impossible : %1").arg(userMessage(e)));
        return false;
    }
    serverLost_ = false;
    listen();  // on the new connection
    setReadOnlyReason(readOnlyReasonOf(project_->store()));
    showStatus(tr("Reconnecté au serveur : les points sont relus."));
    return true;
}

void SharedProjectMonitor::conflict(qint64 pointId, const QString& changedBy, const QString& message)
{
    const AccueilPoint* point = project_->point(pointId);
    const QString name = point ? point->name : tr("n° %1").arg(pointId);
    offerReload(tr("Point modifié par quelqu'un d'autre"),
                tr("« %1 » a été modifié par %2 depuis que vous l'avez lu.").arg(name, changedBy), changedBy, message);
}

void SharedProjectMonitor::planConflict(const QString& plan, const QString& changedBy, const QString& message)
{
    offerReload(tr("Plan modifié par quelqu'un d'autre"),
                tr("Le plan « %1 » a été modifié par %2 depuis que vous l'avez lu.").arg(plan, changedBy), changedBy,
                message);
}

// Someone else's change is kept: the status bar says what was refused, a question offers to
// read the project again so that the change can be made on their version. `whatChanged` is a
// whole sentence (the point or plan and who changed it), so that each translates as one.
void SharedProjectMonitor::offerReload(const QString& title, const QString& whatChanged, const QString& changedBy,
                                       const QString& statusMessage)
{
    showStatus(statusMessage);
    const QString question = tr("Votre modification n'a pas été enregistrée, celle de %1 est gardée.\n\nRelire le "
                                "projet pour voir la version enregistrée, puis refaire votre modification si elle vaut "
                                "toujours ?")
                                 .arg(changedBy);
    ask(title, whatChanged + QLatin1Char(' ') + question, tr("Relire le projet"), tr("Plus tard"),
        [this] { reloadPoints(); });
}

void SharedProjectMonitor::editFailed()
{
    if (project_->store().isServer() && !serverLost_ && !serverAnswers()) lostServer(tr("la connexion a été perdue"));
}

void SharedProjectMonitor::lostServer(const QString& message)
{
    serverLost_ = true;
    setReadOnlyReason(tr("Le serveur du projet ne répond plus : le projet reste affiché en lecture seule."));
    ask(tr("Serveur injoignable"),
        tr("Le serveur du projet %1 ne répond plus (%2).\n\nLe projet reste affiché en lecture seule : vous pouvez "
           "continuer à le consulter. Rien de ce qui était enregistré n'est perdu ; la modification en cours, elle, "
           "n'a pas été enregistrée.")
            .arg(project_->displayName(), message),
        tr("Reconnecter"), tr("Continuer en lecture seule"), [this] {
            if (!reconnect()) lostServer(tr("toujours pas de réponse"));
        });
}

void SharedProjectMonitor::reloadPoints()
{
    try {
        project_->reloadPoints();
    } catch (const std::exception& e) {
        if (!serverAnswers()) lostServer(userMessage(e));
        else showStatus(userMessage(e));
    }
}

bool SharedProjectMonitor::serverAnswers() const
{
    try {
        project_->store().pointCount();
        return true;
    } catch (const std::exception&) {
        return false;
    }
}

void SharedProjectMonitor::ask(const QString& title, const QString& text, const QString& acceptText,
                               const QString& rejectText, const std::function<void()>& onAccept)
{
    if (question_) question_->deleteLater();
    question_ = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::NoButton, window_);
    QPushButton* accept = question_->addButton(acceptText, QMessageBox::AcceptRole);
    question_->addButton(rejectText, QMessageBox::RejectRole);
    question_->setDefaultButton(accept);
    question_->setAttribute(Qt::WA_DeleteOnClose);
    // Queued: the answer may replace the project's store, which the box's caller may be using.
    connect(
        question_, &QMessageBox::buttonClicked, this,
        [accept, onAccept](QAbstractButton* button) {
            if (button == accept) onAccept();
        },
        Qt::QueuedConnection);
    question_->open();
}

void SharedProjectMonitor::setReadOnlyReason(const QString& reason)
{
    if (reason == readOnlyReason_) return;
    readOnlyReason_ = reason;
    updateIndicator();
    if (!reason.isEmpty()) showStatus(reason);
    Q_EMIT editableChanged();
}

void SharedProjectMonitor::showStatus(const QString& message)
{
    if (window_) window_->statusBar()->showMessage(message, 10000);
}

}  // namespace maillage::gui
