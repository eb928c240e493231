#include "store/sql_helpers.h"

#include <QDir>

namespace maillage::sql {
namespace {

constexpr int kSqliteBusy = 5;
constexpr int kSqliteLocked = 6;

Error sqlError(const Connection& connection, const QSqlError& error, const QString& what)
{
    if (isBusy(error))
        return inUseError(connection);
    const QString message = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    return Error(QStringLiteral("%1 in %2 failed: %3")
                     .arg(what, QDir::toNativeSeparators(connection.path), message));
}

}  // namespace

bool isBusy(const QSqlError& error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    if (ok) {
        const int primary = code & 0xff;  // extended codes keep the primary code in the low byte
        return primary == kSqliteBusy || primary == kSqliteLocked;
    }
    return error.databaseText().contains(QLatin1String("database is locked"));
}

Error inUseError(const Connection& connection)
{
    return Error(QStringLiteral("project %1 is in use by another program (still locked after "
                                "%2 s); close it there or wait, then try again")
                     .arg(QDir::toNativeSeparators(connection.path))
                     .arg(connection.busyTimeoutMs / 1000.0));
}

QSqlQuery prepare(const Connection& connection, const QString& sql, const QString& what)
{
    QSqlQuery query(connection.db);
    query.setForwardOnly(true);  // no client-side row cache
    if (!query.prepare(sql))
        throw sqlError(connection, query.lastError(), what);
    return query;
}

void exec(QSqlQuery& query, const Connection& connection, const QString& what)
{
    if (!query.exec())
        throw sqlError(connection, query.lastError(), what);
}

void throwFailure(const QSqlQuery& query, const Connection& connection, const QString& what)
{
    throw sqlError(connection, query.lastError(), what);
}

QSqlQuery run(const Connection& connection, const QString& sql, const QString& what)
{
    QSqlQuery query(connection.db);
    query.setForwardOnly(true);
    if (!query.exec(sql))
        throw sqlError(connection, query.lastError(), what);
    return query;
}

WriteTransaction::WriteTransaction(const Connection& connection) : connection_(connection)
{
    depth_ = connection_.transactionDepth + 1;
    if (depth_ == 1) run(connection_, QStringLiteral("BEGIN IMMEDIATE"), QStringLiteral("starting a write"));
    else run(connection_, QStringLiteral("SAVEPOINT maillage_%1").arg(depth_), QStringLiteral("starting a write"));
    connection_.transactionDepth = depth_;
    open_ = true;
}

WriteTransaction::~WriteTransaction()
{
    if (open_) {
        // Nothing more to do if even this fails.
        QSqlQuery rollback(connection_.db);
        if (depth_ == 1) {
            rollback.exec(QStringLiteral("ROLLBACK"));
        } else {
            rollback.exec(QStringLiteral("ROLLBACK TO maillage_%1").arg(depth_));
            rollback.exec(QStringLiteral("RELEASE maillage_%1").arg(depth_));
        }
        connection_.transactionDepth = depth_ - 1;
    }
}

void WriteTransaction::commit()
{
    // With a rollback journal the commit needs readers gone; SQLite waits for them up to the
    // busy timeout, and if they stay the destructor rolls back and the caller gets "in use".
    if (depth_ == 1) run(connection_, QStringLiteral("COMMIT"), QStringLiteral("saving the changes"));
    else run(connection_, QStringLiteral("RELEASE maillage_%1").arg(depth_), QStringLiteral("saving the changes"));
    open_ = false;
    connection_.transactionDepth = depth_ - 1;
}

}  // namespace maillage::sql
