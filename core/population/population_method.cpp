#include "population/population_method.h"

namespace maillage {

QString populationMethodKey(PopulationMethod method)
{
    switch (method) {
    case PopulationMethod::Grid: return QStringLiteral("grid");
    case PopulationMethod::Buildings: return QStringLiteral("buildings");
    case PopulationMethod::Spread: return QStringLiteral("spread");
    case PopulationMethod::TownHalls: return QStringLiteral("town-halls");
    }
    return QString();
}

std::optional<PopulationMethod> populationMethodFromKey(const QString& key)
{
    for (PopulationMethod method : allPopulationMethods())
        if (populationMethodKey(method) == key.trimmed().toLower()) return method;
    return std::nullopt;
}

QString populationMethodDescription(PopulationMethod method)
{
    switch (method) {
    case PopulationMethod::Grid:
        return QStringLiteral("gridded population (INSEE squares), rescaled per commune to the legal population");
    case PopulationMethod::Buildings:
        return QStringLiteral(
            "on residential buildings (footprint area × levels), rescaled per commune to the legal population");
    case PopulationMethod::Spread: return QStringLiteral("legal population spread over the cells near a road");
    case PopulationMethod::TownHalls: return QStringLiteral("legal population counted at the town hall");
    }
    return QString();
}

std::vector<PopulationMethod> allPopulationMethods()
{
    return {PopulationMethod::Grid, PopulationMethod::Buildings, PopulationMethod::Spread, PopulationMethod::TownHalls};
}

}  // namespace maillage
