#include <catch2/catch.hpp>
#include "common/gdal.h"

#include "common/error.h"
#include "coverage/coverage_run.h"
#include "coverage/network_engine.h"
#include "coverage/territory_network.h"
#include "geo/crs.h"
#include "geo/territory.h"
#include "importers/point_importers.h"
#include "io/territory_loader.h"
#include "network/road_graph.h"
#include "network/snapping.h"
#include "network/speed_profile.h"
#include "planning/closed_network.h"
#include "planning/closure_presets.h"
#include "planning/comparison.h"
#include "planning/max_coverage.h"
#include "planning/road_closures.h"
#include "planning/scenario.h"
#include "planning/scenario_coverage.h"
#include "planning/site_suggestion.h"
#include "report/comparison_export.h"
#include "report/geopackage_export.h"
#include "store/scenarios.h"
#include "store/store.h"
#include "support/fixtures04.h"
#include "support/raw_connection.h"
#include "support/test_data.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <gdal_priv.h>
#include <ogr_geometry.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <map>
#include <memory>

using namespace maillage;

namespace {

// ---------------------------------------------------------------------------------------
// Store helpers

AccueilPoint pointAt(const QString& name, Level level, const QString& kind, XY position, const QString& insee = {})
{
    AccueilPoint p;
    p.name = name;
    p.level = level;
    p.kind = kind;
    p.lambert93 = position;
    p.wgs84 = toWgs84(position);
    p.communeInsee = insee;
    return p;
}

// Three points of the 04: a town hall, a La Poste agency, a France services.
std::vector<qint64> fillProject(Store& store)
{
    return {store.insertPoint(pointAt("Mairie de Thoard", Level::First, "mairie", {944'000.0, 6'343'000.0}, "04217")),
            store.insertPoint(pointAt("Agence postale de Thoard", Level::First, "agence_postale_communale",
                                      {944'100.0, 6'343'050.0}, "04217")),
            store.insertPoint(
                pointAt("France services de Digne", Level::Second, "france_services", {955'000.0, 6'335'000.0}, "04070"))};
}

bool samePoints(const std::vector<AccueilPoint>& a, const std::vector<AccueilPoint>& b)
{
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const AccueilPoint &x = a[i], &y = b[i];
        if (x.id != y.id || x.name != y.name || x.level != y.level || x.kind != y.kind || x.status != y.status
            || x.lambert93.x != y.lambert93.x || x.lambert93.y != y.lambert93.y || x.communeInsee != y.communeInsee
            || x.updatedAt != y.updatedAt)
            return false;
    }
    return true;
}

std::string errorOf(const std::function<void()>& action)
{
    try {
        action();
    } catch (const Error& e) {
        return e.message().toStdString();
    }
    return {};
}

}  // namespace

// =======================================================================================
// Scenarios in the store

TEST_CASE("plans are created, copied, renamed and deleted — names are unique and the baseline is reserved")
{
    test::ScratchDir dir;
    Store store = Store::create(dir.path("p.gpkg"));
    CHECK(store.schemaVersion() == Store::kSchemaVersion);
    const std::vector<qint64> ids = fillProject(store);
    ScenarioStore scenarios(store);

    CHECK(scenarios.list().empty());
    CHECK(scenarios.exists("baseline"));
    CHECK(scenarios.exists("Baseline"));
    CHECK(scenarios.scenario("baseline").isBaseline());

    const Scenario plan = scenarios.create("  Plan 2026 ", "deux antennes");
    CHECK(plan.name == "Plan 2026");
    CHECK(plan.description == "deux antennes");
    CHECK_FALSE(plan.isBaseline());
    CHECK(plan.createdAt.isValid());
    CHECK_THROWS_WITH(scenarios.create("plan 2026"), Catch::Contains("already has a scenario \"plan 2026\""));
    CHECK_THROWS_WITH(scenarios.create("BASELINE"), Catch::Contains("name of the project's baseline"));
    CHECK_THROWS_WITH(scenarios.create("   "), Catch::Contains("needs a name"));

    const qint64 added = scenarios.addPoint(
        "Plan 2026", pointAt("Antenne de Seyne", Level::Second, "france_services_antenne", {962'000.0, 6'365'000.0}));
    CHECK(added < 0);
    scenarios.closePoint("Plan 2026", ids[2]);
    scenarios.setPointLevel("Plan 2026", ids[1], Level::Second, "france_services");
    const qint64 closure = scenarios.addRoadClosure("Plan 2026", {.method = ClosureMethod::Ref,
                                                                  .ref = "D908",
                                                                  .centre = XY{986'578.0, 6'361'908.0},
                                                                  .radiusMetres = 6000.0,
                                                                  .note = "Col d'Allos"});
    CHECK(closure > 0);

    const Scenario read = scenarios.scenario("plan 2026");  // names are found without regard to case
    REQUIRE(read.addedPoints.size() == 1);
    CHECK(read.addedPoints[0].id == added);
    CHECK(read.addedPoints[0].status == PointStatus::Planned);
    CHECK(read.addedPoints[0].kind == "france_services_antenne");
    REQUIRE(read.pointChanges.size() == 2);
    REQUIRE(read.roadClosures.size() == 1);
    CHECK(read.roadClosures[0].ref == "D908");
    CHECK(read.roadClosures[0].centre->x == 986'578.0);
    CHECK(read.roadClosures[0].radiusMetres == 6000.0);
    CHECK(read.roadClosures[0].note == "Col d'Allos");

    // A copy has the same changes in new rows, and lives on its own.
    const Scenario copy = scenarios.copy("Plan 2026", "Plan 2026 bis");
    CHECK(copy.addedPoints.size() == 1);
    CHECK(copy.addedPoints[0].id != added);
    CHECK(copy.addedPoints[0].name == "Antenne de Seyne");
    CHECK(copy.pointChanges.size() == 2);
    CHECK(copy.roadClosures.size() == 1);
    scenarios.closePoint("Plan 2026 bis", copy.addedPoints[0].id);  // removes it from the copy only
    scenarios.removeRoadClosure("Plan 2026 bis", copy.roadClosures[0].id);
    CHECK(scenarios.scenario("Plan 2026 bis").addedPoints.empty());
    CHECK(scenarios.scenario("Plan 2026").addedPoints.size() == 1);
    CHECK(scenarios.scenario("Plan 2026").roadClosures.size() == 1);
    // A copy of the baseline is an empty plan.
    CHECK(scenarios.copy("baseline", "Vide").pointChanges.empty());

    scenarios.rename("Plan 2026 bis", "Variante");
    CHECK_FALSE(scenarios.exists("Plan 2026 bis"));
    CHECK(scenarios.exists("variante"));
    CHECK_THROWS_WITH(scenarios.rename("Variante", "plan 2026"), Catch::Contains("already has a scenario"));
    scenarios.rename("Variante", "VARIANTE");  // a change of case only
    CHECK(scenarios.scenario("variante").name == "VARIANTE");

    std::vector<ScenarioSummary> list = scenarios.list();
    REQUIRE(list.size() == 3);
    CHECK(list[0].name == "Plan 2026");
    CHECK(list[0].addedPoints == 1);
    CHECK(list[0].pointChanges == 2);
    CHECK(list[0].roadClosures == 1);
    CHECK(list[1].name == "VARIANTE");
    CHECK(list[2].name == "Vide");

    scenarios.remove("Plan 2026");
    CHECK_FALSE(scenarios.exists("Plan 2026"));
    CHECK_THROWS_WITH(scenarios.scenario("Plan 2026"), Catch::Contains("has no scenario \"Plan 2026\""));
    // Nothing of it is left behind.
    test::RawConnection raw(store.path());
    CHECK(raw.value("SELECT count(*) FROM scenario_points").toInt() == 0);
    CHECK(raw.value("SELECT count(*) FROM scenario_road_closures").toInt() == 0);
    CHECK(raw.value("SELECT count(*) FROM scenario_point_changes").toInt() == 2);  // VARIANTE's
}

TEST_CASE("a plan never changes the baseline")
{
    test::ScratchDir dir;
    Store store = Store::create(dir.path("p.gpkg"));
    const std::vector<qint64> ids = fillProject(store);
    const std::vector<AccueilPoint> before = store.points();
    ScenarioStore scenarios(store);
    scenarios.create("plan");
    scenarios.addPoint(
        "plan", pointAt("France services de Thoard", Level::Second, "france_services", {944'050.0, 6'343'020.0}, "04217"));
    scenarios.closePoint("plan", ids[2]);
    scenarios.setPointLevel("plan", ids[0], Level::Second, "france_services");
    scenarios.addRoadClosure("plan", {.method = ClosureMethod::Position, .centre = XY{986'000.0, 6'362'000.0}});

    // The point table is untouched, row for row (updatedAt included).
    CHECK(samePoints(store.points(), before));
    CHECK(store.pointCount() == 3);
    // The baseline view is the points as stored; the plan's view has its changes.
    const ScenarioView baseline = loadScenarioView(store, "baseline");
    CHECK(samePoints(baseline.points, before));
    CHECK(baseline.roadClosures.empty());
    const ScenarioView plan = loadScenarioView(store, "plan");
    REQUIRE(plan.points.size() == 4);
    CHECK(plan.points[0].level == Level::Second);
    CHECK(plan.points[0].kind == "france_services");
    CHECK(plan.points[1].level == Level::First);  // unchanged
    CHECK(plan.points[2].status == PointStatus::Closed);
    CHECK(plan.points[3].id < 0);
    CHECK(plan.points[3].status == PointStatus::Planned);
    CHECK(plan.roadClosures.size() == 1);
    const std::vector<AccueilPoint> levelTwo = scenarioLevelPoints(plan, 2);
    REQUIRE(levelTwo.size() == 2);  // the upgraded town hall and the new point; Digne is closed
    CHECK(levelTwo[0].name == "Mairie de Thoard");
    CHECK(levelTwo[1].name == "France services de Thoard");
    CHECK(scenarioLevelPoints(baseline, 2).size() == 1);

    // The baseline refuses every change, with a message saying what to do.
    for (const auto& change : std::vector<std::function<void()>>{
             [&] { scenarios.addPoint("baseline", before[0]); }, [&] { scenarios.closePoint("Baseline", ids[0]); },
             [&] { scenarios.setPointLevel("baseline", ids[1], Level::Second); },
             [&] { scenarios.addRoadClosure("baseline", {.method = ClosureMethod::Ref, .ref = "D900"}); },
             [&] { scenarios.rename("baseline", "autre"); }, [&] { scenarios.remove("baseline"); }})
        CHECK_THAT(errorOf(change), Catch::Contains("baseline") && Catch::Contains("create a plan"));
    CHECK(samePoints(store.points(), before));

    // Bad changes are refused, naming what is wrong; the plan is left as it was.
    CHECK_THAT(errorOf([&] { scenarios.closePoint("plan", 999); }), Catch::Contains("no point #999"));
    CHECK_THAT(errorOf([&] { scenarios.closePoint("plan", -999); }), Catch::Contains("no planned point -999"));
    CHECK_THAT(errorOf([&] { scenarios.setPointLevel("plan", ids[1], Level::Second, "guichet"); }),
               Catch::Contains("unknown kind \"guichet\""));
    CHECK_THAT(errorOf([&] {
                   scenarios.addPoint("plan", pointAt("", Level::Second, "france_services", {1, 1}));
               }),
               Catch::Contains("no name"));
    CHECK_THAT(errorOf([&] { scenarios.addRoadClosure("plan", {.method = ClosureMethod::Ref}); }),
               Catch::Contains("no road reference"));
    CHECK_THAT(errorOf([&] {
                   scenarios.addRoadClosure(
                       "plan", {.method = ClosureMethod::Ref, .ref = "D900", .centre = XY{1, 1}, .radiusMetres = 0});
               }),
               Catch::Contains("radius"));
    CHECK_THAT(errorOf([&] { scenarios.addPoint("nowhere", before[0]); }),
               Catch::Contains("has no scenario \"nowhere\"") && Catch::Contains("baseline, plan"));
    CHECK(scenarios.scenario("plan").addedPoints.size() == 1);

    // Reverting a change gives the baseline's point back.
    scenarios.revertPoint("plan", ids[2]);
    CHECK(loadScenarioView(store, "plan").points[2].status == PointStatus::Existing);
    // Deleting a point of the project forgets the plans' changes to it.
    store.deletePoint(ids[0]);
    CHECK(scenarios.scenario("plan").pointChanges.empty());
}

TEST_CASE("a plan's own points are rewritten and its changes to baseline points set exactly, for editors that undo")
{
    test::ScratchDir dir;
    Store store = Store::create(dir.path("p.gpkg"));
    const std::vector<qint64> ids = fillProject(store);
    const std::vector<AccueilPoint> before = store.points();
    ScenarioStore scenarios(store);
    scenarios.create("plan");
    AccueilPoint added = pointAt("Antenne de Thoard", Level::Second, "france_services", {944'050.0, 6'343'020.0}, "04217");
    added.id = scenarios.addPoint("plan", added);

    // A planned point moves and is renamed; the plan still holds one point, the baseline none.
    added.lambert93 = {945'000.0, 6'344'000.0};
    added.wgs84 = toWgs84(added.lambert93);
    added.name = "Antenne de Thoard (bourg)";
    added.weeklyHours = 12.0;
    scenarios.updatePoint("plan", added);
    const Scenario plan = scenarios.scenario("plan");
    REQUIRE(plan.addedPoints.size() == 1);
    CHECK(plan.addedPoints[0].id == added.id);
    CHECK(plan.addedPoints[0].name == "Antenne de Thoard (bourg)");
    CHECK(plan.addedPoints[0].lambert93.x == 945'000.0);
    CHECK(plan.addedPoints[0].weeklyHours == 12.0);
    CHECK_THAT(errorOf([&] {
                   AccueilPoint other = added;
                   other.id = -999;
                   scenarios.updatePoint("plan", other);
               }),
               Catch::Contains("no planned point -999"));
    CHECK_THAT(errorOf([&] {
                   AccueilPoint base = before[0];
                   scenarios.updatePoint("plan", base);
               }),
               Catch::Contains("no planned point"));

    // A change set as a whole: closed and raised at once, then only raised, then nothing.
    scenarios.setPointChange("plan", {.pointId = ids[1], .closed = true, .level = Level::Second, .kind = "france_services"});
    ScenarioView view = loadScenarioView(store, "plan");
    CHECK(view.points[1].status == PointStatus::Closed);
    CHECK(view.points[1].level == Level::Second);
    scenarios.setPointChange("plan", {.pointId = ids[1], .closed = false, .level = Level::Second});
    view = loadScenarioView(store, "plan");
    CHECK(view.points[1].status == PointStatus::Existing);
    CHECK(view.points[1].level == Level::Second);
    CHECK(view.points[1].kind == before[1].kind);
    scenarios.setPointChange("plan", {.pointId = ids[1]});
    CHECK(scenarios.scenario("plan").pointChanges.empty());
    CHECK_THAT(errorOf([&] { scenarios.setPointChange("baseline", {.pointId = ids[1], .closed = true}); }),
               Catch::Contains("create a plan"));
    CHECK_THAT(errorOf([&] { scenarios.setPointChange("plan", {.pointId = 999, .closed = true}); }),
               Catch::Contains("no point #999"));
    CHECK(samePoints(store.points(), before));
}

TEST_CASE("writes grouped in a batch are saved together, or not at all")
{
    test::ScratchDir dir;
    Store store = Store::create(dir.path("p.gpkg"));
    const std::vector<qint64> ids = fillProject(store);
    ScenarioStore scenarios(store);
    scenarios.create("plan");
    {
        Store::Batch batch(store);
        store.deletePoint(ids[0]);
        scenarios.closePoint("plan", ids[1]);
        scenarios.addPoint("plan", pointAt("Antenne", Level::Second, "france_services", {944'050.0, 6'343'020.0}));
        // A write refused inside the batch undoes only itself.
        CHECK_THROWS_AS(scenarios.closePoint("plan", 999), Error);
        // Not committed: everything is rolled back.
    }
    CHECK(store.pointCount() == 3);
    CHECK(scenarios.scenario("plan").pointChanges.empty());
    CHECK(scenarios.scenario("plan").addedPoints.empty());
    {
        Store::Batch batch(store);
        store.deletePoint(ids[0]);
        scenarios.closePoint("plan", ids[1]);
        CHECK_THROWS_AS(scenarios.closePoint("plan", 999), Error);
        batch.commit();
    }
    CHECK(store.pointCount() == 2);
    CHECK(scenarios.scenario("plan").pointChanges.size() == 1);
    // The store writes on its own again afterwards.
    store.deletePoint(ids[2]);
    CHECK(store.pointCount() == 1);
}

TEST_CASE("the points a plan adds form a GeoPackage layer that GDAL opens")
{
    test::ScratchDir dir;
    const QString path = dir.path("p.gpkg");
    {
        Store store = Store::create(path);
        fillProject(store);
        ScenarioStore scenarios(store);
        scenarios.create("plan");
        scenarios.addPoint("plan", pointAt("Antenne", Level::Second, "france_services_antenne", {962'000.0, 6'365'000.0}));
    }
    maillage::registerGdal();
    std::unique_ptr<GDALDataset> dataset(GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(dataset);
    OGRLayer* layer = dataset->GetLayerByName("scenario_points");
    REQUIRE(layer);
    CHECK(layer->GetFeatureCount() == 1);
    CHECK(layer->GetSpatialRef()->GetEPSGGeogCS() == 4171);  // RGF93 (Lambert-93's datum)
    std::unique_ptr<OGRFeature> feature(layer->GetNextFeature());
    REQUIRE(feature);
    CHECK(QString::fromUtf8(feature->GetFieldAsString("name")) == "Antenne");
    const OGRPoint* point = feature->GetGeometryRef()->toPoint();
    CHECK(point->getX() == 962'000.0);
    CHECK(point->getY() == 6'365'000.0);
    CHECK(dataset->GetLayerByName("accueil_points")->GetFeatureCount() == 3);
}

TEST_CASE("a version 2 project is migrated to the current version without losing a point, and gets the scenario tables")
{
    test::ScratchDir dir;
    const QString path = dir.path("v2.gpkg");
    const QString fresh = dir.path("fresh.gpkg");
    std::vector<AccueilPoint> before;
    {
        Store store = Store::create(path);
        fillProject(store);
        store.setSetting("territory", "/data/limites-04.gpkg");
        before = store.points();
        Store::create(fresh);
    }
    // Take the file back to what Maillage 0.2 (schema version 2) wrote: no scenario tables.
    {
        test::RawConnection raw(path);
        for (const char* table : {"scenario_point_changes", "scenario_road_closures", "scenario_points", "scenarios"})
            raw.exec(QStringLiteral("DROP TABLE %1").arg(table));
        raw.exec("DELETE FROM gpkg_geometry_columns WHERE table_name = 'scenario_points'");
        raw.exec("DELETE FROM gpkg_contents WHERE table_name = 'scenario_points'");
        raw.exec("ALTER TABLE accueil_points DROP COLUMN row_version");  // added by version 4
        raw.exec("ALTER TABLE accueil_points DROP COLUMN updated_by");
        raw.exec("ALTER TABLE accueil_points DROP COLUMN serves");  // added by version 5
        raw.exec("UPDATE maillage_meta SET value = '2' WHERE key = 'schema_version'");
        CHECK(raw.value("SELECT count(*) FROM sqlite_master WHERE name LIKE 'scenario%'").toInt() == 0);
    }

    Store store = Store::open(path);
    CHECK(store.schemaVersion() == Store::kSchemaVersion);
    CHECK(samePoints(store.points(), before));
    CHECK(store.setting("territory") == "/data/limites-04.gpkg");
    ScenarioStore scenarios(store);
    scenarios.create("plan");
    scenarios.closePoint("plan", before[0].id);
    CHECK(scenarios.scenario("plan").pointChanges.size() == 1);

    // The migrated file has exactly the tables, indexes and GeoPackage rows of a new one.
    const QString schemaSql =
        "SELECT type || ' ' || name || ': ' || sql FROM sqlite_master"
        " WHERE name LIKE 'scenario%' ORDER BY name";
    const QString contentsSql =
        "SELECT table_name || ' ' || data_type || ' ' || srs_id FROM gpkg_contents"
        " WHERE table_name = 'scenario_points'";
    QStringList migratedSchema, freshSchema, migratedContents, freshContents;
    {
        test::RawConnection raw(path);
        migratedSchema = raw.column(schemaSql);
        migratedContents = raw.column(contentsSql);
        CHECK(raw.value("SELECT value FROM maillage_meta WHERE key = 'schema_version'").toInt() == Store::kSchemaVersion);
    }
    {
        test::RawConnection raw(fresh);
        freshSchema = raw.column(schemaSql);
        freshContents = raw.column(contentsSql);
    }
    CHECK(migratedSchema.size() == 6);  // 4 tables, 2 indexes (plus SQLite's own autoindexes)
    CHECK(migratedSchema == freshSchema);
    CHECK(migratedContents == freshContents);
    CHECK(migratedContents.size() == 1);
}

// =======================================================================================
// Road references and closures

TEST_CASE("road references compare across sources, TravelMapping codes included")
{
    CHECK(canonicalRoadRef("D090804") == "D908");  // the D908 in the 04
    CHECK(canonicalRoadRef("D220204") == "D2202");
    CHECK(canonicalRoadRef("D0900B04") == "D900B");
    CHECK(canonicalRoadRef("D0908A13") == "D908A");
    CHECK(canonicalRoadRef("N085") == "N85");
    CHECK(canonicalRoadRef("n 85") == "N85");
    CHECK(canonicalRoadRef("A051") == "A51");
    CHECK(canonicalRoadRef("D0900") == "D900");
    CHECK(canonicalRoadRef("Route des Crêtes") == "ROUTEDESCRÊTES");
    CHECK(roadRefMatches("D908", "D090804"));
    CHECK(roadRefMatches("d908", "D908"));
    CHECK(roadRefMatches("D2202", "D220206"));        // the same road in the 06
    CHECK_FALSE(roadRefMatches("D908", "D0908A13"));  // the D908A is another road
    CHECK_FALSE(roadRefMatches("D90", "D090804"));
    CHECK(roadRefMatches("D900", "D090004"));
    CHECK_FALSE(roadRefMatches("", "D090804"));
}

namespace {

// ---------------------------------------------------------------------------------------
// A synthetic territory: a plain crossed by the road D1 (west-east), and a valley reached only
// by the D99, which leaves the D1 at the junction and climbs north. Roads are driven at
// 60 km/h (1 km per minute), places join the nearest road straight at 15 km/h (250 m per
// minute), up to 5 km; no terminal time. TravelMapping-style references, as in the 04 data.
constexpr double kX0 = 900'000.0;
constexpr double kY0 = 6'300'000.0;
constexpr double kRoadY = kY0 + 2'100.0;       // the D1, on a row of cell centres
constexpr double kJunctionX = kX0 + 10'100.0;  // the D99 leaves the D1 here
constexpr double kD1West = kX0 + 100.0, kD1East = kX0 + 19'900.0;
constexpr double kD99North = kY0 + 13'900.0;
constexpr double kNodeSpacing = 200.0;
constexpr double kRoadMetresPerMinute = 1'000.0;
constexpr double kLegMetresPerMinute = 250.0;
constexpr double kMaxSnapMetres = 5'000.0;
constexpr double kThreshold = 20.0;

Commune commune(QString insee, QString name, qint64 population, QString epci, double minX, double minY, double maxX,
                double maxY)
{
    Commune c;
    c.insee = std::move(insee);
    c.name = std::move(name);
    c.population = population;
    c.epciSiren = std::move(epci);
    c.geometry = test::rectangle(minX, minY, maxX, maxY);
    c.bbox.expand(XY{minX, minY});
    c.bbox.expand(XY{maxX, maxY});
    return c;
}

// Ouest and Est share the plain (EPCI "de la Plaine"); the Vallée is an EPCI of its own.
Territory valleyTerritory()
{
    Territory territory;
    territory.communes.push_back(commune("99001", "Ouest", 3000, "200000001", kX0, kY0, kX0 + 10'000.0, kY0 + 4'000.0));
    territory.communes.push_back(
        commune("99002", "Est", 2000, "200000001", kX0 + 10'000.0, kY0, kX0 + 20'000.0, kY0 + 4'000.0));
    territory.communes.push_back(
        commune("99003", "Vallée", 600, "200000002", kX0 + 9'000.0, kY0 + 8'000.0, kX0 + 11'000.0, kY0 + 14'000.0));
    Epci plain;
    plain.siren = "200000001";
    plain.name = "CC de la Plaine";
    plain.population = 5000;
    plain.communeCount = 2;
    plain.geometry = test::rectangle(kX0, kY0, kX0 + 20'000.0, kY0 + 4'000.0);
    Epci valley;
    valley.siren = "200000002";
    valley.name = "CC de la Vallée";
    valley.population = 600;
    valley.communeCount = 1;
    valley.geometry = territory.communes[2].geometry;
    territory.epcis = {plain, valley};
    std::unique_ptr<OGRGeometry> outline(plain.geometry->Union(valley.geometry.get()));
    territory.outline = SharedGeometry(outline.release());
    for (const Commune& c : territory.communes) territory.bbox.expand(c.bbox);
    territory.buildIndex();
    return territory;
}

RoadGraph valleyRoads()
{
    NetworkInput input;
    input.sourceFile = "valley.geojson";
    input.refs = {QString(), QStringLiteral("D000104"), QStringLiteral("D009904")};
    const auto road = [&](std::uint32_t from, std::uint32_t to, std::uint32_t ref) {
        NetworkEdge edge;
        edge.from = from;
        edge.to = to;
        edge.metres = std::hypot(input.nodes[to].x - input.nodes[from].x, input.nodes[to].y - input.nodes[from].y);
        edge.seconds = 60.0 * edge.metres / kRoadMetresPerMinute;
        edge.roadClass = RoadClass::Secondary;
        edge.refIndex = ref;
        edge.shapeBegin = std::uint32_t(input.shape.size());
        input.shape.push_back(input.nodes[from]);
        input.shape.push_back(input.nodes[to]);
        edge.shapeEnd = std::uint32_t(input.shape.size());
        input.edges.push_back(edge);
    };
    std::uint32_t junction = 0;
    for (double x = kD1West; x <= kD1East + 1.0; x += kNodeSpacing) {
        input.nodes.push_back({x, kRoadY});
        if (std::abs(x - kJunctionX) < 1.0) junction = std::uint32_t(input.nodes.size() - 1);
        if (input.nodes.size() > 1) road(std::uint32_t(input.nodes.size() - 2), std::uint32_t(input.nodes.size() - 1), 1);
    }
    std::uint32_t previous = junction;
    for (double y = kRoadY + kNodeSpacing; y <= kD99North + 1.0; y += kNodeSpacing) {
        input.nodes.push_back({kJunctionX, y});
        road(previous, std::uint32_t(input.nodes.size() - 1), 2);
        previous = std::uint32_t(input.nodes.size() - 1);
    }
    return RoadGraph(input);
}

SpeedProfile valleyProfile()
{
    SpeedProfile profile;
    profile.name = "valley";
    profile.accessKmh = kLegMetresPerMinute * 0.06;
    profile.accessDetour = 1.0;
    profile.maxSnapMetres = kMaxSnapMetres;
    profile.terminalSeconds = 0.0;
    return profile;
}

// Town halls on the D1 (Ouest, Est) and in the lower valley; a France services in the Est.
std::vector<AccueilPoint> valleyPoints()
{
    std::vector<AccueilPoint> points{
        pointAt("Mairie d'Ouest", Level::First, "mairie", {kX0 + 5'100.0, kRoadY}, "99001"),
        pointAt("Mairie d'Est", Level::First, "mairie", {kX0 + 15'100.0, kRoadY}, "99002"),
        pointAt("Mairie de la Vallée", Level::First, "mairie", {kJunctionX, kY0 + 9'100.0}, "99003"),
        pointAt("France services d'Est", Level::Second, "france_services", {kX0 + 17'900.0, kRoadY}, "99002"),
    };
    for (std::size_t i = 0; i < points.size(); ++i) points[i].id = qint64(i + 1);
    return points;
}

struct Valley {
    Territory territory = valleyTerritory();
    RoadGraph graph = valleyRoads();
    SpeedProfile profile = valleyProfile();
    std::vector<AccueilPoint> points = valleyPoints();
    ScenarioCoverageRunner runner{territory, graph, profile, points,
                                  CoverageSetup{.cellSize = 200.0, .placement = {}, .threads = 1}};
};

ScenarioView baselineView(const std::vector<AccueilPoint>& points) { return applyScenario(points, Scenario{}); }

Scenario plan(const QString& name)
{
    Scenario scenario;
    scenario.id = 1;
    scenario.name = name;
    return scenario;
}

// The analytic time (minutes) from a place to a France services standing on the D1 at x =
// `serviceX`, when the roads `closed` ("D1", "D99") are closed: the place joins the nearest open
// road, drives along it (and down the D99 to the junction). NaN when the place is equally near
// both roads (which one it joins is then a tie), infinity when unreachable.
double analyticMinutes(XY p, double serviceX, bool d99Closed = false)
{
    const double toD1 = std::hypot(p.x - std::clamp(p.x, kD1West, kD1East), p.y - kRoadY);
    const double alongD99 = std::clamp(p.y, kRoadY, kD99North);
    const double toD99 = d99Closed ? INFINITY : std::hypot(p.x - kJunctionX, p.y - alongD99);
    if (std::abs(toD1 - toD99) < 0.5) return NAN;
    const double leg = std::min(toD1, toD99);
    if (leg > kMaxSnapMetres) return INFINITY;
    const double drive = toD1 < toD99 ? std::abs(std::clamp(p.x, kD1West, kD1East) - serviceX)
                                      : (alongD99 - kRoadY) + std::abs(kJunctionX - serviceX);
    return leg / kLegMetresPerMinute + drive / kRoadMetresPerMinute;
}

// People beyond the threshold by the analytic times, and how many people sit on cells too
// close to the threshold (or on ties) to tell.
struct Expected {
    double beyond = 0.0;
    double uncertain = 0.0;
    std::map<int, double> beyondPerCommune;
};
double valueOr(const std::map<int, double>& values, int key)
{
    const auto found = values.find(key);
    return found == values.end() ? 0.0 : found->second;
}

Expected expectedBeyond(const CoverageContext& context, const std::function<double(XY)>& minutes)
{
    Expected expected;
    const CoverageGrid& grid = context.grid();
    for (std::size_t i = 0; i < grid.cellCount(); ++i) {
        const int c = grid.communeOf(i);
        const double people = context.placement().peopleOnCell(i, c);
        const double t = minutes(grid.centre(i));
        if (std::isnan(t) || std::abs(t - kThreshold) < 0.01) expected.uncertain += people;
        else if (t > kThreshold) {
            expected.beyond += people;
            expected.beyondPerCommune[c] += people;
        }
    }
    return expected;
}

}  // namespace

TEST_CASE("closing the only road to a valley puts the valley beyond the threshold")
{
    Valley valley;
    const CoverageOptions options{.thresholdMinutes = kThreshold};
    const ScenarioCoverage before = valley.runner.compute(baselineView(valley.points), options);
    const CommuneCoverage& valleyBefore = before.result.population.communes[2];
    // By the D99, the lower valley is within 20 minutes of the France services, the top is not.
    CHECK(valleyBefore.cellsBeyond > 0);
    CHECK(valleyBefore.cellsBeyond < valleyBefore.cells);
    CHECK_FALSE(valleyBefore.townHallBeyond);
    CHECK(valleyBefore.townHallMinutes == Approx(7.8 + 7.0).margin(0.01));

    Scenario winter = plan("hiver");
    SECTION("closed by reference: D99 matches TravelMapping's D009904")
    {
        winter.roadClosures.push_back({.method = ClosureMethod::Ref, .ref = "D99", .note = "route de la vallée"});
    }
    SECTION("closed by the position of one of its segments, between the plain and the valley")
    {
        winter.roadClosures.push_back({.method = ClosureMethod::Position, .centre = XY{kJunctionX + 30.0, kY0 + 6'050.0}});
    }
    SECTION("closed by edge id")
    {
        const std::vector<EdgeId> d99 = valley.graph.edgesWithRef("D009904");
        REQUIRE(d99.size() == 59);
        winter.roadClosures.push_back({.method = ClosureMethod::Edge, .edge = d99[20]});
    }
    const ScenarioCoverage after = valley.runner.compute(applyScenario(valley.points, winter), options);
    REQUIRE(after.closures.size() == 1);
    CHECK(after.closures[0].problem.isEmpty());
    CHECK(after.closedEdges == after.closures[0].edges.size());
    const CommuneCoverage& valleyAfter = after.result.population.communes[2];
    CHECK(valleyAfter.cellsBeyond == valleyAfter.cells);
    CHECK(valleyAfter.beyondSpread == Approx(600.0));
    CHECK(valleyAfter.townHallBeyond);
    CHECK(std::isinf(valleyAfter.townHallMinutes));
    // The plain is as before; the graph is open again once the coverage is computed.
    CHECK(after.result.population.communes[0].beyondSpread == Approx(before.result.population.communes[0].beyondSpread));
    CHECK(after.result.population.communes[1].beyondSpread == Approx(before.result.population.communes[1].beyondSpread));
    CHECK(valley.graph.closedEdgeCount() == 0);
    const ScenarioCoverage again = valley.runner.compute(baselineView(valley.points), options);
    CHECK(again.result.population.departement.beyondSpread == Approx(before.result.population.departement.beyondSpread));
    CHECK(again.context == before.context);  // the baseline context is kept and reused
}

TEST_CASE("a closed network kept apart gives the coverage the runner gives, and never closes the open graph")
{
    Valley valley;
    const CoverageOptions options{.thresholdMinutes = kThreshold};
    Scenario winter = plan("hiver");
    winter.roadClosures.push_back({.method = ClosureMethod::Ref, .ref = "D99"});
    winter.roadClosures.push_back({.method = ClosureMethod::Ref, .ref = "D908"});  // finds nothing
    const ScenarioView view = applyScenario(valley.points, winter);
    const ScenarioCoverage expected = valley.runner.compute(view, options);

    const ClosedNetwork closed(valley.runner.baselineContext(), valley.graph, valley.profile, valley.points,
                               winter.roadClosures);
    CHECK(valley.graph.closedEdgeCount() == 0);
    CHECK(closed.closedEdges() == 59);
    CHECK(closed.graph().closedEdgeCount() == 59);
    REQUIRE(closed.closures().size() == 2);
    CHECK(closed.closures()[1].problem == "no road D908 in the network");
    CHECK(closesAnyRoad(valley.graph, valley.runner.baselineContext(), winter.roadClosures));
    CHECK_FALSE(closesAnyRoad(valley.graph, valley.runner.baselineContext(), std::span(winter.roadClosures).subspan(1)));

    const CoverageResult result = computeCoverage(closed.context(), scenarioLevelPoints(view, 2), options);
    const auto& communes = result.population.communes;
    for (std::size_t c = 0; c < communes.size(); ++c) {
        CHECK(communes[c].beyondSpread == Approx(expected.result.population.communes[c].beyondSpread));
        CHECK(communes[c].townHallBeyond == expected.result.population.communes[c].townHallBeyond);
    }
    CHECK(communes[2].cellsBeyond == communes[2].cells);
    // The open network's coverage is as before the closed one was built.
    const ScenarioCoverage open = valley.runner.compute(baselineView(valley.points), options);
    CHECK(open.result.population.communes[2].cellsBeyond < open.result.population.communes[2].cells);
}

TEST_CASE("a town hall moved in the context is timed from its new place — the grid and placement stay")
{
    Valley valley;
    CoverageContext context = valley.runner.baselineContext();  // a copy
    const CoverageOptions options{.thresholdMinutes = kThreshold};
    const std::vector<AccueilPoint> services = coveragePoints(valley.points, 2);
    const float before = computeCoverage(context, services, options).population.communes[2].townHallMinutes;
    CHECK(before == Approx(7.8 + 7.0).margin(0.01));
    // The valley's town hall moves 2 km up the D99: 2 more minutes of road.
    std::vector<AccueilPoint> moved = valley.points;
    moved[2].lambert93.y += 2'000.0;
    context.setTownHalls(moved);
    CHECK(context.townHalls().positions[2].y == moved[2].lambert93.y);
    CHECK(context.grid().cellCount() == valley.runner.baselineContext().grid().cellCount());
    const float after = computeCoverage(context, services, options).population.communes[2].townHallMinutes;
    CHECK(after == Approx(before + 2'000.0 / kRoadMetresPerMinute).margin(0.01));
    // The runner's own context did not change.
    CHECK(valley.runner.baselineContext().townHalls().positions[2].y == valley.points[2].lambert93.y);
}

TEST_CASE("a closure that finds no road says why and closes nothing")
{
    const RoadGraph graph = valleyRoads();
    const std::vector<RoadClosure> closures{
        {.method = ClosureMethod::Ref, .ref = "D908"},
        {.method = ClosureMethod::Ref, .ref = "D99", .centre = XY{kX0, kY0 + 30'000.0}, .radiusMetres = 1'000.0},
        {.method = ClosureMethod::Position, .centre = XY{kX0 - 50'000.0, kY0}},
        {.method = ClosureMethod::Edge, .edge = 100'000},
        {.method = ClosureMethod::Ref, .ref = "D1", .centre = XY{kJunctionX, kRoadY}, .radiusMetres = 350.0},
    };
    const std::vector<ResolvedClosure> resolved = resolveRoadClosures(graph, closures);
    REQUIRE(resolved.size() == 5);
    CHECK(resolved[0].problem == "no road D908 in the network");
    CHECK(resolved[1].problem.contains("no road D99 within 1.0 km"));
    CHECK(resolved[2].problem.contains("no open road within 1.0 km"));
    CHECK(resolved[3].problem.contains("no edge 100000"));
    for (int i = 0; i < 4; ++i) CHECK(resolved[std::size_t(i)].edges.empty());
    // The D1 edges passing within 350 m of the junction: two on each side (200 m long).
    CHECK(resolved[4].edges.size() == 4);
    CHECK(resolved[4].km == Approx(0.8));
    CHECK(resolved[4].description.contains("4 edges, 0.8 km"));
}

TEST_CASE(
    "closures by position or edge id close one edge each, with the snapper given or one built once, and without a "
    "position or an edge id they say so")
{
    const RoadGraph graph = valleyRoads();
    const std::vector<EdgeId> d99 = graph.edgesWithRef("D009904");
    REQUIRE(d99.size() == 59);
    const std::vector<RoadClosure> closures{
        {.method = ClosureMethod::Position},
        {.method = ClosureMethod::Edge},
        {.method = ClosureMethod::Position, .centre = XY{kJunctionX + 30.0, kY0 + 6'050.0}},
        {.method = ClosureMethod::Position, .centre = XY{kJunctionX - 30.0, kY0 + 9'050.0}},
        {.method = ClosureMethod::Edge, .edge = d99[20]},
    };
    const Snapper snapper(graph);
    for (const Snapper* given : {static_cast<const Snapper*>(nullptr), &snapper}) {
        INFO((given ? "snapper given" : "no snapper given"));
        const std::vector<ResolvedClosure> resolved = resolveRoadClosures(graph, closures, given);
        REQUIRE(resolved.size() == 5);
        CHECK(resolved[0].problem == "no position given");
        CHECK(resolved[0].description == "a road at no position: no position given");
        CHECK(resolved[1].problem == "no edge id given");
        CHECK(resolved[1].description == "no edge: no edge id given");
        for (std::size_t i = 0; i < 2; ++i) CHECK(resolved[i].edges.empty());
        for (std::size_t i = 2; i < 5; ++i) {
            INFO(resolved[i].description.toStdString());
            CHECK(resolved[i].problem.isEmpty());
            REQUIRE(resolved[i].edges.size() == 1);
            CHECK(resolved[i].km == Approx(0.2));
            CHECK(resolved[i].description.endsWith(": 1 edge, 0.2 km"));
        }
        // Two D99 sections, each found by one of its points, and the section given by its id.
        CHECK(std::find(d99.begin(), d99.end(), resolved[2].edges[0]) != d99.end());
        CHECK(std::find(d99.begin(), d99.end(), resolved[3].edges[0]) != d99.end());
        CHECK(resolved[2].edges[0] != resolved[3].edges[0]);
        CHECK(resolved[4].edges[0] == d99[20]);
        CHECK(resolved[4].description == QStringLiteral("edge %1: 1 edge, 0.2 km").arg(d99[20]));
    }
}

TEST_CASE("comparing two scenarios gives the people and area beyond, and the zones that change, as computed by hand")
{
    Valley valley;
    const CoverageOptions options{.thresholdMinutes = kThreshold, .computeBands = false};
    // B moves the France services from the east of the plain (17.9 km) to its west (2.1 km).
    Scenario move = plan("ouest");
    move.pointChanges.push_back({.pointId = 4, .closed = true});
    move.addedPoints.push_back(
        pointAt("France services d'Ouest", Level::Second, "france_services", {kX0 + 2'100.0, kRoadY}, "99001"));
    move.addedPoints.back().id = -1;
    move.addedPoints.back().status = PointStatus::Planned;
    const ScenarioCoverage a = valley.runner.compute(baselineView(valley.points), options);
    const ScenarioCoverage b = valley.runner.compute(applyScenario(valley.points, move), options);
    REQUIRE(a.result.points.size() == 1);
    REQUIRE(b.result.points.size() == 1);
    CHECK(b.result.points[0].name == "France services d'Ouest");
    const CoverageContext& context = *a.context;
    const ScenarioComparison comparison =
        compareCoverage(context, a.result, b.result, "baseline", "ouest", {.changeZones = true, .clipToCommunes = true});

    // Population beyond, against the analytic times.
    const Expected expectedA = expectedBeyond(context, [](XY p) { return analyticMinutes(p, kX0 + 17'900.0); });
    const Expected expectedB = expectedBeyond(context, [](XY p) { return analyticMinutes(p, kX0 + 2'100.0); });
    INFO("uncertain people: " << expectedA.uncertain << " / " << expectedB.uncertain);
    CHECK(expectedA.beyond > 500.0);
    CHECK(expectedB.beyond > 500.0);
    CHECK(std::abs(comparison.departement.a.beyondSpread - expectedA.beyond) <= expectedA.uncertain + 1e-6);
    CHECK(std::abs(comparison.departement.b.beyondSpread - expectedB.beyond) <= expectedB.uncertain + 1e-6);
    for (int c = 0; c < 3; ++c) {
        INFO("commune " << c);
        CHECK(std::abs(comparison.communes[std::size_t(c)].beyondSpreadA - valueOr(expectedA.beyondPerCommune, c))
              <= expectedA.uncertain + 1e-6);
        CHECK(std::abs(comparison.communes[std::size_t(c)].beyondSpreadB - valueOr(expectedB.beyondPerCommune, c))
              <= expectedB.uncertain + 1e-6);
    }
    // The figures are those of each scenario's own coverage.
    CHECK(comparison.departement.population == 5'600);
    CHECK(comparison.departement.a.beyondSpread == a.result.population.departement.beyondSpread);
    CHECK(comparison.departement.b.beyondAtTownHall == b.result.population.departement.beyondAtTownHall);
    CHECK(comparison.departement.a.areaBeyondKm2 == a.result.population.departement.areaBeyondKm2);
    // Town halls: in A, the Ouest town hall is 12.8 km away by road: within; in B the Est one is
    // 13 km away: within too; the valley's is 7.8 + 7 min from A's point, 8 + 7 from B's.
    CHECK(comparison.communes[0].townHallMinutesA == Approx(12.8).margin(0.01));
    CHECK(comparison.communes[1].townHallMinutesB == Approx(13.0).margin(0.01));
    CHECK(comparison.communes[2].townHallMinutesB == Approx(15.0).margin(0.01));
    // EPCI and département add up.
    REQUIRE(comparison.epcis.size() == 2);
    CHECK(comparison.epcis[0].a.beyondSpread + comparison.epcis[1].a.beyondSpread
          == Approx(comparison.departement.a.beyondSpread));
    CHECK(comparison.epcis[0].gainSpread() + comparison.epcis[1].gainSpread()
          == Approx(comparison.departement.gainSpread()));

    // The difference layer: the west comes within the threshold, the east goes beyond it.
    CHECK(comparison.peopleCovered > 0.0);
    CHECK(comparison.peopleUncovered > 0.0);
    CHECK(comparison.peopleCovered - comparison.peopleUncovered == Approx(comparison.departement.gainSpread()));
    CHECK(comparison.coveredKm2 - comparison.uncoveredKm2
          == Approx(comparison.departement.a.areaBeyondKm2 - comparison.departement.b.areaBeyondKm2));
    double coveredPeople = 0.0, uncoveredPeople = 0.0;
    int coveredCells = 0, uncoveredCells = 0;
    double coveredArea = 0.0;
    for (const ChangeZone& zone : comparison.changes) {
        REQUIRE(zone.geometry);
        CHECK_FALSE(zone.geometry->IsEmpty());
        CHECK(zone.geometry->get_Area() / 1e6 == Approx(zone.areaKm2).epsilon(1e-6));
        OGREnvelope envelope;
        zone.geometry->getEnvelope(&envelope);
        if (zone.change == CoverageChange::Covered) {
            coveredPeople += zone.people;
            coveredCells += zone.cells;
            coveredArea += zone.areaKm2;
            CHECK(zone.communeInsee == "99001");  // only the west gains
            CHECK(envelope.MaxX <= kX0 + 10'000.0);
        } else {
            uncoveredPeople += zone.people;
            uncoveredCells += zone.cells;
        }
    }
    CHECK(coveredPeople == Approx(comparison.peopleCovered));
    CHECK(uncoveredPeople == Approx(comparison.peopleUncovered));
    CHECK(coveredCells == comparison.cellsCovered);
    CHECK(uncoveredCells == comparison.cellsUncovered);
    CHECK(coveredArea == Approx(comparison.coveredKm2).epsilon(0.02));  // clipped polygons vs whole cells
}

TEST_CASE("scenarios of different thresholds or grids are not compared")
{
    Valley valley;
    const ScenarioCoverage a =
        valley.runner.compute(baselineView(valley.points), {.thresholdMinutes = 20.0, .computeBands = false});
    const ScenarioCoverage b =
        valley.runner.compute(baselineView(valley.points), {.thresholdMinutes = 15.0, .computeBands = false});
    CHECK_THROWS_WITH(compareCoverage(*a.context, a.result, b.result, "A", "B"), Catch::Contains("not the same threshold"));
    CoverageResult shorter = b.result;
    shorter.surface.minutes.pop_back();
    CHECK_THROWS_WITH(compareCoverage(*a.context, a.result, shorter, "A", "B"), Catch::Contains("not on the same grid"));
}

TEST_CASE("the comparison GeoPackage holds the coverage of B, the comparison layers and their styles")
{
    Valley valley;
    Scenario move = plan("ouest");
    move.pointChanges.push_back({.pointId = 4, .closed = true});
    move.addedPoints.push_back(
        pointAt("France services d'Ouest", Level::Second, "france_services", {kX0 + 2'100.0, kRoadY}, "99001"));
    move.addedPoints.back().id = -1;
    const CoverageOptions options{.thresholdMinutes = kThreshold};
    const ScenarioCoverage a = valley.runner.compute(baselineView(valley.points), options);
    const ScenarioCoverage b = valley.runner.compute(applyScenario(valley.points, move), options);
    const ScenarioComparison comparison = compareCoverage(*a.context, a.result, b.result, "baseline", "ouest");
    test::ScratchDir dir;
    const QString path = dir.path("comparaison.gpkg");
    CoverageExport data;
    data.context = b.context.get();
    data.result = &b.result;
    data.points = b.points;
    writeComparisonGeoPackage(path, data, comparison);

    maillage::registerGdal();
    std::unique_ptr<GDALDataset> dataset(GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(dataset);
    for (const char* layer : {"communes", "gap_zones", "accueil_points", "comparison_communes", "comparison_epci",
                              "coverage_changes", "comparison_summary", "layer_styles"})
        CHECK(dataset->GetLayerByName(layer) != nullptr);
    CHECK(dataset->GetLayerByName("comparison_communes")->GetFeatureCount() == 3);
    CHECK(dataset->GetLayerByName("comparison_epci")->GetFeatureCount() == 2);
    CHECK(dataset->GetLayerByName("coverage_changes")->GetFeatureCount() == GIntBig(comparison.changes.size()));
    // B's points: the closed one and the planned one are both shown, with their status.
    OGRLayer* points = dataset->GetLayerByName("accueil_points");
    CHECK(points->GetFeatureCount() == 5);
    std::unique_ptr<OGRLayer, std::function<void(OGRLayer*)>> planned(
        dataset->ExecuteSQL("SELECT name FROM accueil_points WHERE status = 'planned'", nullptr, nullptr),
        [&](OGRLayer* l) { dataset->ReleaseResultSet(l); });
    REQUIRE(planned);
    CHECK(planned->GetFeatureCount() == 1);
    std::unique_ptr<OGRLayer, std::function<void(OGRLayer*)>> styles(
        dataset->ExecuteSQL("SELECT f_table_name, styleQML FROM layer_styles WHERE f_table_name IN "
                            "('coverage_changes', 'comparison_communes')",
                            nullptr, nullptr),
        [&](OGRLayer* l) { dataset->ReleaseResultSet(l); });
    REQUIRE(styles);
    CHECK(styles->GetFeatureCount() == 2);
    for (auto& feature : *styles)
        CHECK(QString::fromUtf8(feature->GetFieldAsString("styleQML")).contains("categorizedSymbol"));
    std::unique_ptr<OGRLayer, std::function<void(OGRLayer*)>> summary(
        dataset->ExecuteSQL("SELECT a, b FROM comparison_summary WHERE key = 'population_beyond_spread'", nullptr, nullptr),
        [&](OGRLayer* l) { dataset->ReleaseResultSet(l); });
    REQUIRE(summary);
    std::unique_ptr<OGRFeature> row(summary->GetNextFeature());
    REQUIRE(row);
    CHECK(QString::fromUtf8(row->GetFieldAsString("b")).toDouble()
          == Approx(comparison.departement.b.beyondSpread).margin(0.5));
    // No temporary file left beside the result (AtomicFile names them .<name>.<random>.partial.gpkg).
    CHECK(QDir(dir.path("")).entryList({".*.partial*"}, QDir::Files | QDir::Hidden).isEmpty());
}

// =======================================================================================
// The optimiser

namespace {

// A small deterministic generator (the same numbers on every platform).
struct Lcg {
    std::uint64_t state;
    std::uint32_t next()
    {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return std::uint32_t(state >> 33);
    }
    std::uint32_t below(std::uint32_t n) { return next() % n; }
};

MaxCoverageProblem randomProblem(Lcg& random, int candidates, int units, int k, int groups)
{
    MaxCoverageProblem problem;
    problem.k = k;
    for (int u = 0; u < units; ++u) problem.weights.push_back(1.0 + random.below(1000));
    for (int c = 0; c < candidates; ++c) {
        std::vector<std::uint32_t> covers;
        // Clustered coverage, as places cover their neighbourhood: a run of units around a centre.
        const int centre = int(random.below(std::uint32_t(units)));
        const int radius = 1 + int(random.below(std::uint32_t(units / 4)));
        for (int u = std::max(0, centre - radius); u <= std::min(units - 1, centre + radius); ++u)
            if (random.below(4) != 0) covers.push_back(std::uint32_t(u));
        problem.covers.push_back(covers);
        problem.group.push_back(groups > 0 ? int(random.below(std::uint32_t(groups))) : -1);
    }
    return problem;
}

}  // namespace

TEST_CASE("exchanges repair the classic trap of the greedy choice")
{
    // A covers 4 units; B and C 3 each, together all 6. Greedy takes A then one more (5);
    // the exchange of A for C reaches the optimum (6).
    MaxCoverageProblem problem;
    problem.weights.assign(6, 1.0);
    problem.covers = {{0, 1, 2, 3}, {0, 1, 4}, {2, 3, 5}};
    problem.k = 2;
    const MaxCoverageSolution greedy = solveMaxCoverage(problem, {.swaps = false, .restarts = 0});
    CHECK(greedy.value == 5.0);
    CHECK(greedy.chosen.front() == 0);
    const MaxCoverageSolution improved = solveMaxCoverage(problem, {.swaps = true, .restarts = 0});
    CHECK(improved.greedyValue == 5.0);
    CHECK(improved.value == 6.0);
    CHECK(improved.swaps == 1);
    CHECK(improved.marginalGains == std::vector<double>{3.0, 3.0});
    CHECK(solveMaxCoverageExactly(problem).value == 6.0);
}

TEST_CASE("the group limit allows at most one site per commune — nothing is chosen that adds nothing")
{
    MaxCoverageProblem problem;
    problem.weights = {10, 10, 10, 1};
    problem.covers = {{0, 1}, {2}, {3}, {}};
    problem.group = {7, 7, 8, 9};  // candidates 0 and 1 are in the same commune
    problem.k = 3;
    const MaxCoverageSolution solution = solveMaxCoverage(problem);
    CHECK(solution.chosen == std::vector<std::uint32_t>{0, 2});  // 1 is not allowed with 0; 3 adds nothing
    CHECK(solution.marginalGains == std::vector<double>{20.0, 1.0});
    CHECK(solution.value == 21.0);
    CHECK(solveMaxCoverageExactly(problem).value == 21.0);
    problem.maxPerGroup = 0;  // no limit
    CHECK(solveMaxCoverage(problem).value == 31.0);
    CHECK(solveMaxCoverageExactly(problem).value == 31.0);
    Lcg random{1};
    CHECK_THROWS_WITH(solveMaxCoverageExactly(randomProblem(random, 300, 50, 6, 0), 1e6), Catch::Contains("too long"));
}

TEST_CASE("on small instances, greedy with exchanges and restarts is within a few per cent of the exact optimum")
{
    Lcg random{20260101};
    constexpr int kVariants = 3;  // greedy; + exchanges; + exchanges and 8 restarts
    const std::array<const char*, kVariants> names{"greedy", "greedy + exchanges", "greedy + exchanges + restarts"};
    const std::array<MaxCoverageOptions, kVariants> variants{MaxCoverageOptions{.swaps = false, .restarts = 0},
                                                             MaxCoverageOptions{.swaps = true, .restarts = 0},
                                                             MaxCoverageOptions{.swaps = true, .restarts = 8}};
    std::array<int, kVariants> optimal{};
    std::array<double, kVariants> worst{1.0, 1.0, 1.0}, sumGap{};
    int instances = 0;
    for (int i = 0; i < 300; ++i) {
        const bool grouped = i % 2 == 1;
        const MaxCoverageProblem problem = randomProblem(random, 24, 80, 2 + i % 3, grouped ? 8 : 0);
        const double exact = solveMaxCoverageExactly(problem).value;
        REQUIRE(exact > 0.0);
        ++instances;
        std::array<double, kVariants> values{};
        for (int v = 0; v < kVariants; ++v) {
            const MaxCoverageSolution solution = solveMaxCoverage(problem, variants[std::size_t(v)]);
            values[std::size_t(v)] = solution.value;
            // Never above the optimum; the marginal gains add up to the value and decrease.
            CHECK(solution.value <= exact + 1e-9);
            double sum = 0.0;
            for (std::size_t k = 0; k < solution.marginalGains.size(); ++k) {
                sum += solution.marginalGains[k];
                if (k > 0) CHECK(solution.marginalGains[k] <= solution.marginalGains[k - 1] + 1e-9);
            }
            CHECK(sum == Approx(solution.value));
            CHECK(coverageValue(problem, solution.chosen) == Approx(solution.value));
            if (problem.maxPerGroup > 0 && !problem.group.empty()) {
                std::map<int, int> perGroup;
                for (std::uint32_t c : solution.chosen)
                    if (problem.group[c] >= 0) CHECK(++perGroup[problem.group[c]] <= 1);
            }
            optimal[std::size_t(v)] += solution.value >= exact - 1e-9;
            worst[std::size_t(v)] = std::min(worst[std::size_t(v)], solution.value / exact);
            sumGap[std::size_t(v)] += 1.0 - solution.value / exact;
        }
        // Each refinement keeps what the previous one found.
        CHECK(values[1] >= values[0] - 1e-9);
        CHECK(values[2] >= values[1] - 1e-9);
        // The greedy choice's guarantee: 1 - 1/e alone, 1/2 with a limit per group.
        CHECK(values[0] >= (grouped ? 0.5 : 1.0 - 1.0 / M_E) * exact - 1e-9);
    }
    for (int v = 0; v < kVariants; ++v)
        WARN(names[std::size_t(v)] << ": optimal on " << optimal[std::size_t(v)] << " of " << instances
                                   << " instances, worst ratio " << worst[std::size_t(v)] << ", mean gap "
                                   << 100.0 * sumGap[std::size_t(v)] / instances << " %");
    CHECK(optimal[1] > optimal[0]);
    CHECK(optimal[2] > optimal[1]);
    CHECK(optimal[2] >= instances * 9 / 10);
    CHECK(sumGap[2] / instances < 0.005);
}

TEST_CASE("site suggestions count exactly the people the coverage finds within the threshold")
{
    Valley valley;
    const ScenarioView baseline = baselineView(valley.points);
    const CoverageContext& context = valley.runner.baselineContext();
    const std::vector<AccueilPoint> existing = scenarioLevelPoints(baseline, 2);
    // Candidates: the town halls and a point every 2 km along both roads.
    std::vector<AccueilPoint> candidates{valley.points[0], valley.points[1], valley.points[2]};
    for (double x = kD1West; x < kD1East; x += 2'000.0)
        candidates.push_back(
            pointAt(QStringLiteral("D1 km %1").arg((x - kX0) / 1000.0), Level::First, "other", {x, kRoadY}));
    for (double y = kRoadY + 2'000.0; y < kD99North; y += 2'000.0)
        candidates.push_back(
            pointAt(QStringLiteral("D99 km %1").arg((y - kRoadY) / 1000.0), Level::First, "other", {kJunctionX, y}));

    // A shorter threshold than elsewhere, so that one site cannot cover everything.
    constexpr double kShortThreshold = 12.0;
    for (const DemandModel demand : {DemandModel::Cells, DemandModel::TownHalls}) {
        INFO("demand " << demandModelCode(demand).toStdString());
        const SuggestionOptions options{.count = 2, .thresholdMinutes = kShortThreshold, .demand = demand};
        const SiteSuggestions suggestions = suggestSites(context, existing, candidates, options);
        REQUIRE_FALSE(suggestions.sites.empty());
        CHECK(suggestions.sites.size() <= 2);
        // The Est already has its France services: no site there; never two in one commune.
        for (const SuggestedSite& site : suggestions.sites) CHECK(site.communeInsee != "99002");
        if (suggestions.sites.size() == 2 && !suggestions.sites[0].communeInsee.isEmpty())
            CHECK(suggestions.sites[0].communeInsee != suggestions.sites[1].communeInsee);
        CHECK(suggestions.eligibleCandidates < suggestions.candidates);

        // What the coverage says with and without the sites.
        const CoverageOptions coverage{
            .thresholdMinutes = kShortThreshold, .computeBands = false, .clipGapsToCommunes = false};
        const PopulationCoverage before = computeCoverage(context, existing, coverage).population;
        std::vector<AccueilPoint> withSites = existing;
        for (const SuggestedSite& site : suggestions.sites) withSites.push_back(site.point);
        const PopulationCoverage after = computeCoverage(context, withSites, coverage).population;
        const double beyondBefore =
            demand == DemandModel::Cells ? before.departement.beyondSpread : before.departement.beyondAtTownHall;
        const double beyondAfter =
            demand == DemandModel::Cells ? after.departement.beyondSpread : after.departement.beyondAtTownHall;
        CHECK(suggestions.population == Approx(5'600.0));
        CHECK(suggestions.coveredBefore == Approx(5'600.0 - beyondBefore).margin(1e-6));
        CHECK(suggestions.coveredAfter == Approx(5'600.0 - beyondAfter).margin(1e-6));
        double gains = 0.0;
        for (const SuggestedSite& site : suggestions.sites) gains += site.marginalGain;
        CHECK(gains == Approx(suggestions.gain()));
        CHECK(suggestions.gain() > 0.0);

        // The best pair by brute force over the same candidates, checked with the coverage too.
        const SuggestionProblem built = buildSuggestionProblem(context, existing, candidates, options);
        const MaxCoverageSolution exact = solveMaxCoverageExactly(built.problem);
        CHECK(suggestions.gain() <= exact.value + 1e-6);
        std::vector<AccueilPoint> withBest = existing;
        for (std::uint32_t c : exact.chosen) withBest.push_back(candidates[c]);
        const PopulationCoverage best = computeCoverage(context, withBest, coverage).population;
        CHECK(built.coveredBefore + exact.value
              == Approx(5'600.0
                        - (demand == DemandModel::Cells ? best.departement.beyondSpread : best.departement.beyondAtTownHall))
                     .margin(1e-6));
        CHECK(suggestions.gain() == Approx(exact.value));  // optimal on this small instance
    }

    CHECK_THROWS_WITH(suggestSites(context, existing, candidates, {.count = 0}), Catch::Contains("at least 1"));
}

TEST_CASE(
    "site suggestions run on the scenario's network: with the valley road closed, no site up the valley helps the plain")
{
    Valley valley;
    Scenario winter = plan("hiver");
    winter.roadClosures.push_back({.method = ClosureMethod::Ref, .ref = "D99"});
    const ScenarioView view = applyScenario(valley.points, winter);
    std::vector<AccueilPoint> candidates{pointAt("Haut de la vallée", Level::First, "other", {kJunctionX, kY0 + 12'100.0}),
                                         pointAt("Plaine ouest", Level::First, "other", {kX0 + 3'100.0, kRoadY})};
    SiteSuggestions open, closed;
    valley.runner.compute(baselineView(valley.points), {.computeBands = false},
                          [&](const GraphTravelEngine&, const CoverageContext& context) {
                              open = suggestSites(context, scenarioLevelPoints(view, 2), candidates, {.count = 1});
                          });
    valley.runner.compute(view, {.computeBands = false}, [&](const GraphTravelEngine&, const CoverageContext& context) {
        closed = suggestSites(context, scenarioLevelPoints(view, 2), candidates, {.count = 1});
    });
    REQUIRE(open.sites.size() == 1);
    REQUIRE(closed.sites.size() == 1);
    // Up the valley a site reaches the valley's people by its road; once the road is closed the
    // candidate there is more than 5 km from any open road and cannot serve anyone.
    CHECK(closed.candidatesOffNetwork == 1);
    CHECK(closed.sites[0].point.name == "Plaine ouest");
    CHECK(open.coveredBefore > closed.coveredBefore);
}

// =======================================================================================
// The 04

namespace {

struct Planning04 {
    Territory territory;
    SpeedProfile profile;
    RoadGraph graph;
    std::vector<AccueilPoint> points;  // town halls, France services
    std::unique_ptr<ScenarioCoverageRunner> runner;

    Planning04()
    {
        territory = test::territory04();
        profile = loadSpeedProfile(QStringLiteral("generalised"));
        points = test::townHallsAndFranceServices04();
        graph = RoadGraph(loadTerritoryNetwork(test::sharedData("04/routes-04.geojson"), profile, {},
                                               townAnchors(territory, townHallsFor(territory, points))));
        runner = std::make_unique<ScenarioCoverageRunner>(territory, graph, profile, points,
                                                          CoverageSetup{.cellSize = 200.0, .placement = {}, .threads = 2});
    }

    std::vector<AccueilPoint> townHalls() const
    {
        std::vector<AccueilPoint> halls;
        for (const AccueilPoint& p : points)
            if (p.kind == QLatin1String("mairie")) halls.push_back(p);
        return halls;
    }
};

Planning04& planning04()
{
    static Planning04 data;
    return data;
}

}  // namespace

TEST_CASE("on the 04 data, five France services at town halls bring thousands within 20 minutes, as the coverage confirms")
{
    Planning04& d = planning04();
    const ScenarioView baseline = baselineView(d.points);
    const std::vector<AccueilPoint> existing = scenarioLevelPoints(baseline, 2);
    const std::vector<AccueilPoint> halls = d.townHalls();
    REQUIRE(halls.size() == 198);
    const CoverageContext& context = d.runner->baselineContext();
    const SiteSuggestions suggestions = suggestSites(context, existing, halls, {.count = 5, .threads = 2});
    REQUIRE(suggestions.sites.size() == 5);
    INFO("gain " << suggestions.gain() << ", greedy " << suggestions.greedyGain << ", in " << suggestions.timings.total()
                 << " ms");
    CHECK(suggestions.population == Approx(166'077.0));
    CHECK(suggestions.eligibleCandidates == 183);  // 15 communes of the 04 have a France services
    // Each site brings people, fewer and fewer; at most one per commune.
    QStringList communes;
    for (std::size_t i = 0; i < suggestions.sites.size(); ++i) {
        const SuggestedSite& site = suggestions.sites[i];
        CHECK(site.marginalGain > 0.0);
        CHECK(site.marginalGain <= site.aloneGain + 1e-6);
        if (i > 0) CHECK(site.marginalGain <= suggestions.sites[i - 1].marginalGain + 1e-6);
        CHECK_FALSE(communes.contains(site.communeInsee));
        communes << site.communeInsee;
    }
    // More than the 10 % of the people beyond that one site at the worst town hall would bring.
    CHECK(suggestions.gain() > 0.1 * (suggestions.population - suggestions.coveredBefore));

    // The coverage of the baseline plus the five sites counts the same people within 20 min.
    std::vector<AccueilPoint> withSites = existing;
    for (const SuggestedSite& site : suggestions.sites) {
        AccueilPoint point = site.point;
        point.level = Level::Second;
        withSites.push_back(point);
    }
    const CoverageOptions coverage{.computeBands = false, .clipGapsToCommunes = false};
    const PopulationCoverage before = computeCoverage(context, existing, coverage).population;
    const PopulationCoverage after = computeCoverage(context, withSites, coverage).population;
    CHECK(suggestions.coveredBefore == Approx(166'077.0 - before.departement.beyondSpread).margin(1e-6));
    CHECK(suggestions.coveredAfter == Approx(166'077.0 - after.departement.beyondSpread).margin(1e-6));
    CHECK(after.departement.communesTownHallBeyond < before.departement.communesTownHallBeyond);
}

TEST_CASE("on the 04 data, the best 3 town halls for the town-hall count are found exactly or nearly")
{
    Planning04& d = planning04();
    const std::vector<AccueilPoint> existing = scenarioLevelPoints(baselineView(d.points), 2);
    const std::vector<AccueilPoint> halls = d.townHalls();
    const SuggestionOptions options{.count = 3, .demand = DemandModel::TownHalls, .threads = 2};
    const SuggestionProblem built = buildSuggestionProblem(d.runner->baselineContext(), existing, halls, options);
    // The exact search runs over the eligible candidates only (the others cover nothing).
    MaxCoverageProblem eligible;
    eligible.weights = built.problem.weights;
    eligible.k = 3;
    for (std::size_t c = 0; c < halls.size(); ++c)
        if (built.eligible[c] && !built.problem.covers[c].empty()) {
            eligible.covers.push_back(built.problem.covers[c]);
            eligible.group.push_back(built.problem.group[c]);
        }
    const MaxCoverageSolution exact = solveMaxCoverageExactly(eligible);
    const MaxCoverageSolution greedy = solveMaxCoverage(built.problem, {.swaps = false, .restarts = 0});
    const MaxCoverageSolution swapped = solveMaxCoverage(built.problem);
    INFO("exact " << exact.value << ", greedy " << greedy.value << ", with exchanges " << swapped.value << " over "
                  << eligible.covers.size() << " useful candidates");
    CHECK(exact.value > 3'000.0);
    CHECK(swapped.value <= exact.value + 1e-6);
    CHECK(swapped.value >= 0.98 * exact.value);
    CHECK(swapped.value >= greedy.value);
}

TEST_CASE("on the 04 data, a winter plan closing the Col d'Allos lengthens the trips of Allos")
{
    Planning04& d = planning04();
    Scenario winter = plan("hiver");
    // The D908 near the Col d'Allos (44.2975 N, 6.5930 E): TravelMapping calls it D090804.
    winter.roadClosures.push_back({.method = ClosureMethod::Ref,
                                   .ref = "D908",
                                   .centre = toLambert93({6.5930, 44.2975}),
                                   .radiusMetres = 6'000.0,
                                   .note = "Col d'Allos"});
    const CoverageOptions options{.computeBands = false, .clipGapsToCommunes = false};
    const ScenarioCoverage before = d.runner->compute(baselineView(d.points), options);
    const ScenarioCoverage after = d.runner->compute(applyScenario(d.points, winter), options);
    REQUIRE(after.closures.size() == 1);
    CHECK(after.closures[0].edges.size() >= 5);
    CHECK(d.graph.closedEdgeCount() == 0);
    const Commune* allos = d.territory.commune("04006");
    REQUIRE(allos);
    const auto index = std::size_t(allos - d.territory.communes.data());
    // Allos's town hall was served over the pass (from Barcelonnette); now by the valley below.
    CHECK(after.result.population.communes[index].townHallMinutes
          > before.result.population.communes[index].townHallMinutes + 2.0f);
    // The surface changes around the pass: more cells get longer times than shorter ones.
    int longer = 0, shorter = 0;
    for (std::size_t i = 0; i < before.result.surface.minutes.size(); ++i) {
        const float a = before.result.surface.minutes[i], b = after.result.surface.minutes[i];
        if (b > a + 0.05f) ++longer;
        if (b < a - 0.05f) ++shorter;
    }
    INFO(longer << " cells longer, " << shorter << " shorter");
    CHECK(longer > 100);
    CHECK(shorter < longer / 5);
    const ScenarioComparison comparison =
        compareCoverage(*before.context, before.result, after.result, "baseline", "hiver", {.changeZones = false});
    CHECK(comparison.departement.b.beyondSpread > comparison.departement.a.beyondSpread);
    CHECK(comparison.cellsUncovered > comparison.cellsCovered);
    // People do not move when a road closes: the difference layer accounts for every change.
    CHECK(comparison.peopleUncovered - comparison.peopleCovered
          == Approx(comparison.departement.b.beyondSpread - comparison.departement.a.beyondSpread));
    for (std::size_t i = 0; i < before.context->grid().cellCount(); i += 97)
        CHECK(after.context->placement().peopleOnCell(i, before.context->grid().communeOf(i))
              == before.context->placement().peopleOnCell(i, before.context->grid().communeOf(i)));
}

TEST_CASE("the built-in winter closures of the 04 close the pass sections of Allos, Cayolle and Bonette, with their source")
{
    const std::vector<ClosurePreset> presets = builtinClosurePresets();
    const auto winter =
        std::find_if(presets.begin(), presets.end(), [](const ClosurePreset& p) { return p.id == "hiver-04"; });
    REQUIRE(winter != presets.end());
    CHECK(winter->departement == "04");
    CHECK(winter->source.contains("Département des Alpes-de-Haute-Provence"));
    REQUIRE(winter->closures.size() == 3);
    CHECK(winter->closures[0].note == "Col d'Allos");
    CHECK(winter->closures[0].ref == "D908");
    REQUIRE(winter->closures[0].centre);
    CHECK(winter->closures[0].radiusMetres == 2500.0);  // the pass section, not La Foux d'Allos
    CHECK(winter->closures[1].ref == "D902");
    CHECK(winter->closures[2].method == ClosureMethod::Position);  // the Bonette has no number in OSM
    CHECK(winter->closures[2].note.contains("Bonette"));

    // On the coarse network (TravelMapping), which has no road over the Bonette, the two
    // numbered passes are found; the Bonette's place finds no road within 1 km and is ignored.
    Planning04 d;
    const std::vector<ResolvedClosure> resolved = resolveRoadClosures(d.graph, winter->closures);
    REQUIRE(resolved.size() == 3);
    for (std::size_t i = 0; i < 2; ++i) {
        INFO(resolved[i].description.toStdString());
        CHECK(resolved[i].problem.isEmpty());
        CHECK_FALSE(resolved[i].edges.empty());
        CHECK(resolved[i].km < 20.0);
    }

    // A preset file with a bad entry is named in the error.
    test::ScratchDir dir;
    QFile bad(dir.path("bad.json"));
    REQUIRE(bad.open(QIODevice::WriteOnly));
    bad.write(R"({"name": "x", "closures": [{"ref": "D1"}, {"ref": "D2", "near": [44.3], "radius_km": 2}]})");
    bad.close();
    CHECK_THAT(errorOf([&] { readClosurePreset(dir.path("bad.json")); }),
               Catch::Contains("bad.json, closure 2") && Catch::Contains("[latitude, longitude]"));
}

// =======================================================================================
// The command line

namespace {

QString project04(const test::ScratchDir& scratch)
{
    const QString project = scratch.path("04.gpkg");
    const QString limits = test::sharedData("04/limites-04.gpkg");
    REQUIRE(test::runCli({"init", "--project", project, "--communes", limits, "--communes-layer", "commune", "--epci",
                          limits, "--epci-layer", "epci", "--network", test::sharedData("04/routes-04.geojson"), "--profile",
                          "generalised"})
                .exitCode
            == 0);
    for (const char* file : {"04/mairies-04.csv", "04/france-services-2024.csv"})
        REQUIRE(test::runCli({"import", "--project", project, test::sharedData(file)}).exitCode == 0);
    return project;
}

}  // namespace

TEST_CASE("the commands that compute refuse an output that is the network the command line names, before reading it")
{
    test::ScratchDir scratch;
    const QString project = project04(scratch);
    const QString other = scratch.path("other.geojson");
    REQUIRE(QFile::copy(test::sharedData("04/routes-04.geojson"), other));
    const qint64 size = QFileInfo(other).size();
    for (const QStringList& command :
         {QStringList{"coverage"}, QStringList{"compare", "--b", "baseline"}, QStringList{"export-pdf"}}) {
        QStringList arguments = command;
        arguments << "--project" << project << "--network" << other << "--out" << other;
        const test::CliRun result = test::runCli(arguments);
        INFO(arguments.join(' ').toStdString() << "\n" << result.err.toStdString());
        CHECK(result.exitCode == 1);
        CHECK(result.err.contains(QStringLiteral("--out %1 is the input file").arg(other)));
        CHECK(QFileInfo(other).size() == size);
    }
}

TEST_CASE("maillage scenario builds plans that maillage coverage and maillage compare use")
{
    test::ScratchDir scratch;
    const QString project = project04(scratch);
    const auto run = [&](QStringList arguments) {
        arguments << "--project" << project;
        const test::CliRun result = test::runCli(arguments);
        INFO(arguments.join(' ').toStdString() << "\n" << result.out.toStdString() << result.err.toStdString());
        CHECK(result.exitCode == 0);
        return result;
    };
    const auto fails = [&](QStringList arguments, int code, const QString& message) {
        arguments << "--project" << project;
        const test::CliRun result = test::runCli(arguments);
        INFO(arguments.join(' ').toStdString() << "\n" << result.err.toStdString());
        CHECK(result.exitCode == code);
        CHECK(result.err.contains(message));
        CHECK(result.err.trimmed().count('\n') == 0);
    };

    CHECK(run({"scenario", "create", "hiver", "--description", "cols fermés"}).out.contains("Created plan hiver"));
    CHECK(run({"scenario", "close-road", "hiver", "--ref", "D908", "--near", "44.2975,6.5930", "--radius", "6", "--note",
               "Col d'Allos"})
              .out.contains("9 edges"));
    fails({"scenario", "close-road", "hiver", "--ref", "D9999"}, 1, "no road D9999 in the network");
    fails({"scenario", "close-road", "hiver", "--ref", "D908", "--at", "44.3,6.6"}, 2, "one of --ref");
    CHECK(run({"scenario", "create", "antennes", "--from", "hiver"}).out.contains("a copy of hiver"));
    const test::CliRun added = run(
        {"scenario", "add-point", "antennes", "--name", "France services de Thoard", "--lat", "44.1510", "--lon", "6.1480"});
    CHECK(added.out.contains("Added point -1 \"France services de Thoard\" (level 2, France services, commune 04217)"));
    CHECK(
        run({"scenario", "add-point", "antennes", "--name", "Essai", "--x", "950000", "--y", "6340000"}).out.contains("-2"));
    CHECK(run({"scenario", "close-point", "antennes", "--point=-2"}).out.contains("Removed planned point -2"));
    // A visio point of the plan lists, in `scenario show`, the operators it serves.
    CHECK(run({"scenario", "add-point", "antennes", "--name", "Visio de Thoard", "--lat", "44.1510", "--lon", "6.1480",
               "--kind", "visio", "--serves", "caf;cpam"})
              .out.contains("-3"));
    // Point 1 is the first town hall imported: raised to level 2 in the plan.
    CHECK(run({"scenario", "set-level", "antennes", "--point", "1", "--level", "2", "--kind", "france_services"})
              .out.contains("level 2"));
    fails({"scenario", "add-point", "baseline", "--name", "X", "--lat", "44", "--lon", "6"}, 1,
          "cannot add a point to the baseline");
    fails({"scenario", "close-road", "baseline", "--ref", "D908"}, 1, "the baseline cannot be changed");
    fails({"scenario", "show", "printemps"}, 1, "has no scenario \"printemps\"");
    fails({"scenario", "frobnicate"}, 2, "unknown action");

    const test::CliRun list = run({"scenario", "list"});
    CHECK(list.out.contains("baseline"));
    CHECK(list.out.contains("antennes"));
    CHECK(list.out.contains("hiver"));
    const test::CliRun show = run({"scenario", "show", "antennes"});
    CHECK(show.out.contains("France services de Thoard"));
    CHECK(show.out.contains("Col d'Allos"));
    CHECK(show.out.contains("level 1, Town hall"));
    CHECK(show.out.contains("serves by visio"));
    CHECK(show.out.contains(QRegularExpression("Visio de Thoard .* caf;cpam")));

    const test::CliRun compare =
        run({"compare", "--b", "antennes", "--out", scratch.path("cmp.gpkg"), "--csv", scratch.path("csv")});
    CHECK(compare.out.contains("Comparison of baseline (A) and antennes (B)"));
    CHECK(compare.out.contains("people beyond (spread over cells)"));
    CHECK(compare.out.contains("Communes that change"));
    CHECK(compare.out.contains("Thoard"));
    CHECK(QFile::exists(scratch.path("cmp.gpkg")));
    CHECK(QFile::exists(scratch.path("csv/comparison_communes.csv")));

    const test::CliRun coverage = run({"coverage", "--scenario", "hiver", "--out", scratch.path("hiver.gpkg")});
    CHECK(coverage.out.contains("Scenario hiver"));
    CHECK(coverage.out.contains("road closed: D908 within 6.0 km"));
    maillage::registerGdal();
    {
        std::unique_ptr<GDALDataset> dataset(
            GDALDataset::Open(scratch.path("hiver.gpkg").toUtf8().constData(), GDAL_OF_VECTOR));
        REQUIRE(dataset);
        std::unique_ptr<OGRLayer, std::function<void(OGRLayer*)>> parameters(
            dataset->ExecuteSQL("SELECT value FROM run_parameters WHERE key = 'point_set'", nullptr, nullptr),
            [&](OGRLayer* l) { dataset->ReleaseResultSet(l); });
        REQUIRE(parameters);
        std::unique_ptr<OGRFeature> row(parameters->GetNextFeature());
        REQUIRE(row);
        CHECK(QString::fromUtf8(row->GetFieldAsString(0)) == "scenario hiver");
    }
    fails({"coverage", "--scenario", "hiver", "--include-planned", "--out", scratch.path("x.gpkg")}, 2,
          "cannot go together");

    CHECK(run({"scenario", "copy", "hiver", "hiver 2"}).exitCode == 0);
    CHECK(run({"scenario", "rename", "hiver 2", "hiver bis"}).exitCode == 0);
    CHECK(run({"scenario", "delete", "hiver bis"}).exitCode == 0);
    CHECK_FALSE(run({"scenario", "list"}).out.contains("hiver bis"));
}

TEST_CASE("maillage suggest finds the best 3 town halls and puts them in a plan")
{
    test::ScratchDir scratch;
    const QString project = project04(scratch);
    const test::CliRun suggest =
        test::runCli({"suggest", "--project", project, "--k", "3", "--candidates", "mairies", "--into-plan", "trois sites"});
    INFO(suggest.out.toStdString() << suggest.err.toStdString());
    REQUIRE(suggest.exitCode == 0);
    CHECK(suggest.out.contains("3 of 3 among 198 town halls (183 eligible)"));
    CHECK(suggest.out.contains("marginal gain"));
    CHECK(suggest.out.contains("Created plan trois sites from baseline"));
    CHECK(suggest.out.count("  added -") == 3);
    // The gain printed for the plan is the one the comparison finds.
    const QRegularExpression gain("People within 20 min: [0-9 ]+ -> [0-9 ]+ of 166 077 \\(\\+([0-9 ]+);");
    const QRegularExpressionMatch match = gain.match(suggest.out);
    REQUIRE(match.hasMatch());
    const test::CliRun compare = test::runCli({"compare", "--project", project, "--b", "trois sites"});
    REQUIRE(compare.exitCode == 0);
    CHECK(compare.out.contains(QStringLiteral("(%1 people)").arg(match.captured(1))));

    const test::CliRun bad = test::runCli({"suggest", "--project", project, "--k", "0"});
    CHECK(bad.exitCode == 2);
    CHECK(bad.err.contains("--k must be an integer from 1 to 100"));
    const test::CliRun baseline = test::runCli({"suggest", "--project", project, "--into-plan", "baseline"});
    CHECK(baseline.exitCode == 2);
}
