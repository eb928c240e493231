#pragma once

#include <algorithm>
#include <limits>

namespace maillage {

// A position in the working CRS, Lambert-93 (EPSG:2154), in metres.
struct XY {
    double x = 0.0;
    double y = 0.0;
};

// A geographic position in WGS84 (EPSG:4326), in degrees.
struct LonLat {
    double lon = 0.0;
    double lat = 0.0;
};

struct BBox {
    double minX = std::numeric_limits<double>::infinity();
    double minY = std::numeric_limits<double>::infinity();
    double maxX = -std::numeric_limits<double>::infinity();
    double maxY = -std::numeric_limits<double>::infinity();

    bool isEmpty() const { return minX > maxX || minY > maxY; }
    bool contains(XY p) const { return p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY; }
    void expand(XY p)
    {
        minX = std::min(minX, p.x);
        minY = std::min(minY, p.y);
        maxX = std::max(maxX, p.x);
        maxY = std::max(maxY, p.y);
    }
    void expand(const BBox& b)
    {
        if (b.isEmpty()) return;
        expand(XY{b.minX, b.minY});
        expand(XY{b.maxX, b.maxY});
    }
    double width() const { return maxX - minX; }
    double height() const { return maxY - minY; }
};

}  // namespace maillage
