#include "importers/point_importers.h"

#include "common/error.h"
#include "geo/crs.h"
#include "geo/territory.h"

#include <algorithm>
#include <cmath>

namespace maillage {

namespace {

// The position with longitude and latitude exchanged falls in the territory.
bool looksSwapped(const AccueilPoint& point, const Territory& territory)
{
    const LonLat swapped{point.wgs84.lat, point.wgs84.lon};
    if (!isValidLonLat(swapped)) return false;
    const XY position = toLambert93(swapped);
    return std::isfinite(position.x) && std::isfinite(position.y) && territory.communeAt(position) != nullptr;
}

}  // namespace

ImportReport importBatch(Store& store, ImportBatch batch, const Territory* territory, const UpsertOptions& writing)
{
    ImportReport report;
    if (territory) {
        std::vector<AccueilPoint> kept;
        std::vector<int> keptLines;
        for (std::size_t i = 0; i < batch.points.size(); ++i) {
            const AccueilPoint& point = batch.points[i];
            const int line = i < batch.pointLines.size() ? batch.pointLines[i] : 0;
            if (!territory->communeAt(point.lambert93) && looksSwapped(point, *territory)) {
                batch.issues.push_back(
                    {line, QStringLiteral("longitude %1 and latitude %2 look swapped: the point is outside the "
                                          "territory and would be inside with the two exchanged; check the columns")
                               .arg(point.wgs84.lon)
                               .arg(point.wgs84.lat)});
                continue;
            }
            kept.push_back(point);
            keptLines.push_back(line);
        }
        if (kept.size() != batch.points.size()) {
            std::stable_sort(batch.issues.begin(), batch.issues.end(),
                             [](const ImportIssue& a, const ImportIssue& b) { return a.line < b.line; });
            batch.points = std::move(kept);
            batch.pointLines = std::move(keptLines);
        }
    }
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
    report.written = store.upsertBySource(batch.points, writing);
    report.batch = std::move(batch);
    return report;
}

ImportBatch readPointFile(const QString& path, PointFormat format, const PointMapping& mapping)
{
    switch (format) {
    case PointFormat::Mairies: return readMairiesCsv(path);
    case PointFormat::FranceServices: return readFranceServicesCsv(path);
    case PointFormat::LaPoste: return readLaPosteCsv(path);
    case PointFormat::Operators: return readOperatorsCsv(path);
    case PointFormat::Annuaire:
        return path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive) ? readAnnuaireJson(path) : readAnnuaireCsv(path);
    case PointFormat::Generic: break;
    }
    return readGenericPoints(path, mapping);
}

}  // namespace maillage
