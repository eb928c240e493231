#pragma once

#include <QString>

#include <optional>

namespace maillage {

// The point files Maillage knows by their columns, and the generic mapping-driven import.
enum class PointFormat { Mairies, FranceServices, LaPoste, Operators, Annuaire, Generic };

// "mairies", "france-services", "laposte", "operateurs", "annuaire", "points"
QString pointFormatName(PointFormat format);
std::optional<PointFormat> pointFormatFromName(const QString& name);

// Recognises the published files from their header line (ANCT's `id_fs`, La Poste's
// `#Identifiant_du_site`, the town-hall list's `insee_com,nom,population`); anything else
// is Generic; the operators list by its `source,source_id,name,kind` header, DILA's Annuaire
// by its `pivot` lists (JSON or CSV). Throws Error when the file cannot be read.
PointFormat detectPointFormat(const QString& path);

}  // namespace maillage
