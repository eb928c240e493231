#include "geo/territory.h"

#include <ogr_geometry.h>

namespace maillage {

qint64 Territory::population() const
{
    qint64 total = 0;
    for (const Commune& c : communes) total += c.population;
    return total;
}

const Commune* Territory::commune(const QString& insee) const
{
    for (const Commune& c : communes)
        if (c.insee == insee) return &c;
    return nullptr;
}

const Epci* Territory::epci(const QString& siren) const
{
    for (const Epci& e : epcis)
        if (e.siren == siren) return &e;
    return nullptr;
}

const Commune* Territory::communeAt(XY p) const
{
    if (!bbox.contains(p)) return nullptr;
    const OGRPoint point(p.x, p.y);
    for (const Commune& c : communes) {
        // The bounding box rejects almost every commune before the exact (GEOS) test.
        if (c.geometry && c.bbox.contains(p) && c.geometry->Contains(&point)) return &c;
    }
    return nullptr;
}

}  // namespace maillage
