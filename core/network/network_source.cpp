#include "network/network_source.h"

#include "common/error.h"
#include "io/ogr_source.h"
#include "network/extract_osm.h"
#include "network/speed_profile.h"

#include <QFileInfo>

#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace maillage {
namespace {

constexpr int kProbedFeatures = 3000;

}  // namespace

void requireNetworkFile(const QString& path)
{
    if (path.isEmpty())
        throw Error(
            QStringLiteral("no road network: give --network FILE, or save one in the project with "
                           "maillage init --network"));
    if (!QFileInfo::exists(path)) throw Error(QStringLiteral("cannot open the road network %1: no such file").arg(path));
}

LineLayerOptions lineLayerOptions(const NetworkSource& source)
{
    LineLayerOptions options;
    options.layer = source.layer;
    if (!source.classField.isEmpty()) options.classField = source.classField;
    options.onewayField = source.onewayField;
    options.speedField = source.speedField;
    return options;
}

NetworkDensity probeNetworkDensity(const QString& path, const QString& layerName)
{
    NetworkDensity density;
    if (isOsmFile(path)) {
        density.known = true;
        density.medianSegmentMetres = 0.0;  // every node of every way is in the file
        return density;
    }
    try {
        GdalDatasetPtr dataset = openVectorSource(path);
        OGRLayer* layer = findLayer(*dataset, path, layerName);
        const OGRSpatialReference* srs = layer->GetSpatialRef();
        const bool geographic = srs ? srs->IsGeographic() : false;
        std::vector<double> lengths;
        layer->ResetReading();
        int features = 0;
        for (OGRFeatureUniquePtr feature(layer->GetNextFeature()); feature && features < kProbedFeatures;
             feature.reset(layer->GetNextFeature()), ++features) {
            const OGRGeometry* geometry = feature->GetGeometryRef();
            if (!geometry) continue;
            std::vector<const OGRLineString*> parts;
            const auto type = wkbFlatten(geometry->getGeometryType());
            if (type == wkbLineString) parts.push_back(geometry->toLineString());
            else if (type == wkbMultiLineString)
                for (const OGRLineString* part : *geometry->toMultiLineString()) parts.push_back(part);
            for (const OGRLineString* part : parts)
                for (int i = 1; i < part->getNumPoints(); ++i) {
                    double dx = part->getX(i) - part->getX(i - 1), dy = part->getY(i) - part->getY(i - 1);
                    if (geographic) {  // degrees to metres, good enough to tell 20 m from 1.6 km
                        dx *= 111'320.0 * std::cos(part->getY(i) * M_PI / 180.0);
                        dy *= 110'540.0;
                    }
                    lengths.push_back(std::hypot(dx, dy));
                }
        }
        if (lengths.empty()) return density;
        std::nth_element(lengths.begin(), lengths.begin() + lengths.size() / 2, lengths.end());
        density.known = true;
        density.medianSegmentMetres = lengths[lengths.size() / 2];
        density.segmentsSampled = static_cast<std::int64_t>(lengths.size());
    } catch (const Error&) {
    }
    return density;
}

ProfileChoice chooseProfile(const NetworkSource& source)
{
    ProfileChoice choice;
    const NetworkDensity density = probeNetworkDensity(source.path, source.layer);
    const QString densityText = isOsmFile(source.path)
                                    ? QStringLiteral("OpenStreetMap file")
                                    : QStringLiteral("median segment %1 m").arg(std::lround(density.medianSegmentMetres));
    if (source.profile.isEmpty()) {
        choice.profile = density.detailed() ? QStringLiteral("osm") : QStringLiteral("generalised");
        choice.reason = density.detailed() ? QStringLiteral("detailed network (%1)").arg(densityText)
                        : density.known    ? QStringLiteral("coarse network (%1)").arg(densityText)
                                           : QStringLiteral("network density unknown");
        return choice;
    }
    choice.profile = source.profile;
    choice.reason = QStringLiteral("asked for");
    if (!density.detailed()) return choice;
    try {
        const SpeedProfile profile = loadSpeedProfile(source.profile);
        if (profile.accessEntryRadiusMetres > 0.0 && profile.accessMaxEntries > 1)
            choice.warning =
                QStringLiteral(
                    "profile \"%1\" is for coarse networks: it joins each place to up to %2 roads within %3 km, but %4 is "
                    "a detailed network (%5), where that jumps over the local roads and makes every search several times "
                    "slower (04 coverage: 12 s instead of 3 s); use --profile osm")
                    .arg(profile.name.isEmpty() ? source.profile : profile.name)
                    .arg(profile.accessMaxEntries)
                    .arg(profile.accessEntryRadiusMetres / 1000.0)
                    .arg(source.path, densityText);
    } catch (const Error&) {
        // The profile's own loading reports the problem.
    }
    return choice;
}

}  // namespace maillage
