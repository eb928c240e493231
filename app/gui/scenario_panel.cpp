#include "scenario_panel.h"

#include "common/error.h"
#include "coverage_controller.h"
#include "labels.h"
#include "planning/closed_network.h"
#include "project.h"
#include "scenario_commands.h"
#include "shared_project_monitor.h"
#include "widget_helpers.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace maillage::gui {
namespace {

constexpr int kNameRole = Qt::UserRole + 1;
constexpr int kClosureRole = Qt::UserRole + 2;

QString contentsText(const ScenarioSummary& plan)
{
    QStringList parts;
    if (plan.addedPoints)
        parts << QCoreApplication::translate("ScenarioPanel", "%n point(s) ajouté(s)", nullptr, plan.addedPoints);
    if (plan.pointChanges)
        parts << QCoreApplication::translate("ScenarioPanel", "%n point(s) modifié(s)", nullptr, plan.pointChanges);
    if (plan.roadClosures)
        parts << QCoreApplication::translate("ScenarioPanel", "%n fermeture(s) de route", nullptr, plan.roadClosures);
    return parts.isEmpty() ? QCoreApplication::translate("ScenarioPanel", "aucun changement")
                           : parts.join(QStringLiteral(", "));
}

}  // namespace

ScenarioPanel::ScenarioPanel(QWidget* parent)
    : QWidget(parent),
      list_(new QTreeWidget),
      new_(new QPushButton(tr("Nouveau…"))),
      copy_(new QPushButton(tr("Copier…"))),
      rename_(new QPushButton(tr("Renommer…"))),
      delete_(new QPushButton(tr("Supprimer"))),
      activeNote_(new QLabel),
      closuresBox_(new QWidget),
      closures_(new QListWidget),
      closeRoads_(new QPushButton(tr("Fermer des routes…"))),
      pickRoad_(new QToolButton),
      reopen_(new QPushButton(tr("Rouvrir")))
{
    setUpPlanList();
    setUpClosures();
    layOut();
    connectWidgets();
    refreshList();
}

// The plans and their buttons, and the note on the plan shown.
void ScenarioPanel::setUpPlanList()
{
    list_->setObjectName(QStringLiteral("scenarioList"));
    list_->setColumnCount(2);
    list_->setHeaderLabels({tr("Scénario"), tr("Contenu")});
    list_->setRootIsDecorated(false);
    list_->setUniformRowHeights(true);
    list_->header()->setStretchLastSection(true);
    list_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    list_->setMinimumHeight(70);
    list_->setToolTip(
        tr("Cliquez sur un scénario pour l'afficher : la carte, la table des points, les statistiques "
           "et la couverture sont celles du scénario choisi."));
    new_->setToolTip(tr("Nouveau plan, vide : la situation actuelle, prête à être modifiée"));
    copy_->setToolTip(tr("Nouveau plan, copie du scénario choisi"));
    delete_->setToolTip(tr("Supprimer le plan choisi (la situation actuelle ne peut pas l'être)"));
    for (QPushButton* button : {new_, copy_, rename_, delete_}) button->setAutoDefault(false);
    new_->setObjectName(QStringLiteral("newPlan"));
    delete_->setObjectName(QStringLiteral("deletePlan"));

    activeNote_->setWordWrap(true);
    activeNote_->setObjectName(QStringLiteral("activeScenarioNote"));
}

// The plan's closed roads and the buttons that close and reopen them.
void ScenarioPanel::setUpClosures()
{
    closures_->setObjectName(QStringLiteral("closureList"));
    closures_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    closures_->setWordWrap(true);
    closures_->setMinimumHeight(60);
    closeRoads_->setObjectName(QStringLiteral("closeRoads"));
    closeRoads_->setToolTip(tr("Fermer des routes par leur numéro (D908…) ou par un préréglage (cols fermés l'hiver)"));
    reopen_->setObjectName(QStringLiteral("reopenRoads"));
    reopen_->setToolTip(tr("Rouvrir les routes choisies dans la liste"));
    pickRoad_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
}

void ScenarioPanel::layOut()
{
    auto* buttons = new QHBoxLayout;
    for (QPushButton* button : {new_, copy_, rename_, delete_}) buttons->addWidget(button);
    buttons->addStretch();
    auto* closureTitle = new QLabel(tr("<b>Routes fermées dans le plan</b>"));
    auto* closureButtons = new QHBoxLayout;
    closureButtons->addWidget(closeRoads_);
    closureButtons->addWidget(pickRoad_);
    closureButtons->addStretch();
    closureButtons->addWidget(reopen_);
    auto* closuresLayout = new QVBoxLayout(closuresBox_);
    closuresLayout->setContentsMargins(0, 6, 0, 0);
    closuresLayout->addWidget(closureTitle);
    closuresLayout->addWidget(closures_, 1);
    closuresLayout->addLayout(closureButtons);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(list_, 2);
    layout->addLayout(buttons);
    layout->addWidget(activeNote_);
    layout->addWidget(closuresBox_, 3);
}

void ScenarioPanel::connectWidgets()
{
    connect(list_, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (refreshing_ || !item) return;
        activate(item->data(0, kNameRole).toString());
    });
    connect(new_, &QPushButton::clicked, this, &ScenarioPanel::newPlanAsked);
    connect(copy_, &QPushButton::clicked, this, &ScenarioPanel::copyAsked);
    connect(rename_, &QPushButton::clicked, this, &ScenarioPanel::renameAsked);
    connect(delete_, &QPushButton::clicked, this, &ScenarioPanel::deleteAsked);
    connect(closeRoads_, &QPushButton::clicked, this, &ScenarioPanel::closeRoadsRequested);
    connect(reopen_, &QPushButton::clicked, this, [this] {
        std::vector<qint64> ids;
        for (const QListWidgetItem* item : closures_->selectedItems()) ids.push_back(item->data(kClosureRole).toLongLong());
        reopenRoads(ids);
    });
    connect(closures_, &QListWidget::itemSelectionChanged, this, &ScenarioPanel::updateButtons);
}

void ScenarioPanel::newPlanAsked()
{
    const QString name = askName(tr("Nouveau plan"), tr("Nom du plan :"), uniqueName(tr("Plan")));
    if (!name.isEmpty()) createPlan(name);
}

void ScenarioPanel::copyAsked()
{
    const QString from = selectedName();
    if (from.isEmpty()) return;
    const QString name = askName(tr("Copier le scénario"), tr("Nom de la copie de « %1 » :").arg(scenarioLabel(from)),
                                 uniqueName(isBaselineName(from) ? tr("Plan") : from));
    if (!name.isEmpty()) createPlan(name, from);
}

void ScenarioPanel::renameAsked()
{
    const QString from = selectedName();
    if (from.isEmpty() || isBaselineName(from)) return;
    const QString name = askName(tr("Renommer le plan"), tr("Nouveau nom de « %1 » :").arg(from), from);
    if (!name.isEmpty() && name != from) renamePlan(from, name);
}

void ScenarioPanel::deleteAsked() { deletePlan(selectedName()); }

void ScenarioPanel::setProject(Project* project, CoverageController* coverage)
{
    if (replaceSource(project_, project, this)) {
        connect(project_, &Project::plansChanged, this, &ScenarioPanel::refreshList);
        connect(project_, &Project::scenarioChanged, this, &ScenarioPanel::refreshList);
        connect(project_, &Project::roadClosuresChanged, this, &ScenarioPanel::refreshClosures);
    }
    // The closures' lengths are known once the closed network is built.
    if (replaceSource(coverage_, coverage, this))
        connect(coverage_, &CoverageController::networkChanged, this, &ScenarioPanel::refreshClosures);
    refreshList();
}

void ScenarioPanel::setRoadTool(QAction* roadTool)
{
    pickRoad_->setDefaultAction(roadTool);
    pickRoad_->setObjectName(QStringLiteral("pickRoad"));
}

QString ScenarioPanel::closureLabel(const RoadClosure& closure)
{
    QString road;
    switch (closure.method) {
    case ClosureMethod::Ref:
        road = closure.centre
                   ? tr("%1 à moins de %2 km").arg(closure.ref, QLocale().toString(closure.radiusMetres / 1000.0, 'g', 3))
                   : tr("%1 sur toute sa longueur").arg(closure.ref);
        break;
    case ClosureMethod::Position: road = tr("tronçon le plus proche d'un lieu"); break;
    case ClosureMethod::Edge: road = tr("tronçon n° %1").arg(closure.edge.value_or(0)); break;
    }
    return closure.note.isEmpty() ? road : tr("%1 : %2").arg(closure.note, road);
}

void ScenarioPanel::refreshList()
{
    refreshing_ = true;
    list_->clear();
    if (project_) {
        const QString active = project_->activeScenario();
        auto* baseline = new QTreeWidgetItem(
            list_, {scenarioLabel(kBaselineScenario), tr("%n point(s)", nullptr, int(project_->baselinePoints().size()))});
        baseline->setData(0, kNameRole, kBaselineScenario);
        baseline->setToolTip(0, tr("Les points du projet tels qu'ils sont"));
        std::vector<ScenarioSummary> plans;
        try {
            plans = project_->plans();
        } catch (const Error& e) {
            lastError_ = e.message();
        }
        for (const ScenarioSummary& plan : plans) {
            auto* item = new QTreeWidgetItem(list_, {plan.name, contentsText(plan)});
            item->setData(0, kNameRole, plan.name);
            if (!plan.description.isEmpty()) item->setToolTip(0, plan.description);
        }
        for (int i = 0; i < list_->topLevelItemCount(); ++i) {
            QTreeWidgetItem* item = list_->topLevelItem(i);
            const bool isActive = item->data(0, kNameRole).toString() == active;
            QFont font = item->font(0);
            font.setBold(isActive);
            item->setFont(0, font);
            item->setFont(1, font);
            if (isActive) list_->setCurrentItem(item);
        }
        activeNote_->setText(project_->planActive()
                                 ? tr("Plan « %1 » affiché : les points ajoutés, déplacés, fermés ou changés de niveau "
                                      "vont dans ce plan ; la situation actuelle ne change pas.")
                                       .arg(active)
                                 : tr("Situation actuelle affichée : les modifications s'appliquent aux points du projet. "
                                      "Créez un plan pour essayer des changements."));
    } else {
        activeNote_->clear();
    }
    refreshing_ = false;
    refreshClosures();
}

void ScenarioPanel::refreshClosures()
{
    closures_->clear();
    const bool plan = project_ && project_->planActive();
    closuresBox_->setEnabled(plan);
    if (plan) {
        const auto network = coverage_ ? coverage_->closedNetwork() : nullptr;
        const std::vector<RoadClosure>& closures = project_->roadClosures();
        for (std::size_t i = 0; i < closures.size(); ++i) {
            QString text = closureLabel(closures[i]);
            // What the closure finds in the network, once it is built (networkChanged).
            const ResolvedClosure* found = network ? findResolved(*network, closures[i]) : nullptr;
            if (found)
                text += found->edges.empty() ? tr(" — aucune route trouvée")
                                             : tr(" — %n tronçon(s), %1 km", nullptr, int(found->edges.size()))
                                                   .arg(QLocale().toString(found->km, 'f', 1));
            else if (!network && coverage_ && !coverage_->networkPending()) text += tr(" — aucune route trouvée");
            auto* item = new QListWidgetItem(text, closures_);
            item->setData(kClosureRole, closures[i].id);
        }
        if (closures.empty()) {
            auto* item = new QListWidgetItem(tr("Aucune : toutes les routes sont ouvertes."), closures_);
            item->setFlags(Qt::NoItemFlags);
        }
    }
    updateButtons();
}

void ScenarioPanel::updateButtons()
{
    const bool open = project_ != nullptr;
    const QString selected = selectedName();
    const bool plan = open && !selected.isEmpty() && !isBaselineName(selected);
    new_->setEnabled(open);
    copy_->setEnabled(open && !selected.isEmpty());
    rename_->setEnabled(plan);
    delete_->setEnabled(plan);
    const bool planActive = open && project_->planActive();
    closeRoads_->setEnabled(planActive);
    pickRoad_->setEnabled(planActive);
    reopen_->setEnabled(planActive && !closures_->selectedItems().isEmpty());
    showEditable(QList<QWidget*>{new_, copy_, rename_, delete_, closeRoads_, pickRoad_, reopen_}, readOnlyReason_);
}

void ScenarioPanel::setReadOnlyReason(const QString& reason)
{
    if (reason == readOnlyReason_) return;
    readOnlyReason_ = reason;
    updateButtons();
}

QString ScenarioPanel::selectedName() const
{
    const QTreeWidgetItem* item = list_->currentItem();
    return item ? item->data(0, kNameRole).toString() : QString();
}

bool ScenarioPanel::fail(const QString& message)
{
    lastError_ = message;
    if (interactive_) QMessageBox::warning(this, tr("Plans"), message);
    return false;
}

QString ScenarioPanel::askName(const QString& title, const QString& label, const QString& proposal)
{
    if (!interactive_) return {};
    bool ok = false;
    const QString name = QInputDialog::getText(this, title, label, QLineEdit::Normal, proposal, &ok).trimmed();
    return ok ? name : QString();
}

QString ScenarioPanel::uniqueName(const QString& base) const { return project_ ? project_->unusedPlanName(base) : base; }

bool ScenarioPanel::activate(const QString& name)
{
    if (!project_) return fail(tr("Aucun projet ouvert."));
    try {
        project_->activateScenario(name);
    } catch (const Error& e) {
        refreshList();
        return fail(e.message());
    }
    return true;
}

bool ScenarioPanel::createPlan(const QString& name, const QString& from, const QString& description)
{
    if (!project_) return fail(tr("Aucun projet ouvert."));
    if (!readOnlyReason_.isEmpty()) return fail(readOnlyReason_);
    if (name.trimmed().isEmpty()) return fail(tr("Un plan a besoin d'un nom."));
    if (project_->scenarioExists(name)) return fail(tr("Le projet a déjà un scénario « %1 ».").arg(name.trimmed()));
    const int before = project_->undoStack()->index();
    project_->undoStack()->push(new CreatePlanCommand(*project_, name.trimmed(), from, description));
    return project_->undoStack()->index() > before && project_->scenarioExists(name);
}

bool ScenarioPanel::renamePlan(const QString& from, const QString& to)
{
    if (!project_) return fail(tr("Aucun projet ouvert."));
    if (!readOnlyReason_.isEmpty()) return fail(readOnlyReason_);
    if (isBaselineName(from)) return fail(tr("La situation actuelle ne peut pas être renommée."));
    if (to.trimmed().isEmpty()) return fail(tr("Un plan a besoin d'un nom."));
    if (project_->scenarioExists(to) && to.trimmed().compare(from, Qt::CaseInsensitive) != 0)
        return fail(tr("Le projet a déjà un scénario « %1 ».").arg(to.trimmed()));
    project_->undoStack()->push(new RenamePlanCommand(*project_, from, to.trimmed()));
    return project_->scenarioExists(to);
}

bool ScenarioPanel::deletePlan(const QString& name)
{
    if (!project_) return fail(tr("Aucun projet ouvert."));
    if (!readOnlyReason_.isEmpty()) return fail(readOnlyReason_);
    if (name.isEmpty() || isBaselineName(name)) return fail(tr("La situation actuelle ne peut pas être supprimée."));
    if (!project_->scenarioExists(name)) return fail(tr("Le projet n'a pas de plan « %1 ».").arg(name));
    if (interactive_
        && QMessageBox::question(this, tr("Supprimer le plan"),
                                 tr("Supprimer le plan « %1 » avec tous ses changements ?\n"
                                    "(Édition › Annuler le rétablit.)")
                                     .arg(name),
                                 QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
               != QMessageBox::Yes)
        return false;
    try {
        project_->undoStack()->push(new DeletePlanCommand(*project_, name));
    } catch (const Error& e) {
        return fail(e.message());
    }
    return !project_->scenarioExists(name);
}

bool ScenarioPanel::closeRoads(std::vector<RoadClosure> closures, const QString& what)
{
    if (!readOnlyReason_.isEmpty()) return fail(readOnlyReason_);
    if (!project_ || !project_->planActive())
        return fail(tr("Les routes se ferment dans un plan : choisissez ou créez un plan."));
    if (closures.empty()) return false;
    const std::size_t before = project_->roadClosures().size();
    project_->undoStack()->push(new CloseRoadsCommand(*project_, std::move(closures), what));
    return project_->roadClosures().size() > before;
}

bool ScenarioPanel::reopenRoads(const std::vector<qint64>& closureIds)
{
    if (!project_ || !project_->planActive() || closureIds.empty()) return false;
    if (!readOnlyReason_.isEmpty()) return fail(readOnlyReason_);
    const std::size_t before = project_->roadClosures().size();
    project_->undoStack()->push(new ReopenRoadsCommand(
        *project_, closureIds,
        tr("%n route(s) rouverte(s) dans le plan « %1 »", nullptr, int(closureIds.size())).arg(project_->activeScenario())));
    return project_->roadClosures().size() < before;
}

}  // namespace maillage::gui
