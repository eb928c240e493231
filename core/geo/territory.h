#pragma once

#include "geo/types.h"

#include <QString>

#include <memory>
#include <optional>
#include <vector>

class OGRGeometry;

namespace maillage {

class CommuneIndex;

// Polygons are kept as immutable OGR geometries in Lambert-93, shared between copies.
using SharedGeometry = std::shared_ptr<const OGRGeometry>;

struct Commune {
    QString insee;  // INSEE code, e.g. "04070"
    QString name;
    qint64 population = 0;
    QString epciSiren;  // SIREN of the EPCI the commune belongs to (may be empty)
    SharedGeometry geometry;
    BBox bbox;
};

struct Epci {
    QString siren;
    QString name;
    qint64 population = 0;    // sum over the territory's communes of that EPCI
    int communeCount = 0;     // communes of the territory in that EPCI
    SharedGeometry geometry;  // may be null when no EPCI layer was loaded
    BBox bbox;
};

// A note on something repaired or skipped while loading (e.g. an invalid polygon made valid).
struct LoadWarning {
    QString file;
    QString layer;
    QString feature;  // e.g. "feature 12 (INSEE_COM 04070)"
    QString message;
};

// The study area: communes (with population), EPCI and the outline, all in Lambert-93.
class Territory {
public:
    std::vector<Commune> communes;
    std::vector<Epci> epcis;
    SharedGeometry outline;  // union of the communes, or the loaded département layer
    QString name;            // from the outline layer (e.g. "Alpes-de-Haute-Provence"); may be empty
    BBox bbox;
    std::vector<LoadWarning> warnings;

    qint64 population() const;
    const Commune* commune(const QString& insee) const;
    const Epci* epci(const QString& siren) const;

    // The commune containing p, or nullptr if p is outside every commune. Fast (a grid
    // index, see buildIndex) and safe to call from several threads at once.
    const Commune* communeAt(XY p) const;
    bool contains(XY p) const { return communeAt(p) != nullptr; }

    // Builds the spatial index behind communeAt; loadTerritory does it. Call it again after
    // changing `communes` (until then, or without it, communeAt tests every commune).
    void buildIndex();

private:
    std::shared_ptr<const CommuneIndex> index_;  // shared by copies: it never changes
};

}  // namespace maillage
