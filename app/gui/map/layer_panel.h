#pragma once

#include <QWidget>

class QSlider;
class QTreeWidget;
class QTreeWidgetItem;
class QToolButton;

namespace maillage::render {
class LayerStack;
class MapLayer;
}  // namespace maillage::render

namespace maillage::gui {

using render::LayerStack;
using render::MapLayer;

// The "Couches et légende" panel: each layer (top of the map first) with a check box to
// show or hide it, its legend entries drawn by the layer itself underneath, buttons to
// move it up or down and a slider for its opacity.
class LayerPanel : public QWidget {
    Q_OBJECT
public:
    explicit LayerPanel(QWidget* parent = nullptr);
    void setLayers(LayerStack* layers);

private:
    void rebuild();
    void refreshLegend(MapLayer* layer);
    MapLayer* currentLayer() const;
    void updateControls();
    QTreeWidgetItem* itemFor(const MapLayer* layer) const;

    LayerStack* layers_ = nullptr;
    QTreeWidget* tree_;
    QToolButton* up_;
    QToolButton* down_;
    QSlider* opacity_;
    bool rebuilding_ = false;
};

}  // namespace maillage::gui
