#include "network/prepared_network.h"

#include "common/atomic_file.h"
#include "common/error.h"
#include "network/speed_profile.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>

#include <bit>
#include <cstring>
#include <optional>
#include <type_traits>

namespace maillage {
namespace {

constexpr char kMagic[16] = {'M', 'A', 'I', 'L', 'L', 'A', 'G', 'E', '-', 'N', 'E', 'T', 'W', 'O', 'R', 'K'};
constexpr int kDigestBytes = 20;  // SHA-1

// The fixed-size start of the file. The network section follows, then the links section
// (possibly empty); each has its own checksum here.
struct Header {
    char magic[16];
    quint32 version;
    quint32 reserved;
    char key[kDigestBytes];
    char sourceDigest[kDigestBytes];  // SHA-1 of the network file when it had this size and time
    qint64 sourceBytes;
    qint64 sourceModifiedMs;
    quint64 networkBytes;
    quint64 networkChecksum;
    quint64 linksBytes;
    quint64 linksChecksum;
};
static_assert(sizeof(Header) == 112);

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

// A 64-bit checksum of a section, to tell a damaged file (a disk error, a partial copy) from a
// good one, not to resist forgery: four lanes of xxHash64's round over 8-byte words. Every
// change of one word changes its lane (multiplication by an odd constant and rotation are
// one-to-one). It runs at memory speed, where a SHA-1 of the 40 MB of the detailed 04
// network cost 80–100 ms on every command.
quint64 checksum64(const char* data, std::size_t size)
{
    constexpr quint64 kPrime1 = 0x9E3779B185EBCA87ull, kPrime2 = 0xC2B2AE3D27D4EB4Full;
    quint64 lanes[4] = {kPrime1 + kPrime2, kPrime2, 0, 0 - kPrime1};
    std::size_t i = 0;
    for (; i + 32 <= size; i += 32) {
        for (int k = 0; k < 4; ++k) {
            quint64 word;
            std::memcpy(&word, data + i + 8 * std::size_t(k), 8);
            lanes[k] = std::rotl(lanes[k] + word * kPrime2, 31) * kPrime1;
        }
    }
    quint64 h = quint64(size) * kPrime1;
    for (const quint64 lane : lanes) h = (std::rotl(h ^ (std::rotl(lane * kPrime2, 31) * kPrime1), 27) * kPrime1) + kPrime2;
    for (; i < size; ++i) h = std::rotl(h ^ (quint64(static_cast<unsigned char>(data[i])) * kPrime1), 11) * kPrime2;
    h ^= h >> 33;
    h *= kPrime2;
    return h ^ (h >> 29);
}

QByteArray fileSha1(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) throw Error(QStringLiteral("cannot open %1: %2").arg(path, file.errorString()));
    QCryptographicHash hash(QCryptographicHash::Sha1);
    if (!hash.addData(&file)) throw Error(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    return hash.result();
}

// The header of a prepared network file, when it has one of this format version.
std::optional<Header> readHeader(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return std::nullopt;
    Header header;
    if (file.read(reinterpret_cast<char*>(&header), sizeof(Header)) != qint64(sizeof(Header))) return std::nullopt;
    if (std::memcmp(header.magic, kMagic, sizeof(kMagic)) != 0 || header.version != kPreparedNetworkVersion)
        return std::nullopt;
    return header;
}

QByteArray linksSection(const PreparedLinks& links)
{
    QByteArray bytes;
    if (links.empty()) return bytes;
    const auto keyBytes = static_cast<quint32>(links.key.size());
    append(bytes, &keyBytes, 1);
    bytes.append(links.key);
    for (const std::vector<char>* part : {&links.cells, &links.townHalls}) {
        const quint64 size = part->size();
        append(bytes, &size, 1);
        append(bytes, part->data(), part->size());
    }
    return bytes;
}

bool readLinksSection(const uchar* data, std::size_t size, PreparedLinks& links)
{
    if (size == 0) return true;  // none kept yet
    PayloadReader reader(data, size);
    quint32 keyBytes = 0;
    if (!reader.read(&keyBytes, 1) || keyBytes == 0 || keyBytes > size) return false;
    links.key.resize(keyBytes);
    if (!reader.read(links.key.data(), keyBytes)) return false;
    for (std::vector<char>* part : {&links.cells, &links.townHalls}) {
        quint64 partBytes = 0;
        if (!reader.read(&partBytes, 1) || partBytes > size) return false;
        part->resize(partBytes);
        if (!reader.read(part->data(), partBytes)) return false;
    }
    return reader.atEnd();
}

// Header + network section + links section, written under a temporary name and renamed.
void writeSections(const QString& path, Header header, QByteArrayView network, const QByteArray& links)
{
    header.networkBytes = quint64(network.size());
    header.networkChecksum = checksum64(network.data(), std::size_t(network.size()));
    header.linksBytes = quint64(links.size());
    header.linksChecksum = checksum64(links.constData(), std::size_t(links.size()));
    QByteArray bytes;
    bytes.reserve(qsizetype(sizeof(Header)) + network.size() + links.size());
    bytes.append(reinterpret_cast<const char*>(&header), qsizetype(sizeof(Header)));
    bytes.append(network);
    bytes.append(links);
    // Through the one atomic writer: unique temporary name, every byte checked, rename.
    try {
        writeFileAtomically(path, bytes);
    } catch (const Error& e) {
        throw Error(QStringLiteral("cannot write the prepared network %1: %2").arg(path, e.message()));
    }
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
           << profile.townMetresPerSqrtInhabitant << profile.townMinMetres << profile.townMaxMetres << profile.accessKmh
           << profile.accessDetour << profile.lateralAccelerationMs2 << profile.curvatureHalfChordMetres
           << profile.builtUpKmh << profile.builtUpRadiusMetres << profile.builtUpMinJunctions;
    for (const RefClassRule& rule : profile.refClasses) stream << rule.pattern.pattern() << static_cast<int>(rule.roadClass);
    return content;
}

// Each reading step below returns why the file cannot be used (completing "prepared network
// <path> ..."), or nothing when its part is good.
using Refusal = std::optional<QString>;

// The header must be ours, of this version, made with this key, and the sections it counts
// whole and undamaged.
Refusal headerProblem(const Header& header, const QByteArray& key, std::size_t size, const char* payload)
{
    if (std::memcmp(header.magic, kMagic, sizeof(kMagic)) != 0) return QStringLiteral("is not a prepared network");
    if (header.version != kPreparedNetworkVersion)
        return QStringLiteral("has format version %1, this program writes %2")
            .arg(header.version)
            .arg(kPreparedNetworkVersion);
    if (QByteArray(header.key, kDigestBytes) != key) return QStringLiteral("was made from other data or settings");
    if (header.networkBytes > size - sizeof(Header) || header.linksBytes != size - sizeof(Header) - header.networkBytes)
        return QStringLiteral("is truncated");
    if (checksum64(payload, header.networkBytes) != header.networkChecksum
        || checksum64(payload + header.networkBytes, header.linksBytes) != header.linksChecksum)
        return QStringLiteral("is corrupt (checksum)");
    return std::nullopt;
}

// The counts, then the nodes and shape straight into the network. The edges are kept as
// stored: they are checked against the counts as they are converted, once the rest is read.
Refusal readArrays(PayloadReader& reader, quint64 sectionBytes, Counts& counts, NetworkInput& network,
                   std::vector<StoredEdge>& edges)
{
    if (!reader.read(&counts, 1)) return QStringLiteral("is corrupt (counts)");
    if (counts.nodes > sectionBytes / sizeof(XY) || counts.shape > sectionBytes / sizeof(XY)
        || counts.edges > sectionBytes / sizeof(StoredEdge) || counts.refs == 0
        || counts.refs > sectionBytes / sizeof(quint32))
        return QStringLiteral("is corrupt (counts)");
    network.nodes.resize(counts.nodes);
    network.shape.resize(counts.shape);
    edges.resize(counts.edges);
    if (!reader.read(network.nodes.data(), counts.nodes) || !reader.read(network.shape.data(), counts.shape)
        || !reader.read(edges.data(), counts.edges))
        return QStringLiteral("is corrupt (arrays)");
    return std::nullopt;
}

// A text stored as its UTF-8 length and bytes; none when the length is beyond the section.
// `utf8` is the caller's buffer, reused from one text to the next.
std::optional<QString> readText(PayloadReader& reader, quint64 sectionBytes, QByteArray& utf8)
{
    quint32 length = 0;
    if (!reader.read(&length, 1) || length > sectionBytes) return std::nullopt;
    utf8.resize(length);
    if (!reader.read(utf8.data(), length)) return std::nullopt;
    return QString::fromUtf8(utf8);
}

// The road references, then the name of the network file.
Refusal readTexts(PayloadReader& reader, quint64 sectionBytes, quint64 refCount, NetworkInput& network)
{
    network.refs.clear();
    network.refs.reserve(refCount);
    QByteArray utf8;
    for (quint64 r = 0; r < refCount; ++r) {
        std::optional<QString> ref = readText(reader, sectionBytes, utf8);
        if (!ref) return QStringLiteral("is corrupt (refs)");
        network.refs.push_back(std::move(*ref));
    }
    std::optional<QString> sourceFile = readText(reader, sectionBytes, utf8);
    if (!sourceFile) return QStringLiteral("is corrupt");
    network.sourceFile = std::move(*sourceFile);
    return std::nullopt;
}

// The spatial index's bytes, which end the section.
Refusal readSpatialIndex(PayloadReader& reader, quint64 sectionBytes, std::vector<char>& index)
{
    quint64 indexBytes = 0;
    if (!reader.read(&indexBytes, 1) || indexBytes > sectionBytes) return QStringLiteral("is corrupt (index)");
    index.resize(indexBytes);
    if (!reader.read(index.data(), indexBytes) || !reader.atEnd()) return QStringLiteral("is corrupt (index)");
    return std::nullopt;
}

// The network section, every count and length checked against its size (a corrupt one must
// not make us allocate or read past it).
Refusal readNetworkSection(const uchar* data, quint64 sectionBytes, Counts& counts, std::vector<StoredEdge>& edges,
                           PreparedNetwork& prepared)
{
    PayloadReader reader(data, sectionBytes);
    if (auto why = readArrays(reader, sectionBytes, counts, prepared.network, edges)) return why;
    if (auto why = readTexts(reader, sectionBytes, counts.refs, prepared.network)) return why;
    return readSpatialIndex(reader, sectionBytes, prepared.spatialIndex);
}

// The stored edges as the network's, each refused when it names a node, shape point, ref or
// class that is not there.
Refusal convertEdges(const std::vector<StoredEdge>& edges, const Counts& counts, std::vector<NetworkEdge>& out)
{
    out.resize(edges.size());
    for (std::size_t e = 0; e < edges.size(); ++e) {
        const StoredEdge& stored = edges[e];
        if (stored.from >= counts.nodes || stored.to >= counts.nodes || stored.shapeBegin > stored.shapeEnd
            || stored.shapeEnd > counts.shape || stored.refIndex >= counts.refs || stored.roadClass >= kRoadClassCount)
            return QStringLiteral("is corrupt (edge %1)").arg(e);
        NetworkEdge& edge = out[e];
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
    return std::nullopt;
}

}  // namespace

QString preparedNetworkPathFor(const QString& projectPath) { return projectPath + QStringLiteral(".network"); }

NetworkFileIdentity networkFileIdentity(const QString& networkPath, const QString& preparedPath)
{
    const QFileInfo info(networkPath);
    if (!info.exists()) throw Error(QStringLiteral("cannot open %1: no such file").arg(networkPath));
    NetworkFileIdentity identity;
    identity.bytes = info.size();
    identity.modifiedMs = info.lastModified().toMSecsSinceEpoch();
    if (!preparedPath.isEmpty()) {
        const std::optional<Header> header = readHeader(preparedPath);
        if (header && header->sourceBytes == identity.bytes && header->sourceModifiedMs == identity.modifiedMs) {
            identity.sha1 = QByteArray(header->sourceDigest, kDigestBytes);
            return identity;
        }
    }
    identity.sha1 = fileSha1(networkPath);
    identity.hashed = true;
    return identity;
}

QByteArray preparedNetworkKey(const QString& networkPath, const SpeedProfile& profile, const LineLayerOptions& lineOptions,
                              const std::vector<TownAnchor>& towns)
{
    return preparedNetworkKey(networkFileIdentity(networkPath), profile, lineOptions, towns);
}

QByteArray preparedNetworkKey(const NetworkFileIdentity& source, const SpeedProfile& profile,
                              const LineLayerOptions& lineOptions, const std::vector<TownAnchor>& towns)
{
    QCryptographicHash key(QCryptographicHash::Sha1);
    QByteArray identity;
    QDataStream stream(&identity, QIODevice::WriteOnly);
    stream << kPreparedNetworkVersion << source.bytes << source.modifiedMs;
    key.addData(identity);
    // The content too: a file replaced by another of the same size within the same second
    // (a copy, an extraction script) must not reuse the old network.
    key.addData(source.sha1);
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
    if (const auto why = headerProblem(header, key, size, reinterpret_cast<const char*>(mapped) + sizeof(Header)))
        return refuse(*why);

    PreparedNetwork prepared;
    Counts counts;
    std::vector<StoredEdge> edges;
    if (const auto why = readNetworkSection(mapped + sizeof(Header), header.networkBytes, counts, edges, prepared))
        return refuse(*why);
    if (!readLinksSection(mapped + sizeof(Header) + header.networkBytes, header.linksBytes, prepared.links))
        return refuse(QStringLiteral("is corrupt (links)"));
    prepared.source.bytes = header.sourceBytes;
    prepared.source.modifiedMs = header.sourceModifiedMs;
    prepared.source.sha1 = QByteArray(header.sourceDigest, kDigestBytes);
    if (const auto why = convertEdges(edges, counts, prepared.network.edges)) return refuse(*why);
    prepared.connectors = {counts.towns, counts.connectors, counts.edgesSplit, counts.connectorKm};
    return prepared;
}

void writePreparedNetwork(const QString& path, const QByteArray& key, const PreparedNetwork& prepared)
{
    const NetworkInput& network = prepared.network;
    QByteArray payload;
    Counts counts{
        network.nodes.size(),      network.shape.size(),           network.edges.size(),           network.refs.size(),
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
        edges[e] = StoredEdge{edge.from,     edge.to,       edge.metres,         edge.seconds,           edge.shapeBegin,
                              edge.shapeEnd, edge.refIndex, quint8(edge.oneway), quint8(edge.roadClass), {}};
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
    if (prepared.source.sha1.size() == kDigestBytes) {
        std::memcpy(header.sourceDigest, prepared.source.sha1.constData(), kDigestBytes);
        header.sourceBytes = prepared.source.bytes;
        header.sourceModifiedMs = prepared.source.modifiedMs;
    } else {
        header.sourceBytes = -1;  // unknown: the network file is hashed again next time
    }
    writeSections(path, header, payload, linksSection(prepared.links));
}

bool writePreparedLinks(const QString& path, const QByteArray& key, const PreparedLinks& links)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() < qint64(sizeof(Header))) return false;
    const uchar* mapped = file.map(0, file.size());
    if (!mapped) return false;
    Header header;
    std::memcpy(&header, mapped, sizeof(Header));
    const auto size = static_cast<std::size_t>(file.size());
    if (std::memcmp(header.magic, kMagic, sizeof(kMagic)) != 0 || header.version != kPreparedNetworkVersion
        || QByteArray(header.key, kDigestBytes) != key || header.networkBytes > size - sizeof(Header))
        return false;
    const QByteArrayView network(reinterpret_cast<const char*>(mapped) + sizeof(Header), qsizetype(header.networkBytes));
    // The network section is copied as it is: it must still be the one its checksum names.
    if (checksum64(network.data(), std::size_t(network.size())) != header.networkChecksum) return false;
    writeSections(path, header, network, linksSection(links));
    return true;
}

}  // namespace maillage
