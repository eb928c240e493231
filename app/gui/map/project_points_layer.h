#pragma once

#include "render/points_layer.h"

namespace maillage::gui {

class Project;

// The accueil points of the open project, as they are edited and dragged, with the
// selection highlighted.
class ProjectPointsLayer : public render::PointsLayer {
    Q_OBJECT
public:
    explicit ProjectPointsLayer(Project& project, QObject* parent = nullptr);

protected:
    const std::vector<AccueilPoint>& currentPoints() const override;
    bool isSelected(qint64 id) const override;

private:
    Project& project_;
};

}  // namespace maillage::gui
