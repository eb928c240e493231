#pragma once

#include "render/view_transform.h"

#include <QElapsedTimer>
#include <QHash>
#include <QImage>
#include <QPainterPath>
#include <QPointer>
#include <QTimer>
#include <QWidget>

namespace maillage::render {
class LayerStack;
class MapLayer;
class PointsLayer;
}  // namespace maillage::render

namespace maillage::gui {

class Project;
using render::LayerStack;
using render::MapLayer;
using render::PointsLayer;
using render::ViewTransform;

// The map: draws the layer stack in Lambert-93 through a view transform, pans by dragging,
// zooms with the wheel (at the cursor) and the keys, and lets the user pick, drag and add
// accueil points. Each cached layer is rendered into its own image, redrawn only when the
// layer or the view changes; while panning or zooming the old images are shifted and
// scaled and the exact redraw follows when the movement stops, so the map stays fluid.
class MapCanvas : public QWidget {
    Q_OBJECT
public:
    // PickRoad: a click names the road segment under it (road closures in a plan).
    enum class Tool { Select, AddPoint, PickRoad };

    explicit MapCanvas(QWidget* parent = nullptr);

    void setLayers(LayerStack* layers);
    void setProject(Project* project, PointsLayer* pointsLayer);

    const ViewTransform& view() const { return view_; }
    void setView(const ViewTransform& view);
    void zoomToExtent(const BBox& box);
    void zoomBy(double factor);  // > 1 zooms in, about the centre
    // The map box to show when asked to "zoom to the territory".
    void setHomeExtent(const BBox& box) { home_ = box; }
    BBox homeExtent() const { return home_; }
    void zoomHome() { zoomToExtent(home_); }

    Tool tool() const { return tool_; }
    void setTool(Tool tool);

    // An area to outline on top of everything (the identified commune), in map coordinates.
    void setHighlight(const QPainterPath& mapPath);

    // The scale denominator (1:N) at the screen's resolution.
    double scaleDenominator() const;

    // Draws the whole map (exact, no stale images) into an image of the widget's size.
    QImage renderImage();

    QSize sizeHint() const override { return {900, 700}; }

Q_SIGNALS:
    void viewChanged();
    void toolChanged(Tool tool);
    void cursorMoved(XY position);
    void cursorLeft();
    // A click (no drag) on the map away from any point, with the Select tool.
    void mapClicked(XY position, Qt::KeyboardModifiers modifiers);
    void addPointRequested(XY position);
    // A click with the PickRoad tool, at a map position and a widget position.
    void roadPicked(XY position, QPoint widgetPosition);
    void pointActivated(qint64 id);  // double-click on a point
    // The user dropped dragged points: ids with their positions before and after.
    void pointsDropped(const QList<qint64>& ids, const QList<XY>& from, const QList<XY>& to);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    struct CachedLayer {
        QImage image;
        ViewTransform view;
        quint64 revision = 0;
    };
    enum class Drag { None, Pending, Pan, Points, RubberBand };

    void paintMap(QPainter& painter, bool exact);
    void drawCachedLayer(QPainter& painter, MapLayer* layer, bool exact);
    QImage renderLayer(MapLayer* layer) const;
    void startInteraction();  // the exact redraw waits until the movement stops
    Qt::CursorShape toolCursor() const;
    void finishDragPoints(bool commit);
    void updatePointDrag(QPointF screen);

    LayerStack* layers_ = nullptr;
    QPointer<Project> project_;
    PointsLayer* pointsLayer_ = nullptr;
    ViewTransform view_;
    BBox home_;
    bool viewInitialised_ = false;
    Tool tool_ = Tool::Select;
    QHash<const MapLayer*, CachedLayer> cache_;
    QTimer settleTimer_;  // fires when panning/zooming pauses
    bool interacting_ = false;
    QPainterPath highlight_;

    Drag drag_ = Drag::None;
    Qt::MouseButton dragButton_ = Qt::NoButton;
    QPointF pressPosition_;
    QPointF lastPosition_;
    ViewTransform pressView_;
    QList<qint64> draggedIds_;
    QList<XY> draggedFrom_;
};

// The colour around the territory.
inline constexpr QRgb kMapBackground = 0xffdfe6ea;

}  // namespace maillage::gui
