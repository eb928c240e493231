// The application on a project shared by a team on PostgreSQL/PostGIS (issue 17): opened from
// the "Ouvrir un projet partagé…" dialog's location like a file, a read-only role's edit
// actions greyed with the reason, an edit conflict named and reloaded, others' changes read
// when the window comes back to the front, and a server gone: read-only, then reconnected.
// Every case runs against the throw-away cluster (tests/CMakeLists.txt, POSTGRES_TEST_PROGRAMS)
// with real connections: the window's own and other planners' (other roles).
#include <catch2/catch.hpp>
#include "common/error.h"
#include "common/gdal.h"

#include "main_actions.h"
#include "main_window.h"
#include "planning_controller.h"
#include "point_commands.h"
#include "project.h"
#include "project_session.h"
#include "scenario_panel.h"
#include "shared_project_dialog.h"
#include "shared_project_monitor.h"
#include "store/scenarios.h"
#include "store/store.h"
#include "support/demo_window.h"
#include "support/store_backends.h"
#include "user_messages.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTreeWidget>
#include <QUndoStack>

#include <cpl_error.h>

using namespace maillage;
using namespace maillage::gui;

namespace {

// A 04 project with its town halls on the test cluster, made by the command-line program.
void makeProject04(const QString& uri)
{
    REQUIRE(test::cliExitCode({"init", "--project", uri, "--communes",
                               test::sharedData(QStringLiteral("04/limites-04.gpkg")), "--communes-layer", "commune"})
            == 0);
    REQUIRE(test::cliExitCode({"import", "--project", uri, test::sharedData(QStringLiteral("04/mairies-04.csv"))}) == 0);
}

// A login role for another planner (or this window) on the project's schema: `write` gives it
// the rights to edit, else it can only read. Returns the project's URI as that role.
QString addRole(const test::TestProject& project, const QString& suffix, bool write)
{
    const QString role = project.schema() + QLatin1Char('_') + suffix;
    test::PgAdmin admin;
    admin.exec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(role));
    admin.exec(QStringLiteral("CREATE ROLE %1 LOGIN").arg(role));
    admin.exec(QStringLiteral("GRANT USAGE ON SCHEMA %1 TO %2").arg(project.schema(), role));
    const QString rights = write ? QStringLiteral("SELECT, INSERT, UPDATE, DELETE") : QStringLiteral("SELECT");
    admin.exec(QStringLiteral("GRANT %1 ON ALL TABLES IN SCHEMA %2 TO %3").arg(rights, project.schema(), role));
    if (write) admin.exec(QStringLiteral("GRANT USAGE ON ALL SEQUENCES IN SCHEMA %1 TO %2").arg(project.schema(), role));
    return QString(project.location()).replace(QStringLiteral("maillage_test@"), role + QLatin1Char('@'));
}

void openIn(MainWindow& window, const QString& location)
{
    QSignalSpy opened(&window, &MainWindow::projectOpened);
    QSignalSpy failed(&window, &MainWindow::loadFailed);
    window.openProject(location);
    REQUIRE((opened.size() == 1 || opened.wait(60'000)));
    REQUIRE(failed.isEmpty());
}

// An edit of a point's notes made in the window, through its undo stack as the form does.
void editNotesInWindow(MainWindow& window, qint64 id, const QString& notes)
{
    Project& project = *window.project();
    const AccueilPoint before = *project.point(id);
    AccueilPoint after = before;
    after.notes = notes;
    project.undoStack()->push(new EditPointCommand(project, before, after));
}

// In a plan, a baseline point's level is what changes (its other attributes change in the baseline).
void raiseLevelInWindow(MainWindow& window, qint64 id)
{
    Project& project = *window.project();
    const AccueilPoint before = *project.point(id);
    AccueilPoint after = before;
    after.level = Level::Third;
    project.undoStack()->push(new EditPointCommand(project, before, after));
}

QAbstractButton* buttonNamed(QMessageBox& box, const QString& text)
{
    for (QAbstractButton* button : box.buttons())
        if (button->text() == text) return button;
    FAIL("no button " << text.toStdString());
    return nullptr;
}

}  // namespace

TEST_CASE("the shared-project dialog takes a URI or a service name and refuses a password or a file")
{
    CHECK(SharedProjectDialog::locationFor(QStringLiteral(" maillage04 ")) == QStringLiteral("service=maillage04"));
    CHECK(SharedProjectDialog::locationFor(QStringLiteral("maillage04?schema=plan_2027"))
          == QStringLiteral("service=maillage04?schema=plan_2027"));
    CHECK(SharedProjectDialog::problemWith(QStringLiteral("postgresql://alice@sig.example.fr/sig?schema=maillage_04"))
              .isEmpty());
    CHECK(SharedProjectDialog::problemWith(QStringLiteral("service=maillage04")).isEmpty());
    CHECK(SharedProjectDialog::problemWith(QStringLiteral("postgresql://alice:secret@sig/db"))
              .contains(QStringLiteral("password")));
    CHECK(
        SharedProjectDialog::problemWith(QStringLiteral("/home/alice/04.gpkg")).contains(QStringLiteral("Projet › Ouvrir")));
    CHECK(SharedProjectDialog::problemWith(QStringLiteral("projet.gpkg")).contains(QStringLiteral("Projet › Ouvrir")));
    CHECK(SharedProjectDialog::problemWith(QStringLiteral("postgresql://alice@sig/db?schema=Bad-Name"))
              .contains(QStringLiteral("schema")));

    SharedProjectDialog dialog;
    auto* location = dialog.findChild<QLineEdit*>(QStringLiteral("sharedProjectLocation"));
    REQUIRE(location);
    // The dialog says where the password comes from, and that none is kept.
    CHECK(
        dialog.findChild<QLabel*>(QStringLiteral("sharedProjectPasswordNote"))->text().contains(QStringLiteral(".pgpass")));
    QPushButton* open = nullptr;
    for (QPushButton* button : dialog.findChildren<QPushButton*>())
        if (button->text() == QStringLiteral("Ouvrir")) open = button;
    REQUIRE(open);
    CHECK_FALSE(open->isEnabled());
    location->setText(QStringLiteral("postgresql://alice:secret@sig/db"));
    CHECK_FALSE(open->isEnabled());
    CHECK_FALSE(dialog.findChild<QLabel*>(QStringLiteral("sharedProjectProblem"))->text().isEmpty());
    location->setText(QStringLiteral("maillage04"));
    CHECK(open->isEnabled());
    CHECK(dialog.location() == QStringLiteral("service=maillage04"));
}

TEST_CASE("a shared project opens in the window as a file does and is listed in the recent projects", "[postgres]")
{
    test::TestProject project(test::Backend::Postgres, QStringLiteral("open"));
    if (!project.available()) return;
    makeProject04(project.location());

    MainWindow window;
    window.messages()->setInteractive(false);
    openIn(window, project.location());
    REQUIRE(window.project()->store().isServer());
    CHECK(window.project()->points().size() == std::size_t(Store::open(project.location()).pointCount()));
    CHECK(window.project()->points().size() > 100);
    CHECK(window.windowTitle().contains(project.schema()));
    CHECK(window.session()->canEdit());
    CHECK(window.actions()->addTool->isEnabled());
    CHECK(QSettings().value(QStringLiteral("projects/recent")).toStringList().value(0) == project.location());
    QAction* recent = window.actions()->recentMenu->actions().value(0);
    REQUIRE(recent);
    CHECK(recent->text().contains(QStringLiteral("partagé")));
    // Files derived from a server project are kept in the user's cache folder, not next to it.
    CHECK(window.project()->store().localFilesBase().startsWith(
        QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation)));
}

TEST_CASE("a read-only role sees the edit actions greyed with the reason and its edits are refused", "[postgres]")
{
    test::TestProject project(test::Backend::Postgres, QStringLiteral("reader"));
    if (!project.available()) return;
    makeProject04(project.location());
    const QString asReader = addRole(project, QStringLiteral("reader"), false);

    MainWindow window;
    window.messages()->setInteractive(false);
    openIn(window, asReader);
    CHECK_FALSE(window.session()->canEdit());
    CHECK(window.session()->readOnlyReason().contains(QStringLiteral("droit de lecture")));
    for (QAction* action : {window.actions()->addTool, window.actions()->importPoints, window.actions()->deleteSelection,
                            window.actions()->edit}) {
        INFO(action->text().toStdString());
        CHECK_FALSE(action->isEnabled());
        CHECK(action->toolTip().contains(project.schema() + QStringLiteral("_reader")));
    }
    auto* indicator = window.findChild<QLabel*>(QStringLiteral("readOnlyIndicator"));
    REQUIRE(indicator);
    CHECK_FALSE(indicator->isHidden());
    // Computing and exporting stay available; an edit made anyway is refused with the reason.
    CHECK(window.actions()->zoomHome->isEnabled());
    const qint64 id = window.project()->points().front().id;
    editNotesInWindow(window, id, QStringLiteral("essai"));
    CHECK(window.messages()->lastError().contains(QStringLiteral("read-only")));
    CHECK(Store::open(project.location()).point(id)->notes.isEmpty());
}

TEST_CASE("a read-only role sees the plan, road closure and point form commands greyed with the reason", "[postgres]")
{
    test::TestProject project(test::Backend::Postgres, QStringLiteral("readerplans"));
    if (!project.available()) return;
    makeProject04(project.location());
    {
        Store store = Store::open(project.location());
        ScenarioStore(store).create(QStringLiteral("Hiver"));
    }
    const QString asReader = addRole(project, QStringLiteral("reader"), false);
    const QString role = project.schema() + QStringLiteral("_reader");

    MainWindow window;
    window.setInteractive(false);
    openIn(window, asReader);
    REQUIRE_FALSE(window.session()->canEdit());
    PlanningController& planning = *window.planning();
    // A plan shown: its rename, delete and closure commands would be available to an editor.
    REQUIRE(planning.scenarios()->activate(QStringLiteral("Hiver")));
    REQUIRE(window.project()->planActive());

    auto greyedWithReason = [&](const QString& what, bool enabled, const QString& tip) {
        INFO(what.toStdString() << " — tip: " << tip.toStdString());
        CHECK_FALSE(enabled);
        CHECK(tip.contains(role));
    };
    for (const char* name : {"newPlanAction", "deletePlanAction", "closeRoadsAction"}) {
        QAction* action = nullptr;
        for (QAction* a : planning.menu()->actions())
            if (a->objectName() == QLatin1String(name)) action = a;
        REQUIRE(action);
        greyedWithReason(action->text(), action->isEnabled(), action->toolTip());
    }
    greyedWithReason(planning.roadToolAction()->text(), planning.roadToolAction()->isEnabled(),
                     planning.roadToolAction()->toolTip());
    for (const char* name : {"newPlan", "deletePlan", "closeRoads", "reopenRoads"}) {
        auto* button = planning.scenarios()->findChild<QAbstractButton*>(QLatin1String(name));
        REQUIRE(button);
        greyedWithReason(QLatin1String(name), button->isEnabled(), button->toolTip());
    }
    // Asked anyway (a script, a shortcut): refused with the reason, nothing written.
    CHECK_FALSE(planning.scenarios()->createPlan(QStringLiteral("Été")));
    CHECK(planning.scenarios()->lastError().contains(role));
    CHECK_FALSE(planning.scenarios()->deletePlan(QStringLiteral("Hiver")));
    CHECK(window.messages()->lastError().isEmpty());  // refused before any write was tried
    {
        Store stored = Store::open(project.location());
        CHECK(ScenarioStore(stored).list().size() == 1);
    }

    // The point form: fields and buttons greyed, the reason shown above them.
    window.project()->setSelection({window.project()->points().front().id});
    auto* name = window.findChild<QLineEdit*>(QStringLiteral("pointName"));
    auto* apply = window.findChild<QPushButton*>(QStringLiteral("applyPoint"));
    auto* note = window.findChild<QLabel*>(QStringLiteral("pointFormReadOnly"));
    REQUIRE(name);
    REQUIRE(apply);
    REQUIRE(note);
    CHECK_FALSE(name->isEnabled());
    CHECK_FALSE(apply->isEnabled());
    CHECK_FALSE(note->isHidden());
    CHECK(note->text().contains(role));
}

TEST_CASE("an edit of a point another planner changed meanwhile is refused, names them and the reload shows their change",
          "[postgres]")
{
    test::TestProject project(test::Backend::Postgres, QStringLiteral("conflict"));
    if (!project.available()) return;
    makeProject04(project.location());
    const QString colleagueUri = addRole(project, QStringLiteral("colleague"), true);
    const QString colleague = project.schema() + QStringLiteral("_colleague");

    MainWindow window;
    window.messages()->setInteractive(false);
    openIn(window, project.location());
    const qint64 id = window.project()->points().front().id;
    {
        Store other = Store::open(colleagueUri);
        AccueilPoint changed = *other.point(id);
        changed.notes = QStringLiteral("fermé le lundi (collègue)");
        other.updatePoint(changed);
    }

    editNotesInWindow(window, id, QStringLiteral("ouvert le lundi (moi)"));
    // Never a silent overwrite: the colleague's change is kept and the user is told who made it.
    CHECK(Store::open(project.location()).point(id)->notes == QStringLiteral("fermé le lundi (collègue)"));
    SharedProjectMonitor* monitor = window.session()->sharedMonitor();
    REQUIRE(monitor);
    QMessageBox* question = monitor->question();
    REQUIRE(question);
    CHECK(question->text().contains(colleague));
    CHECK(window.messages()->lastError().isEmpty());  // the conflict's own question, not an error box

    buttonNamed(*question, QStringLiteral("Relire le projet"))->click();
    test::processEventsFor(200);
    CHECK(window.project()->point(id)->notes == QStringLiteral("fermé le lundi (collègue)"));
    // Edited again from the version read, the change is saved.
    editNotesInWindow(window, id, QStringLiteral("ouvert le lundi (moi)"));
    const AccueilPoint saved = *Store::open(project.location()).point(id);
    CHECK(saved.notes == QStringLiteral("ouvert le lundi (moi)"));
    CHECK(saved.updatedBy == QStringLiteral("maillage_test"));
}

TEST_CASE(
    "a change of a plan another planner changed meanwhile is refused, names them and the plan and the reload "
    "shows their change",
    "[postgres]")
{
    test::TestProject project(test::Backend::Postgres, QStringLiteral("planconflict"));
    if (!project.available()) return;
    makeProject04(project.location());
    const QString colleagueUri = addRole(project, QStringLiteral("colleague"), true);
    const QString colleague = project.schema() + QStringLiteral("_colleague");
    {
        Store admin = Store::open(project.location());
        ScenarioStore(admin).create(QStringLiteral("Hiver"));
    }

    MainWindow window;
    window.messages()->setInteractive(false);
    openIn(window, project.location());
    window.project()->activateScenario(QStringLiteral("Hiver"));
    const qint64 id = window.project()->points().front().id;
    {
        Store other = Store::open(colleagueUri);
        ScenarioStore(other).setDescription(QStringLiteral("Hiver"), QStringLiteral("col fermé (collègue)"));
    }

    raiseLevelInWindow(window, id);
    // Never a silent overwrite of the plan: nothing of the change is written, the user is told
    // who changed which plan.
    {
        Store stored = Store::open(project.location());
        const Scenario plan = ScenarioStore(stored).scenario(QStringLiteral("Hiver"));
        CHECK(plan.pointChanges.empty());
        CHECK(plan.description == QStringLiteral("col fermé (collègue)"));
    }
    SharedProjectMonitor* monitor = window.session()->sharedMonitor();
    REQUIRE(monitor);
    QMessageBox* question = monitor->question();
    REQUIRE(question);
    CHECK(question->text().contains(colleague));
    CHECK(question->text().contains(QStringLiteral("Hiver")));
    CHECK(window.messages()->lastError().isEmpty());  // the conflict's own question, not an error box

    buttonNamed(*question, QStringLiteral("Relire le projet"))->click();
    test::processEventsFor(200);
    CHECK(window.project()->activeScenario() == QStringLiteral("Hiver"));
    CHECK(window.project()->point(id)->level == Store::open(project.location()).point(id)->level);
    // Changed again from the plan as read, the change is saved in the plan, the colleague's kept.
    raiseLevelInWindow(window, id);
    Store stored = Store::open(project.location());
    const Scenario plan = ScenarioStore(stored).scenario(QStringLiteral("Hiver"));
    CHECK(plan.description == QStringLiteral("col fermé (collègue)"));
    REQUIRE(plan.pointChanges.size() == 1);
    CHECK(plan.pointChanges[0].level == Level::Third);
    CHECK(plan.updatedBy == QStringLiteral("maillage_test"));
}

TEST_CASE("points other planners add change or delete are read when the window comes back to the front", "[postgres]")
{
    test::TestProject project(test::Backend::Postgres, QStringLiteral("others"));
    if (!project.available()) return;
    makeProject04(project.location());
    const QString colleagueUri = addRole(project, QStringLiteral("colleague"), true);

    MainWindow window;
    window.messages()->setInteractive(false);
    openIn(window, project.location());
    const std::size_t before = window.project()->points().size();
    const qint64 removed = window.project()->points().front().id;
    SharedProjectMonitor* monitor = window.session()->sharedMonitor();
    REQUIRE(monitor);
    CHECK(monitor->checkForOthersChanges() == 0);  // nothing changed yet: nothing read again

    {
        Store other = Store::open(colleagueUri);
        AccueilPoint added = *other.point(removed);
        added.id = 0;
        added.source.clear();
        added.sourceId.clear();
        added.name = QStringLiteral("France services de Thoard");
        other.insertPoint(added);
        other.deletePoint(removed);
    }
    QSignalSpy edited(window.project(), &Project::pointsEdited);  // what the coverage and statistics follow
    QSignalSpy loaded(monitor, &SharedProjectMonitor::othersChangesLoaded);
    Q_EMIT qGuiApp->applicationStateChanged(Qt::ApplicationActive);
    REQUIRE(loaded.size() == 1);
    CHECK(loaded.front().front().toInt() == 2);
    CHECK(edited.size() >= 1);
    CHECK(window.project()->points().size() == before);
    CHECK(window.project()->point(removed) == nullptr);
    bool seen = false;
    for (const AccueilPoint& p : window.project()->points())
        seen = seen || p.name == QStringLiteral("France services de Thoard");
    CHECK(seen);
}

TEST_CASE("points plans and road closures other planners commit show at once without focus change or timer", "[postgres]")
{
    test::TestProject project(test::Backend::Postgres, QStringLiteral("listen"));
    if (!project.available()) return;
    makeProject04(project.location());
    {
        Store store = Store::open(project.location());
        ScenarioStore(store).create(QStringLiteral("Hiver"));
    }
    const QString colleagueUri = addRole(project, QStringLiteral("colleague"), true);

    MainWindow window;
    window.setInteractive(false);
    openIn(window, project.location());
    SharedProjectMonitor* monitor = window.session()->sharedMonitor();
    REQUIRE(monitor);
    REQUIRE(monitor->listening());
    ScenarioPanel& panel = *window.planning()->scenarios();
    REQUIRE(panel.activate(QStringLiteral("Hiver")));
    const qint64 id = window.project()->points().front().id;
    QSignalSpy loaded(monitor, &SharedProjectMonitor::othersChangesLoaded);
    auto* list = panel.findChild<QTreeWidget*>(QStringLiteral("scenarioList"));
    REQUIRE(list);
    auto listed = [&](const QString& name) {
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            if (list->topLevelItem(i)->text(0) == name) return true;
        return false;
    };

    // Each change is committed by another planner's own connection; the window hears of it from
    // the server (no applicationStateChanged, and far sooner than the 30 s refresh).
    Store other = Store::open(colleagueUri);
    ScenarioStore otherPlans(other);
    RoadClosure closure;
    closure.ref = QStringLiteral("D908");
    closure.note = QStringLiteral("Col d'Allos");
    otherPlans.addRoadClosure(QStringLiteral("Hiver"), closure);
    REQUIRE(loaded.wait(10'000));
    REQUIRE(window.project()->roadClosures().size() == 1);
    CHECK(window.project()->roadClosures().front().note == QStringLiteral("Col d'Allos"));
    CHECK(panel.findChild<QListWidget*>(QStringLiteral("closureList"))->item(0)->text().contains(QStringLiteral("D908")));

    loaded.clear();
    otherPlans.create(QStringLiteral("Été"));
    REQUIRE(loaded.wait(10'000));
    CHECK(listed(QStringLiteral("Été")));

    loaded.clear();
    QSignalSpy edited(window.project(), &Project::pointsEdited);  // what the coverage and statistics follow
    AccueilPoint changed = *other.point(id);
    changed.name = QStringLiteral("Mairie renommée par un collègue");
    other.updatePoint(changed);
    REQUIRE(loaded.wait(10'000));
    CHECK(loaded.front().front().toInt() >= 1);
    CHECK(window.project()->point(id)->name == QStringLiteral("Mairie renommée par un collègue"));
    CHECK(edited.size() >= 1);

    // The active plan deleted by the other planner: the current situation is shown.
    loaded.clear();
    otherPlans.remove(QStringLiteral("Hiver"));
    REQUIRE(loaded.wait(10'000));
    CHECK_FALSE(window.project()->planActive());
    CHECK_FALSE(listed(QStringLiteral("Hiver")));

    // The window's own edits are not announced back to it.
    loaded.clear();
    editNotesInWindow(window, id, QStringLiteral("ma note"));
    CHECK_FALSE(loaded.wait(1'000));
    CHECK(Store::open(project.location()).point(id)->notes == QStringLiteral("ma note"));
}

TEST_CASE("when the server drops the connection the window stays read-only and reconnects", "[postgres][faults]")
{
    test::TestProject project(test::Backend::Postgres, QStringLiteral("gone"));
    if (!project.available()) return;
    makeProject04(project.location());
    // The window's own role, so that only its connection is ended (other tests run meanwhile).
    const QString planner = project.schema() + QStringLiteral("_planner");
    const QString asPlanner = addRole(project, QStringLiteral("planner"), true);

    MainWindow window;
    window.messages()->setInteractive(false);
    openIn(window, asPlanner);
    const std::size_t shown = window.project()->points().size();
    const qint64 id = window.project()->points().front().id;
    test::PgAdmin().exec(
        QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '%1'").arg(planner));

    editNotesInWindow(window, id, QStringLiteral("pendant la panne"));
    SharedProjectMonitor* monitor = window.session()->sharedMonitor();
    REQUIRE(monitor);
    CHECK(monitor->serverLost());
    CHECK_FALSE(window.session()->canEdit());
    CHECK_FALSE(window.actions()->addTool->isEnabled());
    CHECK(window.actions()->addTool->toolTip().contains(QStringLiteral("ne répond plus")));
    REQUIRE(monitor->question());
    CHECK(monitor->question()->text().contains(QStringLiteral("ne répond plus")));
    // The window keeps showing the project.
    CHECK(window.project()->points().size() == shown);
    CHECK(Store::open(project.location()).point(id)->notes.isEmpty());

    buttonNamed(*monitor->question(), QStringLiteral("Reconnecter"))->click();
    test::processEventsFor(300);
    CHECK_FALSE(monitor->serverLost());
    CHECK(window.session()->canEdit());
    CHECK(window.actions()->addTool->isEnabled());
    editNotesInWindow(window, id, QStringLiteral("après la reconnexion"));
    CHECK(Store::open(project.location()).point(id)->notes == QStringLiteral("après la reconnexion"));
}
