// Importers of accueil points: the three published files of the 04 data set, the generic
// CSV/GeoJSON/GeoPackage import, and writing a batch to the store with the territory.

#include "common/error.h"
#include "geo/crs.h"
#include "geo/territory.h"
#include "importers/point_importers.h"
#include "io/territory_loader.h"
#include "store/store.h"
#include "support/test_data.h"

#include <QFile>
#include <QMap>
#include <QSet>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

using namespace maillage;

namespace {

QMap<QString, int> countByKind(const std::vector<AccueilPoint>& points)
{
    QMap<QString, int> counts;
    for (const AccueilPoint& point : points) ++counts[point.kind];
    return counts;
}

const AccueilPoint& bySourceId(const ImportBatch& batch, const QString& id)
{
    const auto it =
        std::find_if(batch.points.begin(), batch.points.end(), [&](const AccueilPoint& p) { return p.sourceId == id; });
    REQUIRE(it != batch.points.end());
    return *it;
}

std::vector<AccueilPoint> withCommunePrefix(const std::vector<AccueilPoint>& points, const QString& prefix)
{
    std::vector<AccueilPoint> kept;
    std::copy_if(points.begin(), points.end(), std::back_inserter(kept),
                 [&](const AccueilPoint& p) { return p.communeInsee.startsWith(prefix); });
    return kept;
}

// The issue reported for a line, or nullptr.
const ImportIssue* issueAt(const ImportBatch& batch, int line)
{
    const auto it =
        std::find_if(batch.issues.begin(), batch.issues.end(), [&](const ImportIssue& i) { return i.line == line; });
    return it == batch.issues.end() ? nullptr : &*it;
}

// Both coordinate pairs are filled and agree with each other through PROJ.
void checkPositionsAgree(const AccueilPoint& point)
{
    const XY expected = toLambert93(point.wgs84);
    CHECK(point.lambert93.x == Approx(expected.x).margin(0.01));
    CHECK(point.lambert93.y == Approx(expected.y).margin(0.01));
}

}  // namespace

// ---------------------------------------------------------------------------------------
// Town halls

TEST_CASE("the town-hall file gives the 198 mairies of 04, level 1, one per commune")
{
    const ImportBatch batch = readMairiesCsv(test::sharedData(QStringLiteral("04/mairies-04.csv")));
    CHECK(batch.rowsRead == 198);
    CHECK(batch.issues.empty());
    REQUIRE(batch.points.size() == 198);
    CHECK(batch.source == QStringLiteral("mairies"));
    for (const AccueilPoint& point : batch.points) {
        CHECK(point.level == Level::First);
        CHECK(point.kind == QStringLiteral("mairie"));
        CHECK(point.source == QStringLiteral("mairies"));
        CHECK(point.sourceId == point.communeInsee);
        CHECK(point.communeInsee.startsWith(QStringLiteral("04")));
    }
    CHECK(withCommunePrefix(batch.points, QStringLiteral("04")).size() == 198);

    // First row of the file: 04001,Aiglun,1413,44.051,6.145
    const AccueilPoint& aiglun = bySourceId(batch, QStringLiteral("04001"));
    CHECK(aiglun.name == QStringLiteral("Mairie d'Aiglun"));
    CHECK(aiglun.wgs84.lat == 44.051);  // kept exactly as written
    CHECK(aiglun.wgs84.lon == 6.145);
    checkPositionsAgree(aiglun);
    // Lambert-93 of a point in 04: east of 900 km, north of 6,300 km.
    CHECK(aiglun.lambert93.x > 900000);
    CHECK(aiglun.lambert93.y > 6300000);
}

TEST_CASE("town-hall names follow French elision and contraction")
{
    CHECK(mairieName(QStringLiteral("Digne-les-Bains")) == QStringLiteral("Mairie de Digne-les-Bains"));
    CHECK(mairieName(QStringLiteral("Aiglun")) == QStringLiteral("Mairie d'Aiglun"));
    CHECK(mairieName(QStringLiteral("Ubaye-Serre-Ponçon")) == QStringLiteral("Mairie d'Ubaye-Serre-Ponçon"));
    CHECK(mairieName(QStringLiteral("Le Brusquet")) == QStringLiteral("Mairie du Brusquet"));
    CHECK(mairieName(QStringLiteral("Les Mées")) == QStringLiteral("Mairie des Mées"));
    CHECK(mairieName(QStringLiteral("La Javie")) == QStringLiteral("Mairie de La Javie"));
    CHECK(mairieName(QStringLiteral("L'Escale")) == QStringLiteral("Mairie de L'Escale"));
    CHECK(mairieName(QStringLiteral("Hautes-Duyes")) == QStringLiteral("Mairie de Hautes-Duyes"));
}

TEST_CASE("bad town-hall rows are reported with their line number and skipped, good rows kept")
{
    test::ScratchDir dir;
    const QString path = writeFile(dir, QStringLiteral("mairies-bad.csv"),
                                   "insee_com,nom,population,latitude,longitude\n"  // 1
                                   "04001,Aiglun,1413,44.051,6.145\n"               // 2 good
                                   "04004,Allemagne-en-Provence,541,,6.007\n"       // 3 missing latitude
                                   "04005,Allons,147,123,6.597\n"                   // 4 latitude out of range
                                   "04006,\"Allos\nhaut\",745,44.240,six\n"         // 5-6 unparsable longitude
                                   "04007,Angles,79,43.948,6.568\n"                 // 7 good
                                   "04008,Annot,1085,43.965;6.668\n"                // 8 too few fields
                                   "04007,Angles bis,79,43.948,6.568\n");           // 9 repeated id
    const ImportBatch batch = readMairiesCsv(path);
    CHECK(batch.rowsRead == 7);  // records, not lines: row 5 spans two lines
    REQUIRE(batch.points.size() == 2);
    CHECK(batch.points[0].sourceId == QStringLiteral("04001"));
    CHECK(batch.points[1].sourceId == QStringLiteral("04007"));
    REQUIRE(batch.issues.size() == 5);
    CHECK(batch.skippedCount() == 5);
    REQUIRE(issueAt(batch, 3));
    CHECK(issueAt(batch, 3)->message.contains(QStringLiteral("missing latitude")));
    REQUIRE(issueAt(batch, 4));
    CHECK(issueAt(batch, 4)->message.contains(QStringLiteral("latitude 123 is out of range")));
    REQUIRE(issueAt(batch, 5));
    CHECK(issueAt(batch, 5)->message.contains(QStringLiteral("longitude \"six\" is not a number")));
    REQUIRE(issueAt(batch, 8));
    CHECK(issueAt(batch, 8)->message.contains(QStringLiteral("4 fields")));
    REQUIRE(issueAt(batch, 9));
    CHECK(issueAt(batch, 9)->message.contains(QStringLiteral("already used on line 7")));
}

TEST_CASE("a town-hall file without a longitude column is an error naming the file and the column")
{
    test::ScratchDir dir;
    const QString path = writeFile(dir, QStringLiteral("mairies-no-lon.csv"),
                                   "insee_com,nom,population,latitude,lng\n04001,Aiglun,1413,44.051,6.145\n");
    try {
        readMairiesCsv(path);
        FAIL("no error");
    } catch (const Error& error) {
        CHECK(error.message().contains(path));
        CHECK(error.message().contains(QStringLiteral("missing column \"longitude\"")));
    }
}

TEST_CASE("a La Poste file lacking several columns names them all in one error")
{
    test::ScratchDir dir;
    const QString path = writeFile(dir, QStringLiteral("laposte-short.csv"),
                                   "#Identifiant_du_site;Libellé_du_site;Adresse;Code_postal;Localité;Latitude\n");
    CHECK_THROWS_WITH(readLaPosteCsv(path),
                      Catch::Contains(path.toStdString())
                          && Catch::Contains("missing columns \"Caractéristique_du_site\", \"Complément_d_adresse\", "
                                             "\"Lieu_dit\", \"Code_INSEE\", \"Longitude\""));
}

// ---------------------------------------------------------------------------------------
// France services (ANCT list of 2024-08-01)

TEST_CASE("the ANCT list gives 78 France services, 16 of them in 04 by INSEE code")
{
    const ImportBatch batch = readFranceServicesCsv(test::sharedData(QStringLiteral("04/france-services-2024.csv")));
    CHECK(batch.rowsRead == 78);
    CHECK(batch.issues.empty());  // every row, every day's hours included, is understood
    REQUIRE(batch.points.size() == 78);
    for (const AccueilPoint& point : batch.points) {
        CHECK(point.level == Level::Second);
        CHECK(point.source == QStringLiteral("anct-france-services"));
        CHECK_FALSE(point.sourceId.isEmpty());
        CHECK(point.weeklyHours.has_value());
        checkPositionsAgree(point);
    }
    CHECK(withCommunePrefix(batch.points, QStringLiteral("04")).size() == 16);

    // In the file: type_fs Antenne on 4 rows; format_fs Itinérante on 1 and Bus_équivalent on
    // 2; the other 71 (Fixe, and the 9 Multisites sites) are fixed France services.
    const QMap<QString, int> kinds = countByKind(batch.points);
    CHECK(kinds.value(QStringLiteral("france_services_antenne")) == 4);
    CHECK(kinds.value(QStringLiteral("france_services_itinerant")) == 3);
    CHECK(kinds.value(QStringLiteral("france_services")) == 71);
    CHECK(bySourceId(batch, QStringLiteral("3097")).kind
          == QStringLiteral("france_services_itinerant"));  // bus of CC Alpes Provence Verdon
    CHECK(bySourceId(batch, QStringLiteral("620")).kind == QStringLiteral("france_services_antenne"));  // Aspres-sur-Buëch
    CHECK(bySourceId(batch, QStringLiteral("576")).kind == QStringLiteral("france_services"));          // Embrun, Multisites
}

TEST_CASE("France services weekly hours are computed from the h_lundi ... h_samedi ranges")
{
    const ImportBatch batch = readFranceServicesCsv(test::sharedData(QStringLiteral("04/france-services-2024.csv")));

    // id 18, Puget-Théniers: "09:30 - 12:30 / 13:30 - 17:30" Monday to Friday, closed Saturday
    // = (3 h + 4 h) x 5 = 35 h.
    const AccueilPoint& puget = bySourceId(batch, QStringLiteral("18"));
    CHECK(puget.name == QStringLiteral("France services Puget-Théniers"));
    CHECK(puget.communeInsee == QStringLiteral("06099"));
    CHECK(puget.address == QStringLiteral("1 Avenue Miss Pell, Foyer rural Cepage, 06260 Puget-Théniers"));
    REQUIRE(puget.weeklyHours);
    CHECK(*puget.weeklyHours == Approx(35.0));
    CHECK(puget.openingHours == QStringLiteral("lun-ven 09:30-12:30, 13:30-17:30"));

    // id 155, Die: Mon and Thu "09:00 - 12:30 / 13:30 - 17:00" (7 h), Tue, Wed, Fri
    // "09:00 - 12:30" (3.5 h) = 14 + 10.5 = 24.5 h. Its comment holds commas inside quotes.
    const AccueilPoint& die = bySourceId(batch, QStringLiteral("155"));
    REQUIRE(die.weeklyHours);
    CHECK(*die.weeklyHours == Approx(24.5));
    CHECK(die.openingHours
          == QStringLiteral("lun 09:00-12:30, 13:30-17:00; mar,mer 09:00-12:30; "
                            "jeu 09:00-12:30, 13:30-17:00; ven 09:00-12:30"));
    CHECK(die.notes.contains(QStringLiteral("Châtillon en Diois, Lus la Croix Haute")));

    // id 1333, Moustiers-Sainte-Marie (04): the file repeats "09:45 - 12:00" each day.
    // Mon 2 h 15 + 1 h 45 (13:45 - 15:30) = 4 h; Tue-Fri 2 h 15 + 2 h 45 (13:45 - 16:30) = 5 h
    // each; total 24 h (not 33 h, which counting the repeated morning twice would give).
    const AccueilPoint& moustiers = bySourceId(batch, QStringLiteral("1333"));
    CHECK(moustiers.communeInsee == QStringLiteral("04135"));
    REQUIRE(moustiers.weeklyHours);
    CHECK(*moustiers.weeklyHours == Approx(24.0));

    // id 617, Vallouise antenna: "08:30 - 12:15" Monday to Saturday = 3.75 h x 6 = 22.5 h.
    REQUIRE(bySourceId(batch, QStringLiteral("617")).weeklyHours);
    CHECK(*bySourceId(batch, QStringLiteral("617")).weeklyHours == Approx(22.5));
    CHECK(bySourceId(batch, QStringLiteral("617")).openingHours == QStringLiteral("lun-sam 08:30-12:15"));

    // id 589: the comment is published with "\x20"-style escapes; the note reads decoded.
    CHECK(bySourceId(batch, QStringLiteral("589"))
              .notes.contains(QStringLiteral("Le bus dessert la quasi-totalité des communes")));
}

TEST_CASE("unreadable France services hours are reported but the point is imported without hours")
{
    test::ScratchDir dir;
    const QByteArray header =
        "id_fs,lib_fs,adresse,complement_adresse,insee_com,code_postal,lib_com,latitude,longitude,"
        "h_lundi,h_mardi,h_mercredi,h_jeudi,h_vendredi,h_samedi,type_fs,format_fs\n";
    const QString path = writeFile(dir, QStringLiteral("fs.csv"),
                                   header +
                                       "1,FS A,1 rue,,04070,04000,Digne,44.09,6.23,09:00 - 12:00,sur rendez-vous,,,,,Principal,Fixe\n"
                                       "2,FS B,2 rue,,04070,04000,Digne,44.09,6.24,09:00 - 12:00,,,,,,Principal,Navette\n");
    const ImportBatch batch = readFranceServicesCsv(path);
    REQUIRE(batch.points.size() == 2);
    CHECK_FALSE(batch.points[0].weeklyHours);
    CHECK(batch.points[0].openingHours.contains(QStringLiteral("sur rendez-vous")));
    REQUIRE(issueAt(batch, 2));
    CHECK_FALSE(issueAt(batch, 2)->skipped);
    CHECK(issueAt(batch, 2)->message.contains(QStringLiteral("h_mardi")));
    // An unknown format is imported as a fixed France services, with a warning.
    CHECK(batch.points[1].kind == QStringLiteral("france_services"));
    CHECK(batch.points[1].weeklyHours == Approx(3.0));
    REQUIRE(issueAt(batch, 3));
    CHECK(issueAt(batch, 3)->message.contains(QStringLiteral("Navette")));
    CHECK(batch.skippedCount() == 0);
}

TEST_CASE("an ANCT file without an hours column is an error naming the file and the column")
{
    test::ScratchDir dir;
    const QString path =
        writeFile(dir, QStringLiteral("fs-no-mardi.csv"),
                  "id_fs,lib_fs,adresse,complement_adresse,insee_com,code_postal,lib_com,latitude,longitude,"
                  "h_lundi,h_mercredi,h_jeudi,h_vendredi,h_samedi,type_fs,format_fs\n");
    CHECK_THROWS_WITH(readFranceServicesCsv(path),
                      Catch::Contains(path.toStdString()) && Catch::Contains("missing column \"h_mardi\""));
}

// ---------------------------------------------------------------------------------------
// La Poste

TEST_CASE("La Poste gives 459 contact points, 105 in 04 by Code_INSEE with the published kinds")
{
    const ImportBatch batch = readLaPosteCsv(test::sharedData(QStringLiteral("04/laposte-2020.csv")));
    CHECK(batch.rowsRead == 459);
    CHECK(batch.issues.empty());
    REQUIRE(batch.points.size() == 459);
    for (const AccueilPoint& point : batch.points) {
        CHECK(point.level == Level::First);
        CHECK(point.source == QStringLiteral("laposte"));
        CHECK(point.sourceId.size() == 6);
    }
    const std::vector<AccueilPoint> in04 = withCommunePrefix(batch.points, QStringLiteral("04"));
    CHECK(in04.size() == 105);
    const QMap<QString, int> kinds = countByKind(in04);
    CHECK(kinds.value(QStringLiteral("agence_postale_communale")) == 48);
    CHECK(kinds.value(QStringLiteral("bureau_poste")) == 46);
    CHECK(kinds.value(QStringLiteral("relais_poste")) == 9);
    CHECK(kinds.value(QStringLiteral("agence_postale_intercommunale")) == 2);
    CHECK(kinds.size() == 4);

    // First row: 01980A;EGUILLES BP;Bureau de Poste;;2 RUE SAINT ROCH;;;13510;EGUILLES;13032;...
    const AccueilPoint& eguilles = bySourceId(batch, QStringLiteral("01980A"));
    CHECK(eguilles.name == QStringLiteral("EGUILLES BP"));
    CHECK(eguilles.kind == QStringLiteral("bureau_poste"));
    CHECK(eguilles.communeInsee == QStringLiteral("13032"));
    CHECK(eguilles.address == QStringLiteral("2 RUE SAINT ROCH, 13510 EGUILLES"));
    CHECK(eguilles.wgs84.lat == 43.570258);
    CHECK(eguilles.wgs84.lon == 5.353385);
    checkPositionsAgree(eguilles);
}

TEST_CASE("a La Poste row of unknown kind is reported with its line and skipped")
{
    test::ScratchDir dir;
    const QString path = writeFile(
        dir, QStringLiteral("laposte.csv"),
        "#Identifiant_du_site;Libell\xC3\xA9_du_site;Caract\xC3\xA9ristique_du_site;Adresse;Compl\xC3\xA9ment_d_adresse;"
        "Lieu_dit;Code_postal;Localit\xC3\xA9;Code_INSEE;Latitude;Longitude\r\n"
        "A1;DIGNE BP;Bureau de Poste;1 RUE;;;04000;DIGNE;04070;44,0925;6,2356\r\n"
        "A2;DIGNE CASIER;Consigne automatique;1 RUE;;;04000;DIGNE;04070;44.09;6.23\r\n"
        "A3;ENTREVAUX APC;AGENCE POSTALE COMMUNALE;;;;04320;ENTREVAUX;04076;43.95;6.81\r\n");
    const ImportBatch batch = readLaPosteCsv(path);
    REQUIRE(batch.points.size() == 2);
    CHECK(batch.points[0].wgs84.lat == 44.0925);  // French decimal comma understood
    CHECK(batch.points[1].kind == QStringLiteral("agence_postale_communale"));
    REQUIRE(batch.issues.size() == 1);
    CHECK(batch.issues[0].line == 3);
    CHECK(batch.issues[0].message.contains(QStringLiteral("Consigne automatique")));
}

TEST_CASE("a La Poste file without Code_INSEE is an error naming the file and the column")
{
    test::ScratchDir dir;
    const QString path = writeFile(dir, QStringLiteral("laposte-broken.csv"),
                                   "#Identifiant_du_site;Libell\xC3\xA9_du_site;Caract\xC3\xA9ristique_du_site;Adresse;"
                                   "Compl\xC3\xA9ment_d_adresse;Lieu_dit;Code_postal;Localit\xC3\xA9;Latitude;Longitude\n");
    CHECK_THROWS_WITH(readLaPosteCsv(path),
                      Catch::Contains(path.toStdString()) && Catch::Contains("missing column \"Code_INSEE\""));
}

// ---------------------------------------------------------------------------------------
// Writing to the store with the territory

namespace {

Territory load04()
{
    TerritorySources sources;
    sources.communes = {test::sharedData(QStringLiteral("04/limites-04.gpkg")), QStringLiteral("commune")};
    return loadTerritory(sources);
}

QSet<QString> sourceIds(const std::vector<AccueilPoint>& points)
{
    QSet<QString> ids;
    for (const AccueilPoint& point : points) ids.insert(point.sourceId);
    return ids;
}

std::vector<AccueilPoint> insideTerritory(const std::vector<AccueilPoint>& points)
{
    std::vector<AccueilPoint> kept;
    std::copy_if(points.begin(), points.end(), std::back_inserter(kept),
                 [](const AccueilPoint& p) { return !p.outsideTerritory; });
    return kept;
}

std::vector<AccueilPoint> storedFrom(const Store& store, const QString& source)
{
    PointFilter filter;
    filter.source = source;
    return store.points(filter);
}

const AccueilPoint* findStored(const std::vector<AccueilPoint>& points, const QString& sourceId)
{
    const auto it =
        std::find_if(points.begin(), points.end(), [&](const AccueilPoint& p) { return p.sourceId == sourceId; });
    return it == points.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("with the real 04 boundaries, 16 of the 78 France services lie in 04 and 62 are flagged outside")
{
    const Territory territory = load04();
    test::ScratchDir dir;
    Store store = Store::create(dir.path(QStringLiteral("project.gpkg")));
    const ImportBatch read = readFranceServicesCsv(test::sharedData(QStringLiteral("04/france-services-2024.csv")));
    const ImportReport report = importBatch(store, read, &territory);

    CHECK(report.written.inserted == 78);
    CHECK(report.outsideTerritory == 62);
    CHECK(store.pointCount() == 78);
    PointFilter inside;
    inside.outsideTerritory = false;
    CHECK(store.pointCount(inside) == 16);
    // Position and the published INSEE code agree: the same 16 points, each in its own commune.
    const std::vector<AccueilPoint> located = insideTerritory(report.batch.points);
    CHECK(sourceIds(located) == sourceIds(withCommunePrefix(read.points, QStringLiteral("04"))));
    for (const AccueilPoint& point : located) CHECK(territory.communeAt(point.lambert93)->insee == point.communeInsee);
}

TEST_CASE("La Poste points in 04: 105 by Code_INSEE, the same 105 by position")
{
    // "In 04" is decided by Code_INSEE, the publisher's attribution, which the importer keeps.
    // The position gives the same set of 105; for 2 of them the (simplified) boundaries or
    // the geocoding put the point in a neighbouring 04 commune: 10600D (Code_INSEE 04209,
    // inside 04140) and 98854A (04205, inside 04203).
    const Territory territory = load04();
    test::ScratchDir dir;
    Store store = Store::create(dir.path(QStringLiteral("project.gpkg")));
    const ImportBatch read = readLaPosteCsv(test::sharedData(QStringLiteral("04/laposte-2020.csv")));
    const ImportReport report = importBatch(store, read, &territory);

    CHECK(report.written.inserted == 459);
    CHECK(report.outsideTerritory == 459 - 105);
    const std::vector<AccueilPoint> located = insideTerritory(report.batch.points);
    CHECK(located.size() == 105);
    CHECK(sourceIds(located) == sourceIds(withCommunePrefix(read.points, QStringLiteral("04"))));
    const QMap<QString, int> kinds = countByKind(located);
    CHECK(kinds.value(QStringLiteral("agence_postale_communale")) == 48);
    CHECK(kinds.value(QStringLiteral("bureau_poste")) == 46);
    CHECK(kinds.value(QStringLiteral("relais_poste")) == 9);
    CHECK(kinds.value(QStringLiteral("agence_postale_intercommunale")) == 2);

    QStringList otherCommune;
    for (const AccueilPoint& point : located)
        if (territory.communeAt(point.lambert93)->insee != point.communeInsee) otherCommune << point.sourceId;
    otherCommune.sort();
    CHECK(otherCommune == QStringList{"10600D", "98854A"});

    const std::vector<AccueilPoint> stored = storedFrom(store, QStringLiteral("laposte"));
    const AccueilPoint* relay = findStored(stored, QStringLiteral("10600D"));
    REQUIRE(relay);
    CHECK(relay->communeInsee == QStringLiteral("04209"));  // the file's code is kept
    CHECK_FALSE(relay->outsideTerritory);
}

TEST_CASE("all 198 town halls lie in their own commune of the territory")
{
    const Territory territory = load04();
    test::ScratchDir dir;
    Store store = Store::create(dir.path(QStringLiteral("project.gpkg")));
    const ImportReport report =
        importBatch(store, readMairiesCsv(test::sharedData(QStringLiteral("04/mairies-04.csv"))), &territory);
    CHECK(report.written.inserted == 198);
    CHECK(report.outsideTerritory == 0);
    for (const AccueilPoint& point : report.batch.points) {
        const Commune* commune = territory.communeAt(point.lambert93);
        REQUIRE(commune);
        CHECK(commune->insee == point.communeInsee);
    }
}

TEST_CASE("re-importing the same files adds no duplicate and leaves every point unchanged")
{
    const Territory territory = load04();
    test::ScratchDir dir;
    Store store = Store::create(dir.path(QStringLiteral("project.gpkg")));
    const QString mairies = test::sharedData(QStringLiteral("04/mairies-04.csv"));
    const QString franceServices = test::sharedData(QStringLiteral("04/france-services-2024.csv"));
    const QString laPoste = test::sharedData(QStringLiteral("04/laposte-2020.csv"));

    CHECK(importBatch(store, readMairiesCsv(mairies), &territory).written.inserted == 198);
    CHECK(importBatch(store, readFranceServicesCsv(franceServices), &territory).written.inserted == 78);
    CHECK(importBatch(store, readLaPosteCsv(laPoste), &territory).written.inserted == 459);
    const std::vector<AccueilPoint> before = store.points();
    REQUIRE(before.size() == 198 + 78 + 459);

    for (const ImportReport& again : {importBatch(store, readMairiesCsv(mairies), &territory),
                                      importBatch(store, readFranceServicesCsv(franceServices), &territory),
                                      importBatch(store, readLaPosteCsv(laPoste), &territory)}) {
        CHECK(again.written.inserted == 0);
        CHECK(again.written.updated == 0);
        CHECK(again.written.unchanged == static_cast<int>(again.batch.points.size()));
    }
    const std::vector<AccueilPoint> after = store.points();
    REQUIRE(after.size() == before.size());
    for (size_t i = 0; i < before.size(); ++i) {
        CHECK(after[i].id == before[i].id);
        CHECK(after[i].updatedAt == before[i].updatedAt);
    }
}

TEST_CASE("a bad row does not touch the stored point it names, a good row updates its own")
{
    test::ScratchDir dir;
    Store store = Store::create(dir.path(QStringLiteral("project.gpkg")));
    importBatch(store, readMairiesCsv(test::sharedData(QStringLiteral("04/mairies-04.csv"))), nullptr);
    const QString path = writeFile(dir, QStringLiteral("mairies-update.csv"),
                                   "insee_com,nom,population,latitude,longitude\n"
                                   "04001,Aiglun,1413,123,6.145\n"                   // bad: out of range
                                   "04004,Allemagne-en-Provence,541,43.79,6.01\n");  // moved
    const ImportReport report = importBatch(store, readMairiesCsv(path), nullptr);
    CHECK(report.batch.skippedCount() == 1);
    CHECK(report.written.updated == 1);
    CHECK(store.pointCount() == 198);

    const std::vector<AccueilPoint> stored = storedFrom(store, QStringLiteral("mairies"));
    REQUIRE(findStored(stored, QStringLiteral("04001")));
    CHECK(findStored(stored, QStringLiteral("04001"))->wgs84.lat == 44.051);
    REQUIRE(findStored(stored, QStringLiteral("04004")));
    CHECK(findStored(stored, QStringLiteral("04004"))->wgs84.lat == 43.79);
}

TEST_CASE("without a territory nothing is flagged outside and no commune is guessed")
{
    test::ScratchDir dir;
    Store store = Store::create(dir.path(QStringLiteral("project.gpkg")));
    const QString path =
        writeFile(dir, QStringLiteral("two.csv"), "name,longitude,latitude\nDigne,6.2356,44.0925\nParis,2.35,48.85\n");
    PointMapping mapping;
    mapping.fixedKind = QStringLiteral("ccas");
    const ImportReport report = importBatch(store, readGenericPoints(path, mapping), nullptr);
    CHECK(report.outsideTerritory == 0);
    for (const AccueilPoint& point : store.points()) {
        CHECK_FALSE(point.outsideTerritory);
        CHECK(point.communeInsee.isEmpty());
        CHECK(point.level == Level::Second);  // the default level of kind ccas
        CHECK(point.source == QStringLiteral("two.csv"));
    }
}

TEST_CASE("the territory gives the commune of a point without one and flags a point outside it")
{
    const Territory territory = load04();
    test::ScratchDir dir;
    Store store = Store::create(dir.path(QStringLiteral("project.gpkg")));
    const QString path =
        writeFile(dir, QStringLiteral("two.csv"), "name,longitude,latitude\nDigne,6.2356,44.0925\nParis,2.35,48.85\n");
    PointMapping mapping;
    mapping.fixedKind = QStringLiteral("ccas");
    const ImportReport report = importBatch(store, readGenericPoints(path, mapping), &territory);
    CHECK(report.outsideTerritory == 1);
    const std::vector<AccueilPoint> stored = store.points();
    const AccueilPoint* digne = findStored(stored, QStringLiteral("1"));  // data row 1: no id column
    const AccueilPoint* paris = findStored(stored, QStringLiteral("2"));
    REQUIRE(digne);
    REQUIRE(paris);
    CHECK(digne->communeInsee == QStringLiteral("04070"));  // Digne-les-Bains
    CHECK_FALSE(digne->outsideTerritory);
    CHECK(paris->communeInsee.isEmpty());
    CHECK(paris->outsideTerritory);
}

// ---------------------------------------------------------------------------------------
// Generic import with a column mapping

TEST_CASE("a generic CSV with bad rows: issues name the right lines, good rows are imported, the store keeps the rest")
{
    test::ScratchDir dir;
    Store store = Store::create(dir.path(QStringLiteral("project.gpkg")));
    importBatch(store, readMairiesCsv(test::sharedData(QStringLiteral("04/mairies-04.csv"))), nullptr);
    const std::vector<AccueilPoint> mairiesBefore = storedFrom(store, QStringLiteral("mairies"));

    const QString path = writeFile(dir, QStringLiteral("sites.csv"),
                                   "id;nom;niveau;type;lon;lat;insee\n"              // 1
                                   "c1;CCAS de Digne;2;ccas;6.2356;44.0925;04070\n"  // 2 good
                                   "c2;CMS de Manosque;2;cms;5.7867;;04112\n"        // 3 missing latitude
                                   "c3;CAF de Digne;3;caf;6.2356;123;04070\n"        // 4 latitude out of range
                                   "c4;Guichet;4;other;6.2;44.1;\n"                  // 5 unknown level
                                   "c5;MSA;3;msa;6.2x;44.1;\n"                       // 6 unparsable number
                                   "c6;\"Centre\nm\xC3\xA9"
                                   "dico-social\";2;Centre m\xC3\xA9"
                                   "dico-social;5.97;43.96;\n"                                // 7-8 good
                                   "c7;Boulangerie;1;boulangerie;6.0;44.0;\n"                 // 9 unknown kind
                                   "c8;CPAM;3;CPAM;6.2356;44.0925;;\n"                        // 10 one field too many
                                   "c9;France Travail;3;france_travail;5,79;43,83;04112\n");  // 11 good
    PointMapping mapping;
    mapping.idField = QStringLiteral("id");
    mapping.nameField = QStringLiteral("nom");
    mapping.levelField = QStringLiteral("niveau");
    mapping.kindField = QStringLiteral("type");
    mapping.lonField = QStringLiteral("lon");
    mapping.latField = QStringLiteral("lat");
    mapping.communeField = QStringLiteral("insee");
    mapping.source = QStringLiteral("planners");
    const ImportBatch batch = readGenericPoints(path, mapping);

    CHECK(batch.rowsRead == 9);  // records: c6 spans lines 7-8
    CHECK(sourceIds(batch.points) == QSet<QString>{"c1", "c6", "c9"});
    QMap<int, QString> issues;
    for (const ImportIssue& issue : batch.issues) issues[issue.line] = issue.message;
    CHECK(issues.keys() == QList<int>{3, 4, 5, 6, 9, 10});
    CHECK(issues[3].contains(QStringLiteral("missing lat")));
    CHECK(issues[4].contains(QStringLiteral("lat 123 is out of range")));
    CHECK(issues[5].contains(QStringLiteral("unknown level \"4\"")));
    CHECK(issues[6].contains(QStringLiteral("lon \"6.2x\" is not a number")));
    CHECK(issues[9].contains(QStringLiteral("unknown kind \"boulangerie\"")));
    CHECK(issues[10].contains(QStringLiteral("8 fields")));
    CHECK(bySourceId(batch, QStringLiteral("c6")).kind == QStringLiteral("cms"));  // French label accepted
    CHECK(bySourceId(batch, QStringLiteral("c6")).name == QStringLiteral("Centre\nmédico-social"));
    CHECK(bySourceId(batch, QStringLiteral("c9")).wgs84.lat == 43.83);  // decimal comma
    CHECK(bySourceId(batch, QStringLiteral("c1")).level == Level::Second);
    CHECK(bySourceId(batch, QStringLiteral("c1")).communeInsee == QStringLiteral("04070"));

    const ImportReport report = importBatch(store, batch, nullptr);
    CHECK(report.written.inserted == 3);
    CHECK(store.pointCount() == 198 + 3);
    const std::vector<AccueilPoint> mairiesAfter = storedFrom(store, QStringLiteral("mairies"));
    REQUIRE(mairiesAfter.size() == mairiesBefore.size());
    for (size_t i = 0; i < mairiesAfter.size(); ++i) {
        CHECK(mairiesAfter[i].name == mairiesBefore[i].name);
        CHECK(mairiesAfter[i].wgs84.lat == mairiesBefore[i].wgs84.lat);
        CHECK(mairiesAfter[i].updatedAt == mairiesBefore[i].updatedAt);
    }
}

TEST_CASE("a generic import with a missing mapped column or an unknown fixed kind is a clear error")
{
    test::ScratchDir dir;
    const QString path = writeFile(dir, QStringLiteral("sites.csv"), "nom,longitude,latitude\nA,6.2,44.1\n");
    PointMapping mapping;  // nameField defaults to "name", which this file lacks
    CHECK_THROWS_WITH(readGenericPoints(path, mapping),
                      Catch::Contains(path.toStdString()) && Catch::Contains("missing column \"name\""));
    mapping.nameField = QStringLiteral("nom");
    mapping.fixedKind = QStringLiteral("boulangerie");
    CHECK_THROWS_WITH(readGenericPoints(path, mapping), Catch::Contains("unknown kind \"boulangerie\""));
}

TEST_CASE("a generic GeoJSON import reads point features and reports the others by feature id")
{
    test::ScratchDir dir;
    const QString path = writeFile(dir, QStringLiteral("sites.geojson"), R"({"type": "FeatureCollection", "features": [
  {"type": "Feature", "id": 1, "properties": {"nom": "CCAS de Digne", "niveau": "2", "type": "ccas", "insee": "04070"},
   "geometry": {"type": "Point", "coordinates": [6.2356, 44.0925]}},
  {"type": "Feature", "id": 2, "properties": {"nom": "Guichet", "niveau": "5", "type": "ccas", "insee": null},
   "geometry": {"type": "Point", "coordinates": [6.0, 44.0]}},
  {"type": "Feature", "id": 3, "properties": {"nom": "Route", "niveau": "1", "type": "other", "insee": null},
   "geometry": {"type": "LineString", "coordinates": [[6.0, 44.0], [6.1, 44.1]]}},
  {"type": "Feature", "id": 4, "properties": {"nom": "Nulle part", "niveau": "2", "type": "cms", "insee": null},
   "geometry": null},
  {"type": "Feature", "id": 5, "properties": {"nom": "CMS de Manosque", "niveau": "2", "type": "Centre médico-social", "insee": null},
   "geometry": {"type": "Point", "coordinates": [5.7867, 43.8331]}}
]})");
    PointMapping mapping;
    mapping.nameField = QStringLiteral("nom");
    mapping.levelField = QStringLiteral("niveau");
    mapping.kindField = QStringLiteral("type");
    mapping.communeField = QStringLiteral("insee");
    const ImportBatch batch = readGenericPoints(path, mapping);

    CHECK(batch.featureIds);
    CHECK(batch.rowsRead == 5);
    CHECK(batch.source == QStringLiteral("sites.geojson"));
    REQUIRE(batch.points.size() == 2);
    const AccueilPoint& ccas = bySourceId(batch, QStringLiteral("1"));  // no id field: the FID
    CHECK(ccas.name == QStringLiteral("CCAS de Digne"));
    CHECK(ccas.kind == QStringLiteral("ccas"));
    CHECK(ccas.communeInsee == QStringLiteral("04070"));
    CHECK(ccas.wgs84.lon == 6.2356);
    CHECK(ccas.wgs84.lat == 44.0925);
    checkPositionsAgree(ccas);
    CHECK(bySourceId(batch, QStringLiteral("5")).kind == QStringLiteral("cms"));

    QMap<int, QString> issues;
    for (const ImportIssue& issue : batch.issues) issues[issue.line] = issue.message;
    CHECK(issues.keys() == QList<int>{2, 3, 4});
    CHECK(issues[2].contains(QStringLiteral("unknown level \"5\"")));
    CHECK(issues[3].contains(QStringLiteral("LINESTRING"), Qt::CaseInsensitive));
    CHECK(issues[4].contains(QStringLiteral("no geometry")));
}

namespace {

struct SiteFeature {
    QString name;
    QString code;
    int level;
    double x;
    double y;
};

// Writes a GeoPackage point layer with fields nom, code, niveau in the given CRS (0 = none).
void writeGpkgLayer(const QString& path, const char* layerName, int epsg, const std::vector<SiteFeature>& features)
{
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    REQUIRE(driver);
    const QByteArray file = path.toUtf8();
    GDALDataset* dataset = QFile::exists(path) ? static_cast<GDALDataset*>(
                               GDALOpenEx(file.constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr))
                                               : driver->Create(file.constData(), 0, 0, 0, GDT_Unknown, nullptr);
    REQUIRE(dataset);
    OGRSpatialReference srs;
    if (epsg) srs.importFromEPSG(epsg);
    OGRLayer* layer = dataset->CreateLayer(layerName, epsg ? &srs : nullptr, wkbPoint, nullptr);
    REQUIRE(layer);
    OGRFieldDefn name("nom", OFTString), code("code", OFTString), level("niveau", OFTInteger);
    REQUIRE(layer->CreateField(&name) == OGRERR_NONE);
    REQUIRE(layer->CreateField(&code) == OGRERR_NONE);
    REQUIRE(layer->CreateField(&level) == OGRERR_NONE);
    for (const SiteFeature& site : features) {
        OGRFeature feature(layer->GetLayerDefn());
        feature.SetField("nom", site.name.toUtf8().constData());
        feature.SetField("code", site.code.toUtf8().constData());
        feature.SetField("niveau", site.level);
        OGRPoint point(site.x, site.y);
        feature.SetGeometry(&point);
        REQUIRE(layer->CreateFeature(&feature) == OGRERR_NONE);
    }
    GDALClose(dataset);
}

// Web Mercator (EPSG:3857) of a WGS84 position, by its textbook formula.
XY webMercator(LonLat p)
{
    constexpr double radius = 6378137.0;
    constexpr double degree = M_PI / 180.0;
    return {radius * p.lon * degree, radius * std::log(std::tan(M_PI / 4 + p.lat * degree / 2))};
}

}  // namespace

TEST_CASE("a generic GeoPackage import reprojects any CRS and keeps Lambert-93 coordinates exactly")
{
    test::ScratchDir dir;
    const QString path = dir.path(QStringLiteral("sites.gpkg"));
    const LonLat digne{6.2356, 44.0925};
    const LonLat manosque{5.7867, 43.8331};
    const XY digneL93 = toLambert93(digne);
    writeGpkgLayer(path, "sites_l93", 2154,
                   {{QStringLiteral("Maison France services de Digne"), QStringLiteral("FS-1"), 2, digneL93.x, digneL93.y},
                    {QStringLiteral("Antenne sans niveau"), QStringLiteral("FS-2"), 7, digneL93.x + 500, digneL93.y}});
    const XY manosqueMercator = webMercator(manosque);
    writeGpkgLayer(
        path, "sites_mercator", 3857,
        {{QStringLiteral("CAF de Manosque"), QStringLiteral("CAF-1"), 3, manosqueMercator.x, manosqueMercator.y}});
    writeGpkgLayer(path, "sites_sans_crs", 0, {{QStringLiteral("X"), QStringLiteral("X-1"), 1, 0.0, 0.0}});

    PointMapping mapping;
    mapping.layer = QStringLiteral("sites_l93");
    mapping.nameField = QStringLiteral("nom");
    mapping.idField = QStringLiteral("code");
    mapping.levelField = QStringLiteral("niveau");
    mapping.fixedKind = QStringLiteral("france_services");
    const ImportBatch l93 = readGenericPoints(path, mapping);
    REQUIRE(l93.points.size() == 1);
    const AccueilPoint& fs = l93.points.front();
    CHECK(fs.sourceId == QStringLiteral("FS-1"));
    CHECK(fs.lambert93.x == digneL93.x);  // bit for bit: no round trip through WGS84
    CHECK(fs.lambert93.y == digneL93.y);
    CHECK(fs.wgs84.lon == Approx(digne.lon).margin(1e-8));
    CHECK(fs.wgs84.lat == Approx(digne.lat).margin(1e-8));
    REQUIRE(l93.issues.size() == 1);
    CHECK(l93.issues[0].line == 2);  // GeoPackage FIDs start at 1
    CHECK(l93.issues[0].message.contains(QStringLiteral("unknown level \"7\"")));

    mapping.layer = QStringLiteral("sites_mercator");
    mapping.levelField.clear();  // the kind's default level
    mapping.fixedKind = QStringLiteral("caf");
    const ImportBatch mercator = readGenericPoints(path, mapping);
    REQUIRE(mercator.points.size() == 1);
    CHECK(mercator.points[0].level == Level::Third);
    CHECK(mercator.points[0].wgs84.lon == Approx(manosque.lon).margin(1e-7));
    CHECK(mercator.points[0].wgs84.lat == Approx(manosque.lat).margin(1e-7));
    checkPositionsAgree(mercator.points[0]);

    mapping.layer = QStringLiteral("sites_sans_crs");
    CHECK_THROWS_WITH(readGenericPoints(path, mapping),
                      Catch::Contains(path.toStdString()) && Catch::Contains("no coordinate reference system"));
    mapping.layer = QStringLiteral("sites_l93");
    mapping.communeField = QStringLiteral("insee");
    CHECK_THROWS_WITH(readGenericPoints(path, mapping),
                      Catch::Contains(path.toStdString()) && Catch::Contains("sites_l93") && Catch::Contains("\"insee\""));
    mapping.layer = QStringLiteral("sites");
    CHECK_THROWS_WITH(readGenericPoints(path, mapping), Catch::Contains("no layer \"sites\""));

    // Written with the territory: the commune comes from the position.
    const Territory territory = load04();
    Store store = Store::create(dir.path(QStringLiteral("project.gpkg")));
    const ImportReport report = importBatch(store, l93, &territory);
    CHECK(report.written.inserted == 1);
    CHECK(report.batch.points[0].communeInsee == QStringLiteral("04070"));
    CHECK(store.points()[0].lambert93.x == digneL93.x);
}
