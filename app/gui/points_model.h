#pragma once

#include <QAbstractTableModel>
#include <QPointer>

namespace maillage::gui {

class Project;

// The project's accueil points as a table (one row per point, in the project's order).
class PointsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Level, Kind, Status, Commune, WeeklyHours, Source, ColumnCount };
    static constexpr int kIdRole = Qt::UserRole + 1;
    static constexpr int kSortRole = Qt::UserRole + 2;

    explicit PointsModel(QObject* parent = nullptr);
    void setProject(Project* project);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QPointer<Project> project_;
};

}  // namespace maillage::gui
