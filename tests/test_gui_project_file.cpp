// The project file seen from the application: the new-project dialog stores where people
// live (INSEE grid, buildings) as `maillage init` does (issue 14), and the application
// notices that another program changed the open project's file (issue 15, point 6): a real
// `maillage import` into the project while it is open is seen, and the reload is offered;
// the application's own edits are not taken for another program's.
#include <catch2/catch.hpp>
#include "common/error.h"
#include "common/gdal.h"

#include "main_window.h"
#include "new_project_dialog.h"
#include "project.h"
#include "project/project_settings.h"
#include "project_file_watcher.h"
#include "project_loading.h"
#include "store/store.h"
#include "support/demo_window.h"
#include "support/test_data.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QWidget>

#include <cpl_error.h>

using namespace maillage;
using namespace maillage::gui;

namespace {

// A 04 project with its town halls, made by the command-line program.
QString project04(const test::ScratchDir& scratch)
{
    const QString limits = test::sharedData(QStringLiteral("04/limites-04.gpkg"));
    const QString path = scratch.path(QStringLiteral("04.gpkg"));
    REQUIRE(test::cliExitCode({"init", "--project", path, "--communes", limits, "--communes-layer", "commune"}) == 0);
    REQUIRE(test::cliExitCode({"import", "--project", path, test::sharedData(QStringLiteral("04/mairies-04.csv"))}) == 0);
    return path;
}

AccueilPoint newPoint()
{
    AccueilPoint point;
    point.name = QStringLiteral("France services de Thoard");
    point.level = Level::Second;
    point.kind = QStringLiteral("france_services");
    point.wgs84 = {6.1480, 44.1510};
    point.lambert93 = {943'000.0, 6'348'000.0};
    return point;
}

}  // namespace

TEST_CASE("an import by another program into the open project is noticed and a reload is offered")
{
    test::ScratchDir scratch;
    const QString path = project04(scratch);
    QWidget window;
    Project project(Store::open(path), std::make_shared<ProjectData>());
    auto* watcher = new ProjectFileWatcher(&project, &window);
    QSignalSpy changed(watcher, &ProjectFileWatcher::changedOnDisk);
    QSignalSpy reload(watcher, &ProjectFileWatcher::reloadRequested);

    // The application's own edits change the file too, but are not another program's.
    const qint64 id = project.insertPoint(newPoint());
    AccueilPoint moved = *project.point(id);
    moved.name = QStringLiteral("France services de Thoard (mairie)");
    project.updatePoint(moved);
    project.removePoint(id);
    test::processEventsFor(1200);
    CHECK(changed.isEmpty());
    CHECK(watcher->question() == nullptr);

    // Another program imports 78 France services into the file.
    const std::optional<quint32> before = ProjectFileWatcher::changeCounter(path);
    REQUIRE(test::cliExitCode({"import", "--project", path, test::sharedData(QStringLiteral("04/france-services-2024.csv"))})
            == 0);
    CHECK(ProjectFileWatcher::changeCounter(path) != before);
    for (int i = 0; i < 50 && changed.isEmpty(); ++i) test::processEventsFor(100);
    REQUIRE(changed.size() == 1);
    CHECK(changed.first().first().toString() == QFileInfo(path).absoluteFilePath());

    // The question is asked once; "Relire le projet" asks the window to read the file again.
    QMessageBox* question = watcher->question();
    REQUIRE(question != nullptr);
    CHECK(question->isVisible());
    CHECK(question->text().contains(QStringLiteral("modifié par un autre programme")));
    QAbstractButton* reloadButton = nullptr;
    for (QAbstractButton* button : question->buttons())
        if (button->text() == QStringLiteral("Relire le projet")) reloadButton = button;
    REQUIRE(reloadButton != nullptr);
    reloadButton->click();
    REQUIRE(reload.size() == 1);
    CHECK(reload.first().first().toString() == QFileInfo(path).absoluteFilePath());

    // Reloaded, the project shows the imported points.
    project.reloadPoints();
    CHECK(project.points().size() == std::size_t(Store::open(path).pointCount()));
}

TEST_CASE("a change by another program declined with Plus tard is not asked again until the next change")
{
    test::ScratchDir scratch;
    const QString path = project04(scratch);
    QWidget window;
    Project project(Store::open(path), std::make_shared<ProjectData>());
    auto* watcher = new ProjectFileWatcher(&project, &window);
    QSignalSpy changed(watcher, &ProjectFileWatcher::changedOnDisk);
    QSignalSpy reload(watcher, &ProjectFileWatcher::reloadRequested);

    REQUIRE(test::cliExitCode({"scenario", "--project", path, "create", "plan"}) == 0);
    for (int i = 0; i < 50 && changed.isEmpty(); ++i) test::processEventsFor(100);
    REQUIRE(changed.size() == 1);
    REQUIRE(watcher->question() != nullptr);
    for (QAbstractButton* button : watcher->question()->buttons())
        if (button->text() == QStringLiteral("Plus tard")) button->click();
    test::processEventsFor(800);
    CHECK(reload.isEmpty());
    CHECK(changed.size() == 1);

    REQUIRE(test::cliExitCode({"scenario", "--project", path, "create", "plan-2"}) == 0);
    for (int i = 0; i < 50 && changed.size() < 2; ++i) test::processEventsFor(100);
    CHECK(changed.size() == 2);
}

TEST_CASE("the main window offers to read again a project another program imported into, and shows the new points")
{
    test::ScratchDir scratch;
    const QString path = project04(scratch);
    MainWindow window;
    window.show();
    QSignalSpy opened(&window, &MainWindow::projectOpened);
    window.openProject(path);
    REQUIRE((opened.size() == 1 || opened.wait(60'000)));
    const std::size_t before = window.project()->points().size();

    REQUIRE(test::cliExitCode({"import", "--project", path, test::sharedData(QStringLiteral("04/france-services-2024.csv"))})
            == 0);
    const auto* watcher = window.project()->findChild<ProjectFileWatcher*>();
    REQUIRE(watcher != nullptr);
    QMessageBox* question = nullptr;
    for (int i = 0; i < 50 && !question; ++i) {
        test::processEventsFor(100);
        question = watcher->question();
    }
    REQUIRE(question != nullptr);
    for (QAbstractButton* button : question->buttons())
        if (button->text() == QStringLiteral("Relire le projet")) button->click();
    REQUIRE(opened.wait(60'000));
    CHECK(window.project()->points().size() > before);
    CHECK(window.project()->points().size() == std::size_t(Store::open(path).pointCount()));
}

TEST_CASE("the new-project dialog stores the INSEE grid and the buildings as maillage init does")
{
    test::ScratchDir scratch;
    const QString limits = test::sharedData(QStringLiteral("04/limites-04.gpkg"));
    const QString grid = test::sharedData(QStringLiteral("04/filosofi-2021-carreaux-200m-04.csv"));
    const QString buildings = test::sharedData(QStringLiteral("04/batiments-osm-04.gpkg"));

    NewProjectDialog dialog(scratch.path(QString()));
    const auto setPath = [&](const char* name, const QString& path) {
        auto* edit = dialog.findChild<QLineEdit*>(QString::fromUtf8(name));
        REQUIRE(edit != nullptr);
        edit->setText(path);
        Q_EMIT edit->editingFinished();  // as when the user leaves the field: its layers are listed
    };
    const QString fromDialog = scratch.path(QStringLiteral("dialog.gpkg"));
    setPath("projectPath", fromDialog);
    setPath("communesPath", limits);
    setPath("populationGridPath", grid);
    setPath("buildingsPath", buildings);
    auto* minimumArea = dialog.findChild<QDoubleSpinBox*>(QStringLiteral("buildingsMinimumArea"));
    REQUIRE(minimumArea != nullptr);
    CHECK(minimumArea->value() == 20.0);  // the CLI's default
    minimumArea->setValue(30.0);
    test::saveShot(dialog, QStringLiteral("new-project-fr.png"));

    ProjectInputs inputs = dialog.inputs();
    inputs.territory.communes.layer = QStringLiteral("commune");  // the file has three layers
    CHECK(inputs.populationGrid.path == QFileInfo(grid).absoluteFilePath());
    CHECK(inputs.buildings.path == QFileInfo(buildings).absoluteFilePath());
    CHECK(inputs.buildings.layer == QStringLiteral("buildings"));
    CHECK(inputs.buildings.minimumBuildingAreaM2 == 30.0);
    CHECK(inputs.defaultPopulationMethod() == PopulationMethod::Grid);

    LoadProgress progress([](int, const QString&) {}, [] { return false; });
    REQUIRE(createProject(fromDialog, inputs, progress) != nullptr);

    const QString fromCli = scratch.path(QStringLiteral("cli.gpkg"));
    REQUIRE(test::cliExitCode({"init", "--project", fromCli, "--communes", limits, "--communes-layer", "commune",
                               "--population-grid", grid, "--buildings", buildings, "--buildings-layer", "buildings",
                               "--buildings-min-area", "30"})
            == 0);
    const ProjectInputs savedByDialog = loadProjectInputs(Store::open(fromDialog));
    const ProjectInputs savedByCli = loadProjectInputs(Store::open(fromCli));
    for (const auto* saved : {&savedByDialog, &savedByCli}) {
        CHECK(saved->populationGrid.path == QFileInfo(grid).absoluteFilePath());
        CHECK(saved->buildings.path == QFileInfo(buildings).absoluteFilePath());
        CHECK(saved->buildings.layer == QStringLiteral("buildings"));
        CHECK(saved->buildings.minimumBuildingAreaM2 == 30.0);
    }
    CHECK(savedByDialog.populationGrid.valueField == savedByCli.populationGrid.valueField);
    CHECK(savedByDialog.populationGrid.rectanglesPath == savedByCli.populationGrid.rectanglesPath);
    CHECK(savedByDialog.defaultPopulationMethod() == savedByCli.defaultPopulationMethod());
}

TEST_CASE("a population file that holds no one in the territory is refused and no project is created")
{
    test::ScratchDir scratch;
    NewProjectDialog dialog(scratch.path(QString()));
    const QString project = scratch.path(QStringLiteral("p.gpkg"));
    const QString elsewhere = scratch.path(QStringLiteral("elsewhere.csv"));
    {
        QFile file(elsewhere);  // one INSEE square in Brittany
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("idcar_200m,i_est_200,ind\nCRS3035RES200mN2800000E3300000,0,12\n");
    }
    dialog.findChild<QLineEdit*>(QStringLiteral("projectPath"))->setText(project);
    dialog.findChild<QLineEdit*>(QStringLiteral("communesPath"))
        ->setText(test::sharedData(QStringLiteral("04/limites-04.gpkg")));
    dialog.findChild<QLineEdit*>(QStringLiteral("populationGridPath"))->setText(elsewhere);
    ProjectInputs inputs = dialog.inputs();
    inputs.territory.communes.layer = QStringLiteral("commune");
    LoadProgress progress([](int, const QString&) {}, [] { return false; });
    try {
        createProject(project, inputs, progress);
        FAIL("the project was created");
    } catch (const Error& error) {
        CHECK(error.message().contains(QStringLiteral("elsewhere.csv")));
        CHECK(error.message().contains(QStringLiteral("ne contient personne")));
    }
    CHECK_FALSE(QFileInfo::exists(project));
}
