#pragma once

// The throw-away PostgreSQL/PostGIS cluster of scripts/pg-test-cluster.sh, started by the CTest
// fixture pg_cluster (tests/CMakeLists.txt), which compiles its socket folder in as
// MAILLAGE_TEST_PG_SOCKET into the programs listed in POSTGRES_TEST_PROGRAMS.

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
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

// A cluster of its own for a test that stops the server (the shared one serves the other
// tests running meanwhile): scripts/pg-test-cluster.sh in a folder of /tmp, removed at the end.
class PrivateCluster {
public:
    PrivateCluster()
        : dir_(QDir::temp().filePath(
            QStringLiteral("maillage-pg-own-%1-%2").arg(QCoreApplication::applicationPid()).arg(++counter_)))
    {
    }
    ~PrivateCluster()
    {
        if (started_) run(QStringLiteral("stop"));
    }
    PrivateCluster(const PrivateCluster&) = delete;
    PrivateCluster& operator=(const PrivateCluster&) = delete;

    bool start() { return started_ = run(QStringLiteral("start")); }
    // Stops the server at once, as a crash or a power cut of the server would.
    bool halt() { return run(QStringLiteral("halt")); }
    bool resume() { return run(QStringLiteral("resume")); }
    QString uri(const QString& schema) const
    {
        return QStringLiteral("postgresql://maillage_test@/maillage_test?host=%1/socket&schema=%2").arg(dir_, schema);
    }

private:
    bool run(const QString& action)
    {
        QProcess script;
        script.setProcessChannelMode(QProcess::MergedChannels);
        script.start(QStringLiteral(MAILLAGE_PG_CLUSTER_SCRIPT), {action, dir_});
        const bool ok =
            script.waitForFinished(120'000) && script.exitStatus() == QProcess::NormalExit && script.exitCode() == 0;
        if (!ok) WARN("pg-test-cluster.sh " << action.toStdString() << ": " << script.readAll().toStdString());
        return ok;
    }

    static inline int counter_ = 0;
    QString dir_;
    bool started_ = false;
};

}  // namespace maillage::test
