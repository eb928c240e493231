#include "store/accueil_point.h"

#include "geo/crs.h"
#include "store/kinds.h"

#include <cmath>

namespace maillage {

std::optional<Level> levelFromInt(int value)
{
    switch (value) {
    case 1: return Level::First;
    case 2: return Level::Second;
    case 3: return Level::Third;
    default: return std::nullopt;
    }
}

QString statusCode(PointStatus status)
{
    switch (status) {
    case PointStatus::Existing: return QStringLiteral("existing");
    case PointStatus::Planned: return QStringLiteral("planned");
    case PointStatus::Closed: return QStringLiteral("closed");
    }
    return {};  // only reachable with a value cast from an out-of-range integer
}

std::optional<PointStatus> statusFromCode(const QString& code)
{
    for (PointStatus status : {PointStatus::Existing, PointStatus::Planned, PointStatus::Closed}) {
        if (code == statusCode(status)) return status;
    }
    return std::nullopt;
}

QString coordinatesOrDetailsProblem(const AccueilPoint& point)
{
    if (!isValidLonLat(point.wgs84))
        return QStringLiteral("invalid longitude/latitude %1, %2").arg(point.wgs84.lon).arg(point.wgs84.lat);
    if (!std::isfinite(point.lambert93.x) || !std::isfinite(point.lambert93.y))
        return QStringLiteral("invalid Lambert-93 coordinates %1, %2").arg(point.lambert93.x).arg(point.lambert93.y);
    if (point.weeklyHours && !(std::isfinite(*point.weeklyHours) && *point.weeklyHours >= 0 && *point.weeklyHours <= 168))
        return QStringLiteral("weekly hours %1 are not between 0 and 168").arg(*point.weeklyHours);
    if (const QString problem = servesProblem(point.serves); !problem.isEmpty())
        return QStringLiteral("serves: %1").arg(problem);
    return {};
}

}  // namespace maillage
