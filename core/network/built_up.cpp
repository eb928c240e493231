#include "network/built_up.h"

#include "network/curvature.h"
#include "network/speed_profile.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_map>

namespace maillage {
namespace {

constexpr double kSampleMetres = 50.0;

bool isStreet(RoadClass roadClass)
{
    switch (roadClass) {
    case RoadClass::Motorway:
    case RoadClass::MotorwayLink:
    case RoadClass::TrunkLink:
    case RoadClass::PrimaryLink:
    case RoadClass::SecondaryLink:
    case RoadClass::TertiaryLink:
    case RoadClass::Service:
    case RoadClass::Track: return false;
    default: return true;
    }
}

// Junctions bucketed in square cells of one radius: a query looks at the 3 × 3 cells around.
class JunctionGrid {
public:
    JunctionGrid(const NetworkInput& network, double cellMetres) : cell_(cellMetres)
    {
        std::vector<std::uint8_t> streets(network.nodes.size(), 0);
        for (const NetworkEdge& edge : network.edges) {
            if (!isStreet(edge.roadClass)) continue;
            for (const std::uint32_t node : {edge.from, edge.to})
                if (streets[node] < 3) ++streets[node];
        }
        for (std::size_t node = 0; node < network.nodes.size(); ++node)
            if (streets[node] >= 3) cells_[key(network.nodes[node])].push_back(network.nodes[node]);
    }

    int countWithin(XY point, double radius, int enough) const
    {
        const auto cx = static_cast<std::int64_t>(std::floor(point.x / cell_));
        const auto cy = static_cast<std::int64_t>(std::floor(point.y / cell_));
        int count = 0;
        for (std::int64_t dx = -1; dx <= 1; ++dx)
            for (std::int64_t dy = -1; dy <= 1; ++dy) {
                const auto found = cells_.find(pack(cx + dx, cy + dy));
                if (found == cells_.end()) continue;
                for (const XY junction : found->second) {
                    const double ex = junction.x - point.x, ey = junction.y - point.y;
                    if (ex * ex + ey * ey <= radius * radius && ++count >= enough) return count;
                }
            }
        return count;
    }

private:
    static std::int64_t pack(std::int64_t x, std::int64_t y) { return (x << 32) ^ (y & 0xffffffff); }
    std::int64_t key(XY point) const
    {
        return pack(static_cast<std::int64_t>(std::floor(point.x / cell_)),
                    static_cast<std::int64_t>(std::floor(point.y / cell_)));
    }

    double cell_;
    std::unordered_map<std::int64_t, std::vector<XY>> cells_;
};

}  // namespace

std::vector<float> builtUpShares(const NetworkInput& network, const BuiltUpRule& rule)
{
    std::vector<float> shares(network.edges.size(), 0.0f);
    if (rule.radiusMetres <= 0.0 || rule.minJunctions <= 0) return shares;
    const JunctionGrid junctions(network, rule.radiusMetres);
    for (std::size_t e = 0; e < network.edges.size(); ++e) {
        const NetworkEdge& edge = network.edges[e];
        if (edge.roadClass == RoadClass::Motorway || edge.roadClass == RoadClass::MotorwayLink) continue;
        const std::span<const XY> shape(network.shape.data() + edge.shapeBegin, network.shape.data() + edge.shapeEnd);
        const double length = shapeLengthMetres(shape);
        const int samples = std::max(1, static_cast<int>(std::ceil(length / kSampleMetres)));
        int inside = 0;
        std::size_t segment = 0;
        double segmentStart = 0.0;
        for (int k = 0; k < samples; ++k) {
            const double s = (k + 0.5) * length / samples;
            // Walk forward to the segment holding s.
            while (segment + 2 < shape.size()
                   && segmentStart
                              + std::hypot(shape[segment + 1].x - shape[segment].x, shape[segment + 1].y - shape[segment].y)
                          < s) {
                segmentStart += std::hypot(shape[segment + 1].x - shape[segment].x, shape[segment + 1].y - shape[segment].y);
                ++segment;
            }
            const XY a = shape[segment], b = shape[segment + 1];
            const double piece = std::hypot(b.x - a.x, b.y - a.y);
            const double t = piece > 0.0 ? std::clamp((s - segmentStart) / piece, 0.0, 1.0) : 0.0;
            const XY point{a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)};
            if (junctions.countWithin(point, rule.radiusMetres, rule.minJunctions) >= rule.minJunctions) ++inside;
        }
        shares[e] = static_cast<float>(inside) / samples;
    }
    return shares;
}

void timeEdges(NetworkInput& network, std::span<const double> kmh, const SpeedProfile& profile)
{
    std::vector<float> builtUp;
    if (profile.builtUpKmh > 0.0)
        builtUp = builtUpShares(network, {profile.builtUpRadiusMetres, profile.builtUpMinJunctions});
    for (std::size_t e = 0; e < network.edges.size(); ++e) {
        NetworkEdge& edge = network.edges[e];
        const std::span<const XY> shape(network.shape.data() + edge.shapeBegin, network.shape.data() + edge.shapeEnd);
        const double open = drivingSeconds(shape, kmh[e], profile);
        const double share = builtUp.empty() ? 0.0 : builtUp[e];
        edge.seconds = share > 0.0 && kmh[e] > profile.builtUpKmh
                           ? (1.0 - share) * open + share * drivingSeconds(shape, profile.builtUpKmh, profile)
                           : open;
    }
}

}  // namespace maillage
