#pragma once

#include <QString>

#include <memory>
#include <vector>

namespace maillage {
struct NetworkInput;
class Territory;
}  // namespace maillage

namespace maillage::render {

class ChangeLayer;
class ClosedRoadsLayer;
class CommuneLabelsLayer;
class DifferenceLayer;
class GapLayer;
class IsochroneLayer;
class LayerStack;
class PointsLayer;
class SuggestionsLayer;

// The map of a project as one list of layers, bottom first, built here for both the
// application's canvas and the print layout so that they draw the same map:
//   communes, bands, gaps, changes, commune-lines, roads, closedRoads, epci, departement,
//   difference, suggestions, points, labels
// (the ids of the layers; see mapLayerOrder). Which of the optional ones a stack has is the
// caller's choice; their content (coverage polygons, closures, sites) is set by the caller.
struct MapStackParts {
    std::shared_ptr<const Territory> territory;  // required; must outlive the layers
    std::shared_ptr<const NetworkInput> roads;   // null: no road layer
    bool coverage = false;                       // access-time bands and the gaps beyond the threshold
    bool changes = false;                        // a comparison's changes of access
    bool closedRoads = false;                    // a plan's closed roads, over the roads
    bool planning = false;                       // the application's difference between plans and suggested sites
    PointsLayer* points = nullptr;               // the points layer (the stack takes it); null: a plain one
};

// The layers built, for the caller to fill or follow (null when not asked for).
struct MapStack {
    IsochroneLayer* bands = nullptr;
    GapLayer* gaps = nullptr;
    ChangeLayer* changes = nullptr;
    ClosedRoadsLayer* closedRoads = nullptr;
    CommuneLabelsLayer* labels = nullptr;
    DifferenceLayer* difference = nullptr;
    SuggestionsLayer* suggestions = nullptr;
    PointsLayer* points = nullptr;
};

// The ids of every layer a map can have, bottom first.
const std::vector<QString>& mapLayerOrder();

// Adds the parts' layers on top of `target`, in the order of mapLayerOrder.
MapStack addMapLayers(LayerStack& target, const MapStackParts& parts);

}  // namespace maillage::render
