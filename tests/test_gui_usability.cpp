// GUI tests of what a new user meets (issue 18): the import dialog with its column mapping,
// the road-closure dialog's figures, French standard dialogs, the welcome panel, the commune
// search, the user guide and readable tables — the real main window under the offscreen platform.
#include <catch2/catch.hpp>
#include "common/gdal.h"

#include "commune_search.h"
#include "comparison_panel.h"
#include "coverage/network_engine.h"
#include "coverage_controller.h"
#include "geo/crs.h"
#include "import_dialog.h"
#include "labels.h"
#include "main_actions.h"
#include "main_window.h"
#include "map/map_canvas.h"
#include "network/snapping.h"
#include "pdf_export_dialog.h"
#include "planning/closed_network.h"
#include "planning/closure_presets.h"
#include "planning_controller.h"
#include "project.h"
#include "project_session.h"
#include "road_closure_dialog.h"
#include "scenario_panel.h"
#include "statistics_panel.h"
#include "store/scenarios.h"
#include "support/demo_window.h"
#include "support/test_data.h"
#include "translations.h"
#include "user_guide.h"
#include "welcome_panel.h"

#include <cpl_error.h>
#include <QAbstractItemView>
#include <QApplication>
#include <QBarCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <set>

using namespace maillage;
using namespace maillage::gui;

namespace {

// A main window with a fresh copy of the demo open.
struct DemoWindow : test::DemoWindowBase {
    std::vector<AccueilPoint> pointsFrom(const QString& source)
    {
        std::vector<AccueilPoint> found;
        for (const AccueilPoint& p : project().points())
            if (p.source == source) found.push_back(p);
        return found;
    }
};

void writeText(const QString& path, const QString& text)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QTextStream(&file) << text;
}

// Three CCAS of the 04 and one line without latitude, as a social services office lists them:
// French column names, the kind in a column of its own.
QString ccasCsv(bool lambert93)
{
    struct Row {
        const char* name;
        double lon, lat;
    };
    const Row rows[] = {{"CCAS de Digne-les-Bains", 6.2357, 44.0925},
                        {"CCAS de Forcalquier", 5.7797, 43.9597},
                        {"CCAS de Sisteron", 5.9437, 44.1955}};
    QString text = lambert93 ? QStringLiteral("nom;kind;x;y\n") : QStringLiteral("nom;kind;longitude;latitude\n");
    for (const Row& row : rows) {
        const XY l93 = toLambert93({row.lon, row.lat});
        text +=
            lambert93
                ? QStringLiteral("%1;ccas;%2;%3\n").arg(QLatin1String(row.name)).arg(l93.x, 0, 'f', 1).arg(l93.y, 0, 'f', 1)
                : QStringLiteral("%1;CCAS;%2;%3\n").arg(QLatin1String(row.name)).arg(row.lon).arg(row.lat);
    }
    text += QStringLiteral("CCAS de Manosque;ccas;5.78;\n");
    return text;
}

}  // namespace

TEST_CASE("a CCAS file with French column names and a kind column is imported through the dialog's column mapping")
{
    DemoWindow demo;
    const QString file = demo.folder.path(QStringLiteral("ccas-04.csv"));
    writeText(file, ccasCsv(false));

    // Without a mapping the file is read with the default column names and refused (no "name").
    CHECK(demo.window.importPointsFrom(file).isEmpty());

    ImportDialog dialog(file);
    REQUIRE(dialog.isReadable());
    CHECK(dialog.column(ImportDialog::Field::Name) == QStringLiteral("nom"));
    CHECK(dialog.column(ImportDialog::Field::Kind) == QStringLiteral("kind"));
    CHECK(dialog.column(ImportDialog::Field::X) == QStringLiteral("longitude"));
    CHECK(dialog.column(ImportDialog::Field::Y) == QStringLiteral("latitude"));
    // The report before importing: the line without latitude is named, the other three go in.
    CHECK(dialog.rowsRead() == 4);
    CHECK(dialog.pointsRead() == 3);
    CHECK(dialog.linesLeftOut() == 1);
    CHECK(dialog.reportText().contains(QStringLiteral("Ligne 5")));
    test::saveShot(dialog, QStringLiteral("import-dialog-fr.png"));

    const QString summary = demo.window.importPointsFrom(file, dialog.choice());
    INFO(summary.toStdString());
    CHECK(summary.contains(QStringLiteral("3 points nouveaux")));
    const std::vector<AccueilPoint> imported = demo.pointsFrom(QStringLiteral("ccas-04.csv"));
    REQUIRE(imported.size() == 3);
    for (const AccueilPoint& point : imported) {
        CHECK(point.kind == QStringLiteral("ccas"));
        CHECK(point.level == Level::Second);  // the kind's own level
        CHECK(point.name.startsWith(QStringLiteral("CCAS de ")));
    }
}

TEST_CASE("the import dialog reads Lambert-93 x and y columns, and a kind and level chosen for the whole file")
{
    DemoWindow demo;
    const QString file = demo.folder.path(QStringLiteral("ccas-l93.csv"));
    writeText(file, ccasCsv(true));

    ImportDialog dialog(file);
    REQUIRE(dialog.isReadable());
    CHECK(dialog.column(ImportDialog::Field::X) == QStringLiteral("x"));
    REQUIRE(dialog.choice().mapping);
    CHECK(dialog.choice().mapping->lambert93Columns);  // metres, recognised from the values
    dialog.setColumn(ImportDialog::Field::Kind, {});
    dialog.setFixedKind(QStringLiteral("cms"));
    dialog.setFixedLevel(1);
    dialog.checkNow();
    CHECK(dialog.pointsRead() == 3);

    CHECK(demo.window.importPointsFrom(file, dialog.choice()).contains(QStringLiteral("3 points nouveaux")));
    const std::vector<AccueilPoint> imported = demo.pointsFrom(QStringLiteral("ccas-l93.csv"));
    REQUIRE(imported.size() == 3);
    const auto digne = std::find_if(imported.begin(), imported.end(),
                                    [](const AccueilPoint& p) { return p.name.contains(QStringLiteral("Digne")); });
    REQUIRE(digne != imported.end());
    CHECK(digne->kind == QStringLiteral("cms"));
    CHECK(digne->level == Level::First);
    CHECK(std::abs(digne->wgs84.lon - 6.2357) < 1e-5);
    CHECK(std::abs(digne->wgs84.lat - 44.0925) < 1e-5);
    CHECK(digne->communeInsee == QStringLiteral("04070"));  // placed in Digne-les-Bains
}

TEST_CASE("the import dialog offers a published list's own columns, and names a file it cannot read")
{
    ImportDialog known(test::sharedData(QStringLiteral("04/mairies-04.csv")));
    REQUIRE(known.isReadable());
    CHECK_FALSE(known.choice().mapping);  // read as the town-hall list
    CHECK(known.pointsRead() == 198);

    test::ScratchDir folder;
    ImportDialog missing(folder.path(QStringLiteral("absent.csv")));
    CHECK_FALSE(missing.isReadable());
    CHECK(missing.error().contains(QStringLiteral("absent.csv")));
}

TEST_CASE("the road-closure dialog names the communes each road crosses and the length the rows checked close")
{
    DemoWindow demo;
    const RoadGraph& graph = *demo.project().data().graph;
    const Territory& territory = demo.project().territory();
    RoadClosureDialog dialog(roadRefsOf(graph, &territory), builtinClosurePresets(), QStringLiteral("hiver"), &graph,
                             &territory);

    // Not only "D908": where it goes.
    CHECK(dialog.rowText(QStringLiteral("D908"), 1).contains(QStringLiteral("Allos")));
    CHECK(dialog.closedKm() == 0.0);

    REQUIRE(dialog.checkPreset(QStringLiteral("hiver-04")));
    // The three pass sections: the Col d'Allos alone used to close 24.8 km (the D908 within
    // 6 km, down to La Foux d'Allos, which stays open in winter).
    CHECK(dialog.closedKm() > 15.0);
    CHECK(dialog.closedKm() < 35.0);
    const QString allos =
        dialog.rowText(dialog.closures().empty() ? QString() : ScenarioPanel::closureLabel(dialog.closures()[0]), 2);
    INFO(allos.toStdString());
    REQUIRE_FALSE(allos.isEmpty());
    CHECK(QLocale().toDouble(allos.section(QLatin1Char(' '), 0, 0)) < 20.0);
    const QString count = dialog.countText();
    INFO(count.toStdString());
    CHECK(count.contains(QStringLiteral("km de routes fermées")));
    CHECK(count.contains(QStringLiteral("Col de la Bonette")));
    CHECK(count.contains(QStringLiteral("Col de la Cayolle")));
    dialog.resize(900, 560);
    test::saveShot(dialog, QStringLiteral("road-closure-dialog-fr.png"));

    // The whole D908 checked as well: each road counted once.
    const double passes = dialog.closedKm();
    REQUIRE(dialog.checkRoad(QStringLiteral("D908")));
    const double withRoad = dialog.closedKm();
    CHECK(withRoad > passes);
    CHECK(withRoad < passes + QLocale().toDouble(dialog.rowText(QStringLiteral("D908"), 2).section(QLatin1Char(' '), 0, 0)));
}

TEST_CASE("closing roads rebuilds the network in the background: the window keeps handling events, with a busy bar")
{
    DemoWindow demo;
    const std::vector<float> baseline = demo.coverage().result().surface.minutes;
    REQUIRE(demo.planning().scenarios()->createPlan(QStringLiteral("hiver")));
    const int recomputes = demo.coverage().recomputeCount();
    REQUIRE(demo.planning().applyClosurePreset(QStringLiteral("hiver-04")));

    // Right after the closing, the rebuild runs off the GUI thread.
    CHECK(demo.coverage().isBuildingNetwork());
    auto* bar = demo.window.findChild<QProgressBar*>(QStringLiteral("networkBuildProgress"));
    REQUIRE(bar != nullptr);
    CHECK(bar->isVisible());
    bool eventHandled = false;
    bool handledDuringBuild = false;
    QTimer::singleShot(0, &demo.window, [&] {
        eventHandled = true;
        handledDuringBuild = demo.coverage().isBuildingNetwork();
    });
    REQUIRE(QTest::qWaitFor([&] { return !demo.coverage().isBuildingNetwork(); }, 60'000));
    CHECK(eventHandled);
    CHECK(handledDuringBuild);
    QCoreApplication::processEvents();

    // Then the map and the figures follow the closed roads.
    CHECK_FALSE(bar->isVisible());
    REQUIRE(demo.coverage().closedNetwork());
    CHECK(demo.coverage().closedNetwork()->closedEdges() > 0);
    CHECK(demo.coverage().recomputeCount() > recomputes);
    // The times around the passes (the people beyond may not move: no one lives on them).
    CHECK(demo.coverage().result().surface.minutes != baseline);
}

TEST_CASE("the printed page of a winter plan names the closed roads in its legend")
{
    DemoWindow demo;
    REQUIRE(demo.planning().scenarios()->createPlan(QStringLiteral("hiver")));
    REQUIRE(demo.planning().applyClosurePreset(QStringLiteral("hiver-04")));
    demo.coverage().recomputeNow();  // waits for the closed network
    QCoreApplication::processEvents();
    PdfExportDialog dialog(demo.project(), demo.coverage(), *demo.window.layers(), &demo.window);
    const QString pdf = demo.folder.path(QStringLiteral("hiver.pdf"));
    REQUIRE(dialog.exportTo(pdf));
    // scripts/screenshots.sh turns its first page into a PNG (pdftoppm) to be looked at.
    if (const QByteArray shots = qgetenv("MAILLAGE_SCREENSHOTS"); !shots.isEmpty()) {
        const QString kept = QDir(QString::fromLocal8Bit(shots)).filePath(QStringLiteral("plan-hiver.pdf"));
        QFile::remove(kept);
        QFile::copy(pdf, kept);
    }
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()) {
        WARN("poppler-utils not installed: the PDF's text is not checked");
        return;
    }
    QProcess text;
    text.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    REQUIRE(text.waitForFinished(30'000));
    const QString printed = QString::fromUtf8(text.readAllStandardOutput());
    INFO(printed.mid(printed.indexOf(QStringLiteral("Routes")), 600).toStdString());
    CHECK(printed.contains(QStringLiteral("hiver")));
    CHECK(printed.simplified().contains(QStringLiteral("route fermée dans le plan")));
}

TEST_CASE("the PDF of a plan can add a comparison page with the current situation, with the comparison dock's figures")
{
    DemoWindow demo;
    {
        // Shown on the current situation: nothing to compare with, the option is greyed.
        PdfExportDialog dialog(demo.project(), demo.coverage(), *demo.window.layers(), &demo.window);
        auto* option = dialog.findChild<QCheckBox*>(QStringLiteral("pdfComparisonPage"));
        REQUIRE(option);
        CHECK_FALSE(option->isEnabled());
        CHECK_FALSE(dialog.setComparisonPage(true));
        REQUIRE(dialog.layout());
        CHECK(dialog.layout()->pageCount() == 1);
    }
    const int commune = test::mostPopulatedCommuneBeyond(demo.coverage().result());
    REQUIRE(commune >= 0);
    REQUIRE(demo.planning().scenarios()->createPlan(QStringLiteral("un site")));
    REQUIRE(demo.window.addPointAtTownHall(demo.project().territory().communes[std::size_t(commune)].insee));
    demo.coverage().recomputeNow();
    QCoreApplication::processEvents();

    ComparisonPanel& panel = *demo.planning().comparison();
    REQUIRE(panel.setScenarios(kBaselineScenario, QStringLiteral("un site")));
    REQUIRE(panel.run());
    panel.waitForResult();
    REQUIRE(panel.comparison());
    const double gained = panel.comparison()->peopleCovered;
    CHECK(gained > 100);

    PdfExportDialog dialog(demo.project(), demo.coverage(), *demo.window.layers(), &demo.window);
    auto* option = dialog.findChild<QCheckBox*>(QStringLiteral("pdfComparisonPage"));
    REQUIRE(option);
    CHECK(option->isEnabled());
    CHECK_FALSE(option->isChecked());
    REQUIRE(dialog.layout());
    CHECK(dialog.layout()->pageCount() == 1);
    option->setChecked(true);
    REQUIRE(dialog.layout());
    INFO(dialog.lastError().toStdString());
    REQUIRE(dialog.layout()->pageCount() == 2);
    CHECK(dialog.layout()->pageName(1) == QStringLiteral("Comparaison"));
    const QString pdf = demo.folder.path(QStringLiteral("un site.pdf"));
    REQUIRE(dialog.exportTo(pdf));
    if (const QByteArray shots = qgetenv("MAILLAGE_SCREENSHOTS"); !shots.isEmpty()) {
        const QString kept = QDir(QString::fromLocal8Bit(shots)).filePath(QStringLiteral("plan-comparison.pdf"));
        QFile::remove(kept);
        QFile::copy(pdf, kept);
    }
    option->setChecked(false);
    CHECK(dialog.layout()->pageCount() == 1);

    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()) {
        WARN("poppler-utils not installed: the PDF's text is not checked");
        return;
    }
    QProcess text;
    text.start(QStringLiteral("pdftotext"), {QStringLiteral("-f"), QStringLiteral("2"), pdf, QStringLiteral("-")});
    REQUIRE(text.waitForFinished(30'000));
    const auto withoutSpaces = [](QString s) {
        s.removeIf([](QChar c) { return c.isSpace(); });
        return s;
    };
    const QString printed = QString::fromUtf8(text.readAllStandardOutput());
    INFO(printed.left(800).toStdString());
    CHECK(printed.simplified().contains(QStringLiteral("ce que change le scénario")));
    CHECK(printed.contains(QStringLiteral("un site")));
    // The people the plan brings within 20 minutes, as the comparison dock counts them.
    CHECK(withoutSpaces(printed).contains(withoutSpaces(formatCount(std::llround(gained)) + QStringLiteral("habitants"))));
}

TEST_CASE("standard buttons and the file dialog speak French: Qt's own translations are loaded")
{
    REQUIRE(installTranslations(*QCoreApplication::instance(), QStringLiteral("fr")));
    QDialogButtonBox buttons(QDialogButtonBox::Cancel | QDialogButtonBox::Close | QDialogButtonBox::Save);
    CHECK(buttons.button(QDialogButtonBox::Cancel)->text() == QStringLiteral("Annuler"));
    CHECK(buttons.button(QDialogButtonBox::Close)->text() == QStringLiteral("Fermer"));
    CHECK(buttons.button(QDialogButtonBox::Save)->text() == QStringLiteral("Enregistrer"));
    QFileDialog files(nullptr, QStringLiteral("Exporter"));
    files.setOption(QFileDialog::DontUseNativeDialog);
    QStringList labels;
    for (const QLabel* label : files.findChildren<QLabel*>()) labels << label->text();
    INFO(labels.join(QStringLiteral(" | ")).toStdString());
    CHECK(labels.join(QLatin1Char(' ')).contains(QStringLiteral("Nom de fichier")));
}

TEST_CASE("numbers follow the interface language: 4 071 in French, 4,071 in English")
{
    const QLocale before = QLocale();
    QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
    CHECK(formatCount(4071) == QStringLiteral("4\u202F071"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    CHECK(formatCount(4071) == QStringLiteral("4,071"));
    CHECK(formatCount(-166077) == QStringLiteral("-166,077"));
    QLocale::setDefault(before);
}

TEST_CASE("a closure's radius is written in the interface's number format: 5,5 km in French, 5.5 km in English")
{
    RoadClosure closure;
    closure.ref = QStringLiteral("D908");
    closure.centre = XY{990000.0, 6360000.0};
    closure.radiusMetres = 5500.0;
    const QLocale before = QLocale();
    QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
    const QString french = ScenarioPanel::closureLabel(closure);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    const QString english = ScenarioPanel::closureLabel(closure);
    QLocale::setDefault(before);
    INFO(french.toStdString() << " / " << english.toStdString());
    CHECK(french.contains(QStringLiteral("5,5 km")));
    CHECK(english.contains(QStringLiteral("5.5 km")));
}

TEST_CASE("the PDF is proposed beside the project under the names of the project and the plan, and its path is kept")
{
    DemoWindow demo;
    REQUIRE(demo.planning().scenarios()->createPlan(QStringLiteral("hiver")));
    PdfExportDialog dialog(demo.project(), demo.coverage(), *demo.window.layers(), &demo.window);
    const QString suggested = dialog.suggestedPath();
    CHECK(QFileInfo(suggested).absolutePath() == QFileInfo(demo.project().path()).absolutePath());
    CHECK(QFileInfo(suggested).fileName() == QStringLiteral("04 - hiver.pdf"));
    REQUIRE(dialog.exportTo(suggested));
    CHECK(dialog.exportedPath() == QFileInfo(suggested).absoluteFilePath());
}

TEST_CASE("without a project the window shows a welcome panel whose buttons and recent projects open one")
{
    test::ScratchDir folder;
    const QString copy = QFileInfo(folder.path(QStringLiteral("recent-04.gpkg"))).absoluteFilePath();
    REQUIRE(QFile::copy(test::demoTemplate(), copy));
    MainWindow window;
    window.setInteractive(false);
    window.resize(1500, 950);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    WelcomePanel* welcome = window.welcomePanel();
    REQUIRE(welcome);
    CHECK_FALSE(window.mapShown());
    CHECK(welcome->isVisible());

    // Its three buttons are the menu's own commands.
    QStringList texts;
    for (QPushButton* button : welcome->findChildren<QPushButton*>()) texts << button->text();
    INFO(texts.join(QStringLiteral(" | ")).toStdString());
    REQUIRE(texts.size() == 3);
    CHECK(texts[0].contains(QStringLiteral("démo")));
    CHECK(texts[1].contains(QStringLiteral("Créer un projet")));
    CHECK(texts[2].contains(QStringLiteral("Ouvrir un projet")));
    QAction* demo = window.actions()->demo;
    QObject::disconnect(demo, &QAction::triggered, nullptr, nullptr);  // no demo built here
    QSignalSpy demoAsked(demo, &QAction::triggered);
    QTest::mouseClick(welcome->findChildren<QPushButton*>()[0], Qt::LeftButton);
    CHECK(demoAsked.count() == 1);

    // A project opened replaces the panel by the map; closed, the panel comes back and lists it.
    window.openProject(copy);
    REQUIRE(QTest::qWaitFor([&] { return !window.isBusy(); }, test::kLoadTimeoutMs));
    REQUIRE(window.project() != nullptr);
    CHECK(window.mapShown());
    CHECK(window.canvas()->isVisible());
    CHECK_FALSE(welcome->isVisible());
    window.session()->closeProject();
    CHECK_FALSE(window.mapShown());
    CHECK(welcome->isVisible());
    QListWidget* recent = welcome->recentList();
    QListWidgetItem* mine = nullptr;
    for (int row = 0; row < recent->count(); ++row)
        if (recent->item(row)->toolTip() == copy) mine = recent->item(row);
    REQUIRE(mine);
    CHECK(mine->text().startsWith(QStringLiteral("recent-04.gpkg")));

    // One click on it opens it again.
    QTest::mouseClick(recent->viewport(), Qt::LeftButton, Qt::NoModifier, recent->visualItemRect(mine).center());
    REQUIRE(QTest::qWaitFor([&] { return window.project() != nullptr && !window.isBusy(); }, test::kLoadTimeoutMs));
    CHECK(QFileInfo(window.project()->path()).absoluteFilePath() == copy);
    CHECK(window.mapShown());
    test::saveShot(window, QStringLiteral("welcome-map-fr.png"));
    window.session()->closeProject();
    test::saveShot(window, QStringLiteral("welcome-fr.png"));
}

TEST_CASE("commune names are compared without accents, case, hyphens or apostrophes")
{
    CHECK(CommuneSearch::folded(QStringLiteral("Saint-Étienne-les-Orgues")) == QStringLiteral("saint etienne les orgues"));
    CHECK(CommuneSearch::folded(QStringLiteral("  CÉRESTE ")) == QStringLiteral("cereste"));
    CHECK(CommuneSearch::folded(QStringLiteral("L'Escale")) == QStringLiteral("l escale"));
}

TEST_CASE("the commune search proposes a commune typed without accents, then zooms the map to it and identifies it")
{
    DemoWindow demo;
    CommuneSearch* search = demo.window.communeSearch();
    REQUIRE(search);
    REQUIRE(search->isEnabled());
    const BBox home = demo.window.canvas()->homeExtent();
    auto zoomedOn = [&](const QString& name) {
        const maillage::Commune* commune = nullptr;
        for (const maillage::Commune& c : demo.project().territory().communes)
            if (c.name == name) commune = &c;
        REQUIRE(commune);
        const BBox shown = demo.window.canvas()->view().visibleExtent();
        const XY centre{(commune->bbox.minX + commune->bbox.maxX) / 2, (commune->bbox.minY + commune->bbox.maxY) / 2};
        CHECK(shown.contains(centre));
        CHECK(shown.width() < home.width() / 2.5);
        CHECK(demo.window.identifyText().contains(name));
    };

    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("cereste"));
    QCompleter* completer = search->completer();
    REQUIRE(completer->completionCount() >= 1);
    const QModelIndex first = completer->completionModel()->index(0, 0);
    CHECK(first.data().toString() == QStringLiteral("Céreste-en-Luberon"));
    // Picked in the list.
    completer->popup()->setCurrentIndex(first);
    QTest::keyClick(completer->popup(), Qt::Key_Return);
    CHECK(search->text() == QStringLiteral("Céreste-en-Luberon"));
    zoomedOn(QStringLiteral("Céreste-en-Luberon"));
    test::saveShot(demo.window, QStringLiteral("commune-search-fr.png"));

    // Typed whole, in capitals and without accents, then Entrée.
    demo.window.canvas()->zoomHome();
    search->clear();
    QTest::keyClicks(search, QStringLiteral("SAINT ETIENNE LES ORGUES"));
    completer->popup()->hide();
    QTest::keyClick(search, Qt::Key_Return);
    zoomedOn(QStringLiteral("Saint-Étienne-les-Orgues"));

    // Nothing of that name: the map does not move.
    demo.window.canvas()->zoomHome();
    search->clear();
    QTest::keyClicks(search, QStringLiteral("zzz"));
    CHECK(completer->completionCount() == 0);
    QTest::keyClick(search, Qt::Key_Return);
    CHECK(demo.window.canvas()->view().visibleExtent().width() >= home.width());
}

TEST_CASE("Aide › Guide d'utilisation opens the guide, which names the population method of the open project")
{
    DemoWindow demo;
    QAction* guideAction = demo.window.actions()->guide;
    REQUIRE(guideAction);
    CHECK(guideAction->shortcut() == QKeySequence(QKeySequence::HelpContents));
    guideAction->trigger();
    QCoreApplication::processEvents();
    UserGuideDialog* guide = demo.window.findChild<UserGuideDialog*>();
    REQUIRE(guide);
    CHECK(guide->isVisible());
    const QString text = guide->browser()->toPlainText();
    // The topics the planner needs.
    for (const char* topic : {"La règle des 20 minutes", "Comment les temps de trajet sont calculés", "calibré sur le Lot",
                              "Le trajet d'accès", "Le temps aux extrémités", "Les virages", "Carreaux INSEE", "Bâtiments",
                              "À la mairie", "Plans et fermetures de routes", "Exports"})
        CHECK(text.contains(QString::fromUtf8(topic)));
    CHECK(text.contains(QStringLiteral("04.gpkg")));
    // The method of this project's figures, named on its own line.
    const PopulationMethod method = demo.coverage().result().population.method;
    const QString marker = QStringLiteral("Méthode utilisée dans ce projet");
    REQUIRE(text.contains(marker));
    const QString line = text.mid(text.indexOf(marker)).section(QLatin1Char('\n'), 0, 0);
    INFO(line.toStdString());
    CHECK(line.contains(UserGuideDialog::methodName(method)));
    for (PopulationMethod other : allPopulationMethods())
        if (other != method) CHECK_FALSE(line.contains(UserGuideDialog::methodName(other)));
    guide->resize(760, 900);
    test::saveShot(*guide, QStringLiteral("guide-fr.png"));
    guide->close();

    // The English interface gets the English guide.
    const QLocale before = QLocale();
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    const QString english = UserGuideDialog::html(QStringLiteral("04.gpkg"), method);
    QLocale::setDefault(before);
    CHECK(english.contains(QStringLiteral("How travel times are computed")));
    CHECK(english.contains(QStringLiteral("Method used in this project")));
    CHECK_FALSE(english.contains(QStringLiteral("{{")));
}

TEST_CASE(
    "the statistics show all 13 rows (département and 12 EPCI) with whole names, and the chart labels every bar with "
    "grouped numbers")
{
    DemoWindow demo;
    auto* dock = demo.window.findChild<QDockWidget*>(QStringLiteral("statisticsDock"));
    REQUIRE(dock);
    dock->raise();
    QCoreApplication::processEvents();
    auto* table = demo.window.findChild<QTableWidget*>(QStringLiteral("statisticsTable"));
    REQUIRE(table);
    const int epcis = static_cast<int>(demo.coverage().result().population.epcis.size());
    REQUIRE(epcis == 12);
    REQUIRE(table->rowCount() == epcis + 1);
    // Every row in view, no scrolling.
    const int last = table->rowCount() - 1;
    CHECK(table->rowViewportPosition(last) + table->rowHeight(last) <= table->viewport()->height());
    CHECK_FALSE(table->verticalScrollBar()->isVisible());
    // Every name whole (only "Communauté de communes" shortened to "CC"), and fits its column.
    const QFontMetrics metrics(table->font());
    for (int row = 1; row < table->rowCount(); ++row) {
        const QTableWidgetItem* name = table->item(row, 0);
        INFO(name->text().toStdString() << " in " << table->columnWidth(0) << " px");
        CHECK_FALSE(name->text().contains(QStringLiteral("…")));
        // On one line, or wrapped within the row's height.
        const QRect wrapped =
            metrics.boundingRect(QRect(0, 0, table->columnWidth(0) - 6, 1000), Qt::TextWordWrap, name->text());
        CHECK(wrapped.height() <= table->rowHeight(row));
        CHECK(name->toolTip().contains(demo.coverage().result().population.epcis[row - 1].name));
    }
    test::saveShot(*dock, QStringLiteral("statistics-table-fr.png"));

    // The chart: one label per bar with room for each, numbers as the table writes them.
    auto* tabs = dock->findChild<QTabWidget*>(QStringLiteral("statisticsTabs"));
    REQUIRE(tabs);
    auto* view = dock->findChild<QChartView*>();
    REQUIRE(view);
    tabs->setCurrentWidget(view);
    QCoreApplication::processEvents();
    QChart* chart = view->chart();
    CHECK(chart->localizeNumbers());
    CHECK(chart->locale().toString(4071) == formatCount(4071));
    const auto axes = chart->axes(Qt::Vertical);
    REQUIRE(axes.size() == 1);
    auto* categories = qobject_cast<QBarCategoryAxis*>(axes.first());
    REQUIRE(categories);
    CHECK(categories->count() == epcis);
    const double perBar = chart->plotArea().height() / epcis;
    CHECK(perBar >= QFontMetricsF(categories->labelsFont()).height() * 1.1);
    test::saveShot(*dock, QStringLiteral("statistics-chart-fr.png"));
}

TEST_CASE("the comparison dock does not shrink the map, and its table shows the EPCI names whole")
{
    DemoWindow demo;
    QCoreApplication::processEvents();
    const QSize mapBefore = demo.window.canvas()->size();
    demo.planning().showComparison();
    QTest::qWait(50);
    CHECK(demo.window.canvas()->size() == mapBefore);
    // With a result (a plan against the baseline), the same.
    REQUIRE(demo.planning().scenarios()->createPlan(QStringLiteral("hiver")));
    REQUIRE(demo.planning().applyClosurePreset(QStringLiteral("hiver-04")));
    demo.coverage().recomputeNow();
    ComparisonPanel& comparison = *demo.planning().comparison();
    REQUIRE(comparison.run());
    comparison.waitForResult();
    REQUIRE(comparison.lastError().isEmpty());
    demo.planning().showComparison();
    QTest::qWait(50);
    INFO("map before " << mapBefore.width() << "x" << mapBefore.height() << ", after " << demo.window.canvas()->width()
                       << "x" << demo.window.canvas()->height());
    CHECK(demo.window.canvas()->size() == mapBefore);
    auto* table = demo.window.findChild<QTableWidget*>(QStringLiteral("comparisonTable"));
    REQUIRE(table);
    REQUIRE(table->rowCount() > 1);
    for (int row = 0; row < table->rowCount(); ++row) {
        QFont font = table->item(row, 0)->font();
        const QFontMetrics rowMetrics(font);
        INFO(table->item(row, 0)->text().toStdString() << " in " << table->columnWidth(0) << " px");
        CHECK(rowMetrics.horizontalAdvance(table->item(row, 0)->text()) <= table->columnWidth(0));
    }
    test::saveShot(demo.window, QStringLiteral("comparison-dock-fr.png"));
}

TEST_CASE("a point clicked far from any road asks, and placed on the nearest road it joins the network")
{
    DemoWindow demo;
    // A place of the 04 beyond the snap limit, around the gap west of Villars-Colmars.
    const std::optional<XY> gap = demo.placeBeyondSnapLimit();
    REQUIRE(gap);
    const auto far = demo.window.farFromRoad(*gap);
    REQUIRE(far);
    demo.window.setInteractive(true);
    QStringList buttons;
    QString text;
    test::MessageBoxAnswer answer([&](QMessageBox& box) {
        text = box.text();
        for (QAbstractButton* button : box.buttons()) buttons << button->text();
        test::saveShot(box, QStringLiteral("far-point-warning-fr.png"));
        for (QAbstractButton* button : box.buttons())
            if (button->text().contains(QStringLiteral("route la plus proche"))) button->click();
    });
    const std::size_t before = demo.project().points().size();
    std::set<qint64> existing;
    for (const AccueilPoint& p : demo.project().points()) existing.insert(p.id);
    demo.window.addPointAt(*gap);
    demo.window.setInteractive(false);
    INFO(text.toStdString());
    CHECK(text.contains(QStringLiteral("km de la route la plus proche")));
    CHECK(buttons.contains(QStringLiteral("Placer sur la route la plus proche")));
    CHECK(buttons.contains(QStringLiteral("Garder ici (laissé de côté)")));
    REQUIRE(demo.project().points().size() == before + 1);
    const GraphTravelEngine& engine = *demo.project().data().engine;
    for (const AccueilPoint& added : demo.project().points())
        if (!existing.count(added.id)) CHECK(engine.snapper().snap(added.lambert93, engine.snapOptions()).ok());
}
