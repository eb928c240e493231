#pragma once

// Small pieces of widget set-up that several panels and dialogs share, so that they look and
// behave the same way everywhere.

#include <QObject>
#include <QString>

#include <initializer_list>

class QBoxLayout;
class QDialog;
class QLabel;
class QTableView;
class QWidget;

namespace maillage::gui {

// Makes `current` (a pointer or QPointer member) the object `receiver` listens to: the
// connections from the previous one to `receiver` are dropped first. True when there is a new
// object to connect to.
template <class Holder, class Source>
bool replaceSource(Holder& current, Source* next, const QObject* receiver)
{
    if (current) QObject::disconnect(current, nullptr, receiver, nullptr);
    current = next;
    return next != nullptr;
}

// A label for a result the user may want to copy: its text wraps and can be selected with the mouse.
QLabel* makeSummaryLabel(const QString& objectName);

// A table the user reads but does not edit: whole rows selected, no row numbers, rows
// `rowHeight` pixels high.
void makeReadOnlyRows(QTableView* table, int rowHeight);

// Adds these widgets to `layout` one after the other, the last one taking the room left.
void addOneAfterAnother(QBoxLayout* layout, std::initializer_list<QWidget*> widgets);

// Lays `dialog` out as these widgets one under the other, the last one taking the height left,
// above a Close button.
void layOutAboveCloseButton(QDialog* dialog, std::initializer_list<QWidget*> widgets);

// The wait cursor while work runs on the GUI thread, restored however the work ends (an
// exception included).
struct WaitCursor {
    WaitCursor();
    ~WaitCursor();
    Q_DISABLE_COPY(WaitCursor)
};

}  // namespace maillage::gui
