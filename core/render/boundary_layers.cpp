#include "render/boundary_layers.h"

#include "render/geometry_path.h"

#include <QFontMetricsF>
#include <QPainter>

#include <ogr_geometry.h>
#include <algorithm>
#include <optional>
#include <span>

namespace maillage::render {
namespace {

QPen cosmeticPen(QRgb colour, double width, Qt::PenStyle style = Qt::SolidLine)
{
    QPen pen{QColor::fromRgba(colour), width, style, Qt::RoundCap, Qt::RoundJoin};
    pen.setCosmetic(true);
    return pen;
}

// Legend symbols: an area swatch, a line across the box.
LegendEntry areaEntry(const QBrush& fill, const QPen& pen, const QString& label)
{
    return {LegendEntry::Kind::Area,
            [fill, pen](QPainter& p, const QRectF& box) {
                QPen drawn = pen;
                drawn.setCosmetic(false);
                p.setPen(drawn);
                p.setBrush(fill);
                p.drawRect(QRectF(box.center() - QPointF(6.5, 5.5), QSizeF(13, 11)));
            },
            label};
}

LegendEntry lineEntry(const QPen& pen, const QString& label)
{
    return {LegendEntry::Kind::Line,
            [pen](QPainter& p, const QRectF& box) {
                QPen drawn = pen;
                drawn.setCosmetic(false);
                p.setPen(drawn);
                p.drawLine(QPointF(box.left() + 2, box.center().y()), QPointF(box.right() - 2, box.center().y()));
            },
            label};
}

// Paths are drawn only when their box meets the visible extent.
bool visible(const QPainterPath& path, const QRectF& extent) { return path.controlPointRect().intersects(extent); }

QRectF extentRect(const ViewTransform& view)
{
    const BBox b = view.visibleExtent();
    return QRectF(b.minX, b.minY, b.width(), b.height());
}

constexpr qint64 kTownPopulation = 5000;

}  // namespace

CommunesLayer::CommunesLayer(std::shared_ptr<const Territory> territory, Part part, QObject* parent)
    : MapLayer(part == Part::Fill ? QStringLiteral("communes") : QStringLiteral("commune-lines"),
               part == Part::Fill ? tr("Communes") : tr("Limites communales"), parent),
      territory_(std::move(territory)),
      part_(part)
{
    for (const Commune& c : territory_->communes)
        if (c.geometry) paths_.push_back(areaPath(*c.geometry));
}

void CommunesLayer::render(QPainter& painter, const ViewTransform& view) const
{
    painter.setTransform(view.transform(), true);
    if (part_ == Part::Fill) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor::fromRgba(boundary_style::kLand));
    } else {
        painter.setPen(cosmeticPen(boundary_style::kCommuneLine, 0.8));
        painter.setBrush(Qt::NoBrush);
    }
    const QRectF extent = extentRect(view);
    for (const QPainterPath& path : paths_)
        if (visible(path, extent)) painter.drawPath(path);
}

std::vector<LegendEntry> CommunesLayer::legend() const
{
    if (part_ == Part::Lines)
        return {lineEntry(QPen(QColor::fromRgba(boundary_style::kCommuneLine), 1), tr("Limite de commune"))};
    return {areaEntry(QColor::fromRgba(boundary_style::kLand), Qt::NoPen, tr("Territoire"))};
}

std::vector<LegendEntry> CommunesLayer::printLegend(const BBox& extent) const
{
    // On paper the land colour needs no explanation.
    return part_ == Part::Fill ? std::vector<LegendEntry>{} : MapLayer::printLegend(extent);
}

BoundaryLinesLayer::BoundaryLinesLayer(const QString& id, const QString& title, std::vector<QPainterPath> paths, Line line,
                                       QObject* parent)
    : MapLayer(id, title, parent), paths_(std::move(paths)), line_(std::move(line))
{
}

void BoundaryLinesLayer::render(QPainter& painter, const ViewTransform& view) const
{
    painter.setTransform(view.transform(), true);
    painter.setPen(cosmeticPen(line_.colour, line_.width, line_.style));
    painter.setBrush(Qt::NoBrush);
    const QRectF extent = extentRect(view);
    for (const QPainterPath& path : paths_)
        if (visible(path, extent)) painter.drawPath(path);
}

std::vector<LegendEntry> BoundaryLinesLayer::legend() const
{
    return {lineEntry(QPen(QColor::fromRgba(line_.colour), line_.width, line_.style), line_.legendLabel)};
}

namespace {

std::vector<QPainterPath> epciPaths(const Territory& territory)
{
    std::vector<QPainterPath> paths;
    for (const Epci& e : territory.epcis)
        if (e.geometry) paths.push_back(areaPath(*e.geometry));
    return paths;
}

std::vector<QPainterPath> outlinePaths(const Territory& territory)
{
    if (!territory.outline) return {};
    return {areaPath(*territory.outline)};
}

}  // namespace

EpciLayer::EpciLayer(std::shared_ptr<const Territory> territory, QObject* parent)
    : BoundaryLinesLayer(QStringLiteral("epci"), tr("EPCI"), epciPaths(*territory),
                         {boundary_style::kEpciLine, 1.8, Qt::DashLine, tr("Limite d'EPCI")}, parent)
{
}

OutlineLayer::OutlineLayer(std::shared_ptr<const Territory> territory, QObject* parent)
    : BoundaryLinesLayer(QStringLiteral("departement"), tr("Département"), outlinePaths(*territory),
                         {boundary_style::kOutlineLine, 2.4, Qt::SolidLine, tr("Limite du département")}, parent)
{
}

CommuneLabelsLayer::CommuneLabelsLayer(std::shared_ptr<const Territory> territory, QObject* parent)
    : MapLayer(QStringLiteral("labels"), tr("Noms des communes"), parent)
{
    std::vector<const Commune*> communes;
    for (const Commune& c : territory->communes)
        if (c.geometry) communes.push_back(&c);
    std::sort(communes.begin(), communes.end(),
              [](const Commune* a, const Commune* b) { return a->population > b->population; });
    for (const Commune* c : communes)
        labels_.push_back({c->name, labelPoint(*c->geometry, c->bbox), std::min(c->bbox.width(), c->bbox.height()),
                           c->population >= kTownPopulation});
}

void CommuneLabelsLayer::setObstacles(std::vector<XY> positions, double radiusPixels)
{
    obstacles_ = std::move(positions);
    obstacleRadius_ = radiusPixels;
    markChanged();
}

namespace {

// The two faces of the names: communes, and towns a little larger and bold.
struct LabelFonts {
    QFont normal;
    QFont town;
    QFontMetricsF normalMetrics;
    QFontMetricsF townMetrics;
};

LabelFonts labelFonts(const QPainter& painter)
{
    QFont normal = painter.font();
    normal.setPointSizeF(8);
    QFont town = normal;
    town.setPointSizeF(9);
    town.setBold(true);
    return {normal, town, QFontMetricsF(normal, painter.device()), QFontMetricsF(town, painter.device())};
}

// The obstacles' squares on screen (those near the window only).
std::vector<QRectF> obstacleSquares(std::span<const XY> obstacles, double radius, const ViewTransform& view,
                                    const QRectF& screen)
{
    std::vector<QRectF> squares;
    for (const XY& p : obstacles) {
        const QPointF at = view.toScreen(p);
        if (screen.adjusted(-20, -20, 20, 20).contains(at))
            squares.push_back(QRectF(at - QPointF(radius, radius), QSizeF(2, 2) * radius));
    }
    return squares;
}

// A name's box with the room kept around it.
QRectF spaced(const QRectF& box) { return box.adjusted(-3, -1, 3, 1); }

// Where names go on screen: never over an obstacle's square, never within the room of a
// name placed before.
class LabelPlacement {
public:
    LabelPlacement(const QRectF& screen, std::vector<QRectF> symbols, bool vector)
        : screen_(screen), symbols_(std::move(symbols)), vector_(vector)
    {
    }

    // Where the name centred in `box` goes, or nullopt when it has no room.
    std::optional<QRectF> place(const QRectF& box) const
    {
        if (const QRectF* symbol = symbolUnder(box)) {
            // Beside the symbol, as a cartographer places a town's name by its dot.
            const QSizeF size = box.size();
            const QPointF c = symbol->center();
            const double gap = 2;
            const QRectF candidates[] = {
                QRectF(QPointF(symbol->right() + gap, c.y() - size.height() / 2), size),
                QRectF(QPointF(symbol->left() - gap - size.width(), c.y() - size.height() / 2), size),
                QRectF(QPointF(c.x() - size.width() / 2, symbol->top() - gap - size.height()), size),
                QRectF(QPointF(c.x() - size.width() / 2, symbol->bottom() + gap), size),
            };
            const auto it = std::find_if(std::begin(candidates), std::end(candidates),
                                         [this](const QRectF& candidate) { return free(candidate); });
            if (it == std::end(candidates)) return std::nullopt;
            return *it;
        }
        if (free(box)) return box;
        // Cut by the window's edge (never on paper): kept if nothing else is in the way.
        if (!vector_ && !screen_.contains(box) && screen_.intersects(box) && !crowded(box)) return box;
        return std::nullopt;
    }

    void take(const QRectF& box) { placed_.push_back(spaced(box)); }

private:
    const QRectF* symbolUnder(const QRectF& box) const
    {
        for (const QRectF& s : symbols_)
            if (s.intersects(box)) return &s;
        return nullptr;
    }
    bool crowded(const QRectF& box) const
    {
        const QRectF room = spaced(box);
        return std::any_of(placed_.begin(), placed_.end(), [&](const QRectF& r) { return r.intersects(room); });
    }
    bool free(const QRectF& box) const { return screen_.contains(box) && !symbolUnder(box) && !crowded(box); }

    QRectF screen_;
    std::vector<QRectF> symbols_;
    bool vector_;
    std::vector<QRectF> placed_;  // the names placed, with their room
};

// A white halo keeps names readable over colours and roads.
void drawLabel(QPainter& painter, const QRectF& box, const QFont& font, const QFontMetricsF& metrics, const QString& text,
               bool vector)
{
    painter.setFont(font);
    QPainterPath path;
    path.addText(box.left(), box.top() + metrics.ascent(), font, text);
    painter.setPen(QPen(QColor(255, 255, 255, 220), 3, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(path);
    if (vector) {  // real text in a PDF: selectable and searchable
        painter.setPen(QColor(40, 40, 40));
        painter.drawText(QPointF(box.left(), box.top() + metrics.ascent()), text);
        return;
    }
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(40, 40, 40));
    painter.drawPath(path);
}

}  // namespace

void CommuneLabelsLayer::render(QPainter& painter, const ViewTransform& view) const
{
    const LabelFonts fonts = labelFonts(painter);
    const QRectF screen(QPointF(0, 0), QSizeF(view.size()));
    const bool vector = isVectorOutput(painter);
    LabelPlacement placement(screen, obstacleSquares(obstacles_, obstacleRadius_, view, screen), vector);
    for (const Label& label : labels_) {
        const QFontMetricsF& metrics = label.town ? fonts.townMetrics : fonts.normalMetrics;
        const double textWidth = metrics.horizontalAdvance(label.text);
        // A label shows when its commune is at least about as wide as the text on screen
        // (towns a little earlier, since readers look for them first).
        const double communePixels = label.width / view.metresPerPixel();
        if (communePixels < textWidth * (label.town ? 0.45 : 0.9)) continue;
        const QPointF at = view.toScreen(label.position);
        const QRectF box(at.x() - textWidth / 2, at.y() - metrics.height() / 2, textWidth, metrics.height());
        if (!screen.intersects(box)) continue;
        const std::optional<QRectF> placed = placement.place(box);
        if (!placed) continue;
        placement.take(*placed);
        drawLabel(painter, *placed, label.town ? fonts.town : fonts.normal, metrics, label.text, vector);
    }
}

}  // namespace maillage::render
