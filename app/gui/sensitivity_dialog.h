#pragma once

#include <QDialog>

class QLabel;
class QTableWidget;

namespace maillage::gui {

class CoverageController;

// How sure the population beyond the threshold is: the people beyond per EPCI, for the
// département, and for every commune beyond under some assumption, under each population
// method the project can compute (INSEE grid, buildings, spread, town halls), on the travel
// times shown. A second tab shows the last full table `maillage coverage --sensitivity`
// kept in the project, with road speeds 10 % lower and higher.
class SensitivityDialog : public QDialog {
    Q_OBJECT
public:
    explicit SensitivityDialog(CoverageController& coverage, QWidget* parent = nullptr);

    QTableWidget* methodsTable() const { return methods_; }
    QTableWidget* storedTable() const { return stored_; }

private:
    void fillMethods(CoverageController& coverage);
    void fillStored(CoverageController& coverage);

    QLabel* methodsNote_;
    QTableWidget* methods_;
    QLabel* storedNote_;
    QTableWidget* stored_;
};

}  // namespace maillage::gui
