#pragma once

#include "geo/types.h"

#include <QPointF>
#include <QRectF>
#include <QSize>
#include <QTransform>

namespace maillage::render {

// How the map (Lambert-93 metres, y up) is laid on the widget (pixels, y down): the map
// position at the widget's centre and the ground size of one pixel.
class ViewTransform {
public:
    ViewTransform() = default;
    ViewTransform(XY centre, double metresPerPixel, QSize widgetSize);

    XY centre() const { return centre_; }
    double metresPerPixel() const { return metresPerPixel_; }
    QSize size() const { return size_; }

    QPointF toScreen(XY p) const;
    XY toMap(QPointF screen) const;
    // The map -> screen transform, for painting paths kept in map coordinates.
    QTransform transform() const;
    // The part of the map the widget shows.
    BBox visibleExtent() const;

    // The scale denominator (1:N) on a screen of the given resolution.
    double scaleDenominator(double dotsPerInch) const;

    // A view showing the whole box with a margin of `marginPixels` all around.
    static ViewTransform fitting(const BBox& box, QSize widgetSize, int marginPixels = 20);

    ViewTransform withCentre(XY centre) const { return {centre, metresPerPixel_, size_}; }
    ViewTransform withSize(QSize size) const { return {centre_, metresPerPixel_, size}; }
    // Zoomed by `factor` (> 1 zooms in) keeping the map point under `anchor` in place.
    ViewTransform zoomedAt(QPointF anchor, double factor) const;
    // Moved so that the map follows the mouse by `pixels`.
    ViewTransform panned(QPointF pixels) const;

    bool operator==(const ViewTransform& other) const
    {
        return centre_.x == other.centre_.x && centre_.y == other.centre_.y && metresPerPixel_ == other.metresPerPixel_
               && size_ == other.size_;
    }

private:
    XY centre_;
    double metresPerPixel_ = 100.0;
    QSize size_{1, 1};
};

}  // namespace maillage::render
