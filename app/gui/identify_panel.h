#pragma once

#include "geo/types.h"

#include <QDockWidget>
#include <QPointer>

class QLabel;

namespace maillage::gui {

class CoverageController;
class MapCanvas;
class Project;

// The dock "Informations": the commune last clicked on the map (highlighted there), its
// population, its EPCI and the access time from its town hall to each level.
class IdentifyPanel : public QDockWidget {
    Q_OBJECT
public:
    IdentifyPanel(MapCanvas& canvas, QWidget* parent = nullptr);

    // The project and coverage identified against (null when closed: the panel is reset).
    void setProject(Project* project, CoverageController* coverage);

    // Shows the commune at `position` (nothing outside the territory).
    void identifyAt(XY position);
    // Shows the commune (name or INSEE code) and zooms the map to it; false if unknown.
    bool identifyCommune(const QString& nameOrInsee);
    QString text() const;

private:
    void refresh();

    MapCanvas& canvas_;
    QLabel* label_;
    QPointer<Project> project_;
    QPointer<CoverageController> coverage_;
    int identifiedCommune_ = -1;
};

}  // namespace maillage::gui
