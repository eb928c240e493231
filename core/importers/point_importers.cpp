#include "importers/point_importers.h"

#include "common/error.h"
#include "geo/territory.h"

namespace maillage {

ImportReport importBatch(Store& store, ImportBatch batch, const Territory* territory)
{
    ImportReport report;
    for (AccueilPoint& point : batch.points) {
        if (point.source.isEmpty() || point.sourceId.isEmpty())
            throw Error(QStringLiteral("%1: point \"%2\" has no source or source id; it cannot be imported")
                            .arg(batch.file, point.name));
        if (!territory) continue;  // no territory: nothing to complete, nothing to flag
        const Commune* commune = territory->communeAt(point.lambert93);
        point.outsideTerritory = commune == nullptr;
        if (point.outsideTerritory) ++report.outsideTerritory;
        // The file's own commune code wins: a point geocoded a few metres across a border (or
        // onto simplified boundaries) still belongs to the commune the publisher names.
        if (point.communeInsee.isEmpty() && commune) point.communeInsee = commune->insee;
    }
    report.written = store.upsertBySource(batch.points);
    report.batch = std::move(batch);
    return report;
}

}  // namespace maillage
