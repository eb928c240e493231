#pragma once

#include "store/accueil_point.h"

#include <QString>

#include <vector>

namespace maillage {

// One kind of accueil place, from the referential in data/kinds.json.
struct KindInfo {
    QString code;         // stable identifier stored in the database, e.g. "france_services"
    QString labelFr;      // "France services"
    QString labelEn;
    Level defaultLevel;
    QString group;        // "mairie", "la_poste", "france_services", "social", "operator", "other"
};

// The referential, loaded once from the embedded data/kinds.json.
const std::vector<KindInfo>& kindReferential();
const KindInfo* findKind(const QString& code);

}  // namespace maillage
