#pragma once

#include "network/network_input.h"
#include "network/speed_profile.h"

#include <QHash>
#include <QString>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <vector>

class OGRSpatialReference;
class OGRCoordinateTransformation;

namespace maillage {

// What an extraction read, kept and skipped, for the user and the tests.
struct ExtractStats {
    QString sourceFile;
    QString layer;
    std::int64_t featuresRead = 0;                   // features (OSM ways, OGR lines) looked at
    std::int64_t featuresUsed = 0;                   // features that became roads
    std::map<QString, std::int64_t> skipped;         // reason ("highway=footway", "access=private"...) -> count
    std::map<QString, std::int64_t> unknownClasses;  // class value not understood -> count (kept as Unknown)
    std::int64_t maxspeedUsed = 0;                   // features whose tagged maxspeed set the speed
    std::int64_t speedFieldUsed = 0;                 // features whose speed field set the speed
    std::int64_t onewayFeatures = 0;
    std::int64_t verticesSnapped = 0;  // vertices moved onto a neighbour within the tolerance
    std::int64_t endsJoined =
        0;  // line ends joined to another line's vertex within the tolerance (not exactly on it): tile-edge cuts
    QString onewayField;   // the field read for one-way roads; empty: none
    double seconds = 0.0;  // wall time of the extraction
    QStringList warnings;

    std::int64_t skippedTotal() const;
    std::int64_t unknownClassTotal() const;
    // "12 × highway=footway, 3 × access=private", most frequent first; empty when none.
    QString skippedSummary() const;
};

// Attributes of one road (an OSM way, an OGR line) for the builder.
struct WayAttributes {
    RoadClass roadClass = RoadClass::Unknown;
    double kmh = 0.0;     // driving speed, from the profile (class, maxspeed) or a speed field
    bool oneway = false;  // only in the order of the vertices given
    QString ref;
};

// Turns roads given as vertex sequences into junction-to-junction edges: a road is split at
// every vertex that another road (or the same road, for loops) also uses, and at its ends.
// Vertices are identified by the caller (exact OSM coordinates, or a tolerance grid), so the
// builder only counts how often each vertex is used.
// Reprojects points in place from `sourceSrs` to Lambert-93, in batches. Throws Error
// naming `file` when PROJ fails.
void reprojectToLambert93(std::vector<XY>& points, const OGRSpatialReference& sourceSrs, const QString& file);

// A transformation from `sourceSrs` to Lambert-93 in x = easting order; throws Error naming file.
struct OgrTransformDeleter {
    void operator()(OGRCoordinateTransformation* transform) const;
};
using OgrTransformPtr = std::unique_ptr<OGRCoordinateTransformation, OgrTransformDeleter>;
OgrTransformPtr transformToLambert93(const OGRSpatialReference& sourceSrs, const QString& file);

class NetworkBuilder {
public:
    explicit NetworkBuilder(const SpeedProfile& profile, QString sourceFile);

    // A new vertex at `position` (Lambert-93); returns its id for addRoad.
    std::uint32_t addVertex(XY position);
    XY vertexPosition(std::uint32_t vertex) const { return vertices_[vertex]; }
    // For callers that identify vertices before projecting them (OSM: exact lon/lat).
    std::vector<XY>& vertexPositions() { return vertices_; }
    std::size_t vertexCount() const { return vertices_.size(); }

    // Adds a road through `vertices` (ids from addVertex). Repeated consecutive vertices are
    // dropped; roads that collapse to one vertex are ignored (returns false).
    bool addRoad(const std::vector<std::uint32_t>& vertices, const WayAttributes& attributes);
    std::size_t roadCount() const { return roads_.size(); }

    // Splits the roads at junctions and computes edge lengths and times.
    NetworkInput build();

private:
    struct Road {
        std::uint32_t firstVertex = 0;  // [firstVertex, lastVertex) in roadVertices_
        std::uint32_t lastVertex = 0;
        RoadClass roadClass = RoadClass::Unknown;
        bool oneway = false;
        float kmh = 0.0f;
        std::uint32_t refIndex = 0;
    };

    std::uint32_t refIndex(const QString& ref);
    void emitEdge(NetworkInput& network, const Road& road, std::uint32_t begin, std::uint32_t end,
                  std::vector<std::uint32_t>& nodeOfVertex);

    const SpeedProfile& profile_;
    QString sourceFile_;
    std::vector<XY> vertices_;
    std::vector<std::uint8_t> useCount_;  // saturates at 2: a vertex used twice is a junction
    std::vector<std::uint32_t> roadVertices_;
    std::vector<Road> roads_;
    std::vector<double> edgeKmh_;  // speed of every emitted edge, in emission order
    std::vector<QString> refs_{QString()};
    QHash<QString, std::uint32_t> refIndexes_;
};

}  // namespace maillage
