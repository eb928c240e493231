#pragma once

#include <QDockWidget>
#include <QPointer>

class QSortFilterProxyModel;
class QTableView;

namespace maillage::gui {

class MapCanvas;
class PointsModel;
class Project;

// The dock "Points d'accueil": the project's points in a sortable table with a filter. Its
// selection and the project's follow each other; a double click zooms the map to the point.
class PointsDock : public QDockWidget {
    Q_OBJECT
public:
    PointsDock(MapCanvas& canvas, QWidget* parent = nullptr);

    void setProject(Project* project);

private:
    void syncTableSelection();
    void tableSelectionChanged();
    void zoomTo(const QModelIndex& index);

    MapCanvas& canvas_;
    QPointer<Project> project_;
    PointsModel* model_;
    QSortFilterProxyModel* proxy_;
    QTableView* table_;
    bool syncingSelection_ = false;
};

}  // namespace maillage::gui
