#pragma once

#include "render/map_layer.h"

#include <QPainterPath>

#include <memory>
#include <vector>

namespace maillage {
struct ScenarioComparison;
}

namespace maillage::render {

// The planning layers: what a plan changes on the map. They hold what they draw, set by
// whoever shows them (the application's planning panels; a printed comparison).

// Roads closed by the active plan, in red dashes over the roads, and the road segment picked
// with the road tool, in blue.
class ClosedRoadsLayer : public MapLayer {
    Q_OBJECT
public:
    explicit ClosedRoadsLayer(QObject* parent = nullptr);
    void setClosedRoads(const QPainterPath& mapPath);
    void setPickedRoad(const QPainterPath& mapPath);
    void render(QPainter& painter, const ViewTransform& view) const override;
    std::vector<LegendEntry> legend() const override;
    bool hasContent() const override { return !closed_.isEmpty() || !picked_.isEmpty(); }
    const QPainterPath& closedRoads() const { return closed_; }

    static constexpr QRgb kClosedColour = 0xffd0021b;
    static constexpr QRgb kPickedColour = 0xff0a84ff;

private:
    QPainterPath closed_;
    QPainterPath picked_;
};

// Sites suggested by "Suggérer des sites": a ring and the rank of each, bold when chosen.
class SuggestionsLayer : public MapLayer {
    Q_OBJECT
public:
    struct Site {
        XY position;
        int rank = 0;        // 1 = first chosen
        bool chosen = true;  // checked in the results, to be added to a plan
    };
    explicit SuggestionsLayer(QObject* parent = nullptr);
    void setSites(std::vector<Site> sites);
    const std::vector<Site>& sites() const { return sites_; }
    bool isCached() const override { return false; }
    void render(QPainter& painter, const ViewTransform& view) const override;
    std::vector<LegendEntry> legend() const override;
    bool hasContent() const override { return !sites_.empty(); }
    BBox extent() const override;

    static constexpr QRgb kSiteColour = 0xffff8c00;

private:
    std::vector<Site> sites_;
};

// The difference between two scenarios: zones that come within the threshold in B (green)
// and zones that go beyond it (red), from the comparison's difference layer.
class DifferenceLayer : public MapLayer {
    Q_OBJECT
public:
    explicit DifferenceLayer(QObject* parent = nullptr);
    void setComparison(std::shared_ptr<const ScenarioComparison> comparison);
    void render(QPainter& painter, const ViewTransform& view) const override;
    std::vector<LegendEntry> legend() const override;
    bool hasContent() const override { return comparison_ != nullptr; }
    BBox extent() const override;

    static constexpr QRgb kCoveredColour = 0xff1b9e4b;
    static constexpr QRgb kUncoveredColour = 0xffe8291c;

private:
    std::shared_ptr<const ScenarioComparison> comparison_;
    QPainterPath covered_;
    QPainterPath uncovered_;
};

}  // namespace maillage::render
