#pragma once

#include "population/population_method.h"
#include "store/accueil_point.h"
#include "store/project_sources.h"

#include <QString>

#include <span>

namespace maillage::render {

// The sources line of a printed map: boundaries, population, the accueil points by source
// (only the sources of the points shown) and the road network, each in the project's words
// (ProjectSources) or, where the project says nothing, the usual publisher. One paragraph,
// "Sources : … ; … ." in the interface language.
QString creditText(const ProjectSources& sources, std::span<const AccueilPoint> shownPoints);

// How the population was placed, in the interface language, for footers and the statistics
// panel, e.g. "population placée selon les carreaux INSEE (Filosofi), ramenée aux populations légales".
QString populationMethodText(PopulationMethod method);

// The usual publisher of a point source tag of the built-in importers (e.g. "ANCT, France
// services" for "anct-france-services"); the tag itself for others.
QString defaultPointSourceCredit(const QString& tag);

}  // namespace maillage::render
