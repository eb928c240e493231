#include "road_closure_dialog.h"

#include "geo/territory.h"
#include "labels.h"
#include "network/road_graph.h"
#include "network/town_connectors.h"
#include "planning/road_closures.h"
#include "scenario_panel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <map>

namespace maillage::gui {
namespace {

constexpr int kKindRole = Qt::UserRole + 1;    // "preset" or "road"
constexpr int kPresetRole = Qt::UserRole + 2;  // preset index
constexpr int kIndexRole = Qt::UserRole + 3;   // closure index in the preset
constexpr int kRefRole = Qt::UserRole + 4;

// Sort key: letters, then the number, then the suffix ("D900" < "D900B" < "D908" < "D2202").
std::tuple<QString, int, QString> roadOrder(const QString& ref)
{
    static const QRegularExpression parts(QStringLiteral("^([A-Z]*)(\\d*)(.*)$"));
    const auto match = parts.match(ref);
    return {match.captured(1), match.captured(2).isEmpty() ? -1 : match.captured(2).toInt(), match.captured(3)};
}

QString kmText(double km) { return RoadClosureDialog::tr("%1 km").arg(QLocale().toString(km, 'f', 1)); }

// The first communes a road crosses, and how many there are when it crosses more.
QString communesText(const QStringList& communes)
{
    constexpr int kShown = 4;
    return communes.size() <= kShown ? communes.join(QStringLiteral(", "))
                                     : RoadClosureDialog::tr("%1… (%n communes)", nullptr, int(communes.size()))
                                           .arg(communes.mid(0, kShown).join(QStringLiteral(", ")));
}

}  // namespace

QStringList communesCrossed(const RoadGraph& graph, const Territory& territory, std::span<const EdgeId> edges)
{
    std::map<QString, double> metres;
    for (const EdgeId e : edges) {
        const XY a = graph.nodePosition(graph.edgeFrom(e)), b = graph.nodePosition(graph.edgeTo(e));
        if (const Commune* commune = territory.communeAt({(a.x + b.x) / 2, (a.y + b.y) / 2}))
            metres[commune->name] += graph.edgeMetres(e);
    }
    std::vector<std::pair<QString, double>> ordered(metres.begin(), metres.end());
    std::sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    QStringList names;
    for (const auto& [name, length] : ordered) names << name;
    return names;
}

std::vector<RoadRefSummary> roadRefsOf(const RoadGraph& graph, const Territory* territory)
{
    std::map<QString, RoadRefSummary> byRef;
    QHash<QString, QString> canonical;  // stored spelling -> canonical
    const QString connector = townConnectorRef();
    for (EdgeId e = 0; e < graph.edgeCount(); ++e) {
        const QString& ref = graph.edgeRef(e);
        if (ref.isEmpty() || ref == connector) continue;
        auto known = canonical.find(ref);
        if (known == canonical.end()) known = canonical.insert(ref, canonicalRoadRef(ref));
        RoadRefSummary& summary = byRef[known.value()];
        summary.ref = known.value();
        ++summary.edgeCount;
        summary.edges.push_back(e);
        summary.km += graph.edgeMetres(e) / 1000.0;
    }
    std::vector<RoadRefSummary> roads;
    for (auto& [ref, summary] : byRef) {
        if (territory) summary.communes = communesCrossed(graph, *territory, summary.edges);
        roads.push_back(summary);
    }
    std::sort(roads.begin(), roads.end(),
              [](const RoadRefSummary& a, const RoadRefSummary& b) { return roadOrder(a.ref) < roadOrder(b.ref); });
    return roads;
}

RoadClosureDialog::RoadClosureDialog(const std::vector<RoadRefSummary>& roads, const std::vector<ClosurePreset>& presets,
                                     const QString& plan, const RoadGraph* graph, const Territory* territory,
                                     QWidget* parent)
    : QDialog(parent),
      filter_(new QLineEdit),
      presets_(new QComboBox),
      note_(new QLineEdit),
      tree_(new QTreeWidget),
      count_(new QLabel),
      presetList_(presets),
      graph_(graph)
{
    setWindowTitle(tr("Fermer des routes dans le plan « %1 »").arg(plan));
    filter_->setPlaceholderText(tr("Filtrer : col, D908, N85…"));
    filter_->setClearButtonEnabled(true);
    filter_->setObjectName(QStringLiteral("roadFilter"));
    note_->setPlaceholderText(tr("ex. fermée de novembre à mai"));
    setUpTree();
    addPresetRows(territory);
    addRoadRows(roads);
    layOut();
    connect(filter_, &QLineEdit::textChanged, this, &RoadClosureDialog::applyFilter);
    connect(tree_, &QTreeWidget::itemChanged, this, &RoadClosureDialog::updateCount);
    updateCount();
}

void RoadClosureDialog::setUpTree()
{
    tree_->setObjectName(QStringLiteral("roadList"));
    tree_->setColumnCount(3);
    tree_->setHeaderLabels({tr("Route ou col"), tr("Communes traversées"), tr("Longueur")});
    tree_->setRootIsDecorated(false);
    tree_->setUniformRowHeights(true);
    tree_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    tree_->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    tree_->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    tree_->header()->setStretchLastSection(false);
    tree_->setMinimumSize(720, 380);
}

// A row per closure of each preset (a pass, a road section), in italics, named after its preset.
void RoadClosureDialog::addPresetRows(const Territory* territory)
{
    const bool english = interfaceIsEnglish();
    for (std::size_t p = 0; p < presetList_.size(); ++p) {
        const ClosurePreset& preset = presetList_[p];
        presets_->addItem(english ? preset.nameEn : preset.name, preset.id);
        // Where the graph is known, the edges each pass closes: their length and communes.
        std::vector<ResolvedClosure> resolved;
        if (graph_) resolved = resolveRoadClosures(*graph_, preset.closures);
        for (std::size_t i = 0; i < preset.closures.size(); ++i) {
            auto* item = new QTreeWidgetItem(tree_, {ScenarioPanel::closureLabel(preset.closures[i]), QString(), QString()});
            rowEdges_.push_back(i < resolved.size() ? resolved[i].edges : std::vector<EdgeId>{});
            if (i < resolved.size()) {
                item->setText(1, territory ? communesText(communesCrossed(*graph_, *territory, resolved[i].edges))
                                           : resolved[i].problem);
                item->setText(2, kmText(resolved[i].km));
                item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
            }
            item->setCheckState(0, Qt::Unchecked);
            item->setData(0, kKindRole, QStringLiteral("preset"));
            item->setData(0, kPresetRole, int(p));
            item->setData(0, kIndexRole, int(i));
            item->setToolTip(0, english ? preset.nameEn : preset.name);
            QFont font = item->font(0);
            font.setItalic(true);
            item->setFont(0, font);
        }
    }
}

// A row per road reference (D908, N85…): the communes it crosses and its length.
void RoadClosureDialog::addRoadRows(const std::vector<RoadRefSummary>& roads)
{
    for (const RoadRefSummary& road : roads) {
        auto* item = new QTreeWidgetItem(tree_, {road.ref, communesText(road.communes), kmText(road.km)});
        item->setToolTip(1, road.communes.join(QStringLiteral(", ")));
        rowEdges_.push_back(road.edges);
        item->setCheckState(0, Qt::Unchecked);
        item->setData(0, kKindRole, QStringLiteral("road"));
        item->setData(0, kRefRole, road.ref);
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
    }
}

void RoadClosureDialog::layOut()
{
    auto* presetButton = new QPushButton(tr("Cocher"));
    presetButton->setAutoDefault(false);
    presetButton->setEnabled(!presetList_.empty());
    presets_->setEnabled(!presetList_.empty());
    connect(presetButton, &QPushButton::clicked, this, [this] { checkPreset(presets_->currentData().toString()); });
    auto* presetRow = new QHBoxLayout;
    presetRow->addWidget(presets_, 1);
    presetRow->addWidget(presetButton);
    auto* form = new QFormLayout;
    form->addRow(tr("Préréglage"), presetRow);
    form->addRow(tr("Filtre"), filter_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Fermer les routes cochées"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Annuler"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* noteForm = new QFormLayout;
    noteForm->addRow(tr("Motif"), note_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(tree_, 1);
    layout->addWidget(count_);
    layout->addLayout(noteForm);
    layout->addWidget(buttons);
}

void RoadClosureDialog::setFilter(const QString& text) { filter_->setText(text); }

void RoadClosureDialog::applyFilter()
{
    const QString text = filter_->text().trimmed();
    const QString canonical = canonicalRoadRef(text);
    for (int i = 0; i < tree_->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = tree_->topLevelItem(i);
        const bool match = text.isEmpty() || item->text(0).contains(text, Qt::CaseInsensitive)
                           || item->toolTip(0).contains(text, Qt::CaseInsensitive)
                           || (!canonical.isEmpty() && item->data(0, kRefRole).toString().startsWith(canonical));
        item->setHidden(!match);
    }
}

int RoadClosureDialog::visibleRows() const
{
    int visible = 0;
    for (int i = 0; i < tree_->topLevelItemCount(); ++i) visible += !tree_->topLevelItem(i)->isHidden();
    return visible;
}

bool RoadClosureDialog::checkPreset(const QString& id)
{
    bool found = false;
    for (int i = 0; i < tree_->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = tree_->topLevelItem(i);
        if (item->data(0, kKindRole).toString() != QLatin1String("preset")) continue;
        if (presetList_[std::size_t(item->data(0, kPresetRole).toInt())].id != id) continue;
        item->setCheckState(0, Qt::Checked);
        found = true;
    }
    return found;
}

bool RoadClosureDialog::checkRoad(const QString& ref)
{
    const QString canonical = canonicalRoadRef(ref);
    for (int i = 0; i < tree_->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = tree_->topLevelItem(i);
        if (item->data(0, kRefRole).toString() != canonical) continue;
        item->setCheckState(0, Qt::Checked);
        return true;
    }
    return false;
}

std::vector<RoadClosure> RoadClosureDialog::closures() const
{
    std::vector<RoadClosure> closures;
    const QString note = note_->text().trimmed();
    for (int i = 0; i < tree_->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* item = tree_->topLevelItem(i);
        if (item->checkState(0) != Qt::Checked) continue;
        RoadClosure closure;
        if (item->data(0, kKindRole).toString() == QLatin1String("preset")) {
            const ClosurePreset& preset = presetList_[std::size_t(item->data(0, kPresetRole).toInt())];
            closure = preset.closures[std::size_t(item->data(0, kIndexRole).toInt())];
            if (!note.isEmpty()) closure.note = QStringLiteral("%1, %2").arg(closure.note, note);
        } else {
            closure.method = ClosureMethod::Ref;
            closure.ref = item->data(0, kRefRole).toString();
            closure.note = note;
        }
        closures.push_back(closure);
    }
    return closures;
}

QString RoadClosureDialog::summary() const
{
    const std::vector<RoadClosure> chosen = closures();
    QStringList names;
    for (const RoadClosure& closure : chosen)
        names << (closure.note.isEmpty() ? closure.ref : closure.note.section(QLatin1Char(','), 0, 0));
    return tr("fermeture de %1").arg(names.join(QStringLiteral(", ")));
}

void RoadClosureDialog::updateCount()
{
    int checked = 0;
    std::vector<bool> closed(graph_ ? graph_->edgeCount() : 0, false);
    closedKm_ = 0.0;
    QStringList names;
    for (int i = 0; i < tree_->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* item = tree_->topLevelItem(i);
        if (item->checkState(0) != Qt::Checked) continue;
        ++checked;
        names << item->text(0);
        if (!graph_ || std::size_t(i) >= rowEdges_.size()) continue;
        // Each road once, also when a pass and its whole road are both checked.
        for (const EdgeId e : rowEdges_[std::size_t(i)]) {
            if (closed[e]) continue;
            closed[e] = true;
            closedKm_ += graph_->edgeMetres(e) / 1000.0;
        }
    }
    QString text = tr("%n route(s) ou col(s) coché(s)", nullptr, checked);
    if (graph_ && checked > 0)
        text = tr("%1 : %2 km de routes fermées (%3)")
                   .arg(text, QLocale().toString(closedKm_, 'f', 1), names.join(QStringLiteral(" ; ")));
    count_->setText(text);
}

double RoadClosureDialog::closedKm() const { return closedKm_; }

QString RoadClosureDialog::countText() const { return count_->text(); }

QString RoadClosureDialog::rowText(const QString& name, int column) const
{
    for (int i = 0; i < tree_->topLevelItemCount(); ++i)
        if (tree_->topLevelItem(i)->text(0) == name) return tree_->topLevelItem(i)->text(column);
    return {};
}

}  // namespace maillage::gui
