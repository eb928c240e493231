#include "sensitivity_dialog.h"

#include "common/error.h"
#include "coverage/coverage_run.h"
#include "coverage/population_sensitivity.h"
#include "coverage_controller.h"
#include "labels.h"
#include "project.h"
#include "project/full_coverage.h"
#include "project/project_settings.h"
#include "result_table.h"
#include "widget_helpers.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTabWidget>
#include <QTableWidget>

#include <cmath>

namespace maillage::gui {
namespace {

QString methodLabel(PopulationMethod method)
{
    switch (method) {
    case PopulationMethod::Grid: return SensitivityDialog::tr("Carreaux INSEE");
    case PopulationMethod::Buildings: return SensitivityDialog::tr("Bâtiments");
    case PopulationMethod::Spread: return SensitivityDialog::tr("Répartie près des routes");
    case PopulationMethod::TownHalls: return SensitivityDialog::tr("À la mairie");
    }
    return QString();
}

QString verdictLabel(const QString& verdict)
{
    if (verdict == QLatin1String("beyond")) return SensitivityDialog::tr("au-delà quelle que soit l'hypothèse");
    if (verdict == QLatin1String("borderline")) return SensitivityDialog::tr("limite : selon l'hypothèse");
    return QString();
}

QTableWidgetItem* item(const QString& text, bool number = false)
{
    auto* cell = new QTableWidgetItem(text);
    if (number) cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return cell;
}

}  // namespace

SensitivityDialog::SensitivityDialog(CoverageController& coverage, QWidget* parent)
    : QDialog(parent),
      methodsNote_(new QLabel),
      methods_(makeResultTable(QStringLiteral("sensitivityMethodsTable"))),
      storedNote_(new QLabel),
      stored_(makeResultTable(QStringLiteral("sensitivityStoredTable")))
{
    setWindowTitle(tr("Sensibilité de la population au-delà du seuil"));
    for (QLabel* note : {methodsNote_, storedNote_}) note->setWordWrap(true);

    auto* tabs = new QTabWidget;
    tabs->addTab(stackedPage({methodsNote_, methods_}), tr("Méthodes de population"));
    tabs->addTab(stackedPage({storedNote_, stored_}), tr("Dernier calcul complet (vitesses ±10 %)"));
    layOutAboveCloseButton(this, {tabs});
    resize(820, 520);

    fillMethods(coverage);
    fillStored(coverage);
}

void SensitivityDialog::fillMethods(CoverageController& coverage)
{
    const CoverageContext* context = coverage.context();
    if (!context || !coverage.isAvailable()) {
        methodsNote_->setText(tr("Aucune couverture calculée : ouvrez un projet avec un réseau routier."));
        return;
    }
    const CoverageResult& result = coverage.result();
    const ProjectInputs& inputs = coverage.project().data().inputs;
    // Every method on the travel times shown: only where people live changes.
    PopulationSensitivity sensitivity;
    QStringList problems;
    for (PopulationMethod method : inputs.availablePopulationMethods()) {
        try {
            sensitivity.addColumn(populationMethodKey(method), methodLabel(method),
                                  populationBeyondBy(method, inputs, *context, result), method);
        } catch (const Error& e) {
            problems << QStringLiteral("%1 : %2").arg(methodLabel(method), e.message());
        }
    }
    methodsNote_->setText(
        tr("Habitants à plus de %1 min d'un lieu de niveau %2 selon la façon de placer la population (chaque méthode "
           "garde la population légale de chaque commune). Méthode du projet : %3.")
            .arg(QLocale().toString(result.options.thresholdMinutes, 'g', 4))
            .arg(result.options.level)
            .arg(methodLabel(context->placement().method()))
        + (problems.isEmpty() ? QString() : QStringLiteral("<br>") + problems.join(QStringLiteral("<br>"))));

    QStringList header{tr("Zone"), tr("Population")};
    for (const SensitivityColumn& column : sensitivity.columns()) header << column.label;
    header << tr("Écart") << tr("Verdict");
    methods_->setColumnCount(int(header.size()));
    methods_->setHorizontalHeaderLabels(header);
    const std::vector<SensitivityRow> rows = sensitivity.rows();
    methods_->setRowCount(int(rows.size()));
    for (int r = 0; r < int(rows.size()); ++r) {
        const SensitivityRow& row = rows[std::size_t(r)];
        int c = 0;
        methods_->setItem(r, c++, item(row.name.isEmpty() ? row.code : row.name));
        methods_->setItem(r, c++, item(formatCount(row.population), true));
        for (double beyond : row.beyond) methods_->setItem(r, c++, item(formatCount(std::llround(beyond)), true));
        methods_->setItem(r, c++, item(formatCount(std::llround(row.high() - row.low())), true));
        methods_->setItem(r, c++, item(verdictLabel(row.verdict())));
        if (row.kind != SensitivityRow::Kind::Commune) {
            QFont bold = methods_->font();
            bold.setBold(row.kind == SensitivityRow::Kind::Departement);
            for (int k = 0; k < c; ++k) methods_->item(r, k)->setFont(bold);
        }
    }
    methods_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
}

void SensitivityDialog::fillStored(CoverageController& coverage)
{
    const std::vector<QStringList> table = coverage.project().store().resultTable(kSensitivityTable);
    if (table.empty()) {
        storedNote_->setText(
            tr("Pas encore de table : lancez <tt>maillage coverage --sensitivity</tt> sur ce projet pour "
               "comparer aussi les temps avec des vitesses 10 % plus basses et plus hautes."));
        return;
    }
    storedNote_->setText(
        tr("Table écrite par le dernier <tt>maillage coverage --sensitivity</tt> sur ce projet "
           "(population au-delà par méthode et avec des vitesses routières de −10 % et +10 %)."));
    const QStringList& header = table.front();
    stored_->setColumnCount(int(header.size()));
    stored_->setHorizontalHeaderLabels(header);
    stored_->setRowCount(int(table.size()) - 1);
    for (int r = 1; r < int(table.size()); ++r)
        for (int c = 0; c < int(table[std::size_t(r)].size()); ++c) {
            const QString text = table[std::size_t(r)][c];
            bool number = false;
            const double value = text.toDouble(&number);
            stored_->setItem(r - 1, c, item(number && c >= 3 ? formatCount(std::llround(value)) : text, number));
        }
    stored_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
}

}  // namespace maillage::gui
