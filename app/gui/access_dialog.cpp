#include "access_dialog.h"

#include "coverage/access_table.h"
#include "coverage_controller.h"
#include "labels.h"
#include "project.h"
#include "project/full_coverage.h"
#include "result_table.h"
#include "store/kinds.h"
#include "widget_helpers.h"

#include <QCheckBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTabWidget>
#include <QTableWidget>

#include <algorithm>
#include <cmath>

namespace maillage::gui {
namespace {

// A time beyond the threshold is shown on a pale red ground, as the gap zones on the map.
const QColor kBeyondBackground(0xf6, 0xd5, 0xdc);

QTableWidgetItem* textItem(const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    item->setToolTip(text);
    return item;
}

QString kmText(double km)
{
    return std::isfinite(km) ? QLocale().toString(km, 'f', 1) + QStringLiteral(" km") : QStringLiteral("—");
}

// "Nom du lieu — 12 min (8,3 km)", or a dash when no such place can be reached.
QTableWidgetItem* placeItem(bool reachable, const QString& name, double minutes, double km, double threshold)
{
    if (!reachable) {
        auto* item = textItem(AccessDialog::tr("aucun lieu atteignable"));
        item->setBackground(kBeyondBackground);
        return item;
    }
    // The time first: a long name cut by a narrow column still leaves it in view.
    auto* item = textItem(QStringLiteral("%1 · %2").arg(formatMinutes(minutes), name));
    item->setToolTip(QStringLiteral("%1 — %2 (%3)").arg(name, formatMinutes(minutes), kmText(km)));
    if (minutes > threshold) item->setBackground(kBeyondBackground);
    return item;
}

// Columns as wide as their contents, but none wider than a readable share of the dialog: a long
// place name is cut (whole in its tooltip) rather than pushing the other columns out of view.
void fitColumns(QTableWidget& table)
{
    constexpr int kWidest = 300;
    table.horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    table.resizeColumnsToContents();
    for (int c = 0; c < table.columnCount(); ++c) table.setColumnWidth(c, std::min(table.columnWidth(c), kWidest));
}

bool hasVisioPoint(const std::vector<AccueilPoint>& points)
{
    return std::any_of(points.begin(), points.end(), [](const AccueilPoint& point) {
        return isVisioKind(point.kind) && point.status != PointStatus::Closed;
    });
}

}  // namespace

AccessDialog::AccessDialog(CoverageController& coverage, QWidget* parent)
    : QDialog(parent),
      note_(new QLabel),
      access_(makeResultTable(QStringLiteral("accessTable"))),
      referrals_(makeResultTable(QStringLiteral("referralTable"))),
      beyondOnly_(new QCheckBox(tr("Seulement les renvois au-delà du seuil")))
{
    setWindowTitle(tr("Accès aux lieux et renvois entre niveaux"));
    note_->setWordWrap(true);
    beyondOnly_->setObjectName(QStringLiteral("referralsBeyondOnly"));

    access_->setWordWrap(false);
    referrals_->setWordWrap(false);
    auto* tabs = new QTabWidget;
    tabs->addTab(stackedPage({access_}), tr("Depuis chaque siège d'EPCI"));
    tabs->addTab(stackedPage({beyondOnly_, referrals_}), tr("Renvois 1 → 2 → 3"));
    layOutAboveCloseButton(this, {note_, tabs});
    resize(1000, 560);

    const CoverageContext* context = coverage.context();
    if (!context || !coverage.isAvailable()) {
        note_->setText(tr("Aucun réseau routier : ouvrez un projet avec un réseau pour calculer les accès."));
        return;
    }
    thresholdMinutes_ = coverage.thresholdMinutes();
    const std::vector<AccueilPoint> points = coverage.countedPoints();
    withVisio_ = hasVisioPoint(points);
    const ProjectData& data = coverage.project().data();
    note_->setText(tr("Temps par la route vers le lieu le plus proche, sur les points de « %1 »%2 (réseau %3, profil %4) ; "
                      "au-delà de %5 min sur fond rose. Les opérateurs de niveau 3 sont atteints au guichet ou en visio "
                      "(points visio qui les servent), côte à côte.%6")
                       .arg(scenarioLabel(coverage.project().activeScenario()),
                            coverage.closedNetwork() ? tr(", routes fermées du plan comprises") : QString(),
                            QFileInfo(data.inputs.networkPath).fileName(), data.inputs.profile)
                       .arg(QLocale().toString(thresholdMinutes_, 'g', 4))
                       .arg(withVisio_ ? QString() : tr(" Le projet n'a aucun point visio : accès au guichet seulement.")));

    {
        const WaitCursor waiting;
        fillAccess(coverage, points);
        links_ = computeReferrals(context->engine(), points, thresholdMinutes_);
    }
    fillReferrals();
    connect(beyondOnly_, &QCheckBox::toggled, this, &AccessDialog::fillReferrals);
}

AccessDialog::~AccessDialog() = default;

void AccessDialog::fillAccess(CoverageController& coverage, const std::vector<AccueilPoint>& points)
{
    const AccessTable table = accessFromEpciSeats(*coverage.context(), points);
    QStringList header{tr("Siège d'EPCI")};
    std::vector<std::pair<std::size_t, bool>> columns;  // (access column, visio side)
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        header << table.columns[c].label;
        columns.emplace_back(c, false);
        if (table.columns[c].visio && withVisio_) {
            header << tr("%1 en visio").arg(table.columns[c].label);
            columns.emplace_back(c, true);
        }
    }
    access_->setColumnCount(int(header.size()));
    access_->setHorizontalHeaderLabels(header);
    access_->setRowCount(int(table.origins.size()));
    for (std::size_t r = 0; r < table.origins.size(); ++r) {
        access_->setItem(int(r), 0, textItem(table.origins[r].name));
        for (std::size_t k = 0; k < columns.size(); ++k) {
            const auto [c, visio] = columns[k];
            const AccessCell& cell = visio ? table.visioCells[r][c] : table.cells[r][c];
            access_->setItem(int(r), int(k) + 1,
                             placeItem(cell.reachable, cell.pointName, cell.minutes, cell.km, thresholdMinutes_));
        }
    }
    fitColumns(*access_);
}

void AccessDialog::fillReferrals()
{
    QStringList header{tr("Depuis"), tr("Niveau"), tr("Vers"), tr("Au guichet")};
    if (withVisio_) header << tr("En visio");
    referrals_->setColumnCount(int(header.size()));
    referrals_->setHorizontalHeaderLabels(header);
    referrals_->setRowCount(0);
    for (const ReferralLink& link : links_) {
        const bool toOperators = link.toLevel == Level::Third;
        const bool beyond = link.beyond && (!toOperators || link.visio.beyond);
        if (beyondOnly_->isChecked() && !beyond) continue;
        const int row = referrals_->rowCount();
        referrals_->insertRow(row);
        referrals_->setItem(row, 0, textItem(link.fromName));
        referrals_->setItem(row, 1, textItem(levelShortLabel(link.fromLevel)));
        referrals_->setItem(
            row, 2, textItem(link.targetKind.isEmpty() ? levelShortLabel(link.toLevel) : kindLabel(link.targetKind)));
        referrals_->setItem(row, 3, placeItem(link.reachable, link.toName, link.minutes, link.km, thresholdMinutes_));
        if (withVisio_)
            referrals_->setItem(row, 4,
                                toOperators ? placeItem(link.visio.reachable, link.visio.toName, link.visio.minutes,
                                                        link.visio.km, thresholdMinutes_)
                                            : textItem(QString()));
    }
    fitColumns(*referrals_);
}

}  // namespace maillage::gui
