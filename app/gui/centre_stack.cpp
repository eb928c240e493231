#include "centre_stack.h"

#include "map/map_canvas.h"
#include "welcome_panel.h"

namespace maillage::gui {

CentreStack::CentreStack(WelcomePanel& welcome, MapCanvas& canvas, QWidget* parent)
    : QStackedWidget(parent), welcome_(welcome), canvas_(canvas)
{
    addWidget(&welcome);
    addWidget(&canvas);
    showMap(false);
}

QWidget* CentreStack::canvas() const { return &canvas_; }

void CentreStack::showMap(bool map)
{
    setCurrentWidget(map ? canvas() : &welcome_);
    // The stack sizes only the page shown, and the map's first zoom needs its size now.
    if (map) canvas_.setGeometry(contentsRect());
}

}  // namespace maillage::gui
