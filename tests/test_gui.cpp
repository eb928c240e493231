// GUI tests: the real main window, map canvas and docks, driven with simulated mouse events
// under the offscreen platform, on the 04 demonstration project.
#include <catch2/catch.hpp>
#include "common/gdal.h"

#include "access_dialog.h"
#include "coverage/network_engine.h"
#include "coverage_controller.h"
#include "geo/crs.h"
#include "io/csv_table.h"
#include "io/ogr_source.h"
#include "labels.h"
#include "main_actions.h"
#include "main_window.h"
#include "map/layer_panel.h"
#include "map/map_canvas.h"
#include "network/snapping.h"
#include "pdf_export_dialog.h"
#include "planning_controller.h"
#include "point_commands.h"
#include "project.h"
#include "project/project_settings.h"
#include "project_loading.h"
#include "project_session.h"
#include "render/boundary_layers.h"
#include "render/coverage_layers.h"
#include "render/map_layer.h"
#include "render/map_stack.h"
#include "render/planning_layers.h"
#include "render/print_layout.h"
#include "render/view_transform.h"
#include "report/geopackage_export.h"
#include "scenario_panel.h"
#include "sensitivity_dialog.h"
#include "statistics_panel.h"
#include "store/project_sources.h"
#include "store/store.h"
#include "support/demo_window.h"
#include "support/test_data.h"

#include <cpl_error.h>
#include <gdal.h>
#include <ogrsf_frmts.h>
#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMouseEvent>
#include <QProcess>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>

#include <algorithm>
#include <cmath>
#include <set>

using namespace maillage;
using namespace maillage::gui;
using namespace maillage::render;

namespace {

// A main window with a fresh copy of the demo open, laid out as on a planner's screen.
struct DemoWindow : test::DemoWindowBase {
    // Lets the coverage scheduler run (it recomputes on the next event loop turn).
    void settle()
    {
        const int before = coverage().recomputeCount();
        // Closed roads: the network is rebuilt in the background first (seconds), then recomputed.
        CHECK(QTest::qWaitFor([&] { return coverage().recomputeCount() > before && !coverage().isBuildingNetwork(); },
                              coverage().isBuildingNetwork() ? 60'000 : 2000));
        QCoreApplication::processEvents();
    }
};

int channelDistance(QRgb a, QRgb b)
{
    return std::max({std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)), std::abs(qBlue(a) - qBlue(b))});
}

QRgb blend(QRgb over, QRgb under, double opacity)
{
    auto mix = [&](int o, int u) { return int(std::lround(o * opacity + u * (1 - opacity))); };
    return qRgb(mix(qRed(over), qRed(under)), mix(qGreen(over), qGreen(under)), mix(qBlue(over), qBlue(under)));
}

}  // namespace

TEST_CASE("zooming with the wheel keeps the map point under the cursor")
{
    const ViewTransform view({940000, 6340000}, 150.0, QSize(800, 600));
    const QPointF cursor(123, 456);
    const XY under = view.toMap(cursor);
    const ViewTransform zoomed = view.zoomedAt(cursor, 1.25);
    CHECK(zoomed.metresPerPixel() == Approx(120.0));
    CHECK(zoomed.toMap(cursor).x == Approx(under.x));
    CHECK(zoomed.toMap(cursor).y == Approx(under.y));
    CHECK(zoomed.toScreen(under).x() == Approx(cursor.x()));
    // Map y grows northwards, screen y downwards.
    CHECK(view.toScreen({940000, 6341500}).y() < view.toScreen({940000, 6340000}).y());
}

TEST_CASE("a France services added with the mouse in a gap lowers the population beyond 20 minutes, and undo restores it")
{
    DemoWindow demo;
    CHECK(demo.coverage().level() == 2);
    CHECK(demo.coverage().thresholdMinutes() == 20.0);
    const double before = demo.beyond();
    REQUIRE(before > 1000);
    // The live figures are those of the core's full computation (as the CLI prints them).
    const CoverageResult full =
        computeCoverage(*demo.coverage().context(), coveragePoints(demo.project().points(), 2, true));
    CHECK(full.population.departement.beyondSpread == Approx(before));
    CHECK(full.population.departement.beyondAtTownHall
          == Approx(demo.coverage().result().population.departement.beyondAtTownHall));
    const std::size_t pointsBefore = demo.project().points().size();

    const int commune = test::mostPopulatedCommuneBeyond(demo.coverage().result());
    REQUIRE(commune >= 0);
    const XY townHall = demo.coverage().context()->townHalls().positions[commune];
    const QString insee = demo.project().territory().communes[commune].insee;
    INFO("adding a point at the town hall of " << demo.project().territory().communes[commune].name.toStdString());

    demo.zoomAround(townHall, 4000);
    auto* kind = demo.window.findChild<QComboBox*>(QStringLiteral("newPointKind"));
    REQUIRE(kind);
    kind->setCurrentIndex(kind->findData(QStringLiteral("france_services")));
    demo.canvas().setTool(MapCanvas::Tool::AddPoint);
    QTest::mouseClick(&demo.canvas(), Qt::LeftButton, Qt::NoModifier, demo.screen(townHall));
    demo.settle();

    REQUIRE(demo.project().points().size() == pointsBefore + 1);
    const AccueilPoint& added = demo.project().points().back();
    CHECK(added.level == Level::Second);
    CHECK(added.kind == "france_services");
    CHECK(added.status == PointStatus::Planned);
    CHECK(added.communeInsee == insee);
    CHECK(std::hypot(added.lambert93.x - townHall.x, added.lambert93.y - townHall.y)
          < 2 * demo.canvas().view().metresPerPixel());
    const double after = demo.beyond();
    CHECK(after < before);
    CHECK_FALSE(demo.coverage().result().population.communes[commune].townHallBeyond);
    CHECK(demo.window.statistics()->summaryText().contains(formatCount(std::llround(after))));
    // Written to the store at once.
    CHECK(Store::open(demo.project().path()).pointCount() == int(pointsBefore + 1));

    demo.project().undoStack()->undo();
    demo.settle();
    CHECK(demo.project().points().size() == pointsBefore);
    CHECK(demo.beyond() == Approx(before));
    CHECK(Store::open(demo.project().path()).pointCount() == int(pointsBefore));

    demo.project().undoStack()->redo();
    demo.settle();
    CHECK(demo.beyond() == Approx(after));
}

TEST_CASE("the window shows the population beyond 20 minutes that maillage coverage prints")
{
    DemoWindow demo;
    test::ScratchDir out;
    QProcess cli;
    cli.start(test::cliPath(), {"coverage", "--project", demo.project().path(), "--out", out.path("result.gpkg")});
    REQUIRE(cli.waitForFinished(test::kLoadTimeoutMs));
    const QString printed = QString::fromUtf8(cli.readAllStandardOutput());
    INFO(printed.toStdString());
    REQUIRE(cli.exitCode() == 0);
    // The demo places people by INSEE's grid, as scripts/demo.sh does; both name the method.
    REQUIRE(demo.coverage().result().population.method == PopulationMethod::Grid);
    const QRegularExpression onGrid(QStringLiteral("on the cells, INSEE grid: +([0-9 ]+)"));
    const QRegularExpressionMatch match = onGrid.match(printed);
    REQUIRE(match.hasMatch());
    const long long cliBeyond = match.captured(1).remove(QLatin1Char(' ')).toLongLong();
    CHECK(std::llround(demo.beyond()) == cliBeyond);

    // The window's export writes the same result GeoPackage.
    const QString exported = out.path("from-window.gpkg");
    REQUIRE(demo.window.exportCoverage(exported));
    GdalDatasetPtr dataset = openVectorSource(exported);
    const QStringList layers = layerNames(*dataset);
    for (const QString& layer :
         {gpkg_layers::communes, gpkg_layers::epci, gpkg_layers::gapZones, gpkg_layers::bands, gpkg_layers::points})
        CHECK(layers.contains(layer));
    CHECK(findLayer(*dataset, exported, gpkg_layers::communes)->GetFeatureCount() == 198);
}

TEST_CASE("dragging a France services updates gaps and statistics while the mouse moves, and one undo puts it back")
{
    DemoWindow demo;
    // The first France services inside the territory that stands alone under the mouse: a
    // desk in the same building (an operator, a CCAS) would be the one picked.
    const auto standsAlone = [&](const AccueilPoint& p) {
        for (const AccueilPoint& other : demo.project().points())
            if (other.id != p.id && std::hypot(other.lambert93.x - p.lambert93.x, other.lambert93.y - p.lambert93.y) < 150.0)
                return false;
        return true;
    };
    const AccueilPoint* dragged = nullptr;
    for (const AccueilPoint& p : demo.project().points())
        if (p.kind == "france_services" && !p.outsideTerritory && standsAlone(p)) {
            dragged = &p;
            break;
        }
    REQUIRE(dragged);
    const qint64 id = dragged->id;
    const XY start = dragged->lambert93;
    // Close enough that no other symbol is within the pick reach (a few metres a pixel).
    demo.zoomAround(start, 3000);

    const double before = demo.beyond();
    const int computedBefore = demo.coverage().recomputeCount();
    const QPoint from = demo.screen(start);
    test::sendMouse(demo.canvas(), QEvent::MouseButtonPress, from, Qt::LeftButton);
    const int steps = 20;
    std::set<long long> seen;
    for (int i = 1; i <= steps; ++i) {
        test::sendMouse(demo.canvas(), QEvent::MouseMove, from + QPoint(i * 12, i * 5), Qt::LeftButton);
        demo.settle();
        seen.insert(std::llround(demo.beyond()));
    }
    // One recompute per mouse move, while the store still holds the old position.
    CHECK(demo.coverage().recomputeCount() - computedBefore >= steps);
    CHECK(seen.size() > 1);
    CHECK(Store::open(demo.project().path()).point(id)->lambert93.x == start.x);

    test::sendMouse(demo.canvas(), QEvent::MouseButtonRelease, from + QPoint(steps * 12, steps * 5), Qt::NoButton);
    demo.settle();
    const XY dropped = demo.project().point(id)->lambert93;
    CHECK(dropped.x > start.x + 100);
    CHECK(Store::open(demo.project().path()).point(id)->lambert93.x == Approx(dropped.x));
    CHECK(demo.project().undoStack()->count() == 1);

    demo.project().undoStack()->undo();
    demo.settle();
    CHECK(demo.project().point(id)->lambert93.x == start.x);
    CHECK(Store::open(demo.project().path()).point(id)->lambert93.y == start.y);
    CHECK(demo.beyond() == Approx(before));
}

TEST_CASE("the map is drawn, and a gap far from any second-level place has the gap colour")
{
    DemoWindow demo;
    const CoverageResult& result = demo.coverage().result();
    const CoverageGrid& grid = demo.coverage().context()->grid();
    const float threshold = float(demo.coverage().thresholdMinutes());

    // The whole département first: many colours, not a blank image.
    demo.canvas().zoomHome();
    const QImage whole = demo.canvas().renderImage();
    std::set<QRgb> colours;
    for (int y = 0; y < whole.height(); y += 3)
        for (int x = 0; x < whole.width(); x += 3) colours.insert(whole.pixel(x, y));
    CHECK(colours.size() > 50);

    // A gap cell in the middle of a gap (its neighbours within 3 cells are gaps too), and the
    // cell closest in time to a France services.
    std::optional<std::size_t> gapCell, coveredCell;
    for (std::size_t cell = 0; cell < grid.cellCount(); ++cell) {
        const float minutes = result.surface.minutes[cell];
        if (!coveredCell || minutes < result.surface.minutes[*coveredCell]) coveredCell = cell;
        if (gapCell || !(minutes > threshold + 10)) continue;
        const XY c = grid.centre(cell);
        bool surrounded = true;
        for (int dy = -3; dy <= 3 && surrounded; ++dy)
            for (int dx = -3; dx <= 3 && surrounded; ++dx) {
                const auto near = grid.cellAt({c.x + dx * grid.cellSize(), c.y + dy * grid.cellSize()});
                surrounded = near && result.surface.minutes[*near] > threshold;
            }
        if (surrounded) gapCell = cell;
    }
    REQUIRE(gapCell);
    REQUIRE(coveredCell);
    REQUIRE(result.surface.minutes[*coveredCell] < threshold / 2);

    // Only the land and the gaps, so that nothing else is drawn over the sampled pixels.
    for (MapLayer* layer : demo.window.layers()->layers())
        layer->setVisible(layer->id() == "communes" || layer->id() == "gaps");
    const double opacity = demo.window.layers()->layer("gaps")->opacity();
    const QRgb expected = blend(GapLayer::kGapColour, boundary_style::kLand, opacity);

    auto sample = [&](std::size_t cell) {
        demo.zoomAround(grid.centre(cell), 1500);
        const QImage image = demo.canvas().renderImage();
        return image.pixel(demo.screen(grid.centre(cell)));
    };
    const QRgb gapPixel = sample(*gapCell);
    INFO("gap pixel " << std::hex << gapPixel << ", expected " << expected);
    CHECK(channelDistance(gapPixel, expected) <= 4);
    const QRgb coveredPixel = sample(*coveredCell);
    CHECK(channelDistance(coveredPixel, expected) > 40);
}

TEST_CASE("a project file that cannot be opened gives a message, not a crash")
{
    MainWindow window;
    window.setInteractive(false);
    QSignalSpy failed(&window, &MainWindow::loadFailed);
    window.openProject(QStringLiteral("/nonexistent/folder/projet.gpkg"));
    CHECK(failed.count() == 1);
    CHECK(window.lastError().contains("projet.gpkg"));
    CHECK(window.project() == nullptr);

    test::ScratchDir folder;
    const QString notAProject = folder.path(QStringLiteral("notes.gpkg"));
    QFile file(notAProject);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("this is not a GeoPackage\n");
    file.close();
    window.openProject(notAProject);
    CHECK(failed.count() == 2);
    CHECK(window.lastError().contains("notes.gpkg"));
    CHECK(window.project() == nullptr);
}

TEST_CASE("a point added, saved under another name and reopened is still there with its attributes")
{
    DemoWindow demo;
    const XY where{960000, 6380000};
    demo.window.addPointAt(where);
    const qint64 id = demo.project().points().back().id;
    AccueilPoint edited = *demo.project().point(id);
    AccueilPoint before = edited;
    edited.name = QStringLiteral("Maison France services de Seyne (projet)");
    edited.notes = QStringLiteral("ouverture prévue en 2027");
    edited.weeklyHours = 24.0;
    demo.project().undoStack()->push(new EditPointCommand(demo.project(), before, edited));

    const QString copy = demo.folder.path(QStringLiteral("copie.gpkg"));
    demo.project().saveAs(copy);
    CHECK(demo.project().path() == copy);
    demo.project().undoStack()->undo();  // the history follows the copy
    CHECK(Store::open(copy).point(id)->name != edited.name);
    demo.project().undoStack()->redo();

    MainWindow reopened;
    reopened.setInteractive(false);
    reopened.openProject(copy);
    REQUIRE(QTest::qWaitFor([&] { return !reopened.isBusy(); }, test::kLoadTimeoutMs));
    REQUIRE(reopened.project());
    const AccueilPoint* saved = reopened.project()->point(id);
    REQUIRE(saved);
    CHECK(saved->name == edited.name);
    CHECK(saved->notes == edited.notes);
    CHECK(saved->weeklyHours == 24.0);
    CHECK(saved->status == PointStatus::Planned);
    CHECK(saved->lambert93.x == where.x);
}

TEST_CASE("points selected with a rectangle are deleted in one edit, undone with Ctrl+Z")
{
    DemoWindow demo;
    // Around Digne-les-Bains: town halls, post offices and France services close together.
    const maillage::Commune* digne = demo.project().territory().commune(QStringLiteral("04070"));
    REQUIRE(digne);
    const XY centre{(digne->bbox.minX + digne->bbox.maxX) / 2, (digne->bbox.minY + digne->bbox.maxY) / 2};
    demo.zoomAround(centre, 6000);
    const std::size_t before = demo.project().points().size();

    const QPoint topLeft = demo.screen({centre.x - 2500, centre.y + 2500});
    const QPoint bottomRight = demo.screen({centre.x + 2500, centre.y - 2500});
    QTest::mousePress(&demo.canvas(), Qt::LeftButton, Qt::ShiftModifier, topLeft);
    QTest::mouseMove(&demo.canvas(), (topLeft + bottomRight) / 2);
    QTest::mouseRelease(&demo.canvas(), Qt::LeftButton, Qt::ShiftModifier, bottomRight);
    const int selected = static_cast<int>(demo.project().selection().size());
    int inside = 0;
    for (const AccueilPoint& p : demo.project().points())
        if (std::abs(p.lambert93.x - centre.x) < 2500 && std::abs(p.lambert93.y - centre.y) < 2500) ++inside;
    CHECK(selected == inside);
    REQUIRE(selected >= 2);

    auto* deleteAction = demo.window.findChild<QAction*>(QStringLiteral("deleteAction"));
    REQUIRE(deleteAction);
    REQUIRE(deleteAction->isEnabled());
    deleteAction->trigger();
    demo.settle();
    CHECK(demo.project().points().size() == before - selected);
    CHECK(demo.project().selection().isEmpty());
    CHECK(Store::open(demo.project().path()).pointCount() == int(before - selected));

    demo.window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&demo.window));
    QTest::keyClick(&demo.window, Qt::Key_Z, Qt::ControlModifier);
    demo.settle();
    CHECK(demo.project().points().size() == before);
    CHECK(Store::open(demo.project().path()).pointCount() == int(before));
}

TEST_CASE("the layer panel shows, hides, reorders and fades layers, with the legend drawn by the layers")
{
    DemoWindow demo;
    auto* tree = demo.window.findChild<QTreeWidget*>(QStringLiteral("layerTree"));
    REQUIRE(tree);
    LayerStack& layers = *demo.window.layers();
    REQUIRE(tree->topLevelItemCount() == int(layers.layers().size()));
    // The panel lists the top of the map first.
    CHECK(tree->topLevelItem(0)->text(0) == layers.layers().back()->name());

    QTreeWidgetItem* gapsItem = nullptr;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        if (tree->topLevelItem(i)->text(0) == layers.layer("gaps")->name()) gapsItem = tree->topLevelItem(i);
    REQUIRE(gapsItem);
    CHECK(gapsItem->childCount() == int(layers.layer("gaps")->legend().size()));
    CHECK(gapsItem->child(0)->text(0).contains("20 min"));

    const QImage shown = demo.canvas().renderImage();
    gapsItem->setCheckState(0, Qt::Unchecked);
    CHECK_FALSE(layers.layer("gaps")->isVisible());
    CHECK(demo.canvas().renderImage() != shown);
    gapsItem->setCheckState(0, Qt::Checked);
    CHECK(demo.canvas().renderImage() == shown);

    tree->setCurrentItem(gapsItem);
    auto* opacity = demo.window.findChild<QSlider*>(QStringLiteral("layerOpacity"));
    REQUIRE(opacity);
    opacity->setValue(25);
    CHECK(layers.layer("gaps")->opacity() == Approx(0.25));

    const int index = layers.indexOf(layers.layer("gaps"));
    QToolButton* up = nullptr;
    for (QToolButton* button : demo.window.findChildren<QToolButton*>())
        if (button->arrowType() == Qt::UpArrow) up = button;
    REQUIRE(up);
    up->click();
    CHECK(layers.indexOf(layers.layer("gaps")) == index + 1);
}

TEST_CASE("the status bar shows the cursor position in Lambert-93 and WGS84, and the scale")
{
    DemoWindow demo;
    const XY digne{956500, 6338000};
    demo.zoomAround(digne, 10000);
    QTest::mouseMove(&demo.canvas(), demo.screen(digne));
    auto* lambert = demo.window.findChild<QLabel*>(QStringLiteral("lambertLabel"));
    auto* wgs = demo.window.findChild<QLabel*>(QStringLiteral("wgsLabel"));
    auto* scale = demo.window.findChild<QLabel*>(QStringLiteral("scaleLabel"));
    REQUIRE(lambert);
    REQUIRE(wgs);
    REQUIRE(scale);
    auto numbers = [](const QString& text) {
        std::vector<double> values;
        static const QRegularExpression number(QStringLiteral("[0-9]+(\\.[0-9]+)?"));
        for (auto it = number.globalMatch(text); it.hasNext();) values.push_back(it.next().captured().toDouble());
        return values;
    };
    const double tolerance = 2 * demo.canvas().view().metresPerPixel();
    const std::vector<double> l93 = numbers(lambert->text().mid(3));  // after "L93"
    REQUIRE(l93.size() == 2);
    CHECK(std::abs(l93[0] - digne.x) < tolerance);
    CHECK(std::abs(l93[1] - digne.y) < tolerance);
    const LonLat expectedWgs = toWgs84(digne);  // Digne-les-Bains: about 44.09° N, 6.24° E
    const std::vector<double> wgs84 = numbers(wgs->text());
    REQUIRE(wgs84.size() == 2);
    CHECK(wgs84[0] == Approx(expectedWgs.lat).margin(0.001));
    CHECK(wgs84[1] == Approx(expectedWgs.lon).margin(0.001));
    const double expected = demo.canvas().scaleDenominator();
    CHECK(expected > 10'000);
    CHECK(scale->text().startsWith("1:"));
    QString digits = scale->text().mid(2);
    digits.remove(QRegularExpression(QStringLiteral("\\D")));
    CHECK(digits.toDouble() == Approx(expected).epsilon(0.06));
}

TEST_CASE("cancelling a loading leaves the window empty and usable")
{
    const QString demoFile = test::demoTemplate();
    test::ScratchDir folder;
    const QString copy = folder.path(QStringLiteral("04.gpkg"));
    REQUIRE(QFile::copy(demoFile, copy));
    MainWindow window;
    window.setInteractive(false);
    window.show();
    QSignalSpy failed(&window, &MainWindow::loadFailed);
    window.openProject(copy);
    REQUIRE(window.isBusy());
    auto* cancel = window.findChild<QToolButton*>(QStringLiteral("cancelJob"));
    REQUIRE(cancel);
    cancel->click();
    REQUIRE(QTest::qWaitFor([&] { return !window.isBusy(); }, test::kLoadTimeoutMs));
    CHECK(window.project() == nullptr);
    CHECK(failed.count() == 1);
    // And it opens the same project afterwards.
    window.openProject(copy);
    REQUIRE(QTest::qWaitFor([&] { return !window.isBusy(); }, test::kLoadTimeoutMs));
    CHECK(window.project() != nullptr);
}

TEST_CASE("importing the town-hall list again through the window duplicates nothing")
{
    DemoWindow demo;
    const std::size_t before = demo.project().points().size();
    const QString summary = demo.window.importPointsFrom(test::sharedData(QStringLiteral("04/mairies-04.csv")));
    CHECK(summary.contains("198"));
    CHECK(demo.project().points().size() == before);
    CHECK_FALSE(demo.window.isBusy());  // same town halls: no need to prepare the coverage again
    CHECK(demo.window.importPointsFrom(QStringLiteral("/nonexistent/points.csv")).isEmpty());
    CHECK(demo.window.lastError().contains("points.csv"));
}

TEST_CASE("a new project gets its points by import, and its coverage starts from the imported town halls")
{
    test::ScratchDir folder;
    const QString path = folder.path(QStringLiteral("nouveau.gpkg"));
    MainWindow window;
    window.setInteractive(false);
    window.createProject(path, demoInputs(sharedDataFolder()));
    REQUIRE(QTest::qWaitFor([&] { return !window.isBusy(); }, test::kLoadTimeoutMs));
    INFO(window.lastError().toStdString());
    REQUIRE(window.project());
    CHECK(window.project()->points().empty());
    REQUIRE(window.coverage());
    const auto& unknown = window.coverage()->context()->townHalls().known;
    CHECK(std::count(unknown.begin(), unknown.end(), true) == 0);

    CHECK(window.importPointsFrom(test::sharedData(QStringLiteral("04/france-services-2024.csv"))).contains("78"));
    CHECK(window.importPointsFrom(test::sharedData(QStringLiteral("04/mairies-04.csv"))).contains("198"));
    REQUIRE(QTest::qWaitFor([&] { return !window.isBusy(); }, test::kLoadTimeoutMs));
    REQUIRE(window.project());
    REQUIRE(window.coverage());
    const auto& known = window.coverage()->context()->townHalls().known;
    CHECK(std::count(known.begin(), known.end(), true) == 198);
    // The demo network is the OpenStreetMap extract of the 04 and its borders: 20 France
    // services of the list (which reaches 20 km around the 04) are beyond its box, more than
    // 5 km from any of its roads, and are left out of the coverage.
    CHECK(window.coverage()->result().points.size() == 58);
    CHECK(window.coverage()->result().unjoinedPoints == 20);
    CHECK(window.coverage()->result().unjoinedOutsideTerritory == 20);
}

// Not run by default (hidden tag): `test_gui "[benchmark]"`. Measures what a planner
// sees while dragging: for each mouse move, the coverage recompute, the map layers and the
// statistics dock refreshed and the canvas repainted.
TEST_CASE("Export to PDF previews the map as the window shows it and writes the pages")
{
    DemoWindow demo;
    // What the planner sees is printed: a hidden layer stays hidden.
    demo.window.layers()->layer(QStringLiteral("bands"))->setVisible(false);
    PdfExportDialog dialog(demo.project(), demo.coverage(), *demo.window.layers(), &demo.window);
    dialog.resize(1100, 760);
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    REQUIRE(dialog.layout() != nullptr);
    CHECK(dialog.layout()->pageCount() == 1);
    const auto states = dialog.options().layers;
    const auto bands =
        std::find_if(states.begin(), states.end(), [](const LayerState& s) { return s.id == QStringLiteral("bands"); });
    REQUIRE(bands != states.end());
    CHECK_FALSE(bands->visible);

    // The preview shows a page: not blank, with the gap colour over the land.
    const auto* preview = dialog.findChild<QLabel*>(QStringLiteral("pdfPreview"));
    REQUIRE(preview != nullptr);
    const QImage shown = preview->pixmap().toImage();
    REQUIRE_FALSE(shown.isNull());
    const QImage page = dialog.layout()->pageImage(0, 1.0).convertToFormat(QImage::Format_RGB32);
    const QRgb gap = blend(GapLayer::kGapColour, boundary_style::kLand, 0.6);
    int gapPixels = 0;
    for (int y = 0; y < page.height(); y += 2)
        for (int x = 0; x < page.width(); x += 2) {
            const QRgb p = page.pixel(x, y);
            if (std::abs(qRed(p) - qRed(gap)) <= 8 && std::abs(qGreen(p) - qGreen(gap)) <= 8
                && std::abs(qBlue(p) - qBlue(gap)) <= 8)
                ++gapPixels;
        }
    CHECK(gapPixels > 1000);
    if (const QByteArray folder = qgetenv("MAILLAGE_SCREENSHOTS"); !folder.isEmpty())
        dialog.grab().save(QDir(QString::fromLocal8Bit(folder)).filePath(QStringLiteral("pdf-export-dialog.png")));

    // An atlas: a page per EPCI after the territory's, A3 landscape.
    PrintOptions options = dialog.options();
    options.atlas = true;
    options.paper = PaperSize::A3;
    options.landscape = true;
    dialog.setOptions(options);
    REQUIRE(dialog.layout() != nullptr);
    CHECK(dialog.layout()->pageCount() == 1 + int(demo.project().territory().epcis.size()));
    dialog.showPage(3);
    CHECK(dialog.currentPage() == 3);

    test::ScratchDir folder;
    const QString pdf = folder.path(QStringLiteral("atlas.pdf"));
    REQUIRE(dialog.exportTo(pdf));
    QFile file(pdf);
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(file.read(5) == QByteArray("%PDF-"));
    CHECK_FALSE(dialog.exportTo(QStringLiteral("/nonexistent/folder/atlas.pdf")));
    CHECK(dialog.lastError().contains(QStringLiteral("/nonexistent/folder/atlas.pdf")));
}

TEST_CASE("opening the demo again opens it as it is — its plans are kept — and lists it in the recent projects")
{
    test::ScratchDir folder;
    const QString demoPath = folder.path(QStringLiteral("demo-04.gpkg"));
    REQUIRE(QFile::copy(test::demoTemplate(), demoPath));
    MainWindow window;
    window.setInteractive(false);
    window.openDemo(demoPath);
    REQUIRE(QTest::qWaitFor([&] { return !window.isBusy(); }, test::kLoadTimeoutMs));
    REQUIRE(window.project() != nullptr);
    REQUIRE(window.planning()->scenarios()->createPlan(QStringLiteral("à garder")));

    window.openDemo(demoPath);
    REQUIRE(QTest::qWaitFor([&] { return !window.isBusy(); }, test::kLoadTimeoutMs));
    INFO(window.lastError().toStdString());
    REQUIRE(window.project() != nullptr);
    CHECK(window.project()->scenarioExists(QStringLiteral("à garder")));
    CHECK(QSettings()
              .value(QStringLiteral("projects/recent"))
              .toStringList()
              .contains(QFileInfo(demoPath).absoluteFilePath()));
}

TEST_CASE("choosing a file that is not a project in Open keeps the project open")
{
    DemoWindow demo;
    const QString openPath = demo.project().path();
    const QString csv = demo.folder.path(QStringLiteral("mairies.csv"));
    QFile file(csv);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("nom;x;y\nMairie;6.2;44.1\n");
    file.close();
    auto* open = demo.window.findChild<QAction*>(QStringLiteral("openProjectAction"));
    REQUIRE(open);
    // The file dialog is answered as a user would: the CSV's name typed, then Open. Asked
    // again on each tick until the dialog is gone: selectFile() leaves the name field alone
    // while it has the focus, which a loaded machine can give it before the first tick.
    QTimer chooser;
    QObject::connect(&chooser, &QTimer::timeout, [&] {
        if (auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget())) {
            dialog->selectFile(csv);
            if (auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"))) name->setText(csv);
            QMetaObject::invokeMethod(dialog, "accept", Qt::QueuedConnection);
        }
    });
    chooser.start(50);
    QSignalSpy failed(&demo.window, &MainWindow::loadFailed);
    open->trigger();
    chooser.stop();
    REQUIRE(QTest::qWaitFor([&] { return !demo.window.isBusy(); }, test::kLoadTimeoutMs));
    CHECK(failed.count() == 1);
    CHECK(demo.window.lastError().contains("mairies.csv"));
    REQUIRE(demo.window.project() != nullptr);
    CHECK(demo.window.project()->path() == openPath);
}

TEST_CASE(
    "every edit is saved when made: the title never claims unsaved changes and does not repeat the name of the application")
{
    DemoWindow demo;
    REQUIRE(demo.window.addPointAtTownHall(QStringLiteral("Seyne")));
    CHECK_FALSE(demo.window.isWindowModified());
    CHECK_FALSE(demo.window.windowTitle().contains(QStringLiteral("[*]")));
    // The platform adds the application's name after the title.
    CHECK_FALSE(demo.window.windowTitle().contains(QStringLiteral("Maillage")));
    CHECK(demo.window.windowTitle().contains(QStringLiteral("04.gpkg")));
    // The edit is already in the file: a project opened from it has the point.
    const Store reopened = Store::open(demo.project().path());
    CHECK(reopened.points().size() == demo.project().points().size());
}

namespace {
// The project's points as the file holds them, by what a planner sees (ids aside: a point
// deleted and restored gets a new one).
std::vector<QString> storedPoints(const QString& path)
{
    std::vector<QString> rows;
    for (const AccueilPoint& p : Store::open(path).points())
        rows.push_back(QStringLiteral("%1|%2|%3|%4|%5|%6")
                           .arg(p.name, p.kind)
                           .arg(int(p.level))
                           .arg(int(p.status))
                           .arg(p.lambert93.x, 0, 'f', 1)
                           .arg(p.lambert93.y, 0, 'f', 1));
    std::sort(rows.begin(), rows.end());
    return rows;
}

// Deletes the first existing point of the baseline through the window's delete command.
void deleteAnExistingPoint(DemoWindow& demo)
{
    for (const AccueilPoint& p : demo.project().points())
        if (p.status == PointStatus::Existing && p.kind == QStringLiteral("france_services")) {
            demo.project().setSelection({p.id});
            break;
        }
    REQUIRE(demo.project().selection().size() == 1);
    demo.window.actions()->deleteSelection->trigger();
}
}  // namespace

TEST_CASE("edits made on the baseline can be discarded: the project's points are back as they were")
{
    DemoWindow demo;
    const QString path = demo.project().path();
    const std::vector<QString> before = storedPoints(path);
    QAction* discard = demo.window.actions()->discardChanges;
    CHECK_FALSE(discard->isEnabled());
    REQUIRE(demo.window.addPointAtTownHall(QStringLiteral("Seyne")));
    deleteAnExistingPoint(demo);
    // Written at once (saving is automatic)…
    REQUIRE(storedPoints(path) != before);
    // …and discarded on request.
    REQUIRE(discard->isEnabled());
    discard->trigger();
    CHECK(storedPoints(path) == before);
    CHECK_FALSE(discard->isEnabled());
    CHECK(demo.window.statusBar()->currentMessage().contains(QStringLiteral("abandonnées")));
}

TEST_CASE("Enregistrer keeps the edits made on the baseline: discarding afterwards leaves them in the project")
{
    DemoWindow demo;
    const QString path = demo.project().path();
    const std::vector<QString> before = storedPoints(path);
    REQUIRE(demo.window.addPointAtTownHall(QStringLiteral("Seyne")));
    const std::vector<QString> edited = storedPoints(path);
    REQUIRE(edited.size() == before.size() + 1);
    demo.window.actions()->save->trigger();
    CHECK_FALSE(demo.window.actions()->discardChanges->isEnabled());
    CHECK_FALSE(demo.window.session()->discardChanges());
    CHECK(storedPoints(path) == edited);
    // A later edit is discarded back to the save, not to the opening.
    deleteAnExistingPoint(demo);
    REQUIRE(demo.window.session()->discardChanges());
    CHECK(storedPoints(path) == edited);
}

TEST_CASE("closing a project with edits asks to keep or discard them, and Annuler leaves it open")
{
    DemoWindow demo;
    const QString path = demo.project().path();
    const std::vector<QString> before = storedPoints(path);
    REQUIRE(demo.window.addPointAtTownHall(QStringLiteral("Seyne")));
    const std::vector<QString> edited = storedPoints(path);
    demo.window.setInteractive(true);
    const auto answer = [&](const QString& button) {
        QStringList buttons;
        test::MessageBoxAnswer answerer([&buttons, button](QMessageBox& box) {
            for (QAbstractButton* b : box.buttons()) buttons << b->text();
            if (button.isEmpty()) box.button(QMessageBox::Cancel)->click();
            for (QAbstractButton* b : box.buttons())
                if (!button.isEmpty() && b->text() == button) b->click();
        });
        demo.window.actions()->closeProject->trigger();
        CHECK(answerer.answered());
        return buttons;
    };
    const QStringList buttons = answer({});  // Annuler
    INFO(buttons.join(QStringLiteral(" | ")).toStdString());
    CHECK(buttons.contains(QStringLiteral("Garder les modifications")));
    CHECK(buttons.contains(QStringLiteral("Abandonner les modifications")));
    REQUIRE(demo.window.project() != nullptr);
    CHECK(storedPoints(path) == edited);
    answer(QStringLiteral("Abandonner les modifications"));
    demo.window.setInteractive(false);
    CHECK(demo.window.project() == nullptr);
    CHECK(storedPoints(path) == before);
}

TEST_CASE("closing a project with edits and keeping them leaves them in the file, without a question the next time")
{
    DemoWindow demo;
    const QString path = demo.project().path();
    REQUIRE(demo.window.addPointAtTownHall(QStringLiteral("Seyne")));
    const std::vector<QString> edited = storedPoints(path);
    demo.window.setInteractive(true);
    {
        test::MessageBoxAnswer keep([](QMessageBox& box) {
            for (QAbstractButton* b : box.buttons())
                if (b->text() == QStringLiteral("Garder les modifications")) b->click();
        });
        CHECK(demo.window.session()->confirmClose());
        CHECK(keep.answered());
    }
    CHECK(demo.window.session()->confirmClose());  // nothing left to discard: no question
    demo.window.setInteractive(false);
    demo.window.session()->closeProject();
    CHECK(storedPoints(path) == edited);
}

TEST_CASE("Ctrl+Z undoes the last edit while the threshold box has the focus")
{
    DemoWindow demo;
    const std::size_t before = demo.project().points().size();
    REQUIRE(demo.window.addPointAtTownHall(QStringLiteral("Seyne")));
    REQUIRE(demo.project().points().size() == before + 1);
    auto* threshold = demo.window.findChild<QSpinBox*>(QStringLiteral("thresholdBox"));
    REQUIRE(threshold);
    demo.window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&demo.window));
    threshold->setFocus();
    REQUIRE(QTest::qWaitFor([&] { return threshold->hasFocus(); }, 2000));
    const int thresholdBefore = threshold->value();
    QTest::keyClick(threshold, Qt::Key_Z, Qt::ControlModifier);
    CHECK(demo.project().points().size() == before);
    CHECK(threshold->value() == thresholdBefore);
}

TEST_CASE("maillage-gui --help and --version answer without a display")
{
    const QString gui = QStringLiteral(MAILLAGE_GUI_PATH);
    for (const char* option : {"--help", "--version"}) {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            environment.remove(QString::fromLatin1(name));
        process.setProcessEnvironment(environment);
        process.start(gui, {QString::fromLatin1(option)});
        REQUIRE(process.waitForFinished(30'000));
        INFO(option << ": " << process.readAllStandardError().toStdString());
        CHECK(process.exitStatus() == QProcess::NormalExit);
        CHECK(process.exitCode() == 0);
        const QString printed = QString::fromUtf8(process.readAllStandardOutput());
        CHECK(printed.contains(QString::fromLatin1(option) == QLatin1String("--help") ? QStringLiteral("--demo")
                                                                                      : QStringLiteral("maillage")));
    }
}

TEST_CASE("a France services placed too far from any road is said to be left out in the statistics")
{
    DemoWindow demo;
    const double before = demo.beyond();
    const int leftOutBefore =
        demo.coverage().result().unjoinedPoints;  // points of neighbouring départements off the network
    CHECK(demo.coverage().result().unjoinedOutsideTerritory == leftOutBefore);
    // Those are said plainly, not as a warning.
    CHECK_FALSE(demo.window.statistics()->summaryText().contains(QStringLiteral("laissé(s) de côté")));
    CHECK(demo.window.statistics()->summaryText().contains(
        QStringLiteral("%1 point(s) hors du territoire non pris en compte").arg(leftOutBefore)));
    // A place of the 04 beyond the snap limit, found around the gap west of Villars-Colmars.
    const std::optional<XY> gap = demo.placeBeyondSnapLimit();
    REQUIRE(gap);
    demo.zoomAround(*gap, 4000);
    auto* kind = demo.window.findChild<QComboBox*>(QStringLiteral("newPointKind"));
    REQUIRE(kind);
    kind->setCurrentIndex(kind->findData(QStringLiteral("france_services")));
    demo.canvas().setTool(MapCanvas::Tool::AddPoint);
    QTest::mouseClick(&demo.canvas(), Qt::LeftButton, Qt::NoModifier, demo.screen(*gap));
    demo.settle();
    // Said at once (a question offering the nearest road when the window is interactive).
    CHECK(demo.window.statusBar()->currentMessage().contains(QStringLiteral("route la plus proche")));
    CHECK(demo.coverage().result().unjoinedPoints == leftOutBefore + 1);
    CHECK(demo.beyond() == Approx(before));
    const QString summary = demo.window.statistics()->summaryText();
    INFO(summary.toStdString());
    CHECK(summary.contains(QStringLiteral("1 point(s) laissé(s) de côté")));  // the one of the 04, in red
    CHECK(summary.contains(QStringLiteral("%1 point(s) hors du territoire").arg(leftOutBefore)));
    CHECK(summary.contains(QStringLiteral("trop loin de toute route")));
}

TEST_CASE("a plan that only closes roads is printed under its own name, not as the current situation")
{
    DemoWindow demo;
    // Pixels of the closed-road colour on the first page of what the dialog prints.
    const auto closedPixels = [&demo] {
        PdfExportDialog dialog(demo.project(), demo.coverage(), *demo.window.layers(), &demo.window);
        REQUIRE(dialog.layout() != nullptr);
        const QImage page = dialog.layout()->pageImage(0, 1.0).convertToFormat(QImage::Format_RGB32);
        int count = 0;
        for (int y = 0; y < page.height(); ++y)
            for (int x = 0; x < page.width(); ++x)
                count += channelDistance(page.pixel(x, y), render::ClosedRoadsLayer::kClosedColour) <= 12;
        return count;
    };
    const int baselinePixels = closedPixels();
    REQUIRE(demo.window.planning()->scenarios()->createPlan(QStringLiteral("hiver")));
    REQUIRE(demo.window.planning()->applyClosurePreset(QStringLiteral("hiver-04")));
    demo.settle();
    // Its closed roads are drawn, in the closed-road colour of the map.
    CHECK(closedPixels() > baselinePixels + 30);
    PdfExportDialog dialog(demo.project(), demo.coverage(), *demo.window.layers(), &demo.window);
    if (const QByteArray shots = qgetenv("MAILLAGE_SCREENSHOTS"); !shots.isEmpty() && dialog.layout())
        dialog.layout()->pageImage(0, 1.0).save(
            QDir(QString::fromLocal8Bit(shots)).filePath(QStringLiteral("pdf-plan-hiver.png")));
    test::ScratchDir folder;
    const QString pdf = folder.path(QStringLiteral("hiver.pdf"));
    REQUIRE(dialog.exportTo(pdf));
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()) {
        WARN("poppler-utils not installed: the PDF's text is not checked");
        return;
    }
    QProcess text;
    text.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    REQUIRE(text.waitForFinished(30'000));
    const QString printed = QString::fromUtf8(text.readAllStandardOutput());
    INFO(printed.left(400).toStdString());
    CHECK(printed.contains(QStringLiteral("hiver")));
    CHECK_FALSE(printed.contains(QStringLiteral("situation actuelle")));
}

TEST_CASE("live drag rate through the window", "[.][benchmark]")
{
    DemoWindow demo;
    const AccueilPoint* dragged = nullptr;
    for (const AccueilPoint& p : demo.project().points())
        if (p.kind == "france_services" && !p.outsideTerritory) {
            dragged = &p;
            break;
        }
    REQUIRE(dragged);
    demo.canvas().zoomHome();
    const QPoint from = demo.screen(dragged->lambert93);
    test::sendMouse(demo.canvas(), QEvent::MouseButtonPress, from, Qt::LeftButton);
    const int steps = 100;
    QElapsedTimer clock;
    clock.start();
    for (int i = 1; i <= steps; ++i) {
        test::sendMouse(demo.canvas(), QEvent::MouseMove, from + QPoint(i * 2, i), Qt::LeftButton);
        demo.coverage().recomputeNow();
        demo.canvas().repaint();
    }
    const double perUpdate = clock.nsecsElapsed() / 1e6 / steps;
    test::sendMouse(demo.canvas(), QEvent::MouseButtonRelease, from + QPoint(steps * 2, steps), Qt::NoButton);
    WARN("window " << demo.canvas().width() << "x" << demo.canvas().height() << " map: " << perUpdate
                   << " ms per drag update (" << 1000.0 / perUpdate << " updates/s), coverage recompute "
                   << demo.coverage().lastMilliseconds() << " ms");
    CHECK(1000.0 / perUpdate >= 20.0);
}

TEST_CASE("the canvas and the printed map stack the same layers in the same order")
{
    QSettings().remove(QStringLiteral("layers"));  // no order kept from another test
    DemoWindow demo;
    const auto idsOf = [](const LayerStack& layers) {
        std::vector<QString> ids;
        for (const MapLayer* layer : layers.layers()) ids.push_back(layer->id());
        return ids;
    };
    // Those of a print: without a plan's closures, nor the application's own planning layers.
    const auto printable = [](std::vector<QString> ids) {
        std::erase_if(ids,
                      [](const QString& id) { return id == "closedRoads" || id == "difference" || id == "suggestions"; });
        return ids;
    };
    LayerStack& layers = *demo.window.layers();
    std::vector<QString> everyLayerButChanges = mapLayerOrder();
    std::erase(everyLayerButChanges, QStringLiteral("changes"));
    CHECK(idsOf(layers) == everyLayerButChanges);

    const PrintContent content = printContent(demo.project(), demo.coverage());
    CHECK(PrintLayout(content, {}).mapLayerIds() == printable(idsOf(layers)));

    // The user's order on the canvas is the order printed.
    layers.move(layers.indexOf(layers.layer("roads")), layers.indexOf(layers.layer("labels")));
    layers.move(layers.indexOf(layers.layer("gaps")), 0);
    PrintOptions options;
    options.layers = layerStates(layers);
    CHECK(PrintLayout(content, options).mapLayerIds() == printable(idsOf(layers)));
}

TEST_CASE("commune names are drawn above the point symbols and the roads above the coverage fill, on screen and on paper")
{
    QSettings().remove(QStringLiteral("layers"));
    DemoWindow demo;
    const auto above = [](const std::vector<QString>& ids, const char* upper, const char* lower) {
        const auto at = [&](const char* id) { return std::find(ids.begin(), ids.end(), QString::fromLatin1(id)); };
        return at(upper) != ids.end() && at(lower) != ids.end() && at(upper) > at(lower);
    };
    std::vector<QString> canvas;
    for (const MapLayer* layer : demo.window.layers()->layers()) canvas.push_back(layer->id());
    const std::vector<QString> printed = PrintLayout(printContent(demo.project(), demo.coverage()), {}).mapLayerIds();
    for (const std::vector<QString>* ids : {&std::as_const(canvas), &printed}) {
        CHECK(above(*ids, "labels", "points"));
        CHECK(ids->back() == QStringLiteral("labels"));
        CHECK(above(*ids, "roads", "gaps"));
        CHECK(above(*ids, "roads", "bands"));
    }
    CHECK(above(canvas, "labels", "suggestions"));
}

TEST_CASE("a layer order saved before the names went above the points is not restored over the new order")
{
    QSettings settings;
    settings.remove(QStringLiteral("layers"));
    // As an earlier version saved it: names under the planning layers and the points, no version.
    settings.setValue(QStringLiteral("layers/order"),
                      QStringList{"communes", "bands", "gaps", "commune-lines", "roads", "closedRoads", "epci",
                                  "departement", "labels", "difference", "suggestions", "points"});
    {
        DemoWindow demo;
        const LayerStack& layers = *demo.window.layers();
        CHECK(layers.indexOf(layers.layer("labels")) > layers.indexOf(layers.layer("points")));
        // The user's own order of this version is kept from one run to the next.
        demo.window.layers()->move(layers.indexOf(layers.layer("roads")), 0);
        demo.window.session()->closeProject();  // saves the layers' settings
    }
    DemoWindow again;
    CHECK(again.window.layers()->indexOf(again.window.layers()->layer("roads")) == 0);
    QSettings().remove(QStringLiteral("layers"));
}

TEST_CASE("closing the project takes its summary line out of the status bar")
{
    DemoWindow demo;
    const QString summary = demo.window.statusBar()->currentMessage();
    REQUIRE(summary.contains(demo.project().displayName()));
    REQUIRE(summary.contains(QStringLiteral("communes")));
    demo.window.session()->closeProject();
    CHECK_FALSE(demo.window.statusBar()->currentMessage().contains(QStringLiteral("communes")));
    CHECK(demo.window.statusBar()->currentMessage().isEmpty());
}

TEST_CASE("the question for a point far from any road gives the distance in the interface's number format")
{
    DemoWindow demo;
    const std::optional<XY> gap = demo.placeBeyondSnapLimit();
    REQUIRE(gap);
    const auto far = demo.window.farFromRoad(*gap);
    REQUIRE(far);
    const QLocale before = QLocale();
    const auto askedWith = [&](const QLocale& locale) {
        QLocale::setDefault(locale);
        demo.window.addPointAt(*gap);  // not interactive: the question goes to the status bar
        const QString text = demo.window.statusBar()->currentMessage();
        demo.project().undoStack()->undo();
        return text;
    };
    const double km = far->metres / 1000.0;
    const QString french = askedWith(QLocale(QLocale::French, QLocale::France));
    const QString english = askedWith(QLocale(QLocale::English, QLocale::UnitedKingdom));
    QLocale::setDefault(before);
    // One decimal: a comma in French, a point in English (never the C locale's point in French).
    const QString frenchKm = QString::number(km, 'f', 1).replace(QLatin1Char('.'), QLatin1Char(','));
    INFO(french.toStdString() << " / " << english.toStdString());
    CHECK(french.contains(frenchKm + QStringLiteral(" km")));
    CHECK(english.contains(QString::number(km, 'f', 1) + QStringLiteral(" km")));
}

TEST_CASE("the point form edits the operators a visio point serves and refuses a code that is no operator")
{
    DemoWindow demo;
    const AccueilPoint* point = nullptr;
    for (const AccueilPoint& p : demo.project().points())
        if (p.kind == QStringLiteral("france_services") && p.id > 0) point = &p;
    REQUIRE(point);
    const qint64 id = point->id;
    demo.project().setSelection({id});
    QCoreApplication::processEvents();

    auto* serves = demo.window.findChild<QLineEdit*>(QStringLiteral("pointServes"));
    auto* apply = demo.window.findChild<QPushButton*>(QStringLiteral("applyPoint"));
    REQUIRE(serves);
    REQUIRE(apply);
    CHECK(serves->text().isEmpty());
    serves->setText(QStringLiteral("caf;mairie"));  // a town hall is no level-3 operator
    CHECK_FALSE(apply->isEnabled());
    CHECK(serves->toolTip().contains(QStringLiteral("mairie")));
    serves->setText(QStringLiteral("caf; pole_emploi"));  // an Annuaire code becomes its kind
    REQUIRE(apply->isEnabled());
    apply->click();
    const QStringList expected{QStringLiteral("caf"), QStringLiteral("france_travail")};
    CHECK(QTest::qWaitFor([&] { return Store::open(demo.project().path()).point(id)->serves == expected; }, 5000));
    CHECK(serves->text() == QStringLiteral("caf;france_travail"));
}

TEST_CASE("the demo on the detailed network credits OpenStreetMap for its roads, not the coarse network's source")
{
    const Store store = Store::open(test::demoTemplate());
    REQUIRE(loadProjectInputs(store).profile == QStringLiteral("osm"));
    const ProjectSources sources = loadProjectSources(store);
    CHECK(sources.roads.contains(QStringLiteral("OpenStreetMap")));
    CHECK_FALSE(sources.roads.contains(QStringLiteral("TravelMapping")));
}

TEST_CASE("the application's demo places people by INSEE's grid and holds the operators, as scripts/demo.sh does")
{
    const Store store = Store::open(test::demoTemplate());
    const ProjectInputs inputs = loadProjectInputs(store);
    CHECK(inputs.populationGrid.path.endsWith(QStringLiteral("filosofi-2021-carreaux-200m-04.csv")));
    CHECK(inputs.buildings.path.endsWith(QStringLiteral("batiments-osm-04.gpkg")));
    CHECK(inputs.defaultPopulationMethod() == PopulationMethod::Grid);
    const std::vector<AccueilPoint> operators = store.points({.level = Level::Third});
    CHECK(operators.size() >= 20);
    CHECK(std::any_of(operators.begin(), operators.end(),
                      [](const AccueilPoint& p) { return p.kind == QStringLiteral("caf"); }));
    const ProjectSources sources = loadProjectSources(store);
    REQUIRE(sources.points.count(QStringLiteral("operateurs")) == 1);
    CHECK(sources.points.at(QStringLiteral("operateurs")).contains(QStringLiteral("DILA")));
}

namespace {

// The table cell whose column header is `label`, in `row`; null when there is no such column.
QTableWidgetItem* cellUnder(QTableWidget& table, int row, const QString& label)
{
    for (int c = 0; c < table.columnCount(); ++c)
        if (table.horizontalHeaderItem(c)->text() == label) return table.item(row, c);
    return nullptr;
}

}  // namespace

TEST_CASE("the access dialog gives, from each EPCI seat, the places and times maillage coverage writes")
{
    DemoWindow demo;
    test::ScratchDir out;
    REQUIRE(test::cliExitCode(
                {"coverage", "--project", demo.project().path(), "--out", out.path("result.gpkg"), "--csv", out.path("csv")})
            == 0);
    const CsvTable written = CsvTable::readFile(out.path("csv/access_epci_seats.csv"));

    AccessDialog dialog(demo.coverage());
    test::saveShot(dialog, QStringLiteral("access-fr.png"));
    QTableWidget& table = *dialog.accessTable();
    REQUIRE(table.rowCount() == int(written.records().size()));
    int compared = 0;
    for (int c = 0; c < written.header().size(); ++c) {
        if (!written.header()[c].endsWith(QStringLiteral(" - min"))) continue;
        const QString label = written.header()[c].chopped(6);
        const int nameColumn = written.column(label + QStringLiteral(" - name"));
        for (int r = 0; r < table.rowCount(); ++r) {
            const CsvRecord& record = written.records()[std::size_t(r)];
            QTableWidgetItem* cell = cellUnder(table, r, label);
            REQUIRE(cell);
            if (record.value(c).isEmpty()) {
                CHECK(cell->text() == AccessDialog::tr("aucun lieu atteignable"));
                continue;
            }
            INFO(label.toStdString() << ": " << cell->text().toStdString());
            CHECK(cell->text().endsWith(QStringLiteral(" · ") + record.value(nameColumn)));
            CHECK(cell->toolTip().startsWith(record.value(nameColumn)));
            // Whole minutes on screen, tenths in the file: the same time within rounding.
            // "18 min · …" or "1 h 04 · …".
            const QRegularExpressionMatch shown =
                QRegularExpression(QStringLiteral("^(?:(\\d+) h (\\d+)|(\\d+) min) · ")).match(cell->text());
            REQUIRE(shown.hasMatch());
            const double minutes = shown.captured(3).isEmpty()
                                       ? 60.0 * shown.captured(1).toDouble() + shown.captured(2).toDouble()
                                       : shown.captured(3).toDouble();
            CHECK(std::abs(minutes - record.value(c).toDouble()) <= 0.55);
            ++compared;
        }
    }
    CHECK(compared > 13 * 4);  // every seat, France services and at least three operators

    // The referrals: every first- and second-level point sent on; the filter keeps those beyond.
    QTableWidget& referrals = *dialog.referralTable();
    const int all = referrals.rowCount();
    CHECK(all > 198 * 2);  // each town hall to level 2 and to level 3, at least
    dialog.beyondOnly()->setChecked(true);
    if (QTabWidget* tabs = dialog.findChild<QTabWidget*>()) tabs->setCurrentIndex(1);
    test::saveShot(dialog, QStringLiteral("referrals-beyond-fr.png"));
    CHECK(referrals.rowCount() > 0);
    CHECK(referrals.rowCount() < all);
}

TEST_CASE("a visio point shows in the access dialog beside the desks it stands in for")
{
    DemoWindow demo;
    {
        AccessDialog dialog(demo.coverage());
        for (int c = 0; c < dialog.accessTable()->columnCount(); ++c)
            CHECK_FALSE(dialog.accessTable()->horizontalHeaderItem(c)->text().endsWith(QStringLiteral(" en visio")));
    }
    AccueilPoint visio;
    visio.name = QStringLiteral("Point visio de Seyne");
    visio.level = Level::Third;
    visio.kind = QStringLiteral("visio");
    visio.serves = {QStringLiteral("caf")};
    visio.wgs84 = {6.3563, 44.3496};
    visio.lambert93 = toLambert93(visio.wgs84);
    visio.communeInsee = QStringLiteral("04205");
    demo.project().undoStack()->push(new AddPointCommand(demo.project(), visio));
    demo.settle();

    AccessDialog dialog(demo.coverage());
    QStringList visioColumns;
    for (int c = 0; c < dialog.accessTable()->columnCount(); ++c)
        if (dialog.accessTable()->horizontalHeaderItem(c)->text().endsWith(QStringLiteral(" en visio")))
            visioColumns << dialog.accessTable()->horizontalHeaderItem(c)->text();
    CHECK(visioColumns.size() >= 1);
    bool servedByVideo = false;
    QTableWidget& referrals = *dialog.referralTable();
    for (int r = 0; r < referrals.rowCount(); ++r)
        if (QTableWidgetItem* cell = cellUnder(referrals, r, AccessDialog::tr("En visio")))
            servedByVideo = servedByVideo || cell->text().endsWith(visio.name);
    CHECK(servedByVideo);
}

TEST_CASE("the sensitivity dialog gives the département's people beyond by each method, the window's own first")
{
    DemoWindow demo;
    SensitivityDialog dialog(demo.coverage());
    test::saveShot(dialog, QStringLiteral("sensitivity-fr.png"));
    QTableWidget& table = *dialog.methodsTable();
    QStringList header;
    for (int c = 0; c < table.columnCount(); ++c) header << table.horizontalHeaderItem(c)->text();
    for (const QString& method : {SensitivityDialog::tr("Carreaux INSEE"), SensitivityDialog::tr("Bâtiments"),
                                  SensitivityDialog::tr("Répartie près des routes"), SensitivityDialog::tr("À la mairie")})
        CHECK(header.contains(method));
    const QString total = formatCount(demo.project().territory().population());
    int departement = -1;
    for (int r = 0; r < table.rowCount(); ++r)
        if (table.item(r, 1)->text() == total) departement = r;
    REQUIRE(departement >= 0);
    CHECK(cellUnder(table, departement, SensitivityDialog::tr("Carreaux INSEE"))->text()
          == formatCount(std::llround(demo.beyond())));
}
