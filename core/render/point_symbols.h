#pragma once

#include "render/map_layer.h"
#include "store/accueil_point.h"

#include <QColor>
#include <QImage>
#include <QPointF>

class QPainter;

namespace maillage::render {

// How an accueil point is drawn: the shape says the level (circle, square, triangle), the
// colour the kind, a hollow dashed symbol a planned point, a crossed grey one a closed point.
struct PointStyle {
    Level level = Level::First;
    QString kind;
    PointStatus status = PointStatus::Existing;
    bool outside = false;  // outside the territory: faded
    bool selected = false;
};

QColor kindColour(const QString& kind);
double symbolSize(Level level);  // pixels
void drawPointSymbol(QPainter& painter, QPointF at, const PointStyle& style, double scale = 1.0);
// The symbol centred in an image of side `size` (logical pixels), e.g. for an icon.
QImage pointSymbolImage(const PointStyle& style, int size = 18, qreal devicePixelRatio = 1.0);
// A legend entry showing the symbol.
LegendEntry pointLegendEntry(const PointStyle& style, const QString& label);

}  // namespace maillage::render
