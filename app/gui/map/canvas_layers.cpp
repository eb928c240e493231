#include "map/canvas_layers.h"

#include "coverage_controller.h"
#include "map/coverage_binding.h"
#include "map/project_points_layer.h"
#include "planning_controller.h"
#include "project.h"
#include "render/boundary_layers.h"
#include "render/coverage_layers.h"
#include "render/map_layer.h"
#include "render/roads_layer.h"

#include <QSettings>
#include <QStringList>

#include <algorithm>

namespace maillage::gui {
using render::CommuneLabelsLayer;
using render::CommunesLayer;
using render::EpciLayer;
using render::GapLayer;
using render::IsochroneLayer;
using render::LayerStack;
using render::MapLayer;
using render::OutlineLayer;
using render::RoadsLayer;

render::PointsLayer* addProjectLayers(LayerStack& layers, Project& project, CoverageController* coverage,
                                      PlanningController& planning)
{
    const auto data = std::shared_ptr<const ProjectData>(&project.data(), [](const ProjectData*) {});
    // The layers live no longer than the project (closeProject clears them first), so they
    // may refer to its data without owning it.
    const std::shared_ptr<const Territory> territory(data, &data->territory);
    layers.add(new CommunesLayer(territory, CommunesLayer::Part::Fill));
    if (coverage) {
        auto* bands = new IsochroneLayer;
        auto* gaps = new GapLayer;
        followCoverage(*bands, *coverage);
        followCoverage(*gaps, *coverage);
        layers.add(bands);
        layers.add(gaps);
    }
    layers.add(new CommunesLayer(territory, CommunesLayer::Part::Lines));
    layers.add(new RoadsLayer(data->roads));
    layers.add(new EpciLayer(territory));
    layers.add(new OutlineLayer(territory));
    layers.add(new CommuneLabelsLayer(territory));
    planning.addLayers(layers);
    auto* points = new ProjectPointsLayer(project);
    layers.add(points);
    return points;
}

void saveLayerSettings(const LayerStack& layers)
{
    if (layers.layers().empty()) return;
    QSettings settings;
    QStringList order;
    for (const MapLayer* layer : layers.layers()) {
        order << layer->id();
        settings.setValue(QStringLiteral("layers/%1/visible").arg(layer->id()), layer->isVisible());
        settings.setValue(QStringLiteral("layers/%1/opacity").arg(layer->id()), layer->opacity());
    }
    settings.setValue(QStringLiteral("layers/order"), order);
}

void restoreLayerSettings(LayerStack& layers)
{
    QSettings settings;
    for (MapLayer* layer : layers.layers()) {
        const QString key = QStringLiteral("layers/%1/").arg(layer->id());
        layer->setVisible(settings.value(key + QStringLiteral("visible"), layer->isVisible()).toBool());
        layer->setOpacity(settings.value(key + QStringLiteral("opacity"), layer->opacity()).toDouble());
    }
    // The saved order, for the layers it names; new layers keep their default place.
    const QStringList order = settings.value(QStringLiteral("layers/order")).toStringList();
    int target = 0;
    for (const QString& id : order) {
        const int index = layers.indexOf(layers.layer(id));
        if (index < 0) continue;
        if (index > target) layers.move(index, target);
        target = std::max(target, layers.indexOf(layers.layer(id))) + 1;
    }
}

}  // namespace maillage::gui
