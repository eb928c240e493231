// GUI tests of what a new user meets (issue 18): the import dialog with its column mapping,
// the road-closure dialog's figures, French standard dialogs, the welcome panel, the commune
// search, the user guide and readable tables — the real main window under the offscreen platform.
#include "common/gdal.h"
#include <catch2/catch.hpp>

#include "geo/crs.h"
#include "import_dialog.h"
#include "coverage_controller.h"
#include "main_window.h"
#include "pdf_export_dialog.h"
#include "planning/closed_network.h"
#include "planning/closure_presets.h"
#include "planning_controller.h"
#include "project.h"
#include "road_closure_dialog.h"
#include "translations.h"
#include "labels.h"
#include "scenario_panel.h"
#include "support/demo_window.h"
#include "support/test_data.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QProcess>
#include <QProgressBar>
#include <QTimer>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QTextStream>
#include <cpl_error.h>

#include <algorithm>

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

// With MAILLAGE_SCREENSHOTS set (scripts/screenshots.sh), a widget is saved there to be looked at.
void saveShot(QWidget& widget, const QString& name)
{
    const QByteArray folder = qgetenv("MAILLAGE_SCREENSHOTS");
    if (folder.isEmpty()) return;
    widget.show();
    QCoreApplication::processEvents();
    widget.grab().save(QDir(QString::fromLocal8Bit(folder)).filePath(name));
}

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
        text += lambert93 ? QStringLiteral("%1;ccas;%2;%3\n").arg(QLatin1String(row.name)).arg(l93.x, 0, 'f', 1).arg(l93.y, 0, 'f', 1)
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
    saveShot(dialog, QStringLiteral("import-dialog-fr.png"));

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
    RoadClosureDialog dialog(roadRefsOf(graph, &territory), builtinClosurePresets(), QStringLiteral("hiver"), &graph, &territory);

    // Not only "D908": where it goes.
    CHECK(dialog.rowText(QStringLiteral("D908"), 1).contains(QStringLiteral("Allos")));
    CHECK(dialog.closedKm() == 0.0);

    REQUIRE(dialog.checkPreset(QStringLiteral("hiver-04")));
    // The three pass sections: the Col d'Allos alone used to close 24.8 km (the D908 within
    // 6 km, down to La Foux d'Allos, which stays open in winter).
    CHECK(dialog.closedKm() > 15.0);
    CHECK(dialog.closedKm() < 35.0);
    const QString allos = dialog.rowText(dialog.closures().empty() ? QString() : ScenarioPanel::closureLabel(dialog.closures()[0]), 2);
    INFO(allos.toStdString());
    REQUIRE_FALSE(allos.isEmpty());
    CHECK(QLocale().toDouble(allos.section(QLatin1Char(' '), 0, 0)) < 20.0);
    const QString count = dialog.countText();
    INFO(count.toStdString());
    CHECK(count.contains(QStringLiteral("km de routes fermées")));
    CHECK(count.contains(QStringLiteral("Col de la Bonette")));
    CHECK(count.contains(QStringLiteral("Col de la Cayolle")));
    dialog.resize(900, 560);
    saveShot(dialog, QStringLiteral("road-closure-dialog-fr.png"));

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
    const double baseline = demo.beyond();
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
    CHECK(demo.beyond() != baseline);  // a few people: docs/PLANNING.md, winter on the 04
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
