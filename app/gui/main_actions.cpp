#include "main_actions.h"

#include "analysis_controls.h"
#include "geo/territory.h"
#include "shared_project_monitor.h"

#include <QAction>
#include <QActionGroup>
#include <QDockWidget>
#include <QKeySequence>
#include <QMainWindow>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QUndoGroup>

#include <algorithm>

namespace maillage::gui {

namespace {

QIcon icon(const QString& name) { return QIcon(QStringLiteral(":/icons/%1.svg").arg(name)); }

}  // namespace

MainActions::MainActions(QMainWindow& window, QUndoGroup& undoGroup) : QObject(&window), window_(window)
{
    createProjectActions();
    createEditActions(undoGroup);
    createViewActions();
    guide = new QAction(tr("&Guide d'utilisation"), &window_);
    guide->setShortcut(QKeySequence::HelpContents);
    guide->setStatusTip(
        tr("Comment les temps et les chiffres de population sont calculés, la règle des 20 minutes, "
           "les plans et les exports"));
    about = new QAction(tr("À &propos de Maillage"), &window_);
    connect(about, &QAction::triggered, this, &MainActions::showAbout);
}

void MainActions::showAbout()
{
    QMessageBox::about(&window_, tr("À propos de Maillage"),
                       tr("<h3>Maillage %1</h3><p>Planifier le réseau d'accueil des services publics d'un "
                          "département : points d'accueil, temps d'accès par la route, zones à plus de 20 minutes "
                          "d'un lieu de deuxième niveau et population concernée.</p>"
                          "<p>Données : IGN ADMIN EXPRESS, INSEE, ANCT, La Poste, OpenStreetMap.</p>")
                           .arg(QStringLiteral(MAILLAGE_VERSION)));
}

void MainActions::createProjectActions()
{
    QStyle* style = window_.style();
    newProject = new QAction(style->standardIcon(QStyle::SP_FileIcon), tr("&Nouveau projet…"), &window_);
    newProject->setShortcut(QKeySequence::New);
    newProject->setStatusTip(tr("Créer un projet à partir de limites communales et d'un réseau routier"));

    open = new QAction(style->standardIcon(QStyle::SP_DialogOpenButton), tr("&Ouvrir…"), &window_);
    open->setShortcut(QKeySequence::Open);
    open->setObjectName(QStringLiteral("openProjectAction"));

    openShared = new QAction(tr("Ouvrir un projet &partagé…"), &window_);
    openShared->setObjectName(QStringLiteral("openSharedProjectAction"));
    openShared->setStatusTip(
        tr("Un projet d'équipe sur un serveur PostgreSQL/PostGIS (adresse postgresql:// ou nom de service)"));

    demo = new QAction(icon(QStringLiteral("demo")), tr("Ouvrir la &démo 04"), &window_);
    demo->setStatusTip(tr("Alpes-de-Haute-Provence : limites, réseau routier, mairies, France services et La Poste"));

    save = new QAction(style->standardIcon(QStyle::SP_DialogSaveButton), tr("&Enregistrer"), &window_);
    save->setShortcut(QKeySequence::Save);
    save->setStatusTip(
        tr("Chaque modification est déjà écrite dans le fichier du projet ; « Enregistrer » la garde "
           "pour de bon (elle ne peut plus être abandonnée)"));

    saveAs = new QAction(tr("Enregistrer &sous…"), &window_);
    saveAs->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));

    discardChanges = new QAction(tr("&Abandonner les modifications"), &window_);
    discardChanges->setObjectName(QStringLiteral("discardChangesAction"));
    discardChanges->setStatusTip(
        tr("Remet le projet (points et plans) dans l'état du dernier enregistrement, ou de "
           "son ouverture"));

    importPoints = new QAction(tr("&Importer des points…"), &window_);
    importPoints->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    importPoints->setStatusTip(tr("Mairies, France services (ANCT), La Poste ou tout fichier de points"));

    closeProject = new QAction(tr("&Fermer le projet"), &window_);
    closeProject->setShortcut(QKeySequence::Close);

    quit = new QAction(tr("&Quitter"), &window_);
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    connect(quit, &QAction::triggered, &window_, &QWidget::close);

    pdf = new QAction(tr("Exporter la carte en &PDF…"), &window_);
    pdf->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    pdf->setStatusTip(tr("Mise en page à imprimer : la carte, sa légende, l'échelle, le tableau par EPCI ; atlas par EPCI"));

    exportCoverage = new QAction(tr("&Exporter le résultat (GeoPackage)…"), &window_);
    exportCoverage->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportCoverage->setStatusTip(
        tr("Communes, EPCI, points, zones au-delà du seuil, isochrones et tables, avec les styles QGIS"));
}

void MainActions::createEditActions(QUndoGroup& undoGroup)
{
    undo = undoGroup.createUndoAction(&window_, tr("Annuler"));
    undo->setIcon(icon(QStringLiteral("undo")));
    undo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Z));
    redo = undoGroup.createRedoAction(&window_, tr("Rétablir"));
    redo->setIcon(icon(QStringLiteral("redo")));
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});

    tools = new QActionGroup(&window_);
    selectTool = new QAction(icon(QStringLiteral("select")), tr("&Sélectionner et déplacer"), tools);
    selectTool->setCheckable(true);
    selectTool->setChecked(true);
    selectTool->setShortcut(QKeySequence(Qt::Key_F2));
    selectTool->setStatusTip(
        tr("Clic : sélectionner ; glisser un point : le déplacer ; glisser la carte : la "
           "déplacer ; Maj+glisser : sélection par rectangle ; Ctrl+clic : ajouter à la sélection"));
    addTool = new QAction(icon(QStringLiteral("add-point")), tr("&Ajouter un point"), tools);
    addTool->setCheckable(true);
    addTool->setShortcut(QKeySequence(Qt::Key_Insert));
    addTool->setStatusTip(tr("Cliquer sur la carte pour ajouter un point projeté du type choisi"));

    edit = new QAction(tr("&Modifier le point…"), &window_);
    edit->setShortcut(QKeySequence(Qt::Key_F4));
    deleteSelection = new QAction(icon(QStringLiteral("delete")), tr("S&upprimer la sélection"), &window_);
    deleteSelection->setObjectName(QStringLiteral("deleteAction"));
    deleteSelection->setShortcut(QKeySequence::Delete);
    selectAll = new QAction(tr("Tout sé&lectionner"), &window_);
    selectAll->setShortcut(QKeySequence::SelectAll);
}

void MainActions::createViewActions()
{
    zoomIn = new QAction(icon(QStringLiteral("zoom-in")), tr("Zoom &avant"), &window_);
    zoomIn->setShortcuts({QKeySequence(Qt::Key_Plus), QKeySequence(Qt::CTRL | Qt::Key_Plus), QKeySequence::ZoomIn});
    zoomOut = new QAction(icon(QStringLiteral("zoom-out")), tr("Zoom a&rrière"), &window_);
    zoomOut->setShortcuts({QKeySequence(Qt::Key_Minus), QKeySequence(Qt::CTRL | Qt::Key_Minus), QKeySequence::ZoomOut});
    zoomHome = new QAction(icon(QStringLiteral("zoom-territory")), tr("Zoom sur le &territoire"), &window_);
    zoomHome->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    zoomSelection = new QAction(tr("Zoom sur la &sélection"), &window_);
    zoomSelection->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
}

void MainActions::addMenus(const QList<QDockWidget*>& docks, const AnalysisControls& analysis,
                           const QList<QMenu*>& extraMenus)
{
    QMenuBar* bar = window_.menuBar();
    QMenu* projectMenu = bar->addMenu(tr("&Projet"));
    projectMenu->addAction(newProject);
    projectMenu->addAction(open);
    projectMenu->addAction(openShared);
    recentMenu = projectMenu->addMenu(tr("Projets &récents"));
    projectMenu->addAction(demo);
    projectMenu->addSeparator();
    projectMenu->addAction(save);
    projectMenu->addAction(saveAs);
    projectMenu->addAction(discardChanges);
    projectMenu->addSeparator();
    projectMenu->addAction(importPoints);
    projectMenu->addAction(pdf);
    projectMenu->addSeparator();
    projectMenu->addAction(closeProject);
    projectMenu->addAction(quit);

    QMenu* editMenu = bar->addMenu(tr("É&dition"));
    editMenu->addAction(undo);
    editMenu->addAction(redo);
    editMenu->addSeparator();
    editMenu->addAction(selectTool);
    editMenu->addAction(addTool);
    editMenu->addSeparator();
    editMenu->addAction(edit);
    editMenu->addAction(deleteSelection);
    editMenu->addAction(selectAll);

    QMenu* viewMenu = bar->addMenu(tr("&Affichage"));
    viewMenu->addAction(zoomIn);
    viewMenu->addAction(zoomOut);
    viewMenu->addAction(zoomHome);
    viewMenu->addAction(zoomSelection);
    epciMenu = viewMenu->addMenu(tr("Zoom sur un &EPCI"));
    viewMenu->addSeparator();
    for (QDockWidget* dock : docks) viewMenu->addAction(dock->toggleViewAction());
    viewMenu->addSeparator();
    addLanguageMenu(*viewMenu);

    QMenu* analysisMenu = bar->addMenu(tr("A&nalyse"));
    analysisMenu->addActions(analysis.levelActions());
    analysisMenu->addSeparator();
    analysisMenu->addAction(analysis.includePlannedAction());
    analysisMenu->addSeparator();
    analysisMenu->addAction(exportCoverage);
    analysisMenu->addAction(pdf);

    for (QMenu* menu : extraMenus) bar->addMenu(menu);

    QMenu* helpMenu = bar->addMenu(tr("Aid&e"));
    helpMenu->addAction(guide);
    helpMenu->addSeparator();
    helpMenu->addAction(about);
}

QMenu* MainActions::addLanguageMenu(QMenu& viewMenu)
{
    QMenu* languageMenu = viewMenu.addMenu(tr("&Langue"));
    auto* languages = new QActionGroup(&window_);
    const QString current = QSettings().value(QStringLiteral("ui/language"), QStringLiteral("fr")).toString();
    for (const auto& [code, label] : {std::pair{QStringLiteral("fr"), QStringLiteral("Français")},
                                      std::pair{QStringLiteral("en"), QStringLiteral("English")}}) {
        QAction* action = languageMenu->addAction(label);
        action->setCheckable(true);
        action->setChecked(code == current);
        languages->addAction(action);
        connect(action, &QAction::triggered, this, [this, code = code] {
            QSettings().setValue(QStringLiteral("ui/language"), code);
            window_.statusBar()->showMessage(tr("La langue choisie s'appliquera au prochain démarrage."), 6000);
        });
    }
    return languageMenu;
}

QToolBar* MainActions::addToolBar(const QString& title, const QString& objectName)
{
    QToolBar* bar = window_.addToolBar(title);
    // The object name lets the window restore where the toolbar stood.
    bar->setObjectName(objectName);
    return bar;
}

void MainActions::addToolBars(const QList<QAction*>& editTools, QWidget* pointKind, AnalysisControls& analysis)
{
    addToolBar(tr("Projet"), QStringLiteral("projectToolBar"))->addActions({newProject, open, save, demo});

    QToolBar* editBar = addToolBar(tr("Édition"), QStringLiteral("editToolBar"));
    editBar->addActions({undo, redo});
    editBar->addSeparator();
    editBar->addActions({selectTool, addTool});
    editBar->addActions(editTools);
    editBar->addWidget(pointKind);
    editBar->addAction(deleteSelection);

    addToolBar(tr("Affichage"), QStringLiteral("viewToolBar"))->addActions({zoomIn, zoomOut, zoomHome});
    analysis.addTo(*addToolBar(tr("Analyse"), QStringLiteral("analysisToolBar")));
}

void MainActions::update(const CommandState& state)
{
    const bool open = state.projectOpen;
    const bool ready = open && !state.busy;
    for (QAction* action : {newProject, this->open, openShared, demo}) action->setEnabled(!state.busy);
    recentMenu->setEnabled(!state.busy && !recentMenu->isEmpty());
    for (QAction* action :
         {save, saveAs, importPoints, closeProject, selectTool, addTool, selectAll, zoomIn, zoomOut, zoomHome})
        action->setEnabled(ready);
    discardChanges->setEnabled(ready && state.canDiscardChanges);
    deleteSelection->setEnabled(open && state.selectedPoints > 0);
    exportCoverage->setEnabled(ready && state.coverageShown);
    pdf->setEnabled(ready && state.coverageShown);
    edit->setEnabled(open && state.selectedPoints == 1);
    zoomSelection->setEnabled(open && state.selectedPoints > 0);
    if (open) showEditable({importPoints, addTool, deleteSelection, edit}, state.readOnlyReason);
    // A read-only project leaves the add tool for the select tool.
    if (open && !state.canEdit && addTool->isChecked()) selectTool->trigger();
}

void MainActions::setEpciZooms(const std::vector<Epci>& epcis, const std::function<void(const BBox&)>& zoomTo)
{
    std::vector<const Epci*> byName;
    for (const Epci& e : epcis) byName.push_back(&e);
    std::sort(byName.begin(), byName.end(), [](const Epci* a, const Epci* b) { return a->name < b->name; });
    epciMenu->clear();
    for (const Epci* e : byName) epciMenu->addAction(e->name, this, [zoomTo, box = e->bbox] { zoomTo(box); });
    epciMenu->setEnabled(!epciMenu->isEmpty());
}

}  // namespace maillage::gui
