#include "analysis_controls.h"

#include "coverage_controller.h"

#include <QAction>
#include <QActionGroup>
#include <QComboBox>
#include <QKeyEvent>
#include <QLabel>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QToolBar>

#include <algorithm>
#include <cmath>

namespace maillage::gui {

namespace {

const QString kLevelKey = QStringLiteral("analysis/level");
const QString kThresholdKey = QStringLiteral("analysis/thresholdMinutes");
const QString kIncludePlannedKey = QStringLiteral("analysis/includePlanned");

}  // namespace

AnalysisControls::AnalysisControls(QObject* parent, QAction* undo, QAction* redo) : QObject(parent), undo_(undo), redo_(redo)
{
    levelGroup_ = new QActionGroup(parent);
    for (int level = 1; level <= 3; ++level) {
        auto* action = new QAction(tr("Couverture du niveau &%1").arg(level), parent);
        action->setCheckable(true);
        action->setData(level);
        action->setShortcut(QKeySequence(Qt::ALT | (Qt::Key_0 + level)));
        levelGroup_->addAction(action);
        connect(action, &QAction::triggered, this, [this, level] {
            if (coverage_) coverage_->setLevel(level);
        });
    }
    includePlanned_ = new QAction(tr("Compter les points &projetés"), parent);
    includePlanned_->setCheckable(true);
    includePlanned_->setChecked(QSettings().value(kIncludePlannedKey, true).toBool());
    includePlanned_->setStatusTip(tr("Les points projetés (ajoutés sur la carte) comptent dans la couverture"));
    connect(includePlanned_, &QAction::toggled, this, [this](bool include) {
        QSettings().setValue(kIncludePlannedKey, include);
        if (coverage_) coverage_->setIncludePlanned(include);
    });
    createToolWidgets();
}

void AnalysisControls::createToolWidgets()
{
    levelBox_ = new QComboBox;
    levelBox_->setObjectName(QStringLiteral("levelBox"));
    for (int level = 1; level <= 3; ++level) levelBox_->addItem(tr("Niveau %1").arg(level), level);
    levelBox_->setToolTip(tr("Niveau dont la couverture est calculée"));
    threshold_.box = new QSpinBox;
    threshold_.box->setObjectName(QStringLiteral("thresholdBox"));
    threshold_.box->setRange(1, 120);
    threshold_.box->setSuffix(tr(" min"));
    // Its line edit would take Ctrl+Z for its own text: the project's undo is meant.
    threshold_.box->installEventFilter(this);
    threshold_.box->setToolTip(tr("Seuil de temps d'accès (20 min dans le schéma départemental)"));
    threshold_.slider = new QSlider(Qt::Horizontal);
    threshold_.slider->setRange(5, 60);
    threshold_.slider->setMaximumWidth(140);
    threshold_.slider->setToolTip(threshold_.box->toolTip());
}

void AnalysisControls::addTo(QToolBar& toolBar)
{
    auto* thresholdLabel = new QLabel(tr(" Seuil "));
    toolBar.addWidget(levelBox_);
    toolBar.addWidget(thresholdLabel);
    toolBar.addWidget(threshold_.slider);
    toolBar.addWidget(threshold_.box);
    const int threshold = QSettings().value(kThresholdKey, 20).toInt();
    threshold_.box->setValue(threshold);
    threshold_.slider->setValue(threshold);
    const int level = std::clamp(QSettings().value(kLevelKey, 2).toInt(), 1, 3);
    levelBox_->setCurrentIndex(level - 1);
    for (QAction* action : levelGroup_->actions()) action->setChecked(action->data().toInt() == level);
    connect(levelBox_, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (rememberLevel_) QSettings().setValue(kLevelKey, index + 1);
        if (coverage_) coverage_->setLevel(index + 1);
        else syncWithCoverage();
    });
    connect(threshold_.slider, &QSlider::valueChanged, threshold_.box, &QSpinBox::setValue);
    connect(threshold_.box, &QSpinBox::valueChanged, this, [this](int minutes) {
        const QSignalBlocker blocker(threshold_.slider);
        threshold_.slider->setValue(minutes);
        QSettings().setValue(kThresholdKey, minutes);
        if (coverage_) coverage_->setThresholdMinutes(minutes);
    });
}

QList<QAction*> AnalysisControls::levelActions() const { return levelGroup_->actions(); }

void AnalysisControls::setCoverage(CoverageController* coverage)
{
    coverage_ = coverage;
    if (!coverage_) return;
    coverage_->setLevel(levelBox_->currentIndex() + 1);
    coverage_->setThresholdMinutes(threshold_.box->value());
    coverage_->setIncludePlanned(includePlanned_->isChecked());
    connect(coverage_, &CoverageController::settingsChanged, this, &AnalysisControls::syncWithCoverage);
}

void AnalysisControls::setLevel(int level, bool remember)
{
    rememberLevel_ = remember;
    levelBox_->setCurrentIndex(std::clamp(level, 1, 3) - 1);
    rememberLevel_ = true;
}

void AnalysisControls::syncWithCoverage()
{
    const int level = coverage_ ? coverage_->level() : levelBox_->currentIndex() + 1;
    {
        const QSignalBlocker blocker(levelBox_);
        levelBox_->setCurrentIndex(level - 1);
    }
    for (QAction* action : levelGroup_->actions()) action->setChecked(action->data().toInt() == level);
    if (coverage_) {
        const QSignalBlocker blocker(threshold_.box);
        threshold_.box->setValue(static_cast<int>(std::lround(coverage_->thresholdMinutes())));
        const QSignalBlocker sliderBlocker(threshold_.slider);
        threshold_.slider->setValue(threshold_.box->value());
    }
}

bool AnalysisControls::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == threshold_.box && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->matches(QKeySequence::Undo)) {
            undo_->trigger();
            return true;
        }
        if (key->matches(QKeySequence::Redo)) {
            redo_->trigger();
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

}  // namespace maillage::gui
