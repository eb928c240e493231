#pragma once

#include "map/map_layer.h"

#include <QImage>
#include <QLineF>
#include <QVector>

#include <array>

namespace maillage::gui {

class CoverageController;

// The travel-time surface of the displayed level as isochrone bands (0–10, 10–20, 20–30,
// > 30 min), one image pixel per grid cell, drawn under the roads.
class IsochroneLayer : public MapLayer {
    Q_OBJECT
public:
    IsochroneLayer(CoverageController& coverage, QObject* parent = nullptr);
    void render(QPainter& painter, const ViewTransform& view) const override;
    std::vector<LegendEntry> legend() const override;
    bool hasContent() const override { return !image_.isNull(); }

    static constexpr std::array<double, 3> kBreaks{10.0, 20.0, 30.0};
    static constexpr std::array<QRgb, 4> kColours{0xff1a9641, 0xffa6d96a, 0xfffdae61, 0xffd7191c};
    static constexpr QRgb kUnreachable = 0xff7b3294;

private:
    void rebuild();
    CoverageController& coverage_;
    QImage image_;
};

// Zones beyond the threshold: every cell over it filled with the gap colour, outlined by
// the cell edges between gap and non-gap cells (merged into long axis-parallel segments, so
// the outline costs little to draw even while a point is dragged).
class GapLayer : public MapLayer {
    Q_OBJECT
public:
    GapLayer(CoverageController& coverage, QObject* parent = nullptr);
    void render(QPainter& painter, const ViewTransform& view) const override;
    std::vector<LegendEntry> legend() const override;
    bool hasContent() const override { return !image_.isNull(); }

    static constexpr QRgb kGapColour = 0xffc2185b;
    static constexpr QRgb kGapOutline = 0xff6a0f32;

private:
    void rebuild();
    CoverageController& coverage_;
    QImage image_;
    QVector<QLineF> outline_;  // map coordinates
};

}  // namespace maillage::gui
