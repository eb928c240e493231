#include "main_window.h"

#include "import_dialog.h"
#include "network_build_indicator.h"

#include "common/error.h"
#include "coverage/access_table.h"
#include "coverage_controller.h"
#include "project/full_coverage.h"
#include "report/geopackage_export.h"
#include "statistics_panel.h"
#include "geo/crs.h"
#include "labels.h"
#include "map/coverage_binding.h"
#include "map/layer_panel.h"
#include "map/map_canvas.h"
#include "map/point_symbols.h"
#include "map/project_points_layer.h"
#include "render/boundary_layers.h"
#include "render/coverage_layers.h"
#include "render/geometry_path.h"
#include "render/map_layer.h"
#include "render/roads_layer.h"
#include "new_project_dialog.h"
#include "pdf_export_dialog.h"
#include "point_commands.h"
#include "network/snapping.h"
#include "planning_controller.h"
#include "point_form.h"
#include "points_model.h"
#include "project.h"
#include "store/kinds.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <limits>
#include <QPushButton>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTableView>
#include <QThread>
#include <QToolBar>
#include <QToolButton>
#include <QKeyEvent>
#include <QUndoGroup>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace maillage::gui {
using render::CommuneLabelsLayer;
using render::CommunesLayer;
using render::EpciLayer;
using render::GapLayer;
using render::IsochroneLayer;
using render::OutlineLayer;
using render::RoadsLayer;
using render::areaPath;
using render::labelPoint;

namespace {

constexpr int kMaxRecentProjects = 8;
const QString kRecentKey = QStringLiteral("projects/recent");
const QString kLastFolderKey = QStringLiteral("projects/lastFolder");
const QString kNewPointKindKey = QStringLiteral("editing/newPointKind");
const QString kLevelKey = QStringLiteral("analysis/level");
const QString kThresholdKey = QStringLiteral("analysis/thresholdMinutes");
const QString kIncludePlannedKey = QStringLiteral("analysis/includePlanned");

QIcon icon(const QString& name) { return QIcon(QStringLiteral(":/icons/%1.svg").arg(name)); }

QString projectFilter()
{
    return QCoreApplication::translate("MainWindow", "Projets Maillage (*.gpkg);;Tous les fichiers (*)");
}

}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), canvas_(new MapCanvas), layers_(new LayerStack(this)), undoGroup_(new QUndoGroup(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/maillage.svg")));
    canvas_->setObjectName(QStringLiteral("mapCanvas"));
    canvas_->setLayers(layers_);
    setCentralWidget(canvas_);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    // Side docks run the full height; the points table sits under the map only.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);

    createActions();
    createDocks();
    createPlanning();
    createMenus();
    createToolBars();
    createStatusBar();

    connect(canvas_, &MapCanvas::cursorMoved, this, [this](XY p) {
        const LonLat g = toWgs84(p);
        lambertLabel_->setText(tr("L93 %1 ; %2").arg(p.x, 0, 'f', 0).arg(p.y, 0, 'f', 0));
        wgsLabel_->setText(tr("%1° N ; %2° E").arg(g.lat, 0, 'f', 5).arg(g.lon, 0, 'f', 5));
    });
    connect(canvas_, &MapCanvas::cursorLeft, this, [this] {
        lambertLabel_->clear();
        wgsLabel_->clear();
    });
    connect(canvas_, &MapCanvas::viewChanged, this, &MainWindow::updateScale);
    connect(canvas_, &MapCanvas::addPointRequested, this, &MainWindow::addPointAt);
    connect(canvas_, &MapCanvas::pointsDropped, this, &MainWindow::dropPoints);
    connect(canvas_, &MapCanvas::toolChanged, this, [this](MapCanvas::Tool tool) {
        switch (tool) {
        case MapCanvas::Tool::AddPoint: addToolAction_->setChecked(true); break;
        case MapCanvas::Tool::PickRoad: planning_->roadToolAction()->setChecked(true); break;
        case MapCanvas::Tool::Select: selectToolAction_->setChecked(true); break;
        }
    });
    connect(canvas_, &MapCanvas::pointActivated, this, [this](qint64 id) {
        if (!project_) return;
        project_->setSelection({id});
        formDock_->show();
        formDock_->raise();
        pointForm_->focusName();
    });
    connect(canvas_, &MapCanvas::mapClicked, this, [this](XY position, Qt::KeyboardModifiers modifiers) {
        if (!project_) return;
        if (!(modifiers & Qt::ControlModifier)) project_->setSelection({});
        identifyAt(position);
    });

    readSettings();
    updateActions();
    updateTitle();
}

MainWindow::~MainWindow()
{
    if (watcher_) {
        watcher_->cancel();
        watcher_->waitForFinished();
    }
}

// ---------------------------------------------------------------------------------------
// Construction

void MainWindow::createActions()
{
    newAction_ = new QAction(style()->standardIcon(QStyle::SP_FileIcon), tr("&Nouveau projet…"), this);
    newAction_->setShortcut(QKeySequence::New);
    newAction_->setStatusTip(tr("Créer un projet à partir de limites communales et d'un réseau routier"));
    connect(newAction_, &QAction::triggered, this, &MainWindow::newProject);

    openAction_ = new QAction(style()->standardIcon(QStyle::SP_DialogOpenButton), tr("&Ouvrir…"), this);
    openAction_->setShortcut(QKeySequence::Open);
    openAction_->setObjectName(QStringLiteral("openProjectAction"));
    connect(openAction_, &QAction::triggered, this, &MainWindow::chooseAndOpenProject);

    demoAction_ = new QAction(icon(QStringLiteral("demo")), tr("Ouvrir la &démo 04"), this);
    demoAction_->setStatusTip(tr("Alpes-de-Haute-Provence : limites, réseau routier, mairies, France services et La Poste"));
    connect(demoAction_, &QAction::triggered, this, [this] { openDemo(); });

    saveAction_ = new QAction(style()->standardIcon(QStyle::SP_DialogSaveButton), tr("&Enregistrer"), this);
    saveAction_->setShortcut(QKeySequence::Save);
    saveAction_->setStatusTip(tr("Chaque modification est déjà enregistrée dans le fichier du projet"));
    connect(saveAction_, &QAction::triggered, this, &MainWindow::saveProject);

    saveAsAction_ = new QAction(tr("Enregistrer &sous…"), this);
    saveAsAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    connect(saveAsAction_, &QAction::triggered, this, &MainWindow::saveProjectAs);

    importAction_ = new QAction(tr("&Importer des points…"), this);
    importAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    importAction_->setStatusTip(tr("Mairies, France services (ANCT), La Poste ou tout fichier de points"));
    connect(importAction_, &QAction::triggered, this, &MainWindow::importPoints);

    closeAction_ = new QAction(tr("&Fermer le projet"), this);
    closeAction_->setShortcut(QKeySequence::Close);
    connect(closeAction_, &QAction::triggered, this, &MainWindow::closeProject);

    quitAction_ = new QAction(tr("&Quitter"), this);
    quitAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    connect(quitAction_, &QAction::triggered, this, &QWidget::close);

    undoAction_ = undoGroup_->createUndoAction(this, tr("Annuler"));
    undoAction_->setIcon(icon(QStringLiteral("undo")));
    undoAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Z));
    redoAction_ = undoGroup_->createRedoAction(this, tr("Rétablir"));
    redoAction_->setIcon(icon(QStringLiteral("redo")));
    redoAction_->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});

    toolGroup_ = new QActionGroup(this);
    selectToolAction_ = new QAction(icon(QStringLiteral("select")), tr("&Sélectionner et déplacer"), toolGroup_);
    selectToolAction_->setCheckable(true);
    selectToolAction_->setChecked(true);
    selectToolAction_->setShortcut(QKeySequence(Qt::Key_F2));
    selectToolAction_->setStatusTip(tr("Clic : sélectionner ; glisser un point : le déplacer ; glisser la carte : la "
                                        "déplacer ; Maj+glisser : sélection par rectangle ; Ctrl+clic : ajouter à la sélection"));
    connect(selectToolAction_, &QAction::triggered, this, [this] { canvas_->setTool(MapCanvas::Tool::Select); });
    addToolAction_ = new QAction(icon(QStringLiteral("add-point")), tr("&Ajouter un point"), toolGroup_);
    addToolAction_->setCheckable(true);
    addToolAction_->setShortcut(QKeySequence(Qt::Key_Insert));
    addToolAction_->setStatusTip(tr("Cliquer sur la carte pour ajouter un point projeté du type choisi"));
    connect(addToolAction_, &QAction::triggered, this, [this] { canvas_->setTool(MapCanvas::Tool::AddPoint); });

    editAction_ = new QAction(tr("&Modifier le point…"), this);
    editAction_->setShortcut(QKeySequence(Qt::Key_F4));
    connect(editAction_, &QAction::triggered, this, &MainWindow::editSelection);
    deleteAction_ = new QAction(icon(QStringLiteral("delete")), tr("S&upprimer la sélection"), this);
    deleteAction_->setObjectName(QStringLiteral("deleteAction"));
    deleteAction_->setShortcut(QKeySequence::Delete);
    connect(deleteAction_, &QAction::triggered, this, &MainWindow::deleteSelection);
    selectAllAction_ = new QAction(tr("Tout sé&lectionner"), this);
    selectAllAction_->setShortcut(QKeySequence::SelectAll);
    connect(selectAllAction_, &QAction::triggered, this, &MainWindow::selectAll);

    zoomInAction_ = new QAction(icon(QStringLiteral("zoom-in")), tr("Zoom &avant"), this);
    zoomInAction_->setShortcuts({QKeySequence(Qt::Key_Plus), QKeySequence(Qt::CTRL | Qt::Key_Plus), QKeySequence::ZoomIn});
    connect(zoomInAction_, &QAction::triggered, this, [this] { canvas_->zoomBy(1.6); });
    zoomOutAction_ = new QAction(icon(QStringLiteral("zoom-out")), tr("Zoom a&rrière"), this);
    zoomOutAction_->setShortcuts({QKeySequence(Qt::Key_Minus), QKeySequence(Qt::CTRL | Qt::Key_Minus), QKeySequence::ZoomOut});
    connect(zoomOutAction_, &QAction::triggered, this, [this] { canvas_->zoomBy(1 / 1.6); });
    zoomHomeAction_ = new QAction(icon(QStringLiteral("zoom-territory")), tr("Zoom sur le &territoire"), this);
    zoomHomeAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    connect(zoomHomeAction_, &QAction::triggered, canvas_, &MapCanvas::zoomHome);
    zoomSelectionAction_ = new QAction(tr("Zoom sur la &sélection"), this);
    zoomSelectionAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
    connect(zoomSelectionAction_, &QAction::triggered, this, &MainWindow::zoomToSelection);

    pdfAction_ = new QAction(tr("Exporter la carte en &PDF…"), this);
    pdfAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    pdfAction_->setStatusTip(tr("Mise en page à imprimer : la carte, sa légende, l'échelle, le tableau par EPCI ; atlas par EPCI"));
    connect(pdfAction_, &QAction::triggered, this, [this] {
        if (!project_ || !coverage_) return;
        PdfExportDialog dialog(*project_, *coverage_, *layers_, this);
        if (dialog.exec() == QDialog::Accepted)
            statusBar()->showMessage(tr("Carte exportée en PDF : %1").arg(QDir::toNativeSeparators(dialog.exportedPath())), 15000);
    });

    aboutAction_ = new QAction(tr("À &propos de Maillage"), this);
    connect(aboutAction_, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createMenus()
{
    QMenu* projectMenu = menuBar()->addMenu(tr("&Projet"));
    projectMenu->addAction(newAction_);
    projectMenu->addAction(openAction_);
    recentMenu_ = projectMenu->addMenu(tr("Projets &récents"));
    projectMenu->addAction(demoAction_);
    projectMenu->addSeparator();
    projectMenu->addAction(saveAction_);
    projectMenu->addAction(saveAsAction_);
    projectMenu->addSeparator();
    projectMenu->addAction(importAction_);
    projectMenu->addAction(pdfAction_);
    projectMenu->addSeparator();
    projectMenu->addAction(closeAction_);
    projectMenu->addAction(quitAction_);

    QMenu* editMenu = menuBar()->addMenu(tr("É&dition"));
    editMenu->addAction(undoAction_);
    editMenu->addAction(redoAction_);
    editMenu->addSeparator();
    editMenu->addAction(selectToolAction_);
    editMenu->addAction(addToolAction_);
    editMenu->addSeparator();
    editMenu->addAction(editAction_);
    editMenu->addAction(deleteAction_);
    editMenu->addAction(selectAllAction_);

    viewMenu_ = menuBar()->addMenu(tr("&Affichage"));
    viewMenu_->addAction(zoomInAction_);
    viewMenu_->addAction(zoomOutAction_);
    viewMenu_->addAction(zoomHomeAction_);
    viewMenu_->addAction(zoomSelectionAction_);
    epciMenu_ = viewMenu_->addMenu(tr("Zoom sur un &EPCI"));
    viewMenu_->addSeparator();
    for (QDockWidget* dock : {layersDock_, pointsDock_, formDock_, statisticsDock_, identifyDock_, planning_->scenariosDock(),
                              planning_->suggestionsDock(), planning_->comparisonDock()})
        viewMenu_->addAction(dock->toggleViewAction());
    viewMenu_->addSeparator();
    QMenu* languageMenu = viewMenu_->addMenu(tr("&Langue"));
    auto* languages = new QActionGroup(this);
    const QString current = QSettings().value(QStringLiteral("ui/language"), QStringLiteral("fr")).toString();
    for (const auto& [code, label] : {std::pair{QStringLiteral("fr"), QStringLiteral("Français")},
                                      std::pair{QStringLiteral("en"), QStringLiteral("English")}}) {
        QAction* action = languageMenu->addAction(label);
        action->setCheckable(true);
        action->setChecked(code == current);
        languages->addAction(action);
        connect(action, &QAction::triggered, this, [this, code = code] {
            QSettings().setValue(QStringLiteral("ui/language"), code);
            statusBar()->showMessage(tr("La langue choisie s'appliquera au prochain démarrage."), 6000);
        });
    }

    analysisMenu_ = menuBar()->addMenu(tr("A&nalyse"));
    levelGroup_ = new QActionGroup(this);
    for (int level = 1; level <= 3; ++level) {
        QAction* action = analysisMenu_->addAction(tr("Couverture du niveau &%1").arg(level));
        action->setCheckable(true);
        action->setData(level);
        action->setShortcut(QKeySequence(Qt::ALT | (Qt::Key_0 + level)));
        levelGroup_->addAction(action);
        connect(action, &QAction::triggered, this, [this, level] {
            if (coverage_) coverage_->setLevel(level);
        });
    }
    analysisMenu_->addSeparator();
    includePlannedAction_ = analysisMenu_->addAction(tr("Compter les points &projetés"));
    includePlannedAction_->setCheckable(true);
    includePlannedAction_->setChecked(QSettings().value(kIncludePlannedKey, true).toBool());
    includePlannedAction_->setStatusTip(tr("Les points projetés (ajoutés sur la carte) comptent dans la couverture"));
    connect(includePlannedAction_, &QAction::toggled, this, [this](bool include) {
        QSettings().setValue(kIncludePlannedKey, include);
        if (coverage_) coverage_->setIncludePlanned(include);
    });
    analysisMenu_->addSeparator();
    exportAction_ = analysisMenu_->addAction(tr("&Exporter le résultat (GeoPackage)…"));
    exportAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportAction_->setStatusTip(tr("Communes, EPCI, points, zones au-delà du seuil, isochrones et tables, avec les styles QGIS"));
    connect(exportAction_, &QAction::triggered, this, &MainWindow::chooseAndExportCoverage);
    analysisMenu_->addAction(pdfAction_);

    menuBar()->addMenu(planning_->menu());

    QMenu* helpMenu = menuBar()->addMenu(tr("Aid&e"));
    helpMenu->addAction(aboutAction_);
}

void MainWindow::createToolBars()
{
    QToolBar* projectBar = addToolBar(tr("Projet"));
    projectBar->setObjectName(QStringLiteral("projectToolBar"));
    projectBar->addAction(newAction_);
    projectBar->addAction(openAction_);
    projectBar->addAction(saveAction_);
    projectBar->addAction(demoAction_);

    QToolBar* editBar = addToolBar(tr("Édition"));
    editBar->setObjectName(QStringLiteral("editToolBar"));
    editBar->addAction(undoAction_);
    editBar->addAction(redoAction_);
    editBar->addSeparator();
    editBar->addAction(selectToolAction_);
    editBar->addAction(addToolAction_);
    editBar->addAction(planning_->roadToolAction());
    newPointKind_ = new QComboBox;
    newPointKind_->setObjectName(QStringLiteral("newPointKind"));
    newPointKind_->setToolTip(tr("Type des points ajoutés sur la carte"));
    for (const KindInfo& kind : kindReferential())
        newPointKind_->addItem(QIcon(pointSymbolPixmap({kind.defaultLevel, kind.code, PointStatus::Planned}, 16)),
                               interfaceIsEnglish() ? kind.labelEn : kind.labelFr, kind.code);
    editBar->addWidget(newPointKind_);
    editBar->addAction(deleteAction_);

    QToolBar* viewBar = addToolBar(tr("Affichage"));
    viewBar->setObjectName(QStringLiteral("viewToolBar"));
    viewBar->addAction(zoomInAction_);
    viewBar->addAction(zoomOutAction_);
    viewBar->addAction(zoomHomeAction_);

    QToolBar* analysisBar = addToolBar(tr("Analyse"));
    analysisBar->setObjectName(QStringLiteral("analysisToolBar"));
    levelBox_ = new QComboBox;
    levelBox_->setObjectName(QStringLiteral("levelBox"));
    for (int level = 1; level <= 3; ++level) levelBox_->addItem(tr("Niveau %1").arg(level), level);
    levelBox_->setToolTip(tr("Niveau dont la couverture est calculée"));
    thresholdBox_ = new QSpinBox;
    thresholdBox_->setObjectName(QStringLiteral("thresholdBox"));
    thresholdBox_->setRange(1, 120);
    thresholdBox_->setSuffix(tr(" min"));
    // Its line edit would take Ctrl+Z for its own text: the project's undo is meant.
    thresholdBox_->installEventFilter(this);
    thresholdBox_->setToolTip(tr("Seuil de temps d'accès (20 min dans le schéma départemental)"));
    thresholdSlider_ = new QSlider(Qt::Horizontal);
    thresholdSlider_->setRange(5, 60);
    thresholdSlider_->setMaximumWidth(140);
    thresholdSlider_->setToolTip(thresholdBox_->toolTip());
    auto* thresholdLabel = new QLabel(tr(" Seuil "));
    analysisBar->addWidget(levelBox_);
    analysisBar->addWidget(thresholdLabel);
    analysisBar->addWidget(thresholdSlider_);
    analysisBar->addWidget(thresholdBox_);
    const int threshold = QSettings().value(kThresholdKey, 20).toInt();
    thresholdBox_->setValue(threshold);
    thresholdSlider_->setValue(threshold);
    const int level = std::clamp(QSettings().value(kLevelKey, 2).toInt(), 1, 3);
    levelBox_->setCurrentIndex(level - 1);
    for (QAction* action : levelGroup_->actions()) action->setChecked(action->data().toInt() == level);
    connect(levelBox_, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (rememberLevel_) QSettings().setValue(kLevelKey, index + 1);
        if (coverage_) coverage_->setLevel(index + 1);
        else syncAnalysisControls();
    });
    connect(thresholdSlider_, &QSlider::valueChanged, thresholdBox_, &QSpinBox::setValue);
    connect(thresholdBox_, &QSpinBox::valueChanged, this, [this](int minutes) {
        const QSignalBlocker blocker(thresholdSlider_);
        thresholdSlider_->setValue(minutes);
        QSettings().setValue(kThresholdKey, minutes);
        if (coverage_) coverage_->setThresholdMinutes(minutes);
    });
}

void MainWindow::syncAnalysisControls()
{
    const int level = coverage_ ? coverage_->level() : levelBox_->currentIndex() + 1;
    {
        const QSignalBlocker blocker(levelBox_);
        levelBox_->setCurrentIndex(level - 1);
    }
    for (QAction* action : levelGroup_->actions()) action->setChecked(action->data().toInt() == level);
    if (coverage_) {
        const QSignalBlocker blocker(thresholdBox_);
        thresholdBox_->setValue(static_cast<int>(std::lround(coverage_->thresholdMinutes())));
        const QSignalBlocker sliderBlocker(thresholdSlider_);
        thresholdSlider_->setValue(thresholdBox_->value());
    }
}

void MainWindow::createDocks()
{
    layerPanel_ = new LayerPanel;
    layerPanel_->setLayers(layers_);
    layersDock_ = new QDockWidget(tr("Couches et légende"), this);
    layersDock_->setObjectName(QStringLiteral("layersDock"));
    layersDock_->setWidget(layerPanel_);
    addDockWidget(Qt::LeftDockWidgetArea, layersDock_);

    pointsModel_ = new PointsModel(this);
    pointsProxy_ = new QSortFilterProxyModel(this);
    pointsProxy_->setSourceModel(pointsModel_);
    pointsProxy_->setSortRole(PointsModel::kSortRole);
    pointsProxy_->setFilterKeyColumn(-1);
    pointsProxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
    pointsTable_ = new QTableView;
    pointsTable_->setObjectName(QStringLiteral("pointsTable"));
    pointsTable_->setModel(pointsProxy_);
    pointsTable_->setSortingEnabled(true);
    pointsTable_->sortByColumn(PointsModel::Commune, Qt::AscendingOrder);
    pointsTable_->setSelectionBehavior(QAbstractItemView::SelectRows);
    pointsTable_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    pointsTable_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    pointsTable_->verticalHeader()->hide();
    pointsTable_->verticalHeader()->setDefaultSectionSize(22);
    pointsTable_->horizontalHeader()->setStretchLastSection(true);
    pointsTable_->setColumnWidth(PointsModel::Name, 230);
    pointsTable_->setColumnWidth(PointsModel::Level, 50);
    pointsTable_->setColumnWidth(PointsModel::Kind, 160);
    pointsFilter_ = new QLineEdit;
    pointsFilter_->setPlaceholderText(tr("Filtrer (nom, type, commune…)"));
    pointsFilter_->setClearButtonEnabled(true);
    connect(pointsFilter_, &QLineEdit::textChanged, pointsProxy_, &QSortFilterProxyModel::setFilterFixedString);
    connect(pointsTable_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::tableSelectionChanged);
    connect(pointsTable_, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        if (!project_) return;
        const qint64 id = index.data(PointsModel::kIdRole).toLongLong();
        if (const AccueilPoint* p = project_->point(id)) {
            BBox box;
            box.expand(XY{p->lambert93.x - 3000, p->lambert93.y - 3000});
            box.expand(XY{p->lambert93.x + 3000, p->lambert93.y + 3000});
            canvas_->zoomToExtent(box);
        }
    });
    auto* pointsWidget = new QWidget;
    auto* pointsLayout = new QVBoxLayout(pointsWidget);
    pointsLayout->setContentsMargins(4, 4, 4, 4);
    pointsLayout->addWidget(pointsFilter_);
    pointsLayout->addWidget(pointsTable_);
    pointsDock_ = new QDockWidget(tr("Points d'accueil"), this);
    pointsDock_->setObjectName(QStringLiteral("pointsDock"));
    pointsDock_->setWidget(pointsWidget);
    addDockWidget(Qt::BottomDockWidgetArea, pointsDock_);

    pointForm_ = new PointForm;
    connect(pointForm_, &PointForm::editRequested, this, [this](const AccueilPoint& before, const AccueilPoint& after) {
        if (project_) project_->undoStack()->push(new EditPointCommand(*project_, before, after));
    });
    auto* formScroll = new QScrollArea;
    formScroll->setWidget(pointForm_);
    formScroll->setWidgetResizable(true);
    formScroll->setFrameShape(QFrame::NoFrame);
    formDock_ = new QDockWidget(tr("Attributs du point"), this);
    formDock_->setObjectName(QStringLiteral("formDock"));
    formDock_->setWidget(formScroll);

    statisticsPanel_ = new StatisticsPanel;
    statisticsDock_ = new QDockWidget(tr("Statistiques"), this);
    statisticsDock_->setObjectName(QStringLiteral("statisticsDock"));
    statisticsDock_->setWidget(statisticsPanel_);
    addDockWidget(Qt::RightDockWidgetArea, statisticsDock_);
    addDockWidget(Qt::RightDockWidgetArea, formDock_);

    identifyLabel_ = new QLabel(tr("Cliquez sur une commune pour voir ses temps d'accès."));
    identifyLabel_->setWordWrap(true);
    identifyLabel_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    identifyLabel_->setMargin(8);
    identifyLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    identifyDock_ = new QDockWidget(tr("Informations"), this);
    identifyDock_->setObjectName(QStringLiteral("identifyDock"));
    identifyDock_->setWidget(identifyLabel_);
    addDockWidget(Qt::RightDockWidgetArea, identifyDock_);
    tabifyDockWidget(formDock_, identifyDock_);
    formDock_->raise();
}

void MainWindow::createPlanning()
{
    planning_ = new PlanningController(*this, *canvas_);
    toolGroup_->addAction(planning_->roadToolAction());
    // Scenarios under the layers; suggestions beside the statistics; the comparison's wide
    // table beside the points table.
    addDockWidget(Qt::LeftDockWidgetArea, planning_->scenariosDock());
    addDockWidget(Qt::RightDockWidgetArea, planning_->suggestionsDock());
    tabifyDockWidget(statisticsDock_, planning_->suggestionsDock());
    addDockWidget(Qt::BottomDockWidgetArea, planning_->comparisonDock());
    tabifyDockWidget(pointsDock_, planning_->comparisonDock());
    statisticsDock_->raise();
    pointsDock_->raise();
}

void MainWindow::setInteractive(bool interactive)
{
    interactive_ = interactive;
    planning_->setInteractive(interactive);
}

void MainWindow::createStatusBar()
{
    lambertLabel_ = new QLabel;
    lambertLabel_->setObjectName(QStringLiteral("lambertLabel"));
    wgsLabel_ = new QLabel;
    wgsLabel_->setObjectName(QStringLiteral("wgsLabel"));
    scaleLabel_ = new QLabel;
    scaleLabel_->setObjectName(QStringLiteral("scaleLabel"));
    for (QLabel* label : {lambertLabel_, wgsLabel_, scaleLabel_}) label->setMinimumWidth(120);
    lambertLabel_->setMinimumWidth(170);
    lambertLabel_->setToolTip(tr("Position du curseur en Lambert-93 (mètres)"));
    wgsLabel_->setMinimumWidth(180);
    wgsLabel_->setToolTip(tr("Position du curseur en WGS84 (degrés)"));
    scaleLabel_->setToolTip(tr("Échelle de la carte à l'écran"));
    progress_ = new QProgressBar;
    progress_->setRange(0, 100);
    progress_->setMaximumWidth(220);
    progress_->setTextVisible(true);
    progress_->hide();
    cancelJob_ = new QToolButton;
    cancelJob_->setObjectName(QStringLiteral("cancelJob"));
    cancelJob_->setText(tr("Annuler"));
    cancelJob_->hide();
    connect(cancelJob_, &QToolButton::clicked, this, [this] {
        if (!watcher_) return;
        watcher_->cancel();
        cancelJob_->setEnabled(false);
        progress_->setFormat(tr("Annulation…"));
    });
    statusBar()->addPermanentWidget(progress_);
    statusBar()->addPermanentWidget(cancelJob_);
    statusBar()->addPermanentWidget(lambertLabel_);
    statusBar()->addPermanentWidget(wgsLabel_);
    statusBar()->addPermanentWidget(scaleLabel_);
}

// ---------------------------------------------------------------------------------------
// Settings

void MainWindow::readSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) resize(1500, 950);
    if (!restoreState(settings.value(QStringLiteral("window/state")).toByteArray())) {
        // First start: a map as large as possible, statistics readable beside it.
        resizeDocks({layersDock_, statisticsDock_}, {300, 440}, Qt::Horizontal);
        resizeDocks({layersDock_, planning_->scenariosDock()}, {520, 330}, Qt::Vertical);
        resizeDocks({statisticsDock_, formDock_}, {560, 360}, Qt::Vertical);
        resizeDocks({pointsDock_}, {210}, Qt::Vertical);
    }
    const int kind = newPointKind_->findData(settings.value(kNewPointKindKey, QStringLiteral("france_services")));
    newPointKind_->setCurrentIndex(std::max(kind, 0));
    rebuildRecentMenu();
}

void MainWindow::writeSettings()
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(kNewPointKindKey, newPointKind_->currentData());
    saveLayerSettings();
}

void MainWindow::saveLayerSettings() const
{
    if (layers_->layers().empty()) return;
    QSettings settings;
    QStringList order;
    for (const MapLayer* layer : layers_->layers()) {
        order << layer->id();
        settings.setValue(QStringLiteral("layers/%1/visible").arg(layer->id()), layer->isVisible());
        settings.setValue(QStringLiteral("layers/%1/opacity").arg(layer->id()), layer->opacity());
    }
    settings.setValue(QStringLiteral("layers/order"), order);
}

void MainWindow::restoreLayerSettings()
{
    QSettings settings;
    for (MapLayer* layer : layers_->layers()) {
        const QString key = QStringLiteral("layers/%1/").arg(layer->id());
        layer->setVisible(settings.value(key + QStringLiteral("visible"), layer->isVisible()).toBool());
        layer->setOpacity(settings.value(key + QStringLiteral("opacity"), layer->opacity()).toDouble());
    }
    // The saved order, for the layers it names; new layers keep their default place.
    const QStringList order = settings.value(QStringLiteral("layers/order")).toStringList();
    int target = 0;
    for (const QString& id : order) {
        const int index = layers_->indexOf(layers_->layer(id));
        if (index < 0) continue;
        if (index > target) layers_->move(index, target);
        target = std::max(target, layers_->indexOf(layers_->layer(id))) + 1;
    }
}

void MainWindow::addRecentProject(const QString& path)
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

void MainWindow::rebuildRecentMenu()
{
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

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == thresholdBox_ && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->matches(QKeySequence::Undo)) {
            undoAction_->trigger();
            return true;
        }
        if (key->matches(QKeySequence::Redo)) {
            redoAction_->trigger();
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    writeSettings();
    if (watcher_) {
        watcher_->cancel();
        watcher_->waitForFinished();
    }
    event->accept();
}

// ---------------------------------------------------------------------------------------
// Loading jobs

bool MainWindow::isBusy() const { return watcher_ != nullptr; }

void MainWindow::startJob(const QString& title, Job job, Opened onSuccess)
{
    if (watcher_) {
        showError(title, tr("Un chargement est déjà en cours."));
        return;
    }
    onJobSuccess_ = std::move(onSuccess);
    watcher_ = new QFutureWatcher<LoadOutcome>(this);
    connect(watcher_, &QFutureWatcher<LoadOutcome>::progressValueChanged, progress_, &QProgressBar::setValue);
    connect(watcher_, &QFutureWatcher<LoadOutcome>::progressTextChanged, this, [this](const QString& text) {
        if (!text.isEmpty()) statusBar()->showMessage(text);
    });
    connect(watcher_, &QFutureWatcher<LoadOutcome>::finished, this, &MainWindow::finishJob);
    progress_->setValue(0);
    progress_->setFormat(QStringLiteral("%p %"));
    progress_->show();
    cancelJob_->setEnabled(true);
    cancelJob_->show();
    statusBar()->showMessage(title);
    updateActions();
    watcher_->setFuture(QtConcurrent::run([job = std::move(job)](QPromise<LoadOutcome>& promise) {
        promise.setProgressRange(0, 100);
        LoadProgress progress([&promise](int percent, const QString& text) {
            if (text.isEmpty()) promise.setProgressValue(percent);
            else promise.setProgressValueAndText(percent, text);
        }, [&promise] { return promise.isCanceled(); });
        promise.addResult(runLoadJob(job, progress));
    }));
}

void MainWindow::finishJob()
{
    QFutureWatcher<LoadOutcome>* watcher = watcher_;
    watcher_ = nullptr;
    watcher->deleteLater();
    progress_->hide();
    cancelJob_->hide();
    statusBar()->clearMessage();
    Opened onSuccess = std::move(onJobSuccess_);
    onJobSuccess_ = nullptr;
    const QFuture<LoadOutcome> future = watcher->future();
    LoadOutcome outcome;
    if (future.resultCount() > 0) outcome = future.result();
    else outcome.cancelled = true;
    if (outcome.cancelled || future.isCanceled()) {
        statusBar()->showMessage(tr("Chargement annulé."), 5000);
        updateActions();
        Q_EMIT loadFailed(tr("annulé"));
        return;
    }
    if (!outcome.data) {
        showError(tr("Chargement impossible"), outcome.error);
        updateActions();
        Q_EMIT loadFailed(outcome.error);
        return;
    }
    try {
        onSuccess(outcome.data);
    } catch (const std::exception& e) {
        const QString message = dynamic_cast<const Error*>(&e) ? static_cast<const Error&>(e).message()
                                                                : QString::fromLocal8Bit(e.what());
        showError(tr("Ouverture impossible"), message);
        updateActions();
        Q_EMIT loadFailed(message);
        return;
    }
    if (!outcome.data->warnings.isEmpty())
        statusBar()->showMessage(tr("%n avertissement(s) au chargement : %1", nullptr, int(outcome.data->warnings.size()))
                                     .arg(outcome.data->warnings.first()), 10000);
    updateActions();
}

void MainWindow::openProject(const QString& path)
{
    std::shared_ptr<Store> store;
    ProjectInputs inputs;
    std::vector<AccueilPoint> points;
    try {
        if (!QFileInfo::exists(path)) throw Error(tr("le fichier %1 n'existe pas").arg(path));
        store = std::make_shared<Store>(Store::open(path));
        inputs = loadProjectInputs(*store);
        points = store->points();
    } catch (const Error& e) {
        showError(tr("Ouverture impossible"), e.message());
        Q_EMIT loadFailed(e.message());
        return;
    }
    // The store stays open here (its connection belongs to this thread) while the
    // boundaries and the network load in the background.
    startJob(tr("Ouverture de %1…").arg(QFileInfo(path).fileName()),
             [inputs, points](LoadProgress& progress) { return loadProjectData(inputs, points, progress); },
             [this, store, path](std::shared_ptr<ProjectData> data) {
                 installProject(std::make_unique<Project>(std::move(*store), std::move(data)));
                 addRecentProject(path);
             });
}

void MainWindow::openDemo(const QString& requestedPath)
{
    const QString path = requestedPath.isEmpty() ? defaultDemoPath() : requestedPath;
    // A demo already made holds the user's plans: it is opened as it is, never rebuilt.
    if (QFileInfo::exists(path)) {
        openProject(path);
        return;
    }
    const QString dataFolder = sharedDataFolder();
    closeProject();
    startJob(tr("Préparation de la démo 04…"),
             [path, dataFolder](LoadProgress& progress) { return createDemoProject(path, dataFolder, progress); },
             [this, path](std::shared_ptr<ProjectData> data) {
                 installProject(std::make_unique<Project>(Store::open(path), std::move(data)));
                 addRecentProject(path);
             });
}

void MainWindow::createProject(const QString& path, const ProjectInputs& inputs)
{
    startJob(tr("Création de %1…").arg(QFileInfo(path).fileName()),
             [path, inputs](LoadProgress& progress) { return maillage::gui::createProject(path, inputs, progress); },
             [this, path](std::shared_ptr<ProjectData> data) {
                 installProject(std::make_unique<Project>(Store::open(path), std::move(data)));
                 addRecentProject(path);
             });
}

// ---------------------------------------------------------------------------------------
// The open project

void MainWindow::closeProject()
{
    if (!project_) return;
    saveLayerSettings();
    planning_->setProject(nullptr, nullptr);
    canvas_->setProject(nullptr, nullptr);
    pointsModel_->setProject(nullptr);
    pointForm_->setProject(nullptr);
    statisticsPanel_->setCoverage(nullptr);
    layers_->clear();
    pointsLayer_ = nullptr;
    coverage_ = nullptr;  // a child of the project
    identifiedCommune_ = -1;
    canvas_->setHighlight({});
    undoGroup_->removeStack(project_->undoStack());
    delete project_;
    project_ = nullptr;
    identifyLabel_->setText(tr("Cliquez sur une commune pour voir ses temps d'accès."));
    rebuildEpciMenu();
    updateActions();
    updateTitle();
}

void MainWindow::installProject(std::unique_ptr<Project> project)
{
    closeProject();
    project_ = project.release();
    project_->setParent(this);
    connect(project_, &Project::editFailed, this,
            [this](const QString& message) { showError(tr("Modification refusée"), message); });
    connect(project_, &Project::selectionChanged, this, &MainWindow::syncTableSelection);
    connect(project_, &Project::selectionChanged, this, &MainWindow::updateActions);
    connect(project_, &Project::pathChanged, this, &MainWindow::updateTitle);
    connect(project_, &Project::scenarioChanged, this, &MainWindow::updateTitle);
    undoGroup_->addStack(project_->undoStack());
    undoGroup_->setActiveStack(project_->undoStack());

    if (project_->data().coverage) {
        coverage_ = new CoverageController(*project_, project_);
        coverage_->setLevel(levelBox_->currentIndex() + 1);
        coverage_->setThresholdMinutes(thresholdBox_->value());
        coverage_->setIncludePlanned(includePlannedAction_->isChecked());
        connect(coverage_, &CoverageController::settingsChanged, this, &MainWindow::syncAnalysisControls);
        new NetworkBuildIndicator(*coverage_, *statusBar(), coverage_);
        connect(coverage_, &CoverageController::failed, this,
                [this](const QString& message) { statusBar()->showMessage(tr("Calcul de couverture : %1").arg(message), 8000); });
        connect(coverage_, &CoverageController::updated, this, [this] {
            // The identify panel compares every level: refreshed when the drag is over.
            if (project_ && !project_->hasPreview()) refreshIdentify();
        });
    }
    statisticsPanel_->setCoverage(coverage_);
    buildLayers();
    pointsModel_->setProject(project_);
    pointForm_->setProject(project_);
    planning_->setProject(project_, coverage_);
    canvas_->setHomeExtent(project_->territory().bbox);
    canvas_->zoomHome();
    rebuildEpciMenu();
    updateActions();
    updateTitle();
    statusBar()->showMessage(tr("%1 : %2 communes, %3 habitants, %4 points d'accueil")
                                 .arg(QFileInfo(project_->path()).fileName())
                                 .arg(project_->territory().communes.size())
                                 .arg(formatCount(project_->territory().population()))
                                 .arg(project_->points().size()),
                             8000);
    Q_EMIT projectOpened();
}

void MainWindow::buildLayers()
{
    const auto data = std::shared_ptr<const ProjectData>(&project_->data(), [](const ProjectData*) {});
    // The layers live no longer than the project (closeProject clears them first), so they
    // may refer to its data without owning it.
    const std::shared_ptr<const Territory> territory(data, &data->territory);
    layers_->add(new CommunesLayer(territory, CommunesLayer::Part::Fill));
    if (coverage_) {
        auto* bands = new IsochroneLayer;
        auto* gaps = new GapLayer;
        followCoverage(*bands, *coverage_);
        followCoverage(*gaps, *coverage_);
        layers_->add(bands);
        layers_->add(gaps);
    }
    layers_->add(new CommunesLayer(territory, CommunesLayer::Part::Lines));
    layers_->add(new RoadsLayer(data->roads));
    layers_->add(new EpciLayer(territory));
    layers_->add(new OutlineLayer(territory));
    layers_->add(new CommuneLabelsLayer(territory));
    planning_->addLayers(*layers_);
    pointsLayer_ = new ProjectPointsLayer(*project_);
    layers_->add(pointsLayer_);
    restoreLayerSettings();
    canvas_->setProject(project_, pointsLayer_);
}

void MainWindow::rebuildEpciMenu()
{
    epciMenu_->clear();
    if (project_) {
        std::vector<const Epci*> epcis;
        for (const Epci& e : project_->territory().epcis) epcis.push_back(&e);
        std::sort(epcis.begin(), epcis.end(), [](const Epci* a, const Epci* b) { return a->name < b->name; });
        for (const Epci* e : epcis) {
            const BBox box = e->bbox;
            epciMenu_->addAction(e->name, this, [this, box] { canvas_->zoomToExtent(box); });
        }
    }
    epciMenu_->setEnabled(!epciMenu_->isEmpty());
}

void MainWindow::updateActions()
{
    const bool open = project_ != nullptr;
    const bool busy = isBusy();
    const int selected = open ? static_cast<int>(project_->selection().size()) : 0;
    for (QAction* action : {newAction_, openAction_, demoAction_}) action->setEnabled(!busy);
    recentMenu_->setEnabled(!busy && !recentMenu_->isEmpty());
    for (QAction* action : {saveAction_, saveAsAction_, importAction_, closeAction_, selectToolAction_, addToolAction_,
                            selectAllAction_, zoomInAction_, zoomOutAction_, zoomHomeAction_})
        action->setEnabled(open && !busy);
    deleteAction_->setEnabled(open && selected > 0);
    exportAction_->setEnabled(open && !busy && coverage_ != nullptr);
    pdfAction_->setEnabled(open && !busy && coverage_ != nullptr);
    editAction_->setEnabled(open && selected == 1);
    zoomSelectionAction_->setEnabled(open && selected > 0);
}

void MainWindow::updateTitle()
{
    if (!project_) {
        setWindowTitle(tr("Réseau d'accueil"));
        return;
    }
    // Every edit is written to the project file when it is made (README.md, "Saving is
    // automatic"): there is never anything unsaved to mark. The platform appends the
    // application's name.
    if (project_->planActive())
        setWindowTitle(tr("%1 — plan « %2 »").arg(QFileInfo(project_->path()).fileName(), project_->activeScenario()));
    else
        setWindowTitle(QFileInfo(project_->path()).fileName());
}

void MainWindow::updateScale()
{
    const double scale = canvas_->scaleDenominator();
    // Rounded to two significant digits: 1:236 000, 1:12 000…
    const double magnitude = std::pow(10.0, std::floor(std::log10(std::max(scale, 1.0))) - 1);
    scaleLabel_->setText(tr("1:%1").arg(formatCount(static_cast<qint64>(std::round(scale / magnitude) * magnitude))));
}

// ---------------------------------------------------------------------------------------
// Project menu

void MainWindow::newProject()
{
    NewProjectDialog dialog(QSettings().value(kLastFolderKey, QDir::homePath()).toString(), this);
    if (dialog.exec() != QDialog::Accepted) return;
    closeProject();
    createProject(dialog.projectPath(), dialog.inputs());
}

void MainWindow::chooseAndOpenProject()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Ouvrir un projet"),
                                                      QSettings().value(kLastFolderKey, QDir::homePath()).toString(),
                                                      projectFilter());
    if (path.isEmpty()) return;
    // The current project stays open until the new one is read: a file that is not a project
    // gives its message and leaves the window as it was.
    openProject(path);
}

void MainWindow::saveProject()
{
    if (!project_) return;
    // Every edit was written in its own transaction when it was made; saving marks the state.
    project_->undoStack()->setClean();
    statusBar()->showMessage(tr("Toutes les modifications sont enregistrées dans %1.").arg(project_->path()), 5000);
}

void MainWindow::saveProjectAs()
{
    if (!project_) return;
    QString path = QFileDialog::getSaveFileName(this, tr("Enregistrer le projet sous"),
                                                QSettings().value(kLastFolderKey, QDir::homePath()).toString(),
                                                projectFilter());
    if (path.isEmpty()) return;
    if (!path.endsWith(QLatin1String(".gpkg"), Qt::CaseInsensitive)) path += QStringLiteral(".gpkg");
    try {
        project_->saveAs(path);
        project_->undoStack()->setClean();
        addRecentProject(path);
        statusBar()->showMessage(tr("Projet enregistré sous %1.").arg(path), 5000);
    } catch (const Error& e) {
        showError(tr("Enregistrement impossible"), e.message());
    }
}

void MainWindow::importPoints()
{
    if (!project_) return;
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Importer des points"), QSettings().value(kLastFolderKey, QDir::homePath()).toString(),
        tr("Points (*.csv *.geojson *.json *.gpkg *.shp);;Tous les fichiers (*)"));
    if (file.isEmpty()) return;
    // Preview, column mapping and the lines that would be left out, before anything is written.
    ImportDialog dialog(file, this);
    if (dialog.exec() == QDialog::Accepted) importPointsFrom(file, dialog.choice());
}

QString MainWindow::importPointsFrom(const QString& file) { return importPointsFrom(file, ImportChoice{}); }

QString MainWindow::importPointsFrom(const QString& file, const ImportChoice& choice)
{
    if (!project_) return {};
    try {
        QApplication::setOverrideCursor(Qt::WaitCursor);
        const QString summary = importPointsWith(project_->store(), file, choice, project_->territory());
        QApplication::restoreOverrideCursor();
        project_->reloadPoints();
        statusBar()->showMessage(summary.section(QLatin1Char('\n'), 0, 0), 10000);
        if (interactive_) QMessageBox::information(this, tr("Import terminé"), summary);
        // The network's town connectors and the coverage start from the town halls: when the
        // import changed them, the project is prepared again (in the background).
        if (coverage_) {
            const TownHalls now = townHallsFor(project_->territory(), project_->points());
            // As the network was prepared (the live context follows town halls as they move).
            const TownHalls& prepared = project_->data().coverage->townHalls();
            bool changed = now.known != prepared.known;
            for (std::size_t i = 0; !changed && i < now.positions.size(); ++i)
                changed = now.positions[i].x != prepared.positions[i].x || now.positions[i].y != prepared.positions[i].y;
            if (changed) {
                const QString path = project_->path();
                closeProject();
                openProject(path);
            }
        }
        return summary;
    } catch (const Error& e) {
        QApplication::restoreOverrideCursor();
        showError(tr("Import impossible"), e.message());
    }
    return {};
}

void MainWindow::chooseAndExportCoverage()
{
    if (!coverage_) return;
    QString path = QFileDialog::getSaveFileName(this, tr("Exporter le résultat"),
                                                QSettings().value(kLastFolderKey, QDir::homePath()).toString(),
                                                tr("GeoPackage (*.gpkg)"));
    if (path.isEmpty()) return;
    if (!path.endsWith(QLatin1String(".gpkg"), Qt::CaseInsensitive)) path += QStringLiteral(".gpkg");
    if (exportCoverage(path)) statusBar()->showMessage(tr("Résultat écrit dans %1.").arg(path), 8000);
}

bool MainWindow::exportCoverage(const QString& path)
{
    if (!project_ || !coverage_) return false;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    try {
        // The full computation (clipped gap zones, band polygons), as `maillage coverage` does.
        const CoverageContext& context = *coverage_->context();
        CoverageOptions options;
        options.level = coverage_->level();
        options.thresholdMinutes = coverage_->thresholdMinutes();
        options.threads = std::max(1, QThread::idealThreadCount());
        const std::vector<AccueilPoint>& points = project_->points();
        const FullCoverage run = runFullCoverage(
            context, points, coveragePoints(points, options.level, coverage_->includePlanned()), options);
        RunDescription description;
        description.project = QFileInfo(project_->path()).absoluteFilePath();
        description.network = QFileInfo(project_->data().inputs.networkPath).absoluteFilePath();
        description.profile = project_->data().profile.name;
        description.pointSet = project_->planActive() ? QStringLiteral("scenario %1").arg(project_->activeScenario())
                               : coverage_->includePlanned() ? QStringLiteral("existing and planned points")
                                                             : QStringLiteral("existing points");
        const CoverageExport data = run.exportData(context, description);
        writeCoverageGeoPackage(path, data);
        QApplication::restoreOverrideCursor();
        return true;
    } catch (const std::exception& e) {
        QApplication::restoreOverrideCursor();
        const auto* error = dynamic_cast<const Error*>(&e);
        showError(tr("Export impossible"), error ? error->message() : QString::fromLocal8Bit(e.what()));
    }
    return false;
}

// ---------------------------------------------------------------------------------------
// Editing

std::optional<MainWindow::FarFromRoad> MainWindow::farFromRoad(XY position) const
{
    if (!project_ || !project_->data().engine) return std::nullopt;
    const GraphTravelEngine& engine = *project_->data().engine;
    const double limit = engine.snapOptions().maxSnapMetres;
    if (engine.snapper().snap(position, engine.snapOptions()).ok()) return std::nullopt;
    SnapOptions anyDistance = engine.snapOptions();
    anyDistance.maxSnapMetres = std::numeric_limits<double>::infinity();
    const Snap nearest = engine.snapper().snap(position, anyDistance);
    if (!nearest.ok()) return std::nullopt;  // no road at all: nothing better to offer
    return FarFromRoad{nearest.onRoad, nearest.offsetMetres, limit};
}

void MainWindow::addPointAt(XY position)
{
    if (!project_) return;
    // Beyond the snap limit a point joins no road and counts for nobody: said at once, with
    // the nearest road offered.
    if (const auto far = farFromRoad(position)) {
        const QString message = tr("Ce point est à %1 km de la route la plus proche, au-delà de la limite de %2 km : "
                                   "il ne sera pas pris en compte dans la couverture.")
                                    .arg(QLocale().toString(far->metres / 1000.0, 'f', 1),
                                         QLocale().toString(far->limitMetres / 1000.0, 'f', 0));
        statusBar()->showMessage(message, 20000);
        if (interactive_) {
            QMessageBox box(QMessageBox::Warning, tr("Point loin de toute route"), message, QMessageBox::NoButton, this);
            QPushButton* onRoad = box.addButton(tr("Placer sur la route la plus proche"), QMessageBox::AcceptRole);
            box.addButton(tr("Garder ici (laissé de côté)"), QMessageBox::RejectRole);
            box.setDefaultButton(onRoad);
            box.exec();
            if (box.clickedButton() == onRoad) position = far->onRoad;
        }
    }
    const QString kind = newPointKind_->currentData().toString();
    const KindInfo* info = findKind(kind);
    AccueilPoint point;
    point.kind = kind;
    point.level = info ? info->defaultLevel : Level::Second;
    point.status = PointStatus::Planned;
    point.source = QStringLiteral("maillage");
    point = project_->placedAt(point, position);
    const maillage::Commune* commune = project_->territory().commune(point.communeInsee);
    point.name = commune ? tr("%1 (projet) — %2").arg(kindLabel(kind), commune->name) : tr("%1 (projet)").arg(kindLabel(kind));
    auto* command = new AddPointCommand(*project_, point);
    project_->undoStack()->push(command);
    if (const qint64 id = command->pointId()) project_->setSelection({id});
}

void MainWindow::dropPoints(const QList<qint64>& ids, const QList<XY>& from, const QList<XY>& to)
{
    if (!project_) return;
    std::vector<PointMove> moves;
    for (int i = 0; i < ids.size(); ++i) moves.push_back({ids[i], from[i], to[i]});
    project_->undoStack()->push(new MovePointsCommand(*project_, std::move(moves)));
}

void MainWindow::deleteSelection()
{
    if (!project_ || project_->selection().isEmpty()) return;
    const auto& selection = project_->selection();
    project_->undoStack()->push(new DeletePointsCommand(*project_, std::vector<qint64>(selection.begin(), selection.end())));
}

void MainWindow::editSelection()
{
    formDock_->show();
    formDock_->raise();
    pointForm_->focusName();
}

void MainWindow::selectAll()
{
    if (!project_) return;
    QSet<qint64> all;
    for (const AccueilPoint& p : project_->points()) all.insert(p.id);
    project_->setSelection(all);
}

void MainWindow::zoomToSelection()
{
    if (!project_ || project_->selection().isEmpty()) return;
    BBox box;
    for (qint64 id : project_->selection())
        if (const AccueilPoint* p = project_->point(id)) box.expand(p->lambert93);
    const double margin = 2500;  // metres, so a single point shows its surroundings
    box.expand(XY{box.minX - margin, box.minY - margin});
    box.expand(XY{box.maxX + margin, box.maxY + margin});
    canvas_->zoomToExtent(box);
}

void MainWindow::syncTableSelection()
{
    if (syncingSelection_ || !project_) return;
    syncingSelection_ = true;
    QItemSelection selection;
    for (qint64 id : project_->selection()) {
        const int row = project_->rowOf(id);
        if (row < 0) continue;
        const QModelIndex index = pointsProxy_->mapFromSource(pointsModel_->index(row, 0));
        if (index.isValid()) selection.select(index, index);
    }
    pointsTable_->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (project_->selection().size() == 1 && !selection.isEmpty())
        pointsTable_->scrollTo(selection.indexes().first());
    syncingSelection_ = false;
}

void MainWindow::tableSelectionChanged()
{
    if (syncingSelection_ || !project_) return;
    syncingSelection_ = true;
    QSet<qint64> ids;
    for (const QModelIndex& index : pointsTable_->selectionModel()->selectedRows())
        ids.insert(index.data(PointsModel::kIdRole).toLongLong());
    project_->setSelection(ids);
    syncingSelection_ = false;
}

// ---------------------------------------------------------------------------------------

void MainWindow::identifyAt(XY position)
{
    const Territory& territory = project_->territory();
    const maillage::Commune* commune = territory.communeAt(position);
    identifiedCommune_ = commune ? static_cast<int>(commune - territory.communes.data()) : -1;
    canvas_->setHighlight(commune && commune->geometry ? areaPath(*commune->geometry) : QPainterPath());
    refreshIdentify();
    if (commune) {
        identifyDock_->show();
        identifyDock_->raise();
    }
}

void MainWindow::setCoverageLevel(int level, bool remember)
{
    rememberLevel_ = remember;
    levelBox_->setCurrentIndex(std::clamp(level, 1, 3) - 1);
    rememberLevel_ = true;
}

bool MainWindow::identifyCommune(const QString& nameOrInsee)
{
    if (!project_) return false;
    for (const maillage::Commune& c : project_->territory().communes) {
        if (c.insee != nameOrInsee && c.name.compare(nameOrInsee, Qt::CaseInsensitive) != 0) continue;
        BBox box = c.bbox;
        const double margin = std::max(box.width(), box.height()) * 0.6;
        box.expand(XY{box.minX - margin, box.minY - margin});
        box.expand(XY{box.maxX + margin, box.maxY + margin});
        canvas_->zoomToExtent(box);
        identifyAt(c.geometry ? labelPoint(*c.geometry, c.bbox) : XY{(c.bbox.minX + c.bbox.maxX) / 2, (c.bbox.minY + c.bbox.maxY) / 2});
        return true;
    }
    return false;
}

bool MainWindow::addPointAtTownHall(const QString& nameOrInsee)
{
    if (!project_) return false;
    const auto& communes = project_->territory().communes;
    for (std::size_t i = 0; i < communes.size(); ++i) {
        const maillage::Commune& c = communes[i];
        if (c.insee != nameOrInsee && c.name.compare(nameOrInsee, Qt::CaseInsensitive) != 0) continue;
        const XY at = coverage_ ? coverage_->context()->townHalls().positions[i]
                                : (c.geometry ? labelPoint(*c.geometry, c.bbox) : XY{c.bbox.minX, c.bbox.minY});
        addPointAt(at);
        formDock_->show();
        formDock_->raise();
        return true;
    }
    return false;
}

QString MainWindow::identifyText() const { return identifyLabel_->text(); }

void MainWindow::refreshIdentify()
{
    if (!project_ || identifiedCommune_ < 0) {
        identifyLabel_->setText(tr("Cliquez sur une commune pour voir ses temps d'accès."));
        return;
    }
    const Territory& territory = project_->territory();
    const maillage::Commune& commune = territory.communes[identifiedCommune_];
    const Epci* epci = territory.epci(commune.epciSiren);
    QString html = tr("<h3>%1</h3><p>INSEE %2 · %3 habitants<br>EPCI : %4</p>")
                       .arg(commune.name.toHtmlEscaped(), commune.insee, formatCount(commune.population),
                            epci ? epci->name.toHtmlEscaped() : tr("aucun"));
    if (!coverage_) {
        identifyLabel_->setText(html + tr("<p>Pas de réseau routier : temps d'accès non calculés.</p>"));
        return;
    }
    const TownHalls& townHalls = coverage_->context()->townHalls();
    html += townHalls.known[identifiedCommune_] ? tr("<p>Depuis la mairie :</p>")
                                                : tr("<p>Depuis un point central de la commune (mairie inconnue) :</p>");
    html += QStringLiteral("<table cellspacing='4'>");
    for (int level = 1; level <= 3; ++level) {
        const CoverageResult& result = coverage_->resultFor(level);
        const float minutes = result.townHallTimes.minutes.empty() ? kUnreachable
                                                                   : result.townHallTimes.minutes[identifiedCommune_];
        const std::uint32_t nearest = result.townHallTimes.nearest.empty() ? kNoPoint
                                                                           : result.townHallTimes.nearest[identifiedCommune_];
        const bool beyond = !(minutes <= coverage_->thresholdMinutes());
        const QString place = nearest < result.points.size() ? result.points[nearest].name.toHtmlEscaped() : tr("aucun lieu accessible");
        html += tr("<tr><td>Niveau %1</td><td align='right'><b>%2</b></td><td>%3</td></tr>")
                    .arg(level)
                    .arg(beyond ? QStringLiteral("<span style='color:#c2185b'>%1</span>").arg(formatMinutes(minutes))
                                : formatMinutes(minutes))
                    .arg(place);
    }
    html += QStringLiteral("</table>");
    const CommuneCoverage& c = coverage_->result().population.communes[identifiedCommune_];
    html += tr("<p>Niveau %1, seuil %2 min : %3 habitants au-delà (population répartie), %4 cellules sur %5 au-delà.</p>")
                .arg(coverage_->level())
                .arg(coverage_->thresholdMinutes())
                .arg(formatCount(std::llround(c.beyondSpread)))
                .arg(c.cellsBeyond)
                .arg(c.cells);
    identifyLabel_->setText(html);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("À propos de Maillage"),
                       tr("<h3>Maillage %1</h3><p>Planifier le réseau d'accueil des services publics d'un "
                          "département : points d'accueil, temps d'accès par la route, zones à plus de 20 minutes "
                          "d'un lieu de deuxième niveau et population concernée.</p>"
                          "<p>Données : IGN ADMIN EXPRESS, INSEE, ANCT, La Poste, OpenStreetMap.</p>")
                           .arg(QStringLiteral(MAILLAGE_VERSION)));
}

void MainWindow::showError(const QString& title, const QString& message)
{
    lastError_ = message;
    statusBar()->showMessage(message, 10000);
    if (!interactive_) return;
    // Window-modal but not blocking: the application keeps running behind the message.
    auto* box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->button(QMessageBox::Ok)->setText(tr("OK"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

}  // namespace maillage::gui
