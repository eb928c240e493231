#include <catch2/catch.hpp>

#include "common/error.h"
#include "geo/crs.h"
#include "geo/territory.h"
#include "io/ogr_source.h"
#include "io/territory_loader.h"
#include "support/test_data.h"

#include <QFile>
#include <QHash>
#include <QTextStream>

#include <gdal_utils.h>
#include <ogr_geometry.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <thread>
#include <vector>

using namespace maillage;
using maillage::test::ScratchDir;
using maillage::test::sharedData;

namespace {

QString boundaries04() { return sharedData(QStringLiteral("04/limites-04.gpkg")); }

TerritorySources sources04()
{
    TerritorySources sources;
    sources.communes = {boundaries04(), QStringLiteral("commune")};
    sources.epcis = LayerSource{boundaries04(), QStringLiteral("epci")};
    sources.outline = LayerSource{boundaries04(), QStringLiteral("departement")};
    return sources;
}

// The real 04 boundaries, loaded once for the tests that only read them.
const Territory& territory04()
{
    static const Territory territory = loadTerritory(sources04());
    return territory;
}

double areaOf(const SharedGeometry& geometry) { return geometry->toMultiPolygon()->get_Area(); }

// Copies `layer` of `source` to `destination` (format and CRS given as ogr2ogr options).
void translate(const QString& source, const QString& destination, QStringList options)
{
    GDALDatasetH input = GDALOpenEx(source.toUtf8().constData(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
    REQUIRE(input);
    std::vector<QByteArray> bytes;
    for (const QString& option : options) bytes.push_back(option.toUtf8());
    std::vector<char*> argv;
    for (QByteArray& b : bytes) argv.push_back(b.data());
    argv.push_back(nullptr);
    GDALVectorTranslateOptions* translateOptions = GDALVectorTranslateOptionsNew(argv.data(), nullptr);
    REQUIRE(translateOptions);
    int usageError = 0;
    CPLPushErrorHandler(CPLQuietErrorHandler);  // e.g. Shapefile field names shortened: expected
    GDALDatasetH output =
        GDALVectorTranslate(destination.toUtf8().constData(), nullptr, 1, &input, translateOptions, &usageError);
    CPLPopErrorHandler();
    GDALVectorTranslateOptionsFree(translateOptions);
    GDALClose(input);
    INFO("GDALVectorTranslate to " << destination.toStdString() << ": " << CPLGetLastErrorMsg());
    REQUIRE(output);
    GDALClose(output);
}

void writeText(const QString& path, const QString& text)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QTextStream(&file) << text;
}

// A GeoJSON commune in Lambert-93 whose polygon ring is `ring` ("[x,y],[x,y],...").
QString communeFeature(const QString& insee, const QString& population, const QString& siren, const QString& ring)
{
    return QStringLiteral(R"({"type":"Feature","properties":{"INSEE_COM":"%1","NOM":"Commune %1",)"
                          R"("POPULATION":%2,"SIREN_EPCI":"%3","NOM_EPCI":"EPCI %3"},)"
                          R"("geometry":{"type":"Polygon","coordinates":[[%4]]}})")
        .arg(insee, population, siren, ring);
}

// A square of side `size` metres with its lower-left corner at (x, y).
QString square(double x, double y, double size)
{
    return QStringLiteral("[%1,%2],[%3,%2],[%3,%4],[%1,%4],[%1,%2]")
        .arg(x, 0, 'f', 1)
        .arg(y, 0, 'f', 1)
        .arg(x + size, 0, 'f', 1)
        .arg(y + size, 0, 'f', 1);
}

QString lambert93Collection(const QStringList& features)
{
    return QStringLiteral(R"({"type":"FeatureCollection",)"
                          R"("crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::2154"}},)"
                          R"("features":[%1]})")
        .arg(features.join(QLatin1Char(',')));
}

// A commune layer of small squares in Lambert-93, written as GeoJSON; returns its path.
QString writeCommunes(const ScratchDir& dir, const QString& name, const QStringList& features)
{
    const QString path = dir.path(name + QStringLiteral(".geojson"));
    writeText(path, lambert93Collection(features));
    return path;
}

TerritorySources communesOnly(const QString& path)
{
    TerritorySources sources;
    sources.communes = {path, {}};
    return sources;
}

// The message of the Error that loading `sources` throws (fails the test if none).
QString loadError(const TerritorySources& sources)
{
    try {
        loadTerritory(sources);
    } catch (const Error& error) {
        return error.message();
    }
    FAIL("loading was expected to fail");
    return {};
}

// Town halls of 04 (insee, position in Lambert-93) from the shared CSV.
std::vector<std::pair<QString, XY>> townHalls04()
{
    QFile file(sharedData(QStringLiteral("04/mairies-04.csv")));
    REQUIRE(file.open(QIODevice::ReadOnly));
    QTextStream in(&file);
    const QStringList header = in.readLine().split(QLatin1Char(','));
    const auto insee = header.indexOf(QStringLiteral("insee_com"));
    const auto lat = header.indexOf(QStringLiteral("latitude"));
    const auto lon = header.indexOf(QStringLiteral("longitude"));
    std::vector<std::pair<QString, XY>> halls;
    while (!in.atEnd()) {
        const QStringList row = in.readLine().split(QLatin1Char(','));
        if (row.size() != header.size()) continue;
        halls.emplace_back(row[insee], toLambert93({row[lon].toDouble(), row[lat].toDouble()}));
    }
    return halls;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// The real 04 boundaries

TEST_CASE("the 04 boundaries load with 198 communes, 12 EPCI and 166,077 inhabitants")
{
    const Territory& territory = territory04();
    CHECK(territory.communes.size() == 198);
    CHECK(territory.epcis.size() == 12);
    CHECK(territory.population() == 166'077);
    CHECK(territory.warnings.empty());

    const Commune* digne = territory.commune(QStringLiteral("04070"));
    REQUIRE(digne);
    CHECK(digne->name == QStringLiteral("Digne-les-Bains"));
    CHECK(digne->population == 17'192);
    CHECK(digne->epciSiren == QStringLiteral("200067437"));
    for (const Commune& c : territory.communes) {
        REQUIRE(c.geometry);
        CHECK(wkbFlatten(c.geometry->getGeometryType()) == wkbMultiPolygon);
    }
    // The layer's extent, as ogrinfo reports it, in Lambert-93 metres.
    CHECK(territory.bbox.minX == Approx(899'877.8).margin(1));
    CHECK(territory.bbox.maxY == Approx(6'403'349.9).margin(1));
}

TEST_CASE("EPCI populations and commune counts come from the communes and add up to the territory")
{
    const Territory& territory = territory04();
    qint64 population = 0;
    int communes = 0;
    for (const Epci& e : territory.epcis) {
        population += e.population;
        communes += e.communeCount;
        REQUIRE(e.geometry);
    }
    CHECK(population == territory.population());
    CHECK(communes == 198);

    // The EPCI layer carries its own totals, which the loader does not read: they agree.
    GdalDatasetPtr dataset(static_cast<GDALDataset*>(
        GDALOpenEx(boundaries04().toUtf8().constData(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr)));
    REQUIRE(dataset);
    for (const OGRFeatureUniquePtr& feature : dataset->GetLayerByName("epci")) {
        const Epci* epci = territory.epci(QString::fromUtf8(feature->GetFieldAsString("CODE_SIREN")));
        REQUIRE(epci);
        CHECK(epci->name == QString::fromUtf8(feature->GetFieldAsString("NOM")));
        CHECK(epci->population == feature->GetFieldAsInteger64("POPULATION_04"));
        CHECK(epci->communeCount == feature->GetFieldAsInteger("NB_COMMUNES_04"));
    }
    const Epci* provenceAlpes = territory.epci(QStringLiteral("200067437"));
    REQUIRE(provenceAlpes);
    CHECK(provenceAlpes->communeCount == 46);
}

TEST_CASE("Digne-les-Bains town hall lies in commune 04070")
{
    const XY townHall = toLambert93({6.235, 44.094});
    const Commune* commune = territory04().communeAt(townHall);
    REQUIRE(commune);
    CHECK(commune->insee == QStringLiteral("04070"));
    CHECK(territory04().contains(townHall));
}

TEST_CASE("every town hall of 04 lies in its own commune")
{
    int inOwnCommune = 0;
    const auto halls = townHalls04();
    REQUIRE(halls.size() == 198);
    for (const auto& [insee, position] : halls) {
        const Commune* commune = territory04().communeAt(position);
        if (commune && commune->insee == insee) ++inOwnCommune;
    }
    CHECK(inOwnCommune == 198);
}

TEST_CASE("communeAt gives the same answers from several threads at once")
{
    const Territory& territory = territory04();
    const auto halls = townHalls04();
    std::vector<const Commune*> expected;
    for (const auto& hall : halls) expected.push_back(territory.communeAt(hall.second));

    std::vector<int> mismatches(4, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int round = 0; round < 50; ++round)
                for (std::size_t i = 0; i < halls.size(); ++i)
                    if (territory.communeAt(halls[i].second) != expected[i]) ++mismatches[t];
        });
    }
    for (std::thread& thread : threads) thread.join();
    CHECK(mismatches == std::vector<int>(4, 0));
}

TEST_CASE("a point in the sea or far from 04 lies in no commune")
{
    const Territory& territory = territory04();
    CHECK(territory.communeAt(toLambert93({5.30, 43.10})) == nullptr);                            // off Marseille
    CHECK(territory.communeAt(toLambert93({2.35, 48.85})) == nullptr);                            // Paris
    CHECK(territory.communeAt({territory.bbox.minX + 10, territory.bbox.minY + 10}) == nullptr);  // corner of the box
    CHECK_FALSE(territory.contains(toLambert93({7.27, 43.70})));                                  // Nice, Alpes-Maritimes
}

TEST_CASE("the commune index answers exactly like testing every commune with GEOS")
{
    const Territory& territory = territory04();
    const BBox& box = territory.bbox;
    int inside = 0;
    const int steps = 60;
    for (int i = 0; i <= steps; ++i) {
        for (int j = 0; j <= steps; ++j) {
            // Odd offsets so that no sample falls exactly on a grid line of the index.
            const XY p{box.minX - 1'000 + (box.width() + 2'000) * (i + 0.37) / steps,
                       box.minY - 1'000 + (box.height() + 2'000) * (j + 0.61) / steps};
            const OGRPoint point(p.x, p.y);
            const Commune* expected = nullptr;
            for (const Commune& c : territory.communes)
                if (c.bbox.contains(p) && c.geometry->Contains(&point)) expected = &c;
            const Commune* found = territory.communeAt(p);
            if (found) ++inside;
            INFO("x " << p.x << ", y " << p.y);
            CHECK(found == expected);
        }
    }
    CHECK(inside > 1'000);  // the samples do cover the territory
}

TEST_CASE("a point in an enclave belongs to the enclave, not to the commune around it")
{
    ScratchDir dir;
    const double x = 950'000, y = 6'330'000;
    // 04001 is a 3 km square with a 1 km hole in it; 04002 fills the hole.
    const QString ring = square(x, y, 3'000) + QStringLiteral("],[") + square(x + 1'100, y + 1'100, 1'000);
    const QString path = writeCommunes(
        dir, QStringLiteral("enclave"),
        {communeFeature(QStringLiteral("04001"), QStringLiteral("100"), {}, ring),
         communeFeature(QStringLiteral("04002"), QStringLiteral("10"), {}, square(x + 1'100, y + 1'100, 1'000))});
    const Territory territory = loadTerritory(communesOnly(path));
    CHECK(territory.warnings.empty());
    REQUIRE(territory.communeAt({x + 1'600, y + 1'600}));
    CHECK(territory.communeAt({x + 1'600, y + 1'600})->insee == QStringLiteral("04002"));
    REQUIRE(territory.communeAt({x + 1'120, y + 1'120}));  // just inside the hole's corner
    CHECK(territory.communeAt({x + 1'120, y + 1'120})->insee == QStringLiteral("04002"));
    REQUIRE(territory.communeAt({x + 500, y + 1'500}));
    CHECK(territory.communeAt({x + 500, y + 1'500})->insee == QStringLiteral("04001"));
    CHECK(territory.communeAt({x - 500, y + 1'500}) == nullptr);
    CHECK(areaOf(territory.outline) == Approx(9e6));  // the union has no hole left

    // The same answers without the index, e.g. for a territory assembled by hand.
    Territory byHand;
    byHand.communes = territory.communes;
    CHECK(byHand.communeAt({x + 1'600, y + 1'600})->insee == QStringLiteral("04002"));
    CHECK(byHand.communeAt({x + 500, y + 1'500})->insee == QStringLiteral("04001"));
    CHECK(byHand.communeAt({x - 500, y + 1'500}) == nullptr);
}

TEST_CASE("the outline is the département layer, and without it the union of the communes")
{
    const double departementArea = areaOf(territory04().outline);
    CHECK(departementArea == Approx(6'994.2e6).epsilon(0.001));  // 6,994 km², as IGN measures it

    TerritorySources sources = sources04();
    sources.outline.reset();
    const Territory merged = loadTerritory(sources);
    REQUIRE(merged.outline);
    CHECK(wkbFlatten(merged.outline->getGeometryType()) == wkbMultiPolygon);
    CHECK(merged.outline->IsValid());
    CHECK(areaOf(merged.outline) == Approx(departementArea).epsilon(0.001));
}

TEST_CASE("without an EPCI layer the EPCI are built from the communes' SIREN_EPCI and NOM_EPCI")
{
    TerritorySources sources = sources04();
    sources.epcis.reset();
    const Territory derived = loadTerritory(sources);
    REQUIRE(derived.epcis.size() == 12);
    CHECK(derived.warnings.empty());
    for (const Epci& fromLayer : territory04().epcis) {
        const Epci* epci = derived.epci(fromLayer.siren);
        REQUIRE(epci);
        CHECK(epci->name == fromLayer.name);
        CHECK(epci->population == fromLayer.population);
        CHECK(epci->communeCount == fromLayer.communeCount);
        REQUIRE(epci->geometry);
        CHECK(areaOf(epci->geometry) == Approx(areaOf(fromLayer.geometry)).epsilon(0.001));
    }
}

TEST_CASE("with several layers and no layer name, the ADMIN EXPRESS layer names are recognised")
{
    TerritorySources sources;
    sources.communes = {boundaries04(), {}};
    sources.epcis = LayerSource{boundaries04(), {}};
    sources.outline = LayerSource{boundaries04(), {}};
    const Territory territory = loadTerritory(sources);
    CHECK(territory.communes.size() == 198);
    CHECK(territory.epcis.size() == 12);
    CHECK(areaOf(territory.outline) == Approx(areaOf(territory04().outline)));
}

// ---------------------------------------------------------------------------------------
// Other formats and CRS

TEST_CASE("the same boundaries as Shapefile in WGS84 and as GeoJSON in Web Mercator load the same")
{
    ScratchDir dir;
    const QString layers[] = {QStringLiteral("commune"), QStringLiteral("epci"), QStringLiteral("departement")};
    for (const QString& layer : layers) {
        translate(boundaries04(), dir.path(layer + QStringLiteral(".shp")),
                  {QStringLiteral("-f"), QStringLiteral("ESRI Shapefile"), QStringLiteral("-t_srs"),
                   QStringLiteral("EPSG:4326"), layer});
        translate(
            boundaries04(), dir.path(layer + QStringLiteral(".geojson")),
            {QStringLiteral("-f"), QStringLiteral("GeoJSON"), QStringLiteral("-t_srs"), QStringLiteral("EPSG:3857"), layer});
    }
    const Territory& reference = territory04();

    for (const QString& extension : {QStringLiteral(".shp"), QStringLiteral(".geojson")}) {
        {
            INFO("format " << extension.toStdString());
            TerritorySources sources;
            sources.communes = {dir.path(QStringLiteral("commune") + extension), {}};
            sources.epcis = LayerSource{dir.path(QStringLiteral("epci") + extension), {}};
            sources.outline = LayerSource{dir.path(QStringLiteral("departement") + extension), {}};
            const Territory territory = loadTerritory(sources);

            CHECK(territory.communes.size() == reference.communes.size());
            CHECK(territory.epcis.size() == reference.epcis.size());
            CHECK(territory.population() == reference.population());
            CHECK(territory.warnings.empty());
            for (const Commune& expected : reference.communes) {
                const Commune* commune = territory.commune(expected.insee);
                REQUIRE(commune);
                CHECK(commune->name == expected.name);
                CHECK(commune->epciSiren == expected.epciSiren);
                CHECK(areaOf(commune->geometry) == Approx(areaOf(expected.geometry)).epsilon(0.001));
            }
            for (const Epci& expected : reference.epcis) {
                const Epci* epci = territory.epci(expected.siren);
                REQUIRE(epci);
                CHECK(epci->population == expected.population);
                CHECK(areaOf(epci->geometry) == Approx(areaOf(expected.geometry)).epsilon(0.001));
            }
            CHECK(areaOf(territory.outline) == Approx(areaOf(reference.outline)).epsilon(0.001));
            const Commune* digne = territory.communeAt(toLambert93({6.235, 44.094}));
            REQUIRE(digne);
            CHECK(digne->insee == QStringLiteral("04070"));
        }
    }
}

TEST_CASE("field names can be mapped to another source's columns")
{
    ScratchDir dir;
    const QString path = dir.path(QStringLiteral("communes.gpkg"));
    translate(boundaries04(), path,
              {QStringLiteral("-f"), QStringLiteral("GPKG"), QStringLiteral("-sql"),
               QStringLiteral("SELECT geom, INSEE_COM AS code, NOM AS libelle, POPULATION AS pmun, "
                              "SIREN_EPCI AS epci FROM commune")});
    TerritorySources sources = communesOnly(path);
    sources.communeFields = {QStringLiteral("code"), QStringLiteral("libelle"), QStringLiteral("pmun"),
                             QStringLiteral("epci"), QStringLiteral("no such column")};
    const Territory territory = loadTerritory(sources);
    CHECK(territory.population() == 166'077);
    CHECK(territory.epcis.size() == 12);
    REQUIRE(territory.commune(QStringLiteral("04070")));
    CHECK(territory.commune(QStringLiteral("04070"))->name == QStringLiteral("Digne-les-Bains"));
}

// ---------------------------------------------------------------------------------------
// Bad input

TEST_CASE("a missing file is an error naming it")
{
    const QString path = QStringLiteral("/nonexistent/folder/communes.gpkg");
    const QString message = loadError(communesOnly(path));
    CHECK(message.contains(path));
}

TEST_CASE("a file that is not GIS data is an error naming it")
{
    ScratchDir dir;
    const QString path = dir.path(QStringLiteral("communes.gpkg"));
    writeText(path, QStringLiteral("this is a shopping list, not boundaries\n"));
    const QString message = loadError(communesOnly(path));
    CHECK(message.contains(path));
    CHECK(message.contains(QStringLiteral("cannot open")));
}

TEST_CASE("a layer without CRS is an error naming the file and the layer")
{
    ScratchDir dir;
    const QString path = dir.path(QStringLiteral("commune.shp"));
    translate(boundaries04(), path, {QStringLiteral("-f"), QStringLiteral("ESRI Shapefile"), QStringLiteral("commune")});
    REQUIRE(QFile::remove(dir.path(QStringLiteral("commune.prj"))));
    const QString message = loadError(communesOnly(path));
    CHECK(message.contains(path));
    CHECK(message.contains(QStringLiteral("layer commune")));
    CHECK(message.contains(QStringLiteral("coordinate reference system")));
}

TEST_CASE("a missing field is an error naming the field, the layer and the file")
{
    TerritorySources sources = sources04();
    sources.communeFields.population = QStringLiteral("HABITANTS");
    const QString message = loadError(sources);
    CHECK(message.contains(QStringLiteral("HABITANTS")));
    CHECK(message.contains(QStringLiteral("layer commune")));
    CHECK(message.contains(boundaries04()));

    TerritorySources epciSources = sources04();
    epciSources.epciFields.siren = QStringLiteral("SIREN");
    const QString epciMessage = loadError(epciSources);
    CHECK(epciMessage.contains(QStringLiteral("\"SIREN\"")));
    CHECK(epciMessage.contains(QStringLiteral("layer epci")));
}

TEST_CASE("an empty layer is an error naming the file and the layer")
{
    ScratchDir dir;
    const QString path = dir.path(QStringLiteral("empty.gpkg"));
    translate(boundaries04(), path,
              {QStringLiteral("-f"), QStringLiteral("GPKG"), QStringLiteral("-where"), QStringLiteral("1 = 0"),
               QStringLiteral("-nln"), QStringLiteral("commune"), QStringLiteral("commune")});
    const QString message = loadError(communesOnly(path));
    CHECK(message.contains(path));
    CHECK(message.contains(QStringLiteral("layer commune")));
    CHECK(message.contains(QStringLiteral("empty")));
}

TEST_CASE("an unknown layer name is an error listing the layers that exist")
{
    TerritorySources sources = sources04();
    sources.communes.layer = QStringLiteral("communes_2024");
    const QString message = loadError(sources);
    CHECK(message.contains(QStringLiteral("communes_2024")));
    CHECK(message.contains(QStringLiteral("commune, epci, departement")));
}

TEST_CASE("a self-intersecting (bowtie) polygon is repaired and reported naming file, layer and feature")
{
    ScratchDir dir;
    const double x = 950'000, y = 6'330'000, side = 1'000;
    const QString bowtie = QStringLiteral("[%1,%2],[%3,%4],[%3,%2],[%1,%4],[%1,%2]")
                               .arg(x, 0, 'f', 0)
                               .arg(y, 0, 'f', 0)
                               .arg(x + side, 0, 'f', 0)
                               .arg(y + side, 0, 'f', 0);
    const QString path =
        writeCommunes(dir, QStringLiteral("bowtie"),
                      {communeFeature(QStringLiteral("04901"), QStringLiteral("10"), QStringLiteral("200067437"),
                                      square(x - side, y, side)),
                       communeFeature(QStringLiteral("04902"), QStringLiteral("20"), QStringLiteral("200067437"), bowtie)});
    const Territory territory = loadTerritory(communesOnly(path));

    REQUIRE(territory.warnings.size() == 1);
    const LoadWarning& warning = territory.warnings.front();
    CHECK(warning.file == path);
    CHECK(warning.layer == QStringLiteral("bowtie"));
    CHECK(warning.feature.contains(QStringLiteral("INSEE_COM 04902")));
    CHECK(warning.message.contains(QStringLiteral("Self-intersection")));
    CHECK(warning.message.contains(QStringLiteral("MakeValid")));

    const Commune* repaired = territory.commune(QStringLiteral("04902"));
    REQUIRE(repaired);
    CHECK(repaired->geometry->IsValid());
    CHECK(areaOf(repaired->geometry) == Approx(side * side / 2));  // the two triangles of the bowtie
    // The left triangle belongs to the commune, the bottom one (between the crossing edges) does not.
    CHECK(territory.communeAt({x + 0.2 * side, y + 0.5 * side}) == repaired);
    CHECK(territory.communeAt({x + 0.5 * side, y + 0.2 * side}) == nullptr);
    CHECK(territory.population() == 30);
}

TEST_CASE("a commune without geometry is an error naming the feature")
{
    ScratchDir dir;
    const QString path =
        writeCommunes(dir, QStringLiteral("communes"),
                      {communeFeature(QStringLiteral("04001"), QStringLiteral("10"), {}, square(950'000, 6'330'000, 500)),
                       QStringLiteral(R"({"type":"Feature","properties":{"INSEE_COM":"04002","NOM":"Nowhere",)"
                                      R"("POPULATION":5,"SIREN_EPCI":"","NOM_EPCI":""},"geometry":null})")});
    const QString message = loadError(communesOnly(path));
    CHECK(message.contains(path));
    CHECK(message.contains(QStringLiteral("INSEE_COM 04002")));
    CHECK(message.contains(QStringLiteral("no geometry")));
}

TEST_CASE("a point layer is not accepted as communes")
{
    ScratchDir dir;
    const QString path =
        writeCommunes(dir, QStringLiteral("points"),
                      {QStringLiteral(R"({"type":"Feature","properties":{"INSEE_COM":"04070","NOM":"Digne","POPULATION":5,)"
                                      R"("SIREN_EPCI":""},"geometry":{"type":"Point","coordinates":[958000,6340000]}})")});
    const QString message = loadError(communesOnly(path));
    CHECK(message.contains(QStringLiteral("INSEE_COM 04070")));
    CHECK(message.contains(QStringLiteral("not a polygon")));
}

TEST_CASE("a duplicate INSEE code is an error naming both features")
{
    ScratchDir dir;
    const QString path =
        writeCommunes(dir, QStringLiteral("communes"),
                      {communeFeature(QStringLiteral("04001"), QStringLiteral("10"), {}, square(950'000, 6'330'000, 500)),
                       communeFeature(QStringLiteral("04001"), QStringLiteral("12"), {}, square(951'000, 6'330'000, 500))});
    const QString message = loadError(communesOnly(path));
    CHECK(message.contains(QStringLiteral("duplicate INSEE code 04001")));
    CHECK(message.contains(QStringLiteral("feature 0")));
    CHECK(message.contains(QStringLiteral("feature 1")));
}

TEST_CASE("a population that is not a number is an error naming the feature and the field")
{
    ScratchDir dir;
    const QString readable = writeCommunes(
        dir, QStringLiteral("spaced"),
        {communeFeature(QStringLiteral("04001"), QStringLiteral("\"1 234\""), {}, square(950'000, 6'330'000, 500))});
    CHECK(loadTerritory(communesOnly(readable)).population() == 1'234);  // French thousands separator

    const QString path = writeCommunes(
        dir, QStringLiteral("communes"),
        {communeFeature(QStringLiteral("04001"), QStringLiteral("\"12\""), {}, square(950'000, 6'330'000, 500)),
         communeFeature(QStringLiteral("04002"), QStringLiteral("\"about forty\""), {}, square(951'000, 6'330'000, 500))});
    const QString message = loadError(communesOnly(path));
    CHECK(message.contains(path));
    CHECK(message.contains(QStringLiteral("INSEE_COM 04002")));
    CHECK(message.contains(QStringLiteral("POPULATION")));
    CHECK(message.contains(QStringLiteral("about forty")));
}

TEST_CASE("communes naming an EPCI missing from the EPCI layer are reported and the EPCI built from them")
{
    ScratchDir dir;
    const QString communes = writeCommunes(dir, QStringLiteral("communes"),
                                           {communeFeature(QStringLiteral("04001"), QStringLiteral("10"),
                                                           QStringLiteral("111111111"), square(950'000, 6'330'000, 1'000)),
                                            communeFeature(QStringLiteral("04002"), QStringLiteral("20"),
                                                           QStringLiteral("222222222"), square(951'000, 6'330'000, 1'000)),
                                            communeFeature(QStringLiteral("04003"), QStringLiteral("40"),
                                                           QStringLiteral("222222222"), square(952'000, 6'330'000, 1'000))});
    const QString epcis = dir.path(QStringLiteral("epci.geojson"));
    writeText(epcis, lambert93Collection(
                         {QStringLiteral(R"({"type":"Feature","properties":{"CODE_SIREN":"111111111","NOM":"CC Un"},)"
                                         R"("geometry":{"type":"Polygon","coordinates":[[%1]]}})")
                              .arg(square(950'000, 6'330'000, 1'000))}));
    TerritorySources sources = communesOnly(communes);
    sources.epcis = LayerSource{epcis, {}};
    const Territory territory = loadTerritory(sources);

    REQUIRE(territory.epcis.size() == 2);
    const Epci* missing = territory.epci(QStringLiteral("222222222"));
    REQUIRE(missing);
    CHECK(missing->name == QStringLiteral("EPCI 222222222"));  // from NOM_EPCI
    CHECK(missing->population == 60);
    CHECK(missing->communeCount == 2);
    CHECK(areaOf(missing->geometry) == Approx(2e6));
    CHECK(territory.epci(QStringLiteral("111111111"))->population == 10);

    REQUIRE(territory.warnings.size() == 2);
    CHECK(territory.warnings[0].file == communes);
    CHECK(territory.warnings[0].feature.contains(QStringLiteral("INSEE_COM 04002")));
    CHECK(territory.warnings[0].message.contains(QStringLiteral("222222222")));
    CHECK(territory.warnings[1].feature.contains(QStringLiteral("INSEE_COM 04003")));
}
