#include "geo/territory.h"

#include "geo/commune_index.h"

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

void Territory::buildIndex()
{
    std::vector<SharedGeometry> geometries;
    geometries.reserve(communes.size());
    for (const Commune& c : communes) geometries.push_back(c.geometry);
    index_ = std::make_shared<const CommuneIndex>(std::move(geometries));
}

const Commune* Territory::communeAt(XY p) const
{
    // The index holds positions in `communes`: trust it only while the list is the one it
    // was built from (same size and same geometries).
    if (index_ && index_->size() == communes.size()) {
        const int found = index_->find(p);
        if (found < 0) return nullptr;
        if (communes[found].geometry == index_->geometry(found)) return &communes[found];
    }
    if (!bbox.isEmpty() && !bbox.contains(p)) return nullptr;
    for (const Commune& c : communes) {
        // The bounding box rejects almost every commune before the exact ring test.
        if (c.geometry && (c.bbox.isEmpty() || c.bbox.contains(p)) && polygonsContain(*c.geometry, p)) return &c;
    }
    return nullptr;
}

}  // namespace maillage
