#include "map/point_symbols.h"

namespace maillage::gui {

QPixmap pointSymbolPixmap(const PointStyle& style, int size)
{
    return QPixmap::fromImage(render::pointSymbolImage(style, size));
}

}  // namespace maillage::gui
