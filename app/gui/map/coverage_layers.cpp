#include "map/coverage_layers.h"

#include "coverage_controller.h"

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

// The edges between gap cells and the others, in map coordinates, consecutive edges along
// the same grid line merged into one segment.
QVector<QLineF> gapOutline(const CoverageGrid& grid, const QImage& gaps)
{
    const int columns = grid.columns(), rows = grid.rows();
    const double size = grid.cellSize(), west = grid.west(), north = grid.north();
    auto isGap = [&](int row, int column) {
        return row >= 0 && row < rows && column >= 0 && column < columns
               && reinterpret_cast<const QRgb*>(gaps.constScanLine(row))[column] != 0;
    };
    QVector<QLineF> lines;
    // Horizontal edges: the line above each row r (between rows r-1 and r), runs along it.
    for (int r = 0; r <= rows; ++r) {
        const double y = north - r * size;
        int runStart = -1;
        for (int c = 0; c <= columns; ++c) {
            const bool edge = c < columns && isGap(r - 1, c) != isGap(r, c);
            if (edge && runStart < 0) runStart = c;
            if (!edge && runStart >= 0) {
                lines.append(QLineF(west + runStart * size, y, west + c * size, y));
                runStart = -1;
            }
        }
    }
    // Vertical edges: the line left of each column c, runs down it.
    for (int c = 0; c <= columns; ++c) {
        const double x = west + c * size;
        int runStart = -1;
        for (int r = 0; r <= rows; ++r) {
            const bool edge = r < rows && isGap(r, c - 1) != isGap(r, c);
            if (edge && runStart < 0) runStart = r;
            if (!edge && runStart >= 0) {
                lines.append(QLineF(x, north - runStart * size, x, north - r * size));
                runStart = -1;
            }
        }
    }
    return lines;
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
    const CoverageGrid& grid = coverage_.context()->grid();
    image_ = gridImage(grid, coverage_.result().surface.minutes,
                       [threshold](float minutes) -> QRgb { return minutes > threshold ? kGapColour : 0u; });
    outline_ = gapOutline(grid, image_);
    markChanged();
}

void GapLayer::render(QPainter& painter, const ViewTransform& view) const
{
    if (!coverage_.isAvailable()) return;
    drawGridImage(painter, coverage_.context()->grid(), image_, view);
    painter.setTransform(view.transform());
    painter.setRenderHint(QPainter::Antialiasing, false);  // axis-parallel lines
    QPen pen(QColor::fromRgba(kGapOutline), 1.0);
    pen.setCosmetic(true);
    painter.setPen(pen);
    painter.drawLines(outline_);
}

std::vector<LegendEntry> GapLayer::legend() const
{
    return {{swatch(kGapColour, kGapOutline),
             tr("à plus de %1 min d'un lieu de niveau %2").arg(coverage_.thresholdMinutes()).arg(coverage_.level())}};
}

}  // namespace maillage::gui
