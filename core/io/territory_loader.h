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
    // Optional: names EPCI derived from the communes (no EPCI layer); ignored when absent.
    QString epciName = QStringLiteral("NOM_EPCI");
};

struct EpciFields {
    QString siren = QStringLiteral("CODE_SIREN");
    QString name = QStringLiteral("NOM");
};

// One layer of one OGR data source. An empty layer name means "the only layer"; when there
// are several, the one with the usual ADMIN EXPRESS name ("commune", "epci", "departement",
// any case), else an error listing the layers.
struct LayerSource {
    QString path;
    QString layer;
};

struct TerritorySources {
    LayerSource communes;
    CommuneFields communeFields;
    std::optional<LayerSource> epcis;  // optional: EPCI are then derived from the communes
    EpciFields epciFields;
    std::optional<LayerSource> outline;  // optional: the union of the communes otherwise
};

// Loads the territory through GDAL/OGR from any vector format and CRS, reprojected to
// Lambert-93. Geometries must be polygons (kept as MultiPolygon); invalid ones are repaired
// (MakeValid, polygonal part kept) and reported in warnings.
// EPCI: population and commune count always come from the communes. Without an EPCI layer
// they are derived from the communes' EPCI field (outline = union of their communes); with
// one, EPCI of the layer that hold none of the communes are left out, and communes naming an
// EPCI missing from the layer get a derived entry and a warning. If the communes have no EPCI
// field (epciSiren empty), each commune joins the EPCI polygon holding its interior point.
// Throws maillage::Error naming the file, layer, feature and field on an unreadable file, a
// layer without CRS, a missing field, an empty layer, a missing or non-polygon geometry, a
// duplicate code or a population that is not a number.
Territory loadTerritory(const TerritorySources& sources);

}  // namespace maillage
