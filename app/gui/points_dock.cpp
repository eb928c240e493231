#include "points_dock.h"

#include "map/map_canvas.h"
#include "points_model.h"
#include "project.h"
#include "widget_helpers.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace maillage::gui {

PointsDock::PointsDock(MapCanvas& canvas, QWidget* parent)
    : QDockWidget(tr("Points d'accueil"), parent),
      canvas_(canvas),
      model_(new PointsModel(this)),
      proxy_(new QSortFilterProxyModel(this)),
      table_(new QTableView)
{
    setObjectName(QStringLiteral("pointsDock"));
    proxy_->setSourceModel(model_);
    proxy_->setSortRole(PointsModel::kSortRole);
    proxy_->setFilterKeyColumn(-1);
    proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
    table_->setObjectName(QStringLiteral("pointsTable"));
    table_->setModel(proxy_);
    table_->setSortingEnabled(true);
    table_->sortByColumn(PointsModel::Commune, Qt::AscendingOrder);
    makeReadOnlyRows(table_, 22);
    table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setColumnWidth(PointsModel::Name, 230);
    table_->setColumnWidth(PointsModel::Level, 50);
    table_->setColumnWidth(PointsModel::Kind, 160);
    auto* filter = new QLineEdit;
    filter->setPlaceholderText(tr("Filtrer (nom, type, commune…)"));
    filter->setClearButtonEnabled(true);
    connect(filter, &QLineEdit::textChanged, proxy_, &QSortFilterProxyModel::setFilterFixedString);
    connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &PointsDock::tableSelectionChanged);
    connect(table_, &QTableView::doubleClicked, this, &PointsDock::zoomTo);
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(filter);
    layout->addWidget(table_);
    setWidget(content);
}

void PointsDock::setProject(Project* project)
{
    // The model is reset while the project it showed (or the one it will show) is current,
    // so that the table's emptied selection reaches that project.
    if (project_ && project != project_) {
        model_->setProject(nullptr);
        disconnect(project_, nullptr, this, nullptr);
    }
    project_ = project;
    if (!project_) return;
    connect(project_, &Project::selectionChanged, this, &PointsDock::syncTableSelection);
    model_->setProject(project_);
}

void PointsDock::zoomTo(const QModelIndex& index)
{
    if (!project_) return;
    const qint64 id = index.data(PointsModel::kIdRole).toLongLong();
    if (const AccueilPoint* p = project_->point(id)) {
        BBox box;
        box.expand(XY{p->lambert93.x - 3000, p->lambert93.y - 3000});
        box.expand(XY{p->lambert93.x + 3000, p->lambert93.y + 3000});
        canvas_.zoomToExtent(box);
    }
}

void PointsDock::syncTableSelection()
{
    if (syncingSelection_ || !project_) return;
    syncingSelection_ = true;
    QItemSelection selection;
    for (qint64 id : project_->selection()) {
        const int row = project_->rowOf(id);
        if (row < 0) continue;
        const QModelIndex index = proxy_->mapFromSource(model_->index(row, 0));
        if (index.isValid()) selection.select(index, index);
    }
    table_->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (project_->selection().size() == 1 && !selection.isEmpty()) table_->scrollTo(selection.indexes().first());
    syncingSelection_ = false;
}

void PointsDock::tableSelectionChanged()
{
    if (syncingSelection_ || !project_) return;
    syncingSelection_ = true;
    QSet<qint64> ids;
    for (const QModelIndex& index : table_->selectionModel()->selectedRows())
        ids.insert(index.data(PointsModel::kIdRole).toLongLong());
    project_->setSelection(ids);
    syncingSelection_ = false;
}

}  // namespace maillage::gui
