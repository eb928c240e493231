#pragma once

#include "store/accueil_point.h"

#include <QString>

namespace maillage::render {

// Names shown to the user for the store's codes, in the interface language (the map legend,
// the printed tables and the application's panels use the same words).
QString levelLabel(Level level);          // "1er niveau : informer et orienter"…
QString levelShortLabel(Level level);     // "niveau 1"
QString statusLabel(PointStatus status);  // "existant", "projeté", "fermé"
QString kindLabel(const QString& kindCode);
// A scenario's name as shown: "Situation actuelle" for the baseline, else the plan's name.
QString scenarioLabel(const QString& name);
// True when the interface speaks English (labels of the kind referential follow it).
bool interfaceIsEnglish();

// Thousands grouped as the interface language does: "166 077" in French (narrow no-break
// space), "166,077" in English.
QString formatCount(qint64 value);
QString formatMinutes(double minutes);  // "12 min", "1 h 05", "—" when not reachable

}  // namespace maillage::render
