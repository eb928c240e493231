// The population layer: INSEE squares, rasters, point and polygon layers and buildings put on
// the project's Lambert-93 cells and rescaled per commune to the legal population.
#include <catch2/catch.hpp>

#include "common/error.h"
#include "coverage/grid.h"
#include "coverage/population.h"
#include "coverage/population_sensitivity.h"
#include "coverage/travel_time_surface.h"
#include "geo/territory.h"
#include "io/ogr_source.h"
#include "io/territory_loader.h"
#include "population/cell_resampling.h"
#include "population/population_input.h"
#include "population/population_pieces.h"
#include "support/fixtures04.h"
#include "support/test_data.h"

#include <QFile>
#include <QProcess>
#include <QTextStream>

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <functional>
#include <memory>

using namespace maillage;

namespace {

// Two communes side by side in Lambert-93, in 04's neighbourhood: "Ouest" (1,200 people,
// 4 km wide) and "Est" (300 people, 2 km wide), 4 km high.
constexpr double kX0 = 950'000.0;
constexpr double kY0 = 6'320'000.0;
constexpr double kSplit = kX0 + 4'000.0;
constexpr double kX1 = kX0 + 6'000.0;
constexpr double kY1 = kY0 + 4'000.0;

Commune makeCommune(QString insee, QString name, qint64 population, double minX, double maxX)
{
    Commune commune;
    commune.insee = std::move(insee);
    commune.name = std::move(name);
    commune.population = population;
    commune.epciSiren = QStringLiteral("200000001");
    commune.geometry = test::rectangle(minX, kY0, maxX, kY1);
    commune.bbox.expand(XY{minX, kY0});
    commune.bbox.expand(XY{maxX, kY1});
    return commune;
}

Territory twoCommunes()
{
    Territory territory;
    territory.communes.push_back(makeCommune(QStringLiteral("99001"), QStringLiteral("Ouest"), 1200, kX0, kSplit));
    territory.communes.push_back(makeCommune(QStringLiteral("99002"), QStringLiteral("Est"), 300, kSplit, kX1));
    Epci epci;
    epci.siren = QStringLiteral("200000001");
    epci.name = QStringLiteral("CC des Carreaux");
    epci.population = 1500;
    epci.communeCount = 2;
    territory.epcis.push_back(epci);
    territory.outline = test::rectangle(kX0, kY0, kX1, kY1);
    for (const Commune& c : territory.communes) territory.bbox.expand(c.bbox);
    return territory;
}

// Every cell on a road: the spread covers every cell.
PlaceLinks linksOnRoad(const CoverageGrid& grid)
{
    return linkGridCells(grid, [](XY) {
        AccessLink link;
        link.edge = 0;
        link.legMetres = 0.0f;
        return link;
    });
}

// Lambert-93 <-> EPSG:3035 (INSEE's grid), x/y order.
struct Laea {
    OGRSpatialReference l93, laea;
    std::unique_ptr<OGRCoordinateTransformation> toLaea, toL93;
    Laea()
    {
        l93.importFromEPSG(2154);
        laea.importFromEPSG(3035);
        l93.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        laea.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        toLaea.reset(OGRCreateCoordinateTransformation(&l93, &laea));
        toL93.reset(OGRCreateCoordinateTransformation(&laea, &l93));
    }
    XY laeaOf(XY p) const
    {
        toLaea->Transform(1, &p.x, &p.y);
        return p;
    }
    XY l93Of(XY p) const
    {
        toL93->Transform(1, &p.x, &p.y);
        return p;
    }
};

struct Square {
    long long east, north;  // south-west corner, EPSG:3035
    double people;
    bool imputed = false;
};

// The INSEE squares of `size` metres whose four corners lie inside the box (Lambert-93),
// each holding people(centre in Lambert-93).
std::vector<Square> squaresInside(double size, double minX, double minY, double maxX, double maxY,
                                  const std::function<double(XY)>& people)
{
    const Laea laea;
    BBox box;
    for (XY corner : {XY{minX, minY}, XY{maxX, minY}, XY{maxX, maxY}, XY{minX, maxY}}) box.expand(laea.laeaOf(corner));
    std::vector<Square> squares;
    const BBox inside{minX, minY, maxX, maxY};
    for (long long n = (long long)(std::floor(box.minY / size) * size); n < box.maxY; n += (long long)size)
        for (long long e = (long long)(std::floor(box.minX / size) * size); e < box.maxX; e += (long long)size) {
            bool allIn = true;
            for (XY corner :
                 {XY{double(e), double(n)}, XY{e + size, double(n)}, XY{e + size, n + size}, XY{double(e), n + size}})
                allIn = allIn && inside.contains(laea.l93Of(corner));
            if (!allIn) continue;
            const XY centre = laea.l93Of({e + size / 2, n + size / 2});
            const double p = people(centre);
            if (p > 0) squares.push_back({e, n, p, int(e / size + n / size) % 3 == 0});
        }
    return squares;
}

QString squareId(const Square& s, double size)
{
    return QStringLiteral("CRS3035RES%1mN%2E%3").arg(qint64(size)).arg(s.north).arg(s.east);
}

// A Filosofi CSV as INSEE publishes it (2019/2021 columns, comma-separated).
void writeFilosofiCsv(const QString& path, const std::vector<Square>& squares, double size)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Text));
    QTextStream out(&file);
    const bool km = size >= 1000;
    out << (km ? "idcar_1km,i_est_1km,lcog_geo,ind,men\n"
               : "idcar_200m,idcar_1km,idcar_nat,i_est_200,i_est_1km,lcog_geo,ind,men\n");
    for (const Square& s : squares) {
        if (km) out << squareId(s, size) << ',' << (s.imputed ? 1 : 0) << ",99001," << s.people << ",1\n";
        else
            out << squareId(s, size) << ",CRS3035RES1000mN0E0,CRS3035RES32000mN0E0," << (s.imputed ? 1 : 0) << ",0,99001,"
                << s.people << ",1\n";
    }
}

// The same squares as INSEE's GeoPackage: polygons in EPSG:3035 with the same fields.
void writeFilosofiGpkg(const QString& path, const std::vector<Square>& squares, double size)
{
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    std::unique_ptr<GDALDataset> dataset(driver->Create(path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
    REQUIRE(dataset);
    OGRSpatialReference laea;
    laea.importFromEPSG(3035);
    OGRLayer* layer = dataset->CreateLayer("carreaux_200m_met", &laea, wkbPolygon, nullptr);
    OGRFieldDefn id("idcar_200m", OFTString), estimated("i_est_200", OFTInteger), ind("ind", OFTReal);
    layer->CreateField(&id);
    layer->CreateField(&estimated);
    layer->CreateField(&ind);
    for (const Square& s : squares) {
        OGRFeature feature(layer->GetLayerDefn());
        feature.SetField("idcar_200m", squareId(s, size).toUtf8().constData());
        feature.SetField("i_est_200", s.imputed ? 1 : 0);
        feature.SetField("ind", s.people);
        OGRLinearRing ring;
        ring.addPoint(double(s.east), double(s.north));
        ring.addPoint(s.east + size, double(s.north));
        ring.addPoint(s.east + size, s.north + size);
        ring.addPoint(double(s.east), s.north + size);
        ring.closeRings();
        OGRPolygon polygon;
        polygon.addRing(&ring);
        feature.SetGeometry(&polygon);
        REQUIRE(layer->CreateFeature(&feature) == OGRERR_NONE);
    }
}

double sumOf(const std::vector<double>& values)
{
    double sum = 0.0;
    for (double v : values) sum += v;
    return sum;
}

double total(const std::vector<Square>& squares)
{
    double sum = 0.0;
    for (const Square& s : squares) sum += s.people;
    return sum;
}

// People per commune on the grid.
std::vector<double> perCommune(const CoverageGrid& grid, const std::vector<double>& cells, std::size_t communes)
{
    std::vector<double> sums(communes, 0.0);
    for (std::size_t i = 0; i < grid.cellCount(); ++i) sums[std::size_t(grid.communeOf(i))] += cells[i];
    return sums;
}

}  // namespace

// ---------------------------------------------------------------------------------------
TEST_CASE("an INSEE square id gives the south-west corner in EPSG:3035 and the size")
{
    const auto square = parseInseeSquareId(QStringLiteral("CRS3035RES200mN2295800E4000800"));
    REQUIRE(square);
    CHECK(square->north == 2295800.0);
    CHECK(square->east == 4000800.0);
    CHECK(square->size == 200.0);
    const auto km = parseInseeSquareId(QStringLiteral("CRS3035RES1000mN2295000E4000000"));
    REQUIRE(km);
    CHECK(km->size == 1000.0);
    CHECK_FALSE(parseInseeSquareId(QStringLiteral("N2295800E4000800")));
    CHECK_FALSE(parseInseeSquareId(QStringLiteral("CRS3035RES200mN2295800")));
    // Letters in any case, spaces around (as some exports have them).
    CHECK(parseInseeSquareId(QStringLiteral(" crs3035res200mn2295800e4000800 ")));
}

TEST_CASE("an INSEE square id with a number of more than 9 digits is a damaged id, not a square")
{
    // Found by fuzzing (tests/fuzz/regressions/insee_square_id): once taken as a square 28
    // million km away. EPSG:3035 coordinates are under 10^8 m.
    CHECK_FALSE(parseInseeSquareId(QStringLiteral("CRS3035RES200mN090E28254000800")));
    CHECK_FALSE(parseInseeSquareId(QStringLiteral("CRS3035RES2000000000mN2295800E4000800")));
    CHECK(parseInseeSquareId(QStringLiteral("CRS3035RES200mN099999999E4000800")));
    CHECK_FALSE(parseInseeSquareId(QStringLiteral("CRS3035RES0mN2295800E4000800")));
}

TEST_CASE("a square is shared between the cells it overlaps in proportion to the area")
{
    const std::array<XY, 4> square{XY{0, 0}, XY{200, 0}, XY{200, 200}, XY{0, 200}};
    CHECK(quadRectangleOverlap(square, BBox{0, 0, 200, 200}) == Approx(40'000.0));
    CHECK(quadRectangleOverlap(square, BBox{100, 0, 300, 200}) == Approx(20'000.0));
    CHECK(quadRectangleOverlap(square, BBox{150, 150, 350, 350}) == Approx(2'500.0));
    CHECK(quadRectangleOverlap(square, BBox{300, 0, 500, 200}) == 0.0);
    // A square turned by 45°: a diamond of half-diagonal 100 centred on a cell corner.
    const std::array<XY, 4> diamond{XY{100, 0}, XY{200, 100}, XY{100, 200}, XY{0, 100}};
    CHECK(quadRectangleOverlap(diamond, BBox{0, 0, 100, 100}) == Approx(5'000.0));

    // On a grid of four cells, the pieces add up to the square.
    CellFrame frame;
    frame.west = 0;
    frame.north = 400;
    frame.cellSize = 200;
    frame.columns = 2;
    frame.rows = 2;
    frame.cellOfRaster = {0, 1, 2, 3};
    frame.cellCount = 4;
    PopulationPieces pieces;
    pieces.quads.push_back({XY{100, 100}, XY{300, 100}, XY{300, 300}, XY{100, 300}});
    pieces.quadValues.push_back(8.0);
    const std::vector<double> cells = resampleOnCells(pieces, frame);
    CHECK(cells == std::vector<double>{2.0, 2.0, 2.0, 2.0});
}

TEST_CASE(
    "rescaling gives each commune exactly its legal population and falls back to the spread where the source has no one")
{
    const std::vector<std::int32_t> commune{0, 0, 0, 1, 1, 2};
    const std::vector<double> weights{1.0, 3.0, 0.0, 0.0, 0.0, 0.7};
    const std::vector<double> spread{1.0, 1.0, 1.0, 1.0, 0.0, 1.0};
    const std::vector<qint64> legal{1000, 333, 7};
    std::vector<std::uint8_t> fellBack;
    const std::vector<double> people = rescalePerCommune(weights, spread, commune, legal, &fellBack);
    CHECK(people[0] == Approx(250.0));
    CHECK(people[1] == Approx(750.0));
    CHECK(people[2] == 0.0);
    CHECK(people[3] == 333.0);  // no weight in commune 1: its spread cells
    CHECK(people[4] == 0.0);
    CHECK(people[5] == 7.0);
    CHECK(fellBack == std::vector<std::uint8_t>{0, 1, 0});
    CHECK(people[0] + people[1] + people[2] == 1000.0);
}

TEST_CASE("Filosofi 200 m squares in CSV are resampled onto the Lambert-93 cells and rescaled per commune")
{
    test::ScratchDir dir;
    const Territory territory = twoCommunes();
    const CoverageGrid grid = CoverageGrid::build(territory, 200.0);
    const PlaceLinks links = linksOnRoad(grid);
    // People only in the north-east quarter of Ouest, 10 per square; Est has squares everywhere, 1 each.
    const auto people = [](XY p) {
        if (p.x < kSplit) return (p.x > kX0 + 2'000 && p.y > kY0 + 2'000) ? 10.0 : 0.0;
        return 1.0;
    };
    const std::vector<Square> squares = squaresInside(200, kX0, kY0, kX1, kY1, people);
    REQUIRE(squares.size() > 100);
    const QString csv = dir.path(QStringLiteral("carreaux.csv"));
    writeFilosofiCsv(csv, squares, 200);

    const PopulationPieces pieces = readPopulationGrid(csv);
    CHECK(pieces.quads.size() == squares.size());
    CHECK(pieces.total() == Approx(total(squares)));
    CHECK(pieces.description.contains(QStringLiteral("INSEE 200 m squares")));
    int imputed = 0;
    for (const Square& s : squares) imputed += s.imputed ? 1 : 0;
    CHECK(pieces.imputed == imputed);

    // By area: every square lies inside the territory, so no one is lost on the way.
    const std::vector<double> cells = resampleOnCells(pieces, cellFrameOf(grid));
    CHECK(sumOf(cells) == Approx(total(squares)).epsilon(1e-9));
    // The squares are turned against the cells: most cells get pieces of several squares.
    int shared = 0;
    for (double c : cells) shared += (c > 0 && std::abs(c - std::round(c)) > 1e-6) ? 1 : 0;
    CHECK(shared > 0);

    PopulationPlacementOptions options;
    options.method = PopulationMethod::Grid;
    options.input = {.method = PopulationMethod::Grid, .path = csv};
    options.cacheDirectory = dir.path(QStringLiteral("cache"));
    const PopulationPlacement placement = PopulationPlacement::build(territory, grid, links, options);
    const std::vector<double> sums = perCommune(grid, placement.people(), 2);
    CHECK(sums[0] == Approx(1200.0).margin(1e-6));
    CHECK(sums[1] == Approx(300.0).margin(1e-6));
    CHECK(placement.communesFallenBack() == 0);
    // Ouest's people are where its squares are: none in its south-west quarter.
    double southWest = 0.0;
    for (std::size_t i = 0; i < grid.cellCount(); ++i) {
        const XY c = grid.centre(i);
        if (c.x < kX0 + 1'800 && c.y < kY0 + 1'800) southWest += placement.peopleOnCell(i);
    }
    CHECK(southWest == 0.0);
}

TEST_CASE("Filosofi squares in a GeoPackage give the same cells as the CSV")
{
    test::ScratchDir dir;
    const Territory territory = twoCommunes();
    const CoverageGrid grid = CoverageGrid::build(territory, 200.0);
    const std::vector<Square> squares =
        squaresInside(200, kX0, kY0, kX1, kY1, [](XY p) { return 1.0 + std::fmod(p.x / 200.0, 7.0); });
    writeFilosofiCsv(dir.path(QStringLiteral("c.csv")), squares, 200);
    writeFilosofiGpkg(dir.path(QStringLiteral("c.gpkg")), squares, 200);
    const std::vector<double> fromCsv =
        resampleOnCells(readPopulationGrid(dir.path(QStringLiteral("c.csv"))), cellFrameOf(grid));
    const PopulationPieces gpkg = readPopulationGrid(dir.path(QStringLiteral("c.gpkg")));
    CHECK(gpkg.imputed > 0);
    const std::vector<double> fromGpkg = resampleOnCells(gpkg, cellFrameOf(grid));
    REQUIRE(fromCsv.size() == fromGpkg.size());
    for (std::size_t i = 0; i < fromCsv.size(); ++i) REQUIRE(fromCsv[i] == Approx(fromGpkg[i]).margin(1e-9));
}

TEST_CASE("Filosofi 1 km squares are shared over the 200 m cells they cover")
{
    test::ScratchDir dir;
    const Territory territory = twoCommunes();
    const CoverageGrid grid = CoverageGrid::build(territory, 200.0);
    const std::vector<Square> squares = squaresInside(1000, kX0, kY0, kX1, kY1, [](XY) { return 100.0; });
    REQUIRE(squares.size() >= 6);
    const QString csv = dir.path(QStringLiteral("carreaux_1km.csv"));
    writeFilosofiCsv(csv, squares, 1000);
    const PopulationPieces pieces = readPopulationGrid(csv);
    CHECK(pieces.description.contains(QStringLiteral("1 km")));
    const std::vector<double> cells = resampleOnCells(pieces, cellFrameOf(grid));
    CHECK(sumOf(cells) == Approx(100.0 * double(squares.size())).epsilon(1e-9));
    // A cell well inside a square holds a 25th of it (to the scale difference between the
    // equal-area EPSG:3035 and the conformal Lambert-93, a few parts in ten thousand).
    int fullCells = 0;
    for (double c : cells) fullCells += std::abs(c - 4.0) < 4e-3 ? 1 : 0;
    CHECK(fullCells > 0);
}

TEST_CASE("the 2010 carroyage shares a rectangle's people over its squares")
{
    test::ScratchDir dir;
    const Territory territory = twoCommunes();
    const CoverageGrid grid = CoverageGrid::build(territory, 200.0);
    const std::vector<Square> squares =
        squaresInside(200, kX0 + 500, kY0 + 500, kX0 + 1'500, kY0 + 1'500, [](XY) { return 1.0; });
    REQUIRE(squares.size() >= 4);
    // car_m.dbf and rect_m.dbf as INSEE published them in 2013: squares point to their
    // rectangle (idk); the first three squares form one rectangle of 30 people without ind_c.
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
    {
        std::unique_ptr<GDALDataset> cars(
            driver->Create(dir.path(QStringLiteral("car_m.dbf")).toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
        REQUIRE(cars);
        OGRLayer* layer = cars->CreateLayer("car_m", nullptr, wkbNone, nullptr);
        for (const char* name : {"id", "idINSPIRE", "idk"}) {
            OGRFieldDefn field(name, OFTString);
            layer->CreateField(&field);
        }
        OGRFieldDefn indC("ind_c", OFTReal), nbcar("nbcar", OFTReal);
        layer->CreateField(&indC);
        layer->CreateField(&nbcar);
        for (std::size_t i = 0; i < squares.size(); ++i) {
            OGRFeature feature(layer->GetLayerDefn());
            feature.SetField("id", QStringLiteral("N%1E%2").arg(squares[i].north).arg(squares[i].east).toUtf8().constData());
            feature.SetField("idINSPIRE", squareId(squares[i], 200).toUtf8().constData());
            feature.SetField("idk", i < 3 ? "R1" : QStringLiteral("R%1").arg(i).toUtf8().constData());
            if (i >= 3) feature.SetField("ind_c", 5.0);
            feature.SetField("nbcar", i < 3 ? 3.0 : 1.0);
            REQUIRE(layer->CreateFeature(&feature) == OGRERR_NONE);
        }
        std::unique_ptr<GDALDataset> rects(
            driver->Create(dir.path(QStringLiteral("rect_m.dbf")).toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
        OGRLayer* rectangles = rects->CreateLayer("rect_m", nullptr, wkbNone, nullptr);
        OGRFieldDefn idk("idk", OFTString), men("men", OFTReal), indR("ind_r", OFTReal), count("nbcar", OFTReal);
        for (OGRFieldDefn* field : {&idk, &men, &indR, &count}) rectangles->CreateField(field);
        for (std::size_t i = 0; i < squares.size(); ++i) {
            if (i > 0 && i < 3) continue;
            OGRFeature feature(rectangles->GetLayerDefn());
            feature.SetField("idk", i < 3 ? "R1" : QStringLiteral("R%1").arg(i).toUtf8().constData());
            feature.SetField("men", 2.0);
            feature.SetField("ind_r", i < 3 ? 30.0 : 5.0);
            feature.SetField("nbcar", i < 3 ? 3.0 : 1.0);
            REQUIRE(rectangles->CreateFeature(&feature) == OGRERR_NONE);
        }
    }
    PopulationGridOptions options;
    options.rectanglesPath = dir.path(QStringLiteral("rect_m.dbf"));
    const PopulationPieces pieces = readPopulationGrid(dir.path(QStringLiteral("car_m.dbf")), options);
    REQUIRE(pieces.quadValues.size() == squares.size());
    CHECK(pieces.quadValues[0] == 10.0);
    CHECK(pieces.quadValues[2] == 10.0);
    CHECK(pieces.quadValues[3] == 5.0);
    CHECK(pieces.imputed == 3);
    CHECK(pieces.total() == Approx(30.0 + 5.0 * double(squares.size() - 3)));
    // Without the rectangles, a square without ind_c is an error naming the file and the square.
    CHECK_THROWS_WITH(readPopulationGrid(dir.path(QStringLiteral("car_m.dbf"))),
                      Catch::Contains("car_m.dbf") && Catch::Contains("no number of people"));
}

TEST_CASE("a raster of people per pixel in another CRS goes through the same path")
{
    test::ScratchDir dir;
    const Territory territory = twoCommunes();
    const CoverageGrid grid = CoverageGrid::build(territory, 200.0);
    // WorldPop-like: WGS84, 0.001° pixels, people per pixel, -99999 where no one lives.
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    const LonLat sw = [] {
        OGRSpatialReference l93, w;
        l93.importFromEPSG(2154);
        w.importFromEPSG(4326);
        l93.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        w.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        std::unique_ptr<OGRCoordinateTransformation> t(OGRCreateCoordinateTransformation(&l93, &w));
        double x = kX0 + 1'000, y = kY0 + 1'000;
        t->Transform(1, &x, &y);
        return LonLat{x, y};
    }();
    const int width = 20, height = 20;
    const QString path = dir.path(QStringLiteral("worldpop.tif"));
    {
        GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
        std::unique_ptr<GDALDataset> raster(
            driver->Create(path.toUtf8().constData(), width, height, 1, GDT_Float32, nullptr));
        double transform[6] = {sw.lon, 0.001, 0, sw.lat + height * 0.001, 0, -0.001};
        raster->SetGeoTransform(transform);
        raster->SetSpatialRef(&wgs84);
        std::vector<float> values(std::size_t(width * height), -99999.0f);
        for (int r = 0; r < 10; ++r)
            for (int c = 0; c < width; ++c) values[std::size_t(r * width + c)] = 2.5f;
        raster->GetRasterBand(1)->SetNoDataValue(-99999.0);
        REQUIRE(raster->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, width, height, values.data(), width, height, GDT_Float32,
                                                   0, 0)
                == CE_None);
    }
    const PopulationPieces pieces = readPopulationGrid(path);
    CHECK(pieces.quads.size() == 200);
    CHECK(pieces.total() == Approx(500.0));
    CHECK(pieces.description.contains(QStringLiteral("raster")));
    // 20 pixels of 0.001° are about 1.6 km east-west and 2.2 km north-south: inside the territory.
    const std::vector<double> cells = resampleOnCells(pieces, cellFrameOf(grid));
    CHECK(sumOf(cells) == Approx(500.0).epsilon(1e-9));
    // Rows 10-19 (the south half) had no people: nothing in the cells south of the pixels' middle.
    double south = 0.0;
    for (std::size_t i = 0; i < grid.cellCount(); ++i)
        if (grid.centre(i).y < kY0 + 1'900) south += cells[i];
    CHECK(south == 0.0);
}

TEST_CASE("a point or polygon layer with a population field goes through the same path")
{
    test::ScratchDir dir;
    const Territory territory = twoCommunes();
    const CoverageGrid grid = CoverageGrid::build(territory, 200.0);
    const QString points = dir.path(QStringLiteral("points.geojson"));
    {
        QFile file(points);
        REQUIRE(file.open(QIODevice::WriteOnly));
        // Lambert-93 coordinates given in GeoJSON with an explicit CRS.
        file.write(
            QStringLiteral(
                R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::2154"}},"features":[
{"type":"Feature","properties":{"population":40},"geometry":{"type":"Point","coordinates":[%1,%2]}},
{"type":"Feature","properties":{"population":60},"geometry":{"type":"Point","coordinates":[%3,%2]}},
{"type":"Feature","properties":{"population":90},"geometry":{"type":"Polygon","coordinates":[[[%4,%5],[%6,%5],[%7,%8],[%6,%9],[%4,%9],[%4,%5]]]}}]})")
                .arg(kX0 + 150)
                .arg(kY0 + 150)
                .arg(kX0 + 4'150)
                .arg(kX0 + 1'000)
                .arg(kY0 + 1'000)
                .arg(kX0 + 1'600)
                .arg(kX0 + 1'900)
                .arg(kY0 + 1'300)
                .arg(kY0 + 1'600)
                .toUtf8());
    }
    const PopulationPieces pieces = readPopulationGrid(points);
    CHECK(pieces.points.size() == 2);
    CHECK(pieces.polygons.size() == 1);  // a pentagon: shared through OGR
    const std::vector<double> cells = resampleOnCells(pieces, cellFrameOf(grid));
    CHECK(sumOf(cells) == Approx(190.0).epsilon(1e-9));
    CHECK(cells[*grid.cellAt({kX0 + 150, kY0 + 150})] == Approx(40.0));
    const std::vector<double> sums = perCommune(grid, cells, 2);
    CHECK(sums[0] == Approx(130.0));
    CHECK(sums[1] == Approx(60.0));
}

TEST_CASE("bad population files get a one-line message naming the file and the feature or field")
{
    test::ScratchDir dir;
    const QString badId = dir.path(QStringLiteral("bad.csv"));
    {
        QFile file(badId);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("idcar_200m,i_est_200,ind\nCRS3035RES200mN2295800E4000800,0,4\nN2296000E4000600,0,2\n");
    }
    CHECK_THROWS_WITH(readPopulationGrid(badId), Catch::Contains("bad.csv") && Catch::Contains("N2296000E4000600"));
    const QString noField = dir.path(QStringLiteral("nofield.csv"));
    {
        QFile file(noField);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("x,y,habitants\n950000,6320000,4\n");
    }
    CHECK_THROWS_WITH(readPopulationGrid(noField), Catch::Contains("nofield.csv") && Catch::Contains("habitants"));
    CHECK_THROWS_WITH(readPopulationGrid(dir.path(QStringLiteral("missing.csv"))), Catch::Contains("no such file"));
}

TEST_CASE("buildings carry a commune's people in proportion to footprint area times levels, sheds left out")
{
    test::ScratchDir dir;
    const Territory territory = twoCommunes();
    const CoverageGrid grid = CoverageGrid::build(territory, 200.0);
    const PlaceLinks links = linksOnRoad(grid);
    const QString path = dir.path(QStringLiteral("buildings.gpkg"));
    {
        GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
        std::unique_ptr<GDALDataset> dataset(driver->Create(path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
        OGRSpatialReference l93;
        l93.importFromEPSG(2154);
        OGRLayer* layer = dataset->CreateLayer("buildings", &l93, wkbPoint, nullptr);
        OGRFieldDefn area("area_m2", OFTReal), levels("levels", OFTInteger), building("building", OFTString);
        layer->CreateField(&area);
        layer->CreateField(&levels);
        layer->CreateField(&building);
        const auto add = [&](double x, double y, double m2, int floors, const char* kind) {
            OGRFeature feature(layer->GetLayerDefn());
            feature.SetField("area_m2", m2);
            if (floors > 0) feature.SetField("levels", floors);
            feature.SetField("building", kind);
            OGRPoint point(x, y);
            feature.SetGeometry(&point);
            REQUIRE(layer->CreateFeature(&feature) == OGRERR_NONE);
        };
        add(kX0 + 100, kY0 + 100, 100, 1, "house");           // weight 100
        add(kX0 + 500, kY0 + 100, 100, 3, "apartments");      // weight 300
        add(kX0 + 900, kY0 + 100, 12, 1, "yes");              // shed: left out
        add(kX0 + 1'300, kY0 + 100, 2'000, 1, "industrial");  // not a dwelling
        add(kX0 + 1'700, kY0 + 100, 100, 0, "yes");           // levels unknown: 1, weight 100
        // Est has no building: it falls back to the spread.
    }
    const PopulationPieces pieces = readBuildings(path);
    CHECK(pieces.points.size() == 3);
    CHECK(pieces.skipped == 2);
    CHECK(pieces.description.contains(QStringLiteral("20 m²")));

    PopulationPlacementOptions options;
    options.method = PopulationMethod::Buildings;
    options.input = {.method = PopulationMethod::Buildings, .path = path};
    options.cacheDirectory = dir.path(QStringLiteral("cache"));
    const PopulationPlacement placement = PopulationPlacement::build(territory, grid, links, options);
    CHECK(placement.peopleOnCell(*grid.cellAt({kX0 + 100, kY0 + 100})) == Approx(240.0));
    CHECK(placement.peopleOnCell(*grid.cellAt({kX0 + 500, kY0 + 100})) == Approx(720.0));
    CHECK(placement.peopleOnCell(*grid.cellAt({kX0 + 900, kY0 + 100})) == 0.0);
    CHECK(placement.peopleOnCell(*grid.cellAt({kX0 + 1'700, kY0 + 100})) == Approx(240.0));
    CHECK(placement.communesFallenBack() == 1);
    const std::vector<double> sums = perCommune(grid, placement.people(), 2);
    CHECK(sums[0] == Approx(1200.0).margin(1e-6));
    CHECK(sums[1] == Approx(300.0).margin(1e-6));
    CHECK(placement.peopleOnCell(*grid.cellAt({kX1 - 100, kY1 - 100})) == Approx(300.0 / grid.cellsPerCommune()[1]));
}

TEST_CASE("buildings drawn as polygons in another CRS are measured and placed in Lambert-93, points with them")
{
    test::ScratchDir dir;
    // Near the two communes, in EPSG:3035 (INSEE's grid CRS): metres, east then north.
    constexpr double kE0 = 4'008'400.0, kN0 = 2'322'000.0;
    OGRSpatialReference laea, l93;
    laea.importFromEPSG(3035);
    l93.importFromEPSG(2154);
    laea.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    l93.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    const std::unique_ptr<OGRCoordinateTransformation> toL93(OGRCreateCoordinateTransformation(&laea, &l93));
    REQUIRE(toL93);
    const auto inL93 = [&](double x, double y) {
        REQUIRE(toL93->Transform(1, &x, &y));
        return XY{x, y};
    };
    const QString path = dir.path(QStringLiteral("buildings.gpkg"));
    {
        GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
        std::unique_ptr<GDALDataset> dataset(driver->Create(path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
        OGRLayer* layer = dataset->CreateLayer("buildings", &laea, wkbUnknown, nullptr);
        OGRFieldDefn area("area_m2", OFTReal), building("building", OFTString);
        layer->CreateField(&area);
        layer->CreateField(&building);
        const auto add = [&](const OGRGeometry* geometry, double m2, const char* kind) {
            OGRFeature feature(layer->GetLayerDefn());
            if (m2 > 0) feature.SetField("area_m2", m2);
            feature.SetField("building", kind);
            if (geometry) feature.SetGeometry(geometry);
            REQUIRE(layer->CreateFeature(&feature) == OGRERR_NONE);
        };
        const auto square = [](double e, double n, double side) {
            OGRLinearRing ring;
            ring.addPoint(e, n);
            ring.addPoint(e + side, n);
            ring.addPoint(e + side, n + side);
            ring.addPoint(e, n + side);
            ring.closeRings();
            OGRPolygon polygon;
            polygon.addRing(&ring);
            return polygon;
        };
        const OGRPolygon measured = square(kE0, kN0, 20), given = square(kE0, kN0 + 500, 10),
                         shed = square(kE0 + 300, kN0, 3);
        const OGRPoint point(kE0 + 200, kN0), factory(kE0 + 100, kN0);
        add(&measured, 0, "house");        // its own area, about 400 m² in Lambert-93 too
        add(&given, 150, "house");         // the area field rather than the polygon's
        add(&point, 80, "yes");            // reprojected with the other points
        add(&shed, 0, "yes");              // 9 m²: left out
        add(&factory, 100, "industrial");  // not a dwelling
        add(nullptr, 100, "house");        // no geometry
    }
    const PopulationPieces pieces = readBuildings(path);
    REQUIRE(pieces.points.size() == 3);
    CHECK(pieces.skipped == 3);
    CHECK(pieces.pointValues[0] == Approx(400.0).epsilon(0.01));
    CHECK(pieces.pointValues[1] == 150.0);
    CHECK(pieces.pointValues[2] == 80.0);
    const XY expected[] = {inL93(kE0 + 10, kN0 + 10), inL93(kE0 + 5, kN0 + 505), inL93(kE0 + 200, kN0)};
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(pieces.points[i].x == Approx(expected[i].x).margin(0.01));
        CHECK(pieces.points[i].y == Approx(expected[i].y).margin(0.01));
    }

    // In an area: the buildings outside count as left out.
    BuildingOptions options;
    const XY southWest = inL93(kE0 - 50, kN0 - 50), northEast = inL93(kE0 + 250, kN0 + 50);
    options.area = BBox{southWest.x, southWest.y, northEast.x, northEast.y};
    const PopulationPieces inArea = readBuildings(path, options);
    REQUIRE(inArea.points.size() == 2);
    CHECK(inArea.skipped == 4);
    CHECK(inArea.pointValues[0] == Approx(400.0).epsilon(0.01));
    CHECK(inArea.pointValues[1] == 80.0);
    CHECK(inArea.points[1].x == Approx(expected[2].x).margin(0.01));

    // Lines are no buildings, and a table without geometry holds none.
    const QString lines = dir.path(QStringLiteral("lines.gpkg"));
    {
        GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
        std::unique_ptr<GDALDataset> dataset(driver->Create(lines.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
        OGRLayer* layer = dataset->CreateLayer("lines", &laea, wkbLineString, nullptr);
        OGRFeature feature(layer->GetLayerDefn());
        OGRLineString line;
        line.addPoint(kE0, kN0);
        line.addPoint(kE0 + 100, kN0);
        feature.SetGeometry(&line);
        REQUIRE(layer->CreateFeature(&feature) == OGRERR_NONE);
    }
    CHECK_THROWS_WITH(readBuildings(lines),
                      Catch::Contains("lines.gpkg, feature 1") && Catch::Contains("a Line String is not a building"));
    const QString table = dir.path(QStringLiteral("table.csv"));
    {
        QFile file(table);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("name,levels\nmairie,2\n");
    }
    CHECK_THROWS_WITH(readBuildings(table), Catch::Contains("table.csv: the building layer has no geometry"));
}

TEST_CASE("a population file is read once and then taken from the cache until it changes")
{
    test::ScratchDir dir;
    const Territory territory = twoCommunes();
    const CoverageGrid grid = CoverageGrid::build(territory, 200.0);
    const QString csv = dir.path(QStringLiteral("carreaux.csv"));
    writeFilosofiCsv(csv, squaresInside(200, kX0, kY0, kX1, kY1, [](XY) { return 3.0; }), 200);
    const PopulationInput input{.method = PopulationMethod::Grid, .path = csv};
    const QString cache = dir.path(QStringLiteral("cache"));
    const CellWeights first = cellWeightsFor(input, cellFrameOf(grid), cache);
    CHECK_FALSE(first.fromCache);
    const CellWeights second = cellWeightsFor(input, cellFrameOf(grid), cache);
    CHECK(second.fromCache);
    CHECK(second.perCell == first.perCell);
    CHECK(second.description == first.description);
    // Another grid (cell size) is another entry.
    const CoverageGrid coarse = CoverageGrid::build(territory, 500.0);
    CHECK_FALSE(cellWeightsFor(input, cellFrameOf(coarse), cache).fromCache);
    // A changed file is read again.
    writeFilosofiCsv(csv, squaresInside(200, kX0, kY0, kX1, kY1, [](XY) { return 5.0; }), 200);
    const CellWeights changed = cellWeightsFor(input, cellFrameOf(grid), cache);
    CHECK_FALSE(changed.fromCache);
    CHECK(sumOf(changed.perCell) == Approx(sumOf(first.perCell) * 5.0 / 3.0));
}

TEST_CASE("the sensitivity table tells communes beyond under every assumption from borderline ones")
{
    PopulationCoverage a, b;
    for (PopulationCoverage* p : {&a, &b}) {
        p->communes.resize(2);
        p->communes[0].insee = QStringLiteral("99001");
        p->communes[1].insee = QStringLiteral("99002");
        p->epcis.resize(1);
        p->epcis[0].code = QStringLiteral("200000001");
        p->departement.code = QStringLiteral("99");
    }
    a.communes[0].beyondSpread = 120.0;
    b.communes[0].beyondSpread = 80.0;
    a.communes[1].beyondSpread = 30.0;
    b.communes[1].beyondSpread = 0.0;
    a.epcis[0].beyondSpread = a.departement.beyondSpread = 150.0;
    b.epcis[0].beyondSpread = b.departement.beyondSpread = 80.0;
    b.departement.beyondAtTownHall = 999.0;
    PopulationSensitivity sensitivity;
    sensitivity.addColumn(QStringLiteral("grid"), QStringLiteral("grid"), a, PopulationMethod::Grid);
    sensitivity.addColumn(QStringLiteral("spread"), QStringLiteral("spread"), b, PopulationMethod::Spread);
    const std::vector<SensitivityRow> rows = sensitivity.rows();
    REQUIRE(rows.size() == 4);
    CHECK(rows[1].kind == SensitivityRow::Kind::Departement);
    CHECK(rows[1].beyond == std::vector<double>{150.0, 80.0});
    CHECK(rows[2].code == QStringLiteral("99001"));
    CHECK(rows[2].verdict() == QStringLiteral("beyond"));
    CHECK(rows[3].verdict() == QStringLiteral("borderline"));
    CHECK(sensitivity.header().contains(QStringLiteral("beyond_spread")));
    CHECK(sensitivity.tableRows()[3].last() == QStringLiteral("borderline"));
}

// ---------------------------------------------------------------------------------------
// The real 04 files.

TEST_CASE("the INSEE 200 m grid of the 04 gives every commune exactly its legal population")
{
    TerritorySources sources;
    sources.communes = {test::sharedData(QStringLiteral("04/limites-04.gpkg")), QStringLiteral("commune")};
    const Territory territory = loadTerritory(sources);
    REQUIRE(territory.communes.size() == 198);
    const QString path = test::sharedData(QStringLiteral("04/filosofi-2021-carreaux-200m-04.csv"));
    const PopulationPieces pieces = readPopulationGrid(path);
    CHECK(pieces.quads.size() == 10'610);
    CHECK(pieces.total() == Approx(146'958.5));
    const CoverageGrid grid = CoverageGrid::build(territory, 200.0);
    const std::vector<double> cells = resampleOnCells(pieces, cellFrameOf(grid));
    // Squares across the département's edge keep only their inside part: a little is lost.
    CHECK(sumOf(cells) < pieces.total());
    CHECK(sumOf(cells) > 0.98 * pieces.total());

    test::ScratchDir dir;
    PopulationPlacementOptions options;
    options.method = PopulationMethod::Grid;
    options.input = {.method = PopulationMethod::Grid, .path = path};
    options.cacheDirectory = dir.path(QStringLiteral("cache"));
    const PopulationPlacement placement = PopulationPlacement::build(territory, grid, linksOnRoad(grid), options);
    const std::vector<double> sums = perCommune(grid, placement.people(), territory.communes.size());
    for (std::size_t c = 0; c < territory.communes.size(); ++c) {
        INFO(territory.communes[c].name.toStdString());
        if (grid.cellsPerCommune()[c] > 0) CHECK(sums[c] == Approx(double(territory.communes[c].population)).margin(1e-6));
    }
    CHECK(sumOf(placement.people()) == Approx(166'077.0).margin(1e-4));
}

TEST_CASE("the OpenStreetMap buildings of the 04 place every commune's legal population")
{
    TerritorySources sources;
    sources.communes = {test::sharedData(QStringLiteral("04/limites-04.gpkg")), QStringLiteral("commune")};
    const Territory territory = loadTerritory(sources);
    const QString path = test::sharedData(QStringLiteral("04/batiments-osm-04.gpkg"));
    BuildingOptions options04;
    options04.area = territory.bbox;
    const PopulationPieces pieces = readBuildings(path, options04);
    CHECK(pieces.points.size() > 250'000);
    CHECK(pieces.points.size() < 393'596);
    const CoverageGrid grid = CoverageGrid::build(territory, 200.0);
    test::ScratchDir dir;
    PopulationPlacementOptions options;
    options.method = PopulationMethod::Buildings;
    options.input = {.method = PopulationMethod::Buildings, .path = path};
    options.cacheDirectory = dir.path(QStringLiteral("cache"));
    const PopulationPlacement placement = PopulationPlacement::build(territory, grid, linksOnRoad(grid), options);
    CHECK(sumOf(placement.people()) == Approx(166'077.0).margin(1e-4));
    // People sit on far fewer cells than the spread puts them on.
    int populated = 0;
    for (std::uint8_t p : placement.populated()) populated += p;
    CHECK(populated < int(grid.cellCount()) / 2);
}

// ---------------------------------------------------------------------------------------
// The command line.

namespace {

QString runCli(const QStringList& arguments, int* exitCode)
{
    QProcess process;
    process.start(test::cliPath(), arguments);
    process.waitForFinished(600'000);
    *exitCode = process.exitCode();
    return QString::fromUtf8(process.readAllStandardOutput()) + QString::fromUtf8(process.readAllStandardError());
}

}  // namespace

TEST_CASE("maillage coverage names the population method and writes the sensitivity table")
{
    test::ScratchDir dir;
    const QString project = dir.path(QStringLiteral("p.gpkg"));
    const auto data = [](const char* name) { return test::sharedData(QStringLiteral("04/") + QLatin1String(name)); };
    int code = -1;
    QString out = runCli({"init", "--project", project, "--communes", data("limites-04.gpkg"), "--communes-layer", "commune",
                          "--epci", data("limites-04.gpkg"), "--epci-layer", "epci", "--network", data("routes-04.geojson"),
                          "--profile", "generalised", "--population-grid", data("filosofi-2021-carreaux-200m-04.csv")},
                         &code);
    INFO(out.toStdString());
    REQUIRE(code == 0);
    CHECK(out.contains(QStringLiteral("10,610 squares")));
    CHECK(out.contains(QStringLiteral("Population method of coverages: grid")));
    for (const char* file : {"mairies-04.csv", "france-services-2024.csv"}) {
        runCli({"import", "--project", project, data(file)}, &code);
        REQUIRE(code == 0);
    }
    const QString csv = dir.path(QStringLiteral("csv"));
    out = runCli(
        {"coverage", "--project", project, "--out", dir.path(QStringLiteral("c.gpkg")), "--csv", csv, "--sensitivity"},
        &code);
    INFO(out.toStdString());
    REQUIRE(code == 0);
    CHECK(out.contains(QStringLiteral("population by the grid method")));
    // The per-EPCI table and epci.csv name the method too, not "spread".
    CHECK(out.contains(QStringLiteral("beyond (grid)")));
    CHECK_FALSE(out.contains(QStringLiteral("beyond (spread)")));
    QFile epci(csv + QStringLiteral("/epci.csv"));
    REQUIRE(epci.open(QIODevice::ReadOnly));
    CHECK(QString::fromUtf8(epci.readLine()).contains(QStringLiteral("beyond (grid)")));
    CHECK(out.contains(QStringLiteral("Sensitivity")));
    QFile table(csv + QStringLiteral("/sensitivity.csv"));
    REQUIRE(table.open(QIODevice::ReadOnly));
    const QString header = QString::fromUtf8(table.readLine());
    CHECK(
        header.startsWith(QStringLiteral("kind,code,name,population,beyond_grid,beyond_spread,beyond_town-halls,"
                                         "beyond_speeds-10,beyond_speeds+10")));
    GdalDatasetPtr result = openVectorSource(dir.path(QStringLiteral("c.gpkg")));
    OGRLayer* parameters = result->GetLayerByName("run_parameters");
    REQUIRE(parameters);
    QString method;
    for (auto& feature : *parameters)
        if (QString::fromUtf8(feature->GetFieldAsString("key")) == QStringLiteral("population_method"))
            method = QString::fromUtf8(feature->GetFieldAsString("value"));
    CHECK(method == QStringLiteral("grid"));
    CHECK(result->GetLayerByName("population_sensitivity"));

    // The buildings method needs buildings: the message says how to add them.
    out = runCli(
        {"coverage", "--project", project, "--out", dir.path(QStringLiteral("b.gpkg")), "--population", "buildings"}, &code);
    CHECK(code != 0);
    CHECK(out.contains(QStringLiteral("--buildings")));
}
