// Third-level and social places from real lists: the 04 operators list and DILA's
// "Annuaire de l'administration" exports.
#include <catch2/catch.hpp>

#include "common/error.h"
#include "importers/point_format.h"
#include "importers/point_importers.h"
#include "store/kinds.h"
#include "store/store.h"
#include "support/test_data.h"

#include <QFile>
#include <QMap>

using namespace maillage;

namespace {

QMap<QString, int> countByKind(const std::vector<AccueilPoint>& points)
{
    QMap<QString, int> counts;
    for (const AccueilPoint& p : points) ++counts[p.kind];
    return counts;
}

const AccueilPoint& bySourceId(const ImportBatch& batch, const QString& id)
{
    for (const AccueilPoint& p : batch.points)
        if (p.sourceId == id) return p;
    FAIL("no point " << id.toStdString());
    throw;
}

// An export of api-lannuaire.service-public.fr (dataset api-lannuaire-administration, JSON
// export): a list of records whose lists (pivot, adresse, telephone…) are JSON text.
const QByteArray kAnnuaireExport = R"([
{"id": "5a1e7b9c-caf4-4c2b-9e77-0a1b2c3d4e5f", "nom": "Caisse d'allocations familiales (Caf) des Alpes-de-Haute-Provence",
 "ancien_code_pivot": "caf-04070-01", "categorie": "SL", "code_insee_commune": "04070",
 "pivot": "[{\"type_service_local\": \"caf\", \"code_insee_commune\": [\"04070\", \"04112\"]}]",
 "adresse": "[{\"type_adresse\": \"Adresse postale\", \"numero_voie\": \"CS 90001\", \"code_postal\": \"04000\", \"nom_commune\": \"Digne-les-Bains\", \"pays\": \"France\", \"longitude\": \"\", \"latitude\": \"\"}, {\"type_adresse\": \"Adresse\", \"complement1\": \"\", \"complement2\": \"\", \"numero_voie\": \"4 bis avenue du Maréchal-Leclerc\", \"service_distribution\": \"\", \"code_postal\": \"04000\", \"nom_commune\": \"Digne-les-Bains\", \"pays\": \"France\", \"continent\": \"Europe\", \"longitude\": \"6.234459\", \"latitude\": \"44.097411\", \"accessibilite\": \"ACC\", \"note_accessibilite\": \"\"}]",
 "telephone": "[{\"valeur\": \"3230\", \"description\": \"\"}]"},
{"id": "b7f0a5d2-0000-4000-8000-000000000002", "nom": "France Travail Manosque", "code_insee_commune": "04112",
 "pivot": "[{\"type_service_local\": \"pole_emploi\", \"code_insee_commune\": [\"04112\"]}]",
 "adresse": "[{\"type_adresse\": \"Adresse\", \"numero_voie\": \"Avenue Saint-Lazare\", \"code_postal\": \"04100\", \"nom_commune\": \"Manosque\", \"longitude\": \"5.7844\", \"latitude\": \"43.8318\"}]"},
{"id": "c0ffee00-0000-4000-8000-000000000003", "nom": "Service des impôts des particuliers de Digne-les-Bains", "code_insee_commune": "04070",
 "pivot": "[{\"type_service_local\": \"sip\", \"code_insee_commune\": [\"04070\"]}]",
 "adresse": "[{\"type_adresse\": \"Adresse\", \"numero_voie\": \"19 boulevard Victor-Hugo\", \"code_postal\": \"04000\", \"nom_commune\": \"Digne-les-Bains\", \"longitude\": \"6.23541\", \"latitude\": \"44.095001\"}]"},
{"id": "d0d0d0d0-0000-4000-8000-000000000004", "nom": "Sous-préfecture de Barcelonnette", "code_insee_commune": "04019",
 "pivot": "[{\"type_service_local\": \"sous_pref\", \"code_insee_commune\": [\"04019\"]}]",
 "adresse": "[{\"type_adresse\": \"Adresse\", \"numero_voie\": \"16 allée des Dames\", \"code_postal\": \"04400\", \"nom_commune\": \"Barcelonnette\", \"longitude\": \"6.655314\", \"latitude\": \"44.385112\"}]"},
{"id": "e0e0e0e0-0000-4000-8000-000000000005", "nom": "Conciliateur de justice", "code_insee_commune": "04070",
 "pivot": "[{\"type_service_local\": \"conciliateur_fr\", \"code_insee_commune\": [\"04070\"]}]",
 "adresse": "[{\"type_adresse\": \"Adresse\", \"numero_voie\": \"Palais de justice\", \"code_postal\": \"04000\", \"nom_commune\": \"Digne-les-Bains\", \"longitude\": \"6.2333\", \"latitude\": \"44.0921\"}]"},
{"id": "f0f0f0f0-0000-4000-8000-000000000006", "nom": "CPAM sans adresse géolocalisée", "code_insee_commune": "04070",
 "pivot": "[{\"type_service_local\": \"cpam\"}]",
 "adresse": "[{\"type_adresse\": \"Adresse\", \"numero_voie\": \"1 rue X\", \"code_postal\": \"04000\", \"nom_commune\": \"Digne-les-Bains\", \"longitude\": \"\", \"latitude\": \"\"}]"}
])";

}  // namespace

TEST_CASE("the 04 operators list gives 51 third-level and social places with kinds from the referential")
{
    const QString path = test::sharedData(QStringLiteral("04/operateurs-04.csv"));
    CHECK(detectPointFormat(path) == PointFormat::Operators);
    const ImportBatch batch = readOperatorsCsv(path);
    CHECK(batch.rowsRead == 51);
    CHECK(batch.issues.empty());
    REQUIRE(batch.points.size() == 51);
    const QMap<QString, int> kinds = countByKind(batch.points);
    CHECK(kinds.value(QStringLiteral("finances_publiques")) == 24);
    CHECK(kinds.value(QStringLiteral("prefecture")) == 8);
    CHECK(kinds.value(QStringLiteral("caf")) == 2);
    CHECK(kinds.value(QStringLiteral("cpam")) == 2);
    CHECK(kinds.value(QStringLiteral("france_travail")) == 2);
    // "other" rows take the kind their Annuaire identifier names.
    CHECK(kinds.value(QStringLiteral("mission_locale")) == 4);
    CHECK(kinds.value(QStringLiteral("clic")) == 3);
    CHECK(kinds.value(QStringLiteral("urssaf")) == 1);
    CHECK(kinds.value(QStringLiteral("mdph")) == 1);
    CHECK(kinds.value(QStringLiteral("cicas")) == 1);
    CHECK_FALSE(kinds.contains(QStringLiteral("other")));
    int third = 0;
    for (const AccueilPoint& p : batch.points) third += p.level == Level::Third ? 1 : 0;
    CHECK(third == 24 + 8 + 2 + 2 + 2 + 1 + 1 + 1);
    const AccueilPoint& caf = bySourceId(batch, QStringLiteral("caf-04070-01"));
    CHECK(caf.level == Level::Third);
    CHECK(caf.communeInsee == QStringLiteral("04070"));
    CHECK(caf.wgs84.lat == 44.097411);
    CHECK(caf.address.contains(QStringLiteral("Maréchal-Leclerc")));
}

TEST_CASE("an operators row of a kind no referential entry matches is reported and skipped")
{
    test::ScratchDir dir;
    const QString path = writeFile(dir, QStringLiteral("ops.csv"),
                                   "source,source_id,name,kind,insee_com,address,latitude,longitude\n"
                                   "x,caf-04070-01,CAF,caf,04070,,44.09,6.23\n"
                                   "x,notaire-04070-01,Chambre des notaires,other,04070,,44.09,6.23\n");
    const ImportBatch batch = readOperatorsCsv(path);
    CHECK(batch.points.size() == 1);
    REQUIRE(batch.issues.size() == 1);
    CHECK(batch.issues[0].line == 3);
    CHECK(batch.issues[0].message.contains(QStringLiteral("notaire")));
}

TEST_CASE("DILA's Annuaire JSON export gives points of the kinds its type codes mean")
{
    test::ScratchDir dir;
    const QString path = writeFile(dir, QStringLiteral("api-lannuaire-administration.json"), kAnnuaireExport);
    CHECK(detectPointFormat(path) == PointFormat::Annuaire);
    const ImportBatch batch = readAnnuaireJson(path);
    CHECK(batch.rowsRead == 6);
    REQUIRE(batch.points.size() == 4);
    const AccueilPoint& caf = bySourceId(batch, QStringLiteral("5a1e7b9c-caf4-4c2b-9e77-0a1b2c3d4e5f"));
    CHECK(caf.kind == QStringLiteral("caf"));
    CHECK(caf.level == Level::Third);
    // The street address with coordinates, not the postal one.
    CHECK(caf.address == QStringLiteral("4 bis avenue du Maréchal-Leclerc, 04000 Digne-les-Bains"));
    CHECK(caf.wgs84.lon == 6.234459);
    CHECK(bySourceId(batch, QStringLiteral("b7f0a5d2-0000-4000-8000-000000000002")).kind
          == QStringLiteral("france_travail"));
    CHECK(bySourceId(batch, QStringLiteral("c0ffee00-0000-4000-8000-000000000003")).kind
          == QStringLiteral("finances_publiques"));
    CHECK(bySourceId(batch, QStringLiteral("d0d0d0d0-0000-4000-8000-000000000004")).kind == QStringLiteral("prefecture"));
    REQUIRE(batch.issues.size() == 2);
    CHECK(batch.issues[0].message.contains(QStringLiteral("unknown type \"conciliateur_fr\"")));
    CHECK(batch.issues[1].message.contains(QStringLiteral("no address with coordinates")));
}

TEST_CASE("an Annuaire API answer with its results and real lists reads like the export")
{
    test::ScratchDir dir;
    const QString path = writeFile(dir, QStringLiteral("records.json"), R"({"total_count": 1, "results": [
{"id": "a1", "nom": "Mutualité sociale agricole (MSA) Alpes-Vaucluse - Digne", "code_insee_commune": "04070",
 "pivot": [{"type_service_local": "msa", "code_insee_commune": ["04070"]}],
 "adresse": [{"type_adresse": "Adresse", "numero_voie": "1 rue de la MSA", "code_postal": "04000", "nom_commune": "Digne-les-Bains", "longitude": "6.23", "latitude": "44.09"}]}]})");
    const ImportBatch batch = readAnnuaireJson(path);
    REQUIRE(batch.points.size() == 1);
    CHECK(batch.points[0].kind == QStringLiteral("msa"));
    CHECK(batch.points[0].level == Level::Third);
}

TEST_CASE("the Annuaire CSV export with its JSON text fields reads like the JSON one")
{
    test::ScratchDir dir;
    const QString path = writeFile(
        dir, QStringLiteral("api-lannuaire-administration.csv"),
        "id;nom;code_insee_commune;pivot;adresse\n"
        "c1;CCAS de Manosque;04112;\"[{\"\"type_service_local\"\": \"\"ccas\"\", \"\"code_insee_commune\"\": "
        "[\"\"04112\"\"]}]\";"
        "\"[{\"\"type_adresse\"\": \"\"Adresse\"\", \"\"numero_voie\"\": \"\"place de l'Hôtel-de-Ville\"\", "
        "\"\"code_postal\"\": \"\"04100\"\", "
        "\"\"nom_commune\"\": \"\"Manosque\"\", \"\"longitude\"\": \"\"5.782554\"\", \"\"latitude\"\": "
        "\"\"43.833824\"\"}]\"\n"
        "c2;France services de Seyne;04205;\"[{\"\"type_service_local\"\": \"\"france_services\"\"}]\";"
        "\"[{\"\"type_adresse\"\": \"\"Adresse\"\", \"\"code_postal\"\": \"\"04140\"\", \"\"nom_commune\"\": \"\"Seyne\"\", "
        "\"\"longitude\"\": \"\"6.356\"\", \"\"latitude\"\": \"\"44.35\"\"}]\"\n");
    CHECK(detectPointFormat(path) == PointFormat::Annuaire);
    const ImportBatch batch = readAnnuaireCsv(path);
    CHECK(batch.issues.empty());
    REQUIRE(batch.points.size() == 2);
    CHECK(batch.points[0].kind == QStringLiteral("ccas"));
    CHECK(batch.points[0].level == Level::Second);
    CHECK(batch.points[0].address == QStringLiteral("place de l'Hôtel-de-Ville, 04100 Manosque"));
    CHECK(batch.points[1].kind == QStringLiteral("france_services"));
}

TEST_CASE("importing the same Annuaire export again changes nothing")
{
    test::ScratchDir dir;
    const QString path = writeFile(dir, QStringLiteral("annuaire.json"), kAnnuaireExport);
    Store store = Store::create(dir.path(QStringLiteral("p.gpkg")));
    const ImportReport first = importBatch(store, readAnnuaireJson(path), nullptr);
    CHECK(first.written.inserted == 4);
    const ImportReport again = importBatch(store, readAnnuaireJson(path), nullptr);
    CHECK(again.written.inserted == 0);
    CHECK(again.written.unchanged == 4);
    CHECK(store.pointCount() == 4);
}

TEST_CASE("every Annuaire type code of the referential means one kind only")
{
    QMap<QString, QString> kindOfType;
    for (const KindInfo& kind : kindReferential())
        for (const QString& type : kind.annuaireTypes) {
            INFO(type.toStdString());
            CHECK_FALSE(kindOfType.contains(type));
            kindOfType.insert(type, kind.code);
        }
    CHECK(kindForAnnuaireType(QStringLiteral("pole_emploi"))->code == QStringLiteral("france_travail"));
    CHECK(kindForAnnuaireType(QStringLiteral("SOUS_PREF"))->code == QStringLiteral("prefecture"));
    CHECK(kindForAnnuaireType(QStringLiteral("mairie"))->code == QStringLiteral("mairie"));
    CHECK(kindForAnnuaireType(QStringLiteral("conciliateur_fr")) == nullptr);
    REQUIRE(findKind(QStringLiteral("visio")));
    CHECK(findKind(QStringLiteral("visio"))->defaultLevel == Level::Third);
}

TEST_CASE("a visio point of the operators list keeps the operators it serves, Annuaire codes turned into kinds")
{
    test::ScratchDir dir;
    const QString path = writeFile(dir, QStringLiteral("visio.csv"),
                                   "source,source_id,name,kind,insee_com,address,latitude,longitude,serves\n"
                                   "lot,v1,Point visio de Seyne,visio,04205,,44.35,6.36,caf; CPAM;pole_emploi\n"
                                   "lot,v2,Point visio de Riez,visio,04166,,43.82,6.09,caf;mairie\n"
                                   "lot,v3,Point visio sans opérateur,visio,04166,,43.82,6.09,\n"
                                   "lot,c1,CAF,caf,04070,,44.09,6.23,\n");
    CHECK(detectPointFormat(path) == PointFormat::Operators);
    const ImportBatch batch = readOperatorsCsv(path);
    REQUIRE(batch.points.size() == 2);
    const AccueilPoint& seyne = bySourceId(batch, QStringLiteral("v1"));
    CHECK(seyne.kind == QStringLiteral("visio"));
    CHECK(seyne.level == Level::Third);
    CHECK(seyne.serves == QStringList{QStringLiteral("caf"), QStringLiteral("cpam"), QStringLiteral("france_travail")});
    CHECK(bySourceId(batch, QStringLiteral("c1")).serves.isEmpty());
    REQUIRE(batch.issues.size() == 2);
    CHECK(batch.issues[0].line == 3);
    CHECK(batch.issues[0].message.contains(QStringLiteral("\"mairie\" is not a level-3 operator")));
    CHECK(batch.issues[1].line == 4);
    CHECK(batch.issues[1].message.contains(QStringLiteral("without the operators it serves")));

    // Stored and read back as they were imported; importing again changes nothing.
    Store store = Store::create(dir.path(QStringLiteral("p.gpkg")));
    CHECK(importBatch(store, batch, nullptr).written.inserted == 2);
    CHECK(store.points({.kind = QStringLiteral("visio")}).at(0).serves == seyne.serves);
    CHECK(importBatch(store, readOperatorsCsv(path), nullptr).written.unchanged == 2);
}

TEST_CASE("a generic import reads the operators a visio point serves from the column it is told")
{
    test::ScratchDir dir;
    const QString path = writeFile(dir, QStringLiteral("visio-lot.csv"),
                                   "id;nom;operateurs;latitude;longitude\n"
                                   "1;Visio-accueil de Gramat;caf,msa,carsat;44.78;1.72\n"
                                   "2;Visio-accueil de Figeac;cpam,bowling;44.61;2.03\n");
    PointMapping mapping;
    mapping.idField = QStringLiteral("id");
    mapping.nameField = QStringLiteral("nom");
    mapping.fixedKind = QStringLiteral("visio");
    mapping.servesField = QStringLiteral("operateurs");
    const ImportBatch batch = readGenericPoints(path, mapping);
    REQUIRE(batch.points.size() == 1);
    CHECK(batch.points[0].serves == QStringList{QStringLiteral("caf"), QStringLiteral("msa"), QStringLiteral("carsat")});
    REQUIRE(batch.issues.size() == 1);
    CHECK(batch.issues[0].message.contains(QStringLiteral("operateurs")));
    CHECK(batch.issues[0].message.contains(QStringLiteral("bowling")));
}
