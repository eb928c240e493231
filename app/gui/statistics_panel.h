#pragma once

#include <QPointer>
#include <QWidget>

class QBarSet;
class QChart;
class QChartView;
class QLabel;
class QPushButton;
class QTableWidget;
class QTabWidget;
class QValueAxis;

namespace maillage {
class Territory;
struct AreaCoverage;
struct CoverageResult;
struct PopulationCoverage;
}  // namespace maillage

namespace maillage::gui {

class CoverageController;

// Population beyond the threshold: the département total on top, then per EPCI a table
// (population, people beyond and share, town halls beyond) and a bar chart. Follows the
// coverage live, including while a point is dragged.
class StatisticsPanel : public QWidget {
    Q_OBJECT
public:
    explicit StatisticsPanel(QWidget* parent = nullptr);
    void setCoverage(CoverageController* coverage);

    QString summaryText() const;
    // Opens the table of the population beyond under each method (SensitivityDialog).
    void showSensitivity();
    // Opens the access table from the EPCI seats and the referrals between levels (AccessDialog).
    void showAccess();

private:
    void rebuild();  // rows and bars for the EPCI of the territory
    void refresh();  // values
    // The département's figures, with the points left out (too far from any road) said.
    QString summaryOf(const CoverageResult& result) const;
    void fillTableAndChart(const PopulationCoverage& population);
    void fillRow(int row, const AreaCoverage& area, const QString& name, bool bold);

    QPointer<CoverageController> coverage_;
    QLabel* summary_;
    QPushButton* sensitivityButton_;
    QPushButton* accessButton_;
    QTabWidget* tabs_ = nullptr;
    QTableWidget* table_;
    QChartView* chartView_;
    QChart* chart_;
    QBarSet* bars_ = nullptr;
    QValueAxis* valueAxis_ = nullptr;
    int epciRows_ = 0;
};

}  // namespace maillage::gui
