#include "store/schema.h"

#include <cpl_conv.h>
#include <ogr_spatialref.h>

#include <QDir>

#include <functional>
#include <vector>

// Schema history of a Maillage project file.
//
// Every version is a valid GeoPackage 1.3 (application_id 'GPKG', user_version 10300) with
// the mandatory gpkg_spatial_ref_sys (-1, 0, 4326, plus 2154), gpkg_contents and
// gpkg_geometry_columns, and one feature table `accueil_points` (POINT in EPSG:2154,
// geometry column `geom`). No R-tree spatial index: its triggers call GDAL's SQL functions
// (ST_IsEmpty, ST_MinX...), which a plain SQLite connection such as ours does not have.
// Maillage's own tables: maillage_meta(key, value) with key 'schema_version', and
// project_settings(key, value).
//
// Version 1 (Maillage 0.1):
//   CREATE TABLE accueil_points (
//     id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom POINT,
//     name TEXT NOT NULL, level MEDIUMINT NOT NULL CHECK (level BETWEEN 1 AND 3),
//     kind TEXT NOT NULL,
//     status TEXT NOT NULL DEFAULT 'existing' CHECK (status IN ('existing','planned','closed')),
//     commune_insee TEXT NOT NULL DEFAULT '',
//     lon REAL, lat REAL, x REAL, y REAL, weekly_hours REAL,
//     opening_hours TEXT NOT NULL DEFAULT '',
//     source TEXT NOT NULL DEFAULT '', source_id TEXT NOT NULL DEFAULT '',
//     notes TEXT NOT NULL DEFAULT '',
//     created_at DATETIME NOT NULL, updated_at DATETIME NOT NULL);
//   (no address, no outside_territory, no index on (source, source_id))
//
// Version 2 (Maillage 0.2):
//   ALTER TABLE accueil_points ADD COLUMN address TEXT NOT NULL DEFAULT '';
//   ALTER TABLE accueil_points ADD COLUMN outside_territory BOOLEAN NOT NULL DEFAULT 0
//     CHECK (outside_territory IN (0, 1));
//   CREATE UNIQUE INDEX accueil_points_source ON accueil_points (source, source_id)
//     WHERE source_id <> '';
//   Migration refuses (and changes nothing) when two points share a non-empty
//   (source, source_id), naming them.
//
// Version 3 (this program): scenarios (docs/PLANNING.md). The baseline is the point table
// itself; a plan is a row of `scenarios` and its changes, which never touch accueil_points.
//   CREATE TABLE scenarios (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
//     name TEXT NOT NULL UNIQUE COLLATE NOCASE, description TEXT NOT NULL DEFAULT '',
//     created_at DATETIME NOT NULL, updated_at DATETIME NOT NULL);
//   CREATE TABLE scenario_points (...): points a plan adds, a GeoPackage POINT layer in
//     EPSG:2154 with the columns of accueil_points (no status: they are planned by nature)
//     plus scenario_id REFERENCES scenarios(id) ON DELETE CASCADE;
//   CREATE TABLE scenario_point_changes (scenario_id, point_id REFERENCES accueil_points(id)
//     ON DELETE CASCADE, closed BOOLEAN, level MEDIUMINT NULL, kind TEXT NULL,
//     PRIMARY KEY (scenario_id, point_id)): a baseline point closed, or given another level/kind;
//   CREATE TABLE scenario_road_closures (id, scenario_id, method 'ref'|'position'|'edge', ref,
//     x, y, radius_m, edge_id, note): roads closed by the plan.
//
// Version 4 (concurrent edits, docs in README "shared project for a team"): every change of a
// point counts, so that two planners editing the same point are told instead of one silently
// overwriting the other (Store::updatePoint):
//   ALTER TABLE accueil_points ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
//   ALTER TABLE accueil_points ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';  -- who changed it last
//
// Version 5 (visio points, issue 14): the level-3 operators a place serves by video, kind codes
// separated by ';' ("caf;cpam"), on both point layers:
//   ALTER TABLE accueil_points ADD COLUMN serves TEXT NOT NULL DEFAULT '';
//   ALTER TABLE scenario_points ADD COLUMN serves TEXT NOT NULL DEFAULT '';
//
// Version 6 (concurrent plan edits, issue 17): a plan counts its changes as a point does, so that
// a planner changing a plan someone else changed since they read it is told instead of silently
// overwriting (ScenarioStore): every write of the plan or of its points, changes and closures
// bumps it in the same transaction.
//   ALTER TABLE scenarios ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
//   ALTER TABLE scenarios ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';  -- who changed it last
// The same numbers on PostgreSQL (schema_postgres.cpp).
//
// Coordinates are kept three ways: lon/lat (WGS84) and x/y (Lambert-93) as REAL columns, which
// round-trip bit for bit, and the GeoPackage geometry built from x/y for GIS programs.
// Timestamps are UTC ISO-8601 with milliseconds ("2024-05-01T09:30:00.000Z"), the
// GeoPackage DATETIME format.

namespace maillage::schema {
namespace {

constexpr int kSqliteNotADatabase = 26;

QString nativePath(const sql::Connection& connection) { return QDir::toNativeSeparators(connection.path); }

void runAll(const sql::Connection& connection, const QStringList& statements, const QString& what)
{
    for (const QString& statement : statements) sql::run(connection, statement, what);
}

// WKT 1 of an EPSG CRS, as GeoPackage's `definition` column expects (OGC 01-009).
QString wktOf(int epsg)
{
    OGRSpatialReference srs;
    char* wkt = nullptr;
    if (srs.importFromEPSG(epsg) != OGRERR_NONE || srs.exportToWkt(&wkt) != OGRERR_NONE || !wkt) {
        CPLFree(wkt);
        throw Error(QStringLiteral("PROJ does not know EPSG:%1 (is proj-data installed?)").arg(epsg));
    }
    const QString result = QString::fromUtf8(wkt);
    CPLFree(wkt);
    return result;
}

void insertSrs(const sql::Connection& connection, const QString& name, int id, const QString& organization,
               const QString& definition, const QString& description)
{
    const QString what = QStringLiteral("registering SRS %1").arg(id);
    QSqlQuery query = sql::prepare(
        connection,
        QStringLiteral("INSERT INTO gpkg_spatial_ref_sys (srs_name, srs_id, organization, organization_coordsys_id,"
                       " definition, description) VALUES (?, ?, ?, ?, ?, ?)"),
        what);
    query.addBindValue(name);
    query.addBindValue(id);
    query.addBindValue(organization);
    query.addBindValue(id);
    query.addBindValue(definition);
    query.addBindValue(description);
    sql::exec(query, connection, what);
}

void createGeoPackageTables(const sql::Connection& connection)
{
    const QString what = QStringLiteral("creating the GeoPackage tables");
    runAll(connection,
           {
               QStringLiteral("PRAGMA application_id = %1").arg(kGeoPackageApplicationId),
               QStringLiteral("PRAGMA user_version = %1").arg(kGeoPackageUserVersion),
               QStringLiteral("CREATE TABLE gpkg_spatial_ref_sys ("
                              " srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,"
                              " organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT)"),
               QStringLiteral("CREATE TABLE gpkg_contents ("
                              " table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,"
                              " description TEXT DEFAULT '',"
                              " last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),"
                              " min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,"
                              " CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))"),
               QStringLiteral("CREATE TABLE gpkg_geometry_columns ("
                              " table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,"
                              " srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,"
                              " CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),"
                              " CONSTRAINT uk_gc_table_name UNIQUE (table_name),"
                              " CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),"
                              " CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))"),
           },
           what);

    insertSrs(connection, QStringLiteral("Undefined cartesian SRS"), -1, QStringLiteral("NONE"), QStringLiteral("undefined"),
              QStringLiteral("undefined cartesian coordinate reference system"));
    insertSrs(connection, QStringLiteral("Undefined geographic SRS"), 0, QStringLiteral("NONE"), QStringLiteral("undefined"),
              QStringLiteral("undefined geographic coordinate reference system"));
    insertSrs(connection, QStringLiteral("WGS 84 geodetic"), 4326, QStringLiteral("EPSG"), wktOf(4326),
              QStringLiteral("longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid"));
    insertSrs(connection, QStringLiteral("RGF93 v1 / Lambert-93"), kPointsSrsId, QStringLiteral("EPSG"), wktOf(kPointsSrsId),
              QStringLiteral("Lambert-93, the working CRS of Maillage"));
}

void createVersion1(const sql::Connection& connection)
{
    createGeoPackageTables(connection);
    runAll(connection,
           {
               QStringLiteral("CREATE TABLE accueil_points ("
                              " id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,"
                              " geom POINT,"
                              " name TEXT NOT NULL,"
                              " level MEDIUMINT NOT NULL CHECK (level BETWEEN 1 AND 3),"
                              " kind TEXT NOT NULL,"
                              " status TEXT NOT NULL DEFAULT 'existing' CHECK (status IN ('existing','planned','closed')),"
                              " commune_insee TEXT NOT NULL DEFAULT '',"
                              " lon REAL, lat REAL, x REAL, y REAL,"
                              " weekly_hours REAL,"
                              " opening_hours TEXT NOT NULL DEFAULT '',"
                              " source TEXT NOT NULL DEFAULT '',"
                              " source_id TEXT NOT NULL DEFAULT '',"
                              " notes TEXT NOT NULL DEFAULT '',"
                              " created_at DATETIME NOT NULL,"
                              " updated_at DATETIME NOT NULL)"),
               QStringLiteral("INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id)"
                              " VALUES ('%1', 'features', '%1', 'Places of the accueil network (Maillage)', %2)")
                   .arg(kPointsTable)
                   .arg(kPointsSrsId),
               QStringLiteral("INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m)"
                              " VALUES ('%1', '%2', 'POINT', %3, 0, 0)")
                   .arg(kPointsTable, kGeometryColumn)
                   .arg(kPointsSrsId),
               QStringLiteral("CREATE TABLE maillage_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)"),
               QStringLiteral("CREATE TABLE project_settings (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)"),
           },
           QStringLiteral("creating the schema version 1"));
}

void refuseDuplicateSources(const sql::Connection& connection)
{
    QSqlQuery duplicates =
        sql::run(connection,
                 QStringLiteral("SELECT source, source_id, group_concat(id, ', ') FROM accueil_points"
                                " WHERE source_id <> '' GROUP BY source, source_id HAVING count(*) > 1 LIMIT 1"),
                 QStringLiteral("looking for duplicate sources"));
    if (duplicates.next()) {
        throw Error(QStringLiteral("cannot upgrade project %1 to schema version 2: points %2 share source \"%3\" and "
                                   "source id \"%4\"; keep one of them (with the program that wrote the file) and retry")
                        .arg(nativePath(connection), duplicates.value(2).toString(), duplicates.value(0).toString(),
                             duplicates.value(1).toString()));
    }
}

void upgradeToVersion2(const sql::Connection& connection)
{
    refuseDuplicateSources(connection);
    runAll(connection,
           {
               QStringLiteral("ALTER TABLE accueil_points ADD COLUMN address TEXT NOT NULL DEFAULT ''"),
               QStringLiteral("ALTER TABLE accueil_points ADD COLUMN outside_territory BOOLEAN NOT NULL"
                              " DEFAULT 0 CHECK (outside_territory IN (0, 1))"),
               QStringLiteral("CREATE UNIQUE INDEX accueil_points_source ON accueil_points (source, source_id)"
                              " WHERE source_id <> ''"),
           },
           QStringLiteral("upgrading the schema to version 2"));
}

void upgradeToVersion3(const sql::Connection& connection)
{
    runAll(connection,
           {
               QStringLiteral("CREATE TABLE scenarios ("
                              " id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,"
                              " name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),"
                              " description TEXT NOT NULL DEFAULT '',"
                              " created_at DATETIME NOT NULL,"
                              " updated_at DATETIME NOT NULL)"),
               QStringLiteral("CREATE TABLE %1 ("
                              " id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,"
                              " geom POINT,"
                              " scenario_id INTEGER NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,"
                              " name TEXT NOT NULL,"
                              " level MEDIUMINT NOT NULL CHECK (level BETWEEN 1 AND 3),"
                              " kind TEXT NOT NULL,"
                              " commune_insee TEXT NOT NULL DEFAULT '',"
                              " lon REAL, lat REAL, x REAL, y REAL,"
                              " weekly_hours REAL,"
                              " opening_hours TEXT NOT NULL DEFAULT '',"
                              " address TEXT NOT NULL DEFAULT '',"
                              " source TEXT NOT NULL DEFAULT '',"
                              " source_id TEXT NOT NULL DEFAULT '',"
                              " notes TEXT NOT NULL DEFAULT '',"
                              " outside_territory BOOLEAN NOT NULL DEFAULT 0 CHECK (outside_territory IN (0, 1)),"
                              " created_at DATETIME NOT NULL,"
                              " updated_at DATETIME NOT NULL)")
                   .arg(kScenarioPointsTable),
               QStringLiteral("CREATE INDEX scenario_points_scenario ON %1 (scenario_id)").arg(kScenarioPointsTable),
               QStringLiteral("INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id)"
                              " VALUES ('%1', 'features', '%1', 'Points added by the plans (Maillage scenarios)', %2)")
                   .arg(kScenarioPointsTable)
                   .arg(kPointsSrsId),
               QStringLiteral("INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m)"
                              " VALUES ('%1', '%2', 'POINT', %3, 0, 0)")
                   .arg(kScenarioPointsTable, kGeometryColumn)
                   .arg(kPointsSrsId),
               QStringLiteral("CREATE TABLE scenario_point_changes ("
                              " scenario_id INTEGER NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,"
                              " point_id INTEGER NOT NULL REFERENCES accueil_points(id) ON DELETE CASCADE,"
                              " closed BOOLEAN NOT NULL DEFAULT 0 CHECK (closed IN (0, 1)),"
                              " level MEDIUMINT CHECK (level IS NULL OR level BETWEEN 1 AND 3),"
                              " kind TEXT,"
                              " PRIMARY KEY (scenario_id, point_id))"),
               QStringLiteral("CREATE TABLE scenario_road_closures ("
                              " id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,"
                              " scenario_id INTEGER NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,"
                              " method TEXT NOT NULL CHECK (method IN ('ref', 'position', 'edge')),"
                              " ref TEXT NOT NULL DEFAULT '',"
                              " x REAL, y REAL, radius_m REAL,"
                              " edge_id INTEGER,"
                              " note TEXT NOT NULL DEFAULT '')"),
               QStringLiteral("CREATE INDEX scenario_road_closures_scenario ON scenario_road_closures (scenario_id)"),
           },
           QStringLiteral("upgrading the schema to version 3"));
}

void upgradeToVersion4(const sql::Connection& connection)
{
    runAll(connection,
           {
               QStringLiteral("ALTER TABLE accueil_points ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1"),
               QStringLiteral("ALTER TABLE accueil_points ADD COLUMN updated_by TEXT NOT NULL DEFAULT ''"),
           },
           QStringLiteral("upgrading the schema to version 4"));
}

void upgradeToVersion5(const sql::Connection& connection)
{
    runAll(connection,
           {
               QStringLiteral("ALTER TABLE accueil_points ADD COLUMN serves TEXT NOT NULL DEFAULT ''"),
               QStringLiteral("ALTER TABLE %1 ADD COLUMN serves TEXT NOT NULL DEFAULT ''").arg(kScenarioPointsTable),
           },
           QStringLiteral("upgrading the schema to version 5"));
}

void upgradeToVersion6(const sql::Connection& connection)
{
    runAll(connection,
           {
               QStringLiteral("ALTER TABLE scenarios ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1"),
               QStringLiteral("ALTER TABLE scenarios ADD COLUMN updated_by TEXT NOT NULL DEFAULT ''"),
           },
           QStringLiteral("upgrading the schema to version 6"));
}

// steps[i] brings a file from version i to version i + 1 (steps[0] creates version 1).
const std::vector<std::function<void(const sql::Connection&)>>& steps()
{
    static const std::vector<std::function<void(const sql::Connection&)>> all{
        createVersion1, upgradeToVersion2, upgradeToVersion3, upgradeToVersion4, upgradeToVersion5, upgradeToVersion6,
    };
    static_assert(kCurrentVersion == 6, "add the migration step of the new version above");
    return all;
}

void applySteps(const sql::Connection& connection, int fromVersion)
{
    sql::WriteTransaction transaction(connection);
    if (fromVersion > 0) {
        // Another Maillage may have migrated the file while we waited for the write lock.
        fromVersion = readVersion(connection);
        if (fromVersion >= kCurrentVersion) return;
    }
    for (int version = fromVersion; version < kCurrentVersion; ++version) steps()[version](connection);
    sql::run(connection,
             QStringLiteral("INSERT INTO maillage_meta (key, value) VALUES ('schema_version', '%1')"
                            " ON CONFLICT (key) DO UPDATE SET value = excluded.value")
                 .arg(kCurrentVersion),
             QStringLiteral("recording the schema version"));
    transaction.commit();
}

Error notAProject(const sql::Connection& connection, const QString& why)
{
    return Error(QStringLiteral("%1 is not a Maillage project: %2").arg(nativePath(connection), why));
}

}  // namespace

void createProject(const sql::Connection& connection) { applySteps(connection, 0); }

void migrate(const sql::Connection& connection, int fromVersion)
{
    if (fromVersion < 1 || fromVersion >= kCurrentVersion)
        throw Error(
            QStringLiteral("project %1: no migration from schema version %2").arg(nativePath(connection)).arg(fromVersion));
    applySteps(connection, fromVersion);
}

int readVersion(const sql::Connection& connection)
{
    // The first statement reads the file header: it is where a non-SQLite file shows up.
    QSqlQuery probe(connection.db);
    if (!probe.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                                   " AND name = 'maillage_meta'"))) {
        const QSqlError error = probe.lastError();
        if (sql::isBusy(error)) throw sql::inUseError(connection);
        if ((error.nativeErrorCode().toInt() & 0xff) == kSqliteNotADatabase)
            throw notAProject(connection, QStringLiteral("it is not an SQLite database"));
        throw Error(QStringLiteral("cannot read project %1: %2").arg(nativePath(connection), error.databaseText()));
    }
    if (!probe.next() || probe.value(0).toInt() == 0) {
        throw notAProject(connection,
                          QStringLiteral("it is an SQLite database (or GeoPackage) without the maillage_meta table"));
    }
    probe.finish();

    QSqlQuery version = sql::run(connection, QStringLiteral("SELECT value FROM maillage_meta WHERE key = 'schema_version'"),
                                 QStringLiteral("reading the schema version"));
    bool ok = false;
    const int value = version.next() ? version.value(0).toString().toInt(&ok) : 0;
    if (!ok || value < 1) {
        throw Error(
            QStringLiteral("project %1 is damaged: maillage_meta has no valid schema_version").arg(nativePath(connection)));
    }
    return value;
}

}  // namespace maillage::schema
