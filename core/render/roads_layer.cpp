#include "render/roads_layer.h"

#include "network/town_connectors.h"

#include <QPainter>

#include <algorithm>
#include <cmath>
#include <map>

namespace maillage::render {
namespace {

struct GroupStyle {
    QRgb colour;
    double width;  // pixels at the département scale
};

constexpr std::array<GroupStyle, RoadsLayer::GroupCount> kStyles{{
    {0xffd2452f, 2.6},  // motorway
    {0xffe07b2f, 2.1},  // trunk
    {0xffd9a520, 1.6},  // primary
    {0xff5f5548, 1.0},  // secondary
    {0xff7d7569, 0.7},  // minor
}};

QPen roadPen(RoadsLayer::Group group, double scaleBoost)
{
    QPen pen(QColor::fromRgba(kStyles[group].colour), kStyles[group].width * scaleBoost, Qt::SolidLine, Qt::RoundCap,
             Qt::RoundJoin);
    pen.setCosmetic(true);
    return pen;
}

// True when a vertex of the path lies in the rectangle (roads have one every few hundred
// metres at most, so this finds the groups a map frame shows).
bool hasVertexIn(const QPainterPath& path, const QRectF& area)
{
    for (int i = 0; i < path.elementCount(); ++i)
        if (area.contains(QPointF(path.elementAt(i)))) return true;
    return false;
}

}  // namespace

RoadsLayer::Group RoadsLayer::groupOf(RoadClass c)
{
    switch (c) {
    case RoadClass::Motorway:
    case RoadClass::MotorwayLink: return Motorway;
    case RoadClass::Trunk:
    case RoadClass::TrunkLink: return Trunk;
    case RoadClass::Primary:
    case RoadClass::PrimaryLink: return Primary;
    case RoadClass::Secondary:
    case RoadClass::SecondaryLink:
    case RoadClass::Tertiary:
    case RoadClass::TertiaryLink: return Secondary;
    default: return Minor;
    }
}

RoadsLayer::RoadsLayer(std::shared_ptr<const NetworkInput> network, QObject* parent)
    : MapLayer(QStringLiteral("roads"), tr("Routes"), parent), network_(std::move(network))
{
    if (!network_) return;
    // Town connectors (added to coarse networks at the town halls) are not roads to show.
    std::uint32_t connectorRef = 0;
    for (std::uint32_t i = 1; i < network_->refs.size(); ++i)
        if (network_->refs[i] == townConnectorRef()) connectorRef = i;
    constexpr double kTileMetres = 10000.0;
    std::array<std::map<std::pair<int, int>, QPainterPath>, GroupCount> tiled;
    for (const NetworkEdge& edge : network_->edges) {
        if (connectorRef != 0 && edge.refIndex == connectorRef) continue;
        const XY first =
            edge.shapeEnd <= edge.shapeBegin + 1 ? network_->nodes[edge.from] : network_->shape[edge.shapeBegin];
        const std::pair<int, int> tile{int(std::floor(first.x / kTileMetres)), int(std::floor(first.y / kTileMetres))};
        QPainterPath& path = tiled[groupOf(edge.roadClass)][tile];
        if (edge.shapeEnd <= edge.shapeBegin + 1) {
            const XY b = network_->nodes[edge.to];
            path.moveTo(first.x, first.y);
            path.lineTo(b.x, b.y);
            continue;
        }
        path.moveTo(first.x, first.y);
        for (std::uint32_t i = edge.shapeBegin + 1; i < edge.shapeEnd; ++i)
            path.lineTo(network_->shape[i].x, network_->shape[i].y);
    }
    for (int g = 0; g < GroupCount; ++g)
        for (auto& [key, path] : tiled[g]) tiles_[g].push_back({path, path.controlPointRect()});
}

void RoadsLayer::render(QPainter& painter, const ViewTransform& view) const
{
    const BBox visible = view.visibleExtent();
    const QRectF extent(visible.minX, visible.minY, visible.width(), visible.height());
    painter.setTransform(view.transform(), true);
    painter.setBrush(Qt::NoBrush);
    // Roads thicken a little when zooming in, so they stay readable on a valley scale.
    const double boost = view.metresPerPixel() < 40 ? 1.6 : view.metresPerPixel() < 100 ? 1.25 : 1.0;
    for (int g = GroupCount - 1; g >= 0; --g) {  // most important on top
        painter.setPen(roadPen(static_cast<Group>(g), boost));
        for (const Tile& tile : tiles_[g])
            if (tile.box.intersects(extent)) painter.drawPath(tile.path);
    }
}

std::vector<LegendEntry> RoadsLayer::legend() const { return printLegend({}); }

std::vector<LegendEntry> RoadsLayer::printLegend(const BBox& extent) const
{
    const QString labels[GroupCount] = {tr("Autoroute"), tr("Route nationale / voie rapide"), tr("Route principale"),
                                        tr("Route secondaire"), tr("Autre route")};
    const QRectF area(extent.minX, extent.minY, extent.width(), extent.height());
    std::vector<LegendEntry> entries;
    for (int g = 0; g < GroupCount; ++g) {
        const auto shown = [&](const Tile& tile) {
            return extent.isEmpty() || (tile.box.intersects(area) && hasVertexIn(tile.path, area));
        };
        if (std::none_of(tiles_[g].begin(), tiles_[g].end(), shown)) continue;
        QPen pen = roadPen(static_cast<Group>(g), 1.0);
        pen.setCosmetic(false);
        entries.push_back({LegendEntry::Kind::Line,
                           [pen](QPainter& p, const QRectF& box) {
                               p.setPen(pen);
                               p.drawLine(QPointF(box.left() + 2, box.center().y()),
                                          QPointF(box.right() - 2, box.center().y()));
                           },
                           labels[g]});
    }
    return entries;
}

}  // namespace maillage::render
