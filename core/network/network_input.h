#pragma once

#include "geo/types.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace maillage {

// Road classes known to the speed profiles, from fastest to slowest. OSM `highway=*`
// values and the `class` field of generalised networks map onto these.
enum class RoadClass : std::uint8_t {
    Motorway,
    MotorwayLink,
    Trunk,
    TrunkLink,
    Primary,
    PrimaryLink,
    Secondary,
    SecondaryLink,
    Tertiary,
    TertiaryLink,
    Unclassified,
    Residential,
    LivingStreet,
    Service,
    Track,
    Unknown,
};
constexpr int kRoadClassCount = static_cast<int>(RoadClass::Unknown) + 1;

// One road segment between two junctions, as extracted from a source (OSM way split at
// shared nodes, or an OGR line split where it meets other lines). This is the hand-off
// between extraction (network/extract_*) and the routable graph (network/road_graph.h).
struct NetworkEdge {
    std::uint32_t from = 0;  // index into NetworkInput::nodes
    std::uint32_t to = 0;
    double metres = 0.0;   // road length: shape length (Lambert-93 m) × the profile's detour factor
    double seconds = 0.0;  // travel time from -> to with the profile applied
    bool oneway = false;   // true: only from -> to may be driven
    RoadClass roadClass = RoadClass::Unknown;
    std::uint32_t shapeBegin = 0;  // [shapeBegin, shapeEnd) in NetworkInput::shape; the
    std::uint32_t shapeEnd = 0;    // first and last shape points are the end nodes
    std::uint32_t refIndex = 0;    // index into NetworkInput::refs ("" at index 0 = no ref)
};

// A road network ready to become a graph, in Lambert-93.
struct NetworkInput {
    QString sourceFile;
    std::vector<XY> nodes;
    std::vector<XY> shape;
    std::vector<NetworkEdge> edges;
    std::vector<QString> refs{QString()};  // road references, e.g. "D900", "N85"; for closures
};

}  // namespace maillage
