#include "render/coverage_layers.h"

#include "coverage/grid.h"
#include "coverage/mem_raster.h"
#include "coverage/parallel.h"
#include "render/geometry_path.h"

#include <QPainter>

#include <ogr_geometry.h>

#include <algorithm>
#include <cmath>

namespace maillage::render {
namespace {

// The grid's screen rectangle for a view (the image is drawn stretched onto it).
QRectF gridRect(const BBox& extent, const ViewTransform& view)
{
    return QRectF(view.toScreen(XY{extent.minX, extent.maxY}), view.toScreen(XY{extent.maxX, extent.minY}));
}

// An image of the grid (row 0 north), transparent outside the territory; `colour` gives
// each cell's colour from its minutes (0 = transparent).
template <typename ColourOf>
QImage gridImage(const CoverageGrid& grid, std::span<const float> minutes, ColourOf colourOf)
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

void drawGridImage(QPainter& painter, const BBox& extent, double cellSize, const QImage& image, const ViewTransform& view)
{
    // Cells stay crisp when zoomed in; smoothing only helps when a cell is under a pixel.
    painter.setRenderHint(QPainter::SmoothPixmapTransform, cellSize < view.metresPerPixel());
    painter.drawImage(gridRect(extent, view), image);
}

LegendEntry swatch(QRgb fill, const QString& label, QRgb outline = 0)
{
    return {LegendEntry::Kind::Area,
            [fill, outline](QPainter& p, const QRectF& box) {
                p.setPen(outline ? QPen(QColor::fromRgba(outline), 1.5) : QPen(Qt::NoPen));
                p.setBrush(QColor::fromRgba(fill));
                p.drawRect(QRectF(box.center() - QPointF(6.5, 5.5), QSizeF(13, 11)));
            },
            label};
}

AreaParts partsOf(const SharedGeometry& geometry) { return AreaParts(geometry.get()); }

QRectF rectOf(const BBox& extent)
{
    return extent.isEmpty() ? QRectF() : QRectF(extent.minX, extent.minY, extent.width(), extent.height());
}

bool meets(const AreaParts& parts, const BBox& extent) { return parts.meets(rectOf(extent)); }

QRectF visibleRect(const ViewTransform& view) { return rectOf(view.visibleExtent()); }

// Polygons of each class of a raster of classes (1..n), clipped to the territory outline.
template <std::size_t N>
std::array<SharedGeometry, N> classPolygons(const Territory& territory, const CoverageGrid& grid,
                                            const std::vector<std::int32_t>& classes, int threads)
{
    auto outlines = polygonize(classes, grid.columns(), grid.rows(), grid.geoTransform(), 0);
    std::array<std::unique_ptr<OGRMultiPolygon>, N> raw;
    for (std::size_t c = 0; c < N; ++c)
        if (auto it = outlines.find(std::int32_t(c + 1)); it != outlines.end()) raw[c] = std::move(it->second);
    std::array<SharedGeometry, N> clipped;
    parallelFor(N, threads, [&](std::size_t k) {
        if (!raw[k] || raw[k]->IsEmpty()) return;
        if (!territory.outline) {
            clipped[k] = std::move(raw[k]);
            return;
        }
        std::unique_ptr<OGRGeometry> cut(raw[k]->Intersection(territory.outline.get()));
        clipped[k] = polygonalPart(cut.get());
    });
    return clipped;
}

}  // namespace

SurfacePolygons surfacePolygons(const Territory& territory, const CoverageGrid& grid, std::span<const float> minutes,
                                double thresholdMinutes, int threads)
{
    // Two rasters of classes: the bands (1–4) and unreachable (5), drawn apart as on screen;
    // beyond the threshold (1).
    constexpr std::int32_t kUnreachableClass = 5;
    std::vector<std::int32_t> bandClass(grid.rasterSize(), 0), beyondClass(grid.rasterSize(), 0);
    const auto& breaks = IsochroneLayer::kBreaks;
    for (std::size_t i = 0; i < grid.cellCount() && i < minutes.size(); ++i) {
        const float m = minutes[i];
        const std::uint32_t r = grid.rasterIndex(i);
        if (!std::isfinite(m)) {
            bandClass[r] = kUnreachableClass;
        } else {
            bandClass[r] = std::int32_t(std::upper_bound(breaks.begin(), breaks.end(), double(m)) - breaks.begin()) + 1;
        }
        if (!(m <= thresholdMinutes)) beyondClass[r] = 1;  // NaN and infinity are beyond
    }
    const auto bands = classPolygons<5>(territory, grid, bandClass, threads);
    const auto beyond = classPolygons<1>(territory, grid, beyondClass, threads);
    SurfacePolygons polygons;
    for (std::size_t b = 0; b < polygons.bands.size(); ++b) polygons.bands[b] = bands[b];
    polygons.unreachable = bands[4];
    polygons.beyondThreshold = beyond[0];
    return polygons;
}

IsochroneLayer::IsochroneLayer(QObject* parent) : MapLayer(QStringLiteral("bands"), tr("Temps d'accès"), parent)
{
    setOpacity(0.45);
}

void IsochroneLayer::setSurface(const CoverageGrid& grid, std::span<const float> minutes, int level)
{
    const bool legendChanges = level != level_;
    level_ = level;
    gridExtent_ = grid.extent();
    cellSize_ = grid.cellSize();
    image_ = gridImage(grid, minutes, [](float m) -> QRgb {
        if (!std::isfinite(m)) return kUnreachable;
        for (std::size_t i = 0; i < kBreaks.size(); ++i)
            if (m < kBreaks[i]) return kColours[i];
        return kColours.back();
    });
    markChanged();
    if (legendChanges) Q_EMIT legendChanged();
}

void IsochroneLayer::setPolygons(const SurfacePolygons& polygons, int level)
{
    level_ = level;
    for (std::size_t b = 0; b < bandParts_.size(); ++b) bandParts_[b] = partsOf(polygons.bands[b]);
    unreachableParts_ = partsOf(polygons.unreachable);
    hasPolygons_ = true;
    markChanged();
    Q_EMIT legendChanged();
}

void IsochroneLayer::render(QPainter& painter, const ViewTransform& view) const
{
    if (hasPolygons_ && (isVectorOutput(painter) || image_.isNull())) {
        const QRectF visible = visibleRect(view);
        painter.setTransform(view.transform(), true);
        painter.setPen(Qt::NoPen);
        for (std::size_t b = 0; b < bandParts_.size(); ++b) {
            painter.setBrush(QColor::fromRgba(kColours[b]));
            bandParts_[b].draw(painter, visible);
        }
        painter.setBrush(QColor::fromRgba(kUnreachable));
        unreachableParts_.draw(painter, visible);
        return;
    }
    if (!image_.isNull()) drawGridImage(painter, gridExtent_, cellSize_, image_, view);
}

std::vector<LegendEntry> IsochroneLayer::legendEntries(bool withUnreachable, bool print) const
{
    // On paper the section title says "travel time to the nearest place of level N".
    std::vector<LegendEntry> entries{
        swatch(kColours[0], print ? tr("moins de 10 min") : tr("moins de 10 min d'un lieu de niveau %1").arg(level_)),
        swatch(kColours[1], tr("10 à 20 min")),
        swatch(kColours[2], tr("20 à 30 min")),
        swatch(kColours[3], tr("plus de 30 min")),
    };
    if (withUnreachable) entries.push_back(swatch(kUnreachable, tr("inaccessible par la route")));
    return entries;
}

std::vector<LegendEntry> IsochroneLayer::legend() const { return legendEntries(true, false); }

std::vector<LegendEntry> IsochroneLayer::printLegend(const BBox& extent) const
{
    // The bands are one scale, shown whole; the unreachable colour only where it appears.
    return legendEntries(!hasPolygons_ || meets(unreachableParts_, extent), true);
}

GapLayer::GapLayer(QObject* parent) : MapLayer(QStringLiteral("gaps"), tr("Zones au-delà du seuil"), parent)
{
    setOpacity(0.6);
}

void GapLayer::setSurface(const CoverageGrid& grid, std::span<const float> minutes, int level, double thresholdMinutes)
{
    const bool legendChanges = level != level_ || thresholdMinutes != thresholdMinutes_;
    level_ = level;
    thresholdMinutes_ = thresholdMinutes;
    gridExtent_ = grid.extent();
    cellSize_ = grid.cellSize();
    const float threshold = static_cast<float>(thresholdMinutes);
    image_ = gridImage(grid, minutes, [threshold](float m) -> QRgb { return m > threshold ? kGapColour : 0u; });
    outline_ = gapOutline(grid, image_);
    markChanged();
    if (legendChanges) Q_EMIT legendChanged();
}

void GapLayer::setPolygons(const SurfacePolygons& polygons, int level, double thresholdMinutes)
{
    level_ = level;
    thresholdMinutes_ = thresholdMinutes;
    parts_ = partsOf(polygons.beyondThreshold);
    hasPolygons_ = true;
    markChanged();
    Q_EMIT legendChanged();
}

void GapLayer::render(QPainter& painter, const ViewTransform& view) const
{
    const QTransform base = painter.transform();
    if (hasPolygons_ && (isVectorOutput(painter) || image_.isNull())) {
        const QRectF visible = visibleRect(view);
        painter.setTransform(view.transform(), true);
        QPen pen(QColor::fromRgba(kGapOutline), 1.0);
        pen.setCosmetic(true);
        painter.setPen(pen);
        painter.setBrush(QColor::fromRgba(kGapColour));
        parts_.draw(painter, visible);
        return;
    }
    if (image_.isNull()) return;
    drawGridImage(painter, gridExtent_, cellSize_, image_, view);
    painter.setTransform(view.transform() * base);
    painter.setRenderHint(QPainter::Antialiasing, false);  // axis-parallel lines
    QPen pen(QColor::fromRgba(kGapOutline), 1.0);
    pen.setCosmetic(true);
    painter.setPen(pen);
    painter.drawLines(outline_);
}

std::vector<LegendEntry> GapLayer::legend() const
{
    return {
        swatch(kGapColour, tr("à plus de %1 min d'un lieu de niveau %2").arg(thresholdMinutes_).arg(level_), kGapOutline)};
}

std::vector<LegendEntry> GapLayer::printLegend(const BBox& extent) const
{
    if (hasPolygons_ && !meets(parts_, extent)) return {};
    return legend();
}

ChangePolygons changePolygons(const Territory& territory, const CoverageGrid& grid, std::span<const float> minutesA,
                              std::span<const float> minutesB, double thresholdMinutes, int threads)
{
    std::vector<std::int32_t> classes(grid.rasterSize(), 0);
    const std::size_t cells = std::min({grid.cellCount(), minutesA.size(), minutesB.size()});
    for (std::size_t i = 0; i < cells; ++i) {
        const bool beyondA = !(minutesA[i] <= thresholdMinutes), beyondB = !(minutesB[i] <= thresholdMinutes);
        const std::int32_t c = beyondA && !beyondB ? 1 : !beyondA && beyondB ? 2 : beyondA && beyondB ? 3 : 0;
        classes[grid.rasterIndex(i)] = c;
    }
    const auto polygons = classPolygons<3>(territory, grid, classes, threads);
    return {polygons[0], polygons[1], polygons[2]};
}

ChangeLayer::ChangeLayer(QObject* parent) : MapLayer(QStringLiteral("changes"), tr("Changements d'accès"), parent)
{
    setOpacity(0.8);
}

void ChangeLayer::setPolygons(const ChangePolygons& polygons, int level, double thresholdMinutes)
{
    covered_ = partsOf(polygons.covered);
    uncovered_ = partsOf(polygons.uncovered);
    stillBeyond_ = partsOf(polygons.stillBeyond);
    level_ = level;
    thresholdMinutes_ = thresholdMinutes;
    hasPolygons_ = true;
    markChanged();
    Q_EMIT legendChanged();
}

void ChangeLayer::render(QPainter& painter, const ViewTransform& view) const
{
    const QRectF visible = visibleRect(view);
    painter.setTransform(view.transform(), true);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor::fromRgba(kStillBeyond));
    stillBeyond_.draw(painter, visible);
    QPen outline(QColor(40, 40, 40), 0.6);
    outline.setCosmetic(true);
    painter.setPen(outline);
    painter.setBrush(QColor::fromRgba(kCovered));
    covered_.draw(painter, visible);
    painter.setBrush(QColor::fromRgba(kUncovered));
    uncovered_.draw(painter, visible);
}

std::vector<LegendEntry> ChangeLayer::legend() const { return printLegend({}); }

std::vector<LegendEntry> ChangeLayer::printLegend(const BBox& extent) const
{
    const QString threshold = QString::number(thresholdMinutes_);
    std::vector<LegendEntry> entries;
    if (meets(covered_, extent))
        entries.push_back(
            swatch(kCovered, tr("passe à moins de %1 min d'un lieu de niveau %2").arg(threshold).arg(level_), 0xff282828));
    if (meets(uncovered_, extent))
        entries.push_back(swatch(kUncovered, tr("passe à plus de %1 min").arg(threshold), 0xff282828));
    if (meets(stillBeyond_, extent)) entries.push_back(swatch(kStillBeyond, tr("reste à plus de %1 min").arg(threshold)));
    return entries;
}

}  // namespace maillage::render
