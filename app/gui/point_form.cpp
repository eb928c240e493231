#include "point_form.h"

#include "common/error.h"
#include "labels.h"
#include "map/point_symbols.h"
#include "point_commands.h"
#include "project.h"
#include "shared_project_monitor.h"
#include "store/kinds.h"
#include "widget_helpers.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace maillage::gui {

PointForm::PointForm()
{
    createFields();
    createNotes();
    layOut();
    connectFields();
    showPoint(nullptr);
}

// The point's attributes, each in the field that edits it, and the buttons that apply or
// revert the changes.
void PointForm::createFields()
{
    name_ = new QLineEdit;
    name_->setObjectName(QStringLiteral("pointName"));
    level_ = new QComboBox;
    for (Level level : {Level::First, Level::Second, Level::Third})
        level_->addItem(levelLabel(level), static_cast<int>(level));
    kind_ = new QComboBox;
    for (const KindInfo& kind : kindReferential())
        kind_->addItem(QIcon(pointSymbolPixmap({kind.defaultLevel, kind.code, PointStatus::Existing}, 16)),
                       interfaceIsEnglish() ? kind.labelEn : kind.labelFr, kind.code);
    status_ = new QComboBox;
    for (PointStatus status : {PointStatus::Existing, PointStatus::Planned, PointStatus::Closed})
        status_->addItem(statusLabel(status), statusCode(status));
    weeklyHours_ = new QDoubleSpinBox;
    weeklyHours_->setRange(-1, 168);
    weeklyHours_->setDecimals(1);
    weeklyHours_->setSpecialValueText(tr("inconnu"));
    weeklyHours_->setSuffix(tr(" h"));
    openingHours_ = new QLineEdit;
    openingHours_->setPlaceholderText(tr("ex. lun 09:00-12:00; mar 14:00-17:00"));
    address_ = new QLineEdit;
    serves_ = new QLineEdit;
    serves_->setObjectName(QStringLiteral("pointServes"));
    serves_->setPlaceholderText(tr("ex. caf;cpam;france_travail"));
    serves_->setToolTip(tr("Opérateurs de niveau 3 que l'on rencontre ici en visio (codes séparés par « ; »)"));
    notes_ = new QPlainTextEdit;
    notes_->setTabChangesFocus(true);
    notes_->setMaximumHeight(90);
    place_ = new QLabel;
    place_->setWordWrap(true);
    place_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    apply_ = new QPushButton(tr("Appliquer"));
    apply_->setObjectName(QStringLiteral("applyPoint"));
    apply_->setDefault(true);
    revert_ = new QPushButton(tr("Rétablir"));
}

// What is shown above the fields: the point's title, and why it cannot be edited (a plan's
// baseline point, a read-only project) when so.
void PointForm::createNotes()
{
    title_ = new QLabel;
    title_->setWordWrap(true);
    planNote_ = new QLabel;
    planNote_->setWordWrap(true);
    planNote_->setObjectName(QStringLiteral("planNote"));
    planNote_->setStyleSheet(QStringLiteral("color: #5a4a00; background: #fff4c2; padding: 4px; border-radius: 3px;"));
    planNote_->hide();
    readOnlyNote_ = new QLabel;
    readOnlyNote_->setWordWrap(true);
    readOnlyNote_->setObjectName(QStringLiteral("pointFormReadOnly"));
    readOnlyNote_->setStyleSheet(QStringLiteral("color: #555;"));
    readOnlyNote_->hide();
}

void PointForm::layOut()
{
    fields_ = new QWidget;
    auto* form = new QFormLayout(fields_);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Nom"), name_);
    form->addRow(tr("Niveau"), level_);
    form->addRow(tr("Type"), kind_);
    form->addRow(tr("Statut"), status_);
    form->addRow(tr("Heures par semaine"), weeklyHours_);
    form->addRow(tr("Horaires"), openingHours_);
    form->addRow(tr("Adresse"), address_);
    form->addRow(tr("Opérateurs en visio"), serves_);
    form->addRow(tr("Notes"), notes_);
    form->addRow(tr("Lieu"), place_);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(revert_);
    buttons->addWidget(apply_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title_);
    layout->addWidget(planNote_);
    layout->addWidget(readOnlyNote_);
    layout->addWidget(fields_);
    layout->addLayout(buttons);
    layout->addStretch();
}

// Any change shows the buttons; Appliquer asks for one undoable edit.
void PointForm::connectFields()
{
    auto changed = [this] { updateButtons(); };
    connect(name_, &QLineEdit::textChanged, this, changed);
    connect(level_, &QComboBox::currentIndexChanged, this, changed);
    connect(status_, &QComboBox::currentIndexChanged, this, changed);
    connect(weeklyHours_, &QDoubleSpinBox::valueChanged, this, changed);
    connect(openingHours_, &QLineEdit::textChanged, this, changed);
    connect(address_, &QLineEdit::textChanged, this, changed);
    connect(serves_, &QLineEdit::textChanged, this, changed);
    connect(notes_, &QPlainTextEdit::textChanged, this, changed);
    connect(kind_, &QComboBox::currentIndexChanged, this, [this] {
        // A new kind brings its usual level; the planner can still choose another.
        if (!filling_)
            if (const KindInfo* kind = findKind(kind_->currentData().toString()))
                level_->setCurrentIndex(level_->findData(static_cast<int>(kind->defaultLevel)));
        updateButtons();
    });
    connect(name_, &QLineEdit::returnPressed, apply_, &QPushButton::click);
    connect(apply_, &QPushButton::clicked, this, [this] {
        if (project_ && shown_ && readOnlyReason_.isEmpty())
            project_->undoStack()->push(new EditPointCommand(*project_, *shown_, edited()));
    });
    connect(revert_, &QPushButton::clicked, this, [this] { showSelection(); });
}

void PointForm::setProject(Project* project)
{
    if (replaceSource(project_, project, this)) {
        connect(project_, &Project::selectionChanged, this, &PointForm::showSelection);
        connect(project_, &Project::pointChanged, this, &PointForm::showSelection);
        connect(project_, &Project::pointRemoved, this, &PointForm::showSelection);
        connect(project_, &Project::scenarioChanged, this, &PointForm::showSelection);
    }
    showSelection();
}

void PointForm::setReadOnlyReason(const QString& reason)
{
    if (reason == readOnlyReason_) return;
    readOnlyReason_ = reason;
    readOnlyNote_->setText(reason);
    readOnlyNote_->setVisible(!reason.isEmpty());
    showSelection();
}

void PointForm::focusName()
{
    name_->setFocus();
    name_->selectAll();
}

void PointForm::showSelection()
{
    if (!project_ || project_->selection().size() != 1) {
        showPoint(nullptr);
        if (project_ && project_->selection().size() > 1)
            title_->setText(tr("%n points sélectionnés.", nullptr, static_cast<int>(project_->selection().size())));
        return;
    }
    showPoint(project_->point(*project_->selection().begin()));
}

void PointForm::showPoint(const AccueilPoint* point)
{
    filling_ = true;
    shown_ = point ? std::optional<AccueilPoint>(*point) : std::nullopt;
    fields_->setEnabled(point != nullptr);
    // In a plan, a point of the baseline can be closed or change level and kind; the plan's
    // own points are planned by nature.
    const bool plan = project_ && project_->planActive() && point;
    planBaseline_ = plan && point->id > 0;
    for (QWidget* field : std::initializer_list<QWidget*>{name_, weeklyHours_, openingHours_, address_, serves_, notes_})
        field->setEnabled(!planBaseline_);
    status_->setEnabled(!(plan && point->id < 0));
    planNote_->setVisible(plan);
    if (plan)
        planNote_->setText(planBaseline_
                               ? tr("Plan « %1 » : ce point de la situation actuelle peut y être fermé ou "
                                    "changer de niveau et de type ; le reste se modifie dans la situation actuelle.")
                                     .arg(project_->activeScenario())
                               : tr("Point projeté du plan « %1 ».").arg(project_->activeScenario()));
    if (!point) {
        title_->setText(tr("Sélectionnez un point sur la carte ou dans la table."));
        for (QLineEdit* edit : {name_, openingHours_, address_, serves_}) edit->clear();
        notes_->clear();
        place_->clear();
    } else {
        title_->setText(tr("<b>%1</b>").arg(point->name.toHtmlEscaped()));
        name_->setText(point->name);
        level_->setCurrentIndex(level_->findData(static_cast<int>(point->level)));
        int kindIndex = kind_->findData(point->kind);
        if (kindIndex < 0) {
            kind_->addItem(point->kind, point->kind);
            kindIndex = kind_->count() - 1;
        }
        kind_->setCurrentIndex(kindIndex);
        status_->setCurrentIndex(status_->findData(statusCode(point->status)));
        weeklyHours_->setValue(point->weeklyHours.value_or(-1));
        openingHours_->setText(point->openingHours);
        address_->setText(point->address);
        serves_->setText(servesText(point->serves));
        notes_->setPlainText(point->notes);
        const maillage::Commune* commune = project_ ? project_->territory().commune(point->communeInsee) : nullptr;
        place_->setText(
            tr("%1\nLambert-93 : %2 ; %3\nWGS84 : %4 ; %5%6")
                .arg(commune ? commune->name : tr("hors du territoire"))
                .arg(point->lambert93.x, 0, 'f', 0)
                .arg(point->lambert93.y, 0, 'f', 0)
                .arg(point->wgs84.lat, 0, 'f', 5)
                .arg(point->wgs84.lon, 0, 'f', 5)
                .arg(point->source.isEmpty() ? QString() : tr("\nSource : %1 %2").arg(point->source, point->sourceId)));
    }
    filling_ = false;
    updateButtons();
}

AccueilPoint PointForm::edited() const
{
    AccueilPoint point = *shown_;
    point.level = levelFromInt(level_->currentData().toInt()).value_or(point.level);
    point.kind = kind_->currentData().toString();
    point.status = statusFromCode(status_->currentData().toString()).value_or(point.status);
    if (planBaseline_) return point;  // the other fields are the baseline's
    point.name = name_->text().trimmed();
    point.weeklyHours = weeklyHours_->value() < 0 ? std::nullopt : std::optional<double>(weeklyHours_->value());
    point.openingHours = openingHours_->text().trimmed();
    point.address = address_->text().trimmed();
    point.serves = servesEntered().value_or(point.serves);
    point.notes = notes_->toPlainText();
    return point;
}

std::optional<QStringList> PointForm::servesEntered() const
{
    try {
        return parseServes(serves_->text());
    } catch (const Error&) {
        return std::nullopt;
    }
}

void PointForm::updateButtons()
{
    if (filling_) return;
    bool dirty = false;
    if (shown_) {
        const AccueilPoint now = edited();
        dirty = now.name != shown_->name || now.level != shown_->level || now.kind != shown_->kind
                || now.status != shown_->status || now.weeklyHours != shown_->weeklyHours
                || now.openingHours != shown_->openingHours || now.address != shown_->address || now.notes != shown_->notes
                || servesEntered() != std::optional<QStringList>(shown_->serves);
    }
    // A code that is no level-3 operator is shown, and the point cannot be applied with it.
    QString servesProblem;
    try {
        parseServes(serves_->text());
    } catch (const Error& error) {
        servesProblem = error.message();
    }
    serves_->setStyleSheet(servesProblem.isEmpty() ? QString() : QStringLiteral("background: #fde0dc;"));
    serves_->setToolTip(servesProblem.isEmpty()
                            ? tr("Opérateurs de niveau 3 que l'on rencontre ici en visio (codes séparés par « ; »)")
                            : servesProblem);
    apply_->setEnabled(dirty && servesProblem.isEmpty() && !name_->text().trimmed().isEmpty());
    revert_->setEnabled(dirty);
    showEditable(QList<QWidget*>{fields_, apply_, revert_}, readOnlyReason_);
}

}  // namespace maillage::gui
