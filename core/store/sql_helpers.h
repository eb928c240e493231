#pragma once

#include "common/error.h"
#include "geo/types.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace maillage::sql {

// A store's open connection and what its error messages need. The same SQL runs on both
// back-ends (a GeoPackage file, or a PostgreSQL schema set as the session's search_path);
// where it cannot, the few functions below say how each back-end does it.
struct Connection {
    QSqlDatabase db;
    QString path;  // the file, or the server location without credentials (messages)
    bool postgres = false;
    QString user;  // who edits: the PostgreSQL role, or the system user of a file
    int busyTimeoutMs = 5000;
    // Write transactions open on this connection (WriteTransaction nests as savepoints).
    mutable int transactionDepth = 0;
    // PostgreSQL: the channel every committed write is announced on (NOTIFY, delivered to the
    // project's other connections at commit, never for a rollback); empty for a file.
    QString notifyChannel;
    // What to undo beside the database when a write transaction rolls back (a store's record
    // of the plan versions it read or wrote): run last first by the WriteTransaction (or
    // savepoint) they were added in, dropped when the outer transaction commits.
    mutable std::vector<std::function<void()>> undoOnRollback;
};

// The NOTIFY channel of a project's schema (at most 63 bytes, PostgreSQL's limit).
QString notifyChannelFor(const QString& schema);

// True when SQLite gave up waiting for a lock held by another connection (SQLITE_BUSY/LOCKED).
bool isBusy(const QSqlError& error);
// Same, for either back-end (PostgreSQL: lock timeout or deadlock).
bool isBusy(const Connection& connection, const QSqlError& error);

// "project <file> is in use by another program ...".
Error inUseError(const Connection& connection);

// Prepares a statement; throws Error "<what> in <file>: <SQLite message>" (or the in-use error).
QSqlQuery prepare(const Connection& connection, const QString& sql, const QString& what);
// Executes a prepared statement, same errors as prepare.
void exec(QSqlQuery& query, const Connection& connection, const QString& what);
// The error of a statement that failed (query.exec() returned false), same as exec throws;
// for loops that build `what` only when needed.
[[noreturn]] void throwFailure(const QSqlQuery& query, const Connection& connection, const QString& what);
// Prepares and executes a statement without parameters; returns it positioned before the first row.
QSqlQuery run(const Connection& connection, const QString& sql, const QString& what);

// --- Dialect: what differs between SQLite (GeoPackage) and PostgreSQL/PostGIS.
// The SQL expression that stores a point geometry from a bound GeoPackage blob
// (gpkg::encodePoint): the blob itself in a file; PostGIS reads the WKB after its header.
QString geometryValue(const Connection& connection, const QString& placeholder = QStringLiteral("?"));
// The SQL expression that reads the geometry column `column` for readGeometry().
QString geometrySelect(const Connection& connection, const QString& column = QStringLiteral("geom"));
std::optional<XY> readGeometry(const Connection& connection, const QVariant& value);
// A timestamp column as UTC with milliseconds (ISO text in a file, TIMESTAMPTZ on a server).
QDateTime readTime(const QVariant& value);
// The column type of an integer key numbered by the database, and of a floating point number.
QString autoIncrementKey(const Connection& connection);
QString doubleType(const Connection& connection);
// Whether a table exists in the project (sqlite_master, or the project's schema).
bool tableExists(const Connection& connection, const QString& table);

// A write transaction. BEGIN IMMEDIATE takes the write lock at once, so a second writer
// waits for the busy timeout at the start instead of failing halfway; the destructor
// rolls back unless commit() succeeded. Inside another write transaction of the same
// connection (several edits saved together, Store::Batch) it becomes a savepoint: its
// commit keeps its writes for the outer transaction, its rollback undoes only them.
class WriteTransaction {
public:
    explicit WriteTransaction(const Connection& connection);
    ~WriteTransaction();
    Q_DISABLE_COPY(WriteTransaction)

    void commit();

private:
    const Connection& connection_;
    bool open_ = false;
    int depth_ = 0;             // 1 for the outer transaction
    std::size_t undoMark_ = 0;  // Connection::undoOnRollback's size when it began
};

}  // namespace maillage::sql
