// Network extraction from an OGR line layer: the input bytes generate a small GeoJSON layer
// in Lambert-93 (lines of a few vertices near each other, so that they share nodes; class,
// ref, speed and oneway values from lists of real and odd values, or raw bytes), then the
// graph is built from it as `maillage coverage` does.
#include "fuzz_support.h"
#include "network/extract_lines.h"
#include "network/road_graph.h"
#include "network/speed_profile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cpl_vsi.h>

namespace {

class Bytes {
public:
    Bytes(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
    bool empty() const { return pos_ >= size_; }
    std::uint8_t next() { return pos_ < size_ ? data_[pos_++] : 0; }
    int coordinate() { return int(std::int8_t(next())) * 8; }  // metres, on an 8 m lattice: shared vertices
    QString text(std::size_t maxLength)
    {
        const std::size_t length = std::min<std::size_t>(next() % (maxLength + 1), size_ - std::min(pos_, size_));
        QString value = QString::fromUtf8(reinterpret_cast<const char*>(data_ + pos_), qsizetype(length));
        pos_ += length;
        return value;
    }

private:
    const std::uint8_t* data_;
    std::size_t size_;
    std::size_t pos_ = 0;
};

const char* const kClasses[] = {"primary", "secondary",      "tertiary",  "residential",    "motorway", "motorway_link",
                                "footway", "Départementale", "Autoroute", "Liaison locale", "",         "unknown",
                                "track",   "service",        "trunk",     "Bretelle"};
const char* const kOneway[] = {"", "yes", "no", "-1", "FT", "TF", "Sens direct", "Sens inverse", "B", "maybe"};

maillage::SpeedProfile profile()
{
    static const maillage::SpeedProfile generalised = maillage::loadSpeedProfile(QStringLiteral("generalised"));
    return generalised;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    maillage::fuzz::quietGdal();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    Bytes bytes(data, size);
    QJsonArray features;
    const int lines = 1 + bytes.next() % 24;
    for (int l = 0; l < lines && !bytes.empty(); ++l) {
        QJsonArray coordinates;
        const int vertices = 1 + bytes.next() % 6;  // a one-vertex line is bad input too
        for (int v = 0; v < vertices; ++v)
            coordinates.append(QJsonArray{950'000 + bytes.coordinate(), 6'340'000 + bytes.coordinate()});
        const std::uint8_t pick = bytes.next();
        QJsonObject properties{
            {QStringLiteral("class"), pick < 240 ? QString::fromUtf8(kClasses[pick % 16]) : bytes.text(12)},
            {QStringLiteral("ref"), (pick & 1) ? QStringLiteral("D%1").arg(bytes.next()) : bytes.text(6)},
            {QStringLiteral("speed"), int(bytes.next()) - 20},
            {QStringLiteral("oneway"), QString::fromUtf8(kOneway[bytes.next() % 10])},
        };
        features.append(
            QJsonObject{{QStringLiteral("type"), QStringLiteral("Feature")},
                        {QStringLiteral("properties"), properties},
                        {QStringLiteral("geometry"), QJsonObject{{QStringLiteral("type"), QStringLiteral("LineString")},
                                                                 {QStringLiteral("coordinates"), coordinates}}}});
    }
    const QJsonObject collection{
        {QStringLiteral("type"), QStringLiteral("FeatureCollection")},
        {QStringLiteral("crs"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("name")},
                     {QStringLiteral("properties"),
                      QJsonObject{{QStringLiteral("name"), QStringLiteral("urn:ogc:def:crs:EPSG::2154")}}}}},
        {QStringLiteral("features"), features}};
    const QString path = maillage::fuzz::memoryFile(QJsonDocument(collection).toJson(QJsonDocument::Compact),
                                                    QStringLiteral("lines.geojson"));
    try {
        maillage::LineLayerOptions options;
        options.speedField = (size & 1) ? QStringLiteral("speed") : QString();
        options.onewayField = QStringLiteral("oneway");
        options.mergeToleranceMetres = 1.0 + (size % 3) * 4.0;
        const maillage::NetworkInput input = maillage::extractLines(path, profile(), options);
        const maillage::RoadGraph graph(input);
        (void)graph.nodeCount();
    } catch (const maillage::Error&) {
    }
    VSIUnlink(path.toUtf8().constData());
    return 0;
}
