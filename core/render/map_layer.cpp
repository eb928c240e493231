#include "render/map_layer.h"

#include <QPaintEngine>
#include <QPainter>

#include <algorithm>

namespace maillage::render {

QImage legendSymbolImage(const LegendEntry& entry, int size, qreal devicePixelRatio)
{
    QImage image(QSize(size, size) * devicePixelRatio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(devicePixelRatio);
    image.fill(Qt::transparent);
    if (entry.paint) {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        entry.paint(painter, QRectF(0, 0, size, size));
    }
    return image;
}

bool isVectorOutput(const QPainter& painter)
{
    const QPaintEngine* engine = painter.paintEngine();
    if (!engine) return false;
    switch (engine->type()) {
    case QPaintEngine::Raster:
    case QPaintEngine::OpenGL:
    case QPaintEngine::OpenGL2: return false;
    default: return true;
    }
}

std::vector<LegendEntry> MapLayer::printLegend(const BBox&) const { return legend(); }

MapLayer::MapLayer(QString id, QString name, QObject* parent) : QObject(parent), id_(std::move(id)), name_(std::move(name))
{
}

void MapLayer::setVisible(bool visible)
{
    if (visible == visible_) return;
    visible_ = visible;
    Q_EMIT appearanceChanged();
}

void MapLayer::setOpacity(double opacity)
{
    opacity = std::clamp(opacity, 0.0, 1.0);
    if (opacity == opacity_) return;
    opacity_ = opacity;
    Q_EMIT appearanceChanged();
}

void MapLayer::markChanged()
{
    ++revision_;
    Q_EMIT contentChanged();
}

void LayerStack::add(MapLayer* layer)
{
    Q_EMIT aboutToChange();
    layer->setParent(this);
    layers_.push_back(layer);
    connect(layer, &MapLayer::contentChanged, this, [this, layer] { Q_EMIT layerContentChanged(layer); });
    connect(layer, &MapLayer::appearanceChanged, this, [this, layer] { Q_EMIT layerAppearanceChanged(layer); });
    connect(layer, &MapLayer::legendChanged, this, [this, layer] { Q_EMIT layerLegendChanged(layer); });
    Q_EMIT changed();
}

void LayerStack::clear()
{
    Q_EMIT aboutToChange();
    for (MapLayer* layer : layers_) delete layer;
    layers_.clear();
    Q_EMIT changed();
}

MapLayer* LayerStack::layer(const QString& id) const
{
    for (MapLayer* layer : layers_)
        if (layer->id() == id) return layer;
    return nullptr;
}

int LayerStack::indexOf(const MapLayer* layer) const
{
    const auto it = std::find(layers_.begin(), layers_.end(), layer);
    return it == layers_.end() ? -1 : static_cast<int>(it - layers_.begin());
}

void LayerStack::move(int from, int to)
{
    const int count = static_cast<int>(layers_.size());
    if (from < 0 || from >= count || to < 0 || to >= count || from == to) return;
    Q_EMIT aboutToChange();
    MapLayer* layer = layers_[from];
    layers_.erase(layers_.begin() + from);
    layers_.insert(layers_.begin() + to, layer);
    Q_EMIT changed();
}

}  // namespace maillage::render
