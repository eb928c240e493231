#include "map/coverage_layers.h"

#include "coverage_controller.h"
#include "map/geometry_path.h"

#include <QPainter>

#include <ogr_geometry.h>

#include <cmath>

namespace maillage::gui {
namespace {

// The grid's screen rectangle for a view (the image is drawn stretched onto it).
QRectF gridRect(const CoverageGrid& grid, const ViewTransform& view)
{
    const BBox extent = grid.extent();
    return QRectF(view.toScreen(XY{extent.minX, extent.maxY}), view.toScreen(XY{extent.maxX, extent.minY}));
}

// An image of the grid (row 0 north), transparent outside the territory; `colour` gives
// each cell's colour from its minutes (0 = transparent).
template <typename ColourOf>
QImage gridImage(const CoverageGrid& grid, const std::vector<float>& minutes, ColourOf colourOf)
{
    QImage image(grid.columns(), grid.rows(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    auto* pixels = reinterpret_cast<QRgb*>(image.bits());
    const qsizetype stride = image.bytesPerLine() / 4;
    const int columns = grid.columns();
    for (std::size_t cell = 0; cell < minutes.size() && cell < grid.cellCount(); ++cell) {
        const std::uint32_t r = grid.rasterIndex(cell);
        pixels[(r / columns) * stride + r % columns] = colourOf(minutes[cell]);
    }
    return image;
}

void drawGridImage(QPainter& painter, const CoverageGrid& grid, const QImage& image, const ViewTransform& view)
{
    painter.resetTransform();
    // Cells stay crisp when zoomed in; smoothing only helps when a cell is under a pixel.
    painter.setRenderHint(QPainter::SmoothPixmapTransform, grid.cellSize() < view.metresPerPixel());
    painter.drawImage(gridRect(grid, view), image);
}

QPixmap swatch(QRgb fill, QRgb outline = 0)
{
    QPixmap pixmap(18, 18);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setPen(outline ? QPen(QColor::fromRgba(outline), 1.5) : Qt::NoPen);
    p.setBrush(QColor::fromRgba(fill));
    p.drawRect(QRectF(2.5, 3.5, 13, 11));
    return pixmap;
}

}  // namespace

IsochroneLayer::IsochroneLayer(CoverageController& coverage, QObject* parent)
    : MapLayer(QStringLiteral("bands"), tr("Temps d'accès"), parent), coverage_(coverage)
{
    setOpacity(0.45);
    connect(&coverage, &CoverageController::updated, this, &IsochroneLayer::rebuild);
    connect(&coverage, &CoverageController::settingsChanged, this, &IsochroneLayer::legendChanged);
    rebuild();
}

void IsochroneLayer::rebuild()
{
    if (!coverage_.isAvailable()) return;
    image_ = gridImage(coverage_.context()->grid(), coverage_.result().surface.minutes, [](float minutes) -> QRgb {
        if (!std::isfinite(minutes)) return kUnreachable;
        for (std::size_t i = 0; i < kBreaks.size(); ++i)
            if (minutes < kBreaks[i]) return kColours[i];
        return kColours.back();
    });
    markChanged();
}

void IsochroneLayer::render(QPainter& painter, const ViewTransform& view) const
{
    if (coverage_.isAvailable()) drawGridImage(painter, coverage_.context()->grid(), image_, view);
}

std::vector<LegendEntry> IsochroneLayer::legend() const
{
    const int level = coverage_.level();
    return {
        {swatch(kColours[0]), tr("moins de 10 min d'un lieu de niveau %1").arg(level)},
        {swatch(kColours[1]), tr("10 à 20 min")},
        {swatch(kColours[2]), tr("20 à 30 min")},
        {swatch(kColours[3]), tr("plus de 30 min")},
        {swatch(kUnreachable), tr("inaccessible par la route")},
    };
}

GapLayer::GapLayer(CoverageController& coverage, QObject* parent)
    : MapLayer(QStringLiteral("gaps"), tr("Zones au-delà du seuil"), parent), coverage_(coverage)
{
    setOpacity(0.6);
    connect(&coverage, &CoverageController::updated, this, &GapLayer::rebuild);
    connect(&coverage, &CoverageController::settingsChanged, this, &GapLayer::legendChanged);
    rebuild();
}

void GapLayer::rebuild()
{
    if (!coverage_.isAvailable()) return;
    const float threshold = static_cast<float>(coverage_.thresholdMinutes());
    image_ = gridImage(coverage_.context()->grid(), coverage_.result().surface.minutes,
                       [threshold](float minutes) -> QRgb { return minutes > threshold ? kGapColour : 0u; });
    outline_ = QPainterPath();
    for (const GapZone& zone : coverage_.result().gapZones)
        if (zone.geometry) outline_.addPath(areaPath(*zone.geometry));
    markChanged();
}

void GapLayer::render(QPainter& painter, const ViewTransform& view) const
{
    if (!coverage_.isAvailable()) return;
    drawGridImage(painter, coverage_.context()->grid(), image_, view);
    painter.setTransform(view.transform());
    QPen pen(QColor::fromRgba(kGapOutline), 1.4);
    pen.setCosmetic(true);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(outline_);
}

std::vector<LegendEntry> GapLayer::legend() const
{
    return {{swatch(kGapColour, kGapOutline),
             tr("à plus de %1 min d'un lieu de niveau %2").arg(coverage_.thresholdMinutes()).arg(coverage_.level())}};
}

}  // namespace maillage::gui
