#include "render/planning_layers.h"

#include "planning/comparison.h"
#include "render/geometry_path.h"

#include <QPainter>

#include <ogr_geometry.h>

namespace maillage::render {
namespace {

QPen closedPen(double width)
{
    QPen pen(QColor::fromRgba(ClosedRoadsLayer::kClosedColour), width, Qt::CustomDashLine, Qt::FlatCap, Qt::RoundJoin);
    pen.setDashPattern({2.0, 1.4});
    pen.setCosmetic(true);
    return pen;
}

QPen pickedPen(double width)
{
    QPen pen(QColor::fromRgba(ClosedRoadsLayer::kPickedColour), width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    pen.setCosmetic(true);
    return pen;
}

QColor withAlpha(QRgb rgb, int alpha)
{
    QColor colour = QColor::fromRgba(rgb);
    colour.setAlpha(alpha);
    return colour;
}

}  // namespace

// ---------------------------------------------------------------------------------------

ClosedRoadsLayer::ClosedRoadsLayer(QObject* parent)
    : MapLayer(QStringLiteral("closedRoads"), tr("Routes fermées (plan)"), parent)
{
}

void ClosedRoadsLayer::setClosedRoads(const QPainterPath& mapPath)
{
    closed_ = mapPath;
    markChanged();
    Q_EMIT legendChanged();
}

void ClosedRoadsLayer::setPickedRoad(const QPainterPath& mapPath)
{
    picked_ = mapPath;
    markChanged();
    Q_EMIT legendChanged();
}

void ClosedRoadsLayer::render(QPainter& painter, const ViewTransform& view) const
{
    painter.setTransform(view.transform(), true);
    painter.setBrush(Qt::NoBrush);
    const double boost = view.metresPerPixel() < 40 ? 1.5 : 1.0;
    if (!closed_.isEmpty()) {
        QPen under(QColor(255, 255, 255, 220), 5.5 * boost, Qt::SolidLine, Qt::FlatCap, Qt::RoundJoin);
        under.setCosmetic(true);
        painter.setPen(under);
        painter.drawPath(closed_);
        painter.setPen(closedPen(3.5 * boost));
        painter.drawPath(closed_);
    }
    if (!picked_.isEmpty()) {
        // On top of everything (a closed segment picked to reopen it), with a light halo.
        QPen halo = pickedPen(9.0 * boost);
        halo.setColor(withAlpha(kPickedColour, 70));
        painter.setPen(halo);
        painter.drawPath(picked_);
        painter.setPen(pickedPen(2.5 * boost));  // thin enough to let red dashes show beside it
        painter.drawPath(picked_);
    }
}

std::vector<LegendEntry> ClosedRoadsLayer::legend() const
{
    // Only what is drawn: a project without plans keeps a short legend.
    std::vector<LegendEntry> entries;
    if (!closed_.isEmpty())
        entries.push_back({LegendEntry::Kind::Line,
                           [](QPainter& p, const QRectF& box) {
                               const QPointF from(box.left() + 1, box.center().y()), to(box.right() - 1, box.center().y());
                               p.setPen(QPen(Qt::white, 5.0));
                               p.drawLine(from, to);
                               QPen pen = closedPen(3.0);
                               pen.setCosmetic(false);
                               pen.setDashPattern({1.5, 1.0});
                               p.setPen(pen);
                               p.drawLine(from, to);
                           },
                           tr("route fermée dans le plan")});
    if (!picked_.isEmpty())
        entries.push_back({LegendEntry::Kind::Line,
                           [](QPainter& p, const QRectF& box) {
                               QPen pen = pickedPen(3.5);
                               pen.setCosmetic(false);
                               p.setPen(pen);
                               p.drawLine(QPointF(box.left() + 2, box.center().y()),
                                          QPointF(box.right() - 2, box.center().y()));
                           },
                           tr("tronçon choisi")});
    return entries;
}

// ---------------------------------------------------------------------------------------

SuggestionsLayer::SuggestionsLayer(QObject* parent) : MapLayer(QStringLiteral("suggestions"), tr("Sites suggérés"), parent)
{
}

void SuggestionsLayer::setSites(std::vector<Site> sites)
{
    const bool hadSites = !sites_.empty();
    sites_ = std::move(sites);
    markChanged();
    if (hadSites != !sites_.empty()) Q_EMIT legendChanged();
}

void SuggestionsLayer::render(QPainter& painter, const ViewTransform& view) const
{
    // In the view's pixels (the painter's coordinates): the symbols keep their size.
    QFont font = painter.font();
    font.setBold(true);
    font.setPixelSize(11);
    painter.setFont(font);
    for (const Site& site : sites_) {
        const QPointF at = view.toScreen(site.position);
        const QColor colour = site.chosen ? QColor::fromRgba(kSiteColour) : QColor(140, 140, 140);
        // A ring around the town hall symbol, then the rank in a badge above right.
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(QColor(255, 255, 255, 230), 6.0));
        painter.drawEllipse(at, 13.0, 13.0);
        painter.setPen(QPen(colour, site.chosen ? 3.5 : 2.0));
        painter.drawEllipse(at, 13.0, 13.0);
        const QRectF badge(at.x() + 7.0, at.y() - 25.0, 17.0, 17.0);
        painter.setPen(QPen(Qt::white, 1.5));
        painter.setBrush(colour);
        painter.drawEllipse(badge);
        painter.setPen(Qt::white);
        painter.drawText(badge, Qt::AlignCenter, QString::number(site.rank));
    }
}

std::vector<LegendEntry> SuggestionsLayer::legend() const
{
    if (sites_.empty()) return {};
    return {{LegendEntry::Kind::Marker,
             [](QPainter& p, const QRectF& box) {
                 p.setPen(QPen(QColor::fromRgba(kSiteColour), 2.5));
                 p.setBrush(Qt::NoBrush);
                 p.drawEllipse(box.center(), 6.5, 6.5);
             },
             tr("site suggéré (avec son rang)")}};
}

BBox SuggestionsLayer::extent() const
{
    BBox box;
    for (const Site& site : sites_) box.expand(site.position);
    return box;
}

// ---------------------------------------------------------------------------------------

DifferenceLayer::DifferenceLayer(QObject* parent)
    : MapLayer(QStringLiteral("difference"), tr("Écart entre scénarios"), parent)
{
    setOpacity(0.85);
}

void DifferenceLayer::setComparison(std::shared_ptr<const ScenarioComparison> comparison)
{
    comparison_ = std::move(comparison);
    covered_ = {};
    uncovered_ = {};
    if (comparison_)
        for (const ChangeZone& zone : comparison_->changes) {
            if (!zone.geometry) continue;
            (zone.change == CoverageChange::Covered ? covered_ : uncovered_).addPath(areaPath(*zone.geometry));
        }
    covered_.setFillRule(Qt::OddEvenFill);
    uncovered_.setFillRule(Qt::OddEvenFill);
    markChanged();
    Q_EMIT legendChanged();
}

void DifferenceLayer::render(QPainter& painter, const ViewTransform& view) const
{
    if (!comparison_) return;
    painter.setTransform(view.transform(), true);
    for (const auto& [path, rgb] : {std::pair{&covered_, kCoveredColour}, std::pair{&uncovered_, kUncoveredColour}}) {
        if (path->isEmpty()) continue;
        QPen pen(QColor::fromRgba(rgb).darker(135), 1.6);
        pen.setCosmetic(true);
        painter.setPen(pen);
        painter.setBrush(withAlpha(rgb, 150));
        painter.drawPath(*path);
    }
}

std::vector<LegendEntry> DifferenceLayer::legend() const
{
    if (!comparison_) return {};
    const auto swatchOf = [](QRgb rgb) {
        return [rgb](QPainter& p, const QRectF& box) {
            p.setPen(QPen(QColor::fromRgba(rgb).darker(135), 1.2));
            p.setBrush(withAlpha(rgb, 150));
            p.drawRect(QRectF(box.center().x() - 6.5, box.center().y() - 5.5, 13, 11));
        };
    };
    const QString threshold = QString::number(comparison_->thresholdMinutes);
    return {{LegendEntry::Kind::Area, swatchOf(kCoveredColour),
             tr("passe sous %1 min dans « %2 »").arg(threshold, comparison_->nameB)},
            {LegendEntry::Kind::Area, swatchOf(kUncoveredColour),
             tr("passe au-delà de %1 min dans « %2 »").arg(threshold, comparison_->nameB)}};
}

BBox DifferenceLayer::extent() const
{
    BBox box;
    for (const QPainterPath* path : {&covered_, &uncovered_}) {
        if (path->isEmpty()) continue;
        const QRectF r = path->boundingRect();
        box.expand(XY{r.left(), r.top()});
        box.expand(XY{r.right(), r.bottom()});
    }
    return box;
}

}  // namespace maillage::render
