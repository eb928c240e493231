#pragma once

#include "geo/types.h"
#include "map/view_transform.h"

#include <QObject>
#include <QPixmap>
#include <QString>

#include <vector>

class QPainter;

namespace maillage::gui {

// One line of the legend: the symbol exactly as the layer draws it, and what it means.
struct LegendEntry {
    QPixmap symbol;
    QString label;
};

// A layer of the map. It draws itself in a QPainter for a view; the canvas keeps the
// result of cached layers in an image per layer and redraws it only when the layer's
// revision or the view changes, so panning and opacity changes cost a blit.
class MapLayer : public QObject {
    Q_OBJECT
public:
    MapLayer(QString id, QString name, QObject* parent = nullptr);

    QString id() const { return id_; }
    QString name() const { return name_; }

    bool isVisible() const { return visible_; }
    void setVisible(bool visible);
    double opacity() const { return opacity_; }
    void setOpacity(double opacity);

    // Increases whenever what the layer draws changes.
    quint64 revision() const { return revision_; }

    // Cached layers are drawn once per view into an image; the others at every frame
    // (the accueil points, which move under the mouse).
    virtual bool isCached() const { return true; }
    virtual void render(QPainter& painter, const ViewTransform& view) const = 0;
    virtual std::vector<LegendEntry> legend() const { return {}; }
    // The map extent of the layer's content (empty when none).
    virtual BBox extent() const { return {}; }
    // False when the layer has nothing to draw yet (e.g. coverage not computed).
    virtual bool hasContent() const { return true; }

Q_SIGNALS:
    void contentChanged();     // redraw needed
    void appearanceChanged();  // visibility or opacity
    void legendChanged();      // the legend entries changed (not emitted while dragging)

protected:
    void markChanged();
    static constexpr int kLegendSymbolSize = 18;

private:
    QString id_;
    QString name_;
    bool visible_ = true;
    double opacity_ = 1.0;
    quint64 revision_ = 1;
};

// The layers of a map, bottom first. Owns them.
class LayerStack : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    void add(MapLayer* layer);  // on top
    void clear();
    const std::vector<MapLayer*>& layers() const { return layers_; }
    MapLayer* layer(const QString& id) const;
    int indexOf(const MapLayer* layer) const;
    // Moves the layer at `from` to `to` (indices bottom first).
    void move(int from, int to);

Q_SIGNALS:
    void aboutToChange();
    void changed();              // layers added, removed or reordered
    void layerContentChanged(MapLayer* layer);
    void layerAppearanceChanged(MapLayer* layer);
    void layerLegendChanged(MapLayer* layer);

private:
    std::vector<MapLayer*> layers_;
};

}  // namespace maillage::gui
