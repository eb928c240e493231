#pragma once

#include "render/map_layer.h"
#include "render/point_symbols.h"

#include <QHash>
#include <QImage>
#include <QList>

#include <vector>

namespace maillage::render {

// Accueil points, drawn at every frame on screen (they move under the mouse), first level
// below second and third. The points are its own (setPoints) unless a subclass follows a
// live source (the application's project) through currentPoints() and isSelected().
class PointsLayer : public MapLayer {
    Q_OBJECT
public:
    explicit PointsLayer(QObject* parent = nullptr);

    void setPoints(std::vector<AccueilPoint> points);
    // The legend lists the planned, closed and outside-territory symbols even when no point
    // has them (the application's key); a printed map lists only what it shows.
    void setLegendShowsAllStatuses(bool all) { legendShowsAllStatuses_ = all; }

    bool isCached() const override { return false; }
    void render(QPainter& painter, const ViewTransform& view) const override;
    std::vector<LegendEntry> legend() const override;
    std::vector<LegendEntry> printLegend(const BBox& extent) const override;
    BBox extent() const override;

    // The point drawn under a screen position (the topmost), or 0.
    qint64 pointAt(const ViewTransform& view, QPointF screen, double tolerancePixels = 6.0) const;
    // Points drawn inside a screen rectangle.
    QList<qint64> pointsIn(const ViewTransform& view, const QRectF& screenRect) const;

protected:
    virtual const std::vector<AccueilPoint>& currentPoints() const { return points_; }
    virtual bool isSelected(qint64) const { return false; }

private:
    std::vector<LegendEntry> legendOf(const BBox& extent, bool allStatuses, bool print) const;
    // Symbols grow a little when zooming in, so a town's points stay easy to grab.
    static double symbolScale(const ViewTransform& view);
    // Symbols are drawn once per style into small images, then blitted: a few hundred
    // points then cost well under a millisecond per frame, which matters while dragging.
    const QImage& symbolImage(const PointStyle& style, double scale, qreal pixelRatio) const;
    std::vector<AccueilPoint> points_;
    bool legendShowsAllStatuses_ = true;
    mutable QHash<QString, QImage> symbols_;
};

}  // namespace maillage::render
