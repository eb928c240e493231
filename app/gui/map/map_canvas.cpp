#include "map/map_canvas.h"

#include "project.h"
#include "render/map_layer.h"
#include "render/points_layer.h"
#include "widget_helpers.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <cmath>

namespace maillage::gui {
namespace {
constexpr double kWheelStep = 1.25;       // zoom factor per wheel notch
constexpr double kKeyStep = 1.6;          // zoom factor per +/- key
constexpr int kClickSlopPixels = 4;       // a press that moves less than this is a click
constexpr int kSettleMilliseconds = 120;  // exact redraw after the movement stops
}  // namespace

MapCanvas::MapCanvas(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(200, 150);
    settleTimer_.setSingleShot(true);
    settleTimer_.setInterval(kSettleMilliseconds);
    connect(&settleTimer_, &QTimer::timeout, this, [this] {
        interacting_ = false;
        update();
    });
}

void MapCanvas::setLayers(LayerStack* layers)
{
    replaceSource(layers_, layers, this);
    cache_.clear();
    if (layers_) {
        connect(layers_, &LayerStack::changed, this, [this] {
            cache_.clear();
            update();
        });
        connect(layers_, &LayerStack::layerContentChanged, this, [this] { update(); });
        connect(layers_, &LayerStack::layerAppearanceChanged, this, [this] { update(); });
    }
    update();
}

void MapCanvas::setProject(Project* project, PointsLayer* pointsLayer)
{
    if (drag_ == Drag::Points) finishDragPoints(false);
    drag_ = Drag::None;
    project_ = project;
    pointsLayer_ = pointsLayer;
    highlight_ = {};
    update();
}

void MapCanvas::setView(const ViewTransform& view)
{
    if (view == view_) return;
    view_ = view;
    viewInitialised_ = true;
    update();
    Q_EMIT viewChanged();
}

void MapCanvas::zoomToExtent(const BBox& box)
{
    if (box.isEmpty()) return;
    setView(ViewTransform::fitting(box, size()));
}

void MapCanvas::zoomBy(double factor)
{
    startInteraction();
    setView(view_.zoomedAt(QPointF(width() / 2.0, height() / 2.0), factor));
}

void MapCanvas::setTool(Tool tool)
{
    if (tool == tool_) return;
    tool_ = tool;
    setCursor(toolCursor());
    Q_EMIT toolChanged(tool);
}

void MapCanvas::setHighlight(const QPainterPath& mapPath)
{
    highlight_ = mapPath;
    update();
}

double MapCanvas::scaleDenominator() const { return view_.scaleDenominator(logicalDpiX()); }

void MapCanvas::startInteraction()
{
    interacting_ = true;
    settleTimer_.start();
}

QImage MapCanvas::renderLayer(MapLayer* layer) const
{
    const qreal ratio = devicePixelRatioF();
    QImage image(view_.size() * ratio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(ratio);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    layer->render(painter, view_);
    return image;
}

void MapCanvas::drawCachedLayer(QPainter& painter, MapLayer* layer, bool exact)
{
    CachedLayer& cached = cache_[layer];
    const bool fresh = cached.revision == layer->revision() && !cached.image.isNull();
    if (fresh && cached.view == view_) {
        painter.drawImage(QPointF(0, 0), cached.image);
        return;
    }
    if (fresh && interacting_ && !exact && cached.view.size() == view_.size()) {
        // Shift and scale the image drawn for the old view; exact redraw when the user pauses.
        const QTransform oldToNew = cached.view.transform().inverted() * view_.transform();
        painter.save();
        painter.setTransform(oldToNew, true);
        painter.drawImage(QPointF(0, 0), cached.image);
        painter.restore();
        return;
    }
    cached.image = renderLayer(layer);
    cached.view = view_;
    cached.revision = layer->revision();
    painter.drawImage(QPointF(0, 0), cached.image);
}

void MapCanvas::paintMap(QPainter& painter, bool exact)
{
    painter.fillRect(QRect(QPoint(0, 0), size()), QColor::fromRgba(kMapBackground));
    if (!layers_) return;
    for (MapLayer* layer : layers_->layers()) {
        if (!layer->isVisible() || layer->opacity() <= 0.0 || !layer->hasContent()) continue;
        painter.setOpacity(layer->opacity());
        if (layer->isCached()) {
            drawCachedLayer(painter, layer, exact);
        } else {
            painter.save();
            painter.setRenderHint(QPainter::Antialiasing);
            layer->render(painter, view_);
            painter.restore();
        }
    }
    painter.setOpacity(1.0);
    if (!highlight_.isEmpty()) {
        painter.save();
        painter.setTransform(view_.transform());
        QPen pen(QColor(0, 150, 255), 3.0);
        pen.setCosmetic(true);
        painter.setPen(pen);
        painter.setBrush(QColor(0, 150, 255, 30));
        painter.drawPath(highlight_);
        painter.restore();
    }
}

void MapCanvas::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    paintMap(painter, false);
    if (drag_ == Drag::RubberBand) {
        painter.setPen(QPen(QColor(0, 120, 215), 1, Qt::DashLine));
        painter.setBrush(QColor(0, 120, 215, 40));
        painter.drawRect(QRectF(pressPosition_, lastPosition_).normalized());
    }
}

QImage MapCanvas::renderImage()
{
    const qreal ratio = devicePixelRatioF();
    QImage image(size() * ratio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(ratio);
    QPainter painter(&image);
    paintMap(painter, true);
    return image;
}

void MapCanvas::resizeEvent(QResizeEvent*)
{
    cache_.clear();
    if (!viewInitialised_ && !home_.isEmpty()) {
        view_ = ViewTransform::fitting(home_, size());
        viewInitialised_ = true;
    } else {
        view_ = view_.withSize(size());
    }
    Q_EMIT viewChanged();
}

void MapCanvas::mousePressEvent(QMouseEvent* event)
{
    setFocus(Qt::MouseFocusReason);
    pressPosition_ = lastPosition_ = event->position();
    pressView_ = view_;
    dragButton_ = event->button();
    if (event->button() == Qt::MiddleButton || event->button() == Qt::RightButton) {
        drag_ = Drag::Pan;
        return;
    }
    if (event->button() != Qt::LeftButton) return;
    if (tool_ == Tool::AddPoint || tool_ == Tool::PickRoad) {
        drag_ = Drag::Pending;
        return;
    }
    if (event->modifiers() & Qt::ShiftModifier) {
        drag_ = Drag::RubberBand;
        return;
    }
    const qint64 hit =
        (project_ && pointsLayer_ && pointsLayer_->isVisible()) ? pointsLayer_->pointAt(view_, event->position()) : 0;
    if (!hit) {
        drag_ = Drag::Pending;  // a click (identify) or a pan, decided by the movement
        return;
    }
    QSet<qint64> selection = project_->selection();
    if (event->modifiers() & Qt::ControlModifier) {
        if (!selection.remove(hit)) selection.insert(hit);
        project_->setSelection(selection);
        drag_ = Drag::None;
        return;
    }
    if (!selection.contains(hit)) {
        selection = {hit};
        project_->setSelection(selection);
    }
    // Dragging a selected point moves the whole selection (what may move: a plan does not
    // move the baseline's points).
    draggedIds_.clear();
    draggedFrom_.clear();
    for (qint64 id : selection)
        if (project_->canMove(id)) {
            draggedIds_ << id;
            draggedFrom_ << project_->point(id)->lambert93;
        }
    drag_ = draggedIds_.isEmpty() ? Drag::Pending : Drag::Points;
}

void MapCanvas::updatePointDrag(QPointF screen)
{
    const XY start = view_.toMap(pressPosition_);
    const XY now = view_.toMap(screen);
    for (int i = 0; i < draggedIds_.size(); ++i)
        project_->previewMove(draggedIds_[i], {draggedFrom_[i].x + now.x - start.x, draggedFrom_[i].y + now.y - start.y});
}

void MapCanvas::mouseMoveEvent(QMouseEvent* event)
{
    const QPointF position = event->position();
    Q_EMIT cursorMoved(view_.toMap(position));
    const bool beyondSlop = (position - pressPosition_).manhattanLength() >= kClickSlopPixels;
    switch (drag_) {
    case Drag::None: return;
    case Drag::Pending:
        if (!beyondSlop) return;
        drag_ = Drag::Pan;
        [[fallthrough]];
    case Drag::Pan:
        startInteraction();
        setCursor(Qt::ClosedHandCursor);
        setView(pressView_.panned(position - pressPosition_));
        break;
    case Drag::Points:
        if (!beyondSlop && !project_->hasPreview()) return;
        if (project_) updatePointDrag(position);
        break;
    case Drag::RubberBand: update(); break;
    }
    lastPosition_ = position;
}

void MapCanvas::finishDragPoints(bool commit)
{
    if (!project_ || !project_->hasPreview()) return;
    QList<XY> to;
    for (qint64 id : draggedIds_) to << project_->point(id)->lambert93;
    project_->cancelPreview();
    if (commit) Q_EMIT pointsDropped(draggedIds_, draggedFrom_, to);
}

void MapCanvas::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != dragButton_) return;
    const Drag drag = drag_;
    drag_ = Drag::None;
    setCursor(toolCursor());
    switch (drag) {
    case Drag::Pending:
        if (tool_ == Tool::AddPoint) Q_EMIT addPointRequested(view_.toMap(event->position()));
        else if (tool_ == Tool::PickRoad) Q_EMIT roadPicked(view_.toMap(event->position()), event->position().toPoint());
        else Q_EMIT mapClicked(view_.toMap(event->position()), event->modifiers());
        break;
    case Drag::Points:
        if (project_) updatePointDrag(event->position());
        finishDragPoints(true);
        break;
    case Drag::RubberBand:
        if (project_ && pointsLayer_) {
            const QList<qint64> ids = pointsLayer_->pointsIn(view_, QRectF(pressPosition_, event->position()).normalized());
            QSet<qint64> selection(ids.begin(), ids.end());
            if (event->modifiers() & Qt::ControlModifier) selection.unite(project_->selection());
            project_->setSelection(selection);
        }
        update();
        break;
    case Drag::Pan:
    case Drag::None: break;
    }
}

void MapCanvas::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (tool_ != Tool::Select || !pointsLayer_ || event->button() != Qt::LeftButton) return;
    if (const qint64 id = pointsLayer_->pointAt(view_, event->position())) Q_EMIT pointActivated(id);
}

void MapCanvas::wheelEvent(QWheelEvent* event)
{
    const double notches = event->angleDelta().y() / 120.0;
    if (notches == 0) return;
    startInteraction();
    setView(view_.zoomedAt(event->position(), std::pow(kWheelStep, notches)));
    event->accept();
}

void MapCanvas::keyPressEvent(QKeyEvent* event)
{
    const double step = 0.25;  // share of the widget moved by an arrow key
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomBy(kKeyStep); break;
    case Qt::Key_Minus: zoomBy(1 / kKeyStep); break;
    case Qt::Key_Left:
        startInteraction();
        setView(view_.panned(QPointF(width() * step, 0)));
        break;
    case Qt::Key_Right:
        startInteraction();
        setView(view_.panned(QPointF(-width() * step, 0)));
        break;
    case Qt::Key_Up:
        startInteraction();
        setView(view_.panned(QPointF(0, height() * step)));
        break;
    case Qt::Key_Down:
        startInteraction();
        setView(view_.panned(QPointF(0, -height() * step)));
        break;
    case Qt::Key_Escape:
        if (drag_ == Drag::Points) {
            finishDragPoints(false);
            drag_ = Drag::None;
        } else if (tool_ != Tool::Select) {
            setTool(Tool::Select);
        }
        break;
    default: QWidget::keyPressEvent(event); return;
    }
    event->accept();
}

void MapCanvas::leaveEvent(QEvent*) { Q_EMIT cursorLeft(); }

Qt::CursorShape MapCanvas::toolCursor() const
{
    switch (tool_) {
    case Tool::AddPoint: return Qt::CrossCursor;
    case Tool::PickRoad: return Qt::PointingHandCursor;
    case Tool::Select: break;
    }
    return Qt::ArrowCursor;
}

}  // namespace maillage::gui
