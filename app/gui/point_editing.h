#pragma once

#include "geo/types.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <optional>

class QComboBox;
class QMainWindow;

namespace maillage::gui {

class CoverageController;
class MapCanvas;
class Project;
class UserMessages;

// Editing the project's points from the map and the menu Édition: adding a planned point
// of the kind chosen in the toolbar (warning when it is beyond the snap limit), moving,
// deleting, selecting all, zooming to the selection. Each edit goes through the undo stack.
class PointEditing : public QObject {
    Q_OBJECT
public:
    PointEditing(QMainWindow& window, MapCanvas& canvas, UserMessages& messages);

    void setProject(Project* project, CoverageController* coverage);

    // The toolbar's choice of kind for new points (remembered between runs).
    QComboBox* newPointKind() const { return newPointKind_; }
    void readSettings();
    void writeSettings() const;

    // Adds a point of the current "new point" kind at a map position, as the add tool does.
    void addPointAt(XY position);
    // Adds a planned point at a commune's town hall (name or INSEE code); false if unknown.
    bool addPointAtTownHall(const QString& nameOrInsee);

    // A position beyond the snap limit: the nearest road's point and how far it is.
    struct FarFromRoad {
        XY onRoad;
        double metres = 0.0;
        double limitMetres = 0.0;
    };
    std::optional<FarFromRoad> farFromRoad(XY position) const;

    void dropPoints(const QList<qint64>& ids, const QList<XY>& from, const QList<XY>& to);
    void deleteSelection();
    void selectAll();
    void zoomToSelection();

private:
    QMainWindow& window_;
    MapCanvas& canvas_;
    UserMessages& messages_;
    QComboBox* newPointKind_;
    QPointer<Project> project_;
    QPointer<CoverageController> coverage_;
};

}  // namespace maillage::gui
