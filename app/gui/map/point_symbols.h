#pragma once

#include "store/accueil_point.h"

#include <QColor>
#include <QPixmap>
#include <QPointF>

class QPainter;

namespace maillage::gui {

// How an accueil point is drawn: the shape says the level (circle, square, triangle), the
// colour the kind, a hollow dashed symbol a planned point, a crossed grey one a closed point.
struct PointStyle {
    Level level = Level::First;
    QString kind;
    PointStatus status = PointStatus::Existing;
    bool outside = false;   // outside the territory: faded
    bool selected = false;
};

QColor kindColour(const QString& kind);
double symbolSize(Level level);  // pixels
void drawPointSymbol(QPainter& painter, QPointF at, const PointStyle& style, double scale = 1.0);
QPixmap pointSymbolPixmap(const PointStyle& style, int size = 18);

}  // namespace maillage::gui
