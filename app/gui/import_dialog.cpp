#include "import_dialog.h"

#include "common/error.h"
#include "geo/territory.h"
#include "store/kinds.h"
#include "store/store.h"
#include "widget_helpers.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace maillage::gui {
namespace {

constexpr int kPreviewRows = 8;
constexpr int kSummaryIssues = 10;

QString formatLabel(PointFormat format)
{
    switch (format) {
    case PointFormat::Mairies: return ImportDialog::tr("liste des mairies");
    case PointFormat::FranceServices: return ImportDialog::tr("liste des France services (ANCT)");
    case PointFormat::LaPoste: return ImportDialog::tr("points de contact de La Poste");
    case PointFormat::Operators: return ImportDialog::tr("liste des opérateurs");
    case PointFormat::Annuaire: return ImportDialog::tr("Annuaire de l'administration (DILA)");
    case PointFormat::Generic: break;
    }
    return {};
}

// Lower case without accents, spaces or separators: "Code INSEE" and "code_insee" match.
QString folded(const QString& text)
{
    QString out;
    for (const QChar c : text.normalized(QString::NormalizationForm_D).toLower())
        if (c.isLetterOrNumber() && c.category() != QChar::Mark_NonSpacing) out += c;
    return out;
}

// The usual column names of each field, in order of preference.
QStringList candidatesFor(ImportDialog::Field field)
{
    using F = ImportDialog::Field;
    switch (field) {
    case F::Name:
        return {QStringLiteral("nom"),         QStringLiteral("name"),         QStringLiteral("libelle"),
                QStringLiteral("intitule"),    QStringLiteral("nomstructure"), QStringLiteral("raisonsociale"),
                QStringLiteral("denomination")};
    case F::Id:
        return {QStringLiteral("id"), QStringLiteral("identifiant"), QStringLiteral("sourceid"), QStringLiteral("code"),
                QStringLiteral("ref")};
    case F::X:
        return {QStringLiteral("longitude"), QStringLiteral("lon"),  QStringLiteral("lng"),    QStringLiteral("long"),
                QStringLiteral("x"),         QStringLiteral("xl93"), QStringLiteral("coordx"), QStringLiteral("xlambert93")};
    case F::Y:
        return {QStringLiteral("latitude"), QStringLiteral("lat"),    QStringLiteral("y"),
                QStringLiteral("yl93"),     QStringLiteral("coordy"), QStringLiteral("ylambert93")};
    case F::Kind:
        return {QStringLiteral("kind"), QStringLiteral("type"), QStringLiteral("nature"), QStringLiteral("categorie"),
                QStringLiteral("typestructure")};
    case F::Level: return {QStringLiteral("level"), QStringLiteral("niveau")};
    case F::Commune:
        return {QStringLiteral("insee"),       QStringLiteral("codeinsee"), QStringLiteral("inseecom"),
                QStringLiteral("codecommune"), QStringLiteral("codgeo"),    QStringLiteral("depcom")};
    }
    return {};
}

QString fieldObjectName(ImportDialog::Field field)
{
    static const char* const names[] = {"nameColumn", "idColumn",    "xColumn",      "yColumn",
                                        "kindColumn", "levelColumn", "communeColumn"};
    return QString::fromLatin1(names[int(field)]);
}

QString summaryOf(const QString& file, const ImportReport& report)
{
    const QLocale locale;
    QString summary = ImportDialog::tr(
                          "%1 : %2 lignes lues, %3 points nouveaux, %4 mis à jour, %5 inchangés, "
                          "%6 hors du territoire, %7 lignes écartées.")
                          .arg(QFileInfo(file).fileName(), locale.toString(report.batch.rowsRead),
                               locale.toString(report.written.inserted), locale.toString(report.written.updated),
                               locale.toString(report.written.unchanged), locale.toString(report.outsideTerritory),
                               locale.toString(report.batch.skippedCount()));
    int shown = 0;
    for (const ImportIssue& issue : report.batch.issues) {
        if (shown++ == kSummaryIssues) break;
        summary += (report.batch.featureIds ? ImportDialog::tr("\nobjet %1 : %2") : ImportDialog::tr("\nligne %1 : %2"))
                       .arg(issue.line)
                       .arg(issue.message);
    }
    return summary;
}

}  // namespace

ImportBatch readPointsFile(const QString& file, const ImportChoice& choice)
{
    if (choice.mapping) return readGenericPoints(file, *choice.mapping);
    return readPointFile(file, detectPointFormat(file));
}

QString importPointsWith(Store& store, const QString& file, const ImportChoice& choice, const Territory& territory)
{
    return summaryOf(file, importBatch(store, readPointsFile(file, choice), &territory));
}

ImportDialog::ImportDialog(const QString& file, QWidget* parent) : QDialog(parent), file_(file)
{
    setWindowTitle(tr("Importer des points — %1").arg(QFileInfo(file).fileName()));
    const PointFilePreview preview = readPreview();
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(createFormatChoice());
    layout->addWidget(createPreviewBox(), 2);
    QGroupBox* mappingBox = createMappingBox(preview.columns);
    layout->addWidget(mappingBox);
    layout->addWidget(createReportBox(), 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Importer"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    // Each change is checked a moment later, so that typing or scrolling a box reads the file once.
    checkTimer_ = new QTimer(this);
    checkTimer_->setSingleShot(true);
    checkTimer_->setInterval(250);
    connect(checkTimer_, &QTimer::timeout, this, &ImportDialog::checkNow);
    connect(format_, &QComboBox::currentIndexChanged, this, [this] {
        updateEnabled();
        scheduleCheck();
    });

    resize(860, 720);
    if (!error_.isEmpty()) {
        summary_->setText(tr("Ce fichier ne peut pas être lu : %1").arg(error_));
        buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
        mappingBox->setEnabled(false);
        format_->setEnabled(false);
        return;
    }
    buildPreview(preview);
    guessColumns(preview);
    updateEnabled();
    checkNow();
}

PointFilePreview ImportDialog::readPreview()
{
    PointFilePreview preview;
    try {
        const PointFormat format = detectPointFormat(file_);
        if (format != PointFormat::Generic) knownFormat_ = format;
        preview = previewPointFile(file_, {}, kPreviewRows);
        positionsFromGeometry_ = preview.positionsFromGeometry;
    } catch (const Error& e) {
        error_ = e.message();
    }
    return preview;
}

QFormLayout* ImportDialog::createFormatChoice()
{
    format_ = new QComboBox;
    format_->setObjectName(QStringLiteral("format"));
    if (knownFormat_) format_->addItem(tr("Fichier reconnu : %1 (colonnes connues)").arg(formatLabel(*knownFormat_)));
    format_->addItem(tr("Choisir les colonnes ci-dessous"));
    auto* formatRow = new QFormLayout;
    formatRow->addRow(tr("Lecture :"), format_);
    return formatRow;
}

QGroupBox* ImportDialog::createPreviewBox()
{
    preview_ = new QTableWidget;
    preview_->setObjectName(QStringLiteral("preview"));
    preview_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    preview_->setMinimumHeight(170);
    auto* previewBox = new QGroupBox(tr("Premières lignes du fichier"));
    (new QVBoxLayout(previewBox))->addWidget(preview_);
    return previewBox;
}

QGroupBox* ImportDialog::createMappingBox(const QStringList& columns)
{
    auto* mappingBox = new QGroupBox(tr("Correspondance des colonnes"));
    auto* mapping = new QFormLayout(mappingBox);
    const QString labels[] = {
        tr("Nom :"),          tr("Identifiant :"), tr("Longitude ou X :"),          tr("Latitude ou Y :"),
        tr("Type de lieu :"), tr("Niveau :"),      tr("Code INSEE de la commune :")};
    for (int i = 0; i < 7; ++i) {
        auto* combo = new QComboBox;
        combo->setObjectName(fieldObjectName(Field(i)));
        combo->addItem(tr("(aucune)"), QString());
        for (const QString& column : columns) combo->addItem(column, column);
        boxes_[i] = combo;
        if (Field(i) == Field::X) mapping->addRow(tr("Coordonnées :"), createCoordinateChoice());
        mapping->addRow(labels[i], combo);
        connect(combo, &QComboBox::currentIndexChanged, this, &ImportDialog::scheduleCheck);
    }
    addFixedKindAndLevel(*mapping);
    return mappingBox;
}

QHBoxLayout* ImportDialog::createCoordinateChoice()
{
    auto* row = new QHBoxLayout;
    lonLat_ = new QRadioButton(tr("longitude / latitude (WGS84)"));
    lambert93_ = new QRadioButton(tr("X / Y en Lambert-93"));
    lonLat_->setChecked(true);
    auto* group = new QButtonGroup(this);
    group->addButton(lonLat_);
    group->addButton(lambert93_);
    row->addWidget(lonLat_);
    row->addWidget(lambert93_);
    row->addStretch();
    connect(lambert93_, &QRadioButton::toggled, this, &ImportDialog::scheduleCheck);
    return row;
}

void ImportDialog::addFixedKindAndLevel(QFormLayout& mapping)
{
    fixedKind_ = new QComboBox;
    fixedKind_->setObjectName(QStringLiteral("fixedKind"));
    const bool english = QLocale().language() == QLocale::English;
    for (const KindInfo& kind : kindReferential()) fixedKind_->addItem(english ? kind.labelEn : kind.labelFr, kind.code);
    fixedKind_->setCurrentIndex(fixedKind_->findData(QStringLiteral("other")));
    fixedLevel_ = new QComboBox;
    fixedLevel_->setObjectName(QStringLiteral("fixedLevel"));
    fixedLevel_->addItem(tr("celui du type"), 0);
    for (int level = 1; level <= 3; ++level) fixedLevel_->addItem(tr("niveau %1").arg(level), level);
    mapping.addRow(tr("Type de tous les points (sans colonne) :"), fixedKind_);
    mapping.addRow(tr("Niveau de tous les points (sans colonne) :"), fixedLevel_);
    connect(fixedKind_, &QComboBox::currentIndexChanged, this, &ImportDialog::scheduleCheck);
    connect(fixedLevel_, &QComboBox::currentIndexChanged, this, &ImportDialog::scheduleCheck);
}

QGroupBox* ImportDialog::createReportBox()
{
    summary_ = makeSummaryLabel(QStringLiteral("summary"));
    issues_ = new QTableWidget(0, 2);
    issues_->setObjectName(QStringLiteral("issues"));
    issues_->setHorizontalHeaderLabels({tr("Ligne"), tr("Problème")});
    issues_->horizontalHeader()->setStretchLastSection(true);
    issues_->verticalHeader()->hide();
    issues_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto* reportBox = new QGroupBox(tr("Vérification avant import"));
    auto* reportLayout = new QVBoxLayout(reportBox);
    reportLayout->addWidget(summary_);
    reportLayout->addWidget(issues_);
    return reportBox;
}

void ImportDialog::buildPreview(const PointFilePreview& preview)
{
    preview_->setColumnCount(int(preview.columns.size()));
    preview_->setHorizontalHeaderLabels(preview.columns);
    preview_->setRowCount(int(preview.rows.size()));
    for (int r = 0; r < int(preview.rows.size()); ++r)
        for (int c = 0; c < int(preview.rows[r].size()) && c < int(preview.columns.size()); ++c)
            preview_->setItem(r, c, new QTableWidgetItem(preview.rows[r][c]));
    preview_->resizeColumnsToContents();
    for (int c = 0; c < preview_->columnCount(); ++c) preview_->setColumnWidth(c, std::min(preview_->columnWidth(c), 220));
}

void ImportDialog::guessColumns(const PointFilePreview& preview)
{
    for (int i = 0; i < 7; ++i) {
        const Field field = Field(i);
        if (positionsFromGeometry_ && (field == Field::X || field == Field::Y)) continue;
        for (const QString& candidate : candidatesFor(field)) {
            const auto found = std::find_if(preview.columns.begin(), preview.columns.end(),
                                            [&](const QString& column) { return folded(column) == candidate; });
            if (found == preview.columns.end()) continue;
            setColumn(field, *found);
            break;
        }
    }
    // Metres, not degrees: a first value beyond 180 can only be Lambert-93.
    const int x = int(preview.columns.indexOf(column(Field::X)));
    if (x >= 0 && !preview.rows.empty() && x < preview.rows.front().size()) {
        bool ok = false;
        const double value = QString(preview.rows.front()[x]).replace(QLatin1Char(','), QLatin1Char('.')).toDouble(&ok);
        setLambert93(ok && std::abs(value) > 180.0);
    }
    if (knownFormat_) format_->setCurrentIndex(0);
}

QComboBox* ImportDialog::box(Field field) const { return boxes_[int(field)]; }

QString ImportDialog::column(Field field) const { return box(field)->currentData().toString(); }

void ImportDialog::setColumn(Field field, const QString& column)
{
    const int index = box(field)->findData(column);
    box(field)->setCurrentIndex(std::max(0, index));
}

void ImportDialog::setLambert93(bool lambert93) { (lambert93 ? lambert93_ : lonLat_)->setChecked(true); }

void ImportDialog::setFixedKind(const QString& code)
{
    const int index = fixedKind_->findData(code);
    if (index >= 0) fixedKind_->setCurrentIndex(index);
}

void ImportDialog::setFixedLevel(int level)
{
    const int index = fixedLevel_->findData(level);
    if (index >= 0) fixedLevel_->setCurrentIndex(index);
}

void ImportDialog::setUseKnownFormat(bool known)
{
    if (knownFormat_) format_->setCurrentIndex(known ? 0 : 1);
}

ImportChoice ImportDialog::choice() const
{
    if (knownFormat_ && format_->currentIndex() == 0) return {};
    PointMapping mapping;
    mapping.nameField = column(Field::Name);
    mapping.idField = column(Field::Id);
    mapping.kindField = column(Field::Kind);
    mapping.levelField = column(Field::Level);
    mapping.communeField = column(Field::Commune);
    if (!positionsFromGeometry_) {
        mapping.lonField = column(Field::X);
        mapping.latField = column(Field::Y);
        mapping.lambert93Columns = lambert93_->isChecked();
    }
    mapping.fixedKind = fixedKind_->currentData().toString();
    if (const int level = fixedLevel_->currentData().toInt(); level > 0) mapping.fixedLevel = levelFromInt(level);
    return {mapping};
}

void ImportDialog::updateEnabled()
{
    const bool mapped = !(knownFormat_ && format_->currentIndex() == 0);
    for (QComboBox* combo : boxes_) combo->setEnabled(mapped);
    for (QWidget* widget : std::initializer_list<QWidget*>{lonLat_, lambert93_, box(Field::X), box(Field::Y)})
        widget->setEnabled(mapped && !positionsFromGeometry_);
    fixedKind_->setEnabled(mapped && column(Field::Kind).isEmpty());
    fixedLevel_->setEnabled(mapped && column(Field::Level).isEmpty());
}

void ImportDialog::scheduleCheck()
{
    updateEnabled();
    checkTimer_->start();
}

void ImportDialog::checkNow()
{
    checkTimer_->stop();
    if (!error_.isEmpty()) return;
    issues_->setRowCount(0);
    rowsRead_ = pointsRead_ = linesLeftOut_ = 0;
    const ImportChoice current = choice();
    if (current.mapping && !positionsFromGeometry_
        && (current.mapping->lonField.isEmpty() || current.mapping->latField.isEmpty())) {
        summary_->setText(tr("Choisissez les colonnes des coordonnées."));
        return;
    }
    try {
        const ImportBatch batch = readPointsFile(file_, current);
        rowsRead_ = batch.rowsRead;
        pointsRead_ = int(batch.points.size());
        linesLeftOut_ = batch.skippedCount();
        const QLocale locale;
        summary_->setText(
            tr("%1 lignes lues : %2 points à importer, %3 lignes écartées (détail ci-dessous).")
                .arg(locale.toString(rowsRead_), locale.toString(pointsRead_), locale.toString(linesLeftOut_)));
        issues_->setHorizontalHeaderLabels({batch.featureIds ? tr("Objet") : tr("Ligne"), tr("Problème")});
        issues_->setRowCount(int(batch.issues.size()));
        for (int i = 0; i < int(batch.issues.size()); ++i) {
            const ImportIssue& issue = batch.issues[i];
            issues_->setItem(i, 0, new QTableWidgetItem(QString::number(issue.line)));
            issues_->setItem(
                i, 1, new QTableWidgetItem(issue.skipped ? issue.message : tr("avertissement : %1").arg(issue.message)));
        }
    } catch (const Error& e) {
        summary_->setText(tr("Lecture impossible avec ces colonnes : %1").arg(e.message()));
    }
}

QString ImportDialog::reportText() const
{
    QString text = summary_->text();
    for (int i = 0; i < issues_->rowCount(); ++i)
        text += QStringLiteral("\n%1 %2 : %3")
                    .arg(issues_->horizontalHeaderItem(0)->text(), issues_->item(i, 0)->text(), issues_->item(i, 1)->text());
    return text;
}

}  // namespace maillage::gui
