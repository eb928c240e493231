#include "statistics_panel.h"

#include "access_dialog.h"
#include "coverage_controller.h"
#include "geo/territory.h"
#include "labels.h"
#include "render/print_credits.h"
#include "sensitivity_dialog.h"
#include "widget_helpers.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

namespace maillage::gui {
namespace {

enum Column { Name, Population, Beyond, Share, TownHallsBeyond, ColumnCount };

QString percent(double share) { return QLocale().toString(share * 100.0, 'f', 1) + QStringLiteral(" %"); }

QTableWidgetItem* numberItem(const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

// "Communauté de communes Alpes Provence Verdon" -> "CC Alpes Provence Verdon": the usual
// abbreviations, the rest of the name whole.
QString shortEpciName(QString name)
{
    static const std::pair<const char*, const char*> prefixes[] = {{"Communauté de communes", "CC"},
                                                                   {"Communauté d'agglomération", "CA"},
                                                                   {"Métropole", "Métr."},
                                                                   {"CC ", "CC "},
                                                                   {"CA ", "CA "}};
    for (const auto& [longForm, shortForm] : prefixes)
        if (name.startsWith(QLatin1String(longForm), Qt::CaseInsensitive))
            name = QLatin1String(shortForm) + name.mid(int(strlen(longForm)));
    return name.simplified();
}

// A long name on two lines (at the space nearest its middle), so that the chart's labels
// stay whole beside narrow bars.
QString wrappedLabel(const QString& name)
{
    if (name.size() <= 24) return name;
    const int middle = int(name.size() / 2);
    int cut = -1;
    for (int i = 0; i < name.size(); ++i)
        if (name[i] == QLatin1Char(' ') && (cut < 0 || std::abs(i - middle) < std::abs(cut - middle))) cut = i;
    return cut < 0 ? name : name.left(cut) + QStringLiteral("<br>") + name.mid(cut + 1);
}

// How the people were placed, in the planner's words (the print credits speak of cells).
QString populationMethodSentence(PopulationMethod method)
{
    if (method == PopulationMethod::Spread)
        return StatisticsPanel::tr("population de chaque commune répartie sur ses parties à moins de 2 km d'une route");
    return render::populationMethodText(method);
}

}  // namespace

StatisticsPanel::StatisticsPanel(QWidget* parent)
    : QWidget(parent),
      summary_(makeSummaryLabel(QStringLiteral("statisticsSummary"))),
      sensitivityButton_(new QPushButton(tr("Sensibilité…"))),
      accessButton_(new QPushButton(tr("Accès et renvois…"))),
      table_(new QTableWidget(0, ColumnCount)),
      chartView_(new QChartView),
      chart_(new QChart)
{
    table_->setObjectName(QStringLiteral("statisticsTable"));
    table_->setHorizontalHeaderLabels({tr("EPCI"), tr("Population"), tr("Au-delà"), tr("Part"), tr("Mairies\nau-delà")});
    table_->horizontalHeaderItem(Beyond)->setToolTip(
        tr("Habitants au-delà du seuil, la population placée selon la méthode du projet (voir le résumé)"));
    sensitivityButton_->setObjectName(QStringLiteral("sensitivityButton"));
    sensitivityButton_->setToolTip(tr("Population au-delà selon chaque méthode de placement de la population"));
    connect(sensitivityButton_, &QPushButton::clicked, this, &StatisticsPanel::showSensitivity);
    accessButton_->setObjectName(QStringLiteral("accessButton"));
    accessButton_->setToolTip(
        tr("Depuis chaque siège d'EPCI, le lieu le plus proche de chaque sorte (au guichet et "
           "en visio), et les renvois du niveau 1 au niveau 3"));
    connect(accessButton_, &QPushButton::clicked, this, &StatisticsPanel::showAccess);
    table_->horizontalHeaderItem(TownHallsBeyond)
        ->setToolTip(
            tr("Communes dont la mairie est au-delà du seuil (et leurs habitants, dans la bulle d'aide de chaque ligne)"));
    makeReadOnlyRows(table_, 21);
    // A long name goes on two lines rather than being cut.
    table_->setWordWrap(true);
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(Name, QHeaderView::Stretch);
    // Should the dock be very narrow, a name is cut in its middle, where it says least; the
    // tooltip has it whole.
    table_->setTextElideMode(Qt::ElideMiddle);
    for (int c = Population; c < ColumnCount; ++c)
        table_->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);

    chart_->legend()->hide();
    chart_->setAnimationOptions(QChart::NoAnimation);
    chart_->setMargins(QMargins(2, 2, 2, 2));
    chart_->setBackgroundRoundness(0);
    // Bar labels and the axis group thousands as the table does: "4 071", not "4071".
    chart_->setLocale(interfaceIsEnglish() ? QLocale(QLocale::English, QLocale::UnitedKingdom)
                                           : QLocale(QLocale::French, QLocale::France));
    chart_->setLocalizeNumbers(true);
    chartView_->setChart(chart_);
    chartView_->setRenderHint(QPainter::Antialiasing);

    // The table and the chart each get the dock's whole height: every EPCI row in view, a
    // label on every bar.
    tabs_ = new QTabWidget;
    tabs_->setObjectName(QStringLiteral("statisticsTabs"));
    tabs_->setDocumentMode(true);
    tabs_->addTab(table_, tr("Tableau"));
    tabs_->addTab(chartView_, tr("Graphique"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(summary_);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(sensitivityButton_);
    buttons->addWidget(accessButton_);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    layout->addWidget(tabs_, 1);
    setCoverage(nullptr);
}

void StatisticsPanel::setCoverage(CoverageController* coverage)
{
    if (replaceSource(coverage_, coverage, this)) {
        connect(coverage_, &CoverageController::updated, this, &StatisticsPanel::refresh);
        connect(coverage_, &CoverageController::settingsChanged, this, &StatisticsPanel::refresh);
    }
    rebuild();
    refresh();
}

void StatisticsPanel::showSensitivity()
{
    if (!coverage_ || !coverage_->isAvailable()) return;
    auto* dialog = new SensitivityDialog(*coverage_, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void StatisticsPanel::showAccess()
{
    if (!coverage_ || !coverage_->isAvailable()) return;
    auto* dialog = new AccessDialog(*coverage_, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void StatisticsPanel::rebuild()
{
    chart_->removeAllSeries();
    for (QAbstractAxis* axis : chart_->axes()) {
        chart_->removeAxis(axis);
        delete axis;
    }
    bars_ = nullptr;
    valueAxis_ = nullptr;
    table_->setRowCount(0);
    epciRows_ = 0;
    const bool available = coverage_ && coverage_->isAvailable();
    tabs_->setVisible(available);
    if (!available) return;

    const auto& epcis = coverage_->result().population.epcis;
    epciRows_ = static_cast<int>(epcis.size());
    table_->setRowCount(epciRows_ + 1);  // the département first, then each EPCI
    auto* series = new QHorizontalBarSeries;
    bars_ = new QBarSet(tr("Habitants au-delà du seuil"));
    bars_->setColor(QColor(0xc2, 0x18, 0x5b));
    bars_->setBorderColor(QColor(0x6a, 0x0f, 0x32));
    QStringList categories;
    // Bars from top to bottom in table order: the category axis runs bottom-up.
    for (int i = epciRows_ - 1; i >= 0; --i) {
        categories << wrappedLabel(shortEpciName(epcis[i].name));
        bars_->append(0);
    }
    series->append(bars_);
    series->setBarWidth(0.7);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    bars_->setLabelColor(QColor(40, 40, 40));
    series->setLabelsFormat(QStringLiteral("@value"));
    chart_->addSeries(series);
    auto* categoryAxis = new QBarCategoryAxis;
    categoryAxis->append(categories);
    QFont small = categoryAxis->labelsFont();
    small.setPointSizeF(7.5);
    categoryAxis->setLabelsFont(small);
    categoryAxis->setTruncateLabels(false);
    chart_->addAxis(categoryAxis, Qt::AlignLeft);
    series->attachAxis(categoryAxis);
    valueAxis_ = new QValueAxis;
    // Each bar carries its value: the axis keeps its grid and title only.
    valueAxis_->setLabelsVisible(false);
    valueAxis_->setLabelsFont(small);
    // Named above the bars: an axis without labels has no room for its title.
    chart_->setTitle(tr("habitants au-delà du seuil"));
    QFont titleFont = small;
    titleFont.setPointSizeF(8.5);
    chart_->setTitleFont(titleFont);
    chart_->addAxis(valueAxis_, Qt::AlignBottom);
    series->attachAxis(valueAxis_);
}

QString StatisticsPanel::summaryText() const { return summary_->text(); }

void StatisticsPanel::refresh()
{
    sensitivityButton_->setEnabled(coverage_ && coverage_->isAvailable());
    accessButton_->setEnabled(coverage_ && coverage_->isAvailable());
    if (!coverage_ || !coverage_->isAvailable()) {
        summary_->setText(tr("Ouvrez un projet avec un réseau routier pour calculer la couverture."));
        return;
    }
    const CoverageResult& result = coverage_->result();
    if (static_cast<int>(result.population.epcis.size()) != epciRows_) rebuild();
    summary_->setText(summaryOf(result));
    fillTableAndChart(result.population);
}

QString StatisticsPanel::summaryOf(const CoverageResult& result) const
{
    if (result.points.empty())
        return tr("<b>Aucun point de niveau %1</b> dans le projet : toute la population est au-delà du seuil. "
                  "Ajoutez les lieux de ce niveau sur la carte ou importez-les (Projet › Importer des points).")
            .arg(coverage_->level());
    const PopulationCoverage& population = result.population;
    const AreaCoverage& total = population.departement;
    QString summary = tr("<b>%1 habitants (%2)</b> à plus de %3 min d'un lieu de niveau %4 ; "
                         "%5 communes dont la mairie est au-delà (%6 habitants).<br>"
                         "<small>%7 points de niveau %4 pris en compte%8 · calcul en %9 ms<br>%10</small>")
                          .arg(formatCount(std::llround(total.beyondSpread)))
                          .arg(percent(total.shareSpread()))
                          .arg(coverage_->thresholdMinutes())
                          .arg(coverage_->level())
                          .arg(total.communesTownHallBeyond)
                          .arg(formatCount(std::llround(total.beyondAtTownHall)))
                          .arg(result.points.size())
                          .arg(coverage_->includePlanned() ? tr(" (projets compris)") : QString())
                          .arg(QLocale().toString(coverage_->lastMilliseconds(), 'f', 0))
                          .arg(populationMethodSentence(population.method));
    // A point of the territory too far from any road reaches nobody: said in red, not left
    // to be guessed. Points outside the territory (a list that reaches beyond it) that the
    // project's roads do not reach are said apart and plainly: they are expected.
    const int insideLeftOut = result.unjoinedPoints - result.unjoinedOutsideTerritory;
    if (insideLeftOut > 0)
        summary +=
            tr("<br><span style=\"color:#b00020\"><b>%n point(s) laissé(s) de côté</b> : trop loin de "
               "toute route du réseau du projet pour y être relié(s) (dans un vide routier : "
               "rapprochez-le(s) d'une route).</span>",
               nullptr, insideLeftOut);
    if (result.unjoinedOutsideTerritory > 0)
        summary +=
            tr("<br><small>%n point(s) hors du territoire non pris en compte : au-delà des routes "
               "du réseau du projet.</small>",
               nullptr, result.unjoinedOutsideTerritory);
    return summary;
}

void StatisticsPanel::fillTableAndChart(const PopulationCoverage& population)
{
    double maximum = 0;
    for (int i = 0; i < epciRows_; ++i) {
        const AreaCoverage& epci = population.epcis[i];
        fillRow(i + 1, epci, epci.name, false);
        const double people = std::round(epci.beyondSpread);
        bars_->replace(epciRows_ - 1 - i, people);
        maximum = std::max(maximum, people);
    }
    fillRow(0, population.departement, tr("Département"), true);
    // The axis grows in steps so that it does not flicker while a point is dragged.
    const double step = maximum > 5000 ? 2000 : maximum > 1000 ? 500 : 100;
    valueAxis_->setRange(0, std::max(step, std::ceil(maximum * 1.2 / step) * step));
}

// A row's cells and tip, changed only where they differ: the table follows a dragged point
// without flickering or losing its selection.
void StatisticsPanel::fillRow(int row, const AreaCoverage& area, const QString& name, bool bold)
{
    const QStringList cells{shortEpciName(name), formatCount(area.population), formatCount(std::llround(area.beyondSpread)),
                            percent(area.shareSpread()), QString::number(area.communesTownHallBeyond)};
    const QString tip =
        tr("%1\n%2 habitants au-delà (population placée selon la méthode du projet)\n"
           "%3 habitants dans les %4 communes dont la mairie est au-delà")
            .arg(name, formatCount(std::llround(area.beyondSpread)), formatCount(std::llround(area.beyondAtTownHall)))
            .arg(area.communesTownHallBeyond);
    for (int c = 0; c < ColumnCount; ++c) {
        QTableWidgetItem* item = table_->item(row, c);
        if (!item) {
            item = c == Name ? new QTableWidgetItem : numberItem(QString());
            QFont font = item->font();
            font.setBold(bold);
            item->setFont(font);
            table_->setItem(row, c, item);
        }
        if (item->text() != cells[c]) item->setText(cells[c]);
        if (item->toolTip() != tip) item->setToolTip(tip);
    }
}

}  // namespace maillage::gui
