#include "network_build_indicator.h"

#include "coverage_controller.h"

#include <QProgressBar>
#include <QStatusBar>

namespace maillage::gui {

NetworkBuildIndicator::NetworkBuildIndicator(CoverageController& coverage, QStatusBar& statusBar, QObject* parent)
    : QObject(parent), statusBar_(&statusBar), bar_(new QProgressBar)
{
    bar_->setObjectName(QStringLiteral("networkBuildProgress"));
    bar_->setRange(0, 0);  // busy: the rebuild cannot tell how far it is
    bar_->setMaximumWidth(160);
    bar_->setTextVisible(false);
    bar_->hide();
    statusBar_->addPermanentWidget(bar_);
    connect(&coverage, &CoverageController::networkBuildStarted, this, &NetworkBuildIndicator::started);
    connect(&coverage, &CoverageController::networkBuildFinished, this, &NetworkBuildIndicator::finished);
    if (coverage.isBuildingNetwork()) started();
}

NetworkBuildIndicator::~NetworkBuildIndicator()
{
    delete bar_.data();  // leaves the status bar
}

bool NetworkBuildIndicator::isShown() const { return bar_ && bar_->isVisible(); }

void NetworkBuildIndicator::started()
{
    if (!bar_ || !statusBar_) return;
    bar_->show();
    statusBar_->showMessage(tr("Réseau routier recalculé sans les routes fermées…"));
}

void NetworkBuildIndicator::finished()
{
    if (!bar_ || !statusBar_) return;
    bar_->hide();
    statusBar_->showMessage(tr("Réseau routier recalculé : couverture à jour."), 4000);
}

}  // namespace maillage::gui
