// Extraction figures: read time, nodes, edges, km and components of the reference networks.
//
//   bench_extraction [--gdal] [FILE...]  (default: the OSM extracts and the 04 and Lot networks)
//
// OpenStreetMap files use the "osm" profile, other files the "generalised" one; they are read
// with libosmium, or with GDAL's OSM driver when --gdal is given (the side-by-side figures).

#include "common/error.h"
#include "common/gdal.h"
#include "network/extract_lines.h"
#include "network/extract_osm.h"
#include "network/network_summary.h"
#include "network/speed_profile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <iostream>

using namespace maillage;

namespace {

// Peak resident memory of the process, in MB (Linux).
double peakMegabytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) return 0.0;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:")) return line.mid(6).trimmed().split(' ').front().toDouble() / 1024.0;
    return 0.0;
}

}  // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    maillage::registerGdal();
    QStringList files = app.arguments().mid(1);
    const bool withGdal = files.removeAll(QStringLiteral("--gdal")) > 0;
    if (files.isEmpty()) {
        const QDir data(QStringLiteral(MAILLAGE_SHARED_DATA));
        for (const char* name :
             {"osm/andorra.osm.pbf", "osm/monaco.osm.gz", "04/routes-04.geojson", "lot-46/routes-46.geojson"})
            files << data.filePath(QString::fromLatin1(name));
    }
    std::cout << "| file | profile | read s | ways/features used | nodes | edges | one-way edges | km | components | "
                 "largest (nodes) | peak MB |\n"
                 "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    try {
        for (const QString& file : files) {
            const SpeedProfile profile =
                loadSpeedProfile(isOsmFile(file) ? QStringLiteral("osm") : QStringLiteral("generalised"));
            ExtractStats stats;
            const NetworkInput network = withGdal && isOsmFile(file) ? extractOsmWithGdal(file, profile, {}, &stats)
                                                                     : extractNetwork(file, profile, {}, {}, &stats);
            const NetworkSummary summary = summarizeNetwork(network);
            std::cout << "| " << QFileInfo(file).fileName().toStdString() << " | " << profile.name.toStdString() << " | "
                      << stats.seconds << " | " << stats.featuresUsed << " | " << summary.nodes << " | " << summary.edges
                      << " | " << summary.onewayEdges << " | " << qRound(summary.km) << " | " << summary.components << " | "
                      << summary.largestComponentNodes << " (" << qRound(1000 * summary.largestShareOfNodes()) / 10.0
                      << " %) | " << qRound(peakMegabytes()) << " |\n";
        }
    } catch (const Error& error) {
        std::cerr << "error: " << error.message().toStdString() << '\n';
        return 1;
    }
    return 0;
}
