#include "comparison_panel.h"

#include "common/error.h"
#include "coverage_controller.h"
#include "geo/territory.h"
#include "labels.h"
#include "planning/closed_network.h"
#include "planning/scenario.h"
#include "project.h"
#include "render/planning_layers.h"
#include "user_messages.h"
#include "widget_helpers.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace maillage::gui {
namespace {

QString km2(double value) { return QLocale().toString(value, 'f', 0); }

}  // namespace

ComparisonPanel::ComparisonPanel(QWidget* parent)
    : BackgroundTaskPanel(tr("Comparer"), parent),
      a_(new QComboBox),
      b_(new QComboBox),
      summary_(makeSummaryLabel(QStringLiteral("comparisonSummary"))),
      table_(new QTableWidget(0, ColumnCount)),
      watcher_(new QFutureWatcher<Outcome>(this))
{
    a_->setObjectName(QStringLiteral("comparisonA"));
    b_->setObjectName(QStringLiteral("comparisonB"));
    run_->setObjectName(QStringLiteral("runComparison"));
    for (QComboBox* box : {a_, b_}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        box->setMinimumContentsLength(14);
    }
    status_->setStyleSheet(QStringLiteral("color: #555;"));

    setUpTable();
    layOut();
    connect(run_, &QPushButton::clicked, this, [this] {
        if (!run() && !lastError_.isEmpty()) status_->setText(lastError_);
    });
    connect(watcher_, &QFutureWatcher<Outcome>::finished, this, &ComparisonPanel::comparisonFinished);
    refreshScenarios();
}

// Per EPCI and for the département: population, people and area beyond in A and B, the change.
void ComparisonPanel::setUpTable()
{
    table_->setObjectName(QStringLiteral("comparisonTable"));
    table_->setHorizontalHeaderLabels({tr("Territoire"), tr("Population"), tr("Au-delà (A)"), tr("Au-delà (B)"), tr("Écart"),
                                       tr("Surface au-delà (A)"), tr("Surface au-delà (B)")});
    table_->horizontalHeaderItem(BeyondA)->setToolTip(
        tr("Habitants au-delà du seuil, population placée selon la méthode du projet"));
    table_->horizontalHeaderItem(Change)->setToolTip(tr("B − A : négatif quand B amène des habitants sous le seuil"));
    makeReadOnlyRows(table_, 22);
    // Names whole; the table scrolls sideways in a narrow dock rather than cutting them.
    for (int c = Area; c < ColumnCount; ++c)
        table_->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setMinimumHeight(120);
}

void ComparisonPanel::layOut()
{
    auto* choose = new QHBoxLayout;
    choose->addWidget(new QLabel(tr("A :")));
    choose->addWidget(a_);
    choose->addSpacing(8);
    choose->addWidget(new QLabel(tr("B :")));
    choose->addWidget(b_);
    choose->addWidget(run_);
    choose->addWidget(status_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(choose);
    layout->addWidget(summary_);
    layout->addWidget(table_, 1);
}

void ComparisonPanel::comparisonFinished()
{
    run_->setEnabled(project_ != nullptr);
    const Outcome outcome = watcher_->future().resultCount() ? watcher_->result() : Outcome{nullptr, tr("annulé")};
    if (endRun(outcome.error)) {
        comparison_ = outcome.comparison;
        status_->clear();
    }
    if (project_ && project_->activeScenario() != shownWhenRun_) comparison_.reset();
    showResult();
    Q_EMIT finished();
}

ComparisonPanel::~ComparisonPanel() { watcher_->waitForFinished(); }

void ComparisonPanel::setProject(Project* project, CoverageController* coverage)
{
    watcher_->waitForFinished();
    running_ = false;
    coverage_ = coverage;
    comparison_.reset();
    if (replaceSource(project_, project, this)) {
        connect(project_, &Project::plansChanged, this, &ComparisonPanel::refreshScenarios);
        connect(project_, &Project::scenarioChanged, this, &ComparisonPanel::refreshScenarios);
        connect(project_, &Project::scenarioChanged, this, &ComparisonPanel::dropStaleResult);
    }
    refreshScenarios();
    showResult();
}

void ComparisonPanel::dropStaleResult()
{
    if (!comparison_) return;
    comparison_.reset();
    status_->setText(tr("Autre plan affiché : relancez la comparaison."));
    showResult();
}

void ComparisonPanel::setLayer(DifferenceLayer* layer)
{
    layer_ = layer;
    if (layer_) layer_->setComparison(comparison_);
}

void ComparisonPanel::refreshScenarios()
{
    // Keeps the choices made; by default A is the baseline and B the plan shown.
    const QString a = a_->currentData().toString(), b = b_->currentData().toString();
    const QSignalBlocker blockA(a_), blockB(b_);
    a_->clear();
    b_->clear();
    run_->setEnabled(project_ != nullptr && !running_);
    if (!project_) return;
    QStringList names{kBaselineScenario};
    try {
        for (const ScenarioSummary& plan : project_->plans()) names << plan.name;
    } catch (const Error& e) {
        lastError_ = e.message();
    }
    for (const QString& name : names) {
        a_->addItem(scenarioLabel(name), name);
        b_->addItem(scenarioLabel(name), name);
    }
    const auto choose = [](QComboBox* box, const QString& wanted, const QString& fallback) {
        int index = wanted.isEmpty() ? -1 : box->findData(wanted);
        if (index < 0) index = box->findData(fallback);
        box->setCurrentIndex(std::max(index, 0));
    };
    choose(a_, a, kBaselineScenario);
    // B follows the plan shown until the user picks another.
    const QString active = project_->activeScenario();
    choose(b_, project_->planActive() ? active : b, names.size() > 1 ? names[1] : kBaselineScenario);
}

bool ComparisonPanel::setScenarios(const QString& a, const QString& b)
{
    const int ia = a_->findData(isBaselineName(a) ? kBaselineScenario : a);
    const int ib = b_->findData(isBaselineName(b) ? kBaselineScenario : b);
    if (ia < 0 || ib < 0) return fail(tr("Scénario inconnu."));
    a_->setCurrentIndex(ia);
    b_->setCurrentIndex(ib);
    return true;
}

bool ComparisonPanel::run()
{
    if (!canStart(tr("Une comparaison est déjà en cours."),
                  tr("Il faut un projet avec un réseau routier pour comparer des scénarios.")))
        return false;
    const QString nameA = a_->currentData().toString(), nameB = b_->currentData().toString();
    ScenarioView viewA, viewB;
    try {
        // The scenarios as the store has them (the store's connection lives in this thread).
        viewA = loadScenarioView(project_->store(), nameA);
        viewB = loadScenarioView(project_->store(), nameB);
    } catch (const Error& e) {
        return fail(e.message());
    }
    CoverageOptions options;
    options.level = coverage_->level();
    options.thresholdMinutes = coverage_->thresholdMinutes();
    options.computeBands = false;
    options.clipGapsToCommunes = false;
    options.threads = std::max(1, QThread::idealThreadCount());
    coverage_->applyPendingNetwork();  // so that the plan shown shares its network
    auto networkA = coverage_->networkBuilder(viewA.roadClosures);
    auto networkB = coverage_->networkBuilder(viewB.roadClosures);
    std::shared_ptr<const CoverageContext> base = coverage_->baselineContext();
    const QString labelA = scenarioLabel(viewA.name), labelB = scenarioLabel(viewB.name);
    closuresA_ = viewA.roadClosures.size();
    closuresB_ = viewB.roadClosures.size();
    running_ = true;
    shownWhenRun_ = project_->activeScenario();
    run_->setEnabled(false);
    status_->setText(tr("Calcul en cours…"));
    watcher_->setFuture(QtConcurrent::run([=] {
        Outcome outcome;
        try {
            const auto coverageOf = [&](const ScenarioView& view, const std::shared_ptr<const ClosedNetwork>& network) {
                const CoverageContext& context = network ? network->context() : *base;
                return computeCoverage(context, scenarioLevelPoints(view, options.level), options);
            };
            const std::shared_ptr<const ClosedNetwork> closedA = networkA(), closedB = networkB();
            const CoverageResult a = coverageOf(viewA, closedA);
            const CoverageResult b = coverageOf(viewB, closedB);
            outcome.comparison = std::make_shared<const ScenarioComparison>(compareCoverage(
                *base, a, b, labelA, labelB, {.changeZones = true, .clipToCommunes = true, .threads = options.threads}));
        } catch (const std::exception& e) {
            outcome.error = userMessage(e);
        }
        return outcome;
    }));
    return true;
}

QString ComparisonPanel::summaryText() const { return summary_->text(); }

void ComparisonPanel::showResult()
{
    if (layer_) layer_->setComparison(comparison_);
    table_->setRowCount(0);
    summary_->clear();
    if (!comparison_) return;
    const ScenarioComparison& c = *comparison_;
    const auto row = [&](const AreaComparison& area, const QString& name, bool bold) {
        const int r = table_->rowCount();
        table_->insertRow(r);
        const QStringList cells{name,
                                formatCount(area.population),
                                formatCount(std::llround(area.a.beyondSpread)),
                                formatCount(std::llround(area.b.beyondSpread)),
                                signedCount(area.b.beyondSpread - area.a.beyondSpread),
                                tr("%1 km²").arg(km2(area.a.areaBeyondKm2)),
                                tr("%1 km²").arg(km2(area.b.areaBeyondKm2))};
        for (int col = 0; col < ColumnCount; ++col) {
            auto* item = new QTableWidgetItem(cells[col]);
            item->setToolTip(name);
            if (col > Area) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (bold) {
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
            }
            if (col == Change) {
                const double change = area.b.beyondSpread - area.a.beyondSpread;
                if (std::llround(change) < 0)
                    item->setForeground(QColor::fromRgba(DifferenceLayer::kCoveredColour).darker(130));
                if (std::llround(change) > 0)
                    item->setForeground(QColor::fromRgba(DifferenceLayer::kUncoveredColour).darker(120));
            }
            table_->setItem(r, col, item);
        }
    };
    row(c.departement, tr("Département %1").arg(c.departement.name.isEmpty() ? c.departement.code : c.departement.name),
        true);
    for (const AreaComparison& epci : c.epcis) row(epci, epci.name.isEmpty() ? epci.code : epci.name, false);

    const QString threshold = QString::number(c.thresholdMinutes);
    summary_->setText(tr("<b>B « %1 »</b> par rapport à <b>A « %2 »</b>, niveau %3 à %4 min : "
                         "<span style='color:#137a38'>%5 km² passent sous le seuil (%6 hab.)</span>, "
                         "<span style='color:#b8200f'>%7 km² passent au-delà (%8 hab.)</span> ; "
                         "au-delà : %9 → <b>%10</b> habitants.")
                          .arg(c.nameB.toHtmlEscaped(), c.nameA.toHtmlEscaped())
                          .arg(c.level)
                          .arg(threshold)
                          .arg(QLocale().toString(c.coveredKm2, 'f', 1), formatCount(std::llround(c.peopleCovered)),
                               QLocale().toString(c.uncoveredKm2, 'f', 1), formatCount(std::llround(c.peopleUncovered)),
                               formatCount(std::llround(c.departement.a.beyondSpread)),
                               formatCount(std::llround(c.departement.b.beyondSpread))));
    const QString note = closureSideEffectNote(c);
    if (!note.isEmpty()) summary_->setText(summary_->text() + QStringLiteral("<br><i>%1</i>").arg(note));
}

// Closing a road can bring a few cells *within* the threshold: a cell next to the closed road
// joins the nearest open road, which may be a faster one (docs/PLANNING.md). Without a word,
// a planner would read a green zone in a winter plan as a gain.
QString ComparisonPanel::closureSideEffectNote(const ScenarioComparison& c) const
{
    const bool bClosesMore = closuresB_ > closuresA_ && c.coveredKm2 > 0.0;
    const bool aClosesMore = closuresA_ > closuresB_ && c.uncoveredKm2 > 0.0;
    if (!bClosesMore && !aClosesMore) return {};
    const QString why = tr("« %1 » ferme des routes : une cellule voisine d'une route fermée y est rattachée à la "
                           "route ouverte la plus proche, parfois plus rapide.")
                            .arg((bClosesMore ? c.nameB : c.nameA).toHtmlEscaped());
    return why + QLatin1Char(' ')
           + (bClosesMore ? tr("Une partie de ce qui passe sous le seuil peut venir de là, sans gain réel d'accès.")
                          : tr("Une partie de ce qui passe au-delà du seuil peut venir de là, sans perte réelle "
                               "d'accès."));
}

}  // namespace maillage::gui
