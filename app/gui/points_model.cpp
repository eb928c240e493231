#include "points_model.h"

#include "labels.h"
#include "map/point_symbols.h"
#include "project.h"
#include "widget_helpers.h"

#include <QIcon>

namespace maillage::gui {

PointsModel::PointsModel(QObject* parent) : QAbstractTableModel(parent) {}

void PointsModel::setProject(Project* project)
{
    beginResetModel();
    if (replaceSource(project_, project, this)) {
        connect(project_, &Project::pointsAboutToBeReset, this, [this] { beginResetModel(); });
        connect(project_, &Project::pointsReset, this, [this] { endResetModel(); });
        connect(project_, &Project::pointAboutToBeAdded, this, [this](int row) { beginInsertRows({}, row, row); });
        connect(project_, &Project::pointAdded, this, [this] { endInsertRows(); });
        connect(project_, &Project::pointAboutToBeRemoved, this, [this](int row) { beginRemoveRows({}, row, row); });
        connect(project_, &Project::pointRemoved, this, [this] { endRemoveRows(); });
        connect(project_, &Project::pointChanged, this,
                [this](int row) { Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1)); });
    }
    endResetModel();
}

int PointsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !project_ ? 0 : static_cast<int>(project_->points().size());
}

int PointsModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant PointsModel::data(const QModelIndex& index, int role) const
{
    if (!project_ || !index.isValid() || index.row() >= rowCount()) return {};
    const AccueilPoint& p = project_->points()[index.row()];
    if (role == kIdRole) return p.id;
    if (role == Qt::DecorationRole && index.column() == Name)
        return QIcon(pointSymbolPixmap({p.level, p.kind, p.status, p.outsideTerritory}, 16));
    if (role == Qt::ToolTipRole && p.outsideTerritory) return tr("Hors du territoire");
    if (role != Qt::DisplayRole && role != kSortRole) return {};
    switch (index.column()) {
    case Name: return p.name;
    case Level: return static_cast<int>(p.level);
    case Kind: return kindLabel(p.kind);
    case Status: return statusLabel(p.status);
    case Commune: {
        const maillage::Commune* commune = project_->territory().commune(p.communeInsee);
        if (commune) return role == kSortRole ? commune->name + QLatin1Char(' ') + p.name : commune->name;
        // Points outside the territory sort after the communes.
        if (role == kSortRole) return QStringLiteral("\uffff") + p.name;
        return p.outsideTerritory ? tr("(hors territoire)") : p.communeInsee;
    }
    case WeeklyHours:
        if (!p.weeklyHours) return role == kSortRole ? QVariant(-1.0) : QVariant();
        return role == kSortRole ? QVariant(*p.weeklyHours) : QVariant(QLocale().toString(*p.weeklyHours, 'f', 1));
    case Source: return p.source;
    }
    return {};
}

QVariant PointsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Name: return tr("Nom");
    case Level: return tr("Niveau");
    case Kind: return tr("Type");
    case Status: return tr("Statut");
    case Commune: return tr("Commune");
    case WeeklyHours: return tr("Heures / sem.");
    case Source: return tr("Source");
    }
    return {};
}

}  // namespace maillage::gui
