#pragma once

#include "render/print_layout.h"

#include <QDialog>
#include <QTimer>

#include <memory>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QScrollArea;
class QSpinBox;

namespace maillage::render {
class LayerStack;
}

namespace maillage::gui {

class CoverageController;
class Project;

// The map as it is shown (layers, visibility, opacity, level, threshold, points counted) for
// the print layout.
render::PrintContent printContent(Project& project, const CoverageController& coverage);
std::vector<render::LayerState> layerStates(const render::LayerStack& layers);

// Projet › Exporter la carte en PDF…: the pages as they will be printed, paper size,
// orientation, atlas per EPCI, title and the levels of the points drawn; "Exporter…" writes
// the PDF. The pages are painted by the same code as `maillage export-pdf`.
class PdfExportDialog : public QDialog {
    Q_OBJECT
public:
    PdfExportDialog(Project& project, const CoverageController& coverage, const render::LayerStack& layers,
                    QWidget* parent = nullptr);
    ~PdfExportDialog() override;

    const render::PrintLayout* layout() const { return layout_.get(); }
    // "Page de comparaison avec la situation actuelle" (a plan shown only): adds the page of
    // what the plan changes, computed on first use. False, with lastError(), when it cannot.
    bool setComparisonPage(bool on);
    bool comparisonPageAvailable() const;
    render::PrintOptions options() const;
    void setOptions(const render::PrintOptions& options);
    int currentPage() const;
    void showPage(int page);
    // Writes the PDF (as the Exporter… button does after its file dialog); false on failure,
    // with the message in lastError().
    bool exportTo(const QString& path);
    QString lastError() const { return lastError_; }
    // Where "Exporter…" proposes to write: the project's folder, a name made of the project's
    // and the plan's ("04 - hiver.pdf", "04 - situation actuelle - atlas.pdf").
    QString suggestedPath() const;
    // The file the last successful export wrote (the status bar names it).
    QString exportedPath() const { return exportedPath_; }

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void addMapExtras(const render::LayerStack& layers);
    QGroupBox* createOptionsBox();
    QGroupBox* createPreviewBox();
    QDialogButtonBox* createButtons();
    void connectOptions();
    void rebuild();
    void refreshPreview();
    void chooseAndExport();

    // The current situation's coverage and the plan compared with it, for the comparison page.
    bool computeComparison();

    render::PrintContent content_;
    Project& project_;
    const CoverageController& coverage_;
    std::unique_ptr<CoverageResult> reference_;
    std::unique_ptr<ScenarioComparison> comparison_;
    std::vector<render::LayerState> layers_;
    int coverageLevel_ = 2;
    std::unique_ptr<render::PrintLayout> layout_;
    // Before the widgets: the constructor sets them first.
    QString projectPath_;
    QString planName_;
    QComboBox* paper_;
    QComboBox* orientation_;
    QCheckBox* atlas_;
    QCheckBox* comparisonPage_;
    QLineEdit* title_;
    QCheckBox* levels_[3];
    QSpinBox* page_;
    QLabel* pageName_;
    QLabel* preview_;
    QScrollArea* scroll_;
    QTimer resizeTimer_;
    QString lastError_;
    QString exportedPath_;
    bool updating_ = false;
};

}  // namespace maillage::gui
