#pragma once

#include "store/accueil_point.h"
#include "store/sql_helpers.h"

#include <QSqlQuery>

namespace maillage::sql {

// A row of either point table (accueil_points, scenario_points) as they are selected: the
// geometry in column 1, then columns in the same order in both tables from lon onwards:
// lon, lat, x, y, then weekly_hours, opening_hours, address, source, source_id, notes,
// outside_territory, created_at, updated_at.

// Sets the point's position from the row, the columns lon, lat, x, y starting at `lonColumn`.
// False when the row has neither a geometry nor x/y: the caller names the point in its error.
bool readPointPosition(const Connection& connection, const QSqlQuery& row, int lonColumn, AccueilPoint& point);

// Sets the details from weekly_hours (at `weeklyHoursColumn`) to updated_at.
void readPointDetails(const QSqlQuery& row, int weeklyHoursColumn, AccueilPoint& point);

}  // namespace maillage::sql
