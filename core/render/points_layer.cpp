#include "render/points_layer.h"

#include "render/labels.h"
#include "render/point_symbols.h"

#include <QPainter>

#include <cmath>
#include <map>
#include <set>

namespace maillage::render {

PointsLayer::PointsLayer(QObject* parent) : MapLayer(QStringLiteral("points"), tr("Points d'accueil"), parent) {}

void PointsLayer::setPoints(std::vector<AccueilPoint> points)
{
    points_ = std::move(points);
    markChanged();
    Q_EMIT legendChanged();
}

double PointsLayer::symbolScale(const ViewTransform& view)
{
    return view.metresPerPixel() < 30 ? 1.35 : view.metresPerPixel() < 80 ? 1.15 : 1.0;
}

const QImage& PointsLayer::symbolImage(const PointStyle& style, double scale, qreal pixelRatio) const
{
    const QString key = QStringLiteral("%1|%2|%3|%4|%5|%6|%7")
                            .arg(static_cast<int>(style.level))
                            .arg(style.kind)
                            .arg(static_cast<int>(style.status))
                            .arg(style.outside)
                            .arg(style.selected)
                            .arg(scale)
                            .arg(pixelRatio);
    auto it = symbols_.find(key);
    if (it != symbols_.end()) return *it;
    const int side = static_cast<int>(std::ceil((symbolSize(style.level) * scale + 12) * pixelRatio)) | 1;
    QImage image(side, side, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    image.setDevicePixelRatio(pixelRatio);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    drawPointSymbol(painter, QPointF(side / pixelRatio / 2.0, side / pixelRatio / 2.0), style, scale);
    painter.end();
    return *symbols_.insert(key, image);
}

void PointsLayer::render(QPainter& painter, const ViewTransform& view) const
{
    const QRectF screen = QRectF(QPointF(0, 0), QSizeF(view.size())).adjusted(-20, -20, 20, 20);
    const double scale = symbolScale(view);
    const qreal ratio = painter.device() ? painter.device()->devicePixelRatioF() : 1.0;
    const bool vector = isVectorOutput(painter);
    for (Level level : {Level::First, Level::Second, Level::Third}) {
        for (const AccueilPoint& p : currentPoints()) {
            if (p.level != level) continue;
            const QPointF at = view.toScreen(p.lambert93);
            if (!screen.contains(at)) continue;
            const PointStyle style{p.level, p.kind, p.status, p.outsideTerritory, isSelected(p.id)};
            if (vector) {  // a PDF gets the symbols themselves, sharp at any zoom
                drawPointSymbol(painter, at, style, scale);
                continue;
            }
            const QImage& symbol = symbolImage(style, scale, ratio);
            const QSizeF half = QSizeF(symbol.size()) / ratio / 2.0;
            painter.drawImage(QPointF(std::round(at.x() - half.width()), std::round(at.y() - half.height())), symbol);
        }
    }
}

std::vector<LegendEntry> PointsLayer::legend() const { return legendOf({}, legendShowsAllStatuses_, false); }

std::vector<LegendEntry> PointsLayer::printLegend(const BBox& extent) const
{
    return legendOf(extent, legendShowsAllStatuses_, true);
}

std::vector<LegendEntry> PointsLayer::legendOf(const BBox& extent, bool allStatuses, bool print) const
{
    // One entry per level and kind present, then the statuses drawn differently.
    std::map<std::pair<int, QString>, int> kinds;
    std::set<PointStatus> statuses;
    bool outside = false;
    for (const AccueilPoint& p : currentPoints()) {
        if (!extent.isEmpty() && !extent.contains(p.lambert93)) continue;
        kinds[{static_cast<int>(p.level), p.kind}]++;
        statuses.insert(p.status);
        outside = outside || p.outsideTerritory;
    }
    std::vector<LegendEntry> entries;
    for (const auto& [key, count] : kinds) {
        const Level level = static_cast<Level>(key.first);
        // On paper the symbol's shape already says the level, and the count is of the map.
        entries.push_back(
            pointLegendEntry({level, key.second, PointStatus::Existing},
                             print ? tr("%1 (%2)").arg(kindLabel(key.second)).arg(count)
                                   : tr("%1 (niveau %2) : %3").arg(kindLabel(key.second)).arg(key.first).arg(count)));
    }
    const QString example = QStringLiteral("france_services");
    if (allStatuses || statuses.count(PointStatus::Planned))
        entries.push_back(pointLegendEntry({Level::Second, example, PointStatus::Planned}, tr("Projeté (contour tireté)")));
    if (allStatuses || statuses.count(PointStatus::Closed))
        entries.push_back(pointLegendEntry({Level::Second, example, PointStatus::Closed}, tr("Fermé")));
    if (allStatuses || outside)
        entries.push_back(pointLegendEntry({Level::Second, example, PointStatus::Existing, true},
                                           print ? tr("hors du territoire (estompé)") : tr("Hors du territoire (estompé)")));
    return entries;
}

BBox PointsLayer::extent() const
{
    BBox box;
    for (const AccueilPoint& p : currentPoints()) box.expand(p.lambert93);
    return box;
}

qint64 PointsLayer::pointAt(const ViewTransform& view, QPointF screen, double tolerancePixels) const
{
    // The topmost symbol wins: third level over second over first, later over earlier.
    qint64 best = 0;
    int bestLevel = 0;
    const double scale = symbolScale(view);
    for (const AccueilPoint& p : currentPoints()) {
        const QPointF at = view.toScreen(p.lambert93);
        const double reach = symbolSize(p.level) * scale / 2 + tolerancePixels;
        const QPointF d = at - screen;
        if (d.x() * d.x() + d.y() * d.y() > reach * reach) continue;
        if (static_cast<int>(p.level) >= bestLevel) {
            best = p.id;
            bestLevel = static_cast<int>(p.level);
        }
    }
    return best;
}

QList<qint64> PointsLayer::pointsIn(const ViewTransform& view, const QRectF& screenRect) const
{
    QList<qint64> ids;
    for (const AccueilPoint& p : currentPoints())
        if (screenRect.contains(view.toScreen(p.lambert93))) ids << p.id;
    return ids;
}

}  // namespace maillage::render
