#include "result_table.h"

#include <QHeaderView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace maillage::gui {

QTableWidget* makeResultTable(const QString& objectName)
{
    auto* table = new QTableWidget;
    table->setObjectName(objectName);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(21);
    return table;
}

QWidget* stackedPage(std::initializer_list<QWidget*> widgets)
{
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    int index = 0;
    for (QWidget* widget : widgets) layout->addWidget(widget, ++index == int(widgets.size()) ? 1 : 0);
    return page;
}

}  // namespace maillage::gui
