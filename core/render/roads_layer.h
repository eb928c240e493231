#pragma once

#include "network/network_input.h"
#include "render/map_layer.h"

#include <QPainterPath>

#include <array>
#include <memory>
#include <vector>

namespace maillage::render {

// The road network by class: motorways and trunk roads wide and warm, minor roads thin
// and grey. Drawn from the network's own segments (as the graph sees them).
class RoadsLayer : public MapLayer {
    Q_OBJECT
public:
    RoadsLayer(std::shared_ptr<const NetworkInput> network, QObject* parent = nullptr);
    void render(QPainter& painter, const ViewTransform& view) const override;
    std::vector<LegendEntry> legend() const override;
    std::vector<LegendEntry> printLegend(const BBox& extent) const override;
    bool hasContent() const override { return network_ != nullptr; }

    // The drawing groups, from the most important.
    enum Group { Motorway, Trunk, Primary, Secondary, Minor, GroupCount };
    static Group groupOf(RoadClass roadClass);

private:
    // Each group's roads in square tiles, so that a view draws (and a PDF page writes) only
    // the tiles it shows.
    struct Tile {
        QPainterPath path;
        QRectF box;
    };
    std::shared_ptr<const NetworkInput> network_;
    std::array<std::vector<Tile>, GroupCount> tiles_;
};

}  // namespace maillage::render
