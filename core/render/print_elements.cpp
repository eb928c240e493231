#include "render/print_elements.h"

#include "render/labels.h"
#include "render/print_layout.h"

#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace maillage::render::print {
namespace {

constexpr double kMillimetresPerInch = 25.4;

// Text is measured as the page device will draw it: at the layout's resolution.
const QPaintDevice* measuringDevice()
{
    static const QImage device = [] {
        QImage image(1, 1, QImage::Format_ARGB32_Premultiplied);
        const int dotsPerMetre = qRound(PrintLayout::kDotsPerInch / 0.0254);
        image.setDotsPerMeterX(dotsPerMetre);
        image.setDotsPerMeterY(dotsPerMetre);
        return image;
    }();
    return &device;
}

QFontMetricsF metrics(const QFont& font) { return QFontMetricsF(font, measuringDevice()); }

QString lengthLabel(double metres)
{
    if (metres >= 1000.0) return QStringLiteral("%1 km").arg(locale().toString(metres / 1000.0, 'g', 4));
    return QStringLiteral("%1 m").arg(locale().toString(metres, 'g', 4));
}

// --- legend --------------------------------------------------------------------------------

constexpr double kSymbolBox = 16.0;  // nominal pixels, as the layers' legend symbols expect

double entryHeight(const LegendEntry& entry, double labelWidth, const LegendStyle& style)
{
    return std::max(kSymbolBox, textHeight(entry.label, style.entry, labelWidth)) + mm(0.6);
}

double sectionTitleHeight(const LegendSection& section, double width, const LegendStyle& style)
{
    return section.title.isEmpty() ? mm(0.8) : textHeight(section.title, style.section, width) + mm(1.0);
}

double sectionHeight(const LegendSection& section, double width, const LegendStyle& style)
{
    double height = sectionTitleHeight(section, width, style);
    const double labelWidth = width - kSymbolBox - mm(1.5);
    for (const LegendEntry& entry : section.entries) height += entryHeight(entry, labelWidth, style);
    return height + mm(1.2);
}

double columnWidth(double width, int columns) { return (width - (columns - 1) * mm(4)) / columns; }

// Which column each section goes in (sections are not split): greedy, in order, balancing
// the columns by height. Returns the tallest column.
double flow(const std::vector<LegendSection>& sections, double width, int columns, const LegendStyle& style,
            std::vector<int>* columnOf)
{
    const double cw = columnWidth(width, std::max(1, columns));
    double total = 0;
    std::vector<double> heights;
    for (const LegendSection& s : sections) heights.push_back(sectionHeight(s, cw, style)), total += heights.back();
    const double target = total / std::max(1, columns);
    std::vector<double> used(std::size_t(std::max(1, columns)), 0.0);
    std::size_t column = 0;
    for (std::size_t i = 0; i < sections.size(); ++i) {
        // Next column once this one holds its share (the last column takes the rest).
        if (column + 1 < used.size() && used[column] > 0 && used[column] + heights[i] / 2 > target) ++column;
        used[column] += heights[i];
        if (columnOf) columnOf->push_back(int(column));
    }
    return *std::max_element(used.begin(), used.end());
}

}  // namespace

QLocale locale() { return interfaceIsEnglish() ? QLocale(QLocale::English) : QLocale(QLocale::French); }

double mm(double millimetres) { return millimetres * PrintLayout::kDotsPerInch / kMillimetresPerInch; }

QFont font(double pointSize, bool bold)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setStyleHint(QFont::SansSerif);
    f.setPointSizeF(pointSize);
    f.setBold(bold);
    return f;
}

double lineHeight(const QFont& font) { return metrics(font).height(); }

double textWidth(const QString& text, const QFont& font) { return metrics(font).horizontalAdvance(text); }

double textHeight(const QString& text, const QFont& font, double width)
{
    if (text.isEmpty()) return 0.0;
    return metrics(font).boundingRect(QRectF(0, 0, width, 1e6), Qt::TextWordWrap, text).height();
}

double roundScaleLength(double maxMetres)
{
    if (!(maxMetres > 0)) return 0.0;
    const double power = std::pow(10.0, std::floor(std::log10(maxMetres)));
    for (double step : {5.0, 2.0, 1.0})
        if (step * power <= maxMetres * (1 + 1e-9)) return step * power;
    return power;
}

ScaleBar scaleBar(double metresPerPixel, double maxWidth, const QFont& labelFont)
{
    const QFontMetricsF m = metrics(labelFont);
    const double padding = mm(1.5);
    const double zeroHalf = m.horizontalAdvance(QStringLiteral("0")) / 2;
    ScaleBar bar;
    // Shorten until the bar and half its end label fit.
    double limit = maxWidth - 2 * padding - zeroHalf;
    for (int i = 0; i < 8; ++i) {
        bar.metres = roundScaleLength(limit * metresPerPixel);
        bar.barWidth = bar.metres / metresPerPixel;
        const double overhang = m.horizontalAdvance(lengthLabel(bar.metres)) / 2;
        if (bar.barWidth + overhang <= maxWidth - 2 * padding - zeroHalf + 0.5) {
            bar.size = QSizeF(2 * padding + zeroHalf + bar.barWidth + overhang, 2 * padding + mm(2.4) + m.height());
            return bar;
        }
        limit = bar.barWidth * 0.99;
    }
    bar.size = QSizeF(2 * padding + zeroHalf + bar.barWidth, 2 * padding + mm(2.4) + m.height());
    return bar;
}

void drawScaleBar(QPainter& painter, QPointF topLeft, const ScaleBar& bar, const QFont& labelFont)
{
    const QFontMetricsF m = metrics(labelFont);
    const double padding = mm(1.5);
    const double zeroHalf = m.horizontalAdvance(QStringLiteral("0")) / 2;
    painter.save();
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(255, 255, 255, 225));
    painter.drawRect(QRectF(topLeft, bar.size));
    const double x0 = topLeft.x() + padding + zeroHalf;
    const double y0 = topLeft.y() + padding;
    const double height = mm(1.6);
    // Four segments, alternately filled, so that quarters of the length can be read.
    painter.setPen(QPen(QColor(30, 30, 30), 0.8));
    for (int i = 0; i < 4; ++i) {
        painter.setBrush(i % 2 == 0 ? QColor(30, 30, 30) : QColor(255, 255, 255));
        painter.drawRect(QRectF(x0 + bar.barWidth * i / 4, y0, bar.barWidth / 4, height));
    }
    painter.setFont(labelFont);
    painter.setPen(QColor(30, 30, 30));
    const double baseline = y0 + height + mm(0.8) + m.ascent();
    painter.drawText(QPointF(x0 - zeroHalf, baseline), QStringLiteral("0"));
    const QString end = lengthLabel(bar.metres);
    const double endHalf = m.horizontalAdvance(end) / 2;
    painter.drawText(QPointF(x0 + bar.barWidth - endHalf, baseline), end);
    const QString half = lengthLabel(bar.metres / 2);
    const double halfHalf = m.horizontalAdvance(half) / 2;
    // The middle label only when it clears the others.
    if (bar.barWidth / 2 - halfHalf > zeroHalf + mm(1) && bar.barWidth / 2 + halfHalf < bar.barWidth - endHalf - mm(1))
        painter.drawText(QPointF(x0 + bar.barWidth / 2 - halfHalf, baseline), half);
    painter.restore();
}

void drawNorthArrow(QPainter& painter, const QRectF& box, double degrees, const QFont& labelFont)
{
    painter.save();
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(255, 255, 255, 225));
    painter.drawEllipse(box);
    const QFontMetricsF m = metrics(labelFont);
    painter.translate(box.center());
    painter.rotate(degrees);
    const double r = box.width() / 2 - mm(1.0);
    const double half = r * 0.38;
    const double tip = r - m.height() * 0.95;  // the N sits above the tip
    const double tail = r * 0.75;
    // Two halves, dark and light, the classic arrow read at a glance.
    QPainterPath left, right;
    left.moveTo(0, -tip);
    left.lineTo(-half, tail);
    left.lineTo(0, tail * 0.55);
    left.closeSubpath();
    right.moveTo(0, -tip);
    right.lineTo(half, tail);
    right.lineTo(0, tail * 0.55);
    right.closeSubpath();
    painter.setPen(QPen(QColor(30, 30, 30), 0.8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(QColor(30, 30, 30));
    painter.drawPath(left);
    painter.setBrush(Qt::white);
    painter.drawPath(right);
    painter.setFont(labelFont);
    painter.setPen(QColor(30, 30, 30));
    const QString north = QStringLiteral("N");
    painter.drawText(QPointF(-m.horizontalAdvance(north) / 2, -tip - m.descent() - mm(0.3)), north);
    painter.restore();
}

double legendHeight(const std::vector<LegendSection>& sections, double width, int columns, const LegendStyle& style)
{
    if (sections.empty()) return 0.0;
    return metrics(style.title).height() + mm(1.5) + flow(sections, width, columns, style, nullptr);
}

void drawLegend(QPainter& painter, const QRectF& box, const std::vector<LegendSection>& sections, int columns,
                const LegendStyle& style)
{
    if (sections.empty()) return;
    painter.save();
    const QFontMetricsF titleMetrics = metrics(style.title);
    painter.setFont(style.title);
    painter.setPen(QColor(30, 30, 30));
    painter.drawText(QPointF(box.left(), box.top() + titleMetrics.ascent()), PrintLayout::tr("Légende"));
    const double top = box.top() + titleMetrics.height() + mm(1.5);
    std::vector<int> columnOf;
    flow(sections, box.width(), columns, style, &columnOf);
    const double cw = columnWidth(box.width(), std::max(1, columns));
    std::vector<double> y(std::size_t(std::max(1, columns)), top);
    for (std::size_t i = 0; i < sections.size(); ++i) {
        const LegendSection& section = sections[i];
        const std::size_t c = std::size_t(columnOf[i]);
        const double x = box.left() + c * (cw + mm(4));
        if (y[c] + sectionHeight(section, cw, style) > box.bottom() + 0.5) continue;  // does not fit
        if (!section.title.isEmpty()) {
            painter.setFont(style.section);
            painter.setPen(QColor(30, 30, 30));
            const double h = textHeight(section.title, style.section, cw);
            painter.drawText(QRectF(x, y[c], cw, h), Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, section.title);
        }
        y[c] += sectionTitleHeight(section, cw, style);
        const double labelWidth = cw - kSymbolBox - mm(1.5);
        for (const LegendEntry& entry : section.entries) {
            const double h = entryHeight(entry, labelWidth, style);
            const QRectF symbol(x, y[c] + (std::max(kSymbolBox, h - mm(0.6)) - kSymbolBox) / 2, kSymbolBox, kSymbolBox);
            painter.save();
            painter.setRenderHint(QPainter::Antialiasing);
            if (section.opacity < 1.0 && entry.kind == LegendEntry::Kind::Area && style.areaBackground) {
                // An area drawn with transparency shows the land under it, as on the map.
                painter.setPen(Qt::NoPen);
                painter.setBrush(QColor::fromRgba(style.areaBackground));
                painter.drawRect(QRectF(symbol.center() - QPointF(6.5, 5.5), QSizeF(13, 11)));
            }
            painter.setOpacity(section.opacity);
            if (entry.paint) entry.paint(painter, symbol);
            painter.restore();
            painter.setFont(style.entry);
            painter.setPen(QColor(30, 30, 30));
            painter.drawText(QRectF(x + kSymbolBox + mm(1.5), y[c], labelWidth, h), Qt::TextWordWrap | Qt::AlignVCenter,
                             entry.label);
            y[c] += h;
        }
        y[c] += mm(1.2);
    }
    painter.restore();
}

// --- table ---------------------------------------------------------------------------------

namespace {

constexpr double kCellPadding = 1.2;  // mm, left and right of a cell

struct TableGeometry {
    std::vector<double> widths;
};

TableGeometry tableGeometry(const std::vector<TableColumn>& columns, const std::vector<TableRow>& rows, double width,
                            const TableStyle& style)
{
    TableGeometry g;
    g.widths.assign(columns.size(), 0.0);
    const double padding = 2 * mm(kCellPadding);
    double numericTotal = 0;
    for (std::size_t c = 1; c < columns.size(); ++c) {
        // Numeric columns: their widest value, the header wrapping on words if longer.
        double widest = 0;
        for (const TableRow& row : rows) {
            if (row.note || c >= std::size_t(row.cells.size())) continue;
            widest = std::max(widest, metrics(row.total ? style.total : style.body).horizontalAdvance(row.cells[int(c)]));
        }
        double headerWord = 0;
        for (const QString& word : columns[c].title.split(QLatin1Char(' ')))
            headerWord = std::max(headerWord, metrics(style.header).horizontalAdvance(word));
        g.widths[c] = std::max({widest, headerWord, mm(9)}) + padding;
        numericTotal += g.widths[c];
    }
    g.widths[0] = std::max(mm(20), width - numericTotal);
    return g;
}

double cellHeight(const QString& text, const QFont& font, double width)
{
    return std::max(textHeight(text, font, width - 2 * mm(kCellPadding)), metrics(font).height()) + mm(1.0);
}

double headerHeight(const std::vector<TableColumn>& columns, const TableGeometry& g, const TableStyle& style)
{
    double h = 0;
    for (std::size_t c = 0; c < columns.size(); ++c)
        h = std::max(h, cellHeight(columns[c].title, style.header, g.widths[c]));
    return h + mm(0.4);
}

double rowHeight(const TableRow& row, const TableGeometry& g, const TableStyle& style, double width)
{
    const QFont& f = row.total ? style.total : style.body;
    if (row.note) return cellHeight(row.cells.value(0), f, width);
    double h = 0;
    for (std::size_t c = 0; c < g.widths.size() && c < std::size_t(row.cells.size()); ++c)
        h = std::max(h, cellHeight(row.cells[int(c)], f, g.widths[c]));
    return h;
}

}  // namespace

double tableHeight(const std::vector<TableColumn>& columns, const std::vector<TableRow>& rows, double width,
                   const TableStyle& style)
{
    const TableGeometry g = tableGeometry(columns, rows, width, style);
    double h = headerHeight(columns, g, style);
    for (const TableRow& row : rows) h += rowHeight(row, g, style, width);
    return h;
}

void drawTable(QPainter& painter, const QRectF& box, const std::vector<TableColumn>& columns,
               const std::vector<TableRow>& rows, const TableStyle& style)
{
    const TableGeometry g = tableGeometry(columns, rows, box.width(), style);
    const double pad = mm(kCellPadding);
    painter.save();
    const QColor ink(30, 30, 30);
    double y = box.top();
    // Header: bold, on a light band, bottom-aligned so that wrapped titles line up.
    const double hh = headerHeight(columns, g, style);
    painter.fillRect(QRectF(box.left(), y, box.width(), hh), QColor(232, 228, 238));
    painter.setFont(style.header);
    painter.setPen(ink);
    double x = box.left();
    for (std::size_t c = 0; c < columns.size(); ++c) {
        const Qt::Alignment align = (columns[c].numeric ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignBottom;
        painter.drawText(QRectF(x + pad, y, g.widths[c] - 2 * pad, hh - mm(0.7)), align | Qt::TextWordWrap,
                         columns[c].title);
        x += g.widths[c];
    }
    y += hh;
    int stripe = 0;
    for (const TableRow& row : rows) {
        const double h = rowHeight(row, g, style, box.width());
        if (y + h > box.bottom() + 0.5) break;
        const QFont& f = row.total ? style.total : style.body;
        if (row.total) {
            painter.setPen(QPen(ink, 0.8));
            painter.drawLine(QPointF(box.left(), y), QPointF(box.right(), y));
        } else if (!row.note && stripe++ % 2 == 1) {
            painter.fillRect(QRectF(box.left(), y, box.width(), h), QColor(246, 244, 248));
        }
        painter.setPen(row.note ? QColor(90, 90, 90) : ink);
        if (row.note) {
            QFont italic = f;
            italic.setItalic(true);
            painter.setFont(italic);
            painter.drawText(QRectF(box.left() + pad, y, box.width() - 2 * pad, h),
                             Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, row.cells.value(0));
        } else {
            painter.setFont(f);
            x = box.left();
            for (std::size_t c = 0; c < columns.size() && c < std::size_t(row.cells.size()); ++c) {
                const Qt::Alignment align = (columns[c].numeric ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter;
                painter.drawText(QRectF(x + pad, y, g.widths[c] - 2 * pad, h), align | Qt::TextWordWrap, row.cells[int(c)]);
                x += g.widths[c];
            }
        }
        y += h;
    }
    painter.setPen(QPen(ink, 0.8));
    painter.drawLine(QPointF(box.left(), box.top() + hh), QPointF(box.right(), box.top() + hh));
    painter.restore();
}

}  // namespace maillage::render::print
