#include <catch2/catch.hpp>

#include "common/gdal.h"
#include "common/error.h"
#include "store/schema_postgres.h"
#include "store/store.h"
#include "store/store_location.h"
#include "support/pg_test_cluster.h"

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
        if (!db_.open())
            FAIL("cannot connect to the test cluster: " << db_.lastError().text().toStdString());
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
    if (!pgTestClusterAvailable())
        return;
    TestConnection connection(QStringLiteral("version_test"));
    schema::postgres::createProject(connection.db(), connection.location());
    CHECK(schema::postgres::readVersion(connection.db(), connection.location()) == Store::kSchemaVersion);
}

TEST_CASE("The point layers on PostgreSQL are PostGIS points in Lambert-93 listed for QGIS", "[store][postgres]")
{
    if (!pgTestClusterAvailable())
        return;
    TestConnection connection(QStringLiteral("layers_test"));
    schema::postgres::createProject(connection.db(), connection.location());
    QSqlQuery query(connection.db());
    REQUIRE(query.prepare(QStringLiteral("SELECT f_table_name, f_geometry_column, type, srid FROM geometry_columns"
                                         " WHERE f_table_schema = ? ORDER BY f_table_name")));
    query.addBindValue(QStringLiteral("layers_test"));
    REQUIRE(query.exec());
    QStringList layers;
    while (query.next()) {
        layers << QStringLiteral("%1.%2 %3 %4").arg(query.value(0).toString(), query.value(1).toString(),
                                                    query.value(2).toString(), query.value(3).toString());
    }
    CHECK(layers == QStringList{QStringLiteral("accueil_points.geom POINT 2154"),
                                QStringLiteral("scenario_points.geom POINT 2154")});
}

TEST_CASE("GDAL's PostgreSQL driver, as QGIS uses it, opens the points layer with its CRS", "[store][postgres]")
{
    if (!pgTestClusterAvailable())
        return;
    TestConnection connection(QStringLiteral("gdal_test"));
    schema::postgres::createProject(connection.db(), connection.location());
    QSqlQuery insert(connection.db());
    REQUIRE(insert.prepare(QStringLiteral(
        "INSERT INTO gdal_test.accueil_points (geom, name, level, kind, x, y, created_at, updated_at)"
        " VALUES (ST_SetSRID(ST_MakePoint(?, ?), 2154), ?, 2, 'france_services', ?, ?, now(), now())")));
    for (const QVariant& value : {QVariant(950000.0), QVariant(6330000.0), QVariant(QStringLiteral("Digne")),
                                  QVariant(950000.0), QVariant(6330000.0)})
        insert.addBindValue(value);
    REQUIRE(insert.exec());

    maillage::registerGdal();
    const QByteArray source = QStringLiteral("PG:host=%1 dbname=maillage_test user=maillage_test schemas=gdal_test")
                                  .arg(pgTestSocket()).toUtf8();
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
    if (!pgTestClusterAvailable())
        return;
    TestConnection connection(QStringLiteral("twice_test"));
    schema::postgres::createProject(connection.db(), connection.location());
    QSqlQuery(connection.db()).exec(QStringLiteral(
        "INSERT INTO twice_test.project_settings (key, value) VALUES ('kept', 'yes')"));
    CHECK_THROWS_WITH(schema::postgres::createProject(connection.db(), connection.location()),
                      Catch::Contains("schema twice_test already exists"));
    QSqlQuery kept(connection.db());
    REQUIRE(kept.exec(QStringLiteral("SELECT value FROM twice_test.project_settings WHERE key = 'kept'")));
    REQUIRE(kept.next());
    CHECK(kept.value(0).toString() == QStringLiteral("yes"));
}

TEST_CASE("Reading a PostgreSQL schema that holds no project says so", "[store][postgres]")
{
    if (!pgTestClusterAvailable())
        return;
    TestConnection connection(QStringLiteral("absent_test"));
    CHECK_THROWS_WITH(schema::postgres::readVersion(connection.db(), connection.location()),
                      Catch::Contains("is not a Maillage project: schema absent_test does not exist"));
}
