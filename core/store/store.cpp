#include "store/store.h"

#include "store/gpkg_geometry.h"
#include "store/kinds.h"
#include "store/point_rows.h"
#include "store/schema.h"
#include "store/schema_postgres.h"
#include "store/sql_helpers.h"
#include "store/store_location.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlField>
#include <QSqlRecord>
#include <QStandardPaths>

#include <unordered_map>

#include <algorithm>
#include <atomic>
#include <cmath>

// Journal mode: the classic rollback journal (DELETE), not WAL. Planners keep project files
// on shared network drives, where WAL's shared memory does not work; a DELETE-mode file is
// also complete by itself at every moment (safe to copy or mail while open), and GDAL/QGIS
// can read it even from a read-only folder (WAL readers need to write the -shm file).
// The cost — a commit waits for readers to finish, readers wait during a commit — is
// absorbed by the busy timeout. A file some other program switched to WAL (QGIS does while
// editing) is left in that mode: both are crash-safe.

namespace maillage {
namespace {

std::atomic<quint64> connectionCounter{0};

// The columns readPoint() reads, in its order; the geometry as the back-end gives it.
QString pointColumns(const sql::Connection& connection)
{
    return QStringLiteral(
               "id, %1, name, level, kind, status, commune_insee, lon, lat, x, y, weekly_hours,"
               " opening_hours, address, source, source_id, notes, outside_territory, created_at, updated_at,"
               " row_version, updated_by, serves")
        .arg(sql::geometrySelect(connection));
}

// Who edits, for the points' updated_by and conflict messages: the login name of a file's user.
QString systemUser()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty()) user = qEnvironmentVariable("USERNAME");
    if (user.isEmpty()) user = qEnvironmentVariable("LOGNAME");
    return user.isEmpty() ? QStringLiteral("unknown user") : user;
}

QString nativePath(const QString& path) { return QDir::toNativeSeparators(path); }

// Qt binds a null QString as SQL NULL; text columns are NOT NULL DEFAULT ''.
QVariant textValue(const QString& value) { return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value); }

QString isoUtc(const QDateTime& time) { return time.toUTC().toString(Qt::ISODateWithMs); }

QDateTime nowUtc()
{
    // Whole milliseconds, so what is returned equals what is read back from the text column.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return QDateTime::fromMSecsSinceEpoch(now.toMSecsSinceEpoch(), Qt::UTC);
}

// "point "Mairie de Digne" (source "mairies-04", id "04070")", for error messages.
QString describe(const AccueilPoint& point)
{
    QString text = QStringLiteral("point \"%1\"").arg(point.name);
    if (point.id != 0) text += QStringLiteral(" #%1").arg(point.id);
    if (!point.source.isEmpty() || !point.sourceId.isEmpty())
        text += QStringLiteral(" (source \"%1\", id \"%2\")").arg(point.source, point.sourceId);
    return text;
}

// Throws an Error naming the point when it cannot be stored as is.
void validate(const AccueilPoint& point, const QString& where)
{
    auto fail = [&](const QString& why) { throw Error(QStringLiteral("%1%2: %3").arg(where, describe(point), why)); };
    if (!levelFromInt(static_cast<int>(point.level)))
        fail(QStringLiteral("level %1 is not 1, 2 or 3").arg(static_cast<int>(point.level)));
    if (!findKind(point.kind)) fail(QStringLiteral("unknown kind \"%1\"").arg(point.kind));
    if (statusCode(point.status).isEmpty()) fail(QStringLiteral("invalid status %1").arg(static_cast<int>(point.status)));
    if (const QString problem = coordinatesOrDetailsProblem(point); !problem.isEmpty()) fail(problem);
}

// Binds every column written on both insert and update.
void bindContent(QSqlQuery& query, const AccueilPoint& point, const QString& updatedAt, const QString& user)
{
    query.bindValue(QStringLiteral(":updated_by"), user);
    query.bindValue(QStringLiteral(":geom"), gpkg::encodePoint(point.lambert93, schema::kPointsSrsId));
    query.bindValue(QStringLiteral(":name"), textValue(point.name));
    query.bindValue(QStringLiteral(":level"), static_cast<int>(point.level));
    query.bindValue(QStringLiteral(":kind"), textValue(point.kind));
    query.bindValue(QStringLiteral(":status"), statusCode(point.status));
    query.bindValue(QStringLiteral(":commune_insee"), textValue(point.communeInsee));
    query.bindValue(QStringLiteral(":lon"), point.wgs84.lon);
    query.bindValue(QStringLiteral(":lat"), point.wgs84.lat);
    query.bindValue(QStringLiteral(":x"), point.lambert93.x);
    query.bindValue(QStringLiteral(":y"), point.lambert93.y);
    query.bindValue(QStringLiteral(":weekly_hours"), point.weeklyHours ? QVariant(*point.weeklyHours) : QVariant());
    query.bindValue(QStringLiteral(":opening_hours"), textValue(point.openingHours));
    query.bindValue(QStringLiteral(":address"), textValue(point.address));
    query.bindValue(QStringLiteral(":source"), textValue(point.source));
    query.bindValue(QStringLiteral(":source_id"), textValue(point.sourceId));
    query.bindValue(QStringLiteral(":notes"), textValue(point.notes));
    query.bindValue(QStringLiteral(":outside_territory"), point.outsideTerritory);
    query.bindValue(QStringLiteral(":serves"), textValue(servesText(point.serves)));
    query.bindValue(QStringLiteral(":updated_at"), updatedAt);
}

// The columns of a point's content, written on both insert and update, each from the
// placeholder of its name (bindContent). The geometry comes first, through the dialect (a
// GeoPackage blob, or PostGIS from its WKB).
const QStringList& contentColumns()
{
    static const QStringList columns =
        QStringLiteral(
            "name level kind status commune_insee lon lat x y weekly_hours opening_hours address source"
            " source_id notes outside_territory serves")
            .split(QLatin1Char(' '));
    return columns;
}

QString contentAssignments(const sql::Connection& connection)
{
    QStringList assignments{QStringLiteral("geom = %1").arg(sql::geometryValue(connection, QStringLiteral(":geom")))};
    for (const QString& column : contentColumns() + QStringList{QStringLiteral("updated_at")})
        assignments << QStringLiteral("%1 = :%1").arg(column);
    assignments << QStringLiteral("row_version = row_version + 1") << QStringLiteral("updated_by = :updated_by");
    return assignments.join(QStringLiteral(", "));
}

QString insertSql(const sql::Connection& connection)
{
    const QStringList columns =
        contentColumns()
        + QStringList{QStringLiteral("created_at"), QStringLiteral("updated_at"), QStringLiteral("updated_by")};
    QStringList placeholders;
    for (const QString& column : columns) placeholders << QLatin1Char(':') + column;
    return QStringLiteral("INSERT INTO accueil_points (geom, %1) VALUES (%2, %3) RETURNING id")
        .arg(columns.join(QStringLiteral(", ")), sql::geometryValue(connection, QStringLiteral(":geom")),
             placeholders.join(QStringLiteral(", ")));
}

// An update applies only to the version of the point the editor read (optimistic locking).
QString updateSql(const sql::Connection& connection)
{
    return QStringLiteral("UPDATE accueil_points SET %1 WHERE id = :id").arg(contentAssignments(connection));
}
QString versionedUpdateSql(const sql::Connection& connection)
{
    return updateSql(connection) + QStringLiteral(" AND row_version = :expected_version");
}

bool sameContent(const AccueilPoint& a, const AccueilPoint& b)
{
    return a.name == b.name && a.level == b.level && a.kind == b.kind && a.status == b.status
           && a.communeInsee == b.communeInsee && a.wgs84.lon == b.wgs84.lon && a.wgs84.lat == b.wgs84.lat
           && a.lambert93.x == b.lambert93.x && a.lambert93.y == b.lambert93.y && a.weeklyHours == b.weeklyHours
           && a.openingHours == b.openingHours && a.address == b.address && a.source == b.source && a.sourceId == b.sourceId
           && a.notes == b.notes && a.outsideTerritory == b.outsideTerritory && a.serves == b.serves;
}

// Filter -> "WHERE ..." with positional parameters.
struct WhereClause {
    QString sql;
    QVariantList values;
};

WhereClause whereClause(const PointFilter& filter)
{
    QStringList conditions;
    WhereClause where;
    auto add = [&](const QString& condition, const QVariant& value) {
        conditions << condition;
        where.values << value;
    };
    if (filter.level) add(QStringLiteral("level = ?"), static_cast<int>(*filter.level));
    if (filter.kind) add(QStringLiteral("kind = ?"), *filter.kind);
    if (filter.status) add(QStringLiteral("status = ?"), statusCode(*filter.status));
    if (filter.communeInsee) {
        if (filter.communeInsee->isEmpty()) {
            conditions << QStringLiteral("1 = 0");  // any of no commune: nothing
        } else {
            QStringList marks;
            for (const QString& code : *filter.communeInsee) {
                marks << QStringLiteral("?");
                where.values << code;
            }
            conditions << QStringLiteral("commune_insee IN (%1)").arg(marks.join(QLatin1Char(',')));
        }
    }
    if (filter.source) add(QStringLiteral("source = ?"), *filter.source);
    if (filter.outsideTerritory) add(QStringLiteral("outside_territory = ?"), *filter.outsideTerritory);
    if (!conditions.isEmpty()) where.sql = QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    return where;
}

}  // namespace

struct Store::Impl {
    QString connectionName;
    StoreLocation location;
    sql::Connection connection;
    int schemaVersion = 0;
    QString insertSql, updateSql, versionedUpdateSql, pointColumns;
    // The version of each point this store wrote last: an editor's own earlier change (undo,
    // redo, a second edit from the same copy) is not a conflict, another editor's is.
    OwnVersions ownVersions;
    // The version of each plan this store read in full or wrote last (ScenarioStore).
    std::unordered_map<qint64, qint64> planVersions;

    Impl(const StoreLocation& location, const StoreOptions& options);
    ~Impl();
    void prepareStatements();
    void recordOwnVersion(qint64 id);

    AccueilPoint readPoint(const QSqlQuery& row) const;
    qint64 insert(const AccueilPoint& point, const QString& now, const QString& what);
    void update(const AccueilPoint& point, const QString& now, const QString& what);
    void refreshContents(const QString& now);
    class SourceUpsert;
    QString path() const { return connection.postgres ? connection.path : nativePath(connection.path); }
};

Store::Impl::Impl(const StoreLocation& where, const StoreOptions& options) : location(where)
{
    connectionName = QStringLiteral("maillage-store-%1").arg(++connectionCounter);
    connection.postgres = location.isPostgres();
    connection.path = location.display();
    connection.busyTimeoutMs = static_cast<int>(options.busyTimeout.count());
    connection.db = addDatabase(location, connectionName);
    if (!connection.db.open()) {
        const QSqlError error = connection.db.lastError();
        throw Error(QStringLiteral("cannot open project %1: %2")
                        .arg(path(), (error.databaseText().isEmpty() ? error.text() : error.databaseText()).trimmed()));
    }
    if (connection.postgres) {
        // The project's schema first, PostGIS's functions (public) after: the statements name
        // tables as in a file. The schema is a checked plain identifier (StoreLocation::parse).
        // Times are read and written in UTC; a blocked write waits as long as in a file.
        sql::run(connection, QStringLiteral("SET search_path TO %1, public").arg(location.schema),
                 QStringLiteral("choosing the project's schema"));
        sql::run(connection, QStringLiteral("SET TIME ZONE 'UTC'"), QStringLiteral("choosing the time zone"));
        sql::run(connection, QStringLiteral("SET client_min_messages = warning"), QStringLiteral("configuring the session"));
        sql::run(connection, QStringLiteral("SET lock_timeout = %1").arg(connection.busyTimeoutMs),
                 QStringLiteral("setting the lock timeout"));
        QSqlQuery user = sql::run(connection, QStringLiteral("SELECT current_user"), QStringLiteral("reading the role"));
        connection.user = user.next() ? user.value(0).toString() : location.user;
        connection.notifyChannel = sql::notifyChannelFor(location.schema);
    } else {
        connection.user = systemUser();
        // How long any statement waits for another connection's lock before SQLITE_BUSY.
        sql::run(connection, QStringLiteral("PRAGMA busy_timeout = %1").arg(connection.busyTimeoutMs),
                 QStringLiteral("setting the busy timeout"));
    }
    prepareStatements();
}

void Store::Impl::prepareStatements()
{
    insertSql = maillage::insertSql(connection);
    updateSql = maillage::updateSql(connection);
    versionedUpdateSql = maillage::versionedUpdateSql(connection);
    pointColumns = maillage::pointColumns(connection);
}

void Store::Impl::recordOwnVersion(qint64 id)
{
    QSqlQuery query = sql::prepare(connection, QStringLiteral("SELECT row_version FROM accueil_points WHERE id = ?"),
                                   QStringLiteral("reading a point's version"));
    query.addBindValue(id);
    sql::exec(query, connection, QStringLiteral("reading a point's version"));
    if (query.next()) ownVersions[id] = query.value(0).toLongLong();
}

Store::Impl::~Impl()
{
    // Every QSqlDatabase copy must be gone before removeDatabase, or Qt keeps the connection.
    connection.db.close();
    connection.db = QSqlDatabase();
    QSqlDatabase::removeDatabase(connectionName);
}

AccueilPoint Store::Impl::readPoint(const QSqlQuery& row) const
{
    AccueilPoint p;
    p.id = row.value(0).toLongLong();
    p.name = row.value(2).toString();
    p.level = levelFromInt(row.value(3).toInt()).value_or(Level::First);  // CHECK keeps it in 1..3
    p.kind = row.value(4).toString();
    p.status = statusFromCode(row.value(5).toString()).value_or(PointStatus::Existing);
    p.communeInsee = row.value(6).toString();

    if (!sql::readPointPosition(connection, row, 7, p))
        throw Error(QStringLiteral("point #%1 \"%2\" in project %3 has neither a geometry nor x/y"
                                   " coordinates; give it a position in QGIS or delete it")
                        .arg(p.id)
                        .arg(p.name, path()));
    sql::readPointDetails(row, 11, p);
    p.rowVersion = row.value(20).toLongLong();
    p.updatedBy = row.value(21).toString();
    p.serves = splitServes(row.value(22).toString());
    return p;
}

qint64 Store::Impl::insert(const AccueilPoint& point, const QString& now, const QString& what)
{
    QSqlQuery query = sql::prepare(connection, insertSql, what);
    bindContent(query, point, now, connection.user);
    query.bindValue(QStringLiteral(":created_at"), now);
    sql::exec(query, connection, what);
    if (!query.next()) throw Error(QStringLiteral("%1 in %2 failed: the database gave no id").arg(what, path()));
    const qint64 id = query.value(0).toLongLong();
    query.finish();
    ownVersions[id] = 1;
    return id;
}

void Store::Impl::update(const AccueilPoint& point, const QString& now, const QString& what)
{
    auto run = [&](bool versioned) {
        QSqlQuery query = sql::prepare(connection, versioned ? versionedUpdateSql : updateSql, what);
        bindContent(query, point, now, connection.user);
        query.bindValue(QStringLiteral(":id"), point.id);
        if (versioned) query.bindValue(QStringLiteral(":expected_version"), point.rowVersion);
        sql::exec(query, connection, what);
        return query.numRowsAffected() == 1;
    };
    // A point read from the store carries its version: the update must find it unchanged.
    if (point.rowVersion <= 0 || !run(true)) {
        QSqlQuery current =
            sql::prepare(connection,
                         QStringLiteral("SELECT row_version, updated_by, updated_at FROM accueil_points WHERE id = ?%1")
                             .arg(connection.postgres ? QStringLiteral(" FOR UPDATE") : QString()),
                         what);
        current.addBindValue(point.id);
        sql::exec(current, connection, what);
        if (!current.next())
            throw Error(QStringLiteral("%1 in %2 failed: no point with id %3 (another planner may have deleted it)")
                            .arg(what, path())
                            .arg(point.id));
        const qint64 version = current.value(0).toLongLong();
        const QString by = current.value(1).toString();
        const QDateTime at = sql::readTime(current.value(2));
        current.finish();
        const auto own = ownVersions.find(point.id);
        const bool ownChange = own != ownVersions.end() && own->second == version;
        if (point.rowVersion > 0 && !ownChange)
            throw EditConflict(
                point.id, by, at,
                QStringLiteral("%1 in %2 was not saved: %3 changed this point meanwhile (at %4 UTC, version %5; you edited "
                               "version %6). Reload the point to see their change, then edit again")
                    .arg(what, path(), by.isEmpty() ? QStringLiteral("another program") : by,
                         at.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")))
                    .arg(version)
                    .arg(point.rowVersion));
        if (!run(false)) throw Error(QStringLiteral("%1 in %2 failed: no point with id %3").arg(what, path()).arg(point.id));
    }
    recordOwnVersion(point.id);
}

// Keeps gpkg_contents true for GIS programs: GDAL reports the layer extent from it. A server
// has no such table: PostGIS computes extents itself.
void Store::Impl::refreshContents(const QString& now)
{
    if (connection.postgres) return;
    QSqlQuery query = sql::prepare(
        connection,
        QStringLiteral("UPDATE gpkg_contents SET last_change = :now,"
                       " min_x = (SELECT min(x) FROM accueil_points), min_y = (SELECT min(y) FROM accueil_points),"
                       " max_x = (SELECT max(x) FROM accueil_points), max_y = (SELECT max(y) FROM accueil_points)"
                       " WHERE table_name = 'accueil_points'"),
        QStringLiteral("updating gpkg_contents"));
    query.bindValue(QStringLiteral(":now"), now);
    sql::exec(query, connection, QStringLiteral("updating gpkg_contents"));
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Store Store::create(const QString& project, const StoreOptions& options)
{
    const StoreLocation location = StoreLocation::parse(project);
    if (location.isPostgres()) {
        auto impl = std::make_unique<Impl>(location, options);
        schema::postgres::createProject(impl->connection.db, location);
        impl->schemaVersion = schema::kCurrentVersion;
        return Store(std::move(impl));
    }
    const QString path = location.path;
    if (QFileInfo::exists(path))
        throw Error(QStringLiteral("cannot create project %1: the file already exists").arg(nativePath(path)));
    try {
        auto impl = std::make_unique<Impl>(location, options);
        sql::run(impl->connection, QStringLiteral("PRAGMA journal_mode = DELETE"),
                 QStringLiteral("choosing the journal mode"));
        schema::createProject(impl->connection);
        sql::run(impl->connection, QStringLiteral("PRAGMA foreign_keys = ON"), QStringLiteral("enabling foreign keys"));
        impl->schemaVersion = schema::kCurrentVersion;
        return Store(std::move(impl));
    } catch (...) {
        QFile::remove(path);  // a half-made project is worse than none
        QFile::remove(path + QStringLiteral("-journal"));
        throw;
    }
}

Store Store::open(const QString& project, const StoreOptions& options)
{
    const StoreLocation location = StoreLocation::parse(project);
    if (location.isPostgres()) {
        auto impl = std::make_unique<Impl>(location, options);
        const int version = schema::postgres::readVersion(impl->connection.db, location);
        if (version > schema::kCurrentVersion)
            throw Error(QStringLiteral("project %1 was written by a newer Maillage (schema version %2; this "
                                       "program reads up to version %3): update Maillage to open it")
                            .arg(location.display())
                            .arg(version)
                            .arg(schema::kCurrentVersion));
        if (version < schema::kCurrentVersion) schema::postgres::migrate(impl->connection.db, location, version);
        impl->schemaVersion = schema::kCurrentVersion;
        return Store(std::move(impl));
    }
    const QString path = location.path;
    const QFileInfo info(path);
    if (!info.exists()) throw Error(QStringLiteral("project %1 does not exist").arg(nativePath(path)));
    if (!info.isFile()) throw Error(QStringLiteral("project %1 is not a file").arg(nativePath(path)));

    auto impl = std::make_unique<Impl>(location, options);
    const int version = schema::readVersion(impl->connection);
    if (version > schema::kCurrentVersion) {
        throw Error(QStringLiteral("project %1 was written by a newer Maillage (schema version %2; this "
                                   "program reads up to version %3): update Maillage to open it")
                        .arg(nativePath(path))
                        .arg(version)
                        .arg(schema::kCurrentVersion));
    }
    if (version < schema::kCurrentVersion) schema::migrate(impl->connection, version);
    sql::run(impl->connection, QStringLiteral("PRAGMA foreign_keys = ON"), QStringLiteral("enabling foreign keys"));
    impl->schemaVersion = schema::kCurrentVersion;
    return Store(std::move(impl));
}

QString Store::path() const { return impl_->connection.path; }

bool Store::isServer() const { return impl_->connection.postgres; }

QString Store::editor() const { return impl_->connection.user; }

QString Store::localFilesBase() const
{
    if (!impl_->connection.postgres) return impl_->connection.path;
    // Files derived from a server project (the prepared network) are kept per user and project.
    const QString folder =
        QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) + QStringLiteral("/maillage");
    QDir().mkpath(folder);
    const QByteArray key =
        QCryptographicHash::hash(impl_->connection.path.toUtf8(), QCryptographicHash::Sha1).toHex().left(16);
    return QStringLiteral("%1/%2-%3").arg(folder, impl_->location.schema, QString::fromLatin1(key));
}

bool Store::watchChanges(QObject* context, std::function<void()> onChange)
{
    if (!impl_->connection.postgres) return false;
    QSqlDriver* driver = impl_->connection.db.driver();
    const QString channel = impl_->connection.notifyChannel;
    if (!driver->subscribedToNotifications().contains(channel) && !driver->subscribeToNotification(channel)) return false;
    QObject::connect(driver, &QSqlDriver::notification, context,
                     [channel, onChange = std::move(onChange)](const QString& name, QSqlDriver::NotificationSource source,
                                                               const QVariant&) {
                         if (name == channel && source == QSqlDriver::OtherSource) onChange();
                     });
    return true;
}

bool Store::canEdit() const
{
    if (!impl_->connection.postgres) {
        const QFileInfo file(impl_->connection.path);
        return file.isWritable() && QFileInfo(file.absolutePath()).isWritable();
    }
    QSqlQuery query = sql::run(impl_->connection,
                               QStringLiteral("SELECT has_table_privilege('accueil_points', 'INSERT, UPDATE, DELETE')"
                                              " AND has_table_privilege('scenarios', 'INSERT, UPDATE, DELETE')"
                                              " AND current_setting('transaction_read_only') = 'off'"),
                               QStringLiteral("reading the role's rights"));
    return query.next() && query.value(0).toBool();
}

const sql::Connection& Store::connection() const { return impl_->connection; }

std::unordered_map<qint64, qint64>& Store::planVersions() const { return impl_->planVersions; }

int Store::schemaVersion() const { return impl_->schemaVersion; }

qint64 Store::insertPoint(const AccueilPoint& point)
{
    validate(point, QString());
    const QString now = isoUtc(nowUtc());
    sql::WriteTransaction transaction(impl_->connection);
    const qint64 id = impl_->insert(point, now, QStringLiteral("adding ") + describe(point));
    impl_->refreshContents(now);
    transaction.commit();
    return id;
}

void Store::updatePoint(const AccueilPoint& point)
{
    validate(point, QString());
    const QString now = isoUtc(nowUtc());
    sql::WriteTransaction transaction(impl_->connection);
    impl_->update(point, now, QStringLiteral("updating ") + describe(point));
    impl_->refreshContents(now);
    transaction.commit();
}

Store::OwnVersions Store::ownVersions() const { return impl_->ownVersions; }

void Store::adoptOwnVersions(const OwnVersions& versions)
{
    for (const auto& [id, version] : versions) impl_->ownVersions[id] = version;
}

void Store::deletePoint(qint64 id)
{
    const QString what = QStringLiteral("deleting point #%1").arg(id);
    sql::WriteTransaction transaction(impl_->connection);
    QSqlQuery query = sql::prepare(impl_->connection, QStringLiteral("DELETE FROM accueil_points WHERE id = ?"), what);
    query.addBindValue(id);
    sql::exec(query, impl_->connection, what);
    if (query.numRowsAffected() != 1) throw Error(QStringLiteral("%1 in %2 failed: no such point").arg(what, impl_->path()));
    impl_->refreshContents(isoUtc(nowUtc()));
    transaction.commit();
}

std::optional<AccueilPoint> Store::point(qint64 id) const
{
    const QString what = QStringLiteral("reading point #%1").arg(id);
    QSqlQuery query = sql::prepare(
        impl_->connection, QStringLiteral("SELECT %1 FROM accueil_points WHERE id = ?").arg(impl_->pointColumns), what);
    query.addBindValue(id);
    sql::exec(query, impl_->connection, what);
    if (!query.next()) return std::nullopt;
    return impl_->readPoint(query);
}

std::vector<AccueilPoint> Store::points(const PointFilter& filter) const
{
    const WhereClause where = whereClause(filter);
    const QString what = QStringLiteral("reading points");
    QSqlQuery query = sql::prepare(
        impl_->connection, QStringLiteral("SELECT %1 FROM accueil_points%2 ORDER BY id").arg(impl_->pointColumns, where.sql),
        what);
    for (const QVariant& value : where.values) query.addBindValue(value);
    sql::exec(query, impl_->connection, what);
    std::vector<AccueilPoint> result;
    while (query.next()) result.push_back(impl_->readPoint(query));
    return result;
}

int Store::pointCount(const PointFilter& filter) const
{
    const WhereClause where = whereClause(filter);
    const QString what = QStringLiteral("counting points");
    QSqlQuery query =
        sql::prepare(impl_->connection, QStringLiteral("SELECT count(*) FROM accueil_points%1").arg(where.sql), what);
    for (const QVariant& value : where.values) query.addBindValue(value);
    sql::exec(query, impl_->connection, what);
    return query.next() ? query.value(0).toInt() : 0;
}

const QString& Store::sourceLookupSql()
{
    // "source_id <> ''" repeats the condition of the partial unique index
    // accueil_points_source: without it SQLite cannot use the index and scans the table for
    // every row (a quadratic import: 20k rows took 38 s).
    static const QString sql =
        QStringLiteral("SELECT %1 FROM accueil_points WHERE source = :source AND source_id = :source_id AND source_id <> ''")
            .arg(pointColumns(sql::Connection{}));
    return sql;
}

QString Store::sourceLookupSqlFor(const sql::Connection& connection)
{
    return QStringLiteral(
               "SELECT %1 FROM accueil_points WHERE source = :source AND source_id = :source_id AND source_id <> ''")
        .arg(pointColumns(connection));
}

// An import's writer: a point whose source and source id are new is inserted, a known one
// updated when it changed. The statements are prepared once: preparing them for every row
// cost more than running them.
class Store::Impl::SourceUpsert {
public:
    SourceUpsert(Impl& store, QString now)
        : store_(store),
          now_(std::move(now)),
          find_(sql::prepare(store.connection,
                             store.connection.postgres ? sourceLookupSqlFor(store.connection) : sourceLookupSql(),
                             QStringLiteral("looking up points by source"))),
          insert_(sql::prepare(store.connection, store.insertSql, QStringLiteral("importing points"))),
          update_(sql::prepare(store.connection, store.updateSql, QStringLiteral("importing points")))
    {
    }

    // Writes the batch's row `row` (from 1), counted in `report`.
    void write(const AccueilPoint& point, std::size_t row, UpsertReport& report)
    {
        const auto what = [&] { return QStringLiteral("writing row %1 of the batch, %2").arg(row).arg(describe(point)); };
        const std::optional<AccueilPoint> stored = storedWithSourceOf(point, what);
        if (!stored) {
            bindContent(insert_, point, now_, store_.connection.user);
            insert_.bindValue(QStringLiteral(":created_at"), now_);
            if (!insert_.exec()) sql::throwFailure(insert_, store_.connection, what());
            insert_.finish();
            ++report.inserted;
        } else if (sameContent(*stored, point)) {
            ++report.unchanged;
        } else {
            AccueilPoint changed = point;
            changed.id = stored->id;
            bindContent(update_, changed, now_, store_.connection.user);
            update_.bindValue(QStringLiteral(":id"), changed.id);
            if (!update_.exec()) sql::throwFailure(update_, store_.connection, what());
            ++report.updated;
        }
    }

private:
    // The stored point with the same source and source id; none for a point without a source id.
    template <class What>
    std::optional<AccueilPoint> storedWithSourceOf(const AccueilPoint& point, const What& what)
    {
        if (point.sourceId.isEmpty()) return std::nullopt;
        find_.bindValue(QStringLiteral(":source"), textValue(point.source));
        find_.bindValue(QStringLiteral(":source_id"), textValue(point.sourceId));
        if (!find_.exec()) sql::throwFailure(find_, store_.connection, what());
        std::optional<AccueilPoint> stored;
        if (find_.next()) stored = store_.readPoint(find_);
        find_.finish();
        return stored;
    }

    Impl& store_;
    const QString now_;
    QSqlQuery find_;
    QSqlQuery insert_;
    QSqlQuery update_;
};

UpsertReport Store::upsertBySource(const std::vector<AccueilPoint>& points, const UpsertOptions& options)
{
    // Validate everything first: a bad row must not cost a transaction nor a partial batch.
    for (size_t i = 0; i < points.size(); ++i) validate(points[i], QStringLiteral("row %1 of the batch, ").arg(i + 1));

    UpsertReport report;
    const QString now = isoUtc(nowUtc());
    const std::size_t chunk = options.rowsPerTransaction > 0 ? std::size_t(options.rowsPerTransaction) : points.size();
    Impl::SourceUpsert upsert(*impl_, now);
    // A server project is written in one transaction whatever the chunks: the chunks then only
    // pace the progress, and nothing is committed until the last row is written.
    std::optional<sql::WriteTransaction> whole;
    if (impl_->connection.postgres) whole.emplace(impl_->connection);
    std::size_t done = 0;
    do {
        const std::size_t end = std::min(points.size(), done + chunk);
        sql::WriteTransaction transaction(impl_->connection);
        for (std::size_t i = done; i < end; ++i) upsert.write(points[i], i + 1, report);
        // The layer extent is refreshed once, with the last rows (a scan of the whole table).
        if (end == points.size() && report.inserted + report.updated > 0) impl_->refreshContents(now);
        transaction.commit();
        done = end;
        if (options.progress) options.progress(done, points.size());
    } while (done < points.size());
    if (whole) whole->commit();
    return report;
}

void Store::requireWritable()
{
    if (impl_->connection.postgres) {
        if (!canEdit())
            throw Error(QStringLiteral("project %1 is read-only for %2 (the server grants no write access to this "
                                       "role); nothing was computed. Ask the project's owner for write access")
                            .arg(path(), impl_->connection.user));
        return;
    }
    try {
        // BEGIN IMMEDIATE takes the write lock; SQLite refuses it on a read-only database.
        sql::WriteTransaction probe(impl_->connection);
    } catch (const Error& e) {
        throw Error(QStringLiteral("project %1 cannot be written (%2); nothing was computed").arg(path(), e.message()));
    }
    // BEGIN IMMEDIATE may succeed where the first write fails (a read-only folder refuses the
    // journal): a file the system will not let us open for writing is read-only too.
    QFile file(path());
    if (!file.open(QIODevice::ReadWrite))
        throw Error(
            QStringLiteral("project %1 cannot be written (%2); nothing was computed").arg(path(), file.errorString()));
}

void Store::setSetting(const QString& key, const QString& value)
{
    const QString what = QStringLiteral("saving setting \"%1\"").arg(key);
    sql::WriteTransaction transaction(impl_->connection);
    QSqlQuery query = sql::prepare(impl_->connection,
                                   QStringLiteral("INSERT INTO project_settings (key, value) VALUES (?, ?)"
                                                  " ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                                   what);
    query.addBindValue(key);
    // A null QString binds as SQL NULL; an unset setting is stored as empty text.
    query.addBindValue(value.isNull() ? QString(QLatin1String("")) : value);
    sql::exec(query, impl_->connection, what);
    transaction.commit();
}

std::optional<QString> Store::setting(const QString& key) const
{
    const QString what = QStringLiteral("reading setting \"%1\"").arg(key);
    QSqlQuery query =
        sql::prepare(impl_->connection, QStringLiteral("SELECT value FROM project_settings WHERE key = ?"), what);
    query.addBindValue(key);
    sql::exec(query, impl_->connection, what);
    if (!query.next()) return std::nullopt;
    return query.value(0).toString();
}

}  // namespace maillage

namespace maillage {
namespace {

// Result tables are named by the program, never by the user, but the name still goes into
// SQL: keep it to lower-case letters, digits and underscores.
QString resultTableName(const QString& name)
{
    static const QRegularExpression allowed(QStringLiteral("^[a-z][a-z0-9_]{0,50}$"));
    if (!allowed.match(name).hasMatch()) throw Error(QStringLiteral("invalid result table name \"%1\"").arg(name));
    return QStringLiteral("result_") + name;
}

QString quotedIdentifier(QString name)
{
    return QLatin1Char('"') + name.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
}

// Column names are the program's; a double quote could not be read back on every back-end.
void requireResultColumns(const std::vector<Store::ResultColumn>& columns, const QString& what)
{
    if (columns.empty()) throw Error(QStringLiteral("%1: no column").arg(what));
    for (const Store::ResultColumn& column : columns) {
        if (column.name.isEmpty() || column.name.contains(QLatin1Char('"'))
            || std::any_of(column.name.begin(), column.name.end(), [](QChar c) { return c.unicode() < 0x20; }))
            throw Error(QStringLiteral("%1: invalid column name \"%2\"").arg(what, column.name));
    }
}

// The table made anew: a result table holds the last run only.
void createResultTable(const sql::Connection& connection, const QString& table,
                       const std::vector<Store::ResultColumn>& columns, const QString& what)
{
    QStringList columnDefs{QStringLiteral("fid ") + sql::autoIncrementKey(connection)};
    for (const Store::ResultColumn& column : columns)
        columnDefs << quotedIdentifier(column.name) + QLatin1Char(' ')
                          + (column.numeric ? sql::doubleType(connection) : QStringLiteral("TEXT"));
    sql::run(connection, QStringLiteral("DROP TABLE IF EXISTS %1").arg(quotedIdentifier(table)), what);
    sql::run(connection,
             QStringLiteral("CREATE TABLE %1 (%2)").arg(quotedIdentifier(table), columnDefs.join(QStringLiteral(", "))),
             what);
}

// Listed with its description: in gpkg_contents for GIS programs, in result_tables on a server.
void listResultTable(const sql::Connection& connection, const QString& table, const QString& description,
                     const QString& what)
{
    QSqlQuery contents = sql::prepare(
        connection,
        connection.postgres ? QStringLiteral(
            "INSERT INTO result_tables (table_name, description, last_change) VALUES (?, ?, ?)"
            " ON CONFLICT (table_name) DO UPDATE SET description = excluded.description, last_change = excluded.last_change")
                            : QStringLiteral(
                                "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change)"
                                " VALUES (?, 'attributes', ?, ?, ?)"
                                " ON CONFLICT (table_name) DO UPDATE SET description = excluded.description, last_change = "
                                "excluded.last_change"),
        what);
    contents.addBindValue(table);
    if (!connection.postgres) contents.addBindValue(table);
    contents.addBindValue(description);
    contents.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    sql::exec(contents, connection, what);
}

// Empty cells are NULL; a numeric column's cell that is no number is refused, naming its row.
void insertResultRows(const sql::Connection& connection, const QString& table,
                      const std::vector<Store::ResultColumn>& columns, const std::vector<QStringList>& rows,
                      const QString& what)
{
    QStringList columnNames, placeholders;
    for (const Store::ResultColumn& column : columns) {
        columnNames << quotedIdentifier(column.name);
        placeholders << QStringLiteral("?");
    }
    QSqlQuery insert = sql::prepare(
        connection,
        QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
            .arg(quotedIdentifier(table), columnNames.join(QStringLiteral(", ")), placeholders.join(QStringLiteral(", "))),
        what);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const QString cell = rows[r].value(static_cast<int>(c));
            bool isNumber = false;
            const double number = cell.toDouble(&isNumber);
            if (columns[c].numeric && !cell.isEmpty() && !isNumber)
                throw Error(QStringLiteral("%1, row %2: \"%3\" is not a number (column %4)")
                                .arg(what)
                                .arg(r + 1)
                                .arg(cell, columns[c].name));
            if (cell.isEmpty()) insert.addBindValue(QVariant());
            else insert.addBindValue(columns[c].numeric ? QVariant(number) : QVariant(cell));
        }
        sql::exec(insert, connection, QStringLiteral("%1, row %2").arg(what).arg(r + 1));
    }
}

}  // namespace

void Store::writeResultTable(const QString& name, const QString& description, const std::vector<ResultColumn>& columns,
                             const std::vector<QStringList>& rows)
{
    const QString table = resultTableName(name);
    const QString what = QStringLiteral("writing the result table %1").arg(table);
    requireResultColumns(columns, what);
    const sql::Connection& connection = impl_->connection;
    sql::WriteTransaction transaction(connection);
    createResultTable(connection, table, columns, what);
    listResultTable(connection, table, description, what);
    insertResultRows(connection, table, columns, rows, what);
    transaction.commit();
}

std::vector<QStringList> Store::resultTable(const QString& name) const
{
    const QString table = resultTableName(name);
    const QString what = QStringLiteral("reading the result table %1").arg(table);
    if (!sql::tableExists(impl_->connection, table)) return {};
    QSqlQuery query =
        sql::run(impl_->connection, QStringLiteral("SELECT * FROM %1 ORDER BY fid").arg(quotedIdentifier(table)), what);
    std::vector<QStringList> rows;
    QStringList header;
    const QSqlRecord record = query.record();
    for (int c = 1; c < record.count(); ++c) header << record.fieldName(c);
    rows.push_back(header);
    while (query.next()) {
        QStringList row;
        for (int c = 1; c < record.count(); ++c) {
            const QVariant value = query.value(c);
            // A number as the shortest text that reads back as the same double, on both back-ends.
            row << (value.isNull() ? QString()
                    : value.metaType().id() == QMetaType::Double
                        ? QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest)
                        : value.toString());
        }
        rows.push_back(row);
    }
    return rows;
}

std::vector<Store::ResultTableInfo> Store::resultTables() const
{
    const sql::Connection& connection = impl_->connection;
    const QString what = QStringLiteral("listing the result tables");
    QSqlQuery query =
        sql::run(connection,
                 connection.postgres
                     ? QStringLiteral("SELECT table_name, description FROM result_tables ORDER BY table_name")
                     : QStringLiteral("SELECT table_name, description FROM gpkg_contents WHERE data_type = 'attributes'"
                                      " AND table_name LIKE 'result\\_%' ESCAPE '\\' ORDER BY table_name"),
                 what);
    std::vector<ResultTableInfo> tables;
    while (query.next()) tables.push_back({query.value(0).toString().mid(7), query.value(1).toString(), {}});
    query.finish();
    for (ResultTableInfo& table : tables) {
        // The columns and their types, as the table was written (fid aside).
        QSqlQuery columns = sql::run(
            connection,
            QStringLiteral("SELECT * FROM %1 WHERE 1 = 0").arg(quotedIdentifier(QStringLiteral("result_") + table.name)),
            what);
        const QSqlRecord record = columns.record();
        for (int c = 1; c < record.count(); ++c) {
            const int type = record.field(c).metaType().id();
            table.columns.push_back({record.fieldName(c), type == QMetaType::Double});
        }
    }
    return tables;
}

Store::Batch::Batch(Store& store) : transaction_(std::make_unique<sql::WriteTransaction>(store.impl_->connection)) {}

Store::Batch::~Batch() = default;

void Store::Batch::commit() { transaction_->commit(); }

void loadSettingInto(const Store& store, const QString& key, QString& target)
{
    if (auto value = store.setting(key)) target = *value;
}

}  // namespace maillage
