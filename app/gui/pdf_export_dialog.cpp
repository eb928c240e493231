#include "pdf_export_dialog.h"

#include "render/planning_layers.h"

#include "common/error.h"
#include "coverage_controller.h"
#include "planning/comparison.h"
#include "planning/scenario.h"
#include "project.h"
#include "project/project_settings.h"
#include "render/map_layer.h"
#include "render/print_credits.h"
#include "store/scenarios.h"
#include "user_messages.h"
#include "widget_helpers.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QResizeEvent>
#include <QScrollArea>
#include <QSettings>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

#include <algorithm>

namespace maillage::gui {
namespace {

const QString kPdfFolderKey = QStringLiteral("export/pdfFolder");
constexpr int kPreviewMinimumWidth = 420;  // pixels of the page preview

}  // namespace

std::vector<render::LayerState> layerStates(const render::LayerStack& layers)
{
    std::vector<render::LayerState> states;
    for (const render::MapLayer* layer : layers.layers())
        states.push_back({layer->id(), layer->isVisible(), layer->opacity()});
    return states;
}

render::PrintContent printContent(Project& project, const CoverageController& coverage)
{
    render::PrintContent content;
    content.territory = &project.territory();
    content.roads = project.data().roads;
    content.points = coverage.countedPoints();
    content.grid = &coverage.context()->grid();
    content.coverage = &coverage.result();
    const bool planned = std::any_of(content.points.begin(), content.points.end(),
                                     [](const AccueilPoint& p) { return p.status == PointStatus::Planned; });
    // The subtitle names what is shown: the plan (even one that only closes roads), else the
    // baseline with or without the projected points.
    content.scenario = project.planActive() ? project.activeScenario()
                       : planned ? QCoreApplication::translate("maillage::gui::PdfExportDialog", "points projetés compris")
                                 : kBaselineScenario;
    return content;
}

PdfExportDialog::PdfExportDialog(Project& project, const CoverageController& coverage, const render::LayerStack& layers,
                                 QWidget* parent)
    : QDialog(parent),
      content_(printContent(project, coverage)),
      project_(project),
      coverage_(coverage),
      layers_(layerStates(layers)),
      coverageLevel_(coverage.level()),
      projectPath_(project.path()),
      planName_(project.planActive() ? project.activeScenario() : tr("situation actuelle")),
      paper_(new QComboBox),
      orientation_(new QComboBox),
      atlas_(new QCheckBox(tr("Atlas : une page par EPCI"))),
      comparisonPage_(new QCheckBox(tr("Page de comparaison avec la situation actuelle"))),
      title_(new QLineEdit),
      page_(new QSpinBox),
      pageName_(new QLabel),
      preview_(new QLabel),
      scroll_(new QScrollArea)
{
    setObjectName(QStringLiteral("pdfExportDialog"));
    setWindowTitle(tr("Exporter la carte en PDF"));
    addMapExtras(layers);
    auto* columns = new QHBoxLayout;
    columns->addWidget(createOptionsBox(), 0);
    columns->addWidget(createPreviewBox(), 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(createButtons());
    connectOptions();
    rebuild();
}

// What the map shows besides the layers: the plan's closed roads and suggested sites, and
// the credits of the data.
void PdfExportDialog::addMapExtras(const render::LayerStack& layers)
{
    // The plan's closed roads, as the map draws them.
    if (const auto* closed = qobject_cast<const render::ClosedRoadsLayer*>(layers.layer(QStringLiteral("closedRoads"))))
        content_.closedRoads = closed->closedRoads();
    // The sites suggested for the plan shown, ringed with their rank as on the map.
    if (const auto* suggested = qobject_cast<const render::SuggestionsLayer*>(layers.layer(QStringLiteral("suggestions"))))
        for (const render::SuggestionsLayer::Site& site : suggested->sites())
            content_.suggestedSites.push_back({site.position, site.rank, site.chosen});
    try {
        content_.credits = render::creditText(loadProjectSources(project_.store()),
                                              render::printedPoints(content_.points, {}, coverageLevel_));
    } catch (const Error&) {
        content_.credits = render::creditText({}, content_.points);  // the usual publishers
    }
}

// Paper, orientation, atlas, comparison page, title and the levels of the points drawn.
QGroupBox* PdfExportDialog::createOptionsBox()
{
    paper_->addItem(QStringLiteral("A4"));
    paper_->addItem(QStringLiteral("A3"));
    orientation_->addItem(tr("Portrait"));
    orientation_->addItem(tr("Paysage"));
    title_->setPlaceholderText(tr("titre fait du territoire et du niveau"));
    auto* levelsRow = new QHBoxLayout;
    for (int level = 1; level <= 3; ++level) {
        levels_[level - 1] = new QCheckBox(tr("niveau %1").arg(level));
        levels_[level - 1]->setChecked(level >= coverageLevel_);
        levelsRow->addWidget(levels_[level - 1]);
    }
    levelsRow->addStretch(1);

    auto* form = new QFormLayout;
    form->addRow(tr("Papier"), paper_);
    form->addRow(tr("Orientation"), orientation_);
    form->addRow(QString(), atlas_);
    form->addRow(QString(), comparisonPage_);
    comparisonPage_->setObjectName(QStringLiteral("pdfComparisonPage"));
    comparisonPage_->setEnabled(comparisonPageAvailable());
    comparisonPage_->setToolTip(comparisonPageAvailable()
                                    ? tr("Une page de plus : ce que le plan « %1 » change par rapport à la situation "
                                         "actuelle (zones gagnées et perdues, habitants par EPCI).")
                                          .arg(planName_)
                                    : tr("Affichez un plan pour le comparer à la situation actuelle."));
    form->addRow(tr("Titre"), title_);
    form->addRow(tr("Points dessinés"), levelsRow);
    auto* note =
        new QLabel(tr("La carte reprend les couches visibles, leur ordre et leur opacité, le niveau, le seuil "
                      "et les points comptés dans l'application. Le PDF est vectoriel : textes "
                      "sélectionnables, traits nets à tout zoom."));
    note->setWordWrap(true);
    note->setStyleSheet(QStringLiteral("color: palette(mid);"));
    auto* options = new QGroupBox(tr("Mise en page"));
    options->setMaximumWidth(430);  // wide enough for the comparison page's label
    auto* optionsLayout = new QVBoxLayout(options);
    optionsLayout->addLayout(form);
    optionsLayout->addWidget(note);
    optionsLayout->addStretch(1);
    return options;
}

// The page shown and its picture, redrawn as the options change.
QGroupBox* PdfExportDialog::createPreviewBox()
{
    page_->setMinimum(1);
    page_->setPrefix(tr("Page "));
    auto* pageRow = new QHBoxLayout;
    pageRow->addWidget(page_);
    pageRow->addWidget(pageName_, 1);
    preview_->setAlignment(Qt::AlignCenter);
    preview_->setObjectName(QStringLiteral("pdfPreview"));
    scroll_->setWidget(preview_);
    scroll_->setWidgetResizable(true);
    scroll_->setMinimumSize(kPreviewMinimumWidth + 30, 560);
    scroll_->setBackgroundRole(QPalette::Dark);
    auto* previewBox = new QGroupBox(tr("Aperçu"));
    auto* previewLayout = new QVBoxLayout(previewBox);
    previewLayout->addLayout(pageRow);
    previewLayout->addWidget(scroll_, 1);
    return previewBox;
}

QDialogButtonBox* PdfExportDialog::createButtons()
{
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QPushButton* exportButton = buttons->addButton(tr("Exporter…"), QDialogButtonBox::AcceptRole);
    exportButton->setObjectName(QStringLiteral("pdfExportButton"));
    exportButton->setDefault(true);
    connect(exportButton, &QPushButton::clicked, this, &PdfExportDialog::chooseAndExport);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    return buttons;
}

void PdfExportDialog::connectOptions()
{
    for (QComboBox* box : {paper_, orientation_})
        connect(box, &QComboBox::currentIndexChanged, this, &PdfExportDialog::rebuild);
    connect(atlas_, &QCheckBox::toggled, this, &PdfExportDialog::rebuild);
    connect(comparisonPage_, &QCheckBox::toggled, this, [this](bool on) {
        if (!setComparisonPage(on)) QMessageBox::warning(this, tr("Comparaison impossible"), lastError_);
    });
    connect(title_, &QLineEdit::editingFinished, this, &PdfExportDialog::rebuild);
    for (QCheckBox* box : levels_) connect(box, &QCheckBox::toggled, this, &PdfExportDialog::rebuild);
    connect(page_, &QSpinBox::valueChanged, this, &PdfExportDialog::refreshPreview);
    resizeTimer_.setSingleShot(true);
    resizeTimer_.setInterval(150);
    connect(&resizeTimer_, &QTimer::timeout, this, &PdfExportDialog::refreshPreview);
}

PdfExportDialog::~PdfExportDialog() = default;

void PdfExportDialog::resizeEvent(QResizeEvent* event)
{
    QDialog::resizeEvent(event);
    resizeTimer_.start();  // the preview follows once the resizing pauses
}

render::PrintOptions PdfExportDialog::options() const
{
    render::PrintOptions options;
    options.paper = paper_->currentIndex() == 1 ? render::PaperSize::A3 : render::PaperSize::A4;
    options.landscape = orientation_->currentIndex() == 1;
    options.atlas = atlas_->isChecked();
    options.title = title_->text().trimmed();
    options.layers = layers_;
    for (int level = 1; level <= 3; ++level)
        if (levels_[level - 1]->isChecked()) options.pointLevels.insert(level);
    if (options.pointLevels.empty()) options.pointLevels.insert(0);  // none: no level matches
    return options;
}

void PdfExportDialog::setOptions(const render::PrintOptions& options)
{
    updating_ = true;
    paper_->setCurrentIndex(options.paper == render::PaperSize::A3 ? 1 : 0);
    orientation_->setCurrentIndex(options.landscape ? 1 : 0);
    atlas_->setChecked(options.atlas);
    title_->setText(options.title);
    if (!options.pointLevels.empty())
        for (int level = 1; level <= 3; ++level) levels_[level - 1]->setChecked(options.pointLevels.count(level) > 0);
    updating_ = false;
    rebuild();
}

bool PdfExportDialog::comparisonPageAvailable() const { return project_.planActive(); }

bool PdfExportDialog::setComparisonPage(bool on)
{
    if (on && !comparisonPageAvailable()) {
        lastError_ = tr("Affichez un plan pour le comparer à la situation actuelle.");
        return false;
    }
    if (on && !comparison_ && !computeComparison()) {
        const QSignalBlocker blocker(comparisonPage_);
        comparisonPage_->setChecked(false);
        return false;
    }
    {
        const QSignalBlocker blocker(comparisonPage_);
        comparisonPage_->setChecked(on);
    }
    content_.reference = on ? reference_.get() : nullptr;
    content_.comparison = on ? comparison_.get() : nullptr;
    content_.referenceName = on ? QString(kBaselineScenario) : QString();
    rebuild();
    return true;
}

// As the comparison dock and `maillage export-pdf --compare` do: the current situation's points
// on the open network, the plan's coverage as the map shows it (its closures included), the
// same level, threshold and grid.
bool PdfExportDialog::computeComparison()
{
    const std::shared_ptr<const CoverageContext> base = coverage_.baselineContext();
    if (!base) {
        lastError_ = tr("Il faut un projet avec un réseau routier pour comparer des scénarios.");
        return false;
    }
    try {
        const WaitCursor waiting;
        const ScenarioView baseline = loadScenarioView(project_.store(), kBaselineScenario);
        CoverageOptions options = coverage_.result().options;
        options.computeBands = false;
        options.clipGapsToCommunes = false;
        options.threads = std::max(1, QThread::idealThreadCount());
        reference_ =
            std::make_unique<CoverageResult>(computeCoverage(*base, scenarioLevelPoints(baseline, options.level), options));
        comparison_ = std::make_unique<ScenarioComparison>(
            compareCoverage(*base, *reference_, coverage_.result(), QString(kBaselineScenario), planName_,
                            {.changeZones = false, .clipToCommunes = false, .threads = options.threads}));
    } catch (const std::exception& e) {
        reference_.reset();
        comparison_.reset();
        lastError_ = userMessage(e);
    }
    return comparison_ != nullptr;
}

int PdfExportDialog::currentPage() const { return page_->value() - 1; }

void PdfExportDialog::showPage(int page) { page_->setValue(page + 1); }

void PdfExportDialog::rebuild()
{
    if (updating_) return;
    try {
        const WaitCursor waiting;
        layout_ = std::make_unique<render::PrintLayout>(content_, options());
        lastError_.clear();
    } catch (const std::exception& e) {
        layout_.reset();
        lastError_ = userMessage(e);
    }
    const QSignalBlocker blocker(page_);
    page_->setMaximum(layout_ ? layout_->pageCount() : 1);
    page_->setSuffix(layout_ ? tr(" / %1").arg(layout_->pageCount()) : QString());
    refreshPreview();
}

void PdfExportDialog::refreshPreview()
{
    if (!layout_) {
        preview_->setPixmap({});
        preview_->setText(lastError_);
        pageName_->clear();
        return;
    }
    const int page = std::clamp(currentPage(), 0, layout_->pageCount() - 1);
    pageName_->setText(layout_->pageName(page));
    // The whole page in the view, drawn at twice its size then reduced: small text stays legible.
    const qreal ratio = devicePixelRatioF();
    const QSizeF pageSize = layout_->pageSizePixels();
    const QSize room = scroll_->viewport()->size() - QSize(8, 8);
    const int width = std::max(kPreviewMinimumWidth / 2,
                               int(std::min<double>(room.width(), room.height() * pageSize.width() / pageSize.height())));
    const double scale = 2.0 * width / pageSize.width();
    QImage image = layout_->pageImage(page, scale);
    image = image.scaledToWidth(int(width * ratio), Qt::SmoothTransformation);
    image.setDevicePixelRatio(ratio);
    preview_->setPixmap(QPixmap::fromImage(image));
}

bool PdfExportDialog::exportTo(const QString& path)
{
    if (!layout_) return false;
    try {
        const WaitCursor waiting;
        layout_->writePdf(path);
        lastError_.clear();
        exportedPath_ = QFileInfo(path).absoluteFilePath();
        return true;
    } catch (const std::exception& e) {
        lastError_ = userMessage(e);
    }
    return false;
}

QString PdfExportDialog::suggestedPath() const
{
    // Beside the project: the maps of a project go with it (the home folder otherwise).
    const QFileInfo project(projectPath_);
    const QString folder = projectPath_.isEmpty() ? QDir::homePath() : project.absolutePath();
    QString name = projectPath_.isEmpty() ? tr("carte") : project.completeBaseName();
    name += QStringLiteral(" - ") + planName_;
    if (options().atlas) name += tr(" - atlas");
    // Characters file systems refuse in a name.
    static const QRegularExpression forbidden(QStringLiteral("[\\\\/:*?\"<>|]"));
    name.replace(forbidden, QStringLiteral("_"));
    return QDir(folder).filePath(name + QStringLiteral(".pdf"));
}

void PdfExportDialog::chooseAndExport()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Exporter la carte en PDF"), suggestedPath(), tr("PDF (*.pdf)"));
    if (path.isEmpty()) return;
    if (!path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)) path += QStringLiteral(".pdf");
    QSettings().setValue(kPdfFolderKey, QFileInfo(path).absolutePath());
    if (exportTo(path)) {
        accept();
        return;
    }
    QMessageBox::warning(this, tr("Export impossible"), lastError_);
}

}  // namespace maillage::gui
