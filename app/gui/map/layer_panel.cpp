#include "map/layer_panel.h"

#include "render/map_layer.h"
#include "widget_helpers.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSlider>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace maillage::gui {
namespace {
constexpr int kLayerRole = Qt::UserRole + 1;
}

LayerPanel::LayerPanel(QWidget* parent)
    : QWidget(parent),
      tree_(new QTreeWidget),
      up_(new QToolButton),
      down_(new QToolButton),
      opacity_(new QSlider(Qt::Horizontal))
{
    tree_->setHeaderHidden(true);
    tree_->setRootIsDecorated(true);
    tree_->setIconSize(QSize(18, 18));
    tree_->setUniformRowHeights(true);
    tree_->setObjectName(QStringLiteral("layerTree"));
    up_->setArrowType(Qt::UpArrow);
    up_->setToolTip(tr("Monter la couche"));
    down_->setArrowType(Qt::DownArrow);
    down_->setToolTip(tr("Descendre la couche"));
    opacity_->setRange(0, 100);
    opacity_->setToolTip(tr("Opacité de la couche"));
    opacity_->setObjectName(QStringLiteral("layerOpacity"));

    auto* controls = new QHBoxLayout;
    controls->addWidget(up_);
    controls->addWidget(down_);
    controls->addSpacing(8);
    controls->addWidget(new QLabel(tr("Opacité")));
    controls->addWidget(opacity_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(tree_, 1);
    layout->addLayout(controls);

    connect(tree_, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem* item) {
        if (rebuilding_) return;
        if (auto* layer = item->data(0, kLayerRole).value<MapLayer*>())
            layer->setVisible(item->checkState(0) == Qt::Checked);
    });
    connect(tree_, &QTreeWidget::currentItemChanged, this, &LayerPanel::updateControls);
    connect(opacity_, &QSlider::valueChanged, this, [this](int value) {
        if (MapLayer* layer = currentLayer()) layer->setOpacity(value / 100.0);
    });
    auto move = [this](int delta) {
        MapLayer* layer = currentLayer();
        if (!layer || !layers_) return;
        const int index = layers_->indexOf(layer);
        layers_->move(index, index + delta);
        if (QTreeWidgetItem* item = itemFor(layer)) tree_->setCurrentItem(item);
    };
    connect(up_, &QToolButton::clicked, this, [move] { move(+1); });  // the stack is bottom first
    connect(down_, &QToolButton::clicked, this, [move] { move(-1); });
    updateControls();
}

void LayerPanel::setLayers(LayerStack* layers)
{
    if (replaceSource(layers_, layers, this)) {
        connect(layers_, &LayerStack::changed, this, &LayerPanel::rebuild);
        connect(layers_, &LayerStack::layerLegendChanged, this, &LayerPanel::refreshLegend);
        connect(layers_, &LayerStack::layerAppearanceChanged, this, [this](MapLayer* layer) {
            if (QTreeWidgetItem* item = itemFor(layer)) {
                rebuilding_ = true;
                item->setCheckState(0, layer->isVisible() ? Qt::Checked : Qt::Unchecked);
                rebuilding_ = false;
            }
            if (layer == currentLayer()) updateControls();
        });
    }
    rebuild();
}

QTreeWidgetItem* LayerPanel::itemFor(const MapLayer* layer) const
{
    for (int i = 0; i < tree_->topLevelItemCount(); ++i)
        if (tree_->topLevelItem(i)->data(0, kLayerRole).value<MapLayer*>() == layer) return tree_->topLevelItem(i);
    return nullptr;
}

void LayerPanel::refreshLegend(MapLayer* layer)
{
    QTreeWidgetItem* item = itemFor(layer);
    if (!item) return;
    rebuilding_ = true;
    const bool expanded = item->isExpanded() || item->childCount() == 0;
    qDeleteAll(item->takeChildren());
    const qreal ratio = devicePixelRatioF();
    for (const render::LegendEntry& entry : layer->legend()) {
        auto* child = new QTreeWidgetItem(item, {entry.label});
        child->setIcon(0, QIcon(QPixmap::fromImage(render::legendSymbolImage(entry, MapLayer::kLegendSymbolSize, ratio))));
        child->setToolTip(0, entry.label);
        child->setFlags(Qt::ItemIsEnabled);
    }
    item->setExpanded(expanded);
    rebuilding_ = false;
}

void LayerPanel::rebuild()
{
    MapLayer* current = currentLayer();
    rebuilding_ = true;
    tree_->clear();
    if (layers_) {
        const auto& layers = layers_->layers();
        for (auto it = layers.rbegin(); it != layers.rend(); ++it) {  // top of the map first
            MapLayer* layer = *it;
            auto* item = new QTreeWidgetItem(tree_, {layer->name()});
            item->setData(0, kLayerRole, QVariant::fromValue(layer));
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
            item->setCheckState(0, layer->isVisible() ? Qt::Checked : Qt::Unchecked);
            QFont bold = item->font(0);
            bold.setBold(true);
            item->setFont(0, bold);
        }
    }
    rebuilding_ = false;
    if (layers_)
        for (MapLayer* layer : layers_->layers()) refreshLegend(layer);
    if (QTreeWidgetItem* item = itemFor(current)) tree_->setCurrentItem(item);
    updateControls();
}

MapLayer* LayerPanel::currentLayer() const
{
    QTreeWidgetItem* item = tree_->currentItem();
    while (item && item->parent()) item = item->parent();
    return item ? item->data(0, kLayerRole).value<MapLayer*>() : nullptr;
}

void LayerPanel::updateControls()
{
    MapLayer* layer = currentLayer();
    const int index = (layer && layers_) ? layers_->indexOf(layer) : -1;
    const int count = layers_ ? static_cast<int>(layers_->layers().size()) : 0;
    up_->setEnabled(index >= 0 && index < count - 1);
    down_->setEnabled(index > 0);
    opacity_->setEnabled(layer != nullptr);
    const QSignalBlocker blocker(opacity_);
    opacity_->setValue(layer ? qRound(layer->opacity() * 100) : 100);
}

}  // namespace maillage::gui
