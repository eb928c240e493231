#include "widget_helpers.h"

#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace maillage::gui {

QLabel* makeSummaryLabel(const QString& objectName)
{
    auto* label = new QLabel;
    label->setWordWrap(true);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

void makeReadOnlyRows(QTableView* table, int rowHeight)
{
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(rowHeight);
}

void addOneAfterAnother(QBoxLayout* layout, std::initializer_list<QWidget*> widgets)
{
    int index = 0;
    for (QWidget* widget : widgets) layout->addWidget(widget, ++index == int(widgets.size()) ? 1 : 0);
}

void layOutAboveCloseButton(QDialog* dialog, std::initializer_list<QWidget*> widgets)
{
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(dialog);
    addOneAfterAnother(layout, widgets);
    layout->addWidget(buttons);
}

WaitCursor::WaitCursor() { QApplication::setOverrideCursor(Qt::WaitCursor); }

WaitCursor::~WaitCursor() { QApplication::restoreOverrideCursor(); }

}  // namespace maillage::gui
