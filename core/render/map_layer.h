#pragma once

#include "geo/types.h"
#include "render/view_transform.h"

#include <QImage>
#include <QObject>
#include <QRectF>
#include <QString>

#include <functional>
#include <vector>

class QPainter;

namespace maillage::render {

// One line of the legend: the symbol exactly as the layer draws it, and what it means.
// The symbol is painted (not an image), so that it stays vector in a PDF; `paint` draws it
// centred in the box it is given, at the sizes the map uses (nominal pixels, see
// ViewTransform).
struct LegendEntry {
    enum class Kind { Area, Line, Marker };
    Kind kind = Kind::Area;
    std::function<void(QPainter&, const QRectF&)> paint;
    QString label;
};

// The symbol as an image of side `size` (logical pixels), e.g. for an icon.
QImage legendSymbolImage(const LegendEntry& entry, int size = 18, qreal devicePixelRatio = 1.0);

// A layer of the map. It draws itself in a QPainter for a view: in the painter's current
// coordinates, which are the view's pixels (the caller saves and restores the painter, and
// may have translated it, e.g. to a map frame on a page). The canvas keeps the result of
// cached layers in an image per layer and redraws it only when the layer's revision or the
// view changes, so panning and opacity changes cost a blit. A PDF gets the same calls with
// a vector paint device (see isVectorOutput): layers then draw vectors only.
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
    // The legend of everything the layer can show (the application's layer panel).
    virtual std::vector<LegendEntry> legend() const { return {}; }
    // The legend of a printed map showing `extent`: only the entries that appear there, with
    // labels that the legend's section titles complete (shorter than on screen). The whole
    // legend unless the layer knows better.
    virtual std::vector<LegendEntry> printLegend(const BBox& extent) const;
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

public:
    static constexpr int kLegendSymbolSize = 18;

private:
    QString id_;
    QString name_;
    bool visible_ = true;
    double opacity_ = 1.0;
    quint64 revision_ = 1;
};

// True when the painter draws into a vector device (PDF, SVG, picture): layers then avoid
// images and cached bitmaps.
bool isVectorOutput(const QPainter& painter);

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
    void changed();  // layers added, removed or reordered
    void layerContentChanged(MapLayer* layer);
    void layerAppearanceChanged(MapLayer* layer);
    void layerLegendChanged(MapLayer* layer);

private:
    std::vector<MapLayer*> layers_;
};

}  // namespace maillage::render
