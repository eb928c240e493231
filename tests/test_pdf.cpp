// The print layout: legend entries of what a map shows, round scale bars, credits, and the
// PDF of `maillage export-pdf` on the 04 data — one map, an atlas per EPCI, a comparison —
// checked with poppler-utils (pdfinfo, pdftotext, pdffonts, pdftoppm) as a reader's viewer
// would see it.
#include <catch2/catch.hpp>

#include "coverage/coverage_run.h"
#include "coverage/grid.h"
#include "geo/territory.h"
#include "io/territory_loader.h"
#include "project/project_settings.h"
#include "render/boundary_layers.h"
#include "render/coverage_layers.h"
#include "render/points_layer.h"
#include "render/print_credits.h"
#include "render/print_elements.h"
#include "render/print_layout.h"
#include "render/roads_layer.h"
#include "support/test_data.h"

#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QPicture>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

#include <ogr_geometry.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>

using namespace maillage;
using namespace maillage::render;

namespace {

// ---------------------------------------------------------------------------------------
// A small territory drawn by hand: two square communes, one EPCI each; the west one within
// reach, the east one beyond the threshold.

constexpr double kX0 = 900'000.0, kY0 = 6'300'000.0, kSide = 10'000.0;

SharedGeometry square(double minX, double minY, double side)
{
    auto ring = std::make_unique<OGRLinearRing>();
    ring->addPoint(minX, minY);
    ring->addPoint(minX + side, minY);
    ring->addPoint(minX + side, minY + side);
    ring->addPoint(minX, minY + side);
    ring->closeRings();
    auto polygon = std::make_shared<OGRPolygon>();
    polygon->addRingDirectly(ring.release());
    return polygon;
}

struct TwoCommunes {
    Territory territory;
    std::optional<CoverageGrid> grid;
    CoverageResult coverage;

    TwoCommunes()
    {
        for (int i = 0; i < 2; ++i) {
            Commune c;
            c.insee = QStringLiteral("9900%1").arg(i + 1);
            c.name = i == 0 ? QStringLiteral("Ouest") : QStringLiteral("Est");
            c.population = 1000;
            c.epciSiren = QStringLiteral("20000000%1").arg(i + 1);
            c.geometry = square(kX0 + i * kSide, kY0, kSide);
            c.bbox = BBox{kX0 + i * kSide, kY0, kX0 + (i + 1) * kSide, kY0 + kSide};
            territory.communes.push_back(c);
            Epci e;
            e.siren = c.epciSiren;
            e.name = i == 0 ? QStringLiteral("CC de l'Ouest") : QStringLiteral("CC de l'Est");
            e.population = 1000;
            e.communeCount = 1;
            e.geometry = c.geometry;
            e.bbox = c.bbox;
            territory.epcis.push_back(e);
            territory.bbox.expand(c.bbox);
        }
        auto outline = std::make_shared<OGRPolygon>(*square(kX0, kY0, 2 * kSide)->toPolygon());
        territory.outline = outline;
        territory.name = QStringLiteral("Pays d'essai");
        territory.buildIndex();
        grid = CoverageGrid::build(territory, 500.0);
        coverage.options.level = 2;
        coverage.options.thresholdMinutes = 20.0;
        for (std::size_t cell = 0; cell < grid->cellCount(); ++cell)
            coverage.surface.minutes.push_back(grid->centre(cell).x < kX0 + kSide ? 5.0f : 35.0f);
        PopulationCoverage& p = coverage.population;
        p.thresholdMinutes = 20.0;
        for (int i = 0; i < 2; ++i) {
            CommuneCoverage c;
            c.commune = i;
            c.insee = territory.communes[std::size_t(i)].insee;
            c.name = territory.communes[std::size_t(i)].name;
            c.epciSiren = territory.communes[std::size_t(i)].epciSiren;
            c.population = 1000;
            c.beyondSpread = i == 0 ? 0.0 : 1000.0;
            c.townHallMinutes = i == 0 ? 5.0f : 35.0f;
            p.communes.push_back(c);
            AreaCoverage a;
            a.code = c.epciSiren;
            a.name = territory.epcis[std::size_t(i)].name;
            a.population = 1000;
            a.communes = 1;
            a.beyondSpread = c.beyondSpread;
            p.epcis.push_back(a);
        }
        p.departement.code = QStringLiteral("99");
        p.departement.population = 2000;
        p.departement.beyondSpread = 1000.0;
    }

    PrintContent content() const
    {
        PrintContent c;
        c.territory = &territory;
        c.grid = &*grid;
        c.coverage = &coverage;
        c.credits = creditText({}, {});
        AccueilPoint fs;
        fs.id = 1;
        fs.name = QStringLiteral("France services de l'Ouest");
        fs.level = Level::Second;
        fs.kind = QStringLiteral("france_services");
        fs.lambert93 = {kX0 + kSide / 2, kY0 + kSide / 2};
        c.points.push_back(fs);
        return c;
    }
};

BBox westHalf() { return BBox{kX0, kY0, kX0 + kSide * 0.9, kY0 + kSide}; }
BBox eastHalf() { return BBox{kX0 + kSide * 1.1, kY0, kX0 + 2 * kSide, kY0 + kSide}; }

QStringList labelsOf(const std::vector<LegendEntry>& entries)
{
    QStringList labels;
    for (const LegendEntry& e : entries) labels << e.label;
    return labels;
}

// Share of the image's pixels within `tolerance` of `colour` (per channel).
double shareOfColour(const QImage& image, const QRect& area, QRgb colour, int tolerance = 10)
{
    int hits = 0, total = 0;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x, ++total) {
            const QRgb p = image.pixel(x, y);
            if (std::abs(qRed(p) - qRed(colour)) <= tolerance && std::abs(qGreen(p) - qGreen(colour)) <= tolerance
                && std::abs(qBlue(p) - qBlue(colour)) <= tolerance)
                ++hits;
        }
    return total ? double(hits) / total : 0.0;
}

QRgb blend(QRgb top, QRgb under, double opacity)
{
    auto mix = [&](int a, int b) { return int(std::lround(a * opacity + b * (1 - opacity))); };
    return qRgb(mix(qRed(top), qRed(under)), mix(qGreen(top), qGreen(under)), mix(qBlue(top), qBlue(under)));
}

// ---------------------------------------------------------------------------------------
// Programs

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QString& program, const QStringList& arguments, int timeoutMs = 120'000)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

Run cli(const QStringList& arguments) { return run(test::cliPath(), arguments); }

bool havePoppler()
{
    for (const char* tool : {"pdfinfo", "pdftotext", "pdftoppm", "pdffonts"})
        if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty()) return false;
    return true;
}

#define REQUIRE_POPPLER()                                                                              \
    if (!havePoppler()) {                                                                              \
        WARN("poppler-utils (pdfinfo, pdftotext, pdftoppm, pdffonts) not installed: PDF not checked"); \
        return;                                                                                        \
    }

QString pdfInfo(const QString& pdf) { return run(QStringLiteral("pdfinfo"), {pdf}).out; }

int pageCount(const QString& pdf)
{
    const auto match = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(pdfInfo(pdf));
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

// "595 x 842" (points, rounded) of the first page.
QString pageSize(const QString& pdf)
{
    const auto match = QRegularExpression(QStringLiteral("Page size:\\s+([\\d.]+) x ([\\d.]+) pts")).match(pdfInfo(pdf));
    if (!match.hasMatch()) return {};
    return QStringLiteral("%1 x %2")
        .arg(std::lround(match.captured(1).toDouble()))
        .arg(std::lround(match.captured(2).toDouble()));
}

// The text of a page (or all pages) as a reader searching it would: in reading order, lines
// wrapped by the layout joined, no-break spaces as spaces.
QString pdfText(const QString& pdf, int page = 0)
{
    QStringList arguments;
    if (page > 0)
        arguments << QStringLiteral("-f") << QString::number(page) << QStringLiteral("-l") << QString::number(page);
    // -raw keeps the words of a line together even when a table sets them in columns.
    QString text = run(QStringLiteral("pdftotext"), arguments << QStringLiteral("-raw") << pdf << QStringLiteral("-")).out;
    text.replace(QChar(0x00A0), QLatin1Char(' '))
        .replace(QChar(0x202F), QLatin1Char(' '))
        .replace(QLatin1Char('\n'), QLatin1Char(' '));
    text.replace(QRegularExpression(QStringLiteral("(\\w)- (\\w)")),
                 QStringLiteral("\\1-\\2"));  // a line broken after a hyphen
    return text.simplified();
}

// The first line of a page: its title.
QString pageTitle(const QString& pdf, int page)
{
    const QString text =
        run(QStringLiteral("pdftotext"), {QStringLiteral("-raw"), QStringLiteral("-f"), QString::number(page),
                                          QStringLiteral("-l"), QString::number(page), pdf, QStringLiteral("-")})
            .out;
    return text.section(QLatin1Char('\n'), 0, 0).trimmed();
}

QImage pdfPage(const QString& pdf, int page, int dpi, const QString& scratchPrefix)
{
    const Run r =
        run(QStringLiteral("pdftoppm"),
            {QStringLiteral("-r"), QString::number(dpi), QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"),
             QString::number(page), QStringLiteral("-singlefile"), QStringLiteral("-png"), pdf, scratchPrefix});
    if (r.exitCode != 0) return {};
    return QImage(scratchPrefix + QStringLiteral(".png"));
}

// The 04 project, made once with the CLI as a planner would (sources with their vintages).
const QString& project04()
{
    static test::ScratchDir folder;
    static QString path;
    if (!path.isEmpty()) return path;
    const QString limits = test::sharedData(QStringLiteral("04/limites-04.gpkg"));
    const QString project = folder.path(QStringLiteral("04.gpkg"));
    const Run init = cli({"init",
                          "--project",
                          project,
                          "--communes",
                          limits,
                          "--communes-layer",
                          "commune",
                          "--epci",
                          limits,
                          "--epci-layer",
                          "epci",
                          "--outline",
                          limits,
                          "--outline-layer",
                          "departement",
                          "--network",
                          test::sharedData(QStringLiteral("04/routes-04.geojson")),
                          "--boundaries-source",
                          "IGN, ADMIN EXPRESS COG 2018",
                          "--population-source",
                          "INSEE, populations légales 2025"});
    INFO(init.err.toStdString());
    REQUIRE(init.exitCode == 0);
    for (const auto& [file, credit] : {std::pair{"04/mairies-04.csv", "Communes et villes de France, 2025"},
                                       std::pair{"04/france-services-2024.csv", "ANCT, liste du 1er août 2024"}}) {
        const Run import = cli({"import", "--project", project, test::sharedData(QString::fromUtf8(file)), "--credit",
                                QString::fromUtf8(credit)});
        INFO(import.err.toStdString());
        REQUIRE(import.exitCode == 0);
    }
    path = project;
    return path;
}

const Territory& territory04()
{
    static const Territory territory = [] {
        TerritorySources sources;
        const QString limits = test::sharedData(QStringLiteral("04/limites-04.gpkg"));
        sources.communes = {limits, QStringLiteral("commune")};
        sources.epcis = LayerSource{limits, QStringLiteral("epci")};
        sources.outline = LayerSource{limits, QStringLiteral("departement")};
        return loadTerritory(sources);
    }();
    return territory;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// Pieces of the layout

TEST_CASE("a scale bar is as long as the longest round length that fits")
{
    CHECK(print::roundScaleLength(37'000) == 20'000);
    CHECK(print::roundScaleLength(20'000) == 20'000);
    CHECK(print::roundScaleLength(9'999) == 5'000);
    CHECK(print::roundScaleLength(1'500) == 1'000);
    CHECK(print::roundScaleLength(740) == 500);
    // On a map at 172 m per pixel, a bar of at most 200 pixels is 20 km long.
    const print::ScaleBar bar = print::scaleBar(172.0, 200.0, print::font(7));
    CHECK(bar.metres == 20'000);
    CHECK(bar.barWidth == Approx(20'000 / 172.0));
    CHECK(bar.size.width() <= 200.0 + 1e-6);
}

TEST_CASE("the legend of a printed map lists only what the map shows there")
{
    const TwoCommunes t;
    const SurfacePolygons polygons = surfacePolygons(t.territory, *t.grid, t.coverage.surface.minutes, 20.0);
    REQUIRE(polygons.beyondThreshold);
    GapLayer gaps;
    gaps.setPolygons(polygons, 2, 20.0);
    CHECK(gaps.printLegend(westHalf()).empty());  // no gap in the west
    CHECK(labelsOf(gaps.printLegend(eastHalf())) == QStringList{QStringLiteral("à plus de 20 min d'un lieu de niveau 2")});

    IsochroneLayer bands;
    bands.setPolygons(polygons, 2);
    // The bands are one scale, printed whole; no place is unreachable, so no purple entry.
    CHECK(bands.printLegend(westHalf()).size() == 4);
    CHECK(bands.legend().size() == 5);  // the application's panel keeps the full key

    PointsLayer points;
    points.setLegendShowsAllStatuses(false);
    points.setPoints(t.content().points);
    CHECK(labelsOf(points.printLegend(westHalf())) == QStringList{QStringLiteral("France services (1)")});
    CHECK(points.printLegend(eastHalf()).empty());
    AccueilPoint planned = t.content().points.front();
    planned.id = 2;
    planned.status = PointStatus::Planned;
    planned.lambert93 = {kX0 + 1.5 * kSide, kY0 + kSide / 2};
    points.setPoints({t.content().points.front(), planned});
    CHECK(labelsOf(points.printLegend(eastHalf())).contains(QStringLiteral("Projeté (contour tireté)")));
    CHECK_FALSE(labelsOf(points.printLegend(westHalf())).contains(QStringLiteral("Projeté (contour tireté)")));
}

TEST_CASE("the difference layer of a comparison shows the zones that come within the threshold")
{
    const TwoCommunes t;
    std::vector<float> after = t.coverage.surface.minutes;
    std::fill(after.begin(), after.end(), 5.0f);  // a new place reaches the east commune too
    const ChangePolygons changes = changePolygons(t.territory, *t.grid, t.coverage.surface.minutes, after, 20.0);
    REQUIRE(changes.covered);
    CHECK_FALSE(changes.uncovered);
    CHECK_FALSE(changes.stillBeyond);
    // The east commune, all of it (the polygons are clipped to the territory).
    CHECK(changes.covered->toPolygon()->get_Area() == Approx(kSide * kSide).epsilon(1e-6));
    ChangeLayer layer;
    layer.setPolygons(changes, 2, 20.0);
    CHECK(layer.printLegend(eastHalf()).size() == 1);
    CHECK(layer.printLegend(westHalf()).empty());
}

TEST_CASE("credits name each source with its vintage, the usual publisher otherwise")
{
    ProjectSources sources;
    sources.boundaries = QStringLiteral("IGN, ADMIN EXPRESS COG 2018");
    sources.population = QStringLiteral("INSEE, populations légales 2025");
    sources.roads = QStringLiteral("OpenStreetMap");
    sources.points[QStringLiteral("anct-france-services")] = QStringLiteral("ANCT, liste du 1er août 2024");
    AccueilPoint fs, laposte, planned;
    fs.source = QStringLiteral("anct-france-services");
    laposte.source = QStringLiteral("laposte");
    planned.source = QStringLiteral("maillage-suggest");
    planned.status = PointStatus::Planned;
    const QString text = creditText(sources, std::vector<AccueilPoint>{fs, laposte, planned});
    CHECK(text.contains(QStringLiteral("IGN, ADMIN EXPRESS COG 2018")));
    CHECK(text.contains(QStringLiteral("INSEE, populations légales 2025")));
    CHECK(text.contains(QStringLiteral("ANCT, liste du 1er août 2024")));
    CHECK(text.contains(QStringLiteral("La Poste")));  // no credit given: the publisher
    CHECK(text.contains(QStringLiteral("contributeurs d'OpenStreetMap (ODbL)")));
    CHECK_FALSE(text.contains(QStringLiteral("maillage-suggest")));  // a plan's points are the planner's
    const QString defaults = creditText({}, {});
    CHECK(defaults.contains(QStringLiteral("IGN")));
    CHECK(defaults.contains(QStringLiteral("INSEE")));
}

TEST_CASE("the road network's source is read from the file")
{
    CHECK(detectRoadsSource(test::sharedData(QStringLiteral("osm/andorra.osm.pbf"))) == QStringLiteral("OpenStreetMap"));
    CHECK(detectRoadsSource(test::sharedData(QStringLiteral("04/routes-04.geojson")))
          == QStringLiteral("TravelMapping HighwayData"));
    CHECK(detectRoadsSource(QStringLiteral("/nonexistent/roads.gpkg")).isEmpty());
}

TEST_CASE("a layout has a page for the territory, one per EPCI in an atlas, and the paper's size")
{
    const TwoCommunes t;
    PrintOptions options;
    CHECK(PrintLayout(t.content(), options).pageCount() == 1);
    options.atlas = true;
    options.paper = PaperSize::A3;
    options.landscape = true;
    const PrintLayout atlas(t.content(), options);
    REQUIRE(atlas.pageCount() == 3);
    CHECK(atlas.pageName(1) == QStringLiteral("CC de l'Est"));  // EPCI in alphabetical order
    CHECK(atlas.pageName(2) == QStringLiteral("CC de l'Ouest"));
    // A3 landscape: 420 x 297 mm at 96 pixels per inch.
    CHECK(atlas.pageSizePixels().width() == Approx(420 / 25.4 * 96).epsilon(1e-3));
    CHECK(atlas.pageSizePixels().height() == Approx(297 / 25.4 * 96).epsilon(1e-3));
    // The preview image shows the gap colour (over the land colour, at the layer's opacity).
    const QImage page = atlas.pageImage(0, 1.0);
    const QRgb gap = blend(GapLayer::kGapColour, blend(IsochroneLayer::kColours[3], boundary_style::kLand, 0.45), 0.6);
    CHECK(shareOfColour(page, page.rect(), gap, 12) > 0.01);
}

TEST_CASE("a layout without coverage is refused with a message")
{
    const TwoCommunes t;
    PrintContent content = t.content();
    content.coverage = nullptr;
    CHECK_THROWS_WITH(PrintLayout(content, {}), Catch::Contains("no coverage"));
}

namespace {

// The commune names drawn alone, on a transparent screen image or, replayed, from a vector
// device (a QPicture, as a PDF).
QImage drawnNames(const CommuneLabelsLayer& layer, const ViewTransform& view, bool onPaper)
{
    QImage image(view.size(), QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    if (!onPaper) {
        layer.render(painter, view);
        return image;
    }
    QPicture picture;
    QPainter recorder(&picture);
    layer.render(recorder, view);
    recorder.end();
    painter.drawPicture(0, 0, picture);
    return image;
}

// The pixels of `image` inside `box` that something was drawn on.
int drawnPixels(const QImage& image, const QRect& box)
{
    int drawn = 0;
    for (int y = box.top(); y <= box.bottom(); ++y)
        for (int x = box.left(); x <= box.right(); ++x) drawn += qAlpha(image.pixel(x, y)) > 0;
    return drawn;
}

}  // namespace

TEST_CASE("a commune's name goes beside a symbol, not over another name, and cut by the window on screen only")
{
    // Two communes of the same square (10 km a side), the larger one named first.
    auto territory = std::make_shared<Territory>();
    for (const char* name : {"Bourg-Majeur", "Hameau"}) {
        Commune c;
        c.name = QString::fromLatin1(name);
        c.population = c.name == QStringLiteral("Hameau") ? 100 : 9000;
        c.geometry = square(kX0, kY0, kSide);
        c.bbox = BBox{kX0, kY0, kX0 + kSide, kY0 + kSide};
        territory->communes.push_back(c);
    }
    const XY middle{kX0 + kSide / 2, kY0 + kSide / 2};
    const double metresPerPixel = 10.0;  // the communes are 1,000 px wide: both names may show

    CommuneLabelsLayer both(territory);
    auto first = std::make_shared<Territory>();
    first->communes = {territory->communes.front()};
    const CommuneLabelsLayer alone(first);

    SECTION("the second name, over the first, is left out")
    {
        const ViewTransform view(middle, metresPerPixel, QSize(400, 200));
        const QImage image = drawnNames(both, view, false);
        CHECK(drawnPixels(image, image.rect()) > 100);
        CHECK(image == drawnNames(alone, view, false));
    }
    SECTION("names over a symbol move beside it: the first to its right, the next to its left")
    {
        both.setObstacles({middle}, 5.0);  // a square at 195-205 px
        const ViewTransform view(middle, metresPerPixel, QSize(400, 200));
        const QImage image = drawnNames(both, view, false);
        CHECK(drawnPixels(image, QRect(197, 0, 7, 200)) == 0);
        CHECK(drawnPixels(image, QRect(207, 90, 193, 20)) > 100);
        CHECK(drawnPixels(image, QRect(0, 90, 193, 20)) > 100);
        CHECK(drawnPixels(image, QRect(0, 0, 400, 85)) + drawnPixels(image, QRect(0, 115, 400, 85)) == 0);
    }
    SECTION("a name cut by the window's edge shows on screen, not on paper")
    {
        // The name's middle on the window's left edge.
        const ViewTransform view({middle.x + 100 * metresPerPixel, middle.y}, metresPerPixel, QSize(200, 100));
        CHECK(drawnPixels(drawnNames(alone, view, false), QRect(0, 0, 200, 100)) > 50);
        CHECK(drawnPixels(drawnNames(alone, view, true), QRect(0, 0, 200, 100)) == 0);
    }
}

// ---------------------------------------------------------------------------------------
// maillage export-pdf on the 04 data

TEST_CASE("export-pdf writes the 04 map as one searchable vector A4 page")
{
    REQUIRE_POPPLER();
    test::ScratchDir scratch;
    const QString pdf = scratch.path(QStringLiteral("04.pdf"));
    const Run r = cli({"export-pdf", "--project", project04(), "--out", pdf});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.contains(QStringLiteral("1 page, A4 portrait")));
    CHECK(pageCount(pdf) == 1);
    CHECK(pageSize(pdf) == QStringLiteral("595 x 842"));
    const qint64 bytes = QFileInfo(pdf).size();
    CHECK(bytes < 3 * 1024 * 1024);  // vector, yet light enough to mail

    const QString text = pdfText(pdf);
    CHECK(text.contains(QStringLiteral("Alpes-de-Haute-Provence")));  // title
    CHECK(text.contains(QStringLiteral("accès aux lieux d'accueil de niveau 2")));
    CHECK(text.contains(QStringLiteral("seuil : 20 min")));  // subtitle
    for (const char* entry : {"Légende", "France services", "10 à 20 min", "à plus de 20 min d'un lieu de niveau 2",
                              "Limite d'EPCI", "Autoroute"})
        CHECK(text.contains(QString::fromUtf8(entry)));
    for (const Epci& epci : territory04().epcis) CHECK(text.contains(epci.name));  // the table, one row each
    CHECK(text.contains(QStringLiteral("INSEE, populations légales 2025")));
    CHECK(text.contains(QStringLiteral("IGN, ADMIN EXPRESS COG 2018")));
    CHECK(text.contains(QStringLiteral("ANCT, liste du 1er août 2024")));
    CHECK(text.contains(QStringLiteral("TravelMapping HighwayData")));  // read from the road file
    CHECK(text.contains(QStringLiteral("Maillage %1").arg(QStringLiteral(MAILLAGE_VERSION))));
    CHECK(text.contains(QStringLiteral("Digne-les-Bains")));  // a commune name on the map

    // Every font embedded (pdffonts' "emb" column, the first yes/no of each font's line).
    const QString fonts = run(QStringLiteral("pdffonts"), {pdf}).out;
    CHECK(fonts.contains(QStringLiteral("DejaVuSans")));
    const QRegularExpression fontLine(QStringLiteral("\\s(yes|no)\\s+(yes|no)\\s+(yes|no)\\s+\\d+\\s+\\d+\\s*$"),
                                      QRegularExpression::MultilineOption);
    int fontCount = 0;
    for (auto it = fontLine.globalMatch(fonts); it.hasNext(); ++fontCount)
        CHECK(it.next().captured(1) == QStringLiteral("yes"));
    CHECK(fontCount >= 1);

    // The page, as a viewer shows it: not blank, and the gap colour inside the map frame
    // (the upper part of an A4 portrait page is the map).
    const QImage page = pdfPage(pdf, 1, 50, scratch.path(QStringLiteral("page")));
    REQUIRE_FALSE(page.isNull());
    const QRect map(page.width() / 10, page.height() / 8, page.width() * 8 / 10, page.height() / 2);
    CHECK(shareOfColour(page, page.rect(), qRgb(255, 255, 255), 3) < 0.6);
    double gapShare = 0;
    for (QRgb band : {IsochroneLayer::kColours[2], IsochroneLayer::kColours[3], IsochroneLayer::kUnreachable})
        gapShare += shareOfColour(page, map, blend(GapLayer::kGapColour, blend(band, boundary_style::kLand, 0.45), 0.6), 14);
    CHECK(gapShare > 0.03);
}

TEST_CASE("export-pdf --atlas epci adds a page per EPCI, each zoomed to it with its communes")
{
    REQUIRE_POPPLER();
    test::ScratchDir scratch;
    const QString pdf = scratch.path(QStringLiteral("atlas.pdf"));
    const Run r =
        cli({"export-pdf", "--project", project04(), "--out", pdf, "--atlas", "epci", "--paper", "A3", "--landscape"});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    const int epcis = int(territory04().epcis.size());
    CHECK(pageCount(pdf) == 1 + epcis);
    CHECK(pageSize(pdf) == QStringLiteral("1191 x 842"));  // A3 landscape
    CHECK(QFileInfo(pdf).size() < 2 * 1024 * 1024 * (1 + epcis));
    // Each EPCI page is titled with its name and lists its communes' total.
    QStringList titles;
    for (int page = 2; page <= 1 + epcis; ++page) {
        const QString text = pdfText(pdf, page);
        titles << pageTitle(pdf, page);
        CHECK(text.contains(QStringLiteral("Ensemble de l'EPCI")));
        CHECK(text.contains(QStringLiteral("page %1 / %2").arg(page).arg(1 + epcis)));
    }
    for (const Epci& epci : territory04().epcis) CHECK(titles.contains(epci.name));
    // The legend follows the page: the Ubaye valley has no motorway, the Durance valley has.
    auto pageOf = [&](const QString& epci) { return int(titles.indexOf(epci)) + 2; };
    const int ubaye = pageOf(QStringLiteral("CC Vallée de l'Ubaye - Serre-Ponçon"));
    const int durance = pageOf(QStringLiteral("CA Durance-Lubéron-Verdon Agglomération"));
    REQUIRE(std::min(ubaye, durance) >= 2);
    CHECK_FALSE(pdfText(pdf, ubaye).contains(QStringLiteral("Autoroute")));
    CHECK(pdfText(pdf, durance).contains(QStringLiteral("Autoroute")));
    CHECK(pdfText(pdf, ubaye).contains(QStringLiteral("Au-delà du seuil")));
}

TEST_CASE("export-pdf --compare adds a page with what a plan changes, per EPCI")
{
    REQUIRE_POPPLER();
    test::ScratchDir scratch;
    // A copy: the plan stays out of the other tests' project.
    const QString project = scratch.path(QStringLiteral("plan.gpkg"));
    REQUIRE(QFile::copy(project04(), project));
    REQUIRE(cli({"scenario", "create", "Haut Verdon", "--project", project}).exitCode == 0);
    const Run add =
        cli({"scenario", "add-point", "Haut Verdon", "--project", project, "--name", "France services de Colmars", "--lat",
             "44.1806", "--lon", "6.6258", "--level", "2", "--kind", "france_services"});
    INFO(add.err.toStdString());
    REQUIRE(add.exitCode == 0);
    const QString pdf = scratch.path(QStringLiteral("plan.pdf"));
    const Run r =
        cli({"export-pdf", "--project", project, "--out", pdf, "--scenario", "Haut Verdon", "--compare", "baseline"});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    REQUIRE(pageCount(pdf) == 2);
    const QString comparison = pdfText(pdf, 2);
    CHECK(comparison.contains(QStringLiteral("ce que change le scénario")));
    CHECK(comparison.contains(QStringLiteral("Haut")));
    CHECK(comparison.contains(QStringLiteral("passe à moins de 20 min")));   // the difference layer's legend
    CHECK(comparison.contains(QStringLiteral("Projeté (contour tireté)")));  // the plan's new place
    CHECK(comparison.contains(QStringLiteral("CC Alpes-Provence-Verdon - Sources de Lumière")));
    CHECK(QRegularExpression(QStringLiteral("[1-9][\\d\u202F ]* habitants passent à moins de 20 min"))
              .match(comparison)
              .hasMatch());
    CHECK(pdfText(pdf, 1).contains(QStringLiteral("scénario : « Haut Verdon »")));
}

TEST_CASE("export-pdf refuses a wrong command line or an unwritable file with a clear message")
{
    test::ScratchDir scratch;
    const QString pdf = scratch.path(QStringLiteral("x.pdf"));
    const Run paper = cli({"export-pdf", "--project", project04(), "--out", pdf, "--paper", "A5"});
    CHECK(paper.exitCode == 2);
    CHECK(paper.err.contains(QStringLiteral("--paper must be A4 or A3")));
    CHECK(cli({"export-pdf", "--project", project04()}).exitCode == 2);  // no --out
    CHECK(cli({"export-pdf", "--project", project04(), "--out", pdf, "--atlas", "communes"}).exitCode == 2);
    CHECK(cli({"export-pdf", "--project", project04(), "--out", pdf, "--hide", "rivers"}).exitCode == 2);
    const Run unwritable = cli({"export-pdf", "--project", project04(), "--out", "/nonexistent/folder/map.pdf"});
    CHECK(unwritable.exitCode == 1);
    CHECK(unwritable.err.contains(QStringLiteral("/nonexistent/folder/map.pdf")));
    CHECK(unwritable.err.count(QLatin1Char('\n')) == 1);
    CHECK_FALSE(QFileInfo::exists(pdf));
}

namespace {

// WCAG relative luminance and contrast ratio: what makes a thin line readable on a fill.
double relativeLuminance(QColor colour)
{
    const auto linear = [](double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF());
}

double contrastRatio(QColor a, QColor b)
{
    const double la = relativeLuminance(a), lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor over(QRgb top, double opacity, QColor below)
{
    const QColor t = QColor::fromRgba(top);
    return QColor::fromRgbF(t.redF() * opacity + below.redF() * (1 - opacity),
                            t.greenF() * opacity + below.greenF() * (1 - opacity),
                            t.blueF() * opacity + below.blueF() * (1 - opacity));
}

// One road of each drawing group, so that the layer's legend draws every group's line.
std::shared_ptr<NetworkInput> oneRoadPerGroup()
{
    auto network = std::make_shared<NetworkInput>();
    const RoadClass classes[] = {RoadClass::Motorway, RoadClass::Trunk, RoadClass::Primary, RoadClass::Secondary,
                                 RoadClass::Residential};
    for (RoadClass roadClass : classes) {
        const auto from = static_cast<std::uint32_t>(network->nodes.size());
        const double y = 6'300'000.0 + 1000.0 * from;
        network->nodes.push_back({900'000.0, y});
        network->nodes.push_back({901'000.0, y});
        NetworkEdge edge;
        edge.from = from;
        edge.to = from + 1;
        edge.metres = 1000.0;
        edge.seconds = 60.0;
        edge.roadClass = roadClass;
        edge.shapeBegin = static_cast<std::uint32_t>(network->shape.size());
        network->shape.push_back(network->nodes[from]);
        network->shape.push_back(network->nodes[from + 1]);
        edge.shapeEnd = static_cast<std::uint32_t>(network->shape.size());
        network->edges.push_back(edge);
    }
    return network;
}

}  // namespace

TEST_CASE("secondary roads stand out on every fill the coverage draws under them, the gaps included")
{
    // The roads are drawn over the access-time bands and the gaps beyond the threshold (the
    // map's order); in the gaps, where roads are few, a planner must still see them.
    IsochroneLayer bands;
    GapLayer gaps;
    RoadsLayer roads(oneRoadPerGroup());
    const std::vector<LegendEntry> legend = roads.legend();
    REQUIRE(legend.size() == RoadsLayer::GroupCount);
    const LegendEntry& secondary = legend[RoadsLayer::Secondary];
    CHECK(secondary.label == QStringLiteral("Route secondaire"));

    std::vector<QRgb> bandColours(IsochroneLayer::kColours.begin(), IsochroneLayer::kColours.end());
    bandColours.push_back(IsochroneLayer::kUnreachable);
    const QColor page(Qt::white);
    const QColor canvas = QColor::fromRgb(0xdf, 0xe6, 0xea);  // the application's map background
    for (const QColor& background : {page, canvas}) {
        std::vector<QColor> fills{background};
        for (QRgb band : bandColours) {
            fills.push_back(over(band, bands.opacity(), background));
            fills.push_back(over(GapLayer::kGapColour, gaps.opacity(), fills.back()));
        }
        for (const QColor& fill : fills) {
            // The road's own line as the layer draws it, on that fill.
            QImage image(40, 20, QImage::Format_ARGB32);
            image.fill(fill);
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing, false);
            secondary.paint(painter, QRectF(0, 0, 40, 20));
            painter.end();
            const QColor line = image.pixelColor(20, 10);
            INFO("fill " << fill.name().toStdString() << ", road " << line.name().toStdString());
            CHECK(contrastRatio(line, fill) >= 1.5);
        }
    }
}
