#pragma once

#include "geo/territory.h"
#include "render/geometry_path.h"
#include "render/map_layer.h"

#include <QImage>
#include <QLineF>
#include <QPainterPath>
#include <QVector>

#include <array>
#include <span>
#include <vector>

namespace maillage {
class CoverageGrid;
}

namespace maillage::render {

// The travel-time surface cut into areas, for vector output (a PDF): the isochrone bands of
// IsochroneLayer::kBreaks, the unreachable cells and the cells beyond the threshold, each
// polygonised with GDAL and clipped to the territory outline.
struct SurfacePolygons {
    std::array<SharedGeometry, 4> bands;  // [0, 10), [10, 20), [20, 30), >= 30 min
    SharedGeometry unreachable;
    SharedGeometry beyondThreshold;
};
SurfacePolygons surfacePolygons(const Territory& territory, const CoverageGrid& grid, std::span<const float> minutes,
                                double thresholdMinutes, int threads = 1);

// The travel-time surface of the displayed level as isochrone bands (0–10, 10–20, 20–30,
// > 30 min): on screen one image pixel per grid cell, in a PDF the band polygons. Drawn
// under the roads.
class IsochroneLayer : public MapLayer {
    Q_OBJECT
public:
    explicit IsochroneLayer(QObject* parent = nullptr);

    // The surface (minutes per grid cell) of a level.
    void setSurface(const CoverageGrid& grid, std::span<const float> minutes, int level);
    // The surface as polygons, drawn instead of the image on a vector device (or alone).
    void setPolygons(const SurfacePolygons& polygons, int level);
    int level() const { return level_; }

    void render(QPainter& painter, const ViewTransform& view) const override;
    std::vector<LegendEntry> legend() const override;
    std::vector<LegendEntry> printLegend(const BBox& extent) const override;
    bool hasContent() const override { return !image_.isNull() || hasPolygons_; }

    static constexpr std::array<double, 3> kBreaks{10.0, 20.0, 30.0};
    static constexpr std::array<QRgb, 4> kColours{0xff1a9641, 0xffa6d96a, 0xfffdae61, 0xffd7191c};
    static constexpr QRgb kUnreachable = 0xff7b3294;

private:
    std::vector<LegendEntry> legendEntries(bool withUnreachable, bool print) const;
    QImage image_;
    BBox gridExtent_;
    double cellSize_ = 0.0;
    int level_ = 2;
    bool hasPolygons_ = false;
    std::array<AreaParts, 4> bandParts_;
    AreaParts unreachableParts_;
};

// Zones beyond the threshold: every cell over it filled with the gap colour, outlined by
// the cell edges between gap and non-gap cells (merged into long axis-parallel segments, so
// the outline costs little to draw even while a point is dragged). In a PDF, the polygon of
// those cells clipped to the territory.
class GapLayer : public MapLayer {
    Q_OBJECT
public:
    explicit GapLayer(QObject* parent = nullptr);

    void setSurface(const CoverageGrid& grid, std::span<const float> minutes, int level, double thresholdMinutes);
    void setPolygons(const SurfacePolygons& polygons, int level, double thresholdMinutes);
    double thresholdMinutes() const { return thresholdMinutes_; }

    void render(QPainter& painter, const ViewTransform& view) const override;
    std::vector<LegendEntry> legend() const override;
    std::vector<LegendEntry> printLegend(const BBox& extent) const override;
    bool hasContent() const override { return !image_.isNull() || hasPolygons_; }

    static constexpr QRgb kGapColour = 0xffc2185b;
    static constexpr QRgb kGapOutline = 0xff6a0f32;

private:
    QImage image_;
    BBox gridExtent_;
    double cellSize_ = 0.0;
    QVector<QLineF> outline_;  // map coordinates
    int level_ = 2;
    double thresholdMinutes_ = 20.0;
    bool hasPolygons_ = false;
    AreaParts parts_;
};

// What changes from one coverage to another (e.g. the baseline to a plan) at a threshold:
// cells that come within it, cells that go beyond it, and those beyond in both, as
// polygons clipped to the territory outline. Both surfaces are of the same grid.
struct ChangePolygons {
    SharedGeometry covered;
    SharedGeometry uncovered;
    SharedGeometry stillBeyond;
};
ChangePolygons changePolygons(const Territory& territory, const CoverageGrid& grid, std::span<const float> minutesA,
                              std::span<const float> minutesB, double thresholdMinutes, int threads = 1);

// The difference layer of a comparison: zones that become covered (green), uncovered
// (orange-red), and those that stay beyond the threshold (the gap colour, light).
class ChangeLayer : public MapLayer {
    Q_OBJECT
public:
    explicit ChangeLayer(QObject* parent = nullptr);
    void setPolygons(const ChangePolygons& polygons, int level, double thresholdMinutes);

    void render(QPainter& painter, const ViewTransform& view) const override;
    std::vector<LegendEntry> legend() const override;
    std::vector<LegendEntry> printLegend(const BBox& extent) const override;
    bool hasContent() const override { return hasPolygons_; }

    static constexpr QRgb kCovered = 0xff1a9850;
    static constexpr QRgb kUncovered = 0xffe8590c;
    static constexpr QRgb kStillBeyond = 0xffe7a3bf;  // the gap colour, faded

private:
    AreaParts covered_, uncovered_, stillBeyond_;
    int level_ = 2;
    double thresholdMinutes_ = 20.0;
    bool hasPolygons_ = false;
};

}  // namespace maillage::render
