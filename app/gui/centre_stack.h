#pragma once

#include <QStackedWidget>

namespace maillage::gui {

class MapCanvas;
class WelcomePanel;

// The window's centre: the map, or while no project is open the welcome panel in its place.
class CentreStack : public QStackedWidget {
    Q_OBJECT
public:
    CentreStack(WelcomePanel& welcome, MapCanvas& canvas, QWidget* parent = nullptr);

    void showMap(bool map);
    bool mapShown() const { return currentWidget() == canvas(); }

private:
    QWidget* canvas() const;

    WelcomePanel& welcome_;
    MapCanvas& canvas_;
};

}  // namespace maillage::gui
