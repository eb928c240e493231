#pragma once

#include "network/extract_lines.h"

#include <QString>

#include <cstdint>

namespace maillage {

// A road network file and how to read it, as a project stores it or a command overrides it
// (--network, --network-layer, --class-field, --oneway-field, --speed-field, --profile).
struct NetworkSource {
    QString path;
    QString layer;        // empty: the first layer
    QString classField;   // empty: "class"
    QString onewayField;  // empty: the layer's "oneway" field when it has one; "none": all two-way
    QString speedField;   // empty: none (km/h, replaces the profile's class speed when > 0)
    QString profile;      // empty: chosen from the network's density (chooseProfile)
};

// Throws Error when there is no road network to read: no path (none given, none saved in the
// project) or no such file.
void requireNetworkFile(const QString& path);

// The line-layer reading options of a source (OpenStreetMap files ignore them).
LineLayerOptions lineLayerOptions(const NetworkSource& source);

// How dense a network's geometry is, from the first few thousand lines of the layer: the
// median distance between consecutive vertices. A coarse network of waypoints (TravelMapping)
// has about 1.6 km; OpenStreetMap or BD TOPO a few tens of metres.
struct NetworkDensity {
    bool known = false;
    double medianSegmentMetres = 0.0;
    std::int64_t segmentsSampled = 0;
    static constexpr double kDetailedBelowMetres = 200.0;
    bool detailed() const { return known && medianSegmentMetres < kDetailedBelowMetres; }
};
// OpenStreetMap files are detailed by nature and not probed. Never throws: an unreadable
// layer gives an unknown density (the reading itself reports the problem).
NetworkDensity probeNetworkDensity(const QString& path, const QString& layer = {});

// The profile to use for a source: the one asked for, else "osm" on a detailed network and
// "generalised" on a coarse one. `warning` is a one-line message when the profile asked for
// does not suit the network (a multi-entry profile on a detailed network: slow and wrong).
struct ProfileChoice {
    QString profile;
    QString reason;   // "detailed network (median segment 21 m)", "asked for"...
    QString warning;  // empty when none
};
ProfileChoice chooseProfile(const NetworkSource& source);

}  // namespace maillage
