#include "network/curvature.h"

#include "network/speed_profile.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace maillage {
namespace {

// Plain square roots rather than std::hypot: this runs some two million times per extraction
// of a département's detailed network, and coordinates in metres cannot overflow.
double squaredDistance(XY a, XY b) { return (b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y); }
double distance(XY a, XY b) { return std::sqrt(squaredDistance(a, b)); }

// Walks along a shape by increasing distance: point at `s` metres from the start.
class ShapeWalker {
public:
    ShapeWalker(std::span<const XY> shape, const std::vector<double>& along) : shape_(shape), along_(along) {}

    XY at(double s)
    {
        // Queries come in increasing order per walker, so the segment index only moves forward.
        while (segment_ + 2 < along_.size() && along_[segment_ + 1] < s) ++segment_;
        const double length = along_[segment_ + 1] - along_[segment_];
        const double t = length > 0.0 ? std::clamp((s - along_[segment_]) / length, 0.0, 1.0) : 0.0;
        const XY a = shape_[segment_], b = shape_[segment_ + 1];
        return {a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)};
    }

private:
    std::span<const XY> shape_;
    const std::vector<double>& along_;
    std::size_t segment_ = 0;
};

constexpr double kStepMetres = 10.0;
// At most this many pieces per edge (1,000 km at kStepMetres): a real edge runs between two
// junctions, a few km; a wrong coordinate can make one thousands of km long, which must not
// walk for minutes (nor overflow the count): such an edge is cut in longer pieces.
constexpr double kMostPieces = 100'000.0;

}  // namespace

double circumradius(XY a, XY b, XY c)
{
    const double abbcca = std::sqrt(squaredDistance(a, b) * squaredDistance(b, c) * squaredDistance(c, a));
    const double twiceArea = std::abs((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x));
    if (twiceArea <= 1e-12 * abbcca) return std::numeric_limits<double>::infinity();
    return abbcca / (2.0 * twiceArea);
}

double shapeLengthMetres(std::span<const XY> shape)
{
    double metres = 0.0;
    for (std::size_t i = 1; i < shape.size(); ++i) metres += distance(shape[i - 1], shape[i]);
    return metres;
}

double drivingSeconds(std::span<const XY> shape, double kmh, const SpeedProfile& profile)
{
    const double halfChord = profile.curvatureHalfChordMetres;
    const double lateral = profile.lateralAccelerationMs2;
    if (lateral <= 0.0 || shape.size() < 3)
        return SpeedProfile::secondsFor(profile.roadMetres(shapeLengthMetres(shape)), kmh);

    thread_local std::vector<double> along;
    along.assign(shape.size(), 0.0);
    for (std::size_t i = 1; i < shape.size(); ++i) along[i] = along[i - 1] + distance(shape[i - 1], shape[i]);
    const double length = along.back();
    if (length < 2.0 * halfChord) return SpeedProfile::secondsFor(profile.roadMetres(length), kmh);

    // The shape in pieces of about kStepMetres; each piece is driven at the speed its middle
    // allows (measured no closer than half a chord to the ends, where the shape stops).
    const int pieces = static_cast<int>(std::clamp(std::ceil(length / kStepMetres), 1.0, kMostPieces));
    const double pieceMetres = length / pieces;
    const double freeMs = kmh / 3.6;
    ShapeWalker behind(shape, along), here(shape, along), ahead(shape, along);
    double seconds = 0.0;
    for (int k = 0; k < pieces; ++k) {
        const double s = std::clamp((k + 0.5) * pieceMetres, halfChord, length - halfChord);
        const double radius = circumradius(behind.at(s - halfChord), here.at(s), ahead.at(s + halfChord));
        // Most of a road is gentler than the bend that would slow the car: no square root there.
        const double bendSquared = lateral * radius;
        seconds += profile.roadMetres(pieceMetres) / (bendSquared < freeMs * freeMs ? std::sqrt(bendSquared) : freeMs);
    }
    return seconds;
}

}  // namespace maillage
