#include "store/sql_helpers.h"

#include "store/gpkg_geometry.h"

#include <QDir>
#include <QSqlDriver>

namespace maillage::sql {
namespace {

constexpr int kSqliteBusy = 5;
constexpr int kSqliteLocked = 6;

// SQLSTATEs of PostgreSQL errors the user must be told about in their own words.
bool isPermissionDenied(const QSqlError& error)
{
    const QString state = error.nativeErrorCode();
    return state == QLatin1String("42501") || state == QLatin1String("25006");  // no privilege, read-only transaction
}

bool isConnectionLost(const QSqlError& error)
{
    const QString state = error.nativeErrorCode();
    if (state.startsWith(QLatin1String("08")) || state.startsWith(QLatin1String("57P")))
        return true;  // connection exception, admin shutdown / crash shutdown / cannot connect now
    const QString text = error.databaseText() + error.driverText();
    return text.contains(QLatin1String("server closed the connection"))
           || text.contains(QLatin1String("no connection to the server"))
           || text.contains(QLatin1String("terminating connection"))
           || text.contains(QLatin1String("could not send data to server"))
           || text.contains(QLatin1String("could not receive data from server"));
}

Error sqlError(const Connection& connection, const QSqlError& error, const QString& what)
{
    if (isBusy(connection, error)) return inUseError(connection);
    const QString message = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    if (connection.postgres && isPermissionDenied(error))
        return Error(QStringLiteral("project %1 is read-only for %2: %3 was refused (%4); ask the project's "
                                    "owner for write access, or keep working read-only")
                         .arg(connection.path, connection.user, what, message.trimmed()));
    if (connection.postgres && isConnectionLost(error)) {
        // libpq's text runs on several lines ("server closed the connection unexpectedly\n\tThis
        // probably means..."): its first says it all, and the message stays one line.
        const QString cause = message.trimmed().section(QLatin1Char('\n'), 0, 0).trimmed();
        return Error(QStringLiteral("lost the connection to the server of project %1 while %2 (%3): nothing "
                                    "of this change was saved, what was saved before is kept; open the project "
                                    "again once the server answers")
                         .arg(connection.path, what, cause));
    }
    return Error(QStringLiteral("%1 in %2 failed: %3").arg(what, QDir::toNativeSeparators(connection.path), message));
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

bool isBusy(const Connection& connection, const QSqlError& error)
{
    if (!connection.postgres) return isBusy(error);
    const QString state = error.nativeErrorCode();                              // SQLSTATE
    return state == QLatin1String("55P03") || state == QLatin1String("40P01");  // lock timeout, deadlock
}

Error inUseError(const Connection& connection)
{
    if (connection.postgres)
        return Error(QStringLiteral("project %1: another planner's change of the same rows was still being "
                                    "saved after %2 s; try again")
                         .arg(connection.path)
                         .arg(connection.busyTimeoutMs / 1000.0));
    return Error(QStringLiteral("project %1 is in use by another program (still locked after "
                                "%2 s); close it there or wait, then try again")
                     .arg(QDir::toNativeSeparators(connection.path))
                     .arg(connection.busyTimeoutMs / 1000.0));
}

QSqlQuery prepare(const Connection& connection, const QString& sql, const QString& what)
{
    QSqlQuery query(connection.db);
    query.setForwardOnly(true);  // no client-side row cache
    if (!query.prepare(sql)) throw sqlError(connection, query.lastError(), what);
    return query;
}

void exec(QSqlQuery& query, const Connection& connection, const QString& what)
{
    if (!query.exec()) throw sqlError(connection, query.lastError(), what);
}

void throwFailure(const QSqlQuery& query, const Connection& connection, const QString& what)
{
    throw sqlError(connection, query.lastError(), what);
}

QSqlQuery run(const Connection& connection, const QString& sql, const QString& what)
{
    QSqlQuery query(connection.db);
    query.setForwardOnly(true);
    if (!query.exec(sql)) throw sqlError(connection, query.lastError(), what);
    return query;
}

QString geometryValue(const Connection& connection, const QString& placeholder)
{
    // The blob's header is 8 bytes and its envelope 32 (gpkg::encodePoint): WKB starts at byte 41.
    if (connection.postgres)
        return QStringLiteral("ST_GeomFromWKB(substring(CAST(%1 AS bytea) FROM 41), 2154)").arg(placeholder);
    return placeholder;
}

QString geometrySelect(const Connection& connection, const QString& column)
{
    return connection.postgres ? QStringLiteral("ST_AsBinary(%1)").arg(column) : column;
}

std::optional<XY> readGeometry(const Connection& connection, const QVariant& value)
{
    const QByteArray bytes = value.toByteArray();
    return connection.postgres ? gpkg::decodeWkbPoint(bytes) : gpkg::decodePoint(bytes);
}

QDateTime readTime(const QVariant& value)
{
    if (value.metaType().id() == QMetaType::QDateTime)
        return QDateTime::fromMSecsSinceEpoch(value.toDateTime().toMSecsSinceEpoch(), Qt::UTC);
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

QString autoIncrementKey(const Connection& connection)
{
    return connection.postgres ? QStringLiteral("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY")
                               : QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT");
}

QString doubleType(const Connection& connection)
{
    return connection.postgres ? QStringLiteral("DOUBLE PRECISION") : QStringLiteral("REAL");
}

bool tableExists(const Connection& connection, const QString& table)
{
    const QString what = QStringLiteral("looking for table %1").arg(table);
    QSqlQuery query = prepare(
        connection,
        connection.postgres ? QStringLiteral(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?")
                            : QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?"),
        what);
    query.addBindValue(table);
    exec(query, connection, what);
    return query.next() && query.value(0).toInt() > 0;
}

WriteTransaction::WriteTransaction(const Connection& connection) : connection_(connection)
{
    depth_ = connection_.transactionDepth + 1;
    undoMark_ = connection_.undoOnRollback.size();
    // PostgreSQL has no IMMEDIATE: rows are locked as they are written, other rows stay free.
    if (depth_ == 1)
        run(connection_, connection_.postgres ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE"),
            QStringLiteral("starting a write"));
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
        auto& undo = connection_.undoOnRollback;
        while (undo.size() > undoMark_) {
            const std::function<void()> step = std::move(undo.back());
            undo.pop_back();
            step();
        }
    }
}

QString notifyChannelFor(const QString& schema) { return (QStringLiteral("maillage_") + schema).left(63); }

void WriteTransaction::commit()
{
    // Others' windows showing the project are told at once (Store::watchChanges): NOTIFY is
    // part of the transaction, sent when it commits and dropped if it rolls back.
    if (depth_ == 1 && !connection_.notifyChannel.isEmpty()) {
        QSqlQuery notify =
            prepare(connection_, QStringLiteral("SELECT pg_notify(?, ?)"), QStringLiteral("saving the changes"));
        notify.addBindValue(connection_.notifyChannel);
        notify.addBindValue(connection_.user);
        exec(notify, connection_, QStringLiteral("saving the changes"));
    }
    // With a rollback journal the commit needs readers gone; SQLite waits for them up to the
    // busy timeout, and if they stay the destructor rolls back and the caller gets "in use".
    if (depth_ == 1) run(connection_, QStringLiteral("COMMIT"), QStringLiteral("saving the changes"));
    else run(connection_, QStringLiteral("RELEASE maillage_%1").arg(depth_), QStringLiteral("saving the changes"));
    open_ = false;
    connection_.transactionDepth = depth_ - 1;
    if (depth_ == 1) connection_.undoOnRollback.clear();  // kept: an outer rollback undoes a savepoint's too
}

}  // namespace maillage::sql
