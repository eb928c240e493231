#include "render/print_layout.h"

#include "common/atomic_file.h"
#include "common/error.h"
#include "coverage/coverage_run.h"
#include "coverage/grid.h"
#include "geo/crs.h"
#include "planning/comparison.h"
#include "render/boundary_layers.h"
#include "render/coverage_layers.h"
#include "render/geometry_path.h"
#include "render/labels.h"
#include "render/map_layer.h"
#include "render/map_stack.h"
#include "render/planning_layers.h"
#include "render/points_layer.h"
#include "render/print_credits.h"
#include "render/print_elements.h"
#include "render/roads_layer.h"
#include "store/kinds.h"
#include "store/scenarios.h"

#include <QBuffer>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QPainter>
#include <QPdfWriter>
#include <QThread>

#include <algorithm>
#include <cmath>

namespace maillage::render {

using print::mm;

namespace {

constexpr QRgb kOutsideTerritory = 0xffe9edf0;  // around the territory, lighter than on screen
constexpr QRgb kFocusLine = 0xff4b3a5e;         // the outline of the EPCI of a page
const QColor kInk(30, 30, 30);
constexpr double kPortraitLegendShare = 0.41;  // of the width under the map; the table has the rest
constexpr double kLandscapePanelShare = 0.33;  // of the width, right of the map

enum class PageKind { Territory, Comparison, Epci };

struct Page {
    PageKind kind = PageKind::Territory;
    int epci = -1;  // index in Territory::epcis
};

// Fonts of a paper size (A3 a little larger: it is read from further away, e.g. on a wall).
struct Fonts {
    QFont title, subtitle, headline, legendTitle, legendSection, legendEntry, tableHeader, tableBody, tableTotal, credits,
        mapLabel;
};

Fonts fontsFor(PaperSize paper)
{
    const double k = paper == PaperSize::A3 ? 1.3 : 1.0;
    using print::font;
    return {font(16 * k, true), font(9 * k), font(8.5 * k, true), font(8.5 * k, true), font(7.5 * k, true), font(7.5 * k),
            font(7 * k, true),  font(7 * k), font(7 * k, true),   font(7 * k),         font(7 * k)};
}

// The parts of a page, in page pixels.
struct Frames {
    QRectF header;
    QRectF map;
    QRectF legend;
    QRectF table;  // the headline and the table
    QRectF credits;
    int legendColumns = 1;
};

// A round scale denominator at least `denominator`: two significant digits, the second 0
// or 5 (1:650 000 rather than 1:634 512), as a cartographer would pick.
double roundDenominator(double denominator)
{
    if (!(denominator > 0)) return denominator;
    const double step = 0.5 * std::pow(10.0, std::floor(std::log10(denominator) + 1e-12));
    return std::ceil(denominator / step * (1 - 1e-9)) * step;
}

QRectF toRect(const BBox& b) { return QRectF(b.minX, b.minY, b.width(), b.height()); }

// The share of `rect` covered by `area` (both in the same coordinates), by sampling.
double coveredShare(const QPainterPath& area, const QRectF& rect)
{
    constexpr int kSamples = 9;
    int inside = 0;
    for (int i = 0; i < kSamples; ++i)
        for (int j = 0; j < kSamples; ++j)
            if (area.contains(QPointF(rect.left() + rect.width() * (i + 0.5) / kSamples,
                                      rect.top() + rect.height() * (j + 0.5) / kSamples)))
                ++inside;
    return double(inside) / (kSamples * kSamples);
}

QRectF cornerRect(const QSizeF& frame, const QSizeF& size, Qt::Corner corner, double gap)
{
    const double x =
        (corner == Qt::TopLeftCorner || corner == Qt::BottomLeftCorner) ? gap : frame.width() - gap - size.width();
    const double y =
        (corner == Qt::TopLeftCorner || corner == Qt::TopRightCorner) ? gap : frame.height() - gap - size.height();
    return QRectF(QPointF(x, y), size);
}

QString percentText(double share) { return print::locale().toString(100.0 * share, 'f', 1) + QStringLiteral("\u202F%"); }
QString peopleText(double people) { return formatCount(std::llround(people)); }
QString signedPeopleText(double people)
{
    const qint64 n = std::llround(people);
    return n > 0   ? QStringLiteral("+") + formatCount(n)
           : n < 0 ? QStringLiteral("−") + formatCount(-n)
                   : QStringLiteral("0");
}

}  // namespace

std::vector<LayerState> defaultLayerStates()
{
    return {{QStringLiteral("communes"), true, 1.0},    {QStringLiteral("bands"), true, 0.45},
            {QStringLiteral("gaps"), true, 0.6},        {QStringLiteral("commune-lines"), true, 1.0},
            {QStringLiteral("roads"), true, 1.0},       {QStringLiteral("epci"), true, 1.0},
            {QStringLiteral("departement"), true, 1.0}, {QStringLiteral("points"), true, 1.0},
            {QStringLiteral("labels"), true, 1.0}};
}

struct PrintLayout::Impl {
    PrintContent content;
    PrintOptions options;
    int level = 2;
    double threshold = kDefaultThresholdMinutes;
    Fonts fonts;
    std::vector<Page> pages;
    LayerStack stack;
    LayerStack comparisonStack;
    std::vector<QPainterPath> epciPaths;  // map coordinates
    QPainterPath outlinePath;

    Impl(const PrintContent& c, const PrintOptions& o);
    void buildStack(LayerStack& target, const SurfacePolygons* surface, const ChangePolygons* changes);
    std::vector<AccueilPoint> shownPoints() const;

    QSizeF pageSize() const;
    double pageMargin() const { return mm(options.paper == PaperSize::A3 ? 14 : 10); }
    double contentWidth() const { return pageSize().width() - 2 * pageMargin(); }
    // In portrait, under the map: the legend on the left, the table on the right.
    double legendWidthPortrait() const { return std::round(contentWidth() * kPortraitLegendShare); }
    // The table's width: the side panel in landscape, beside the legend in portrait.
    double tableWidth() const
    {
        return options.landscape ? std::round(contentWidth() * kLandscapePanelShare)
                                 : contentWidth() - legendWidthPortrait() - mm(5);
    }
    QString territoryName() const;
    QString scenarioText(const QString& scenario) const;
    QString titleOf(const Page& page) const;
    // The title as set in `width`: a title too long for one line breaks after its colon.
    QString titleLines(const Page& page, double width) const;
    QString subtitleOf(const Page& page) const;
    QString footerText() const;

    Frames frames(const Page& page, const std::vector<print::LegendSection>& legend, double tableNeeds) const;
    ViewTransform viewFor(const Page& page, const QRectF& frame) const;
    std::vector<print::LegendSection> legendFor(const Page& page, const BBox& extent) const;

    struct Table {
        QString headline;
        std::vector<print::TableColumn> columns;
        std::vector<print::TableRow> rows;
    };
    // At most `maxRows` rows of EPCI or communes (the most important ones), the others in a
    // note, then the total.
    Table tableFor(const Page& page, int maxRows) const;
    // The table of each kind of page, as tableFor.
    Table territoryTable(int maxRows) const;
    Table epciTable(const Epci& epci, int maxRows) const;
    Table comparisonTable(int maxRows) const;
    // "N habitants sur P (x %) à plus de T min d'un lieu de niveau L", over a table's area.
    QString beyondHeadline(const AreaCoverage& area) const;
    // The columns of a table of the people beyond the threshold: `area` (EPCI, commune), its
    // population, the people beyond and their share, then `last`.
    std::vector<print::TableColumn> beyondColumns(const QString& area, const QString& last) const;
    double tableBlockHeight(const Table& table, double width) const;

    // Where each part of a page goes: the legend depends on what the map shows, which depends
    // on the frame, and the table's rows on the room left.
    struct PageLayout {
        Frames frames;
        ViewTransform view;
        std::vector<print::LegendSection> legend;
        Table table;
    };
    PageLayout layoutOf(const Page& page) const;

    void paint(QPainter& painter, int index) const;
    void paintHeader(QPainter& painter, const Page& page, const QRectF& header) const;
    void paintMap(QPainter& painter, const Page& page, const QRectF& frame, const ViewTransform& view) const;
    // The inset (EPCI pages), north arrow, scale bar and scale ratio, each in the corner of the
    // map frame where it hides least of the page's focus.
    void paintMapFurniture(QPainter& painter, const Page& page, const QRectF& mapFrame, const ViewTransform& view) const;
    void paintTable(QPainter& painter, const Table& table, const QRectF& box) const;
    void paintCredits(QPainter& painter, const QRectF& box, int index) const;
    void paintInset(QPainter& painter, const QRectF& box, int epci, const BBox& shown) const;
};

PrintLayout::Impl::Impl(const PrintContent& c, const PrintOptions& o) : content(c), options(o), fonts(fontsFor(o.paper))
{
    if (!content.territory) throw Error(QStringLiteral("print layout: no territory"));
    if (!content.coverage || !content.grid) throw Error(QStringLiteral("print layout: no coverage to map"));
    if (content.coverage->surface.minutes.size() != content.grid->cellCount())
        throw Error(QStringLiteral("print layout: the coverage does not match the grid"));
    level = content.coverage->options.level;
    threshold = content.coverage->options.thresholdMinutes;
    const Territory& territory = *content.territory;

    const int threads = std::max(1, std::min(4, QThread::idealThreadCount()));
    const SurfacePolygons surface =
        surfacePolygons(territory, *content.grid, content.coverage->surface.minutes, threshold, threads);
    buildStack(stack, &surface, nullptr);

    pages.push_back({PageKind::Territory, -1});
    if (content.reference && content.comparison) {
        if (content.reference->surface.minutes.size() != content.grid->cellCount())
            throw Error(QStringLiteral("print layout: the reference coverage does not match the grid"));
        const ChangePolygons changes = changePolygons(territory, *content.grid, content.reference->surface.minutes,
                                                      content.coverage->surface.minutes, threshold, threads);
        buildStack(comparisonStack, nullptr, &changes);
        pages.push_back({PageKind::Comparison, -1});
    }
    for (const Epci& e : territory.epcis) epciPaths.push_back(e.geometry ? areaPath(*e.geometry) : QPainterPath());
    if (territory.outline) outlinePath = areaPath(*territory.outline);
    if (options.atlas) {
        // EPCI pages in alphabetical order, as a reader looks them up.
        std::vector<int> order;
        for (std::size_t i = 0; i < territory.epcis.size(); ++i)
            if (territory.epcis[i].geometry || !territory.epcis[i].bbox.isEmpty()) order.push_back(int(i));
        std::sort(order.begin(), order.end(), [&](int a, int b) {
            return QString::localeAwareCompare(territory.epcis[std::size_t(a)].name, territory.epcis[std::size_t(b)].name)
                   < 0;
        });
        for (int i : order) pages.push_back({PageKind::Epci, i});
    }
}

std::vector<AccueilPoint> printedPoints(const std::vector<AccueilPoint>& points, const PrintOptions& options,
                                        int coverageLevel)
{
    std::set<int> levels = options.pointLevels;
    if (levels.empty())
        for (int l = coverageLevel; l <= 3; ++l) levels.insert(l);
    std::vector<AccueilPoint> shown;
    for (const AccueilPoint& p : points)
        if (levels.count(static_cast<int>(p.level))) shown.push_back(p);
    return shown;
}

std::vector<AccueilPoint> PrintLayout::Impl::shownPoints() const { return printedPoints(content.points, options, level); }

void PrintLayout::Impl::buildStack(LayerStack& target, const SurfacePolygons* surface, const ChangePolygons* changes)
{
    // The layers refer to the territory without owning it (it outlives the layout).
    MapStackParts parts;
    parts.territory = std::shared_ptr<const Territory>(content.territory, [](const Territory*) {});
    parts.roads = content.roads;
    parts.coverage = surface != nullptr;
    parts.changes = changes != nullptr;
    parts.closedRoads = !content.closedRoads.isEmpty();
    parts.planning = !content.suggestedSites.empty();
    const MapStack layers = addMapLayers(target, parts);
    if (layers.suggestions) {
        std::vector<SuggestionsLayer::Site> sites;
        for (const PrintContent::SuggestedSite& site : content.suggestedSites)
            sites.push_back({site.position, site.rank, site.chosen});
        layers.suggestions->setSites(std::move(sites));
    }
    if (surface) {
        layers.bands->setPolygons(*surface, level);
        layers.gaps->setPolygons(*surface, level, threshold);
    }
    if (changes) layers.changes->setPolygons(*changes, level, threshold);
    if (layers.closedRoads) layers.closedRoads->setClosedRoads(content.closedRoads);
    PointsLayer* points = layers.points;
    CommuneLabelsLayer* labels = layers.labels;
    points->setLegendShowsAllStatuses(false);
    std::vector<AccueilPoint> shown = shownPoints();
    // Names go beside the symbols (the largest, zoomed in, is about 16 pixels wide).
    std::vector<XY> symbols;
    for (const AccueilPoint& p : shown) symbols.push_back(p.lambert93);
    points->setPoints(std::move(shown));
    labels->setObstacles(std::move(symbols), 8.0);

    // The application's states: visibility, opacity, and the order of the layers it names.
    const std::vector<LayerState> states = options.layers.empty() ? defaultLayerStates() : options.layers;
    int place = 0;
    for (const LayerState& state : states) {
        MapLayer* layer = target.layer(state.id);
        if (!layer) continue;
        // The comparison page always shows its difference layer; the other layers as asked.
        layer->setVisible(state.visible);
        layer->setOpacity(state.opacity);
        const int index = target.indexOf(layer);
        if (index > place) target.move(index, place);
        place = std::max(place, target.indexOf(layer)) + 1;
    }
    if (MapLayer* layer = target.layer(QStringLiteral("changes"))) {
        // In place of the coverage layers, which the states name: just above the land.
        layer->setVisible(true);
        target.move(target.indexOf(layer), target.indexOf(target.layer(QStringLiteral("communes"))) + 1);
    }
}

QSizeF PrintLayout::Impl::pageSize() const
{
    const QPageSize size(options.paper == PaperSize::A3 ? QPageSize::A3 : QPageSize::A4);
    QSizeF mmSize = size.size(QPageSize::Millimeter);
    if (options.landscape) mmSize.transpose();
    return QSizeF(mm(mmSize.width()), mm(mmSize.height()));
}

QString PrintLayout::Impl::territoryName() const
{
    if (!content.territory->name.isEmpty()) return content.territory->name;
    const QString code = content.coverage->population.departement.code;
    return code.isEmpty() ? tr("Territoire") : tr("Département %1").arg(code);
}

QString PrintLayout::Impl::scenarioText(const QString& scenario) const
{
    if (scenario.isEmpty() || scenario == kBaselineScenario) return tr("situation actuelle");
    // A short name stays on one line, its guillemets with it (narrow no-break spaces).
    QString name = scenario;
    if (name.size() <= 24) name.replace(QLatin1Char(' '), QChar(0x00A0));
    return tr("« %1 »")
        .arg(name)
        .replace(QStringLiteral("« "), QStringLiteral("«\u202F"))
        .replace(QStringLiteral(" »"), QStringLiteral("\u202F»"));
}

QString PrintLayout::Impl::titleOf(const Page& page) const
{
    switch (page.kind) {
    case PageKind::Territory:
        if (!options.title.isEmpty()) return options.title;
        return tr("%1 : l'accès aux lieux d'accueil de niveau %2").arg(territoryName()).arg(level);
    case PageKind::Comparison:
        return tr("%1 : ce que change le scénario %2").arg(territoryName(), scenarioText(content.scenario));
    case PageKind::Epci: return content.territory->epcis[std::size_t(page.epci)].name;
    }
    return {};
}

QString PrintLayout::Impl::titleLines(const Page& page, double width) const
{
    QString title = titleOf(page);
    const int colon = int(title.indexOf(QStringLiteral(" : ")));
    if (colon > 0 && print::textWidth(title, fonts.title) > width) title.replace(colon, 3, QStringLiteral("\u00A0:\n"));
    return title;
}

QString PrintLayout::Impl::subtitleOf(const Page& page) const
{
    const QString date = print::locale().toString(options.date, QStringLiteral("d MMMM yyyy"));
    const QString levelText = levelLabel(static_cast<Level>(level));
    const QString thresholdText = tr("seuil : %1 min en voiture").arg(print::locale().toString(threshold, 'g', 4));
    QString scenario = tr("scénario : %1").arg(scenarioText(content.scenario));
    if (page.kind == PageKind::Comparison)
        scenario = tr("scénario %1 comparé à %2").arg(scenarioText(content.scenario), scenarioText(content.referenceName));
    QStringList parts{levelText, thresholdText, scenario, date};
    if (page.kind == PageKind::Epci) parts.prepend(territoryName());
    return parts.join(QStringLiteral("  ·  "));
}

QString PrintLayout::Impl::footerText() const
{
    const QString date = print::locale().toString(options.date, QStringLiteral("d MMMM yyyy"));
    return tr("Carte réalisée avec Maillage %1 le %2. Temps de parcours en voiture sur le réseau routier, grille de "
              "%3 m ; %4.")
        .arg(QStringLiteral(MAILLAGE_VERSION), date)
        .arg(content.grid->cellSize(), 0, 'f', 0)
        .arg(populationMethodText(content.coverage ? content.coverage->population.method : PopulationMethod::Spread));
}

ViewTransform PrintLayout::Impl::viewFor(const Page& page, const QRectF& frame) const
{
    BBox box = content.territory->bbox;
    if (page.kind == PageKind::Epci) {
        box = content.territory->epcis[std::size_t(page.epci)].bbox;
        // A small EPCI (one commune) is shown with its surroundings: at least 16 km across.
        const double minSpan = 16000.0;
        const XY c{(box.minX + box.maxX) / 2, (box.minY + box.maxY) / 2};
        const double w = std::max(box.width(), minSpan), h = std::max(box.height(), minSpan);
        box = BBox{c.x - w / 2, c.y - h / 2, c.x + w / 2, c.y + h / 2};
    }
    // A margin of 4 % all around, then a round scale.
    const double mx = box.width() * 0.04, my = box.height() * 0.04;
    box = BBox{box.minX - mx, box.minY - my, box.maxX + mx, box.maxY + my};
    const QSize size(int(std::floor(frame.width())), int(std::floor(frame.height())));
    const ViewTransform fitted = ViewTransform::fitting(box, size, 0);
    const double denominator = roundDenominator(fitted.scaleDenominator(kDotsPerInch));
    const double metresPerPixel = denominator * 0.0254 / kDotsPerInch;
    return ViewTransform(fitted.centre(), metresPerPixel, size);
}

std::vector<print::LegendSection> PrintLayout::Impl::legendFor(const Page& page, const BBox& extent) const
{
    const LayerStack& layers = page.kind == PageKind::Comparison ? comparisonStack : stack;
    // Sections in the order a reader wants them, whatever the drawing order.
    struct Section {
        QString id;
        QString title;
    };
    const Section order[] = {
        {QStringLiteral("points"), tr("Lieux d'accueil")}, {QStringLiteral("changes"), tr("Changement d'accès")},
        {QStringLiteral("gaps"), tr("Au-delà du seuil")},  {QStringLiteral("bands"), tr("Temps d'accès en voiture")},
        {QStringLiteral("roads"), tr("Routes")},
    };
    std::vector<print::LegendSection> sections;
    auto entriesOf = [&](const QString& id, double* opacity) -> std::vector<LegendEntry> {
        const MapLayer* layer = layers.layer(id);
        if (!layer || !layer->isVisible() || layer->opacity() <= 0.0 || !layer->hasContent()) return {};
        if (opacity) *opacity = layer->opacity();
        return layer->printLegend(extent);
    };
    for (const Section& s : order) {
        double opacity = 1.0;
        std::vector<LegendEntry> entries = entriesOf(s.id, &opacity);
        if (s.id == QLatin1String("roads")) {
            // The plan's closed roads with the roads (drawn over them, at full opacity).
            double closedOpacity = 1.0;
            std::vector<LegendEntry> closed = entriesOf(QStringLiteral("closedRoads"), &closedOpacity);
            if (entries.empty()) opacity = closedOpacity;
            for (LegendEntry& entry : closed) entries.push_back(std::move(entry));
        }
        if (!entries.empty()) sections.push_back({s.title, std::move(entries), opacity});
    }
    // The boundaries together.
    print::LegendSection limits{tr("Limites"), {}, 1.0};
    for (const QString& id : {QStringLiteral("departement"), QStringLiteral("epci"), QStringLiteral("commune-lines")})
        for (LegendEntry& entry : entriesOf(id, nullptr)) limits.entries.push_back(std::move(entry));
    if (page.kind == PageKind::Epci) {
        limits.entries.push_back({LegendEntry::Kind::Area,
                                  [](QPainter& p, const QRectF& box) {
                                      p.setPen(QPen(QColor::fromRgba(kFocusLine), 2.2));
                                      p.setBrush(Qt::NoBrush);
                                      p.drawRect(QRectF(box.center() - QPointF(6.5, 5.5), QSizeF(13, 11)));
                                  },
                                  tr("EPCI de la carte (le reste est estompé)")});
    }
    if (!limits.entries.empty()) sections.push_back(std::move(limits));
    return sections;
}

QString PrintLayout::Impl::beyondHeadline(const AreaCoverage& area) const
{
    return tr("%1 habitants sur %2 (%3) à plus de %4 min d'un lieu de niveau %5")
        .arg(peopleText(area.beyondSpread), formatCount(area.population), percentText(area.shareSpread()))
        .arg(print::locale().toString(threshold, 'g', 4))
        .arg(level);
}

std::vector<print::TableColumn> PrintLayout::Impl::beyondColumns(const QString& area, const QString& last) const
{
    return {{area, false},
            {tr("Population"), true},
            {tr("Habitants à plus de %1 min").arg(print::locale().toString(threshold, 'g', 4)), true},
            {tr("Part"), true},
            {last, true}};
}

namespace {

// Sorts a table's rows by `key`, largest first (rows of the same key keep their order), and
// says how many of them the table has room for; the others go into a note.
template <class Row, class Key>
std::size_t sortForTable(std::vector<const Row*>& rows, int maxRows, Key key)
{
    std::stable_sort(rows.begin(), rows.end(), [&key](const Row* a, const Row* b) { return key(*a) > key(*b); });
    return std::min(rows.size(), std::size_t(std::max(0, maxRows)));
}

// The sum of `value` over the rows from `shown` on: those the table has no room for.
template <class Row, class Value>
double restOf(const std::vector<const Row*>& rows, std::size_t shown, Value value)
{
    double rest = 0;
    for (std::size_t i = shown; i < rows.size(); ++i) rest += value(*rows[i]);
    return rest;
}

}  // namespace

PrintLayout::Impl::Table PrintLayout::Impl::tableFor(const Page& page, int maxRows) const
{
    switch (page.kind) {
    case PageKind::Territory: return territoryTable(maxRows);
    case PageKind::Epci: return epciTable(content.territory->epcis[std::size_t(page.epci)], maxRows);
    case PageKind::Comparison: return comparisonTable(maxRows);
    }
    return {};
}

PrintLayout::Impl::Table PrintLayout::Impl::territoryTable(int maxRows) const
{
    const PopulationCoverage& population = content.coverage->population;
    const AreaCoverage& d = population.departement;
    Table table;
    table.headline = beyondHeadline(d);
    table.columns = beyondColumns(tr("EPCI"), tr("Mairies au-delà"));
    std::vector<const AreaCoverage*> rows;
    for (const AreaCoverage& e : population.epcis) rows.push_back(&e);
    const std::size_t shown = sortForTable(rows, maxRows, [](const AreaCoverage& e) { return e.beyondSpread; });
    for (std::size_t i = 0; i < shown; ++i) {
        const AreaCoverage* e = rows[i];
        table.rows.push_back(
            {{e->name.isEmpty() ? e->code : e->name, formatCount(e->population), peopleText(e->beyondSpread),
              percentText(e->shareSpread()), QString::number(e->communesTownHallBeyond)}});
    }
    if (shown < rows.size()) {
        const double rest = restOf(rows, shown, [](const AreaCoverage& e) { return e.beyondSpread; });
        table.rows.push_back(
            {{tr("… et %1 autres EPCI : %2 habitants au-delà").arg(rows.size() - shown).arg(peopleText(rest))},
             false,
             true});
    }
    table.rows.push_back({{territoryName(), formatCount(d.population), peopleText(d.beyondSpread),
                           percentText(d.shareSpread()), QString::number(d.communesTownHallBeyond)},
                          true});
    return table;
}

PrintLayout::Impl::Table PrintLayout::Impl::epciTable(const Epci& epci, int maxRows) const
{
    const PopulationCoverage& population = content.coverage->population;
    Table table;
    const AreaCoverage* area = nullptr;
    for (const AreaCoverage& e : population.epcis)
        if (e.code == epci.siren) area = &e;
    if (!area) return table;
    table.headline = beyondHeadline(*area);
    table.columns = beyondColumns(tr("Commune"), tr("Depuis la mairie"));
    // The communes with people beyond, as printed (rounded): a row of 0 would say nothing.
    std::vector<const CommuneCoverage*> communes;
    for (const CommuneCoverage& c : population.communes)
        if (c.epciSiren == epci.siren && std::llround(c.beyondSpread) > 0) communes.push_back(&c);
    const std::size_t shown = sortForTable(communes, maxRows, [](const CommuneCoverage& c) { return c.beyondSpread; });
    for (std::size_t i = 0; i < shown; ++i) {
        const CommuneCoverage& c = *communes[i];
        table.rows.push_back(
            {{c.name, formatCount(c.population), peopleText(c.beyondSpread),
              percentText(c.population ? c.beyondSpread / double(c.population) : 0.0), formatMinutes(c.townHallMinutes)}});
    }
    if (communes.empty()) {
        table.rows.push_back(
            {{tr("Aucun habitant de l'EPCI à plus de %1 min.").arg(print::locale().toString(threshold, 'g', 4))},
             false,
             true});
    } else if (shown < communes.size()) {
        const double rest = restOf(communes, shown, [](const CommuneCoverage& c) { return c.beyondSpread; });
        const int others = int(communes.size() - shown);
        table.rows.push_back({{(others > 1 ? tr("… et %1 autres communes : %2 habitants au-delà").arg(others)
                                           : tr("… et 1 autre commune : %1 habitants au-delà"))
                                   .arg(peopleText(rest))},
                              false,
                              true});
    }
    table.rows.push_back(
        {{area->communes > 1 ? tr("Ensemble de l'EPCI (%1 communes)").arg(area->communes)
                             : tr("Ensemble de l'EPCI (1 commune)"),
          formatCount(area->population), peopleText(area->beyondSpread), percentText(area->shareSpread()), QString()},
         true});
    return table;
}

PrintLayout::Impl::Table PrintLayout::Impl::comparisonTable(int maxRows) const
{
    const ScenarioComparison& c = *content.comparison;
    const QString t = print::locale().toString(threshold, 'g', 4);
    Table table;
    table.headline = tr("%1 habitants passent à moins de %2 min (%3 km²), %4 à plus de %2 min (%5 km²)")
                         .arg(peopleText(c.peopleCovered), t, print::locale().toString(c.coveredKm2, 'f', 0),
                              peopleText(c.peopleUncovered), print::locale().toString(c.uncoveredKm2, 'f', 0));
    table.columns = {{tr("EPCI"), false},
                     {tr("Population"), true},
                     {tr("Au-delà, référence"), true},
                     {tr("Au-delà, scénario"), true},
                     {tr("Écart"), true}};
    std::vector<const AreaComparison*> rows;
    for (const AreaComparison& e : c.epcis) rows.push_back(&e);
    const std::size_t shown = sortForTable(rows, maxRows, [](const AreaComparison& e) { return std::abs(e.gainSpread()); });
    for (std::size_t i = 0; i < shown; ++i) {
        const AreaComparison* e = rows[i];
        table.rows.push_back(
            {{e->name.isEmpty() ? e->code : e->name, formatCount(e->population), peopleText(e->a.beyondSpread),
              peopleText(e->b.beyondSpread), signedPeopleText(-e->gainSpread())}});
    }
    if (shown < rows.size()) {
        const double rest = restOf(rows, shown, [](const AreaComparison& e) { return -e.gainSpread(); });
        table.rows.push_back(
            {{std::llround(rest) == 0
                  ? tr("… et %1 autres EPCI, sans changement").arg(rows.size() - shown)
                  : tr("… et %1 autres EPCI : écart de %2 habitants").arg(rows.size() - shown).arg(signedPeopleText(rest))},
             false,
             true});
    }
    const AreaComparison& d = c.departement;
    table.rows.push_back({{territoryName(), formatCount(d.population), peopleText(d.a.beyondSpread),
                           peopleText(d.b.beyondSpread), signedPeopleText(-d.gainSpread())},
                          true});
    return table;
}

double PrintLayout::Impl::tableBlockHeight(const Table& table, double width) const
{
    const double headline =
        table.headline.isEmpty() ? 0 : print::textHeight(table.headline, fonts.headline, width) + mm(1.5);
    return headline
           + print::tableHeight(table.columns, table.rows, width, {fonts.tableHeader, fonts.tableBody, fonts.tableTotal});
}

Frames PrintLayout::Impl::frames(const Page& page, const std::vector<print::LegendSection>& legend, double tableNeeds) const
{
    const QSizeF size = pageSize();
    const double margin = pageMargin();
    const double width = contentWidth();
    Frames f;
    const double titleHeight =
        std::min(print::textHeight(titleLines(page, width), fonts.title, width), 2 * print::lineHeight(fonts.title));
    f.header =
        QRectF(margin, margin, width, titleHeight + mm(0.5) + print::textHeight(subtitleOf(page), fonts.subtitle, width));
    const double creditsHeight = print::textHeight(content.credits, fonts.credits, width)
                                 + print::textHeight(footerText(), fonts.credits, width) + mm(1);
    f.credits = QRectF(margin, size.height() - margin - creditsHeight, width, creditsHeight);
    const double top = f.header.bottom() + mm(2.5);
    const double bottom = f.credits.top() - mm(3);
    const print::LegendStyle legendStyle{fonts.legendTitle, fonts.legendSection, fonts.legendEntry, 0};
    if (options.landscape) {
        const double panel = tableWidth();
        f.map = QRectF(margin, top, width - panel - mm(5), bottom - top);
        const double panelLeft = f.map.right() + mm(5);
        f.legendColumns = panel >= mm(2 * 48) ? 2 : 1;
        const double legendHeight = print::legendHeight(legend, panel, f.legendColumns, legendStyle);
        f.legend = QRectF(panelLeft, top, panel, legendHeight);
        f.table = QRectF(panelLeft, f.legend.bottom() + mm(4), panel, bottom - f.legend.bottom() - mm(4));
    } else {
        // Legend on the left, table on the right, under the map; as tall as the taller one.
        const double legendWidth = legendWidthPortrait();
        f.legendColumns = legendWidth >= mm(2 * 36) ? 2 : 1;
        const double legendHeight = print::legendHeight(legend, legendWidth, f.legendColumns, legendStyle);
        const double block = std::clamp(std::max(legendHeight, tableNeeds), mm(35), (bottom - top) * 0.42);
        f.map = QRectF(margin, top, width, bottom - top - block - mm(4));
        f.legend = QRectF(margin, f.map.bottom() + mm(4), legendWidth, block);
        f.table = QRectF(f.legend.right() + mm(5), f.legend.top(), tableWidth(), block);
    }
    return f;
}

void PrintLayout::Impl::paintMap(QPainter& painter, const Page& page, const QRectF& frame, const ViewTransform& view) const
{
    const LayerStack& layers = page.kind == PageKind::Comparison ? comparisonStack : stack;
    painter.save();
    painter.translate(frame.topLeft());
    const QRectF local(QPointF(0, 0), QSizeF(view.size()));
    painter.setClipRect(local);
    painter.fillRect(local, QColor::fromRgba(kOutsideTerritory));
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    // What lies outside the page's subject (the territory, or the EPCI) fades behind a veil,
    // under the names and the points, and the subject gets a firm outline.
    const QPainterPath& subject = page.kind == PageKind::Epci ? epciPaths[std::size_t(page.epci)] : outlinePath;
    bool veiled = subject.isEmpty();
    for (MapLayer* layer : layers.layers()) {
        if (!veiled && (layer->id() == QLatin1String("labels") || layer->id() == QLatin1String("points"))) {
            const QPainterPath onPage = view.transform().map(subject);
            QPainterPath veil;
            veil.setFillRule(Qt::OddEvenFill);
            veil.addRect(local);
            veil.addPath(onPage);
            painter.setPen(Qt::NoPen);
            painter.setBrush(QColor(255, 255, 255, page.kind == PageKind::Epci ? 120 : 150));
            painter.drawPath(veil);
            if (page.kind == PageKind::Epci) {
                painter.setBrush(Qt::NoBrush);
                painter.setPen(QPen(QColor::fromRgba(kFocusLine), 2.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
                painter.drawPath(onPage);
            }
            veiled = true;
        }
        if (!layer->isVisible() || layer->opacity() <= 0.0 || !layer->hasContent()) continue;
        painter.save();
        painter.setOpacity(layer->opacity());
        layer->render(painter, view);
        painter.restore();
    }
    painter.restore();
}

void PrintLayout::Impl::paintInset(QPainter& painter, const QRectF& box, int epci, const BBox& shown) const
{
    painter.save();
    painter.setPen(QPen(QColor(120, 120, 120), 0.8));
    painter.setBrush(Qt::white);
    painter.drawRect(box);
    const QRectF inner = box.adjusted(mm(1.5), mm(1.5), -mm(1.5), -mm(1.5));
    const ViewTransform view = ViewTransform::fitting(content.territory->bbox, inner.size().toSize(), 0);
    painter.translate(inner.topLeft());
    const QTransform t = view.transform();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor::fromRgba(boundary_style::kLand));
    painter.drawPath(t.map(outlinePath));
    painter.setBrush(QColor(125, 107, 143, 150));
    painter.drawPath(t.map(epciPaths[std::size_t(epci)]));
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(QColor::fromRgba(boundary_style::kEpciLine), 0.5));
    for (const QPainterPath& path : epciPaths) painter.drawPath(t.map(path));
    painter.setPen(QPen(QColor::fromRgba(boundary_style::kOutlineLine), 0.9));
    painter.drawPath(t.map(outlinePath));
    // Where the main map is.
    painter.setPen(QPen(QColor(200, 30, 30), 1.0));
    painter.drawRect(
        t.mapRect(toRect(shown)).intersected(QRectF(QPointF(0, 0), inner.size()).adjusted(0.5, 0.5, -0.5, -0.5)));
    painter.restore();
}

PrintLayout::Impl::PageLayout PrintLayout::Impl::layoutOf(const Page& page) const
{
    // Two rounds settle the legend: that of the territory's or EPCI's box, then of the view.
    const BBox focusBox =
        page.kind == PageKind::Epci ? content.territory->epcis[std::size_t(page.epci)].bbox : content.territory->bbox;
    PageLayout layout;
    layout.legend = legendFor(page, focusBox);
    // The table's rows: every EPCI, or the communes asked for, fewer if they do not fit.
    const int allRows = page.kind == PageKind::Epci ? options.communeRows : int(content.territory->epcis.size()) + 8;
    layout.table = tableFor(page, allRows);
    for (int round = 0; round < 2; ++round) {
        layout.frames = frames(page, layout.legend, tableBlockHeight(layout.table, tableWidth()));
        layout.view = viewFor(page, layout.frames.map);
        layout.legend = legendFor(page, layout.view.visibleExtent());
    }
    layout.frames = frames(page, layout.legend, tableBlockHeight(layout.table, tableWidth()));
    layout.view = viewFor(page, layout.frames.map);
    const QRectF& tableFrame = layout.frames.table;
    for (int rows = allRows - 1; rows >= 2 && tableBlockHeight(layout.table, tableFrame.width()) > tableFrame.height() + 0.5;
         --rows)
        layout.table = tableFor(page, rows);
    return layout;
}

void PrintLayout::Impl::paint(QPainter& painter, int index) const
{
    const Page& page = pages[std::size_t(index)];
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.fillRect(QRectF(QPointF(0, 0), pageSize()), Qt::white);

    const PageLayout layout = layoutOf(page);
    const Frames& f = layout.frames;
    paintHeader(painter, page, f.header);
    const QRectF mapFrame(f.map.topLeft(), QSizeF(layout.view.size()));
    paintMap(painter, page, mapFrame, layout.view);
    paintMapFurniture(painter, page, mapFrame, layout.view);
    painter.setPen(QPen(kInk, 1.0));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(mapFrame);
    print::drawLegend(painter, f.legend, layout.legend, f.legendColumns,
                      {fonts.legendTitle, fonts.legendSection, fonts.legendEntry, boundary_style::kLand});
    paintTable(painter, layout.table, f.table);
    paintCredits(painter, f.credits, index);
    painter.restore();
}

void PrintLayout::Impl::paintHeader(QPainter& painter, const Page& page, const QRectF& header) const
{
    const QString title = titleLines(page, header.width());
    const double titleHeight =
        std::min(print::textHeight(title, fonts.title, header.width()), 2 * print::lineHeight(fonts.title));
    painter.setPen(kInk);
    painter.setFont(fonts.title);
    painter.drawText(QRectF(header.left(), header.top(), header.width(), titleHeight),
                     Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, title);
    painter.setFont(fonts.subtitle);
    painter.setPen(QColor(80, 80, 80));
    painter.drawText(QRectF(header.left(), header.top() + titleHeight + mm(0.5), header.width(),
                            header.bottom() - header.top() - titleHeight),
                     Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, subtitleOf(page));
}

void PrintLayout::Impl::paintMapFurniture(QPainter& painter, const Page& page, const QRectF& mapFrame,
                                          const ViewTransform& view) const
{
    painter.save();
    painter.translate(mapFrame.topLeft());
    const QSizeF frameSize = mapFrame.size();
    const double gap = mm(2.5);
    // What the furniture should not hide: the EPCI of the page, or the territory.
    const QPainterPath focus =
        view.transform().map(page.kind == PageKind::Epci ? epciPaths[std::size_t(page.epci)] : outlinePath);
    std::vector<Qt::Corner> free{Qt::TopLeftCorner, Qt::TopRightCorner, Qt::BottomLeftCorner, Qt::BottomRightCorner};
    auto take = [&](const QSizeF& itemSize, std::initializer_list<Qt::Corner> allowed) {
        Qt::Corner best = *allowed.begin();
        double bestShare = 2.0;
        for (Qt::Corner c : allowed) {
            if (std::find(free.begin(), free.end(), c) == free.end()) continue;
            const double share = coveredShare(focus, cornerRect(frameSize, itemSize, c, gap));
            if (share < bestShare - 1e-9) best = c, bestShare = share;
        }
        free.erase(std::remove(free.begin(), free.end(), best), free.end());
        return cornerRect(frameSize, itemSize, best, gap);
    };
    if (page.kind == PageKind::Epci) {
        const BBox t = content.territory->bbox;
        const double insetWidth = std::clamp(frameSize.width() * 0.24, mm(28), mm(55));
        const double insetHeight = insetWidth * (t.height() / std::max(1.0, t.width()));
        const QRectF inset = take(QSizeF(insetWidth, insetHeight) + QSizeF(mm(3), mm(3)),
                                  {Qt::TopLeftCorner, Qt::TopRightCorner, Qt::BottomLeftCorner, Qt::BottomRightCorner});
        paintInset(painter, inset, page.epci, view.visibleExtent());
    }
    const double arrow = mm(options.paper == PaperSize::A3 ? 14 : 11);
    // The meridian at the map centre, for the north arrow.
    const XY centre = view.centre();
    LonLat g = toWgs84(centre);
    g.lat += 0.05;
    const XY north = toLambert93(g);
    const double degrees = std::atan2(north.x - centre.x, north.y - centre.y) * 180.0 / M_PI;
    print::drawNorthArrow(painter, take(QSizeF(arrow, arrow), {Qt::TopRightCorner, Qt::TopLeftCorner}), degrees,
                          fonts.legendSection);
    const print::ScaleBar bar = print::scaleBar(view.metresPerPixel(), frameSize.width() * 0.28, fonts.mapLabel);
    const QRectF barBox = take(bar.size, {Qt::BottomLeftCorner, Qt::BottomRightCorner});
    print::drawScaleBar(painter, barBox.topLeft(), bar, fonts.mapLabel);
    // The scale as a ratio, true when the page is printed at its size.
    painter.setFont(fonts.mapLabel);
    painter.setPen(QColor(80, 80, 80));
    const QString ratio = tr("1 : %1").arg(formatCount(std::llround(view.scaleDenominator(kDotsPerInch))));
    const QFontMetricsF m(fonts.mapLabel, painter.device());
    const bool barLeft = barBox.left() < frameSize.width() / 2;
    const double ratioX = barLeft ? barBox.left() : barBox.right() - m.horizontalAdvance(ratio);
    const QRectF ratioBox(ratioX - mm(1), barBox.top() - m.height() - mm(0.6), m.horizontalAdvance(ratio) + mm(2),
                          m.height() + mm(0.4));
    painter.fillRect(ratioBox, QColor(255, 255, 255, 225));
    painter.drawText(ratioBox, Qt::AlignCenter, ratio);
    painter.restore();
}

void PrintLayout::Impl::paintTable(QPainter& painter, const Table& table, const QRectF& box) const
{
    double y = box.top();
    if (!table.headline.isEmpty()) {
        const double h = print::textHeight(table.headline, fonts.headline, box.width());
        painter.setFont(fonts.headline);
        painter.setPen(kInk);
        painter.drawText(QRectF(box.left(), y, box.width(), h), Qt::TextWordWrap | Qt::AlignLeft, table.headline);
        y += h + mm(1.5);
    }
    print::drawTable(painter, QRectF(box.left(), y, box.width(), box.bottom() - y), table.columns, table.rows,
                     {fonts.tableHeader, fonts.tableBody, fonts.tableTotal});
}

// Sources, program and page number.
void PrintLayout::Impl::paintCredits(QPainter& painter, const QRectF& box, int index) const
{
    painter.setFont(fonts.credits);
    painter.setPen(QColor(70, 70, 70));
    const double creditsHeight = print::textHeight(content.credits, fonts.credits, box.width());
    painter.drawText(QRectF(box.left(), box.top(), box.width(), creditsHeight), Qt::TextWordWrap | Qt::AlignLeft,
                     content.credits);
    QString pageNumber;
    if (pages.size() > 1) pageNumber = tr("page %1 / %2").arg(index + 1).arg(pages.size());
    const QFontMetricsF creditMetrics(fonts.credits, painter.device());
    const double numberWidth = pageNumber.isEmpty() ? 0 : creditMetrics.horizontalAdvance(pageNumber) + mm(4);
    const QRectF footerBox(box.left(), box.top() + creditsHeight + mm(0.5), box.width() - numberWidth,
                           box.height() - creditsHeight);
    painter.drawText(footerBox, Qt::TextWordWrap | Qt::AlignLeft, footerText());
    if (!pageNumber.isEmpty())
        painter.drawText(QRectF(box.right() - numberWidth, footerBox.top(), numberWidth, footerBox.height()),
                         Qt::AlignRight | Qt::AlignTop, pageNumber);
}

PrintLayout::PrintLayout(const PrintContent& content, const PrintOptions& options)
    : impl_(std::make_unique<Impl>(content, options))
{
}

PrintLayout::~PrintLayout() = default;

int PrintLayout::pageCount() const { return int(impl_->pages.size()); }

QString PrintLayout::pageName(int page) const
{
    const Page& p = impl_->pages.at(std::size_t(page));
    switch (p.kind) {
    case PageKind::Territory: return impl_->territoryName();
    case PageKind::Comparison: return tr("Comparaison");
    case PageKind::Epci: return impl_->content.territory->epcis[std::size_t(p.epci)].name;
    }
    return {};
}

QPageLayout PrintLayout::pageLayout() const
{
    return QPageLayout(QPageSize(impl_->options.paper == PaperSize::A3 ? QPageSize::A3 : QPageSize::A4),
                       impl_->options.landscape ? QPageLayout::Landscape : QPageLayout::Portrait, QMarginsF(0, 0, 0, 0));
}

QSizeF PrintLayout::pageSizePixels() const { return impl_->pageSize(); }

std::vector<QString> PrintLayout::mapLayerIds() const
{
    std::vector<QString> ids;
    for (const MapLayer* layer : impl_->stack.layers()) ids.push_back(layer->id());
    return ids;
}

void PrintLayout::paintPage(QPainter& painter, int page) const { impl_->paint(painter, page); }

QImage PrintLayout::pageImage(int page, double scale) const
{
    const QSizeF size = impl_->pageSize();
    QImage image((size * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    // The page's own resolution, so that point sizes come out as on paper.
    const int dotsPerMetre = qRound(kDotsPerInch / 0.0254);
    image.setDotsPerMeterX(dotsPerMetre);
    image.setDotsPerMeterY(dotsPerMetre);
    image.fill(Qt::white);
    QPainter painter(&image);
    paintPage(painter, page);
    painter.end();
    return image;
}

void PrintLayout::writePdf(const QString& path) const
{
    // Drawn in memory, then written through an AtomicFile: QPdfWriter ignores short writes, so
    // a full disk would otherwise leave a cut PDF reported as written.
    QByteArray pdf;
    {
        QBuffer buffer(&pdf);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setResolution(kDotsPerInch);
        writer.setPageLayout(pageLayout());
        writer.setCreator(QStringLiteral("Maillage %1").arg(QStringLiteral(MAILLAGE_VERSION)));
        writer.setTitle(impl_->titleOf(impl_->pages.front()));
        QPainter painter;
        if (!painter.begin(&writer)) throw Error(QStringLiteral("cannot write %1: the PDF could not be started").arg(path));
        for (int page = 0; page < pageCount(); ++page) {
            if (page > 0) writer.newPage();
            paintPage(painter, page);
        }
        painter.end();
    }
    writeFileAtomically(path, pdf);
}

}  // namespace maillage::render
