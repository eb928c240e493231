#include "store/point_rows.h"

#include "geo/crs.h"

namespace maillage::sql {

bool readPointPosition(const Connection& connection, const QSqlQuery& row, int lonColumn, AccueilPoint& point)
{
    const int latColumn = lonColumn + 1, xColumn = lonColumn + 2, yColumn = lonColumn + 3;
    const std::optional<XY> geometry = readGeometry(connection, row.value(1));
    const bool hasXY = !row.value(xColumn).isNull() && !row.value(yColumn).isNull();
    const XY columns{row.value(xColumn).toDouble(), row.value(yColumn).toDouble()};
    if (geometry && (!hasXY || geometry->x != columns.x || geometry->y != columns.y)) {
        // Moved or drawn in a GIS program: the geometry is what the user sees, trust it.
        point.lambert93 = *geometry;
        point.wgs84 = toWgs84(*geometry);
        return true;
    }
    if (!hasXY) return false;
    point.lambert93 = columns;
    const bool hasLonLat = !row.value(lonColumn).isNull() && !row.value(latColumn).isNull();
    point.wgs84 = hasLonLat ? LonLat{row.value(lonColumn).toDouble(), row.value(latColumn).toDouble()} : toWgs84(columns);
    return true;
}

void readPointDetails(const QSqlQuery& row, int weeklyHoursColumn, AccueilPoint& point)
{
    const int c = weeklyHoursColumn;
    if (!row.value(c).isNull()) point.weeklyHours = row.value(c).toDouble();
    point.openingHours = row.value(c + 1).toString();
    point.address = row.value(c + 2).toString();
    point.source = row.value(c + 3).toString();
    point.sourceId = row.value(c + 4).toString();
    point.notes = row.value(c + 5).toString();
    point.outsideTerritory = row.value(c + 6).toBool();
    point.createdAt = readTime(row.value(c + 7));
    point.updatedAt = readTime(row.value(c + 8));
}

}  // namespace maillage::sql
