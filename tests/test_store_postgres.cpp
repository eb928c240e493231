#include <catch2/catch.hpp>

#include "common/error.h"
#include "common/gdal.h"
#include "geo/crs.h"
#include "store/schema_postgres.h"
#include "store/store.h"
#include "store/store_location.h"
#include "support/pg_test_cluster.h"
#include "support/store_backends.h"
#include "support/test_data.h"

#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

using namespace maillage;
using namespace maillage::test;

namespace {

// A connection to the test cluster for one schema, dropped (with its project) before use so
// that a test can be rerun on a cluster that is kept.
class TestConnection {
public:
    explicit TestConnection(const QString& schema)
        : location_(StoreLocation::parse(pgTestUri(schema))), name_(QStringLiteral("pg-test-") + schema)
    {
        db_ = addDatabase(location_, name_);
        if (!db_.open()) FAIL("cannot connect to the test cluster: " << db_.lastError().text().toStdString());
        QSqlQuery(db_).exec(QStringLiteral("SET client_min_messages = warning"));
        QSqlQuery(db_).exec(QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(schema));
    }
    ~TestConnection()
    {
        db_.close();
        db_ = QSqlDatabase();
        QSqlDatabase::removeDatabase(name_);
    }
    QSqlDatabase& db() { return db_; }
    const StoreLocation& location() const { return location_; }

private:
    StoreLocation location_;
    QString name_;
    QSqlDatabase db_;
};

}  // namespace

TEST_CASE("A project created on PostgreSQL has the GeoPackage's schema version", "[store][postgres]")
{
    if (!pgTestClusterAvailable()) return;
    TestConnection connection(QStringLiteral("version_test"));
    schema::postgres::createProject(connection.db(), connection.location());
    CHECK(schema::postgres::readVersion(connection.db(), connection.location()) == Store::kSchemaVersion);
}

TEST_CASE("The point layers on PostgreSQL are PostGIS points in Lambert-93 listed for QGIS", "[store][postgres]")
{
    if (!pgTestClusterAvailable()) return;
    TestConnection connection(QStringLiteral("layers_test"));
    schema::postgres::createProject(connection.db(), connection.location());
    QSqlQuery query(connection.db());
    REQUIRE(
        query.prepare(QStringLiteral("SELECT f_table_name, f_geometry_column, type, srid FROM geometry_columns"
                                     " WHERE f_table_schema = ? ORDER BY f_table_name")));
    query.addBindValue(QStringLiteral("layers_test"));
    REQUIRE(query.exec());
    QStringList layers;
    while (query.next()) {
        layers << QStringLiteral("%1.%2 %3 %4")
                      .arg(query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                           query.value(3).toString());
    }
    CHECK(
        layers
        == QStringList{QStringLiteral("accueil_points.geom POINT 2154"), QStringLiteral("scenario_points.geom POINT 2154")});
}

TEST_CASE("GDAL's PostgreSQL driver, as QGIS uses it, opens the points layer with its CRS", "[store][postgres]")
{
    if (!pgTestClusterAvailable()) return;
    TestConnection connection(QStringLiteral("gdal_test"));
    schema::postgres::createProject(connection.db(), connection.location());
    QSqlQuery insert(connection.db());
    REQUIRE(insert.prepare(
        QStringLiteral("INSERT INTO gdal_test.accueil_points (geom, name, level, kind, x, y, created_at, updated_at)"
                       " VALUES (ST_SetSRID(ST_MakePoint(?, ?), 2154), ?, 2, 'france_services', ?, ?, now(), now())")));
    for (const QVariant& value : {QVariant(950000.0), QVariant(6330000.0), QVariant(QStringLiteral("Digne")),
                                  QVariant(950000.0), QVariant(6330000.0)})
        insert.addBindValue(value);
    REQUIRE(insert.exec());

    maillage::registerGdal();
    const QByteArray source =
        QStringLiteral("PG:host=%1 dbname=maillage_test user=maillage_test schemas=gdal_test").arg(pgTestSocket()).toUtf8();
    GDALDatasetUniquePtr dataset(GDALDataset::Open(source.constData(), GDAL_OF_VECTOR));
    REQUIRE(dataset);
    OGRLayer* layer = dataset->GetLayerByName("accueil_points");
    REQUIRE(layer);
    CHECK(layer->GetFeatureCount() == 1);
    REQUIRE(layer->GetSpatialRef());
    CHECK(QString::fromUtf8(layer->GetSpatialRef()->GetAuthorityCode(nullptr)) == QStringLiteral("2154"));
    OGRFeatureUniquePtr feature(layer->GetNextFeature());
    REQUIRE(feature);
    CHECK(QString::fromUtf8(feature->GetFieldAsString("name")) == QStringLiteral("Digne"));
}

TEST_CASE("Creating a PostgreSQL project where one exists fails and changes nothing", "[store][postgres]")
{
    if (!pgTestClusterAvailable()) return;
    TestConnection connection(QStringLiteral("twice_test"));
    schema::postgres::createProject(connection.db(), connection.location());
    QSqlQuery(connection.db())
        .exec(QStringLiteral("INSERT INTO twice_test.project_settings (key, value) VALUES ('kept', 'yes')"));
    CHECK_THROWS_WITH(schema::postgres::createProject(connection.db(), connection.location()),
                      Catch::Contains("schema twice_test already exists"));
    QSqlQuery kept(connection.db());
    REQUIRE(kept.exec(QStringLiteral("SELECT value FROM twice_test.project_settings WHERE key = 'kept'")));
    REQUIRE(kept.next());
    CHECK(kept.value(0).toString() == QStringLiteral("yes"));
}

TEST_CASE("Reading a PostgreSQL schema that holds no project says so", "[store][postgres]")
{
    if (!pgTestClusterAvailable()) return;
    TestConnection connection(QStringLiteral("absent_test"));
    CHECK_THROWS_WITH(schema::postgres::readVersion(connection.db(), connection.location()),
                      Catch::Contains("is not a Maillage project: schema absent_test does not exist"));
}

namespace {

AccueilPoint pointAt(const QString& name)
{
    AccueilPoint p;
    p.name = name;
    p.level = Level::Second;
    p.kind = QStringLiteral("france_services");
    p.wgs84 = {6.2357, 44.0925};
    p.lambert93 = toLambert93(p.wgs84);
    return p;
}

}  // namespace

TEST_CASE("A read-only role opens a server project and reads it, and its edits are refused with a clear message",
          "[store][postgres][team]")
{
    test::TestProject project(test::Backend::Postgres, QStringLiteral("readonly"));
    if (!project.available()) return;
    qint64 id = 0;
    {
        Store owner = Store::create(project.location());
        id = owner.insertPoint(pointAt(QStringLiteral("France services de Digne")));
        CHECK(owner.canEdit());
    }
    const QString role = project.schema() + QStringLiteral("_reader");
    test::PgAdmin admin;
    admin.exec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(role));
    admin.exec(QStringLiteral("CREATE ROLE %1 LOGIN").arg(role));
    admin.exec(QStringLiteral("GRANT USAGE ON SCHEMA %1 TO %2").arg(project.schema(), role));
    admin.exec(QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA %1 TO %2").arg(project.schema(), role));

    const QString asReader = QString(project.location()).replace(QStringLiteral("maillage_test@"), role + QLatin1Char('@'));
    Store reader = Store::open(asReader);
    CHECK(reader.editor() == role);
    CHECK(reader.point(id)->name == QStringLiteral("France services de Digne"));
    CHECK(reader.pointCount() == 1);
    CHECK_FALSE(reader.canEdit());

    const QString refusedInsert = test::errorMessage([&] { reader.insertPoint(pointAt(QStringLiteral("Nouveau"))); });
    CHECK(refusedInsert.contains(QStringLiteral("is read-only for %1").arg(role)));
    CHECK(refusedInsert.contains(QStringLiteral("ask the project's owner for write access")));
    AccueilPoint changed = *reader.point(id);
    changed.notes = QStringLiteral("essai");
    CHECK(test::errorMessage([&] { reader.updatePoint(changed); }).contains(QStringLiteral("read-only")));
    CHECK(test::errorMessage([&] {
              reader.setSetting(QStringLiteral("k"), QStringLiteral("v"));
          }).contains(QStringLiteral("read-only")));
    CHECK(test::errorMessage([&] { reader.requireWritable(); }).contains(QStringLiteral("read-only for %1").arg(role)));
    // The refused edits left the reader's connection usable.
    CHECK(reader.pointCount() == 1);
    CHECK(Store::open(project.location()).point(id)->notes.isEmpty());
}

TEST_CASE("A server project of schema version 3 is brought to the current version on open", "[store][postgres]")
{
    test::TestProject project(test::Backend::Postgres, QStringLiteral("v3"));
    if (!project.available()) return;
    {
        Store store = Store::create(project.location());
        store.insertPoint(pointAt(QStringLiteral("Mairie de Riez")));
    }
    // Back to version 3 as the first server projects were made.
    test::PgAdmin admin;
    admin.exec(
        QStringLiteral("ALTER TABLE %1.accueil_points DROP COLUMN row_version, DROP COLUMN updated_by, DROP COLUMN serves")
            .arg(project.schema()));
    admin.exec(QStringLiteral("ALTER TABLE %1.scenario_points DROP COLUMN serves").arg(project.schema()));
    admin.exec(
        QStringLiteral("ALTER TABLE %1.scenarios DROP COLUMN row_version, DROP COLUMN updated_by").arg(project.schema()));
    admin.exec(QStringLiteral("DROP TABLE %1.result_tables").arg(project.schema()));
    admin.exec(QStringLiteral("UPDATE %1.maillage_meta SET value = '3' WHERE key = 'schema_version'").arg(project.schema()));

    Store store = Store::open(project.location());
    CHECK(store.schemaVersion() == Store::kSchemaVersion);
    CHECK(
        admin.value(QStringLiteral("SELECT value FROM %1.maillage_meta WHERE key = 'schema_version'").arg(project.schema()))
            .toInt()
        == Store::kSchemaVersion);
    const AccueilPoint point = store.points().at(0);
    CHECK(point.name == QStringLiteral("Mairie de Riez"));
    CHECK(point.rowVersion == 1);
    // Version 5: a visio point keeps the operators it serves.
    AccueilPoint visio = pointAt(QStringLiteral("Point visio de Riez"));
    visio.level = Level::Third;
    visio.kind = QStringLiteral("visio");
    visio.serves = {QStringLiteral("caf"), QStringLiteral("msa")};
    const qint64 id = store.insertPoint(visio);
    CHECK(Store::open(project.location()).point(id)->serves == visio.serves);
}

TEST_CASE("A server that stops in the middle of an edit loses no saved point and the message says so",
          "[store][postgres][faults]")
{
    test::TestProject project(test::Backend::Postgres, QStringLiteral("stopped"));
    if (!project.available()) return;
    Store store = Store::create(project.location());
    const qint64 saved = store.insertPoint(pointAt(QStringLiteral("Enregistrée avant la panne")));

    // The server ends this connection while an edit is under way (as a restart or crash would):
    // the edit's transaction is open, its first row written, when the connection goes. The
    // connection is found by the lock its open edit holds on this test's table.
    QString message;
    {
        Store::Batch batch(store);
        store.insertPoint(pointAt(QStringLiteral("En cours")));
        test::PgAdmin admin;
        const int backend =
            admin
                .value(QStringLiteral("SELECT min(pid) FROM pg_locks WHERE relation = '%1.accueil_points'::regclass"
                                      " AND pid <> pg_backend_pid()")
                           .arg(project.schema()))
                .toInt();
        REQUIRE(backend > 0);
        admin.exec(QStringLiteral("SELECT pg_terminate_backend(%1)").arg(backend));
        message = test::errorMessage([&] {
            store.insertPoint(pointAt(QStringLiteral("Après la panne")));
            batch.commit();
        });
    }
    INFO(message.toStdString());
    CHECK(message.contains(QStringLiteral("lost the connection to the server")));
    CHECK(message.contains(QStringLiteral("nothing of this change was saved")));

    // Reopened once the server answers: the saved point is there, the interrupted edit is not.
    Store reopened = Store::open(project.location());
    CHECK(reopened.pointCount() == 1);
    CHECK(reopened.point(saved)->name == QStringLiteral("Enregistrée avant la panne"));
}

TEST_CASE("A server stopped in the middle of an import keeps every committed point and none of the import",
          "[store][postgres][faults]")
{
    // The server is stopped for real, so this case has a cluster of its own: the shared one
    // serves the cases running meanwhile.
    if (!pgTestClusterAvailable()) return;
    PrivateCluster cluster;
    REQUIRE(cluster.start());
    const QString uri = cluster.uri(QStringLiteral("import_stopped"));

    auto batchOf = [](const QString& source, int count) {
        std::vector<AccueilPoint> points;
        for (int i = 0; i < count; ++i) {
            AccueilPoint p = pointAt(QStringLiteral("%1 n° %2").arg(source).arg(i));
            p.source = source;
            p.sourceId = QString::number(i);
            points.push_back(p);
        }
        return points;
    };
    QString message;
    bool halted = false;
    {
        Store store = Store::create(uri);
        REQUIRE(store.upsertBySource(batchOf(QStringLiteral("avant"), 300)).inserted == 300);
        // A long import, written in steps of 1000 rows as `maillage import` does; the server
        // stops (as in a crash) once the first step is written.
        UpsertOptions options{.rowsPerTransaction = 1000, .progress = {}};
        options.progress = [&](std::size_t done, std::size_t) {
            if (done == 1000 && !halted) halted = cluster.halt();
        };
        message = test::errorMessage([&] { store.upsertBySource(batchOf(QStringLiteral("import"), 5000), options); });
    }
    REQUIRE(halted);
    INFO(message.toStdString());
    CHECK(message.contains(QStringLiteral("lost the connection to the server")));
    CHECK(message.contains(QStringLiteral("nothing of this change was saved")));

    // The server back: every point committed before is there, none of the interrupted import
    // (it was one transaction), and importing it again writes it whole.
    REQUIRE(cluster.resume());
    Store reopened = Store::open(uri);
    CHECK(reopened.pointCount({.source = QStringLiteral("avant")}) == 300);
    CHECK(reopened.pointCount({.source = QStringLiteral("import")}) == 0);
    CHECK(reopened.pointCount() == 300);
    CHECK(reopened.upsertBySource(batchOf(QStringLiteral("import"), 5000)).inserted == 5000);
    CHECK(reopened.pointCount() == 5300);
}

TEST_CASE("maillage import stopped by the server going away says so in one line and writes none of the file",
          "[store][postgres][faults]")
{
    if (!pgTestClusterAvailable()) return;
    PrivateCluster cluster;
    REQUIRE(cluster.start());
    const QString uri = cluster.uri(QStringLiteral("cli_import_stopped"));
    ScratchDir dir;
    auto cli = [](const QStringList& arguments) {
        QProcess process;
        process.start(cliPath(), arguments);
        process.waitForFinished(120'000);
        INFO(process.readAllStandardError().toStdString());
        return process.exitCode();
    };
    REQUIRE(cli({"init", "--project", uri, "--communes", sharedData(QStringLiteral("04/limites-04.gpkg")),
                 "--communes-layer", "commune"})
            == 0);
    REQUIRE(cli({"import", "--project", uri, sharedData(QStringLiteral("04/mairies-04.csv"))}) == 0);
    const int before = Store::open(uri).pointCount();
    REQUIRE(before > 100);

    // A file large enough for the import to report its progress (every second) before it ends.
    const QString file = dir.path(QStringLiteral("points.csv"));
    {
        QFile csv(file);
        REQUIRE(csv.open(QIODevice::WriteOnly));
        csv.write("id,name,longitude,latitude\n");
        for (int i = 0; i < 200'000; ++i)
            csv.write(QStringLiteral("%1,Point %1,%2,%3\n")
                          .arg(i)
                          .arg(5.9 + (i % 500) * 0.002, 0, 'f', 5)
                          .arg(43.8 + (i / 500) * 0.002, 0, 'f', 5)
                          .toUtf8());
    }
    QProcess import;
    import.start(cliPath(), {"import", "--project", uri, "--kind", "france_services", "--id-field", "id", file});
    REQUIRE(import.waitForStarted());
    // Stopped as a crash would once the import says it is writing.
    QByteArray errors;
    while (!errors.contains("rows written") && import.state() == QProcess::Running) {
        import.waitForReadyRead(200);
        errors += import.readAllStandardError();
    }
    REQUIRE(errors.contains("rows written"));
    REQUIRE(cluster.halt());
    REQUIRE(import.waitForFinished(60'000));
    errors += import.readAllStandardError();
    INFO(errors.toStdString());
    CHECK(import.exitCode() != 0);
    const QList<QByteArray> lines = errors.trimmed().split('\n');
    const QByteArray last = lines.last();
    CHECK(last.startsWith("maillage import: error: lost the connection to the server"));
    CHECK(last.contains("nothing of this change was saved"));

    REQUIRE(cluster.resume());
    Store reopened = Store::open(uri);
    CHECK(reopened.pointCount() == before);
    CHECK(reopened.pointCount({.level = {},
                               .kind = QStringLiteral("france_services"),
                               .status = {},
                               .communeInsee = {},
                               .source = QStringLiteral("points.csv"),
                               .outsideTerritory = {}})
          == 0);
}
