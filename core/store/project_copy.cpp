#include "store/project_copy.h"

#include "common/vectors.h"

#include "store/gpkg_geometry.h"
#include "store/schema.h"
#include "store/sql_helpers.h"
#include "store/store.h"
#include "store/store_location.h"

#include <QFile>

#include <initializer_list>
#include <optional>
#include <vector>

namespace maillage {
namespace {

// How a column is read from one back-end and written to the other.
enum class Type { Integer, Real, Text, Boolean, Time, Geometry };

struct Column {
    const char* name;
    Type type;
};

struct Table {
    const char* name;
    std::vector<Column> columns;
    bool numberedIds;  // an `id` key numbered by the database, whose next value is copied too
};

// The columns `names`, all of one type, in that order.
std::vector<Column> ofType(Type type, std::initializer_list<const char*> names)
{
    std::vector<Column> columns;
    for (const char* name : names) columns.push_back({name, type});
    return columns;
}

// The tables of schema version 6 that both back-ends share, parents before children. Each
// table's columns are listed by type, its key first (the rows are read in the order of the
// first column).
const std::vector<Table>& tables()
{
    using T = Type;
    // When a row was made and last changed.
    static const std::vector<Column> timeColumns = ofType(T::Time, {"created_at", "updated_at"});
    // Carried by every table several planners edit: the row's version (a change made on an older
    // one is refused) and who made its last change.
    static const std::vector<Column> versionColumns{{"row_version", T::Integer}, {"updated_by", T::Text}};
    static const std::vector<Column> pointColumns = joined<Column>({
        ofType(T::Text,
               {"name", "kind", "commune_insee", "opening_hours", "address", "source", "source_id", "notes", "serves"}),
        ofType(T::Integer, {"level"}),
        ofType(T::Real, {"lon", "lat", "x", "y", "weekly_hours"}),
        ofType(T::Boolean, {"outside_territory"}),
        timeColumns,
    });
    static const std::vector<Table> all{
        {"project_settings", ofType(T::Text, {"key", "value"}), false},
        {"accueil_points",
         joined<Column>({{{"id", T::Integer}, {"geom", T::Geometry}, {"status", T::Text}}, pointColumns, versionColumns}),
         true},
        {"scenarios",
         joined<Column>({{{"id", T::Integer}, {"name", T::Text}, {"description", T::Text}}, timeColumns, versionColumns}),
         true},
        {"scenario_points",
         joined<Column>({{{"id", T::Integer}, {"geom", T::Geometry}, {"scenario_id", T::Integer}}, pointColumns}), true},
        {"scenario_point_changes",
         joined<Column>(
             {ofType(T::Integer, {"scenario_id", "point_id", "level"}), {{"closed", T::Boolean}, {"kind", T::Text}}}),
         false},
        {"scenario_road_closures",
         joined<Column>({ofType(T::Integer, {"id", "scenario_id", "edge_id"}), ofType(T::Text, {"method", "ref", "note"}),
                         ofType(T::Real, {"x", "y", "radius_m"})}),
         true},
    };
    static_assert(schema::kCurrentVersion == 6, "copy the columns the new schema version adds");
    return all;
}

// A value as read from `from`, made ready to be bound on `to`.
QVariant convert(const sql::Connection& from, const QVariant& value, Type type)
{
    if (value.isNull()) return QVariant();
    switch (type) {
    case Type::Integer: return value.toLongLong();
    case Type::Real: return value.toDouble();
    case Type::Text: return value.toString();
    case Type::Boolean: return value.toBool();
    case Type::Time: return sql::readTime(value).toString(Qt::ISODateWithMs);
    case Type::Geometry: {
        const std::optional<XY> point = sql::readGeometry(from, value);
        return point ? QVariant(gpkg::encodePoint(*point, schema::kPointsSrsId)) : QVariant();
    }
    }
    return value;
}

int copyTable(const sql::Connection& from, const sql::Connection& to, const Table& table)
{
    QStringList selected, names, values;
    for (const Column& column : table.columns) {
        const QString name = QString::fromLatin1(column.name);
        names << name;
        selected << (column.type == Type::Geometry ? sql::geometrySelect(from, name) : name);
        values << (column.type == Type::Geometry ? sql::geometryValue(to) : QStringLiteral("?"));
    }
    const QString what = QStringLiteral("copying table %1").arg(QString::fromLatin1(table.name));
    QSqlQuery read = sql::run(from,
                              QStringLiteral("SELECT %1 FROM %2 ORDER BY 1")
                                  .arg(selected.join(QStringLiteral(", ")), QString::fromLatin1(table.name)),
                              what);
    QSqlQuery write = sql::prepare(
        to,
        QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
            .arg(QString::fromLatin1(table.name), names.join(QStringLiteral(", ")), values.join(QStringLiteral(", "))),
        what);
    int rows = 0;
    while (read.next()) {
        for (std::size_t c = 0; c < table.columns.size(); ++c)
            write.addBindValue(convert(from, read.value(int(c)), table.columns[c].type));
        sql::exec(write, to, QStringLiteral("%1, row %2").arg(what).arg(rows + 1));
        ++rows;
    }
    return rows;
}

// The id the database would give the next row of `table`: ids of deleted rows are not reused,
// on either back-end, so the copy keeps the counter, not only the rows.
qint64 nextId(const sql::Connection& connection, const QString& table)
{
    const QString what = QStringLiteral("reading the id counter of %1").arg(table);
    if (!connection.postgres) {
        QSqlQuery query =
            sql::prepare(connection, QStringLiteral("SELECT seq + 1 FROM sqlite_sequence WHERE name = ?"), what);
        query.addBindValue(table);
        sql::exec(query, connection, what);
        return query.next() ? query.value(0).toLongLong() : 1;
    }
    // The sequence's name comes from the server (a regclass), never from the user.
    QSqlQuery name = sql::prepare(connection, QStringLiteral("SELECT pg_get_serial_sequence(?, 'id')"), what);
    name.addBindValue(table);
    sql::exec(name, connection, what);
    if (!name.next() || name.value(0).isNull()) return 1;
    QSqlQuery state = sql::run(connection,
                               QStringLiteral("SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM %1")
                                   .arg(name.value(0).toString()),
                               what);
    return state.next() ? state.value(0).toLongLong() : 1;
}

void setNextId(const sql::Connection& connection, const QString& table, qint64 next)
{
    const QString what = QStringLiteral("setting the id counter of %1").arg(table);
    QSqlQuery query =
        sql::prepare(connection,
                     connection.postgres ? QStringLiteral("SELECT setval(pg_get_serial_sequence(?, 'id'), ?, false)")
                                         : QStringLiteral("INSERT INTO sqlite_sequence (name, seq) SELECT ?, ? WHERE true"),
                     what);
    if (!connection.postgres) {
        QSqlQuery clear = sql::prepare(connection, QStringLiteral("DELETE FROM sqlite_sequence WHERE name = ?"), what);
        clear.addBindValue(table);
        sql::exec(clear, connection, what);
        query.addBindValue(table);
        query.addBindValue(next - 1);
    } else {
        query.addBindValue(table);
        query.addBindValue(next);
    }
    sql::exec(query, connection, what);
}

}  // namespace

class ProjectCopier {
public:
    static CopyReport copy(Store& source, Store& target, const std::function<void(const QString&)>& progress)
    {
        const sql::Connection& from = source.connection();
        const sql::Connection& to = target.connection();
        CopyReport report;
        sql::WriteTransaction transaction(to);
        for (const Table& table : tables()) {
            const QString name = QString::fromLatin1(table.name);
            if (progress) progress(name);
            const int rows = copyTable(from, to, table);
            if (name == QLatin1String("accueil_points")) report.points = rows;
            if (name == QLatin1String("scenarios")) report.scenarios = rows;
            if (name == QLatin1String("project_settings")) report.settings = rows;
            if (table.numberedIds) setNextId(to, name, std::max(nextId(from, name), nextId(to, name)));
        }
        if (!to.postgres) {
            // The layers' extents, as GIS programs read them from gpkg_contents.
            for (const QString& layer : {schema::kPointsTable, schema::kScenarioPointsTable})
                sql::run(to,
                         QStringLiteral(
                             "UPDATE gpkg_contents SET min_x = (SELECT min(x) FROM %1), min_y = (SELECT min(y) FROM %1),"
                             " max_x = (SELECT max(x) FROM %1), max_y = (SELECT max(y) FROM %1) WHERE table_name = '%1'")
                             .arg(layer),
                         QStringLiteral("updating gpkg_contents"));
        }
        for (const Store::ResultTableInfo& table : source.resultTables()) {
            if (progress) progress(QStringLiteral("result_") + table.name);
            std::vector<QStringList> rows = source.resultTable(table.name);
            rows.erase(rows.begin());  // the header
            target.writeResultTable(table.name, table.description, table.columns, rows);
            ++report.resultTables;
        }
        transaction.commit();
        return report;
    }
};

CopyReport copyProject(const QString& from, const QString& to, const std::function<void(const QString&)>& progress)
{
    Store source = Store::open(from);
    const StoreLocation target = StoreLocation::parse(to);
    std::optional<Store> copy = Store::create(to);  // throws, touching nothing, when `to` exists
    try {
        return ProjectCopier::copy(source, *copy, progress);
    } catch (const Error& e) {
        copy.reset();  // closed before its file is removed
        // The copy's transaction rolled back: a server keeps an empty project, a file is removed.
        const bool server = target.isPostgres();
        if (!server) {
            QFile::remove(target.path);
            QFile::remove(target.path + QStringLiteral("-journal"));
        }
        throw Error(QStringLiteral("copying project %1 to %2 failed, the copy was %3: %4")
                        .arg(source.path(), target.display(),
                             server ? QStringLiteral("left empty (drop its schema, or copy again into another)")
                                    : QStringLiteral("removed"),
                             e.message()));
    }
}

}  // namespace maillage
