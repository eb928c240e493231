#include <catch2/catch.hpp>

#include "common/error.h"
#include "store/store_location.h"
#include "support/pg_test_cluster.h"

#include <QCoreApplication>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace maillage;

using namespace maillage::test;

TEST_CASE("A project given as a file path is a file", "[store_location]")
{
    const StoreLocation location = StoreLocation::parse(QStringLiteral("/data/projet 04.gpkg"));
    CHECK_FALSE(location.isPostgres());
    CHECK(location.path == QStringLiteral("/data/projet 04.gpkg"));
    CHECK(location.display() == QStringLiteral("/data/projet 04.gpkg"));
}

TEST_CASE("A postgresql URI gives user, host, port, database and schema", "[store_location]")
{
    const StoreLocation location =
        StoreLocation::parse(QStringLiteral("postgresql://planif@sig.dep04.fr:5433/territoire?schema=maillage_04"));
    REQUIRE(location.isPostgres());
    CHECK(location.user == QStringLiteral("planif"));
    CHECK(location.host == QStringLiteral("sig.dep04.fr"));
    CHECK(location.port == 5433);
    CHECK(location.database == QStringLiteral("territoire"));
    CHECK(location.schema == QStringLiteral("maillage_04"));
    CHECK(location.display() == QStringLiteral("postgresql://planif@sig.dep04.fr:5433/territoire?schema=maillage_04"));
}

TEST_CASE("A postgresql URI without schema uses the schema maillage", "[store_location]")
{
    CHECK(StoreLocation::parse(QStringLiteral("postgres://u@h/db")).schema == QStringLiteral("maillage"));
}

TEST_CASE("A Unix socket folder can be given as the host parameter", "[store_location]")
{
    const StoreLocation location = StoreLocation::parse(QStringLiteral("postgresql://u@/db?host=/run/postgresql&schema=s"));
    CHECK(location.host == QStringLiteral("/run/postgresql"));
    CHECK(location.database == QStringLiteral("db"));
}

TEST_CASE("A service name selects a pg_service.conf entry", "[store_location]")
{
    const StoreLocation location = StoreLocation::parse(QStringLiteral("service=dep04?schema=maillage_04"));
    REQUIRE(location.isPostgres());
    CHECK(location.service == QStringLiteral("dep04"));
    CHECK(location.schema == QStringLiteral("maillage_04"));
    CHECK_THROWS_WITH(StoreLocation::parse(QStringLiteral("service=")), Catch::Contains("service name is missing"));
}

TEST_CASE("A password in the URI is refused and never repeated in the message", "[store_location]")
{
    try {
        StoreLocation::parse(QStringLiteral("postgresql://planif:s3cret@h/db"));
        FAIL("a password was accepted");
    } catch (const Error& error) {
        const QString message = QString::fromUtf8(error.what());
        CHECK(message.contains(QStringLiteral(".pgpass")));
        CHECK_FALSE(message.contains(QStringLiteral("s3cret")));
    }
}

TEST_CASE("A schema name that would need quoting is refused", "[store_location]")
{
    CHECK_THROWS_WITH(StoreLocation::parse(QStringLiteral("postgresql://u@h/db?schema=a;DROP%20TABLE%20x")),
                      Catch::Contains("lower-case letters"));
    CHECK_THROWS_WITH(StoreLocation::parse(QStringLiteral("postgresql://u@h/db?schema=Maillage")),
                      Catch::Contains("lower-case letters"));
    CHECK_THROWS_WITH(StoreLocation::parse(QStringLiteral("postgresql://u@h/db?shema=x")),
                      Catch::Contains("unknown parameter \"shema\""));
}

TEST_CASE("The dialect qualifies tables with the schema on PostgreSQL only", "[store_location]")
{
    const SqlDialect server =
        SqlDialect::forLocation(StoreLocation::parse(QStringLiteral("postgresql://u@h/db?schema=m04")));
    const SqlDialect file = SqlDialect::forLocation(StoreLocation::parse(QStringLiteral("p.gpkg")));
    CHECK(server.table(QStringLiteral("accueil_points")) == QStringLiteral("m04.accueil_points"));
    CHECK(file.table(QStringLiteral("accueil_points")) == QStringLiteral("accueil_points"));
    CHECK(server.driver == QStringLiteral("QPSQL"));
    CHECK(file.driver == QStringLiteral("QSQLITE"));
}

TEST_CASE("A postgresql URI opens a connection to the test cluster with PostGIS", "[store_location][postgres]")
{
    if (!pgTestClusterAvailable()) return;
    const StoreLocation location = StoreLocation::parse(pgTestUri(QStringLiteral("location_test")));
    {
        QSqlDatabase db = addDatabase(location, QStringLiteral("location-test"));
        REQUIRE(db.open());
        QSqlQuery query(db);
        REQUIRE(
            query.exec(QStringLiteral("SELECT current_user, current_setting('application_name'), "
                                      "ST_SRID(ST_SetSRID(ST_MakePoint(950000, 6330000), 2154))")));
        REQUIRE(query.next());
        CHECK(query.value(0).toString() == QStringLiteral("maillage_test"));
        CHECK(query.value(1).toString() == QStringLiteral("maillage"));
        CHECK(query.value(2).toInt() == 2154);
        // Text goes to the server as a bound parameter, never spliced into the SQL.
        const QString hostile = QStringLiteral("x'); DROP TABLE spatial_ref_sys; --");
        REQUIRE(query.prepare(QStringLiteral("SELECT ?::text, count(*) FROM spatial_ref_sys")));
        query.addBindValue(hostile);
        REQUIRE(query.exec());
        REQUIRE(query.next());
        CHECK(query.value(0).toString() == hostile);
        CHECK(query.value(1).toInt() > 0);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("location-test"));
}
