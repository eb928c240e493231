#pragma once

// The throw-away PostgreSQL/PostGIS cluster of scripts/pg-test-cluster.sh, started by the CTest
// fixture pg_cluster (tests/CMakeLists.txt), which compiles its socket folder in as
// MAILLAGE_TEST_PG_SOCKET into the programs listed in POSTGRES_TEST_PROGRAMS.

#include <catch2/catch.hpp>

#include <QFile>
#include <QSqlDatabase>
#include <QString>

namespace maillage::test {

inline QString pgTestSocket()
{
    const QString socket = QStringLiteral(MAILLAGE_TEST_PG_SOCKET);
    return QFile::exists(socket + QStringLiteral("/.s.PGSQL.5432")) ? socket : QString();
}

// A project URI in the test database for `schema`.
inline QString pgTestUri(const QString& schema)
{
    return QStringLiteral("postgresql://maillage_test@/maillage_test?host=%1&schema=%2").arg(pgTestSocket(), schema);
}

// False (with the reason as a warning) when the PostgreSQL cases cannot run here; in CI
// (MAILLAGE_REQUIRE_PG=1, scripts/test.sh) a missing server fails instead of skipping.
inline bool pgTestClusterAvailable()
{
    if (!pgTestSocket().isEmpty() && QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) return true;
    if (qEnvironmentVariable("MAILLAGE_REQUIRE_PG") == QLatin1String("1"))
        FAIL(
            "MAILLAGE_REQUIRE_PG=1 but the test cluster or Qt's QPSQL driver is missing "
            "(run through ctest, which starts scripts/pg-test-cluster.sh)");
    WARN(
        "PostgreSQL case skipped: no test cluster (install postgresql-15, postgresql-15-postgis-3, "
        "libqt6sql6-psql and run through ctest)");
    return false;
}

}  // namespace maillage::test
