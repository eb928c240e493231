#pragma once

namespace maillage::render {
class GapLayer;
class IsochroneLayer;
}  // namespace maillage::render

namespace maillage::gui {

class CoverageController;

// Keeps the coverage layers showing the controller's result: redrawn at every recompute
// (also while a point is dragged), their legend following the level and the threshold.
void followCoverage(render::IsochroneLayer& bands, CoverageController& coverage);
void followCoverage(render::GapLayer& gaps, CoverageController& coverage);

}  // namespace maillage::gui
