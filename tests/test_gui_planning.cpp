// GUI tests of the planning side of the window (issue 7): plans, road closures, site
// suggestions and comparisons, driven through the real main window on the 04 demo, offscreen.
#include <catch2/catch.hpp>

#include "common/gdal.h"
#include "comparison_panel.h"
#include "coverage_controller.h"
#include "labels.h"
#include "main_window.h"
#include "map/map_canvas.h"
#include "pdf_export_dialog.h"
#include "planning/closed_network.h"
#include "planning/closure_presets.h"
#include "planning/comparison.h"
#include "planning/scenario.h"
#include "planning/scenario_coverage.h"
#include "planning_controller.h"
#include "point_commands.h"
#include "project.h"
#include "project/project_settings.h"
#include "render/planning_layers.h"
#include "road_closure_dialog.h"
#include "scenario_panel.h"
#include "store/scenarios.h"
#include "suggestion_panel.h"
#include "support/demo_window.h"
#include "support/test_data.h"

#include <cpl_error.h>
#include <QAction>
#include <QApplication>
#include <QFile>
#include <QImage>
#include <QMouseEvent>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>

#include <algorithm>
#include <cmath>
#include <optional>

using namespace maillage;
using namespace maillage::gui;
using maillage::render::DifferenceLayer;

namespace {

// A main window with a fresh copy of the demo open, as a planner's screen shows it.
struct DemoWindow : test::DemoWindowBase {
    ScenarioPanel& scenarios() { return *planning().scenarios(); }
    QUndoStack& undo() { return *project().undoStack(); }
    int storedPoints() { return Store::open(project().path()).pointCount(); }

    // Lets the coverage scheduler run (it recomputes on the next event loop turn).
    void settle()
    {
        QCoreApplication::processEvents();
        coverage().recomputeNow();
        QCoreApplication::processEvents();
    }

    int communeIndex(const QString& name)
    {
        const auto& communes = project().territory().communes;
        for (std::size_t i = 0; i < communes.size(); ++i)
            if (communes[i].name == name) return int(i);
        FAIL("no commune " << name.toStdString());
        return -1;
    }

    // The core's own computation of a scenario of the project (as `maillage compare` does it),
    // on a copy of the project's graph (the runner closes roads on the graph it is given).
    struct Core {
        RoadGraph graph;
        std::unique_ptr<ScenarioCoverageRunner> runner;
    };
    std::unique_ptr<Core> core()
    {
        auto c = std::make_unique<Core>();
        c->graph = *project().data().graph;
        c->runner = std::make_unique<ScenarioCoverageRunner>(
            project().territory(), c->graph, project().data().profile, Store::open(project().path()).points(),
            CoverageSetup{.cellSize = 200.0, .placement = placementOptionsFor(project().data().inputs), .threads = 2});
        return c;
    }
};

const CoverageOptions kLevel2{.level = 2, .thresholdMinutes = 20.0, .computeBands = false, .clipGapsToCommunes = false};

}  // namespace

TEST_CASE("a France services added with the mouse in a plan lowers the people beyond in the plan only — undo takes it back")
{
    DemoWindow demo;
    const double baseline = demo.beyond();
    const std::size_t baselinePoints = demo.project().points().size();
    const int stored = demo.storedPoints();
    REQUIRE(baseline > 1000);

    REQUIRE(demo.scenarios().createPlan(QStringLiteral("antenne")));
    CHECK(demo.project().activeScenario() == "antenne");
    CHECK(demo.project().planActive());
    CHECK(demo.window.windowTitle().contains("antenne"));
    demo.settle();
    CHECK(demo.beyond() == Approx(baseline));

    const int commune = test::mostPopulatedCommuneBeyond(demo.coverage().result());
    REQUIRE(commune >= 0);
    const XY townHall = demo.coverage().context()->townHalls().positions[std::size_t(commune)];
    demo.zoomAround(townHall, 4000);
    demo.canvas().setTool(MapCanvas::Tool::AddPoint);
    QTest::mouseClick(&demo.canvas(), Qt::LeftButton, Qt::NoModifier, demo.screen(townHall));
    demo.settle();

    REQUIRE(demo.project().points().size() == baselinePoints + 1);
    const AccueilPoint added = demo.project().points().back();
    CHECK(added.id < 0);  // the plan's own point
    CHECK(added.status == PointStatus::Planned);
    CHECK(added.level == Level::Second);
    const double inPlan = demo.beyond();
    CHECK(inPlan < baseline - 100);
    // Into the plan, not into the project's points.
    CHECK(demo.storedPoints() == stored);
    CHECK(demo.project().scenario("antenne").addedPoints.size() == 1);

    // The plan's own point moves; a baseline point does not (a plan cannot move it).
    demo.canvas().setTool(MapCanvas::Tool::Select);
    const QPoint grab = demo.screen(added.lambert93);
    test::sendMouse(demo.canvas(), QEvent::MouseButtonPress, grab, Qt::LeftButton);
    test::sendMouse(demo.canvas(), QEvent::MouseMove, grab + QPoint(15, 5), Qt::LeftButton);
    test::sendMouse(demo.canvas(), QEvent::MouseMove, grab + QPoint(30, 10), Qt::LeftButton);
    test::sendMouse(demo.canvas(), QEvent::MouseButtonRelease, grab + QPoint(30, 10), Qt::NoButton);
    demo.settle();
    CHECK(demo.project().point(added.id)->lambert93.x > added.lambert93.x + 100);
    CHECK(demo.project().scenario("antenne").addedPoints[0].lambert93.x
          == Approx(demo.project().point(added.id)->lambert93.x));
    CHECK(demo.undo().count() == 3);  // plan, point, move
    demo.undo().undo();
    demo.settle();
    CHECK(demo.project().point(added.id)->lambert93.x == added.lambert93.x);
    CHECK(demo.beyond() == Approx(inPlan));

    // The baseline shows nothing of it.
    REQUIRE(demo.scenarios().activate(kBaselineScenario));
    demo.settle();
    CHECK(demo.project().points().size() == baselinePoints);
    CHECK(demo.beyond() == Approx(baseline));
    REQUIRE(demo.scenarios().activate(QStringLiteral("antenne")));
    demo.settle();
    CHECK(demo.beyond() == Approx(inPlan));

    // Undo from the baseline: the plan is shown again and its point goes away.
    REQUIRE(demo.scenarios().activate(kBaselineScenario));
    demo.undo().undo();
    demo.settle();
    CHECK(demo.project().activeScenario() == "antenne");
    CHECK(demo.project().points().size() == baselinePoints);
    CHECK(demo.beyond() == Approx(baseline));
    demo.undo().redo();
    demo.settle();
    CHECK(demo.beyond() == Approx(inPlan));
    // Undoing the plan's creation shows the baseline again.
    demo.undo().undo();
    demo.undo().undo();
    demo.settle();
    CHECK_FALSE(demo.project().scenarioExists("antenne"));
    CHECK(demo.project().activeScenario() == kBaselineScenario);
    CHECK(demo.beyond() == Approx(baseline));
    CHECK(demo.storedPoints() == stored);
}

TEST_CASE(
    "in a plan, town halls raised to France services bring people within 20 minutes — the baseline keeps them as they are")
{
    DemoWindow demo;
    const double baseline = demo.beyond();
    const int commune = test::mostPopulatedCommuneBeyond(demo.coverage().result());
    REQUIRE(commune >= 0);
    const QString insee = demo.project().territory().communes[std::size_t(commune)].insee;
    qint64 townHall = 0;
    for (const AccueilPoint& p : demo.project().points())
        if (p.kind == "mairie" && p.communeInsee == insee) townHall = p.id;
    REQUIRE(townHall > 0);

    REQUIRE(demo.scenarios().createPlan(QStringLiteral("labels")));
    demo.project().setSelection({townHall});
    REQUIRE(demo.planning().raiseSelectionToFranceServices());
    demo.settle();
    CHECK(demo.project().point(townHall)->level == Level::Second);
    CHECK(demo.project().point(townHall)->kind == "france_services");
    CHECK(demo.beyond() < baseline - 100);
    CHECK_FALSE(demo.coverage().result().population.communes[std::size_t(commune)].townHallBeyond);
    // The point table of the project is as it was.
    const std::optional<AccueilPoint> stored = Store::open(demo.project().path()).point(townHall);
    REQUIRE(stored);
    CHECK(stored->kind == "mairie");
    CHECK(stored->level == Level::First);
    // A plan closes a baseline point rather than deleting it; other attributes are refused.
    AccueilPoint renamed = *demo.project().point(townHall);
    renamed.name = QStringLiteral("Autre nom");
    const int before = demo.undo().count();
    demo.undo().push(new EditPointCommand(demo.project(), *demo.project().point(townHall), renamed));
    CHECK(demo.undo().count() == before);
    CHECK(demo.window.lastError().contains("situation actuelle"));

    demo.undo().undo();
    demo.settle();
    CHECK(demo.project().point(townHall)->level == Level::First);
    CHECK(demo.beyond() == Approx(baseline));
}

TEST_CASE(
    "the winter passes closed in a plan raise the people beyond as the core computes it — roads are drawn, picked on the "
    "map and reopened")
{
    DemoWindow demo;
    const double baseline = demo.beyond();
    const std::vector<float> baselineMinutes = demo.coverage().result().surface.minutes;
    // Roads close in plans only.
    CHECK_FALSE(demo.planning().applyClosurePreset(QStringLiteral("hiver-04")));
    REQUIRE(demo.scenarios().createPlan(QStringLiteral("hiver")));

    // The dialog lists the roads of the network and the passes of the preset; "col" finds them.
    {
        RoadClosureDialog dialog(roadRefsOf(*demo.project().data().graph), builtinClosurePresets(), "hiver");
        dialog.setFilter(QStringLiteral("col"));
        CHECK(dialog.visibleRows() == 3);
        dialog.setFilter(QStringLiteral("D908"));
        CHECK(dialog.visibleRows() >= 2);  // the road and the Col d'Allos
        CHECK(dialog.checkPreset(QStringLiteral("hiver-04")));
        CHECK(dialog.checkRoad(QStringLiteral("D 908")));  // as OpenStreetMap writes it (the demo network)
        CHECK(dialog.closures().size() == 4);
    }

    REQUIRE(demo.planning().applyClosurePreset(QStringLiteral("hiver-04")));
    demo.settle();
    REQUIRE(demo.project().roadClosures().size() == 3);
    const auto network = demo.coverage().closedNetwork();
    REQUIRE(network);
    // The three passes on the detailed demo network (OpenStreetMap: edges split at every
    // junction and tile edge) close many more, shorter edges than the 14 of the coarse network.
    CHECK(network->closedEdges() > 50);
    CHECK(demo.project().data().graph->closedEdgeCount() == 0);  // the open network stays open
    // On the detailed network the pass sections change the times around them, and the figure by
    // a few people at most: no one lives on them (INSEE's grid has no square there), and cells
    // next to a closed road join another one (docs/PLANNING.md).
    const double winter = demo.beyond();
    const std::vector<float> winterMinutes = demo.coverage().result().surface.minutes;
    CHECK(winterMinutes != baselineMinutes);
    CHECK(std::abs(winter - baseline) < 100.0);
    CHECK_FALSE(demo.planning().closedRoadsLayer()->closedRoads().isEmpty());
    CHECK(demo.planning().closedRoadsLayer()->legend().front().label.contains("fermée"));

    // The figure the core gives for the same plan (as `maillage compare` computes it).
    {
        const auto core = demo.core();
        const ScenarioCoverage expected =
            core->runner->compute(loadScenarioView(demo.project().store(), QStringLiteral("hiver")), kLevel2);
        CHECK(winter == Approx(expected.result.population.departement.beyondSpread));
        CHECK(expected.closedEdges == network->closedEdges());
    }

    // The road tool: a click on a closed segment of the D908 picks it, and reopening it removes
    // the Col d'Allos closure.
    const ResolvedClosure& allos = network->closures()[0];
    REQUIRE_FALSE(allos.edges.empty());
    const EdgeId allosEdge = allos.edges[allos.edges.size() / 2];
    const RoadGraph::Shape shape = network->graph().edgeShape(allosEdge);
    const XY onRoad{(shape[0].x + shape[1].x) / 2, (shape[0].y + shape[1].y) / 2};
    demo.zoomAround(onRoad, 3000);
    demo.planning().roadToolAction()->trigger();
    CHECK(demo.canvas().tool() == MapCanvas::Tool::PickRoad);
    QTest::mouseClick(&demo.canvas(), Qt::LeftButton, Qt::NoModifier, demo.screen(onRoad));
    REQUIRE(demo.planning().pickedRoad());
    CHECK(*demo.planning().pickedRoad() == allosEdge);
    CHECK(demo.planning().pickedRoadText().startsWith("D908"));  // the canonical reference of "D 908"
    CHECK_FALSE(demo.planning().closePickedRoad());              // already closed
    REQUIRE(demo.planning().reopenPickedRoad());
    demo.settle();
    CHECK(demo.project().roadClosures().size() == 2);
    CHECK(demo.coverage().result().surface.minutes != winterMinutes);
    demo.undo().undo();
    demo.settle();
    CHECK(demo.project().roadClosures().size() == 3);
    CHECK(demo.beyond() == Approx(winter));

    // A segment of the N85 picked on the map and closed: one closure by position.
    std::optional<EdgeId> n85;
    const RoadGraph& graph = *demo.project().data().graph;
    for (EdgeId e = 0; e < graph.edgeCount() && !n85; ++e)
        if (canonicalRoadRef(graph.edgeRef(e)) == "N85" && graph.edgeMetres(e) > 300
            && demo.project().territory().communeAt(graph.nodePosition(graph.edgeFrom(e))))
            n85 = e;
    REQUIRE(n85);
    const RoadGraph::Shape n85Shape = graph.edgeShape(*n85);
    const XY onN85{(n85Shape[0].x + n85Shape[1].x) / 2, (n85Shape[0].y + n85Shape[1].y) / 2};
    demo.zoomAround(onN85, 3000);
    QTest::mouseClick(&demo.canvas(), Qt::LeftButton, Qt::NoModifier, demo.screen(onN85));
    REQUIRE(demo.planning().pickedRoad() == n85);
    REQUIRE(demo.planning().closePickedRoad());
    demo.settle();
    REQUIRE(demo.project().roadClosures().size() == 4);
    CHECK(demo.project().roadClosures().back().method == ClosureMethod::Position);
    REQUIRE(demo.coverage().closedNetwork());
    CHECK(demo.coverage().closedNetwork()->closedEdges() == network->closedEdges() + 1);  // the passes and the N85 segment
    CHECK(demo.beyond() >= winter);

    // Undo of each: the N85 segment, then the passes.
    demo.undo().undo();
    demo.settle();
    CHECK(demo.project().roadClosures().size() == 3);
    CHECK(demo.beyond() == Approx(winter));
    demo.undo().undo();
    demo.settle();
    CHECK(demo.project().roadClosures().empty());
    CHECK_FALSE(demo.coverage().closedNetwork());
    CHECK(demo.beyond() == Approx(baseline));
    CHECK(demo.planning().closedRoadsLayer()->closedRoads().isEmpty());
    // Leaving the road tool forgets the picked segment: nothing left in the layer's legend.
    demo.canvas().setTool(MapCanvas::Tool::Select);
    CHECK_FALSE(demo.planning().pickedRoad());
    CHECK(demo.planning().closedRoadsLayer()->legend().empty());
}

TEST_CASE("the best 3 new sites suggested on the 04, added to a new plan, lower the people beyond by the gain reported")
{
    DemoWindow demo;
    const double baseline = demo.beyond();
    SuggestionPanel& panel = *demo.planning().suggestions();
    panel.setCount(3);
    REQUIRE(panel.run());
    panel.waitForResult();
    INFO(panel.lastError().toStdString());
    REQUIRE(panel.result());
    const SiteSuggestions result = *panel.result();  // a copy: the panel clears its own when the plan changes
    REQUIRE(result.sites.size() == 3);
    CHECK(result.options.level == 2);
    CHECK(result.options.thresholdMinutes == 20.0);
    CHECK(result.options.maxPerCommune == 1);
    CHECK(panel.beyondBefore() == Approx(baseline).margin(0.5));
    const double gain = result.gain();
    CHECK(gain > 1000);
    // On the map: one ring per site.
    CHECK(demo.planning().suggestionsLayer()->sites().size() == 3);
    // Shown in the table with their marginal gains adding up to the total.
    double sum = 0.0;
    for (const SuggestedSite& site : result.sites) sum += site.marginalGain;
    CHECK(sum == Approx(gain));

    const std::size_t points = demo.project().points().size();
    const QString plan = panel.addChosenToPlan();
    REQUIRE(plan == "Suggestions k=3");
    // Another plan made from suggestions would not take that name again.
    CHECK(demo.project().unusedPlanName(plan) == "Suggestions k=3 (2)");
    CHECK(demo.project().unusedPlanName(QStringLiteral("Hiver")) == "Hiver");
    demo.settle();
    CHECK(demo.project().activeScenario() == plan);
    CHECK(demo.project().points().size() == points + 3);
    CHECK(demo.project().points().back().kind == "france_services");
    CHECK(demo.beyond() == Approx(baseline - gain).margin(1.0));
    CHECK(demo.undo().count() == 1);  // one edit

    demo.undo().undo();
    demo.settle();
    CHECK_FALSE(demo.project().scenarioExists(plan));
    CHECK(demo.project().activeScenario() == kBaselineScenario);
    CHECK(demo.beyond() == Approx(baseline));

    // Only the sites checked are added, to the plan shown. Showing the new plan cleared the
    // baseline's suggestions (they belong to the scenario shown when they were made): they are
    // asked again in the plan, a copy of the baseline, so they are the same sites.
    REQUIRE(demo.scenarios().createPlan(QStringLiteral("deux sites")));
    CHECK(panel.result() == nullptr);
    REQUIRE(panel.run());
    panel.waitForResult();
    REQUIRE(panel.result());
    REQUIRE(panel.result()->sites.size() == 3);
    CHECK(panel.result()->sites[0].marginalGain == Approx(result.sites[0].marginalGain));
    panel.setChosen(2, false);
    CHECK(panel.addChosenToPlan() == "deux sites");
    demo.settle();
    CHECK(demo.project().points().size() == points + 2);
    CHECK(demo.beyond() == Approx(baseline - result.sites[0].marginalGain - result.sites[1].marginalGain).margin(1.0));
    demo.undo().undo();
    demo.settle();
    CHECK(demo.project().points().size() == points);
    CHECK(demo.project().activeScenario() == "deux sites");
}

TEST_CASE("the comparison table gives the core comparison's figures, and the map its difference zones")
{
    DemoWindow demo;
    ComparisonPanel& panel = *demo.planning().comparison();
    const int commune = test::mostPopulatedCommuneBeyond(demo.coverage().result());
    REQUIRE(commune >= 0);
    const QString insee = demo.project().territory().communes[std::size_t(commune)].insee;
    // A plan that only adds a France services: its gains are its own, no note on closures.
    REQUIRE(demo.scenarios().createPlan(QStringLiteral("un site")));
    REQUIRE(demo.window.addPointAtTownHall(insee));
    demo.settle();
    REQUIRE(panel.setScenarios(kBaselineScenario, QStringLiteral("un site")));
    REQUIRE(panel.run());
    panel.waitForResult();
    REQUIRE(panel.comparison());
    CHECK(panel.comparison()->coveredKm2 > 10);
    CHECK_FALSE(panel.summaryText().contains(QStringLiteral("ferme des routes")));

    // A plan with the winter passes closed and a France services at the most populated town
    // hall beyond 20 minutes: zones both come within and go beyond the threshold.
    REQUIRE(demo.scenarios().createPlan(QStringLiteral("mixte")));
    REQUIRE(demo.planning().applyClosurePreset(QStringLiteral("hiver-04")));
    REQUIRE(demo.window.addPointAtTownHall(insee));
    demo.settle();

    REQUIRE(panel.setScenarios(kBaselineScenario, QStringLiteral("mixte")));
    REQUIRE(panel.run());
    panel.waitForResult();
    INFO(panel.lastError().toStdString());
    const auto shown = panel.comparison();
    REQUIRE(shown);

    const auto core = demo.core();
    const ScenarioCoverage a = core->runner->compute(loadScenarioView(demo.project().store(), kBaselineScenario), kLevel2);
    const ScenarioCoverage b =
        core->runner->compute(loadScenarioView(demo.project().store(), QStringLiteral("mixte")), kLevel2);
    const ScenarioComparison expected =
        compareCoverage(core->runner->baselineContext(), a.result, b.result, "A", "B", {.changeZones = false});
    CHECK(shown->departement.a.beyondSpread == Approx(expected.departement.a.beyondSpread));
    CHECK(shown->departement.b.beyondSpread == Approx(expected.departement.b.beyondSpread));
    CHECK(shown->departement.b.areaBeyondKm2 == Approx(expected.departement.b.areaBeyondKm2));
    CHECK(shown->coveredKm2 == Approx(expected.coveredKm2));
    CHECK(shown->uncoveredKm2 == Approx(expected.uncoveredKm2));
    CHECK(shown->coveredKm2 > 10);
    CHECK(shown->uncoveredKm2 > 0);  // the winter pass sections: little area goes beyond (0.08 km² on the demo)

    // The table: the département, then each EPCI, with the core's numbers as printed.
    const QTableWidget& table = *panel.table();
    REQUIRE(table.rowCount() == int(1 + expected.epcis.size()));
    const auto cell = [&](int row, int column) { return table.item(row, column)->text(); };
    CHECK(cell(0, ComparisonPanel::BeyondA) == formatCount(std::llround(expected.departement.a.beyondSpread)));
    CHECK(cell(0, ComparisonPanel::BeyondB) == formatCount(std::llround(expected.departement.b.beyondSpread)));
    for (std::size_t e = 0; e < expected.epcis.size(); ++e) {
        const int row = int(e) + 1;
        INFO(cell(row, ComparisonPanel::Area).toStdString());
        CHECK(cell(row, ComparisonPanel::BeyondA) == formatCount(std::llround(expected.epcis[e].a.beyondSpread)));
        CHECK(cell(row, ComparisonPanel::BeyondB) == formatCount(std::llround(expected.epcis[e].b.beyondSpread)));
        CHECK(cell(row, ComparisonPanel::AreaB).startsWith(QLocale().toString(expected.epcis[e].b.areaBeyondKm2, 'f', 0)));
    }
    CHECK(panel.summaryText().contains(formatCount(std::llround(expected.departement.b.beyondSpread))));
    // B closes roads and zones come within the threshold: the text says that cells next to a
    // closed road join another road, which may account for part of it.
    CHECK(panel.summaryText().contains(QStringLiteral("« mixte » ferme des routes")));
    CHECK(panel.summaryText().contains(QStringLiteral("passe sous le seuil peut venir de là")));
    // Swapped, the plan that closes roads is A, and the zones going beyond are named.
    REQUIRE(panel.setScenarios(QStringLiteral("mixte"), kBaselineScenario));
    REQUIRE(panel.run());
    panel.waitForResult();
    CHECK(panel.summaryText().contains(QStringLiteral("« mixte » ferme des routes")));
    CHECK(panel.summaryText().contains(QStringLiteral("passe au-delà du seuil peut venir de là")));
    REQUIRE(panel.setScenarios(kBaselineScenario, QStringLiteral("mixte")));
    REQUIRE(panel.run());
    panel.waitForResult();

    // The difference layer: green and red zones, with a legend naming B.
    const DifferenceLayer& layer = *demo.planning().differenceLayer();
    CHECK(layer.hasContent());
    CHECK(layer.isVisible());
    REQUIRE(layer.legend().size() == 2);
    CHECK(layer.legend()[0].label.contains("mixte"));
    CHECK_FALSE(layer.extent().isEmpty());
}

TEST_CASE(
    "plans are created, copied, renamed and deleted from the scenario dock — a deleted plan comes back whole with undo")
{
    DemoWindow demo;
    ScenarioPanel& panel = demo.scenarios();
    REQUIRE(panel.createPlan(QStringLiteral("A")));
    REQUIRE(demo.planning().applyClosurePreset(QStringLiteral("hiver-04")));
    REQUIRE(demo.window.addPointAtTownHall(QStringLiteral("Seyne")));
    demo.settle();
    const double inA = demo.beyond();
    const qint64 addedId = demo.project().points().back().id;

    REQUIRE(panel.createPlan(QStringLiteral("B"), QStringLiteral("A")));
    CHECK(demo.project().activeScenario() == "B");
    CHECK(demo.project().roadClosures().size() == 3);
    demo.settle();
    CHECK(demo.beyond() == Approx(inA));
    REQUIRE(panel.renamePlan(QStringLiteral("B"), QStringLiteral("C")));
    CHECK(demo.project().activeScenario() == "C");
    CHECK_FALSE(panel.createPlan(QStringLiteral("c")));  // names are unique without regard to case
    CHECK_FALSE(panel.deletePlan(kBaselineScenario));
    CHECK_FALSE(panel.renamePlan(kBaselineScenario, QStringLiteral("X")));

    REQUIRE(panel.activate(QStringLiteral("A")));
    REQUIRE(panel.deletePlan(QStringLiteral("A")));
    CHECK(demo.project().activeScenario() == kBaselineScenario);
    CHECK_FALSE(demo.project().scenarioExists("A"));
    demo.undo().undo();
    demo.settle();
    REQUIRE(demo.project().scenarioExists("A"));
    CHECK(demo.project().activeScenario() == "A");
    CHECK(demo.project().roadClosures().size() == 3);
    CHECK(demo.beyond() == Approx(inA));
    // Edits made before the deletion still undo: the point added to A (now under a new id).
    const int steps = demo.undo().index();
    REQUIRE(steps >= 5);      // A, closures, point, B, rename
    demo.undo().setIndex(2);  // back to A with its closures only
    demo.settle();
    CHECK(demo.project().activeScenario() == "A");
    CHECK(demo.project().point(addedId) == nullptr);
    CHECK(demo.project().points().size() == demo.project().baselinePoints().size());
    demo.undo().setIndex(0);
    demo.settle();
    CHECK(demo.project().plans().empty());
    CHECK(demo.project().activeScenario() == kBaselineScenario);
}

TEST_CASE("when a town hall moves in the baseline, its commune's time is taken from its new place")
{
    DemoWindow demo;
    const int commune = demo.communeIndex(QStringLiteral("Seyne"));
    const QString insee = demo.project().territory().communes[std::size_t(commune)].insee;
    const AccueilPoint* townHall = nullptr;
    for (const AccueilPoint& p : demo.project().points())
        if (p.kind == "mairie" && p.communeInsee == insee) townHall = &p;
    REQUIRE(townHall);
    const qint64 id = townHall->id;
    const XY from = townHall->lambert93;
    const float before = demo.coverage().result().population.communes[std::size_t(commune)].townHallMinutes;
    // A few km away, still in Seyne (a large mountain commune).
    std::optional<XY> found;
    for (const XY offset : {XY{0, 4000}, XY{4000, 0}, XY{0, -4000}, XY{-4000, 0}, XY{3000, 3000}, XY{-3000, -3000}}) {
        const XY there{from.x + offset.x, from.y + offset.y};
        const maillage::Commune* c = demo.project().territory().communeAt(there);
        if (c && c->insee == insee) {
            found = there;
            break;
        }
    }
    REQUIRE(found);
    const XY to = *found;
    demo.undo().push(new MovePointsCommand(demo.project(), {{id, from, to}}));
    demo.settle();
    CHECK(demo.coverage().context()->townHalls().positions[std::size_t(commune)].y == Approx(to.y));
    const float after = demo.coverage().result().population.communes[std::size_t(commune)].townHallMinutes;
    CHECK(after != Approx(before));
    demo.undo().undo();
    demo.settle();
    CHECK(demo.coverage().context()->townHalls().positions[std::size_t(commune)].y == Approx(from.y));
    CHECK(demo.coverage().result().population.communes[std::size_t(commune)].townHallMinutes == Approx(before));
}

TEST_CASE("showing another plan clears the suggestions and the comparison made for the plan shown before")
{
    DemoWindow demo;
    REQUIRE(demo.scenarios().createPlan(QStringLiteral("hiver")));
    REQUIRE(demo.planning().applyClosurePreset(QStringLiteral("hiver-04")));
    demo.settle();

    SuggestionPanel& suggestions = *demo.planning().suggestions();
    suggestions.setCount(2);
    REQUIRE(suggestions.run());
    suggestions.waitForResult();
    REQUIRE(suggestions.result());
    CHECK(suggestions.resultScenario() == "hiver");
    // The PDF prints the plan as shown: its suggested sites ringed as on the map.
    const auto printedSuggestions = [&demo] {
        PdfExportDialog dialog(demo.project(), demo.coverage(), *demo.window.layers(), &demo.window);
        REQUIRE(dialog.layout());
        const std::vector<QString> ids = dialog.layout()->mapLayerIds();
        const bool layer = std::find(ids.begin(), ids.end(), QStringLiteral("suggestions")) != ids.end();
        const QImage page = dialog.layout()->pageImage(0);
        const QColor ring = QColor::fromRgba(render::SuggestionsLayer::kSiteColour);
        int pixels = 0;
        for (int y = 0; y < page.height(); ++y)
            for (int x = 0; x < page.width(); ++x) {
                const QColor c = page.pixelColor(x, y);
                pixels +=
                    std::abs(c.red() - ring.red()) + std::abs(c.green() - ring.green()) + std::abs(c.blue() - ring.blue())
                    <= 24;
            }
        return std::pair{layer, pixels};
    };
    const auto [printedLayer, ringPixels] = printedSuggestions();
    CHECK(printedLayer);
    CHECK(ringPixels > 30);

    ComparisonPanel& comparison = *demo.planning().comparison();
    REQUIRE(comparison.setScenarios(kBaselineScenario, QStringLiteral("hiver")));
    REQUIRE(comparison.run());
    comparison.waitForResult();
    REQUIRE(comparison.comparison());
    CHECK(comparison.summaryText().contains("hiver"));

    REQUIRE(demo.scenarios().activate(kBaselineScenario));
    CHECK(suggestions.result() == nullptr);
    CHECK(comparison.comparison() == nullptr);
    CHECK_FALSE(printedSuggestions().first);  // nor printed
    CHECK_FALSE(comparison.summaryText().contains("hiver"));
}

TEST_CASE("the Plans menu offers to rename or delete a plan only while a plan is shown")
{
    DemoWindow demo;
    auto* deleteAction = demo.window.findChild<QAction*>(QStringLiteral("deletePlanAction"));
    REQUIRE(deleteAction);
    CHECK_FALSE(deleteAction->isEnabled());
    REQUIRE(demo.scenarios().createPlan(QStringLiteral("essai")));
    CHECK(deleteAction->isEnabled());
    REQUIRE(demo.scenarios().activate(kBaselineScenario));
    CHECK_FALSE(deleteAction->isEnabled());
}
