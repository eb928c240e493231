#pragma once

// The application's point symbols are the map's (render/point_symbols.h); widgets want them
// as pixmaps for icons.
#include "render/point_symbols.h"

#include <QPixmap>

namespace maillage::gui {

using render::drawPointSymbol;
using render::kindColour;
using render::PointStyle;
using render::symbolSize;

QPixmap pointSymbolPixmap(const PointStyle& style, int size = 18);

}  // namespace maillage::gui
