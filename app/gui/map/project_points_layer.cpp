#include "map/project_points_layer.h"

#include "project.h"

namespace maillage::gui {

ProjectPointsLayer::ProjectPointsLayer(Project& project, QObject* parent) : PointsLayer(parent), project_(project)
{
    connect(&project, &Project::pointsEdited, this, &ProjectPointsLayer::markChanged);
    connect(&project, &Project::selectionChanged, this, &ProjectPointsLayer::markChanged);
    for (auto signal : {&Project::pointAdded, &Project::pointRemoved, &Project::pointChanged})
        connect(&project, signal, this, &ProjectPointsLayer::legendChanged);
    connect(&project, &Project::pointsReset, this, &ProjectPointsLayer::legendChanged);
}

const std::vector<AccueilPoint>& ProjectPointsLayer::currentPoints() const { return project_.points(); }

bool ProjectPointsLayer::isSelected(qint64 id) const { return project_.selection().contains(id); }

}  // namespace maillage::gui
