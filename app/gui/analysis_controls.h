#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

class QAction;
class QActionGroup;
class QComboBox;
class QSlider;
class QSpinBox;
class QToolBar;

namespace maillage::gui {

class CoverageController;

// What the coverage shows: the level (toolbar box and Analyse menu), the access-time
// threshold (spin box and slider) and whether planned points count. The choices are
// remembered for the next start and applied to the coverage of each project opened.
class AnalysisControls : public QObject {
    Q_OBJECT
public:
    // `undo` and `redo` are the project's: the threshold box passes Ctrl+Z and Ctrl+Y to them.
    AnalysisControls(QObject* parent, QAction* undo, QAction* redo);

    // The coverage these controls drive (null without project or network): it takes the
    // current level, threshold and planned-points choice.
    void setCoverage(CoverageController* coverage);

    // The level (1 to 3); remembered for the next start unless `remember` is false.
    void setLevel(int level, bool remember = true);

    QList<QAction*> levelActions() const;
    QAction* includePlannedAction() const { return includePlanned_; }
    void addTo(QToolBar& toolBar);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void createToolWidgets();
    void syncWithCoverage();

    QAction* undo_;
    QAction* redo_;
    QPointer<CoverageController> coverage_;
    QActionGroup* levelGroup_ = nullptr;
    QAction* includePlanned_ = nullptr;
    QComboBox* levelBox_ = nullptr;
    // The threshold's two faces in the toolbar, kept equal.
    struct ThresholdWidgets {
        QSpinBox* box = nullptr;
        QSlider* slider = nullptr;
    } threshold_;
    bool rememberLevel_ = true;
};

}  // namespace maillage::gui
