#pragma once

#include "planning/closure_presets.h"
#include "store/scenarios.h"

#include <QDialog>

#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace maillage {
class RoadGraph;
}

namespace maillage::gui {

// One road reference of a network, with how much of the network carries it.
struct RoadRefSummary {
    QString ref;  // canonical: "D908", "N85"
    int edges = 0;
    double km = 0.0;
};
// The road references of a graph (town connectors aside), canonical, in road order (A, D, M,
// N…, then by number).
std::vector<RoadRefSummary> roadRefsOf(const RoadGraph& graph);

// "Fermer des routes": the roads of the network by reference and the passes of the built-in
// presets (e.g. the winter passes of the 04), with a filter ("col", "D908"); the rows checked
// become road closures of the active plan.
class RoadClosureDialog : public QDialog {
    Q_OBJECT
public:
    RoadClosureDialog(const std::vector<RoadRefSummary>& roads, const std::vector<ClosurePreset>& presets,
                      const QString& plan, QWidget* parent = nullptr);

    void setFilter(const QString& text);
    // Checks every closure of a preset (by id, e.g. "hiver-04"); false if unknown.
    bool checkPreset(const QString& id);
    // Checks a road by reference (any spelling: "D908", "D090804"); false if not listed.
    bool checkRoad(const QString& ref);
    // The closures of the rows checked, with the note given.
    std::vector<RoadClosure> closures() const;
    // A short description of them for the undo history.
    QString summary() const;
    int visibleRows() const;

private:
    void applyFilter();
    void updateCount();

    QLineEdit* filter_;
    QComboBox* presets_;
    QLineEdit* note_;
    QTreeWidget* tree_;
    QLabel* count_;
    std::vector<ClosurePreset> presetList_;
};

}  // namespace maillage::gui
