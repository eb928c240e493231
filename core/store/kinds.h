#pragma once

#include "store/accueil_point.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace maillage {

// One kind of accueil place, from the referential in data/kinds.json.
struct KindInfo {
    QString code;         // stable identifier stored in the database, e.g. "france_services"
    QString labelFr;      // "France services"
    QString labelEn;
    Level defaultLevel;
    QString group;        // "mairie", "la_poste", "france_services", "social", "operator", "visio", "other"
    // Type codes of DILA's Annuaire de l'administration (`pivot` / `type_service_local`) that
    // mean this kind, e.g. "pole_emploi" and "france_travail" for france_travail.
    QStringList annuaireTypes;
};

// The referential, loaded once from the embedded data/kinds.json.
const std::vector<KindInfo>& kindReferential();
const KindInfo* findKind(const QString& code);
// The kind an Annuaire de l'administration type code means (case-insensitive); null when none does.
const KindInfo* kindForAnnuaireType(const QString& type);

}  // namespace maillage
