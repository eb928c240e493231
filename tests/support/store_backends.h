#pragma once

// The store's test cases run on both back-ends: a GeoPackage file and a schema of the throw-away
// PostgreSQL/PostGIS test cluster (pg_test_cluster.h). A case starts with
//     const test::Backend backend = GENERATE(test::Backend::File, test::Backend::Postgres);
//     test::TestProject project(backend);
//     if (!project.available()) return;   // no cluster here: skipped with a warning
// and then creates or opens project.location() (a path or a postgresql:// URI) with the Store.

#include "support/pg_test_cluster.h"
#include "support/test_data.h"

#include <QCryptographicHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <catch2/catch.hpp>

namespace maillage::test {

enum class Backend { File, Postgres };

inline const char* backendName(Backend backend) { return backend == Backend::File ? "GeoPackage file" : "PostgreSQL"; }

// A plain connection to the test database as the test role (administration of the cluster).
class PgAdmin {
public:
    PgAdmin() : name_(QStringLiteral("pg-admin-%1").arg(++counter_))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name_);
        db.setHostName(pgTestSocket());
        db.setUserName(QStringLiteral("maillage_test"));
        db.setDatabaseName(QStringLiteral("maillage_test"));
        if (!db.open()) FAIL("cannot connect to the test cluster: " << db.lastError().text().toStdString());
        QSqlQuery(db).exec(QStringLiteral("SET client_min_messages = warning"));  // no "does not exist, skipping"
    }
    ~PgAdmin()
    {
        QSqlDatabase::database(name_, false).close();
        QSqlDatabase::removeDatabase(name_);
    }
    PgAdmin(const PgAdmin&) = delete;
    PgAdmin& operator=(const PgAdmin&) = delete;
    // Runs statements without parameters (DDL, roles); fails the test on error.
    void exec(const QString& statement)
    {
        QSqlQuery query(QSqlDatabase::database(name_, false));
        INFO(statement.toStdString());
        const bool ok = query.exec(statement);
        INFO(query.lastError().text().toStdString());
        REQUIRE(ok);
    }
    QVariant value(const QString& statement)
    {
        QSqlQuery query(QSqlDatabase::database(name_, false));
        INFO(statement.toStdString());
        REQUIRE(query.exec(statement));
        REQUIRE(query.next());
        return query.value(0);
    }

private:
    static inline int counter_ = 0;
    QString name_;
};

// A schema name unique to the running test case and call (ctest runs cases in parallel).
inline QString uniqueSchema(const QString& hint = {})
{
    static int counter = 0;
    const QByteArray test = QByteArray::fromStdString(Catch::getResultCapture().getCurrentTestName());
    const QString hash = QString::fromLatin1(QCryptographicHash::hash(test, QCryptographicHash::Sha1).toHex().left(10));
    return QStringLiteral("t%1_%2%3").arg(hash).arg(++counter).arg(hint.isEmpty() ? QString() : QLatin1Char('_') + hint);
}

// Where a test's project lives on the back-end under test; nothing there yet.
class TestProject {
public:
    explicit TestProject(Backend backend, const QString& hint = {}) : backend_(backend)
    {
        INFO("back-end: " << backendName(backend));
        if (backend == Backend::File) {
            location_ = dir_.path(hint.isEmpty() ? QStringLiteral("project.gpkg") : hint + QStringLiteral(".gpkg"));
            available_ = true;
            return;
        }
        available_ = pgTestClusterAvailable();
        if (!available_) return;
        schema_ = uniqueSchema(hint);
        PgAdmin().exec(QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(schema_));
        location_ = pgTestUri(schema_);
    }
    bool available() const { return available_; }
    Backend backend() const { return backend_; }
    bool isFile() const { return backend_ == Backend::File; }
    // A file path, or a postgresql:// URI of the test cluster.
    const QString& location() const { return location_; }
    const QString& schema() const { return schema_; }

private:
    Backend backend_;
    ScratchDir dir_;
    bool available_ = false;
    QString location_;
    QString schema_;
};

}  // namespace maillage::test

// Declares `project`, a TestProject on each back-end in turn: the case runs once per back-end
// (GENERATE), and the PostgreSQL run is skipped with a warning where there is no test cluster.
#define MAILLAGE_ON_EACH_BACKEND(project)                                           \
    const maillage::test::Backend project##Backend =                                \
        GENERATE(maillage::test::Backend::File, maillage::test::Backend::Postgres); \
    INFO("back-end: " << maillage::test::backendName(project##Backend));            \
    maillage::test::TestProject project(project##Backend);                          \
    if (!project.available()) return
