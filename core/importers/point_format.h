#pragma once

#include <QString>

#include <optional>

namespace maillage {

// The point files Maillage knows by their columns, and the generic mapping-driven import.
enum class PointFormat { Mairies, FranceServices, LaPoste, Generic };

QString pointFormatName(PointFormat format);  // "mairies", "france-services", "laposte", "points"
std::optional<PointFormat> pointFormatFromName(const QString& name);

// Recognises the published files from their header line (ANCT's `id_fs`, La Poste's
// `#Identifiant_du_site`, the town-hall list's `insee_com,nom,population`); anything else
// is Generic. Throws Error when the file cannot be read.
PointFormat detectPointFormat(const QString& path);

}  // namespace maillage
