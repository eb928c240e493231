#include "population/population_input.h"

#include "common/atomic_file.h"
#include "common/error.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace maillage {
namespace {

constexpr quint32 kCacheMagic = 0x4d4c5043;  // "MLPC"
constexpr quint32 kCacheVersion = 1;

void addFile(QCryptographicHash& hash, const QString& path)
{
    const QFileInfo info(path);
    hash.addData(info.absoluteFilePath().toUtf8());
    hash.addData(QByteArray::number(info.size()));
    hash.addData(QByteArray::number(info.lastModified().toMSecsSinceEpoch()));
}

QString cacheKey(const PopulationInput& input, const CellFrame& frame)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(QByteArray::number(kCacheVersion));
    hash.addData(populationMethodKey(input.method).toUtf8());
    addFile(hash, input.path);
    hash.addData(input.layer.toUtf8() + '|' + input.valueField.toUtf8() + '|');
    if (!input.rectanglesPath.isEmpty()) addFile(hash, input.rectanglesPath);
    hash.addData(QByteArray::number(input.minimumBuildingAreaM2, 'g', 17));
    for (double v : {frame.west, frame.north, frame.cellSize}) hash.addData(QByteArray::number(v, 'g', 17));
    hash.addData(QByteArray::number(frame.columns) + 'x' + QByteArray::number(frame.rows));
    hash.addData(QByteArrayView(reinterpret_cast<const char*>(frame.cellOfRaster.data()),
                                qsizetype(frame.cellOfRaster.size() * sizeof(std::int32_t))));
    return QString::fromLatin1(hash.result().toHex());
}

QString cacheFolder(const QString& cacheDirectory)
{
    if (!cacheDirectory.isEmpty()) return cacheDirectory;
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
    return base.isEmpty() ? QString() : QDir(base).filePath(QStringLiteral("maillage/population"));
}

std::optional<CellWeights> readCache(const QString& path, std::size_t cellCount)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return std::nullopt;
    QDataStream in(&file);
    quint32 magic = 0, version = 0;
    quint64 count = 0;
    CellWeights weights;
    in >> magic >> version >> weights.description >> count;
    if (magic != kCacheMagic || version != kCacheVersion || count != cellCount) return std::nullopt;
    weights.perCell.resize(cellCount);
    if (in.readRawData(reinterpret_cast<char*>(weights.perCell.data()), qsizetype(cellCount * sizeof(double)))
        != qsizetype(cellCount * sizeof(double)))
        return std::nullopt;
    weights.fromCache = true;
    return weights;
}

void writeCache(const QString& path, const CellWeights& weights)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out << kCacheMagic << kCacheVersion << weights.description << quint64(weights.perCell.size());
    out.writeRawData(reinterpret_cast<const char*>(weights.perCell.data()),
                     qsizetype(weights.perCell.size() * sizeof(double)));
    try {
        writeFileAtomically(path, bytes);
    } catch (const Error&) {
        // A cache that cannot be written only costs the next run a reading.
    }
}

}  // namespace

PopulationPieces readPopulationInput(const PopulationInput& input, const std::optional<BBox>& area)
{
    if (input.method == PopulationMethod::Buildings) {
        BuildingOptions options;
        options.layer = input.layer;
        options.minimumAreaM2 = input.minimumBuildingAreaM2;
        options.area = area;
        return readBuildings(input.path, options);
    }
    if (input.method != PopulationMethod::Grid)
        throw Error(QStringLiteral("the population method %1 reads no file").arg(populationMethodKey(input.method)));
    PopulationGridOptions options;
    options.layer = input.layer;
    options.valueField = input.valueField;
    options.rectanglesPath = input.rectanglesPath;
    options.area = area;
    return readPopulationGrid(input.path, options);
}

CellWeights cellWeightsFor(const PopulationInput& input, const CellFrame& frame, const QString& cacheDirectory)
{
    if (!input.isSet()) throw Error(QStringLiteral("no %1 population file").arg(populationMethodKey(input.method)));
    if (!QFileInfo::exists(input.path))
        throw Error(QStringLiteral("cannot open the population file %1: no such file").arg(input.path));
    const QString folder = cacheFolder(cacheDirectory);
    const QString cachePath =
        folder.isEmpty() ? QString() : QDir(folder).filePath(cacheKey(input, frame) + QStringLiteral(".bin"));
    if (!cachePath.isEmpty())
        if (std::optional<CellWeights> cached = readCache(cachePath, frame.cellCount)) {
            cached->method = input.method;
            return *cached;
        }
    // A margin of a square around the grid: squares across the edge still share their people.
    const double margin = 1000.0;
    const BBox area{frame.west - margin, frame.north - frame.rows * frame.cellSize - margin,
                    frame.west + frame.columns * frame.cellSize + margin, frame.north + margin};
    const PopulationPieces pieces = readPopulationInput(input, area);
    CellWeights weights;
    weights.method = input.method;
    weights.perCell = resampleOnCells(pieces, frame);
    weights.description = pieces.description;
    if (!cachePath.isEmpty()) writeCache(cachePath, weights);
    return weights;
}

}  // namespace maillage
