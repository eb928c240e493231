#pragma once

#include <QObject>

class QLabel;
class QStatusBar;

namespace maillage::gui {

class MapCanvas;

// The status bar's map readings: the cursor position in Lambert-93 and WGS84, and the scale.
class MapStatus : public QObject {
    Q_OBJECT
public:
    MapStatus(QStatusBar& statusBar, MapCanvas& canvas);

private:
    void updateScale();

    MapCanvas& canvas_;
    QLabel* lambertLabel_;
    QLabel* wgsLabel_;
    QLabel* scaleLabel_;
};

}  // namespace maillage::gui
