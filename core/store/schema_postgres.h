#pragma once

#include "store/store_location.h"

#include <QSqlDatabase>

namespace maillage::schema::postgres {

// The project schema of a PostgreSQL/PostGIS store: the same tables, columns and version
// numbers as a GeoPackage project (schema.cpp), in the PostgreSQL schema location.schema.
// The point layers are PostGIS geometry(Point, 2154) columns with a GiST index, so QGIS lists
// them (geometry_columns) and opens them directly.

// Creates the schema and every table at the current version in one transaction. Throws a
// clear Error when the schema already holds a project, PostGIS is missing, or the role may
// not create it; nothing is left half-made.
void createProject(QSqlDatabase& db, const StoreLocation& location);

// Brings a project from `fromVersion` (3 or more) to the current version in one transaction.
void migrate(QSqlDatabase& db, const StoreLocation& location, int fromVersion);

// The schema version of the project in location.schema; throws Error when there is none.
int readVersion(QSqlDatabase& db, const StoreLocation& location);

}  // namespace maillage::schema::postgres
