#include "render/point_symbols.h"

#include "store/kinds.h"

#include <QHash>
#include <QPainter>
#include <QPainterPath>

namespace maillage::render {

QColor kindColour(const QString& kind)
{
    static const QHash<QString, QRgb> colours{
        {QStringLiteral("mairie"), 0xff41628f},
        {QStringLiteral("bureau_poste"), 0xffc98f00},
        {QStringLiteral("agence_postale_communale"), 0xfff0bf2a},
        {QStringLiteral("agence_postale_intercommunale"), 0xffe2a910},
        {QStringLiteral("relais_poste"), 0xfff5dc7a},
        {QStringLiteral("point_relais"), 0xffb7a86a},
        {QStringLiteral("france_services"), 0xffd7263d},
        {QStringLiteral("france_services_antenne"), 0xffef6f6c},
        {QStringLiteral("france_services_itinerant"), 0xfff4a259},
        {QStringLiteral("ccas"), 0xff2e8b57},
        {QStringLiteral("cms"), 0xff5aa469},
        {QStringLiteral("caf"), 0xff6a3d9a},
        {QStringLiteral("cpam"), 0xff2b5fb3},
        {QStringLiteral("france_travail"), 0xff1b998b},
        {QStringLiteral("msa"), 0xff6b8e23},
        {QStringLiteral("carsat"), 0xff9b5de5},
        {QStringLiteral("finances_publiques"), 0xff5c5c8a},
        {QStringLiteral("prefecture"), 0xff3c3c3c},
        {QStringLiteral("visio"), 0xff00a6d6},  // a screen's blue: operators met by video
    };
    return QColor::fromRgba(colours.value(kind, 0xff808080));
}

double symbolSize(Level level)
{
    switch (level) {
    case Level::First: return 7.0;
    case Level::Second: return 12.0;
    case Level::Third: return 13.0;
    }
    return 8.0;
}

namespace {

QPainterPath shapeFor(Level level, QPointF at, double size)
{
    QPainterPath path;
    const double r = size / 2;
    switch (level) {
    case Level::First: path.addEllipse(at, r, r); break;
    case Level::Second: path.addRect(QRectF(at.x() - r, at.y() - r, size, size)); break;
    case Level::Third: {
        const double h = size * 0.95;
        path.moveTo(at.x(), at.y() - h * 0.62);
        path.lineTo(at.x() + r * 1.1, at.y() + h * 0.42);
        path.lineTo(at.x() - r * 1.1, at.y() + h * 0.42);
        path.closeSubpath();
        break;
    }
    }
    return path;
}

}  // namespace

void drawPointSymbol(QPainter& painter, QPointF at, const PointStyle& style, double scale)
{
    const double size = symbolSize(style.level) * scale;
    const QPainterPath shape = shapeFor(style.level, at, size);
    QColor colour = kindColour(style.kind);
    painter.save();
    if (style.outside) painter.setOpacity(painter.opacity() * 0.55);
    if (style.selected) {
        painter.setPen(QPen(QColor(255, 214, 0), 4.5));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(shapeFor(style.level, at, size + 6));
    }
    switch (style.status) {
    case PointStatus::Existing:
        painter.setPen(QPen(style.level == Level::First ? QColor(255, 255, 255) : QColor(30, 30, 30), 1.0));
        painter.setBrush(colour);
        painter.drawPath(shape);
        break;
    case PointStatus::Planned: {
        // Hollow and dashed: a place that does not exist yet.
        painter.setPen(QPen(QColor(255, 255, 255), 4.0));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(shape);
        QPen dashed(colour.darker(115), 2.2, Qt::CustomDashLine);
        dashed.setDashPattern({2.0, 1.3});
        painter.setPen(dashed);
        painter.setBrush(QColor(255, 255, 255, 200));
        painter.drawPath(shape);
        break;
    }
    case PointStatus::Closed: {
        painter.setPen(QPen(QColor(90, 90, 90), 1.0));
        painter.setBrush(QColor(175, 175, 175));
        painter.drawPath(shape);
        const double r = size / 2.6;
        painter.setPen(QPen(QColor(60, 60, 60), 1.4));
        painter.drawLine(at + QPointF(-r, -r), at + QPointF(r, r));
        painter.drawLine(at + QPointF(-r, r), at + QPointF(r, -r));
        break;
    }
    }
    painter.restore();
}

QImage pointSymbolImage(const PointStyle& style, int size, qreal devicePixelRatio)
{
    return legendSymbolImage(pointLegendEntry(style, {}), size, devicePixelRatio);
}

LegendEntry pointLegendEntry(const PointStyle& style, const QString& label)
{
    return {LegendEntry::Kind::Marker,
            [style](QPainter& painter, const QRectF& box) { drawPointSymbol(painter, box.center(), style, 1.0); }, label};
}

}  // namespace maillage::render
