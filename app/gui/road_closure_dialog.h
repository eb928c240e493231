#pragma once

#include "network/road_graph.h"
#include "planning/closure_presets.h"
#include "store/scenarios.h"

#include <QDialog>

#include <span>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace maillage {
class RoadGraph;
class Territory;
}  // namespace maillage

namespace maillage::gui {

// One road reference of a network, with how much of the network carries it.
struct RoadRefSummary {
    QString ref;  // canonical: "D908", "N85"
    int edgeCount = 0;
    double km = 0.0;
    QStringList communes;  // the communes it crosses, the longest stretch first
    std::vector<EdgeId> edges;
};
// The road references of a graph (town connectors aside), canonical, in road order (A, D, M,
// N…, then by number); with a territory, the communes each road crosses.
std::vector<RoadRefSummary> roadRefsOf(const RoadGraph& graph, const Territory* territory = nullptr);

// The communes crossed by a set of edges, the longest stretch first ("Allos, Colmars").
QStringList communesCrossed(const RoadGraph& graph, const Territory& territory, std::span<const EdgeId> edges);

// "Fermer des routes": the roads of the network by reference and the passes of the built-in
// presets (e.g. the winter passes of the 04), with a filter ("col", "D908"); the rows checked
// become road closures of the active plan. Each row says the communes the road crosses and
// its length; below the list, the length that the rows checked close, before applying.
class RoadClosureDialog : public QDialog {
    Q_OBJECT
public:
    RoadClosureDialog(const std::vector<RoadRefSummary>& roads, const std::vector<ClosurePreset>& presets,
                      const QString& plan, const RoadGraph* graph = nullptr, const Territory* territory = nullptr,
                      QWidget* parent = nullptr);

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
    // Kilometres of road the rows checked close (each road counted once), and what the
    // dialog says about it under the list.
    double closedKm() const;
    QString countText() const;
    // The text of a row's column (0 name, 1 communes, 2 length), for tests and screenshots.
    QString rowText(const QString& name, int column) const;

private:
    void setUpTree();
    void addPresetRows(const Territory* territory);
    void addRoadRows(const std::vector<RoadRefSummary>& roads);
    void layOut();
    void applyFilter();
    void updateCount();

    QLineEdit* filter_;
    QComboBox* presets_;
    QLineEdit* note_;
    QTreeWidget* tree_;
    QLabel* count_;
    std::vector<ClosurePreset> presetList_;
    const RoadGraph* graph_ = nullptr;
    std::vector<std::vector<EdgeId>> rowEdges_;  // per row, when the graph is known
    double closedKm_ = 0.0;
};

}  // namespace maillage::gui
