#pragma once

#include <QString>

#include <optional>
#include <vector>

namespace maillage {

// How each commune's legal population is placed on the grid before counting who lives
// beyond the threshold. Every method keeps each commune's total equal to its legal population;
// they differ only in *where inside the commune* people are put (docs/COVERAGE.md).
enum class PopulationMethod {
    Grid,       // INSEE gridded population (Filosofi squares), a raster or a point/polygon layer, rescaled per commune
    Buildings,  // residential buildings, in proportion to footprint area × levels, rescaled per commune
    Spread,     // evenly over the commune's cells near a road
    TownHalls,  // the whole commune at its town hall
};

// "grid", "buildings", "spread", "town-halls": the names of `maillage coverage --population`.
QString populationMethodKey(PopulationMethod method);
std::optional<PopulationMethod> populationMethodFromKey(const QString& key);
// A phrase for summaries and credits, e.g. "INSEE 200 m grid, rescaled to the legal population".
QString populationMethodDescription(PopulationMethod method);
// All methods, in the order tables show them.
std::vector<PopulationMethod> allPopulationMethods();

}  // namespace maillage
