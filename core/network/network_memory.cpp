#include "network/network_memory.h"

#include "common/error.h"
#include "common/memory_budget.h"

#include <QFileInfo>

namespace maillage {

std::uint64_t estimatedReadingBytes(const QString& networkPath)
{
    const QString lower = networkPath.toLower();
    const double size = static_cast<double>(QFileInfo(networkPath).size());
    // Per byte of file: a PBF is compressed (its roads' nodes and ways unpacked take more than
    // the file); XML is verbose (most of its bytes are tags); a GDAL layer (GeoPackage,
    // GeoJSON, Shapefile) holds about as much as its geometries once read (the 28 MB 04
    // GeoPackage: about 200 MB at peak, graph and index included).
    double factor = 8.0;
    if (lower.endsWith(QLatin1String(".pbf"))) factor = 2.5;
    else if (lower.endsWith(QLatin1String(".osm"))) factor = 0.3;
    else if (lower.endsWith(QLatin1String(".osm.gz")) || lower.endsWith(QLatin1String(".osm.bz2"))) factor = 3.0;
    return static_cast<std::uint64_t>(factor * size);
}

void requireMemoryToRead(const QString& networkPath)
{
    const double needed = double(estimatedReadingBytes(networkPath));
    const double budget = double(memoryBudgetBytes());
    if (needed <= budget) return;
    throw Error(
        QStringLiteral("reading %1 (%2) would need about %3 of memory, more than the %4 allowed "
                       "(set MAILLAGE_MEMORY_MB to change it); cut the file to the territory first "
                       "(e.g. osmium extract --bbox, or ogr2ogr -spat)")
            .arg(networkPath, memoryText(double(QFileInfo(networkPath).size())), memoryText(needed), memoryText(budget)));
}

QString memoryNote(const QString& networkPath)
{
    const double needed = double(estimatedReadingBytes(networkPath));
    const double available = double(availableMemoryBytes());
    if (available <= 0.0 || needed < available) return {};
    return QStringLiteral(
               "note: reading %1 may need about %2 of memory, this machine has %3 available now; "
               "close other programs or use a smaller extract")
        .arg(networkPath, memoryText(needed), memoryText(available));
}

}  // namespace maillage
