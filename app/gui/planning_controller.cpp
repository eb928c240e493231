#include "planning_controller.h"

#include "common/error.h"
#include "comparison_panel.h"
#include "coverage_controller.h"
#include "labels.h"
#include "map/map_canvas.h"
#include "planning/closed_network.h"
#include "planning/closure_presets.h"
#include "planning/road_closures.h"
#include "point_commands.h"
#include "project.h"
#include "render/map_layer.h"
#include "render/planning_layers.h"
#include "road_closure_dialog.h"
#include "scenario_panel.h"
#include "shared_project_monitor.h"
#include "suggestion_panel.h"
#include "widget_helpers.h"

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollArea>
#include <QStatusBar>
#include <QUndoStack>

#include <cmath>

namespace maillage::gui {
namespace {

constexpr double kPickMetres = 1000.0;  // as a closure by position (road_closures.cpp)
constexpr double kPickPixels = 14.0;    // a click this near a road picks it

QPainterPath edgePath(const RoadGraph& graph, EdgeId edge)
{
    QPainterPath path;
    const RoadGraph::Shape shape = graph.edgeShape(edge);
    path.moveTo(shape[0].x, shape[0].y);
    for (std::size_t i = 1; i < shape.size(); ++i) path.lineTo(shape[i].x, shape[i].y);
    return path;
}

// A place on the edge that no other edge shares: the middle of its longest shape segment (its
// ends are nodes, where several edges meet).
XY middleOf(const RoadGraph& graph, EdgeId edge)
{
    const RoadGraph::Shape shape = graph.edgeShape(edge);
    std::size_t best = 1;
    double longest = -1.0;
    for (std::size_t i = 1; i < shape.size(); ++i) {
        const double length = std::hypot(shape[i].x - shape[i - 1].x, shape[i].y - shape[i - 1].y);
        if (length > longest) {
            longest = length;
            best = i;
        }
    }
    return {(shape[best].x + shape[best - 1].x) / 2.0, (shape[best].y + shape[best - 1].y) / 2.0};
}

}  // namespace

PlanningController::PlanningController(QMainWindow& window, MapCanvas& canvas)
    : QObject(&window), window_(window), canvas_(canvas)
{
    roadTool_ = new QAction(QIcon(QStringLiteral(":/icons/road-closed.svg")), tr("Choisir un &tronçon"), this);
    roadTool_->setObjectName(QStringLiteral("roadToolAction"));
    roadTool_->setCheckable(true);
    roadTool_->setShortcut(QKeySequence(Qt::Key_F3));
    roadTool_->setStatusTip(
        tr("Cliquer près d'une route pour choisir son tronçon, puis le fermer ou le rouvrir dans le plan"));
    connect(roadTool_, &QAction::triggered, this, [this] { canvas_.setTool(MapCanvas::Tool::PickRoad); });
    connect(&canvas_, &MapCanvas::roadPicked, this, [this](XY position, QPoint widgetPosition) {
        if (pickRoad(position) && interactive_) showRoadMenu(widgetPosition);
    });
    connect(&canvas_, &MapCanvas::toolChanged, this, [this](MapCanvas::Tool tool) {
        if (tool == MapCanvas::Tool::PickRoad) return;
        // The picked segment is only meaningful while picking.
        picked_.reset();
        if (closedRoadsLayer_) closedRoadsLayer_->setPickedRoad({});
    });

    scenarioLabel_ = new QLabel;
    scenarioLabel_->setObjectName(QStringLiteral("scenarioLabel"));
    scenarioLabel_->setToolTip(tr("Le scénario affiché et modifié"));
    window_.statusBar()->addPermanentWidget(scenarioLabel_);

    createDocks();
    createMenu();
    updateActions();
}

PlanningController::~PlanningController() = default;

void PlanningController::createDocks()
{
    scenarioPanel_ = new ScenarioPanel;
    scenarioPanel_->setRoadTool(roadTool_);
    scenariosDock_ = new QDockWidget(tr("Scénarios"), &window_);
    scenariosDock_->setObjectName(QStringLiteral("scenariosDock"));
    scenariosDock_->setWidget(scenarioPanel_);
    connect(scenarioPanel_, &ScenarioPanel::closeRoadsRequested, this, &PlanningController::openClosureDialog);

    suggestionPanel_ = new SuggestionPanel;
    suggestionsDock_ = new QDockWidget(tr("Suggérer des sites"), &window_);
    suggestionsDock_->setObjectName(QStringLiteral("suggestionsDock"));
    suggestionsDock_->setWidget(suggestionPanel_);

    comparisonPanel_ = new ComparisonPanel;
    comparisonDock_ = new QDockWidget(tr("Comparer deux scénarios"), &window_);
    comparisonDock_->setObjectName(QStringLiteral("comparisonDock"));
    // In a scroll area: the panel's wrapped summary and its table never make the dock, and so
    // the bottom of the window, taller than the user left it.
    auto* comparisonScroll = new QScrollArea;
    comparisonScroll->setWidget(comparisonPanel_);
    comparisonScroll->setWidgetResizable(true);
    comparisonScroll->setFrameShape(QFrame::NoFrame);
    comparisonDock_->setWidget(comparisonScroll);
    connect(comparisonPanel_, &ComparisonPanel::finished, this, [this] {
        if (differenceLayer_ && comparisonPanel_->comparison()) differenceLayer_->setVisible(true);
        showComparison();
    });
    connect(suggestionPanel_, &SuggestionPanel::finished, this, [this] {
        if (suggestionsLayer_) suggestionsLayer_->setVisible(true);
    });
}

void PlanningController::createMenu()
{
    menu_ = new QMenu(tr("P&lans"), &window_);
    menu_->setObjectName(QStringLiteral("plansMenu"));
    QAction* newPlan = menu_->addAction(tr("&Nouveau plan…"), scenarioPanel_, &ScenarioPanel::newPlanAsked);
    newPlan->setObjectName(QStringLiteral("newPlanAction"));
    QAction* copyPlan = menu_->addAction(tr("&Copier le scénario…"), scenarioPanel_, &ScenarioPanel::copyAsked);
    projectCommands_ = {newPlan, copyPlan};
    QAction* renamePlan = menu_->addAction(tr("&Renommer le plan…"), scenarioPanel_, &ScenarioPanel::renameAsked);
    QAction* deletePlan = menu_->addAction(tr("&Supprimer le plan…"), scenarioPanel_, &ScenarioPanel::deleteAsked);
    deletePlan->setObjectName(QStringLiteral("deletePlanAction"));
    menu_->addSeparator();
    QAction* closeRoads = menu_->addAction(tr("&Fermer des routes…"), this, &PlanningController::openClosureDialog);
    closeRoads->setObjectName(QStringLiteral("closeRoadsAction"));
    planCommands_ = {renamePlan, deletePlan, closeRoads};
    menu_->addAction(roadTool_);
    QMenu* presets = menu_->addMenu(tr("&Préréglages de fermeture"));
    presetsMenu_ = presets;
    try {
        for (const ClosurePreset& preset : builtinClosurePresets()) {
            QAction* action = presets->addAction(interfaceIsEnglish() ? preset.nameEn : preset.name, this,
                                                 [this, id = preset.id] { applyClosurePreset(id); });
            action->setStatusTip(preset.description);
        }
    } catch (const Error&) {
        // A broken built-in file is a bug caught by the tests; the menu stays empty.
    }
    presets->setEnabled(!presets->isEmpty());
    menu_->addSeparator();
    raiseAction_ = menu_->addAction(tr("Passer la sélection en &France services (plan)"), this,
                                    &PlanningController::raiseSelectionToFranceServices);
    raiseAction_->setStatusTip(
        tr("Dans le plan affiché, les points choisis (mairie, agence postale…) deviennent des "
           "France services, lieux de deuxième niveau"));
    menu_->addSeparator();
    menu_->addAction(tr("Su&ggérer des sites…"), this, [this] {
        suggestionsDock_->show();
        suggestionsDock_->raise();
    });
    menu_->addAction(tr("C&omparer deux scénarios…"), this, &PlanningController::showComparison);
}

void PlanningController::showComparison()
{
    // Shown in its place beside the points table, at the height the user gave the bottom
    // docks: the map keeps its size (the table scrolls, the dock's edge can be dragged).
    comparisonDock_->show();
    comparisonDock_->raise();
}

void PlanningController::setLayers(DifferenceLayer* difference, ClosedRoadsLayer* closedRoads, SuggestionsLayer* suggestions)
{
    differenceLayer_ = difference;
    closedRoadsLayer_ = closedRoads;
    suggestionsLayer_ = suggestions;
    suggestionPanel_->setLayer(suggestionsLayer_);
    comparisonPanel_->setLayer(differenceLayer_);
}

void PlanningController::setProject(Project* project, CoverageController* coverage)
{
    replaceSource(project_, project, this);
    replaceSource(coverage_, coverage, this);
    picked_.reset();
    scenarioPanel_->setProject(project, coverage);
    suggestionPanel_->setProject(project, coverage);
    comparisonPanel_->setProject(project, coverage);
    if (project_) {
        connect(project_, &Project::scenarioChanged, this, &PlanningController::updateActions);
        connect(project_, &Project::selectionChanged, this, &PlanningController::updateActions);
        connect(project_, &Project::roadClosuresChanged, this, &PlanningController::refreshClosedRoads);
    }
    if (coverage_) connect(coverage_, &CoverageController::networkChanged, this, &PlanningController::refreshClosedRoads);
    refreshClosedRoads();
    updateActions();
}

void PlanningController::setInteractive(bool interactive)
{
    interactive_ = interactive;
    scenarioPanel_->setInteractive(interactive);
    suggestionPanel_->setInteractive(interactive);
}

void PlanningController::setReadOnlyReason(const QString& reason)
{
    scenarioPanel_->setReadOnlyReason(reason);
    suggestionPanel_->setReadOnlyReason(reason);
    if (reason == readOnlyReason_) return;
    readOnlyReason_ = reason;
    updateActions();
}

void PlanningController::updateActions()
{
    const bool plan = project_ && project_->planActive();
    for (QAction* action : projectCommands_) action->setEnabled(project_ != nullptr);
    // The baseline cannot be renamed or deleted: only a plan shown can.
    for (QAction* action : planCommands_) action->setEnabled(plan);
    roadTool_->setEnabled(plan && coverage_ && coverage_->isAvailable());
    raiseAction_->setEnabled(plan && !project_->selection().isEmpty());
    presetsMenu_->setEnabled(!presetsMenu_->isEmpty());
    showEditable(projectCommands_ + planCommands_ + QList<QAction*>{roadTool_, raiseAction_} + presetsMenu_->actions(),
                 readOnlyReason_);
    const bool canPick = plan && readOnlyReason_.isEmpty();
    if (!canPick && canvas_.tool() == MapCanvas::Tool::PickRoad) canvas_.setTool(MapCanvas::Tool::Select);
    if (!project_) {
        scenarioLabel_->clear();
        scenarioLabel_->setStyleSheet({});
        return;
    }
    scenarioLabel_->setText(plan ? tr(" Plan : %1 ").arg(project_->activeScenario()) : tr(" Situation actuelle "));
    scenarioLabel_->setStyleSheet(plan ? QStringLiteral("background: #fff4c2; color: #5a4a00; border-radius: 3px;")
                                       : QString());
}

void PlanningController::refreshClosedRoads()
{
    if (!closedRoadsLayer_) return;
    QPainterPath path;
    const auto network = coverage_ ? coverage_->closedNetwork() : nullptr;
    if (network && project_ && project_->planActive())
        for (const ResolvedClosure& closure : network->closures())
            for (EdgeId e : closure.edges) path.addPath(edgePath(network->graph(), e));
    closedRoadsLayer_->setClosedRoads(path);
}

QString PlanningController::roadName(EdgeId edge) const
{
    const RoadGraph& graph = *project_->data().graph;
    const QString ref = canonicalRoadRef(graph.edgeRef(edge));
    return ref.isEmpty() ? tr("route sans numéro") : ref;
}

QString PlanningController::pickedRoadText() const
{
    if (!picked_ || !project_) return {};
    const RoadGraph& graph = *project_->data().graph;
    return tr("%1, tronçon de %2 km")
        .arg(roadName(*picked_), QLocale().toString(graph.edgeMetres(*picked_) / 1000.0, 'f', 1));
}

bool PlanningController::pickRoad(XY position)
{
    picked_.reset();
    if (closedRoadsLayer_) closedRoadsLayer_->setPickedRoad({});
    if (!project_ || !project_->data().engine || !project_->data().graph) return false;
    // Picked on the open network, so that a closed segment can be reopened.
    SnapOptions options;
    options.maxSnapMetres = std::min(kPickMetres, kPickPixels * canvas_.view().metresPerPixel());
    const Snap snap = project_->data().engine->snapper().snap(position, options);
    if (!snap.ok()) {
        window_.statusBar()->showMessage(tr("Aucune route à cet endroit : cliquez plus près d'une route."), 5000);
        return false;
    }
    picked_ = snap.edge;
    if (closedRoadsLayer_) closedRoadsLayer_->setPickedRoad(edgePath(*project_->data().graph, snap.edge));
    window_.statusBar()->showMessage(tr("Tronçon choisi : %1").arg(pickedRoadText()), 8000);
    return true;
}

std::vector<qint64> PlanningController::closuresOf(EdgeId edge) const
{
    std::vector<qint64> ids;
    if (coverage_) coverage_->applyPendingNetwork();
    const auto network = coverage_ ? coverage_->closedNetwork() : nullptr;
    if (!network || !project_ || !project_->planActive()) return ids;
    // The plan's closures by their own ids (the network may have been built for the same
    // roads closed under other ids, before an undo).
    for (const RoadClosure& closure : project_->roadClosures())
        if (const ResolvedClosure* resolved = findResolved(*network, closure))
            if (std::find(resolved->edges.begin(), resolved->edges.end(), edge) != resolved->edges.end())
                ids.push_back(closure.id);
    return ids;
}

bool PlanningController::closePickedRoad()
{
    if (!picked_ || !project_) return false;
    if (!closuresOf(*picked_).empty()) return false;  // already closed
    RoadClosure closure;
    closure.method = ClosureMethod::Position;
    closure.centre = middleOf(*project_->data().graph, *picked_);
    closure.note = roadName(*picked_);
    return scenarioPanel_->closeRoads({closure}, tr("fermeture d'un tronçon de la %1").arg(roadName(*picked_)));
}

bool PlanningController::reopenPickedRoad()
{
    if (!picked_) return false;
    return scenarioPanel_->reopenRoads(closuresOf(*picked_));
}

void PlanningController::showRoadMenu(QPoint widgetPosition)
{
    if (!picked_ || !project_) return;
    auto* menu = new QMenu(&canvas_);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->setObjectName(QStringLiteral("roadMenu"));
    QAction* title = menu->addAction(pickedRoadText());
    title->setEnabled(false);
    menu->addSeparator();
    const std::vector<qint64> closing = closuresOf(*picked_);
    QAction* close = menu->addAction(tr("Fermer ce tronçon dans le plan « %1 »").arg(project_->activeScenario()), this,
                                     &PlanningController::closePickedRoad);
    close->setEnabled(closing.empty());
    QString reopenText = tr("Rouvrir ce tronçon");
    if (closing.size() == 1)
        for (const RoadClosure& closure : project_->roadClosures())
            if (closure.id == closing.front() && closure.method == ClosureMethod::Ref)
                reopenText = tr("Rouvrir « %1 » (toute la fermeture)").arg(ScenarioPanel::closureLabel(closure));
    QAction* reopen = menu->addAction(reopenText, this, &PlanningController::reopenPickedRoad);
    reopen->setEnabled(!closing.empty());
    menu->popup(canvas_.mapToGlobal(widgetPosition));
}

bool PlanningController::applyClosurePreset(const QString& id)
{
    if (!project_ || !project_->planActive()) {
        if (interactive_)
            QMessageBox::information(&window_, tr("Fermer des routes"),
                                     tr("Les routes se ferment dans un plan : choisissez ou créez un plan d'abord."));
        return false;
    }
    try {
        for (const ClosurePreset& preset : builtinClosurePresets())
            if (preset.id == id)
                return scenarioPanel_->closeRoads(
                    preset.closures, tr("préréglage « %1 »").arg(interfaceIsEnglish() ? preset.nameEn : preset.name));
    } catch (const Error& e) {
        window_.statusBar()->showMessage(e.message(), 8000);
    }
    return false;
}

void PlanningController::openClosureDialog()
{
    if (!readOnlyReason_.isEmpty()) {
        window_.statusBar()->showMessage(readOnlyReason_, 8000);
        return;
    }
    if (!project_ || !project_->planActive() || !project_->data().graph) {
        if (interactive_)
            QMessageBox::information(&window_, tr("Fermer des routes"),
                                     tr("Les routes se ferment dans un plan : choisissez ou créez un plan d'abord."));
        return;
    }
    std::vector<ClosurePreset> presets;
    try {
        presets = builtinClosurePresets();
    } catch (const Error&) {
    }
    const RoadGraph& graph = *project_->data().graph;
    RoadClosureDialog dialog(roadRefsOf(graph, &project_->territory()), presets, project_->activeScenario(), &graph,
                             &project_->territory(), &window_);
    if (dialog.exec() != QDialog::Accepted) return;
    const std::vector<RoadClosure> closures = dialog.closures();
    if (!closures.empty()) scenarioPanel_->closeRoads(closures, dialog.summary());
}

bool PlanningController::raiseSelectionToFranceServices()
{
    if (!readOnlyReason_.isEmpty()) return false;
    if (!project_ || !project_->planActive() || project_->selection().isEmpty()) return false;
    std::vector<AccueilPoint> before, after;
    for (qint64 id : project_->selection()) {
        const AccueilPoint* point = project_->point(id);
        if (!point || (point->level == Level::Second && point->kind == QLatin1String("france_services"))) continue;
        before.push_back(*point);
        AccueilPoint raised = *point;
        raised.level = Level::Second;
        raised.kind = QStringLiteral("france_services");
        if (raised.status == PointStatus::Closed && raised.id > 0) raised.status = PointStatus::Existing;
        after.push_back(raised);
    }
    if (after.empty()) return false;
    const QString text = after.size() == 1 ? tr("« %1 » passe en France services").arg(after.front().name)
                                           : tr("%n points passent en France services", nullptr, int(after.size()));
    const int count = project_->undoStack()->index();
    project_->undoStack()->push(new EditPointCommand(*project_, std::move(before), std::move(after), text));
    return project_->undoStack()->index() > count;
}

}  // namespace maillage::gui
