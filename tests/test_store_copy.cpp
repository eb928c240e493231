// `maillage project copy`: a project moved from a GeoPackage file to a PostgreSQL server and
// back comes out equal, row for row and bit for bit.
#include <catch2/catch.hpp>

#include "common/error.h"
#include "geo/crs.h"
#include "store/project_copy.h"
#include "store/scenarios.h"
#include "store/store.h"
#include "support/store_backends.h"

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>

#include <bit>
#include <cmath>

using namespace maillage;

namespace {

AccueilPoint makePoint(const QString& name, double shift)
{
    AccueilPoint p;
    p.name = name;
    p.level = Level::Second;
    p.kind = QStringLiteral("france_services");
    p.wgs84 = {6.2357 + 0.1 / 3.0 + shift, 44.0925 + std::sqrt(2.0) / 1000.0 + shift};
    p.lambert93 = toLambert93(p.wgs84);
    p.communeInsee = QStringLiteral("04070");
    return p;
}

// A project using every table: points (one deleted, one edited twice), settings, two plans with
// added points, point changes and road closures, and a result table.
void fill(const QString& location)
{
    Store store = Store::create(location);
    AccueilPoint full = makePoint(QStringLiteral("France services de Barcelonnette"), 0.0);
    full.weeklyHours = 24.5 + 1.0 / 7.0;
    full.openingHours = QStringLiteral("lun 09:00-12:00");
    full.address = QStringLiteral("4 rue Manuel");
    full.source = QStringLiteral("anct");
    full.sourceId = QStringLiteral("FS-0412");
    full.notes = QStringLiteral("accès PMR — à vérifier");
    full.outsideTerritory = true;
    const qint64 fullId = store.insertPoint(full);
    const qint64 gone = store.insertPoint(makePoint(QStringLiteral("Fermée"), 0.01));
    const qint64 mairie = store.insertPoint(makePoint(QStringLiteral("Mairie de Seyne"), 0.02));
    store.deletePoint(gone);
    AccueilPoint edited = *store.point(fullId);
    edited.notes = QStringLiteral("revu");
    store.updatePoint(edited);
    store.setSetting(QStringLiteral("territory"), QStringLiteral("/data/limites-04.gpkg"));
    store.setSetting(QStringLiteral("empty"), QString());

    ScenarioStore plans(store);
    plans.create(QStringLiteral("Hiver 2027"), QStringLiteral("cols fermés"));
    plans.addPoint(QStringLiteral("Hiver 2027"), makePoint(QStringLiteral("Bus France services"), 0.03));
    AccueilPoint visio = makePoint(QStringLiteral("Point visio de Seyne"), 0.04);
    visio.level = Level::Third;
    visio.kind = QStringLiteral("visio");
    visio.serves = {QStringLiteral("caf"), QStringLiteral("france_travail")};
    store.insertPoint(visio);
    plans.addPoint(QStringLiteral("Hiver 2027"), visio);
    plans.closePoint(QStringLiteral("Hiver 2027"), mairie);
    plans.setPointLevel(QStringLiteral("Hiver 2027"), fullId, Level::Third, QStringLiteral("caf"));
    RoadClosure byRef;
    byRef.ref = QStringLiteral("D908");
    byRef.centre = XY{980000.5, 6370000.25};
    byRef.radiusMetres = 1500.0;
    byRef.note = QStringLiteral("Col d'Allos");
    plans.addRoadClosure(QStringLiteral("Hiver 2027"), byRef);
    RoadClosure byEdge;
    byEdge.method = ClosureMethod::Edge;
    byEdge.edge = 123456u;
    plans.addRoadClosure(QStringLiteral("Hiver 2027"), byEdge);
    plans.create(QStringLiteral("vide"));

    store.writeResultTable(
        QStringLiteral("access"), QStringLiteral("temps d'accès"),
        {{QStringLiteral("code"), false}, {QStringLiteral("minutes"), true}},
        {{QStringLiteral("04070"), QString::number(12.5 + 1.0 / 3.0, 'g', 17)}, {QStringLiteral("04047"), QString()}});
}

bool sameBits(double a, double b) { return std::bit_cast<quint64>(a) == std::bit_cast<quint64>(b); }

void checkSamePoints(const std::vector<AccueilPoint>& a, const std::vector<AccueilPoint>& b)
{
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        INFO("point " << a[i].name.toStdString());
        CHECK(a[i].id == b[i].id);
        CHECK(a[i].name == b[i].name);
        CHECK(a[i].level == b[i].level);
        CHECK(a[i].kind == b[i].kind);
        CHECK(a[i].status == b[i].status);
        CHECK(a[i].communeInsee == b[i].communeInsee);
        CHECK(sameBits(a[i].wgs84.lon, b[i].wgs84.lon));
        CHECK(sameBits(a[i].wgs84.lat, b[i].wgs84.lat));
        CHECK(sameBits(a[i].lambert93.x, b[i].lambert93.x));
        CHECK(sameBits(a[i].lambert93.y, b[i].lambert93.y));
        CHECK(a[i].weeklyHours.has_value() == b[i].weeklyHours.has_value());
        if (a[i].weeklyHours && b[i].weeklyHours) CHECK(sameBits(*a[i].weeklyHours, *b[i].weeklyHours));
        CHECK(a[i].openingHours == b[i].openingHours);
        CHECK(a[i].address == b[i].address);
        CHECK(a[i].source == b[i].source);
        CHECK(a[i].sourceId == b[i].sourceId);
        CHECK(a[i].notes == b[i].notes);
        CHECK(a[i].outsideTerritory == b[i].outsideTerritory);
        CHECK(a[i].serves == b[i].serves);
        CHECK(a[i].createdAt == b[i].createdAt);
        CHECK(a[i].updatedAt == b[i].updatedAt);
        CHECK(a[i].rowVersion == b[i].rowVersion);
        CHECK(a[i].updatedBy == b[i].updatedBy);
    }
}

void checkSameProject(const QString& first, const QString& second)
{
    INFO("comparing " << first.toStdString() << " with " << second.toStdString());
    Store a = Store::open(first);
    Store b = Store::open(second);
    checkSamePoints(a.points(), b.points());
    for (const QString& key : {QStringLiteral("territory"), QStringLiteral("empty"), QStringLiteral("absent")})
        CHECK(a.setting(key) == b.setting(key));

    ScenarioStore plansA(a), plansB(b);
    const auto listA = plansA.list();
    const auto listB = plansB.list();
    REQUIRE(listA.size() == listB.size());
    for (std::size_t i = 0; i < listA.size(); ++i) {
        CHECK(listA[i].id == listB[i].id);
        CHECK(listA[i].name == listB[i].name);
        CHECK(listA[i].description == listB[i].description);
        CHECK(listA[i].createdAt == listB[i].createdAt);
        CHECK(listA[i].updatedAt == listB[i].updatedAt);
        CHECK(listA[i].rowVersion == listB[i].rowVersion);  // schema version 6
        CHECK(listA[i].updatedBy == listB[i].updatedBy);
        const Scenario sa = plansA.scenario(listA[i].name);
        const Scenario sb = plansB.scenario(listB[i].name);
        checkSamePoints(sa.addedPoints, sb.addedPoints);
        REQUIRE(sa.pointChanges.size() == sb.pointChanges.size());
        for (std::size_t c = 0; c < sa.pointChanges.size(); ++c) {
            CHECK(sa.pointChanges[c].pointId == sb.pointChanges[c].pointId);
            CHECK(sa.pointChanges[c].closed == sb.pointChanges[c].closed);
            CHECK(sa.pointChanges[c].level == sb.pointChanges[c].level);
            CHECK(sa.pointChanges[c].kind == sb.pointChanges[c].kind);
        }
        REQUIRE(sa.roadClosures.size() == sb.roadClosures.size());
        for (std::size_t c = 0; c < sa.roadClosures.size(); ++c) {
            const RoadClosure& x = sa.roadClosures[c];
            const RoadClosure& y = sb.roadClosures[c];
            CHECK(x.id == y.id);
            CHECK(x.method == y.method);
            CHECK(x.ref == y.ref);
            CHECK(x.centre.has_value() == y.centre.has_value());
            if (x.centre && y.centre) CHECK((sameBits(x.centre->x, y.centre->x) && sameBits(x.centre->y, y.centre->y)));
            CHECK(sameBits(x.radiusMetres, y.radiusMetres));
            CHECK(x.edge == y.edge);
            CHECK(x.note == y.note);
        }
    }

    const auto tablesA = a.resultTables();
    const auto tablesB = b.resultTables();
    REQUIRE(tablesA.size() == tablesB.size());
    for (std::size_t t = 0; t < tablesA.size(); ++t) {
        CHECK(tablesA[t].name == tablesB[t].name);
        CHECK(tablesA[t].description == tablesB[t].description);
        REQUIRE(tablesA[t].columns.size() == tablesB[t].columns.size());
        for (std::size_t c = 0; c < tablesA[t].columns.size(); ++c) {
            CHECK(tablesA[t].columns[c].name == tablesB[t].columns[c].name);
            CHECK(tablesA[t].columns[c].numeric == tablesB[t].columns[c].numeric);
        }
        CHECK(a.resultTable(tablesA[t].name) == b.resultTable(tablesB[t].name));
    }
}

}  // namespace

TEST_CASE("a project copied from a file to the server and back is equal to the original", "[store][copy][postgres]")
{
    test::TestProject server(test::Backend::Postgres, QStringLiteral("copy"));
    if (!server.available()) return;
    test::ScratchDir dir;
    const QString original = dir.path(QStringLiteral("original.gpkg"));
    const QString back = dir.path(QStringLiteral("back.gpkg"));
    fill(original);

    const CopyReport there = copyProject(original, server.location());
    CHECK(there.points == 3);
    CHECK(there.scenarios == 2);
    CHECK(there.settings == 2);
    CHECK(there.resultTables == 1);
    const CopyReport home = copyProject(server.location(), back);
    CHECK(home.points == 3);

    checkSameProject(original, server.location());
    checkSameProject(original, back);

    // Ids of deleted points are not reused after the copies either: the next point gets the same id.
    const AccueilPoint next = makePoint(QStringLiteral("next"), 0.05);
    const qint64 nextId = Store::open(original).insertPoint(next);
    CHECK(Store::open(server.location()).insertPoint(next) == nextId);
    CHECK(Store::open(back).insertPoint(next) == nextId);
}

TEST_CASE("copying onto an existing project is refused and leaves it as it was", "[store][copy]")
{
    MAILLAGE_ON_EACH_BACKEND(project);
    test::ScratchDir dir;
    const QString source = dir.path(QStringLiteral("source.gpkg"));
    fill(source);
    Store::create(project.location()).setSetting(QStringLiteral("kept"), QStringLiteral("yes"));
    CHECK_THROWS_WITH(copyProject(source, project.location()), Catch::Contains("already exists"));
    CHECK(Store::open(project.location()).setting(QStringLiteral("kept")) == QStringLiteral("yes"));
}

TEST_CASE("maillage project copy moves a project onto the server and says what it copied", "[store][copy][cli]")
{
    test::TestProject server(test::Backend::Postgres, QStringLiteral("cli"));
    if (!server.available()) return;
    test::ScratchDir dir;
    const QString original = dir.path(QStringLiteral("original.gpkg"));
    fill(original);
    QProcess cli;
    cli.start(test::cliPath(), {QStringLiteral("project"), QStringLiteral("copy"), original, server.location()});
    REQUIRE(cli.waitForFinished(60000));
    const QString output = QString::fromUtf8(cli.readAllStandardOutput() + cli.readAllStandardError());
    INFO(output.toStdString());
    CHECK(cli.exitCode() == 0);
    CHECK(output.contains(QStringLiteral("3 points, 2 plans, 2 settings, 1 result tables")));
    CHECK(Store::open(server.location()).pointCount() == 3);
}

TEST_CASE("every command takes a server project as --project, by URI or by service name", "[store][cli][postgres]")
{
    test::TestProject server(test::Backend::Postgres, QStringLiteral("cli04"));
    if (!server.available()) return;
    test::ScratchDir dir;
    // A pg_service.conf entry, as a team would hand out (no password: ~/.pgpass keeps those).
    QFile services(dir.path(QStringLiteral("pg_service.conf")));
    REQUIRE(services.open(QIODevice::WriteOnly));
    services.write(QStringLiteral("[maillage_team]\nhost=%1\ndbname=maillage_test\nuser=maillage_test\n")
                       .arg(test::pgTestSocket())
                       .toUtf8());
    services.close();
    auto run = [&](const QStringList& arguments) {
        QProcess cli;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("PGSERVICEFILE"), services.fileName());
        cli.setProcessEnvironment(environment);
        cli.start(test::cliPath(), arguments);
        REQUIRE(cli.waitForFinished(120000));
        const QString output = QString::fromUtf8(cli.readAllStandardOutput() + cli.readAllStandardError());
        INFO(arguments.join(QLatin1Char(' ')).toStdString() << "\n" << output.toStdString());
        REQUIRE(cli.exitCode() == 0);
        return output;
    };
    const QString gpkg = test::sharedData(QStringLiteral("04/limites-04.gpkg"));
    run({QStringLiteral("init"), QStringLiteral("--project"), server.location(), QStringLiteral("--communes"), gpkg,
         QStringLiteral("--communes-layer"), QStringLiteral("commune"), QStringLiteral("--epci"), gpkg,
         QStringLiteral("--epci-layer"), QStringLiteral("epci")});
    const QString byService = QStringLiteral("service=maillage_team?schema=%1").arg(server.schema());
    run({QStringLiteral("import"), QStringLiteral("--project"), byService,
         test::sharedData(QStringLiteral("04/france-services-2024.csv"))});
    const QString info = run({QStringLiteral("info"), QStringLiteral("--project"), server.location()});
    CHECK(info.contains(QStringLiteral("198 communes, 12 EPCI, population 166 077")));
    CHECK(info.contains(QStringLiteral("schema version %1").arg(Store::kSchemaVersion)));
    const QString points = run({QStringLiteral("points"), QStringLiteral("--project"), byService, QStringLiteral("--level"),
                                QStringLiteral("2"), QStringLiteral("--inside"), QStringLiteral("--csv")});
    CHECK(points.trimmed().split(QLatin1Char('\n')).size() == 1 + 16);
}
