#pragma once

#include "geo/territory.h"
#include "render/map_layer.h"

#include <QColor>
#include <QPainterPath>

#include <memory>
#include <vector>

namespace maillage::render {

// Communes, drawn twice: the land fill at the bottom of the map, the thin outlines above
// the coverage colours so that borders stay visible.
class CommunesLayer : public MapLayer {
    Q_OBJECT
public:
    enum class Part { Fill, Lines };
    CommunesLayer(std::shared_ptr<const Territory> territory, Part part, QObject* parent = nullptr);
    void render(QPainter& painter, const ViewTransform& view) const override;
    std::vector<LegendEntry> legend() const override;
    std::vector<LegendEntry> printLegend(const BBox& extent) const override;
    BBox extent() const override { return territory_->bbox; }

private:
    std::shared_ptr<const Territory> territory_;
    Part part_;
    std::vector<QPainterPath> paths_;
};

// Boundaries drawn as lines of one pen, and shown in the legend as that line.
class BoundaryLinesLayer : public MapLayer {
    Q_OBJECT
public:
    void render(QPainter& painter, const ViewTransform& view) const override;
    std::vector<LegendEntry> legend() const override;

protected:
    struct Line {
        QRgb colour;
        double width;  // a cosmetic pen's: in device units, whatever the zoom
        Qt::PenStyle style;
        QString legendLabel;
    };
    BoundaryLinesLayer(const QString& id, const QString& title, std::vector<QPainterPath> paths, Line line, QObject* parent);

private:
    std::vector<QPainterPath> paths_;
    Line line_;
};

// EPCI (intercommunalités): thicker outlines.
class EpciLayer : public BoundaryLinesLayer {
    Q_OBJECT
public:
    EpciLayer(std::shared_ptr<const Territory> territory, QObject* parent = nullptr);
};

// The département outline.
class OutlineLayer : public BoundaryLinesLayer {
    Q_OBJECT
public:
    OutlineLayer(std::shared_ptr<const Territory> territory, QObject* parent = nullptr);
};

// Commune names, shown when the commune is large enough on screen, biggest towns first,
// never overlapping.
class CommuneLabelsLayer : public MapLayer {
    Q_OBJECT
public:
    CommuneLabelsLayer(std::shared_ptr<const Territory> territory, QObject* parent = nullptr);
    void render(QPainter& painter, const ViewTransform& view) const override;

    // Places the names beside these symbols rather than under them (e.g. the accueil points
    // of a printed map): a name that would touch one moves right, left, above or below it.
    void setObstacles(std::vector<XY> positions, double radiusPixels);

private:
    struct Label {
        QString text;
        XY position;
        double width = 0;   // commune width in metres
        bool town = false;  // emphasised (large population)
    };
    std::vector<Label> labels_;  // by decreasing population
    std::vector<XY> obstacles_;
    double obstacleRadius_ = 0;
};

// The colours of the boundary layers, shared with the legend and the tests.
namespace boundary_style {
inline constexpr QRgb kLand = 0xfff3efe4;
inline constexpr QRgb kCommuneLine = 0xffb4aa96;
inline constexpr QRgb kEpciLine = 0xff7d6b8f;
inline constexpr QRgb kOutlineLine = 0xff2f2f2f;
}  // namespace boundary_style

}  // namespace maillage::render
