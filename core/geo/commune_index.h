#pragma once

#include "geo/types.h"

#include <memory>
#include <vector>

class OGRGeometry;

namespace maillage {

// True when p lies inside the polygon(s) of `geometry` (Polygon or MultiPolygon, holes
// respected), tested with OGR's ring tests: no GEOS call, so it is cheap and thread-safe.
bool polygonsContain(const OGRGeometry& geometry, XY p);

// "Which commune holds this point?" for many points (every cell of the coverage grid).
// A uniform grid over the communes' extent: each cell either lies wholly inside one
// commune (answered without any geometry test) or lists the few communes whose outline
// crosses it (exact ring test on those only). Immutable once built: safe to query from
// several threads at once.
class CommuneIndex {
public:
    // `geometries[i]` is the outline of commune i (may be null: never found).
    explicit CommuneIndex(std::vector<std::shared_ptr<const OGRGeometry>> geometries);

    // Index of the commune containing p, or -1.
    int find(XY p) const;

    std::size_t size() const { return geometries_.size(); }
    const std::shared_ptr<const OGRGeometry>& geometry(int i) const { return geometries_[i]; }
    int columns() const { return columns_; }
    int rows() const { return rows_; }

private:
    int cellOf(XY p) const;

    std::vector<std::shared_ptr<const OGRGeometry>> geometries_;
    BBox extent_;
    double cellSize_ = 1.0;
    int columns_ = 0;
    int rows_ = 0;
    std::vector<int> coveredBy_;  // per cell: the commune covering all of it, or -1
    std::vector<int> cellStart_;  // per cell: its candidates are candidates_[start, next start)
    std::vector<int> candidates_;
};

}  // namespace maillage
