#include "result_table.h"

#include "widget_helpers.h"

#include <QTableWidget>
#include <QVBoxLayout>

namespace maillage::gui {

QTableWidget* makeResultTable(const QString& objectName)
{
    auto* table = new QTableWidget;
    table->setObjectName(objectName);
    makeReadOnlyRows(table, 21);
    return table;
}

QWidget* stackedPage(std::initializer_list<QWidget*> widgets)
{
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    addOneAfterAnother(layout, widgets);
    return page;
}

}  // namespace maillage::gui
