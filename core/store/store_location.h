#pragma once

#include <QString>

class QSqlDatabase;

namespace maillage {

// Where a project lives: a GeoPackage file (the embedded default) or a schema of a
// PostgreSQL/PostGIS database shared by a team. Parsed from what the user types after
// --project or in the open dialog:
//   /path/to/project.gpkg                                  a file
//   postgresql://user@host:5432/db?schema=maillage_04      a server (postgres:// too)
//   service=NAME                                           an entry of pg_service.conf
// A password in the URI is refused: credentials come from ~/.pgpass or the service file,
// so that they are never written in a project, a command history or a log.
struct StoreLocation {
    enum class Kind { File, Postgres };
    Kind kind = Kind::File;
    QString path;      // File
    QString host;      // Postgres: a host name or a Unix socket folder (empty: libpq default)
    int port = 0;      // 0: libpq default
    QString user;      // empty: libpq default (PGUSER, the login name)
    QString database;  // empty: libpq default
    QString service;   // pg_service.conf entry; host/user/database then come from it
    QString schema = QStringLiteral("maillage");

    // Throws Error with a one-line message naming what is wrong in `text`.
    static StoreLocation parse(const QString& text);
    bool isPostgres() const { return kind == Kind::Postgres; }
    // For messages and logs: the URI without any credential.
    QString display() const;
};

// Where the SQL of the two back-ends differs, in one place. Everything else is shared.
struct SqlDialect {
    QString driver;            // Qt Sql driver name
    QString autoIncrementKey;  // column type of an integer primary key numbered by the server
    QString blobType;          // binary column type
    QString doubleType;
    QString tablePrefix;  // "schema." on PostgreSQL, empty in a file

    static SqlDialect forLocation(const StoreLocation& location);
    // A table name qualified for this back-end (every statement goes through it).
    QString table(const QString& name) const { return tablePrefix + name; }
};

// Adds and configures a Qt Sql connection named `connectionName` for `location` (not opened).
// Throws Error when the Qt driver for the back-end is not installed.
QSqlDatabase addDatabase(const StoreLocation& location, const QString& connectionName);

}  // namespace maillage
