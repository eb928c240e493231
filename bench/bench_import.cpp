// Importing one million CSV rows into a project (issue 15: <= 30 s), then importing them again
// (every row matched by source id through the index, unchanged), as `maillage import` does:
// read the CSV, complete with the 04 territory (commune, outside flag), upsert 10,000 rows per
// transaction. Usage: bench_import [rows] (default 1000000).
#include "geo/crs.h"
#include "geo/territory.h"
#include "importers/point_importers.h"
#include "io/territory_loader.h"
#include "store/store.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>
#include <ctime>

using namespace maillage;

int main(int argc, char** argv)
{
    const int rows = argc > 1 ? std::atoi(argv[1]) : 1'000'000;
    QTemporaryDir folder;
    const QString csv = folder.filePath(QStringLiteral("points.csv"));
    {
        QFile file(csv);
        if (!file.open(QIODevice::WriteOnly)) return 1;
        QByteArray text = "id,name,latitude,longitude\n";
        for (int i = 0; i < rows; ++i) {
            // Spread over the 04 (43.7-44.6 N, 5.6-6.9 E), a few outside.
            const double lat = 43.70 + (i % 997) * 0.0009;
            const double lon = 5.60 + (i / 997 % 1000) * 0.0013;
            text += QByteArray::number(i) + ",Point " + QByteArray::number(i) + ',' + QByteArray::number(lat, 'f', 5) + ','
                    + QByteArray::number(lon, 'f', 5) + '\n';
            if (text.size() > (1 << 22)) {
                file.write(text);
                text.clear();
            }
        }
        file.write(text);
    }
    TerritorySources sources;
    const QString limits = QStringLiteral(MAILLAGE_SHARED_DATA "/04/limites-04.gpkg");
    sources.communes = {limits, QStringLiteral("commune")};
    sources.epcis = LayerSource{limits, QStringLiteral("epci")};
    const Territory territory = loadTerritory(sources);
    Store store = Store::create(folder.filePath(QStringLiteral("project.gpkg")));

    PointMapping mapping;
    mapping.idField = QStringLiteral("id");
    mapping.fixedKind = QStringLiteral("mairie");
    for (const char* pass : {"first import", "import again"}) {
        QElapsedTimer timer;
        timer.start();
        const std::clock_t cpuStart = std::clock();
        ImportBatch batch = readGenericPoints(csv, mapping);
        const double readS = timer.nsecsElapsed() / 1e9;
        int progressLines = 0;
        UpsertOptions writing{.rowsPerTransaction = 10'000, .progress = {}};
        writing.progress = [&](std::size_t, std::size_t) { ++progressLines; };
        const ImportReport report = importBatch(store, std::move(batch), &territory, writing);
        const double totalS = timer.nsecsElapsed() / 1e9;
        // CPU time too: on a shared machine the wall time mostly measures the other programs.
        const double cpuS = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
        std::printf(
            "%s of %d rows: %.1f s wall, %.1f s CPU (read %.1f s, complete and write %.1f s); %d new, %d updated, "
            "%d unchanged, %d outside; %d transactions\n",
            pass, rows, totalS, cpuS, readS, totalS - readS, report.written.inserted, report.written.updated,
            report.written.unchanged, report.outsideTerritory, progressLines);
    }
    return 0;
}
