#pragma once

#include "geo/territory.h"

#include <QString>

namespace maillage {

// Which OGR fields hold what. Defaults are IGN ADMIN EXPRESS names.
struct CommuneFields {
    QString insee = QStringLiteral("INSEE_COM");
    QString name = QStringLiteral("NOM");
    QString population = QStringLiteral("POPULATION");
    QString epciSiren = QStringLiteral("SIREN_EPCI");  // empty = no EPCI membership field
};

struct EpciFields {
    QString siren = QStringLiteral("CODE_SIREN");
    QString name = QStringLiteral("NOM");
};

// One layer of one OGR data source. An empty layer name means "the only layer" (or the
// first one whose name matches the usual ADMIN EXPRESS names when there are several).
struct LayerSource {
    QString path;
    QString layer;
};

struct TerritorySources {
    LayerSource communes;
    CommuneFields communeFields;
    std::optional<LayerSource> epcis;      // optional: EPCI are then derived from the communes
    EpciFields epciFields;
    std::optional<LayerSource> outline;    // optional: the union of the communes otherwise
};

// Loads the territory through GDAL/OGR from any vector format and CRS, reprojected to
// Lambert-93. Invalid polygons are repaired (MakeValid) and reported in warnings.
// Throws maillage::Error naming the file, layer and field on an unreadable file, a layer
// without CRS, a missing field or an empty layer.
Territory loadTerritory(const TerritorySources& sources);

}  // namespace maillage
