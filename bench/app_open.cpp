// The application's opening of a project, as its loading job runs it off the GUI thread
// (gui::loadProjectData: territory, prepared network, graph, spatial index, grid links,
// population), then the coverage of level 2 with its gap zones as the map first shows it
// (stair-step gaps, no bands: the live display). Wall times in ms, one line per run.
//
//   build/bench/bench_app_open PROJECT.gpkg [runs = 5]
#include "project_loading.h"

#include "common/gdal.h"
#include "coverage/coverage_run.h"
#include "project/project_settings.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>

using namespace maillage;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    registerGdal();
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_app_open PROJECT.gpkg [runs]\n");
        return 2;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    const int runs = argc > 2 ? std::atoi(argv[2]) : 5;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        const Store store = Store::open(path);
        ProjectInputs inputs = loadProjectInputs(store);
        inputs.projectPath = path;
        const std::vector<AccueilPoint> points = store.points();
        gui::LoadProgress progress([](int, const QString&) {}, [] { return false; });
        const auto data = gui::loadProjectData(inputs, points, progress);
        const double loaded = timer.nsecsElapsed() / 1e6;
        CoverageOptions options;
        options.computeBands = false;
        options.clipGapsToCommunes = false;
        options.threads = 2;
        const CoverageResult result = computeCoverage(*data->coverage, coveragePoints(points, 2), options);
        std::printf("run %d: project loaded %.0f ms (links %s), gaps shown %.0f ms (%zu gap zones)\n", run + 1, loaded,
                    data->coverage->linksReused() ? "read" : "snapped", timer.nsecsElapsed() / 1e6, result.gapZones.size());
    }
    return 0;
}
