// A project shared by a team: several planners editing at once (each with their own
// connection), conflicts detected and named, a read-only role, hostile text in every field.
// Each case runs on a GeoPackage file and on the PostgreSQL test cluster.
#include <catch2/catch.hpp>

#include "common/error.h"
#include "geo/crs.h"
#include "store/scenarios.h"
#include "store/store.h"
#include "support/store_backends.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QThread>

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
