#include "map/coverage_binding.h"

#include "coverage_controller.h"
#include "render/coverage_layers.h"

namespace maillage::gui {

void followCoverage(render::IsochroneLayer& bands, CoverageController& coverage)
{
    auto update = [&bands, &coverage] {
        if (coverage.isAvailable())
            bands.setSurface(coverage.context()->grid(), coverage.result().surface.minutes, coverage.level());
    };
    QObject::connect(&coverage, &CoverageController::updated, &bands, update);
    update();
}

void followCoverage(render::GapLayer& gaps, CoverageController& coverage)
{
    auto update = [&gaps, &coverage] {
        if (coverage.isAvailable())
            gaps.setSurface(coverage.context()->grid(), coverage.result().surface.minutes, coverage.level(),
                            coverage.thresholdMinutes());
    };
    QObject::connect(&coverage, &CoverageController::updated, &gaps, update);
    update();
}

}  // namespace maillage::gui
