#include "store/gpkg_geometry.h"

#include <QtEndian>

#include <bit>
#include <cmath>
#include <cstdint>

namespace maillage::gpkg {
namespace {

constexpr quint8 kLittleEndianFlag = 0x01;  // bit 0: byte order of the header
constexpr quint8 kEmptyFlag = 0x10;         // bit 4: empty geometry
constexpr quint8 kExtendedFlag = 0x20;      // bit 5: non-standard geometry type
constexpr int kHeaderSize = 8;              // magic, version, flags, srs_id
constexpr quint32 kWkbPoint = 1;

void appendUint32LE(QByteArray& out, quint32 value)
{
    const quint32 le = qToLittleEndian(value);
    out.append(reinterpret_cast<const char*>(&le), sizeof le);
}

void appendDoubleLE(QByteArray& out, double value)
{
    const quint64 le = qToLittleEndian(std::bit_cast<quint64>(value));
    out.append(reinterpret_cast<const char*>(&le), sizeof le);
}

// Bytes taken by the envelope for the indicator in bits 1-3 of the flags; -1 if invalid.
int envelopeSize(quint8 flags)
{
    switch ((flags >> 1) & 0x07) {
    case 0: return 0;   // no envelope
    case 1: return 32;  // x, y
    case 2:
    case 3: return 48;  // x, y and z or m
    case 4: return 64;  // x, y, z, m
    default: return -1;
    }
}

quint32 readUint32(const char* data, bool littleEndian)
{
    return littleEndian ? qFromLittleEndian<quint32>(data) : qFromBigEndian<quint32>(data);
}

double readDouble(const char* data, bool littleEndian)
{
    const quint64 bits = littleEndian ? qFromLittleEndian<quint64>(data) : qFromBigEndian<quint64>(data);
    return std::bit_cast<double>(bits);
}

}  // namespace

QByteArray encodePoint(XY p, int srsId)
{
    QByteArray blob;
    blob.reserve(kHeaderSize + 32 + 21);
    blob.append("GP", 2);
    blob.append(char(0));                             // version 1 of the blob format
    blob.append(char(kLittleEndianFlag | (1 << 1)));  // envelope [minx, maxx, miny, maxy]
    appendUint32LE(blob, static_cast<quint32>(srsId));
    for (double v : {p.x, p.x, p.y, p.y}) appendDoubleLE(blob, v);
    blob.append(char(1));  // WKB little endian
    appendUint32LE(blob, kWkbPoint);
    appendDoubleLE(blob, p.x);
    appendDoubleLE(blob, p.y);
    return blob;
}

std::optional<XY> decodePoint(const QByteArray& blob)
{
    if (blob.size() < kHeaderSize || blob[0] != 'G' || blob[1] != 'P' || blob[2] != 0) return std::nullopt;
    const quint8 flags = static_cast<quint8>(blob[3]);
    const int envelope = envelopeSize(flags);
    if ((flags & (kEmptyFlag | kExtendedFlag)) || envelope < 0) return std::nullopt;

    return decodeWkbPoint(blob.mid(kHeaderSize + envelope));
}

std::optional<XY> decodeWkbPoint(const QByteArray& wkb)
{
    if (wkb.size() < 5 + 16) return std::nullopt;
    const char* data = wkb.constData();
    const bool littleEndian = data[0] == 1;
    // 1, 1001, 2001, 3001: Point, Point Z, Point M, Point ZM; x and y always come first.
    if (readUint32(data + 1, littleEndian) % 1000 != kWkbPoint) return std::nullopt;
    const XY p{readDouble(data + 5, littleEndian), readDouble(data + 13, littleEndian)};
    if (std::isnan(p.x) || std::isnan(p.y))  // WKB's way of writing POINT EMPTY
        return std::nullopt;
    return p;
}

}  // namespace maillage::gpkg
