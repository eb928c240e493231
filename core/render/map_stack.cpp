#include "render/map_stack.h"

#include "render/boundary_layers.h"
#include "render/coverage_layers.h"
#include "render/map_layer.h"
#include "render/planning_layers.h"
#include "render/points_layer.h"
#include "render/roads_layer.h"

namespace maillage::render {

const std::vector<QString>& mapLayerOrder()
{
    static const std::vector<QString> order{
        QStringLiteral("communes"),    QStringLiteral("bands"),         QStringLiteral("gaps"),
        QStringLiteral("changes"),     QStringLiteral("commune-lines"), QStringLiteral("roads"),
        QStringLiteral("closedRoads"), QStringLiteral("epci"),          QStringLiteral("departement"),
        QStringLiteral("difference"),  QStringLiteral("suggestions"),   QStringLiteral("points"),
        QStringLiteral("labels")};
    return order;
}

MapStack addMapLayers(LayerStack& target, const MapStackParts& parts)
{
    MapStack stack;
    const std::shared_ptr<const Territory>& territory = parts.territory;
    target.add(new CommunesLayer(territory, CommunesLayer::Part::Fill));
    if (parts.coverage) {
        target.add(stack.bands = new IsochroneLayer);
        target.add(stack.gaps = new GapLayer);
    }
    if (parts.changes) target.add(stack.changes = new ChangeLayer);
    target.add(new CommunesLayer(territory, CommunesLayer::Part::Lines));
    if (parts.roads) target.add(new RoadsLayer(parts.roads));
    if (parts.closedRoads) target.add(stack.closedRoads = new ClosedRoadsLayer);
    target.add(new EpciLayer(territory));
    target.add(new OutlineLayer(territory));
    if (parts.planning) {
        target.add(stack.difference = new DifferenceLayer);
        target.add(stack.suggestions = new SuggestionsLayer);
    }
    target.add(stack.points = parts.points ? parts.points : new PointsLayer);
    // Names on top, with their halo, as a map of places does: no symbol hides them (they go
    // beside the symbols the caller gives as obstacles).
    target.add(stack.labels = new CommuneLabelsLayer(territory));
    return stack;
}

}  // namespace maillage::render
