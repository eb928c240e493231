#include "network/prepared_network.h"

#include "common/atomic_file.h"
#include "common/error.h"
#include "network/speed_profile.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>

#include <cstring>
#include <type_traits>

namespace maillage {
namespace {

constexpr char kMagic[16] = {'M', 'A', 'I', 'L', 'L', 'A', 'G', 'E', '-', 'N', 'E', 'T', 'W', 'O', 'R', 'K'};
constexpr int kDigestBytes = 20;  // SHA-1

// The fixed-size start of the file. The payload follows; its SHA-1 is in the header.
struct Header {
    char magic[16];
    quint32 version;
    quint32 reserved;
    char key[kDigestBytes];
    quint64 payloadBytes;
    char payloadDigest[kDigestBytes];
};

// An edge as stored: fixed widths, no padding left uninitialised.
struct StoredEdge {
    quint32 from, to;
    double metres, seconds;
    quint32 shapeBegin, shapeEnd, refIndex;
    quint8 oneway, roadClass;
    quint8 padding[6];
};
static_assert(sizeof(StoredEdge) == 48);

struct Counts {
    quint64 nodes, shape, edges, refs;
    qint32 towns, connectors, edgesSplit, padding;
    double connectorKm;
};
static_assert(sizeof(Counts) == 56);

template <typename T>
void append(QByteArray& bytes, const T* data, std::size_t count)
{
    static_assert(std::is_trivially_copyable_v<T>);
    bytes.append(reinterpret_cast<const char*>(data), static_cast<qsizetype>(sizeof(T) * count));
}

// Reads from the mapped payload with bounds checks: a corrupt count must not read past it.
class PayloadReader {
public:
    PayloadReader(const uchar* data, std::size_t size) : data_(data), size_(size) {}

    template <typename T>
    bool read(T* out, std::size_t count)
    {
        // An empty text or index has no buffer (a null pointer memcpy must not be given).
        if (count == 0) return true;
        if (count > (size_ - offset_) / sizeof(T)) return false;
        std::memcpy(out, data_ + offset_, sizeof(T) * count);
        offset_ += sizeof(T) * count;
        return true;
    }
    bool atEnd() const { return offset_ == size_; }

private:
    const uchar* data_;
    std::size_t size_;
    std::size_t offset_ = 0;
};

QByteArray sha1(const char* data, std::size_t size)
{
    return QCryptographicHash::hash(QByteArrayView(data, static_cast<qsizetype>(size)), QCryptographicHash::Sha1);
}

// The profile as it affects the network: its file's bytes when it came from one (a change
// of any speed, rule or factor changes the key), else its name and speeds.
QByteArray profileContent(const SpeedProfile& profile)
{
    QByteArray content = profile.name.toUtf8();
    QFile file(profile.sourceFile);
    if (!profile.sourceFile.isEmpty() && file.open(QIODevice::ReadOnly)) return content + file.readAll();
    QDataStream stream(&content, QIODevice::Append);
    for (double kmh : profile.classKmh) stream << kmh;
    stream << profile.useMaxspeed << profile.maxspeedFactor << profile.maxspeedCapKmh << profile.detourFactor
           << profile.townMetresPerSqrtInhabitant << profile.townMinMetres << profile.townMaxMetres
           << profile.accessKmh << profile.accessDetour << profile.lateralAccelerationMs2
           << profile.curvatureHalfChordMetres;
    for (const RefClassRule& rule : profile.refClasses)
        stream << rule.pattern.pattern() << static_cast<int>(rule.roadClass);
    return content;
}

}  // namespace

QString preparedNetworkPathFor(const QString& projectPath)
{
    return projectPath + QStringLiteral(".network");
}

QByteArray preparedNetworkKey(const QString& networkPath, const SpeedProfile& profile, const LineLayerOptions& lineOptions,
                              const std::vector<TownAnchor>& towns)
{
    QFile file(networkPath);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(QStringLiteral("cannot open %1: %2").arg(networkPath, file.errorString()));
    QCryptographicHash key(QCryptographicHash::Sha1);
    QByteArray identity;
    QDataStream stream(&identity, QIODevice::WriteOnly);
    const QFileInfo info(networkPath);
    stream << kPreparedNetworkVersion << info.size() << info.lastModified().toMSecsSinceEpoch();
    key.addData(identity);
    // The content too: a file replaced by another of the same size within the same second
    // (a copy, an extraction script) must not reuse the old network.
    if (!key.addData(&file))
        throw Error(QStringLiteral("cannot read %1: %2").arg(networkPath, file.errorString()));
    key.addData(profileContent(profile));

    QByteArray settings;
    QDataStream settingsStream(&settings, QIODevice::WriteOnly);
    settingsStream << lineOptions.layer << lineOptions.classField << lineOptions.refField << lineOptions.speedField
                   << lineOptions.onewayField << lineOptions.mergeToleranceMetres;
    settingsStream << quint64(towns.size());
    for (const TownAnchor& town : towns)
        settingsStream << town.name << town.position.x << town.position.y << town.population;
    key.addData(settings);
    return key.result();
}

std::optional<PreparedNetwork> readPreparedNetwork(const QString& path, const QByteArray& key, QString* note)
{
    auto refuse = [&](const QString& why) -> std::optional<PreparedNetwork> {
        if (note) *note = QStringLiteral("prepared network %1 %2").arg(path, why);
        return std::nullopt;
    };
    QFile file(path);
    if (!file.exists()) return refuse(QStringLiteral("does not exist yet"));
    if (!file.open(QIODevice::ReadOnly)) return refuse(QStringLiteral("cannot be opened: ") + file.errorString());
    const auto size = static_cast<std::size_t>(file.size());
    if (size < sizeof(Header)) return refuse(QStringLiteral("is truncated"));
    const uchar* mapped = file.map(0, file.size());
    if (!mapped) return refuse(QStringLiteral("cannot be mapped: ") + file.errorString());

    Header header;
    std::memcpy(&header, mapped, sizeof(Header));
    if (std::memcmp(header.magic, kMagic, sizeof(kMagic)) != 0) return refuse(QStringLiteral("is not a prepared network"));
    if (header.version != kPreparedNetworkVersion)
        return refuse(QStringLiteral("has format version %1, this program writes %2")
                          .arg(header.version).arg(kPreparedNetworkVersion));
    if (QByteArray(header.key, kDigestBytes) != key) return refuse(QStringLiteral("was made from other data or settings"));
    if (header.payloadBytes != size - sizeof(Header)) return refuse(QStringLiteral("is truncated"));
    const char* payload = reinterpret_cast<const char*>(mapped) + sizeof(Header);
    if (sha1(payload, header.payloadBytes) != QByteArray(header.payloadDigest, kDigestBytes))
        return refuse(QStringLiteral("is corrupt (checksum)"));

    PayloadReader reader(mapped + sizeof(Header), header.payloadBytes);
    Counts counts;
    if (!reader.read(&counts, 1)) return refuse(QStringLiteral("is corrupt (counts)"));
    PreparedNetwork prepared;
    NetworkInput& network = prepared.network;
    if (counts.nodes > header.payloadBytes / sizeof(XY) || counts.shape > header.payloadBytes / sizeof(XY)
        || counts.edges > header.payloadBytes / sizeof(StoredEdge) || counts.refs == 0
        || counts.refs > header.payloadBytes / sizeof(quint32))
        return refuse(QStringLiteral("is corrupt (counts)"));
    network.nodes.resize(counts.nodes);
    network.shape.resize(counts.shape);
    std::vector<StoredEdge> edges(counts.edges);
    if (!reader.read(network.nodes.data(), counts.nodes) || !reader.read(network.shape.data(), counts.shape)
        || !reader.read(edges.data(), counts.edges))
        return refuse(QStringLiteral("is corrupt (arrays)"));
    network.refs.clear();
    network.refs.reserve(counts.refs);
    QByteArray text;
    for (quint64 r = 0; r < counts.refs; ++r) {
        quint32 length = 0;
        if (!reader.read(&length, 1) || length > header.payloadBytes) return refuse(QStringLiteral("is corrupt (refs)"));
        text.resize(length);
        if (!reader.read(text.data(), length)) return refuse(QStringLiteral("is corrupt (refs)"));
        network.refs.push_back(QString::fromUtf8(text));
    }
    quint32 sourceLength = 0;
    if (!reader.read(&sourceLength, 1) || sourceLength > header.payloadBytes) return refuse(QStringLiteral("is corrupt"));
    text.resize(sourceLength);
    if (!reader.read(text.data(), sourceLength)) return refuse(QStringLiteral("is corrupt"));
    network.sourceFile = QString::fromUtf8(text);
    quint64 indexBytes = 0;
    if (!reader.read(&indexBytes, 1) || indexBytes > header.payloadBytes) return refuse(QStringLiteral("is corrupt (index)"));
    prepared.spatialIndex.resize(indexBytes);
    if (!reader.read(prepared.spatialIndex.data(), indexBytes) || !reader.atEnd())
        return refuse(QStringLiteral("is corrupt (index)"));

    network.edges.resize(edges.size());
    for (std::size_t e = 0; e < edges.size(); ++e) {
        const StoredEdge& stored = edges[e];
        if (stored.from >= counts.nodes || stored.to >= counts.nodes || stored.shapeBegin > stored.shapeEnd
            || stored.shapeEnd > counts.shape || stored.refIndex >= counts.refs
            || stored.roadClass >= kRoadClassCount)
            return refuse(QStringLiteral("is corrupt (edge %1)").arg(e));
        NetworkEdge& edge = network.edges[e];
        edge.from = stored.from;
        edge.to = stored.to;
        edge.metres = stored.metres;
        edge.seconds = stored.seconds;
        edge.oneway = stored.oneway != 0;
        edge.roadClass = static_cast<RoadClass>(stored.roadClass);
        edge.shapeBegin = stored.shapeBegin;
        edge.shapeEnd = stored.shapeEnd;
        edge.refIndex = stored.refIndex;
    }
    prepared.connectors = {counts.towns, counts.connectors, counts.edgesSplit, counts.connectorKm};
    return prepared;
}

void writePreparedNetwork(const QString& path, const QByteArray& key, const PreparedNetwork& prepared)
{
    const NetworkInput& network = prepared.network;
    QByteArray payload;
    Counts counts{network.nodes.size(), network.shape.size(), network.edges.size(), network.refs.size(),
                  prepared.connectors.towns, prepared.connectors.connectors, prepared.connectors.edgesSplit, 0,
                  prepared.connectors.km};
    payload.reserve(static_cast<qsizetype>(sizeof(Counts) + sizeof(XY) * (counts.nodes + counts.shape)
                                           + sizeof(StoredEdge) * counts.edges));
    append(payload, &counts, 1);
    append(payload, network.nodes.data(), network.nodes.size());
    append(payload, network.shape.data(), network.shape.size());
    std::vector<StoredEdge> edges(network.edges.size());
    for (std::size_t e = 0; e < edges.size(); ++e) {
        const NetworkEdge& edge = network.edges[e];
        edges[e] = StoredEdge{edge.from, edge.to, edge.metres, edge.seconds, edge.shapeBegin, edge.shapeEnd,
                              edge.refIndex, quint8(edge.oneway), quint8(edge.roadClass), {}};
    }
    append(payload, edges.data(), edges.size());
    auto appendText = [&](const QString& value) {
        const QByteArray utf8 = value.toUtf8();
        const auto length = static_cast<quint32>(utf8.size());
        append(payload, &length, 1);
        payload.append(utf8);
    };
    for (const QString& ref : network.refs) appendText(ref);
    appendText(network.sourceFile);
    const quint64 indexBytes = prepared.spatialIndex.size();
    append(payload, &indexBytes, 1);
    append(payload, prepared.spatialIndex.data(), prepared.spatialIndex.size());

    Header header{};
    std::memcpy(header.magic, kMagic, sizeof(kMagic));
    header.version = kPreparedNetworkVersion;
    if (key.size() != kDigestBytes) throw Error(QStringLiteral("%1: the prepared network key is not a SHA-1").arg(path));
    std::memcpy(header.key, key.constData(), kDigestBytes);
    header.payloadBytes = static_cast<quint64>(payload.size());
    const QByteArray digest = sha1(payload.constData(), static_cast<std::size_t>(payload.size()));
    std::memcpy(header.payloadDigest, digest.constData(), kDigestBytes);

    // Through the one atomic writer: unique temporary name, every byte checked, rename.
    QByteArray bytes(reinterpret_cast<const char*>(&header), qsizetype(sizeof(Header)));
    bytes += payload;
    try {
        writeFileAtomically(path, bytes);
    } catch (const Error& e) {
        throw Error(QStringLiteral("cannot write the prepared network %1: %2").arg(path, e.message()));
    }
}

}  // namespace maillage
