// Placing the 04's population on the 200 m grid: the INSEE squares (10,610) and the OSM
// buildings (393,596), read from their files, resampled onto the cells and rescaled per
// commune; then the same from the cache (what every later opening of the project pays).
// Usage: bench_population [runs]   (default 3; the best run is printed)
#include "common/gdal.h"
#include "coverage/grid.h"
#include "coverage/population.h"
#include "coverage/travel_time_surface.h"
#include "geo/territory.h"
#include "io/territory_loader.h"

#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

using namespace maillage;

int main(int argc, char** argv)
{
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 3;
    maillage::registerGdal();
    const QDir data(QStringLiteral(MAILLAGE_SHARED_DATA "/04"));
    TerritorySources territorySources;
    territorySources.communes = {data.filePath(QStringLiteral("limites-04.gpkg")), QStringLiteral("commune")};
    const Territory territory = loadTerritory(territorySources);
    const CoverageGrid grid = CoverageGrid::build(territory, 200.0);
    const PlaceLinks links = linkGridCells(grid, [](XY) {
        AccessLink link;
        link.edge = 0;
        return link;
    });
    std::printf("04: %zu communes, grid 200 m, %zu cells\n", territory.communes.size(), grid.cellCount());
    const struct {
        const char* label;
        PopulationMethod method;
        const char* file;
    } sources[] = {{"INSEE 200 m squares", PopulationMethod::Grid, "filosofi-2021-carreaux-200m-04.csv"},
                   {"OSM buildings", PopulationMethod::Buildings, "batiments-osm-04.gpkg"}};
    for (const auto& source : sources) {
        double coldBest = 1e99, warmBest = 1e99;
        double total = 0.0;
        for (int run = 0; run < runs; ++run) {
            QTemporaryDir cache;
            PopulationPlacementOptions options;
            options.method = source.method;
            options.input = {.method = source.method, .path = data.filePath(QString::fromUtf8(source.file))};
            options.cacheDirectory = cache.path();
            QElapsedTimer timer;
            timer.start();
            const PopulationPlacement cold = PopulationPlacement::build(territory, grid, links, options);
            coldBest = std::min(coldBest, timer.nsecsElapsed() / 1e6);
            timer.restart();
            const PopulationPlacement warm = PopulationPlacement::build(territory, grid, links, options);
            warmBest = std::min(warmBest, timer.nsecsElapsed() / 1e6);
            if (!warm.fromCache()) std::printf("  (the cache was not used!)\n");
            total = 0.0;
            for (double p : warm.people()) total += p;
        }
        std::printf("%-22s read + place %8.1f ms   from the cache %6.1f ms   (%.1f people placed)\n", source.label, coldBest,
                    warmBest, total);
    }
    return 0;
}
