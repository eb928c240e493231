#include "map_status.h"

#include "geo/crs.h"
#include "labels.h"
#include "map/map_canvas.h"

#include <QLabel>
#include <QStatusBar>

#include <algorithm>
#include <cmath>

namespace maillage::gui {

MapStatus::MapStatus(QStatusBar& statusBar, MapCanvas& canvas)
    : QObject(&statusBar), canvas_(canvas), lambertLabel_(new QLabel), wgsLabel_(new QLabel), scaleLabel_(new QLabel)
{
    lambertLabel_->setObjectName(QStringLiteral("lambertLabel"));
    wgsLabel_->setObjectName(QStringLiteral("wgsLabel"));
    scaleLabel_->setObjectName(QStringLiteral("scaleLabel"));
    for (QLabel* label : {lambertLabel_, wgsLabel_, scaleLabel_}) label->setMinimumWidth(120);
    lambertLabel_->setMinimumWidth(170);
    lambertLabel_->setToolTip(tr("Position du curseur en Lambert-93 (mètres)"));
    wgsLabel_->setMinimumWidth(180);
    wgsLabel_->setToolTip(tr("Position du curseur en WGS84 (degrés)"));
    scaleLabel_->setToolTip(tr("Échelle de la carte à l'écran"));
    statusBar.addPermanentWidget(lambertLabel_);
    statusBar.addPermanentWidget(wgsLabel_);
    statusBar.addPermanentWidget(scaleLabel_);

    connect(&canvas_, &MapCanvas::cursorMoved, this, [this](XY p) {
        const LonLat g = toWgs84(p);
        lambertLabel_->setText(tr("L93 %1 ; %2").arg(p.x, 0, 'f', 0).arg(p.y, 0, 'f', 0));
        wgsLabel_->setText(tr("%1° N ; %2° E").arg(g.lat, 0, 'f', 5).arg(g.lon, 0, 'f', 5));
    });
    connect(&canvas_, &MapCanvas::cursorLeft, this, [this] {
        lambertLabel_->clear();
        wgsLabel_->clear();
    });
    connect(&canvas_, &MapCanvas::viewChanged, this, &MapStatus::updateScale);
}

void MapStatus::updateScale()
{
    const double scale = canvas_.scaleDenominator();
    // Rounded to two significant digits: 1:236 000, 1:12 000…
    const double magnitude = std::pow(10.0, std::floor(std::log10(std::max(scale, 1.0))) - 1);
    scaleLabel_->setText(tr("1:%1").arg(formatCount(static_cast<qint64>(std::round(scale / magnitude) * magnitude))));
}

}  // namespace maillage::gui
