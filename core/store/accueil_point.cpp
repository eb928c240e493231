#include "store/accueil_point.h"

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

}  // namespace maillage
