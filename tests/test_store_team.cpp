// A project shared by a team: several planners editing at once (each with their own
// connection), conflicts detected and named, a read-only role, hostile text in every field.
// Each case runs on a GeoPackage file and on the PostgreSQL test cluster.
#include <catch2/catch.hpp>

#include "common/error.h"
#include "geo/crs.h"
#include "store/scenarios.h"
#include "store/store.h"
#include "support/raw_connection.h"
#include "support/store_backends.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QThread>

#include <functional>
#include <future>

using namespace maillage;

namespace {

AccueilPoint makePoint(const QString& name, double shift = 0.0)
{
    AccueilPoint p;
    p.name = name;
    p.level = Level::Second;
    p.kind = QStringLiteral("france_services");
    p.wgs84 = {6.2357 + shift, 44.0925 + shift};
    p.lambert93 = toLambert93(p.wgs84);
    p.communeInsee = QStringLiteral("04070");
    return p;
}

}  // namespace

TEST_CASE("two planners editing different points both see their edits saved", "[store][team]")
{
    MAILLAGE_ON_EACH_BACKEND(project);
    qint64 first = 0, second = 0;
    {
        Store setup = Store::create(project.location());
        first = setup.insertPoint(makePoint(QStringLiteral("France services de Digne")));
        second = setup.insertPoint(makePoint(QStringLiteral("France services de Sisteron"), 0.1));
    }
    Store alice = Store::open(project.location());
    Store bob = Store::open(project.location());
    AccueilPoint a = *alice.point(first);
    AccueilPoint b = *bob.point(second);
    a.notes = QStringLiteral("horaires d'été");
    b.weeklyHours = 30.0;
    alice.updatePoint(a);
    bob.updatePoint(b);

    Store reader = Store::open(project.location());
    CHECK(reader.point(first)->notes == QStringLiteral("horaires d'été"));
    CHECK(reader.point(second)->weeklyHours == 30.0);
    CHECK(reader.point(first)->rowVersion == 2);
    CHECK(reader.point(second)->rowVersion == 2);
}

TEST_CASE("the second edit of the same point is refused and names who changed it", "[store][team]")
{
    MAILLAGE_ON_EACH_BACKEND(project);
    qint64 id = 0;
    {
        Store setup = Store::create(project.location());
        id = setup.insertPoint(makePoint(QStringLiteral("Mairie de Riez")));
    }
    Store alice = Store::open(project.location());
    Store bob = Store::open(project.location());
    AccueilPoint aliceCopy = *alice.point(id);
    AccueilPoint bobCopy = *bob.point(id);
    CHECK(aliceCopy.rowVersion == 1);

    aliceCopy.name = QStringLiteral("Mairie de Riez (rénovée)");
    alice.updatePoint(aliceCopy);

    bobCopy.notes = QStringLiteral("fermée le mercredi");
    try {
        bob.updatePoint(bobCopy);
        FAIL("the second edit was saved over the first");
    } catch (const EditConflict& conflict) {
        CHECK(conflict.pointId() == id);
        CHECK(conflict.changedBy() == alice.editor());
        CHECK_FALSE(conflict.changedBy().isEmpty());
        CHECK(conflict.message().contains(alice.editor()));
        CHECK(conflict.message().contains(QStringLiteral("Reload")));
    }
    // Nothing of the refused edit was written; reloading and editing again works.
    AccueilPoint reloaded = *bob.point(id);
    CHECK(reloaded.name == QStringLiteral("Mairie de Riez (rénovée)"));
    CHECK(reloaded.notes.isEmpty());
    CHECK(reloaded.updatedBy == alice.editor());
    reloaded.notes = QStringLiteral("fermée le mercredi");
    bob.updatePoint(reloaded);
    const AccueilPoint both = *alice.point(id);
    CHECK(both.name == QStringLiteral("Mairie de Riez (rénovée)"));
    CHECK(both.notes == QStringLiteral("fermée le mercredi"));
    CHECK(both.rowVersion == 3);
}

TEST_CASE("an editor's own successive changes of a point are not conflicts", "[store][team]")
{
    MAILLAGE_ON_EACH_BACKEND(project);
    Store store = Store::create(project.location());
    const AccueilPoint original = *store.point(store.insertPoint(makePoint(QStringLiteral("Agence postale"))));
    AccueilPoint moved = original;
    moved.lambert93.x += 50.0;
    moved.wgs84 = toWgs84(moved.lambert93);
    store.updatePoint(moved);
    store.updatePoint(original);  // undo, with the copy read before the move
    CHECK(store.point(original.id)->lambert93.x == original.lambert93.x);
    CHECK(store.point(original.id)->rowVersion == 3);
}

TEST_CASE("a store opened on a copy of the project adopts the editor's own changes made before the copy", "[store][team]")
{
    MAILLAGE_ON_EACH_BACKEND(project);
    AccueilPoint original;
    Store::OwnVersions own;
    {
        Store store = Store::create(project.location());
        original = *store.point(store.insertPoint(makePoint(QStringLiteral("Agence postale"))));
        AccueilPoint renamed = original;
        renamed.name = QStringLiteral("Agence postale communale");
        store.updatePoint(renamed);
        own = store.ownVersions();
    }
    // As after Save as: the same rows, another store. Undoing the rename is the editor's own change.
    Store copy = Store::open(project.location());
    const AccueilPoint undone = original;
    CHECK_THROWS_AS(copy.updatePoint(undone), EditConflict);  // without the editor's versions, a conflict
    copy.adoptOwnVersions(own);
    copy.updatePoint(undone);
    CHECK(copy.point(original.id)->name == original.name);
}

TEST_CASE("concurrent edits from two threads of the same point: one is saved, the other told", "[store][team]")
{
    MAILLAGE_ON_EACH_BACKEND(project);
    qint64 id = 0;
    {
        Store setup = Store::create(project.location());
        id = setup.insertPoint(makePoint(QStringLiteral("CCAS de Manosque")));
    }
    // Each thread has its own connection, as two planners' programs would.
    auto edit = [&](const QString& notes) {
        Store store = Store::open(project.location(), {.busyTimeout = std::chrono::milliseconds(10000)});
        AccueilPoint point = *store.point(id);
        point.notes = notes;
        try {
            store.updatePoint(point);
            return QStringLiteral("saved");
        } catch (const EditConflict&) {
            return QStringLiteral("conflict");
        }
    };
    // Both read version 1 before either writes: start them together many times over.
    int saved = 0, conflicts = 0;
    for (int round = 0; round < 5; ++round) {
        auto one = std::async(std::launch::async, edit, QStringLiteral("one %1").arg(round));
        auto two = std::async(std::launch::async, edit, QStringLiteral("two %1").arg(round));
        for (const QString& outcome : {one.get(), two.get()}) (outcome == QLatin1String("saved") ? saved : conflicts) += 1;
    }
    // Whatever the interleaving, no edit is lost silently: every edit either landed (and
    // counts in the row version) or was refused.
    Store reader = Store::open(project.location());
    CHECK(saved + conflicts == 10);
    CHECK(reader.point(id)->rowVersion == 1 + saved);
}

TEST_CASE("hostile text in every text field is stored and read back as plain text", "[store][team]")
{
    MAILLAGE_ON_EACH_BACKEND(project);
    // Classic injections, both SQL dialects' quoting, placeholders and a NUL-free control mix.
    const QStringList attempts{
        QStringLiteral("'); DROP TABLE accueil_points; --"),
        QStringLiteral("\"; DROP TABLE scenarios; --"),
        QStringLiteral("x' OR '1'='1"),
        QStringLiteral("$1 $$ ?; :name ? \\' \\\\"),
        QStringLiteral("Robert'); DELETE FROM project_settings WHERE ('a'='a"),
    };
    Store store = Store::create(project.location());
    ScenarioStore plans(store);
    for (int i = 0; i < attempts.size(); ++i) {
        const QString& text = attempts[i];
        INFO(text.toStdString());
        AccueilPoint point = makePoint(text, i * 0.01);
        point.communeInsee = text;
        point.openingHours = text;
        point.address = text;
        point.source = text;
        point.sourceId = text;
        point.notes = text;
        const qint64 id = store.insertPoint(point);
        const AccueilPoint read = *store.point(id);
        for (const QString& field :
             {read.name, read.communeInsee, read.openingHours, read.address, read.source, read.sourceId, read.notes})
            CHECK(field == text);
        CHECK(store.points({.kind = text}).empty());
        CHECK(store.points({.source = text}).size() == 1);
        CHECK(store.points({.communeInsee = QStringList{text}}).size() == 1);
        CHECK(store.upsertBySource({point}).unchanged == 1);

        store.setSetting(text, text);
        CHECK(store.setting(text) == text);

        const QString planName = QStringLiteral("plan %1 %2").arg(i).arg(text);
        plans.create(planName, text);
        AccueilPoint added = point;
        added.name = text;
        plans.addPoint(planName, added);
        RoadClosure closure;
        closure.ref = text;
        closure.note = text;
        plans.addRoadClosure(planName, closure);
        const Scenario plan = plans.scenario(planName);
        CHECK(plan.description == text);
        REQUIRE(plan.addedPoints.size() == 1);
        CHECK(plan.addedPoints[0].notes == text);
        REQUIRE(plan.roadClosures.size() == 1);
        CHECK(plan.roadClosures[0].ref == text);

        // Result table names are the program's (refused otherwise); columns and cells may be anything.
        CHECK_THROWS(store.writeResultTable(text, text, {{QStringLiteral("a"), false}}, {}));
        // A double quote in a column name is refused (it cannot be read back from every back-end).
        const QString column = QString(text).remove(QLatin1Char('"'));
        if (column != text)
            CHECK_THROWS(store.writeResultTable(QStringLiteral("injection"), text, {{text, false}}, {{text}}));
        store.writeResultTable(QStringLiteral("injection"), text, {{column, false}}, {{text}});
        const auto rows = store.resultTable(QStringLiteral("injection"));
        REQUIRE(rows.size() == 2);
        CHECK(rows[0] == QStringList{column});
        CHECK(rows[1] == QStringList{text});
    }
    // Every table is still there with every row.
    CHECK(store.pointCount() == attempts.size());
    CHECK(plans.list().size() == std::size_t(attempts.size()));
    for (const QString& text : attempts) CHECK(store.setting(text) == text);
}

namespace {

// Runs the event loop until `done` or `ms` have passed (notifications arrive through it).
template <typename Predicate>
bool waitFor(Predicate&& done, int ms = 5000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < ms) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    return done();
}

}  // namespace

TEST_CASE("a server project announces every committed write to the project's other connections", "[store][team]")
{
    MAILLAGE_ON_EACH_BACKEND(project);
    Store mine = Store::create(project.location());
    Store theirs = Store::open(project.location());
    QObject context;
    int announced = 0;
    const bool listening = mine.watchChanges(&context, [&] { ++announced; });
    if (project.isFile()) {
        // A file has nobody to listen to: the application polls it instead.
        CHECK_FALSE(listening);
        return;
    }
    REQUIRE(listening);

    // A point, a plan and a road closure written by the other connection: each is announced.
    const qint64 id = theirs.insertPoint(makePoint(QStringLiteral("Annoncé")));
    REQUIRE(waitFor([&] { return announced >= 1; }));
    ScenarioStore plans(theirs);
    plans.create(QStringLiteral("Hiver"));
    REQUIRE(waitFor([&] { return announced >= 2; }));
    RoadClosure closure;
    closure.ref = QStringLiteral("D908");
    plans.addRoadClosure(QStringLiteral("Hiver"), closure);
    REQUIRE(waitFor([&] { return announced >= 3; }));

    // Nothing for a write rolled back, nor for this connection's own writes.
    announced = 0;
    {
        Store::Batch batch(theirs);
        theirs.deletePoint(id);
    }  // not committed
    AccueilPoint own = *mine.point(id);
    own.notes = QStringLiteral("ma modification");
    mine.updatePoint(own);
    CHECK_FALSE(waitFor([&] { return announced > 0; }, 500));
    CHECK(mine.point(id).has_value());
}

// ---------------------------------------------------------------------------------------------
// Plans (schema version 6): a plan counts its changes as a point does.

namespace {

const QString kPlan = QStringLiteral("Plan 2030");

struct PlanSetup {
    qint64 baselinePoint = 0;  // a point of the project the plan may close or change
    qint64 closure = 0;        // a road closure of the plan
    qint64 planned = 0;        // a point the plan adds (negative id)
};

PlanSetup makePlanProject(const QString& location)
{
    Store setup = Store::create(location);
    PlanSetup made;
    made.baselinePoint = setup.insertPoint(makePoint(QStringLiteral("Mairie de Castellane")));
    ScenarioStore plans(setup);
    plans.create(kPlan, QStringLiteral("réseau cible"));
    made.planned = plans.addPoint(kPlan, makePoint(QStringLiteral("France services de Castellane"), 0.05));
    RoadClosure closure;
    closure.ref = QStringLiteral("D952");
    made.closure = plans.addRoadClosure(kPlan, closure);
    return made;
}

// Every kind of write of a plan, by name, so that each can be tried from a stale read.
struct PlanWrite {
    const char* name;
    std::function<void(ScenarioStore&, const PlanSetup&)> write;
};

std::vector<PlanWrite> planWrites()
{
    return {
        {"rename", [](ScenarioStore& s, const PlanSetup&) { s.rename(kPlan, QStringLiteral("plan 2030")); }},
        {"setDescription", [](ScenarioStore& s, const PlanSetup&) { s.setDescription(kPlan, QStringLiteral("revu")); }},
        {"addPoint", [](ScenarioStore& s, const PlanSetup&) { s.addPoint(kPlan, makePoint(QStringLiteral("Bus"), 0.07)); }},
        {"updatePoint",
         [](ScenarioStore& s, const PlanSetup& p) {
             AccueilPoint point = makePoint(QStringLiteral("France services (déplacée)"), 0.06);
             point.id = p.planned;
             s.updatePoint(kPlan, point);
         }},
        {"closePoint", [](ScenarioStore& s, const PlanSetup& p) { s.closePoint(kPlan, p.baselinePoint); }},
        {"setPointLevel",
         [](ScenarioStore& s, const PlanSetup& p) { s.setPointLevel(kPlan, p.baselinePoint, Level::Second); }},
        {"setPointChange",
         [](ScenarioStore& s, const PlanSetup& p) {
             PointChange change;
             change.pointId = p.baselinePoint;
             change.closed = true;
             s.setPointChange(kPlan, change);
         }},
        {"addRoadClosure",
         [](ScenarioStore& s, const PlanSetup&) {
             RoadClosure closure;
             closure.ref = QStringLiteral("D908");
             s.addRoadClosure(kPlan, closure);
         }},
        {"removeRoadClosure", [](ScenarioStore& s, const PlanSetup& p) { s.removeRoadClosure(kPlan, p.closure); }},
        {"remove", [](ScenarioStore& s, const PlanSetup&) { s.remove(kPlan); }},
    };
}

}  // namespace

TEST_CASE("the second change of the same plan is refused and names who changed it", "[store][team][plans]")
{
    MAILLAGE_ON_EACH_BACKEND(project);
    const PlanSetup setup = makePlanProject(project.location());
    Store alice = Store::open(project.location());
    Store bob = Store::open(project.location());
    ScenarioStore alicePlans(alice), bobPlans(bob);
    const Scenario read = bobPlans.scenario(kPlan);
    CHECK(alicePlans.scenario(kPlan).rowVersion == read.rowVersion);
    CHECK(read.updatedBy == alice.editor());  // the store that made it: the same user in this test

    alicePlans.setDescription(kPlan, QStringLiteral("réseau cible, revu par Alice"));
    try {
        bobPlans.closePoint(kPlan, setup.baselinePoint);
        FAIL("the second change of the plan was saved over the first");
    } catch (const PlanConflict& conflict) {
        CHECK(conflict.pointId() == 0);
        CHECK(conflict.planId() == read.id);
        CHECK(conflict.plan() == kPlan);
        CHECK(conflict.changedBy() == alice.editor());
        CHECK(conflict.message().contains(alice.editor()));
        CHECK(conflict.message().contains(QStringLiteral("changed this plan meanwhile")));
        CHECK(conflict.message().contains(QStringLiteral("Reload the plan")));
    }
    // Nothing of the refused change was written; reading the plan again and changing it works.
    const Scenario reloaded = bobPlans.scenario(kPlan);
    CHECK(reloaded.pointChanges.empty());
    CHECK(reloaded.description == QStringLiteral("réseau cible, revu par Alice"));
    CHECK(reloaded.rowVersion == read.rowVersion + 1);
    bobPlans.closePoint(kPlan, setup.baselinePoint);
    const Scenario both = alicePlans.scenario(kPlan);
    CHECK(both.description == QStringLiteral("réseau cible, revu par Alice"));
    REQUIRE(both.pointChanges.size() == 1);
    CHECK(both.pointChanges[0].closed);
    CHECK(both.rowVersion == read.rowVersion + 2);
    CHECK(both.updatedBy == bob.editor());
}

TEST_CASE("every write of a plan counts as a change of it and is refused from a stale read", "[store][team][plans]")
{
    MAILLAGE_ON_EACH_BACKEND(project);
    for (const PlanWrite& write : planWrites()) {
        const QString hint = QString::fromLatin1(write.name).toLower();
        INFO("write: " << write.name);
        {
            // Refused when someone else changed the plan since it was read; nothing written.
            test::TestProject each(project.backend(), hint + QStringLiteral("_refused"));
            const PlanSetup setup = makePlanProject(each.location());
            Store alice = Store::open(each.location());
            Store bob = Store::open(each.location());
            ScenarioStore alicePlans(alice), bobPlans(bob);
            bobPlans.scenario(kPlan);
            alicePlans.setDescription(kPlan, QStringLiteral("changé par Alice"));
            const Scenario before = alicePlans.scenario(kPlan);
            CHECK_THROWS_AS(write.write(bobPlans, setup), PlanConflict);
            const Scenario after = alicePlans.scenario(kPlan);
            CHECK(after.rowVersion == before.rowVersion);
            CHECK(after.name == before.name);
            CHECK(after.addedPoints.size() == before.addedPoints.size());
            CHECK(after.pointChanges.size() == before.pointChanges.size());
            CHECK(after.roadClosures.size() == before.roadClosures.size());
            // Read again, the same write is saved.
            bobPlans.scenario(kPlan);
            write.write(bobPlans, setup);
        }
        {
            // The write counts: the other planner's change from their earlier read is refused.
            test::TestProject each(project.backend(), hint + QStringLiteral("_counts"));
            const PlanSetup setup = makePlanProject(each.location());
            Store alice = Store::open(each.location());
            Store bob = Store::open(each.location());
            ScenarioStore alicePlans(alice), bobPlans(bob);
            const qint64 read = bobPlans.scenario(kPlan).rowVersion;
            alicePlans.scenario(kPlan);
            write.write(alicePlans, setup);
            if (QLatin1String(write.name) == QLatin1String("remove")) {
                CHECK_THROWS_WITH(bobPlans.setDescription(kPlan, QStringLiteral("trop tard")),
                                  Catch::Contains("no scenario"));
                continue;
            }
            CHECK(alicePlans.scenario(kPlan).rowVersion == read + 1);
            CHECK_THROWS_AS(bobPlans.setDescription(kPlan, QStringLiteral("changé par Bob")), PlanConflict);
        }
    }
}

TEST_CASE("a planner's own successive changes of a plan are not conflicts", "[store][team][plans]")
{
    MAILLAGE_ON_EACH_BACKEND(project);
    const PlanSetup setup = makePlanProject(project.location());
    Store store = Store::open(project.location());
    ScenarioStore plans(store);
    const qint64 read = plans.scenario(kPlan).rowVersion;
    plans.closePoint(kPlan, setup.baselinePoint);
    plans.revertPoint(kPlan, setup.baselinePoint);  // undo
    plans.closePoint(kPlan, setup.baselinePoint);   // redo
    {
        // Several changes saved together.
        Store::Batch batch(store);
        plans.setDescription(kPlan, QStringLiteral("ensemble"));
        plans.removeRoadClosure(kPlan, setup.closure);
        batch.commit();
    }
    {
        // Changes rolled back leave the plan at the version this store knows: no false conflict after.
        Store::Batch batch(store);
        plans.addPoint(kPlan, makePoint(QStringLiteral("jamais enregistré"), 0.08));
        plans.setDescription(kPlan, QStringLiteral("jamais enregistré"));
    }
    // A write that fails after counting the change (no such planned point) is rolled back whole.
    AccueilPoint missing = makePoint(QStringLiteral("absent"), 0.09);
    missing.id = -999;
    CHECK_THROWS_WITH(plans.updatePoint(kPlan, missing), Catch::Contains("no planned point"));
    plans.setDescription(kPlan, QStringLiteral("après"));
    // A plan made by this store is its own too.
    plans.create(QStringLiteral("Autre plan"));
    plans.setDescription(QStringLiteral("Autre plan"), QStringLiteral("sans relire"));

    Store reader = Store::open(project.location());
    const Scenario plan = ScenarioStore(reader).scenario(kPlan);
    CHECK(plan.rowVersion == read + 6);
    CHECK(plan.description == QStringLiteral("après"));
    CHECK(plan.addedPoints.size() == 1);
    CHECK(plan.roadClosures.empty());
    CHECK(ScenarioStore(reader).list().front().rowVersion == 2);  // "Autre plan": created, described
}

TEST_CASE("a plan never read by a store is changed without a check (the command line)", "[store][team][plans]")
{
    MAILLAGE_ON_EACH_BACKEND(project);
    const PlanSetup setup = makePlanProject(project.location());
    Store alice = Store::open(project.location());
    ScenarioStore(alice).setDescription(kPlan, QStringLiteral("par Alice"));
    Store cli = Store::open(project.location());
    ScenarioStore(cli).closePoint(kPlan, setup.baselinePoint);
    const Scenario plan = ScenarioStore(alice).scenario(kPlan);
    CHECK(plan.pointChanges.size() == 1);
    CHECK(plan.description == QStringLiteral("par Alice"));
}

TEST_CASE("concurrent changes of the same plan from two threads: each is saved or told", "[store][team][plans]")
{
    MAILLAGE_ON_EACH_BACKEND(project);
    makePlanProject(project.location());
    auto edit = [&](const QString& ref) {
        Store store = Store::open(project.location(), {.busyTimeout = std::chrono::milliseconds(10000)});
        ScenarioStore plans(store);
        plans.scenario(kPlan);
        RoadClosure closure;
        closure.ref = ref;
        try {
            plans.addRoadClosure(kPlan, closure);
            return QStringLiteral("saved");
        } catch (const PlanConflict&) {
            return QStringLiteral("conflict");
        }
    };
    int saved = 0, conflicts = 0;
    for (int round = 0; round < 5; ++round) {
        auto one = std::async(std::launch::async, edit, QStringLiteral("D%1").arg(round));
        auto two = std::async(std::launch::async, edit, QStringLiteral("N%1").arg(round));
        for (const QString& outcome : {one.get(), two.get()}) (outcome == QLatin1String("saved") ? saved : conflicts) += 1;
    }
    Store reader = Store::open(project.location());
    const Scenario plan = ScenarioStore(reader).scenario(kPlan);
    CHECK(saved + conflicts == 10);
    CHECK(saved >= 5);  // the first of each round always lands
    CHECK(plan.roadClosures.size() == std::size_t(1 + saved));
    CHECK(plan.rowVersion == 3 + saved);  // created, a point added, a road closed, then the saved ones
}

TEST_CASE("a project of schema version 5 keeps its plans when upgraded to version 6", "[store][team][plans]")
{
    MAILLAGE_ON_EACH_BACKEND(project);
    const PlanSetup setup = makePlanProject(project.location());
    Scenario before;
    {
        Store store = Store::open(project.location());
        before = ScenarioStore(store).scenario(kPlan);
    }
    // Back to version 5: no row version or editor on the plans.
    if (project.isFile()) {
        test::RawConnection raw(project.location());
        raw.exec(QStringLiteral("ALTER TABLE scenarios DROP COLUMN row_version"));
        raw.exec(QStringLiteral("ALTER TABLE scenarios DROP COLUMN updated_by"));
        raw.exec(QStringLiteral("UPDATE maillage_meta SET value = '5' WHERE key = 'schema_version'"));
    } else {
        test::PgAdmin admin;
        admin.exec(QStringLiteral("ALTER TABLE %1.scenarios DROP COLUMN row_version, DROP COLUMN updated_by")
                       .arg(project.schema()));
        admin.exec(
            QStringLiteral("UPDATE %1.maillage_meta SET value = '5' WHERE key = 'schema_version'").arg(project.schema()));
    }
    Store alice = Store::open(project.location());
    CHECK(alice.schemaVersion() == 6);
    const Scenario after = ScenarioStore(alice).scenario(kPlan);
    CHECK(after.name == before.name);
    CHECK(after.description == before.description);
    CHECK(after.createdAt == before.createdAt);
    REQUIRE(after.addedPoints.size() == 1);
    CHECK(after.addedPoints[0].name == before.addedPoints[0].name);
    CHECK(after.addedPoints[0].id == setup.planned);
    REQUIRE(after.roadClosures.size() == 1);
    CHECK(after.roadClosures[0].ref == QStringLiteral("D952"));
    CHECK(after.rowVersion == 1);
    CHECK(after.updatedBy.isEmpty());  // nobody known before version 6
    // Conflicts are detected on the upgraded plans at once.
    Store bob = Store::open(project.location());
    ScenarioStore bobPlans(bob);
    bobPlans.scenario(kPlan);
    ScenarioStore(alice).closePoint(kPlan, setup.baselinePoint);
    CHECK_THROWS_AS(bobPlans.setDescription(kPlan, QStringLiteral("trop tard")), PlanConflict);
}
