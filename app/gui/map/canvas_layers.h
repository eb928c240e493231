#pragma once

namespace maillage::render {
class LayerStack;
class PointsLayer;
}  // namespace maillage::render

namespace maillage::gui {

class CoverageController;
class PlanningController;
class Project;

// Half the side of the square a point's symbol covers on screen, kept free of names.
inline constexpr double kLabelObstacleRadius = 7.0;

// Fills `layers` with the open project's map (render::addMapLayers: the stack the print
// layout draws too), its coverage layers following `coverage`, the planning layers handed to
// `planning`. The layers may refer to the project's data: they are cleared before the project
// closes. Returns the points layer.
render::PointsLayer* addProjectLayers(render::LayerStack& layers, Project& project, CoverageController* coverage,
                                      PlanningController& planning);

// Each layer's visibility, opacity and place, kept between runs.
void saveLayerSettings(const render::LayerStack& layers);
void restoreLayerSettings(render::LayerStack& layers);

}  // namespace maillage::gui
