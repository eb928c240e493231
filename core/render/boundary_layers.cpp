#include "render/boundary_layers.h"

#include "render/geometry_path.h"

#include <QFontMetricsF>
#include <QPainter>

#include <ogr_geometry.h>
#include <algorithm>

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

void CommuneLabelsLayer::render(QPainter& painter, const ViewTransform& view) const
{
    QFont normal = painter.font();
    normal.setPointSizeF(8);
    QFont town = normal;
    town.setPointSizeF(9);
    town.setBold(true);
    const QFontMetricsF normalMetrics(normal, painter.device());
    const QFontMetricsF townMetrics(town, painter.device());
    const QRectF screen(QPointF(0, 0), QSizeF(view.size()));
    std::vector<QRectF> placed;
    const bool vector = isVectorOutput(painter);
    std::vector<QRectF> symbols;  // the obstacles' squares on screen
    for (const XY& p : obstacles_) {
        const QPointF at = view.toScreen(p);
        if (screen.adjusted(-20, -20, 20, 20).contains(at))
            symbols.push_back(QRectF(at - QPointF(obstacleRadius_, obstacleRadius_), QSizeF(2, 2) * obstacleRadius_));
    }
    auto symbolUnder = [&symbols](const QRectF& box) -> const QRectF* {
        for (const QRectF& s : symbols)
            if (s.intersects(box)) return &s;
        return nullptr;
    };
    auto free = [&](const QRectF& box) {
        const QRectF spaced = box.adjusted(-3, -1, 3, 1);
        return screen.contains(box) && !symbolUnder(box)
               && std::none_of(placed.begin(), placed.end(), [&](const QRectF& r) { return r.intersects(spaced); });
    };
    for (const Label& label : labels_) {
        const QFontMetricsF& metrics = label.town ? townMetrics : normalMetrics;
        const double textWidth = metrics.horizontalAdvance(label.text);
        // A label shows when its commune is at least about as wide as the text on screen
        // (towns a little earlier, since readers look for them first).
        const double communePixels = label.width / view.metresPerPixel();
        if (communePixels < textWidth * (label.town ? 0.45 : 0.9)) continue;
        const QPointF at = view.toScreen(label.position);
        QRectF box(at.x() - textWidth / 2, at.y() - metrics.height() / 2, textWidth, metrics.height());
        if (!screen.intersects(box)) continue;
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
            const auto it = std::find_if(std::begin(candidates), std::end(candidates), free);
            if (it == std::end(candidates)) continue;
            box = *it;
        } else if (!free(box)) {
            if (!vector && !screen.contains(box) && screen.intersects(box)) {
                // Cut by the window's edge (never on paper): kept if nothing else is in the way.
                const QRectF spaced = box.adjusted(-3, -1, 3, 1);
                if (std::any_of(placed.begin(), placed.end(), [&](const QRectF& r) { return r.intersects(spaced); }))
                    continue;
            } else {
                continue;
            }
        }
        placed.push_back(box.adjusted(-3, -1, 3, 1));
        painter.setFont(label.town ? town : normal);
        // A white halo keeps names readable over colours and roads.
        QPainterPath text;
        text.addText(box.left(), box.top() + metrics.ascent(), label.town ? town : normal, label.text);
        painter.setPen(QPen(QColor(255, 255, 255, 220), 3, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(text);
        if (vector) {  // real text in a PDF: selectable and searchable
            painter.setPen(QColor(40, 40, 40));
            painter.drawText(QPointF(box.left(), box.top() + metrics.ascent()), label.text);
            continue;
        }
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(40, 40, 40));
        painter.drawPath(text);
    }
}

std::vector<LegendEntry> CommuneLabelsLayer::legend() const { return {}; }

}  // namespace maillage::render
