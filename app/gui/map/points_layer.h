#pragma once

#include "map/map_layer.h"
#include "map/point_symbols.h"

#include <QHash>
#include <QImage>

namespace maillage::gui {

class Project;

// The accueil points of the project, drawn at every frame (they move under the mouse),
// first level below second and third.
class PointsLayer : public MapLayer {
    Q_OBJECT
public:
    PointsLayer(Project& project, QObject* parent = nullptr);
    bool isCached() const override { return false; }
    void render(QPainter& painter, const ViewTransform& view) const override;
    std::vector<LegendEntry> legend() const override;
    BBox extent() const override;

    // The point drawn under a screen position (the topmost), or 0.
    qint64 pointAt(const ViewTransform& view, QPointF screen, double tolerancePixels = 6.0) const;
    // Points drawn inside a screen rectangle.
    QList<qint64> pointsIn(const ViewTransform& view, const QRectF& screenRect) const;

private:
    // Symbols grow a little when zooming in, so a town's points stay easy to grab.
    static double symbolScale(const ViewTransform& view);
    // Symbols are drawn once per style into small images, then blitted: a few hundred
    // points then cost well under a millisecond per frame, which matters while dragging.
    const QImage& symbolImage(const PointStyle& style, double scale, qreal pixelRatio) const;
    Project& project_;
    mutable QHash<QString, QImage> symbols_;
};

}  // namespace maillage::gui
