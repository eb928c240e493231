#include "render/view_transform.h"

#include <algorithm>
#include <cmath>

namespace maillage::render {
namespace {
// Zoom limits: from a street (0.2 m/px) to a whole country (5 km/px).
constexpr double kMinMetresPerPixel = 0.2;
constexpr double kMaxMetresPerPixel = 5000.0;
constexpr double kMetresPerInch = 0.0254;
}  // namespace

ViewTransform::ViewTransform(XY centre, double metresPerPixel, QSize widgetSize)
    : centre_(centre),
      metresPerPixel_(std::clamp(metresPerPixel, kMinMetresPerPixel, kMaxMetresPerPixel)),
      size_(widgetSize.expandedTo(QSize(1, 1)))
{
}

QPointF ViewTransform::toScreen(XY p) const
{
    return {(p.x - centre_.x) / metresPerPixel_ + size_.width() / 2.0,
            size_.height() / 2.0 - (p.y - centre_.y) / metresPerPixel_};
}

XY ViewTransform::toMap(QPointF s) const
{
    return {centre_.x + (s.x() - size_.width() / 2.0) * metresPerPixel_,
            centre_.y - (s.y() - size_.height() / 2.0) * metresPerPixel_};
}

QTransform ViewTransform::transform() const
{
    const double k = 1.0 / metresPerPixel_;
    return QTransform(k, 0, 0, -k, size_.width() / 2.0 - centre_.x * k, size_.height() / 2.0 + centre_.y * k);
}

BBox ViewTransform::visibleExtent() const
{
    BBox box;
    box.expand(toMap(QPointF(0, 0)));
    box.expand(toMap(QPointF(size_.width(), size_.height())));
    return box;
}

double ViewTransform::scaleDenominator(double dotsPerInch) const { return metresPerPixel_ * dotsPerInch / kMetresPerInch; }

ViewTransform ViewTransform::fitting(const BBox& box, QSize widgetSize, int marginPixels)
{
    if (box.isEmpty()) return ViewTransform({}, 100.0, widgetSize);
    const double w = std::max(1, widgetSize.width() - 2 * marginPixels);
    const double h = std::max(1, widgetSize.height() - 2 * marginPixels);
    const double mpp = std::max({box.width() / w, box.height() / h, kMinMetresPerPixel});
    return ViewTransform({(box.minX + box.maxX) / 2, (box.minY + box.maxY) / 2}, mpp, widgetSize);
}

ViewTransform ViewTransform::zoomedAt(QPointF anchor, double factor) const
{
    const XY fixed = toMap(anchor);
    ViewTransform zoomed(centre_, metresPerPixel_ / factor, size_);
    // Shift so that `fixed` is again under `anchor`.
    const XY now = zoomed.toMap(anchor);
    zoomed.centre_ = {centre_.x + fixed.x - now.x, centre_.y + fixed.y - now.y};
    return zoomed;
}

ViewTransform ViewTransform::panned(QPointF pixels) const
{
    return withCentre({centre_.x - pixels.x() * metresPerPixel_, centre_.y + pixels.y() * metresPerPixel_});
}

}  // namespace maillage::render
