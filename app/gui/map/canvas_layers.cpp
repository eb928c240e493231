#include "map/canvas_layers.h"

#include "coverage_controller.h"
#include "map/coverage_binding.h"
#include "map/project_points_layer.h"
#include "planning_controller.h"
#include "project.h"
#include "render/boundary_layers.h"
#include "render/coverage_layers.h"
#include "render/map_layer.h"
#include "render/map_stack.h"

#include <QSettings>
#include <QStringList>

#include <algorithm>

namespace maillage::gui {
using render::LayerStack;
using render::MapLayer;

render::PointsLayer* addProjectLayers(LayerStack& layers, Project& project, CoverageController* coverage,
                                      PlanningController& planning)
{
    const auto data = std::shared_ptr<const ProjectData>(&project.data(), [](const ProjectData*) {});
    // The layers live no longer than the project (closeProject clears them first), so they
    // may refer to its data without owning it.
    render::MapStackParts parts;
    parts.territory = std::shared_ptr<const Territory>(data, &data->territory);
    parts.roads = data->roads;
    parts.coverage = coverage != nullptr;
    parts.closedRoads = true;
    parts.planning = true;
    parts.points = new ProjectPointsLayer(project);
    const render::MapStack stack = render::addMapLayers(layers, parts);
    if (coverage) {
        followCoverage(*stack.bands, *coverage);
        followCoverage(*stack.gaps, *coverage);
    }
    planning.setLayers(stack.difference, stack.closedRoads, stack.suggestions);
    // The communes' names (on top) go beside the symbols of the points shown, as on paper.
    render::CommuneLabelsLayer* labels = stack.labels;
    const auto followPoints = [labels, &project] {
        std::vector<XY> symbols;
        symbols.reserve(project.points().size());
        for (const AccueilPoint& p : project.points()) symbols.push_back(p.lambert93);
        labels->setObstacles(std::move(symbols), kLabelObstacleRadius);
    };
    followPoints();
    // Edits and scenario changes, not each step of a drag (the names would be laid out again
    // at every mouse move).
    QObject::connect(&project, &Project::pointAdded, labels, followPoints);
    QObject::connect(&project, &Project::pointRemoved, labels, followPoints);
    QObject::connect(&project, &Project::pointChanged, labels, followPoints);
    QObject::connect(&project, &Project::pointsReset, labels, followPoints);
    return stack.points;
}

namespace {
// The default order changed (names moved above the points): an order saved before is not
// the user's choice of the new one, and is dropped.
constexpr int kLayerOrderVersion = 2;
const QString kLayerOrderVersionKey = QStringLiteral("layers/orderVersion");
}  // namespace

void saveLayerSettings(const LayerStack& layers)
{
    if (layers.layers().empty()) return;
    QSettings settings;
    settings.setValue(kLayerOrderVersionKey, kLayerOrderVersion);
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
    const QStringList order = settings.value(kLayerOrderVersionKey, 1).toInt() >= kLayerOrderVersion
                                  ? settings.value(QStringLiteral("layers/order")).toStringList()
                                  : QStringList();
    int target = 0;
    for (const QString& id : order) {
        const int index = layers.indexOf(layers.layer(id));
        if (index < 0) continue;
        if (index > target) layers.move(index, target);
        target = std::max(target, layers.indexOf(layers.layer(id))) + 1;
    }
}

}  // namespace maillage::gui
