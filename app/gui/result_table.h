#pragma once

// The read-only tables of results the dialogs show (sensitivity, access and referrals): one
// look for all, so a planner reads them the same way.

#include <QString>

#include <initializer_list>

class QTableWidget;
class QWidget;

namespace maillage::gui {

// A table the user reads but does not edit: whole rows selected, no row numbers, compact rows.
QTableWidget* makeResultTable(const QString& objectName);

// A tab page holding these widgets one under the other; the last one takes the height left.
QWidget* stackedPage(std::initializer_list<QWidget*> widgets);

}  // namespace maillage::gui
