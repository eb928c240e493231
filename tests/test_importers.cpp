// Importers of accueil points: the three published files of the 04 data set, the generic
// CSV/GeoJSON/GeoPackage import, and writing a batch to the store with the territory.

#include "common/error.h"
#include "geo/crs.h"
#include "io/point_importers.h"
#include "support/test_data.h"

#include <QFile>
#include <QMap>

#include <catch2/catch.hpp>

#include <algorithm>

using namespace maillage;

namespace {

QString writeFile(const test::ScratchDir& dir, const QString& name, const QByteArray& bytes)
{
    const QString path = dir.path(name);
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    return path;
}

QMap<QString, int> countByKind(const std::vector<AccueilPoint>& points)
{
    QMap<QString, int> counts;
    for (const AccueilPoint& point : points) ++counts[point.kind];
    return counts;
}

const AccueilPoint& bySourceId(const ImportBatch& batch, const QString& id)
{
    const auto it = std::find_if(batch.points.begin(), batch.points.end(),
                                 [&](const AccueilPoint& p) { return p.sourceId == id; });
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
    const auto it = std::find_if(batch.issues.begin(), batch.issues.end(), [&](const ImportIssue& i) { return i.line == line; });
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
                                   "04004,Allemagne-en-Provence,541,,6.007\n"        // 3 missing latitude
                                   "04005,Allons,147,123,6.597\n"                    // 4 latitude out of range
                                   "04006,\"Allos\nhaut\",745,44.240,six\n"          // 5-6 unparsable longitude
                                   "04007,Angles,79,43.948,6.568\n"                  // 7 good
                                   "04008,Annot,1085,43.965;6.668\n"                 // 8 too few fields
                                   "04007,Angles bis,79,43.948,6.568\n");            // 9 repeated id
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
    CHECK(bySourceId(batch, QStringLiteral("3097")).kind == QStringLiteral("france_services_itinerant"));  // bus of CC Alpes Provence Verdon
    CHECK(bySourceId(batch, QStringLiteral("620")).kind == QStringLiteral("france_services_antenne"));   // Aspres-sur-Buëch
    CHECK(bySourceId(batch, QStringLiteral("576")).kind == QStringLiteral("france_services"));           // Embrun, Multisites
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
    CHECK(die.openingHours == QStringLiteral("lun 09:00-12:30, 13:30-17:00; mar,mer 09:00-12:30; "
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
    CHECK(bySourceId(batch, QStringLiteral("589")).notes.contains(QStringLiteral("Le bus dessert la quasi-totalité des communes")));
}

TEST_CASE("unreadable France services hours are reported but the point is imported without hours")
{
    test::ScratchDir dir;
    const QByteArray header = "id_fs,lib_fs,adresse,complement_adresse,insee_com,code_postal,lib_com,latitude,longitude,"
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
    const QString path = writeFile(dir, QStringLiteral("fs-no-mardi.csv"),
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
