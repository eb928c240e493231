// The prepared-network file loader (network/prepared_network.h), then what a command does
// with what it loaded: the graph, its spatial index read back (Snapper::fromBytes), a snap.
// The bytes are the file. Each input is read twice: as it is (the header checks: magic,
// version, key, size, checksum), then with its header made consistent (payload size and
// SHA-1 recomputed), so that mutations reach the payload parser behind the checksum — a file
// damaged by a program bug, or crafted, has a valid checksum. Seeds: small prepared networks
// written by fuzz_prepared_network_seed (scripts/fuzz.sh).
#include "fuzz_support.h"
#include "network/prepared_network.h"
#include "network/road_graph.h"
#include "network/snapping.h"

#include <QCryptographicHash>

#include <cstring>

namespace {

// The file's header as prepared_network.cpp writes it (kept in step: the seeds come from
// the real writer, so a layout change shows as seeds no longer read).
struct Header {
    char magic[16];
    quint32 version;
    quint32 reserved;
    char key[20];
    quint64 payloadBytes;
    char payloadDigest[20];
};
static_assert(sizeof(Header) == 80);

QByteArray keyIn(const QByteArray& bytes)
{
    if (bytes.size() < qsizetype(sizeof(Header))) return QByteArray(20, '\0');
    return bytes.mid(offsetof(Header, key), 20);
}

QByteArray withConsistentHeader(QByteArray bytes)
{
    Header header;
    std::memcpy(&header, bytes.constData(), sizeof header);
    const QByteArrayView payload(bytes.constData() + sizeof header, bytes.size() - qsizetype(sizeof header));
    header.payloadBytes = quint64(payload.size());
    const QByteArray digest = QCryptographicHash::hash(payload, QCryptographicHash::Sha1);
    std::memcpy(header.payloadDigest, digest.constData(), 20);
    std::memcpy(bytes.data(), &header, sizeof header);
    return bytes;
}

void use(const maillage::PreparedNetwork& prepared)
{
    const maillage::RoadGraph graph(prepared.network);
    const std::optional<maillage::Snapper> snapper = maillage::Snapper::fromBytes(graph, prepared.spatialIndex);
    if (!snapper || prepared.network.nodes.empty()) return;
    const maillage::XY first = prepared.network.nodes.front();
    (void)snapper->snap({first.x + 30.0, first.y - 20.0});
}

void load(const QByteArray& bytes)
{
    const QString path = maillage::fuzz::scratchFile(bytes, QStringLiteral(".network"));
    QString note;
    try {
        if (const std::optional<maillage::PreparedNetwork> prepared =
                maillage::readPreparedNetwork(path, keyIn(bytes), &note))
            use(*prepared);
        else if (note.isEmpty()) __builtin_trap();  // a refusal always says why
    } catch (const maillage::Error&) {
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    load(bytes);
    if (bytes.size() >= qsizetype(sizeof(Header))) load(withConsistentHeader(bytes));
    return 0;
}
