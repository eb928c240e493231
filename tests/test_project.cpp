// core/project: a project loaded as both programs load it (territory, network through its
// prepared file, coverage context with the kept links), the full run every export writes, and
// the planned point a suggested site becomes.
#include <catch2/catch.hpp>

#include "coverage/coverage_run.h"
#include "importers/point_importers.h"
#include "network/prepared_network.h"
#include "project/full_coverage.h"
#include "project/loaded_project.h"
#include "support/test_data.h"

#include <QFileInfo>

using namespace maillage;

namespace {

// The 04 boundaries, the coarse road network (fast to read) and the town halls and France
// services, as a project file at `dir` would name them.
struct Project04 {
    test::ScratchDir dir;
    ProjectInputs inputs;
    std::vector<AccueilPoint> points;
    CoverageSetup grid{.cellSize = 1000.0, .placement = {}, .threads = 2};

    Project04()
    {
        inputs.territory.communes = {test::sharedData("04/limites-04.gpkg"), QStringLiteral("commune")};
        inputs.territory.epcis = LayerSource{test::sharedData("04/limites-04.gpkg"), QStringLiteral("epci")};
        inputs.networkPath = test::sharedData("04/routes-04.geojson");
        inputs.profile = QStringLiteral("generalised");
        inputs.projectPath = dir.path(QStringLiteral("p.gpkg"));
        points = readMairiesCsv(test::sharedData("04/mairies-04.csv")).points;
        const auto franceServices = readFranceServicesCsv(test::sharedData("04/france-services-2024.csv")).points;
        points.insert(points.end(), franceServices.begin(), franceServices.end());
        for (std::size_t i = 0; i < points.size(); ++i) points[i].id = qint64(i + 1);
    }

    QString preparedPath() const { return preparedNetworkPathFor(inputs.projectPath); }

    // Territory and network, as the command line and the application load them.
    LoadedProject load() const
    {
        LoadedProject project = loadProjectTerritory(inputs);
        loadNetwork(project, networkSourceOf(inputs), points, {.preparedPath = preparedPath(), .progress = {}});
        return project;
    }

    // Loaded, with its coverage context on the grid.
    LoadedProject loadForCoverage() const
    {
        LoadedProject project = load();
        prepareCoverage(project, points, grid);
        return project;
    }
};

}  // namespace

TEST_CASE("a project is loaded with its territory and network, and the prepared network and grid links serve again")
{
    const Project04 setup;
    LoadedProject first = setup.load();
    CHECK(first.territory.communes.size() == 198);
    CHECK(first.profile.name == QStringLiteral("generalised"));
    CHECK(first.network.path == setup.inputs.networkPath);
    REQUIRE(first.graph);
    CHECK(first.graph->nodeCount() > 1000);
    CHECK(first.prepared.written);
    CHECK_FALSE(first.prepared.reused);
    CHECK(prepareCoverage(first, setup.points, setup.grid).isEmpty());
    REQUIRE(first.coverage);
    CHECK_FALSE(first.coverage->linksReused());  // snapped, then kept in the prepared file

    LoadedProject second = setup.load();
    CHECK(second.prepared.reused);
    CHECK(second.connectors.connectors == first.connectors.connectors);  // kept with the network
    CHECK(second.graph->nodeCount() == first.graph->nodeCount());
    CHECK(prepareCoverage(second, setup.points, setup.grid).isEmpty());
    CHECK(second.coverage->linksReused());

    // The same times, cell by cell, whichever way the links came.
    const std::vector<AccueilPoint> level2 = coveragePoints(setup.points, 2);
    const CoverageResult a = computeCoverage(*first.coverage, level2);
    const CoverageResult b = computeCoverage(*second.coverage, level2);
    CHECK(a.surface.minutes == b.surface.minutes);
    CHECK(a.population.departement.beyondSpread == b.population.departement.beyondSpread);

    SECTION("with roads closed, nothing is read from the prepared network nor kept in it")
    {
        const QDateTime written = QFileInfo(setup.preparedPath()).lastModified();
        LoadedProject closed = setup.load();
        REQUIRE_FALSE(closed.prepared.links.empty());
        CoverageSetup coarser = setup.grid;
        coarser.cellSize = 1500.0;  // links that would be kept, were the roads as read
        CHECK(prepareCoverage(closed, setup.points, coarser, Roads::WithClosures).isEmpty());
        CHECK_FALSE(closed.coverage->linksReused());
        CHECK(QFileInfo(setup.preparedPath()).lastModified() == written);
        LoadedProject after = setup.load();
        CHECK(after.prepared.links.key == first.coverage->preparedLinks().key);
    }
}

TEST_CASE("a project whose network file is missing is refused with the file named")
{
    Project04 setup;
    setup.inputs.networkPath = setup.dir.path(QStringLiteral("absent.geojson"));
    LoadedProject project = loadProjectTerritory(setup.inputs);
    CHECK_THROWS_WITH(loadNetwork(project, networkSourceOf(setup.inputs), setup.points), Catch::Contains("absent.geojson"));
    CHECK_THROWS_WITH(buildGraph(project), Catch::Contains("no road network"));
    CHECK_THROWS_WITH(prepareCoverage(project, setup.points, setup.grid), Catch::Contains("no road network"));
}

TEST_CASE("the network step in two parts, roads then graph, gives what the one call gives")
{
    const Project04 setup;
    const LoadedProject whole = setup.load();
    LoadedProject parts = loadProjectTerritory(setup.inputs);
    loadRoads(parts, networkSourceOf(setup.inputs), setup.points, {.preparedPath = setup.preparedPath(), .progress = {}});
    REQUIRE(parts.roads);
    CHECK_FALSE(parts.graph);  // not yet: the caller may say so first
    buildGraph(parts);
    REQUIRE(parts.graph);
    CHECK(parts.graph->nodeCount() == whole.graph->nodeCount());
    CHECK(parts.graph->edgeCount() == whole.graph->edgeCount());
    // Loading another network drops what was built on the previous one.
    prepareCoverage(parts, setup.points, setup.grid);
    REQUIRE(parts.coverage);
    loadRoads(parts, networkSourceOf(setup.inputs), setup.points);
    CHECK_FALSE(parts.coverage);
    CHECK_FALSE(parts.engine);
    CHECK_FALSE(parts.graph);
}

TEST_CASE("the full run gives the same referrals and access table whether the table is made alongside or after")
{
    const Project04 setup;
    const LoadedProject project = setup.loadForCoverage();
    CoverageOptions options;
    options.level = 2;
    options.threads = 1;
    const std::vector<AccueilPoint> level2 = coveragePoints(setup.points, 2);
    const FullCoverage alone = runFullCoverage(*project.coverage, setup.points, level2, options);
    options.threads = 2;
    const FullCoverage alongside = runFullCoverage(*project.coverage, setup.points, level2, options);

    CHECK(alone.points.size() == setup.points.size());
    REQUIRE_FALSE(alone.referrals.empty());
    REQUIRE(alone.referrals.size() == alongside.referrals.size());
    for (std::size_t i = 0; i < alone.referrals.size(); ++i) {
        CHECK(alone.referrals[i].toId == alongside.referrals[i].toId);
        CHECK(alone.referrals[i].minutes == alongside.referrals[i].minutes);
    }
    REQUIRE_FALSE(alone.access.origins.empty());  // one row per EPCI seat
    REQUIRE(alone.access.cells.size() == alongside.access.cells.size());
    for (std::size_t row = 0; row < alone.access.cells.size(); ++row)
        for (std::size_t column = 0; column < alone.access.cells[row].size(); ++column) {
            CHECK(alone.access.cells[row][column].pointId == alongside.access.cells[row][column].pointId);
            CHECK(alone.access.cells[row][column].minutes == alongside.access.cells[row][column].minutes);
        }
    const AccessTable direct = accessFromEpciSeats(*project.coverage, setup.points);
    CHECK(direct.origins.size() == alone.access.origins.size());
    CHECK(direct.columns.size() == alone.access.columns.size());

    RunDescription run;
    run.project = QStringLiteral("p.gpkg");
    const CoverageExport data = alone.exportData(*project.coverage, run);
    CHECK(data.result == &alone.result);
    CHECK(data.accessTable == &alone.access);
    CHECK(data.referrals.size() == alone.referrals.size());
    CHECK(data.run.project == QStringLiteral("p.gpkg"));
}

TEST_CASE("the population beyond by another method keeps the run's travel times, and a run's description names its data")
{
    const Project04 setup;
    const LoadedProject project = setup.loadForCoverage();
    CoverageOptions options;
    options.level = 2;
    options.computeBands = false;
    options.clipGapsToCommunes = false;
    const CoverageResult result = computeCoverage(*project.coverage, coveragePoints(setup.points, 2), options);
    const AreaCoverage& run = result.population.departement;
    REQUIRE(project.coverage->placement().method() == PopulationMethod::Spread);

    const PopulationCoverage again = populationBeyondBy(PopulationMethod::Spread, setup.inputs, *project.coverage, result);
    CHECK(again.method == PopulationMethod::Spread);
    CHECK(again.departement.beyondSpread == run.beyondSpread);
    // At the town halls: the run's times at the same town halls, whose count is that method's
    // headline.
    const PopulationCoverage atHalls =
        populationBeyondBy(PopulationMethod::TownHalls, setup.inputs, *project.coverage, result);
    CHECK(atHalls.method == PopulationMethod::TownHalls);
    CHECK(atHalls.departement.population == run.population);
    CHECK(atHalls.departement.communesTownHallBeyond == run.communesTownHallBeyond);
    CHECK(beyondBy(atHalls.departement, PopulationMethod::TownHalls) == run.beyondAtTownHall);
    // A method whose data cannot be read is refused with its file named (the application
    // shows it beside the other methods).
    ProjectInputs withGrid = setup.inputs;
    withGrid.populationGrid.path = setup.dir.path(QStringLiteral("carreaux-absents.csv"));
    CHECK_THROWS_WITH(populationBeyondBy(PopulationMethod::Grid, withGrid, *project.coverage, result),
                      Catch::Contains("carreaux-absents.csv"));

    const RunDescription description = runDescription(QStringLiteral("p.gpkg"), project, QStringLiteral("existing points"));
    CHECK(description.project == QFileInfo(QStringLiteral("p.gpkg")).absoluteFilePath());
    CHECK(description.network == QFileInfo(setup.inputs.networkPath).absoluteFilePath());
    CHECK(description.profile == QStringLiteral("generalised"));
    CHECK(description.pointSet == QStringLiteral("existing points"));
}

TEST_CASE("a run names the points it reached: the plan, or the existing points with or without the planned ones")
{
    CHECK(pointSetDescription(QStringLiteral("hiver"), false) == QStringLiteral("scenario hiver"));
    CHECK(pointSetDescription(QStringLiteral("hiver"), true) == QStringLiteral("scenario hiver"));
    CHECK(pointSetDescription(QString(), false) == QStringLiteral("existing points"));
    CHECK(pointSetDescription(QString(), true) == QStringLiteral("existing and planned points"));
}

TEST_CASE("a suggested site becomes a planned point at the candidate's place, named and tagged as a suggestion")
{
    SuggestedSite site;
    site.point.id = 42;
    site.point.name = QStringLiteral("Mairie de Colmars");
    site.point.level = Level::First;
    site.point.kind = QStringLiteral("mairie");
    site.point.lambert93 = {990'000.0, 6'353'000.0};
    site.point.address = QStringLiteral("Place de la mairie");
    site.point.weeklyHours = 20.0;
    site.point.openingHours = QStringLiteral("lun 09:00-12:00");
    site.communeInsee = QStringLiteral("04061");

    const AccueilPoint point = plannedPointFor(site, Level::Second, QStringLiteral("france_services"),
                                               QStringLiteral("France services"), QStringLiteral("+2 089"));
    CHECK(point.id == 0);  // a new point: the store numbers it
    CHECK(point.name == QStringLiteral("France services – Mairie de Colmars"));
    CHECK(point.level == Level::Second);
    CHECK(point.kind == QStringLiteral("france_services"));
    CHECK(point.status == PointStatus::Planned);
    CHECK(point.lambert93.x == site.point.lambert93.x);
    CHECK(point.lambert93.y == site.point.lambert93.y);
    CHECK(point.address == site.point.address);
    CHECK_FALSE(point.weeklyHours.has_value());  // the town hall's hours are not the new place's
    CHECK(point.openingHours.isEmpty());
    CHECK(point.communeInsee == QStringLiteral("04061"));
    CHECK(point.source == QStringLiteral("maillage-suggest"));
    CHECK(point.sourceId == QStringLiteral("42"));
    CHECK(point.notes == QStringLiteral("+2 089"));
}
