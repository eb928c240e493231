#pragma once

#include "store/accueil_point.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace maillage {

// One kind of accueil place, from the referential in data/kinds.json.
struct KindInfo {
    QString code;     // stable identifier stored in the database, e.g. "france_services"
    QString labelFr;  // "France services"
    QString labelEn;
    Level defaultLevel;
    QString group;  // "mairie", "la_poste", "france_services", "social", "operator", "visio", "other"
    // Type codes of DILA's Annuaire de l'administration (`pivot` / `type_service_local`) that
    // mean this kind, e.g. "pole_emploi" and "france_travail" for france_travail.
    QStringList annuaireTypes;
};

// The referential, loaded once from the embedded data/kinds.json.
const std::vector<KindInfo>& kindReferential();
const KindInfo* findKind(const QString& code);
// The kind an Annuaire de l'administration type code means (case-insensitive); null when none does.
const KindInfo* kindForAnnuaireType(const QString& type);

// Visio points: places where people meet level-3 operators by video (kind group "visio").
bool isVisioKind(const QString& code);
// A level-3 operator kind (level 3, not a visio kind): what a visio point can serve.
bool isOperatorKind(const QString& code);
// "caf; CPAM, pole_emploi" -> {"caf", "cpam", "france_travail"}: codes or Annuaire type codes
// separated by ';', ',' or spaces, each turned into its kind code, duplicates dropped, in the
// given order. Throws Error naming the first one that is not a level-3 operator kind.
QStringList parseServes(const QString& text);
// "caf;cpam" as stored -> {"caf", "cpam"}, without checking the codes (a file edited elsewhere
// is read as it is; writes check them).
QStringList splitServes(const QString& stored);
// {"caf", "cpam"} -> "caf;cpam", as stored.
QString servesText(const QStringList& codes);
// Empty when every code is a level-3 operator kind; otherwise the problem, in one line.
QString servesProblem(const QStringList& codes);

}  // namespace maillage
