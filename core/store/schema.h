#pragma once

#include "store/sql_helpers.h"

namespace maillage::schema {

// GeoPackage identification (GeoPackage 1.3, requirements 2 and 3).
constexpr qint32 kGeoPackageApplicationId = 0x47504B47;  // "GPKG"
constexpr int kGeoPackageUserVersion = 10300;            // GeoPackage 1.3.0

// The point table, its geometry column and SRS as registered in gpkg_geometry_columns.
inline const QString kPointsTable = QStringLiteral("accueil_points");
inline const QString kGeometryColumn = QStringLiteral("geom");
constexpr int kPointsSrsId = 2154;  // Lambert-93
// The points added by plans (version 3), a second point layer of the same shape.
inline const QString kScenarioPointsTable = QStringLiteral("scenario_points");

// The schema version this program writes; Store::kSchemaVersion repeats it.
constexpr int kCurrentVersion = 6;

// Creates every table of a new project in one transaction (the file must be empty).
// A new project is built by the same steps that migrate old files, so the two never differ.
void createProject(const sql::Connection& connection);

// The schema version of an open file. Throws a clear Error naming the file when it is not an
// SQLite database or not a Maillage project.
int readVersion(const sql::Connection& connection);

// Brings a file from `fromVersion` to kCurrentVersion in one transaction; on any failure
// nothing changes and the Error says which step failed and why.
void migrate(const sql::Connection& connection, int fromVersion);

}  // namespace maillage::schema
