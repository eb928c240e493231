#include "suggestion_panel.h"

#include "common/error.h"
#include "coverage_controller.h"
#include "labels.h"
#include "project.h"
#include "project/full_coverage.h"
#include "render/planning_layers.h"
#include "scenario_commands.h"
#include "shared_project_monitor.h"
#include "store/kinds.h"
#include "user_messages.h"
#include "widget_helpers.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSpinBox>
#include <QTableWidget>
#include <QThread>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace maillage::gui {
namespace {

enum Column { Rank, Site, Commune, Gain, Total, ColumnCount };

QString defaultKindForLevel(int level)
{
    switch (level) {
    case 1: return QStringLiteral("point_relais");
    case 2: return QStringLiteral("france_services");
    default: return QStringLiteral("other");
    }
}

bool isLaPoste(const AccueilPoint& p)
{
    const KindInfo* kind = findKind(p.kind);
    return kind && kind->group == QLatin1String("la_poste");
}

}  // namespace

SuggestionPanel::SuggestionPanel(QWidget* parent)
    : BackgroundTaskPanel(tr("Suggérer"), parent), watcher_(new QFutureWatcher<Outcome>(this))
{
    createChoices();
    createTable();
    layOut();

    connect(run_, &QPushButton::clicked, this, [this] {
        if (!run() && interactive_ && !lastError_.isEmpty())
            QMessageBox::warning(this, tr("Suggérer des sites"), lastError_);
    });
    connect(add_, &QPushButton::clicked, this, [this] {
        if (addChosenToPlan().isEmpty() && interactive_ && !lastError_.isEmpty())
            QMessageBox::warning(this, tr("Suggérer des sites"), lastError_);
    });
    connect(watcher_, &QFutureWatcher<Outcome>::finished, this, [this] {
        const Outcome outcome = watcher_->future().resultCount() ? watcher_->result() : Outcome{{}, tr("annulé")};
        if (!endRun(outcome.error)) {
            result_.reset();
        } else {
            result_ = outcome.suggestions;
            resultScenario_ = runningScenario_;
            dropStaleResult();
            status_->setText(tr("%1 ms, %2 candidats éligibles sur %3")
                                 .arg(outcome.suggestions.timings.total(), 0, 'f', 0)
                                 .arg(outcome.suggestions.eligibleCandidates)
                                 .arg(outcome.suggestions.candidates));
        }
        showResult();
        updateButtons();
        Q_EMIT finished();
    });
    connect(table_, &QTableWidget::itemChanged, this, [this](QTableWidgetItem* item) {
        if (filling_ || item->column() != Rank) return;
        updateLayer();
        updateButtons();
    });
    updateButtons();
}

// What to suggest: how many sites, of which level within which time, among which
// candidates, for which population; the buttons that run and add them.
void SuggestionPanel::createChoices()
{
    count_ = new QSpinBox;
    count_->setRange(1, 20);
    count_->setValue(3);
    count_->setObjectName(QStringLiteral("suggestCount"));
    level_ = new QComboBox;
    for (int level = 1; level <= 3; ++level) level_->addItem(tr("Niveau %1").arg(level), level);
    level_->setCurrentIndex(1);
    threshold_ = new QSpinBox;
    threshold_->setRange(1, 120);
    threshold_->setValue(20);
    threshold_->setSuffix(tr(" min"));
    candidates_ = new QComboBox;
    candidates_->addItem(tr("Mairies"), int(Candidates::TownHalls));
    candidates_->addItem(tr("Points La Poste"), int(Candidates::LaPoste));
    candidates_->addItem(tr("Mairies et points La Poste"), int(Candidates::Both));
    candidates_->setToolTip(tr("Les lieux où un nouveau lieu du niveau pourrait s'installer"));
    demand_ = new QComboBox;
    demand_->addItem(tr("répartie près des routes"), int(DemandModel::Cells));
    demand_->addItem(tr("à la mairie"), int(DemandModel::TownHalls));
    demand_->setToolTip(
        tr("Où la population est comptée (voir les statistiques : « population répartie » ou "
           "« à la mairie »)"));
    onePerCommune_ = new QCheckBox(tr("Au plus un site par commune"));
    onePerCommune_->setChecked(true);
    allowServed_ = new QCheckBox(tr("Aussi dans les communes qui ont déjà un lieu du niveau"));
    run_->setObjectName(QStringLiteral("runSuggestions"));
    run_->setDefault(true);
    add_ = new QPushButton(tr("Ajouter au plan"));
    add_->setObjectName(QStringLiteral("addSuggestions"));
    status_->setWordWrap(true);
}

// The suggested sites, ranked, with the people each brings within the threshold.
void SuggestionPanel::createTable()
{
    table_ = new QTableWidget(0, ColumnCount);
    table_->setObjectName(QStringLiteral("suggestionTable"));
    table_->setHorizontalHeaderLabels({tr("Rang"), tr("Site"), tr("Commune"), tr("Gain"), tr("Cumul")});
    table_->horizontalHeaderItem(Gain)->setToolTip(
        tr("Habitants amenés sous le seuil par ce site, après ceux qui le précèdent"));
    table_->horizontalHeaderItem(Total)->setToolTip(tr("Habitants amenés sous le seuil par les sites jusqu'à celui-ci"));
    makeReadOnlyRows(table_, 22);
    table_->horizontalHeader()->setSectionResizeMode(Site, QHeaderView::Stretch);
    for (int c : {Rank, Commune, Gain, Total})
        table_->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    summary_ = makeSummaryLabel(QStringLiteral("suggestionSummary"));
}

void SuggestionPanel::layOut()
{
    auto* form = new QFormLayout;
    form->addRow(tr("Nombre de sites"), count_);
    auto* levelRow = new QHBoxLayout;
    levelRow->addWidget(level_);
    levelRow->addWidget(new QLabel(tr("à moins de")));
    levelRow->addWidget(threshold_);
    levelRow->addStretch();
    form->addRow(tr("Lieux de"), levelRow);
    form->addRow(tr("Candidats"), candidates_);
    form->addRow(tr("Population"), demand_);
    auto* runRow = new QHBoxLayout;
    runRow->addWidget(run_);
    runRow->addWidget(status_, 1);
    auto* note = new QLabel(tr("Les lieux existants sont conservés ; la suggestion part du scénario affiché."));
    note->setWordWrap(true);
    note->setStyleSheet(QStringLiteral("color: #555;"));
    auto* addRow = new QHBoxLayout;
    addRow->addStretch();
    addRow->addWidget(add_);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(form);
    layout->addWidget(onePerCommune_);
    layout->addWidget(allowServed_);
    layout->addWidget(note);
    layout->addLayout(runRow);
    layout->addWidget(table_, 1);
    layout->addWidget(summary_);
    layout->addLayout(addRow);
}

SuggestionPanel::~SuggestionPanel() { watcher_->waitForFinished(); }

void SuggestionPanel::setProject(Project* project, CoverageController* coverage)
{
    watcher_->waitForFinished();
    replaceSource(project_, project, this);
    replaceSource(coverage_, coverage, this);
    result_.reset();
    resultScenario_.clear();
    status_->clear();
    if (coverage_) {
        // The level and threshold shown on the map, until the planner picks others here.
        const auto follow = [this] {
            setLevel(coverage_->level());
            setThreshold(int(std::lround(coverage_->thresholdMinutes())));
        };
        follow();
        connect(coverage_, &CoverageController::settingsChanged, this, follow);
    }
    if (project_) {
        connect(project_, &Project::scenarioChanged, this, &SuggestionPanel::dropStaleResult);
        connect(project_, &Project::scenarioChanged, this, &SuggestionPanel::updateButtons);
    }
    showResult();
    updateButtons();
}

void SuggestionPanel::dropStaleResult()
{
    // Sites suggested for another plan would be read as this plan's: they are cleared. The
    // plan that "Ajouter" just made keeps the sites it received.
    if (adding_ || !result_ || !project_ || resultScenario_ == project_->activeScenario()) return;
    result_.reset();
    resultScenario_.clear();
    status_->setText(tr("Autre plan affiché : les suggestions précédentes sont effacées."));
    showResult();
}

void SuggestionPanel::setLayer(SuggestionsLayer* layer)
{
    layer_ = layer;
    updateLayer();
}

void SuggestionPanel::setCount(int k) { count_->setValue(k); }
void SuggestionPanel::setLevel(int level) { level_->setCurrentIndex(std::clamp(level, 1, 3) - 1); }
void SuggestionPanel::setThreshold(int minutes) { threshold_->setValue(minutes); }
void SuggestionPanel::setCandidates(Candidates candidates)
{
    candidates_->setCurrentIndex(candidates_->findData(int(candidates)));
}
void SuggestionPanel::setOnePerCommune(bool one) { onePerCommune_->setChecked(one); }

std::vector<AccueilPoint> SuggestionPanel::candidatePoints() const
{
    const auto which = Candidates(candidates_->currentData().toInt());
    std::vector<AccueilPoint> candidates;
    for (const AccueilPoint& p : project_->points()) {
        if (p.status == PointStatus::Closed) continue;
        const bool townHall = p.level == Level::First && p.kind == QLatin1String("mairie");
        const bool laPoste = isLaPoste(p);
        if ((which != Candidates::LaPoste && townHall) || (which != Candidates::TownHalls && laPoste))
            candidates.push_back(p);
    }
    return candidates;
}

bool SuggestionPanel::run()
{
    if (!canStart(tr("Une suggestion est déjà en cours."),
                  tr("Il faut un projet avec un réseau routier pour suggérer des sites.")))
        return false;
    std::vector<AccueilPoint> candidates = candidatePoints();
    if (candidates.empty()) return fail(tr("Le scénario n'a aucun candidat de ce type."));
    SuggestionOptions options;
    options.count = count_->value();
    options.level = level_->currentData().toInt();
    options.thresholdMinutes = threshold_->value();
    options.demand = DemandModel(demand_->currentData().toInt());
    options.maxPerCommune = onePerCommune_->isChecked() ? 1 : 0;
    options.skipServedCommunes = !allowServed_->isChecked();
    options.threads = std::max(1, QThread::idealThreadCount());
    // The points of the level that serve now, as the coverage counts them.
    std::vector<AccueilPoint> existing =
        coveragePoints(project_->points(), options.level, coverage_->includePlanned() || project_->planActive());
    // The context (and the network it runs on) stays alive for the work even if the user
    // switches scenario meanwhile.
    coverage_->applyPendingNetwork();
    std::shared_ptr<const CoverageContext> context = coverage_->sharedContext();
    running_ = true;
    runningScenario_ = project_->activeScenario();
    status_->setText(tr("Calcul en cours…"));
    run_->setEnabled(false);
    watcher_->setFuture(
        QtConcurrent::run([context, existing = std::move(existing), candidates = std::move(candidates), options] {
            Outcome outcome;
            try {
                outcome.suggestions = suggestSites(*context, existing, candidates, options);
            } catch (const std::exception& e) {
                outcome.error = userMessage(e);
            }
            return outcome;
        }));
    return true;
}

double SuggestionPanel::beyondBefore() const { return result_ ? result_->population - result_->coveredBefore : 0.0; }

void SuggestionPanel::showResult()
{
    filling_ = true;
    table_->setRowCount(0);
    summary_->clear();
    if (result_) {
        const std::vector<SuggestedSite>& sites = result_->sites;
        table_->setRowCount(int(sites.size()));
        double total = 0.0;
        for (int row = 0; row < int(sites.size()); ++row) {
            const SuggestedSite& site = sites[std::size_t(row)];
            total += site.marginalGain;
            auto* rank = new QTableWidgetItem(QString::number(row + 1));
            rank->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            rank->setCheckState(Qt::Checked);
            rank->setToolTip(tr("Cocher les sites à ajouter au plan"));
            table_->setItem(row, Rank, rank);
            table_->setItem(row, Site, new QTableWidgetItem(site.point.name));
            table_->setItem(row, Commune,
                            new QTableWidgetItem(site.communeName.isEmpty() ? site.communeInsee : site.communeName));
            auto* gain = new QTableWidgetItem(signedCount(site.marginalGain));
            gain->setToolTip(
                tr("Seul, ce site amènerait %1 habitants sous le seuil").arg(formatCount(std::llround(site.aloneGain))));
            table_->setItem(row, Gain, gain);
            table_->setItem(row, Total, new QTableWidgetItem(signedCount(total)));
            for (int c : {Gain, Total}) table_->item(row, c)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        }
        const SuggestionOptions& o = result_->options;
        const QString counted = o.demand == DemandModel::Cells ? tr("population répartie") : tr("population à la mairie");
        const double before = result_->population - result_->coveredBefore;
        const double after = result_->population - result_->coveredAfter;
        summary_->setText(sites.empty()
                              ? tr("Aucun site n'amène personne sous %1 min.").arg(o.thresholdMinutes)
                              : tr("<b>%1</b> : au-delà de %2 min d'un lieu de niveau %3 (%4) : %5 → <b>%6</b> habitants, "
                                   "soit <b>%7</b>.")
                                    .arg(scenarioLabel(resultScenario_).toHtmlEscaped())
                                    .arg(o.thresholdMinutes)
                                    .arg(o.level)
                                    .arg(counted, formatCount(std::llround(before)), formatCount(std::llround(after)),
                                         signedCount(after - before)));
    }
    filling_ = false;
    updateLayer();
}

void SuggestionPanel::setChosen(int row, bool chosen)
{
    if (QTableWidgetItem* item = table_->item(row, Rank)) item->setCheckState(chosen ? Qt::Checked : Qt::Unchecked);
}

void SuggestionPanel::updateLayer()
{
    if (!layer_) return;
    std::vector<SuggestionsLayer::Site> sites;
    if (result_)
        for (int row = 0; row < int(result_->sites.size()); ++row) {
            const QTableWidgetItem* item = table_->item(row, Rank);
            sites.push_back(
                {result_->sites[std::size_t(row)].point.lambert93, row + 1, item && item->checkState() == Qt::Checked});
        }
    layer_->setSites(std::move(sites));
}

void SuggestionPanel::updateButtons()
{
    const bool ready = project_ && coverage_ && coverage_->isAvailable();
    run_->setEnabled(ready && !running_);
    int chosen = 0;
    for (int row = 0; row < table_->rowCount(); ++row)
        chosen += table_->item(row, Rank) && table_->item(row, Rank)->checkState() == Qt::Checked;
    add_->setEnabled(ready && result_ && chosen > 0);
    showEditable(QList<QWidget*>{add_}, readOnlyReason_);
    if (project_ && project_->planActive())
        add_->setText(tr("Ajouter %n site(s) au plan « %1 »", nullptr, chosen).arg(project_->activeScenario()));
    else add_->setText(tr("Ajouter %n site(s) à un nouveau plan", nullptr, chosen));
}

void SuggestionPanel::setReadOnlyReason(const QString& reason)
{
    if (reason == readOnlyReason_) return;
    readOnlyReason_ = reason;
    updateButtons();
}

QString SuggestionPanel::addChosenToPlan()
{
    lastError_.clear();
    if (!readOnlyReason_.isEmpty()) {
        fail(readOnlyReason_);
        return {};
    }
    if (!project_ || !result_) {
        fail(tr("Lancez d'abord une suggestion."));
        return {};
    }
    const SuggestionOptions& options = result_->options;
    const QString kind = defaultKindForLevel(options.level);
    const KindInfo* info = findKind(kind);
    std::vector<AccueilPoint> points;
    for (int row = 0; row < table_->rowCount(); ++row) {
        if (table_->item(row, Rank)->checkState() != Qt::Checked) continue;
        const SuggestedSite& site = result_->sites[std::size_t(row)];
        const AccueilPoint point = plannedPointFor(site, levelFromInt(options.level).value_or(Level::Second), kind,
                                                   info ? (interfaceIsEnglish() ? info->labelEn : info->labelFr) : kind,
                                                   tr("suggéré : +%1 habitants à moins de %2 min (gain marginal, rang %3)")
                                                       .arg(std::llround(site.marginalGain))
                                                       .arg(options.thresholdMinutes)
                                                       .arg(row + 1));
        points.push_back(point);
    }
    if (points.empty()) {
        fail(tr("Aucun site coché."));
        return {};
    }
    const bool create = !project_->planActive();
    const QString plan =
        create ? project_->unusedPlanName(tr("Suggestions k=%1").arg(options.count)) : project_->activeScenario();
    const QString description =
        tr("%n site(s) suggéré(s) depuis « %1 »", nullptr, int(points.size())).arg(scenarioLabel(resultScenario_));
    const int before = project_->undoStack()->index();
    const QScopedValueRollback<bool> adding(adding_, true);
    project_->undoStack()->push(
        new AddSitesCommand(*project_, plan, std::move(points), create, kBaselineScenario, description));
    if (project_->undoStack()->index() == before || !project_->scenarioExists(plan)) {
        fail(tr("Les sites n'ont pas pu être ajoutés au plan « %1 ».").arg(plan));
        return {};
    }
    status_->setText(tr("Ajoutés au plan « %1 ».").arg(plan));
    updateButtons();
    return plan;
}

}  // namespace maillage::gui
