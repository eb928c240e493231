#pragma once

#include "background_task_panel.h"
#include "planning/comparison.h"

#include <QFutureWatcher>
#include <QPointer>

#include <memory>

class QComboBox;
class QLabel;
class QTableWidget;

namespace maillage::render {
class DifferenceLayer;
}

namespace maillage::gui {

using render::DifferenceLayer;

// "Comparer deux scénarios": A (the baseline by default) and B (the active plan by default)
// at the level and threshold shown, computed off the GUI thread (each on its own network when
// it closes roads) and compared with planning/comparison.h: a table per EPCI and for the
// département — people beyond the threshold (spread over the inhabited cells) in A, in B and
// the difference, the area beyond in A and B — and, on the map, the zones that come within
// the threshold in B (green) or go beyond it (red).
class ComparisonPanel : public BackgroundTaskPanel {
    Q_OBJECT
public:
    struct Outcome {
        std::shared_ptr<const ScenarioComparison> comparison;
        QString error;
    };

    explicit ComparisonPanel(QWidget* parent = nullptr);
    ~ComparisonPanel() override;
    void setProject(Project* project, CoverageController* coverage);
    void setLayer(DifferenceLayer* layer);

    // Chooses the scenarios (names as stored: "baseline" or a plan's name).
    bool setScenarios(const QString& a, const QString& b);
    // Starts the comparison in the background; false (with lastError()) when it cannot.
    bool run();

    std::shared_ptr<const ScenarioComparison> comparison() const { return comparison_; }
    const QTableWidget* table() const { return table_; }
    QString summaryText() const;

    // Columns of the table.
    enum Column { Area, Population, BeyondA, BeyondB, Change, AreaA, AreaB, ColumnCount };

private:
    void setUpTable();
    void layOut();
    // The result shown, or why it failed; dropped when another plan is shown meanwhile.
    void comparisonFinished();
    // The comparison (table, text, zones) was made while another plan was shown: cleared.
    void dropStaleResult();
    void refreshScenarios();
    void showResult();
    QString closureSideEffectNote(const ScenarioComparison& c) const;

    QPointer<DifferenceLayer> layer_;
    QComboBox* a_;
    QComboBox* b_;
    QLabel* summary_;
    QTableWidget* table_;
    QFutureWatcher<Outcome>* watcher_;
    std::shared_ptr<const ScenarioComparison> comparison_;
    // The compared scenarios' road closures (counts), for the note on cells that join another road.
    std::size_t closuresA_ = 0, closuresB_ = 0;
    QString shownWhenRun_;  // the scenario shown when the comparison was asked
};

}  // namespace maillage::gui
