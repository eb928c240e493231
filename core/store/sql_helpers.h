#pragma once

#include "common/error.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>

namespace maillage::sql {

// A store's open connection and what its error messages need.
struct Connection {
    QSqlDatabase db;
    QString path;
    int busyTimeoutMs = 5000;
    // Write transactions open on this connection (WriteTransaction nests as savepoints).
    mutable int transactionDepth = 0;
};

// True when SQLite gave up waiting for a lock held by another connection (SQLITE_BUSY/LOCKED).
bool isBusy(const QSqlError& error);

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

// A write transaction. BEGIN IMMEDIATE takes the write lock at once, so a second writer
// waits for the busy timeout at the start instead of failing halfway; the destructor
// rolls back unless commit() succeeded. Inside another write transaction of the same
// connection (several edits saved together, Store::Batch) it becomes a savepoint: its
// commit keeps its writes for the outer transaction, its rollback undoes only them.
class WriteTransaction {
public:
    explicit WriteTransaction(const Connection& connection);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;

    void commit();

private:
    const Connection& connection_;
    bool open_ = false;
    int depth_ = 0;  // 1 for the outer transaction
};

}  // namespace maillage::sql
