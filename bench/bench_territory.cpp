// Loading the 04 boundaries and finding the commune of every cell of a 200 m grid.
// Compares Territory::communeAt (grid index + OGR ring tests) with the plain ways:
// a bounding-box scan with OGR ring tests, GEOS prepared geometries, plain GEOS Contains.
#include "common/gdal.h"
#include "geo/commune_index.h"
#include "geo/territory.h"
#include "io/territory_loader.h"

#include <QDir>
#include <QElapsedTimer>

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_geometry.h>

#include <cstdio>
#include <functional>
#include <vector>

using namespace maillage;

namespace {

std::vector<XY> gridOver(const BBox& box, double step)
{
    std::vector<XY> cells;
    for (double y = box.minY + step / 2; y < box.maxY; y += step)
        for (double x = box.minX + step / 2; x < box.maxX; x += step) cells.push_back({x, y});
    return cells;
}

// Runs `find` over `points` (every `stride`-th one) and prints the time per point.
void measure(const char* what, const std::vector<XY>& points, std::size_t stride,
             const std::function<const Commune*(XY)>& find)
{
    QElapsedTimer timer;
    timer.start();
    std::size_t inside = 0, tested = 0;
    for (std::size_t i = 0; i < points.size(); i += stride, ++tested)
        if (find(points[i])) ++inside;
    const double ms = timer.nsecsElapsed() / 1e6;
    std::printf("%-44s %8zu points %9.1f ms %8.2f us/point (%zu inside)\n", what, tested, ms, ms * 1000 / tested, inside);
}

}  // namespace

int main()
{
    maillage::registerGdal();
    const QString gpkg = QDir(QStringLiteral(MAILLAGE_SHARED_DATA)).filePath(QStringLiteral("04/limites-04.gpkg"));
    TerritorySources sources;
    sources.communes = {gpkg, QStringLiteral("commune")};
    sources.epcis = LayerSource{gpkg, QStringLiteral("epci")};

    QElapsedTimer timer;
    timer.start();
    Territory territory = loadTerritory(sources);
    std::printf("load 04 (communes, EPCI, outline = union)   %8.1f ms\n", timer.nsecsElapsed() / 1e6);
    timer.restart();
    territory.buildIndex();
    std::printf("build the commune index                     %8.1f ms\n", timer.nsecsElapsed() / 1e6);

    const std::vector<XY> cells = gridOver(territory.bbox, 200.0);
    measure("communeAt (grid index + ring tests)", cells, 1, [&](XY p) { return territory.communeAt(p); });

    Territory unindexed;
    unindexed.communes = territory.communes;
    unindexed.bbox = territory.bbox;
    measure("bbox scan + ring tests (no index)", cells, 1, [&](XY p) { return unindexed.communeAt(p); });

    std::vector<OGRPreparedGeometryH> prepared;
    for (const Commune& c : territory.communes)
        prepared.push_back(OGRCreatePreparedGeometry(OGRGeometry::ToHandle(const_cast<OGRGeometry*>(c.geometry.get()))));
    measure("bbox scan + GEOS prepared Contains", cells, 1, [&](XY p) -> const Commune* {
        OGRPoint point(p.x, p.y);
        for (std::size_t i = 0; i < territory.communes.size(); ++i)
            if (territory.communes[i].bbox.contains(p)
                && OGRPreparedGeometryContains(prepared[i], OGRGeometry::ToHandle(&point)))
                return &territory.communes[i];
        return nullptr;
    });
    for (OGRPreparedGeometryH g : prepared) OGRDestroyPreparedGeometry(g);

    measure("bbox scan + GEOS Contains (1 point in 20)", cells, 20, [&](XY p) -> const Commune* {
        const OGRPoint point(p.x, p.y);
        for (const Commune& c : territory.communes)
            if (c.bbox.contains(p) && c.geometry->Contains(&point)) return &c;
        return nullptr;
    });
    return 0;
}
