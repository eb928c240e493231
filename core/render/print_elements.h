#pragma once

#include "render/map_layer.h"

#include <QFont>
#include <QLocale>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <vector>

class QPainter;

// The pieces of a print layout, each drawn in page pixels (PrintLayout::kDotsPerInch).
namespace maillage::render::print {

// The locale numbers and dates are written in: French, or English when the interface is.
QLocale locale();

// Page millimetres in page pixels.
double mm(double millimetres);

// The layout's typeface (DejaVu Sans, always present where Qt runs on Debian; embedded in
// PDFs) at a size in points.
QFont font(double pointSize, bool bold = false);

// The longest round length (1, 2 or 5 × 10^n metres) that is at most `maxMetres`.
double roundScaleLength(double maxMetres);

// A graphical scale bar: four segments, alternately black and white, "0", the half and the
// length in km (or m) under them, on a white box. Its length is the longest round one
// (roundScaleLength) whose bar fits in `maxWidth` with its end label.
struct ScaleBar {
    double metres = 0;
    double barWidth = 0;
    QSizeF size;  // of the box
};
ScaleBar scaleBar(double metresPerPixel, double maxWidth, const QFont& labelFont);
void drawScaleBar(QPainter& painter, QPointF topLeft, const ScaleBar& bar, const QFont& labelFont);

// A north arrow in `box`, pointing `degrees` clockwise from the page's up (the meridian's
// direction at the map centre: Lambert-93 grid north is not true north).
void drawNorthArrow(QPainter& painter, const QRectF& box, double degrees, const QFont& labelFont);

// A legend: sections (a title, then a symbol and a label per line), flowed in columns.
struct LegendSection {
    QString title;  // empty: entries only
    std::vector<LegendEntry> entries;
    double opacity = 1.0;  // the layer's, so the symbols look as on the map
};
struct LegendStyle {
    QFont title;
    QFont section;
    QFont entry;
    QRgb areaBackground = 0;  // drawn under area symbols drawn with an opacity (the land colour)
};
// The height the legend needs in `width` with `columns` columns.
double legendHeight(const std::vector<LegendSection>& sections, double width, int columns, const LegendStyle& style);
// Draws it; sections that do not fit are left out (the caller sizes the box with legendHeight).
void drawLegend(QPainter& painter, const QRectF& box, const std::vector<LegendSection>& sections, int columns,
                const LegendStyle& style);

// A statistics table: a header, rows (the first column may wrap), an emphasised total row.
struct TableColumn {
    QString title;
    bool numeric = true;  // right-aligned, sized to its widest cell
};
struct TableRow {
    QStringList cells;
    bool total = false;
    bool note = false;  // a line across the columns, in italics (e.g. "… and 12 other communes")
};
struct TableStyle {
    QFont header;
    QFont body;
    QFont total;
};
// The height of the table drawn in `width`.
double tableHeight(const std::vector<TableColumn>& columns, const std::vector<TableRow>& rows, double width,
                   const TableStyle& style);
void drawTable(QPainter& painter, const QRectF& box, const std::vector<TableColumn>& columns,
               const std::vector<TableRow>& rows, const TableStyle& style);

// The height of a line of text, and its advance, as the page draws it.
double lineHeight(const QFont& font);
double textWidth(const QString& text, const QFont& font);

// Text wrapped in `width`: the height it takes.
double textHeight(const QString& text, const QFont& font, double width);

}  // namespace maillage::render::print
