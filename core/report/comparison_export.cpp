#include "report/comparison_export.h"

#include "common/atomic_file.h"

#include "common/error.h"
#include "coverage/coverage_run.h"
#include "coverage/mem_raster.h"
#include "geo/territory.h"
#include "io/ogr_source.h"
#include "planning/comparison.h"
#include "report/geopackage_export.h"
#include "report/gpkg_layer_writer.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <array>
#include <cmath>
#include <initializer_list>

namespace maillage {

namespace {

QString trend(double gain)
{
    if (gain > 0.05) return QStringLiteral("better");
    if (gain < -0.05) return QStringLiteral("worse");
    return QStringLiteral("same");
}

void writeCommunes(GDALDataset& dataset, const QString& path, const CoverageContext& context,
                   const ScenarioComparison& comparison)
{
    LayerWriter layer(dataset, path, comparison_layers::communes, wkbMultiPolygon,
                      QStringLiteral("Comparaison par commune (%1 / %2)").arg(comparison.nameA, comparison.nameB),
                      QStringLiteral("Per commune: time from the town hall and people beyond %1 min in scenario A (%2) "
                                     "and B (%3); gains are A minus B")
                          .arg(comparison.thresholdMinutes)
                          .arg(comparison.nameA, comparison.nameB),
                      {{"insee", OFTString, "Code INSEE"},
                       {"name", OFTString, "Commune"},
                       {"epci_siren", OFTString, "SIREN de l'EPCI"},
                       {"population", OFTInteger64, "Population"},
                       {"town_hall_minutes_a", OFTReal, "Temps depuis la mairie, A (min)"},
                       {"town_hall_minutes_b", OFTReal, "Temps depuis la mairie, B (min)"},
                       {"town_hall_beyond_a", OFTInteger, "Mairie au-delà, A"},
                       {"town_hall_beyond_b", OFTInteger, "Mairie au-delà, B"},
                       {"beyond_town_hall_a", OFTReal, "Population au-delà (mairie), A"},
                       {"beyond_town_hall_b", OFTReal, "Population au-delà (mairie), B"},
                       {"beyond_spread_a", OFTReal, "Population au-delà (répartie), A"},
                       {"beyond_spread_b", OFTReal, "Population au-delà (répartie), B"},
                       {"gain_spread", OFTReal, "Personnes ramenées sous le seuil (répartie)"},
                       {"gain_town_hall", OFTReal, "Personnes ramenées sous le seuil (mairie)"},
                       {"trend", OFTString, "Évolution"}});
    const Territory& territory = context.territory();
    for (const CommuneComparison& c : comparison.communes) {
        layer.feature();
        layer.setText("insee", c.insee);
        layer.setText("name", c.name);
        layer.setText("epci_siren", c.epciSiren);
        layer.setInt("population", c.population);
        layer.setReal("town_hall_minutes_a", c.townHallMinutesA, 2);
        layer.setReal("town_hall_minutes_b", c.townHallMinutesB, 2);
        layer.setInt("town_hall_beyond_a", c.townHallBeyondA);
        layer.setInt("town_hall_beyond_b", c.townHallBeyondB);
        layer.setReal("beyond_town_hall_a", c.beyondAtTownHallA, 1);
        layer.setReal("beyond_town_hall_b", c.beyondAtTownHallB, 1);
        layer.setReal("beyond_spread_a", c.beyondSpreadA, 1);
        layer.setReal("beyond_spread_b", c.beyondSpreadB, 1);
        layer.setReal("gain_spread", c.beyondSpreadA - c.beyondSpreadB, 1);
        layer.setReal("gain_town_hall", c.beyondAtTownHallA - c.beyondAtTownHallB, 1);
        // Better or worse by either method (a town hall time that crosses the threshold shows).
        const double gain =
            std::abs(c.beyondSpreadA - c.beyondSpreadB) >= std::abs(c.beyondAtTownHallA - c.beyondAtTownHallB)
                ? c.beyondSpreadA - c.beyondSpreadB
                : c.beyondAtTownHallA - c.beyondAtTownHallB;
        layer.setText("trend", trend(gain));
        if (c.commune >= 0 && std::size_t(c.commune) < territory.communes.size())
            layer.setGeometry(asMultiPolygon(territory.communes[std::size_t(c.commune)].geometry.get()).get());
        layer.write();
    }
}

void writeEpcis(GDALDataset& dataset, const QString& path, const CoverageContext& context,
                const ScenarioComparison& comparison)
{
    LayerWriter layer(dataset, path, comparison_layers::epci, wkbMultiPolygon,
                      QStringLiteral("Comparaison par EPCI (%1 / %2)").arg(comparison.nameA, comparison.nameB),
                      QStringLiteral("Per EPCI: people and area beyond %1 min in scenario A (%2) and B (%3)")
                          .arg(comparison.thresholdMinutes)
                          .arg(comparison.nameA, comparison.nameB),
                      {{"siren", OFTString, "SIREN"},
                       {"name", OFTString, "EPCI"},
                       {"population", OFTInteger64, "Population"},
                       {"beyond_spread_a", OFTReal, "Population au-delà (répartie), A"},
                       {"beyond_spread_b", OFTReal, "Population au-delà (répartie), B"},
                       {"gain_spread", OFTReal, "Personnes ramenées sous le seuil (répartie)"},
                       {"beyond_town_hall_a", OFTReal, "Population au-delà (mairie), A"},
                       {"beyond_town_hall_b", OFTReal, "Population au-delà (mairie), B"},
                       {"gain_town_hall", OFTReal, "Personnes ramenées sous le seuil (mairie)"},
                       {"town_halls_beyond_a", OFTInteger, "Mairies au-delà, A"},
                       {"town_halls_beyond_b", OFTInteger, "Mairies au-delà, B"},
                       {"area_beyond_km2_a", OFTReal, "Surface au-delà, A (km²)"},
                       {"area_beyond_km2_b", OFTReal, "Surface au-delà, B (km²)"}});
    for (const AreaComparison& area : comparison.epcis) {
        layer.feature();
        layer.setText("siren", area.code);
        layer.setText("name", area.name);
        layer.setInt("population", area.population);
        layer.setReal("beyond_spread_a", area.a.beyondSpread, 1);
        layer.setReal("beyond_spread_b", area.b.beyondSpread, 1);
        layer.setReal("gain_spread", area.gainSpread(), 1);
        layer.setReal("beyond_town_hall_a", area.a.beyondAtTownHall, 1);
        layer.setReal("beyond_town_hall_b", area.b.beyondAtTownHall, 1);
        layer.setReal("gain_town_hall", area.gainAtTownHall(), 1);
        layer.setInt("town_halls_beyond_a", area.a.communesTownHallBeyond);
        layer.setInt("town_halls_beyond_b", area.b.communesTownHallBeyond);
        layer.setReal("area_beyond_km2_a", area.a.areaBeyondKm2, 2);
        layer.setReal("area_beyond_km2_b", area.b.areaBeyondKm2, 2);
        if (const Epci* epci = context.territory().epci(area.code))
            layer.setGeometry(asMultiPolygon(epci->geometry.get()).get());
        layer.write();
    }
}

void writeChanges(GDALDataset& dataset, const QString& path, const ScenarioComparison& comparison)
{
    LayerWriter layer(
        dataset, path, comparison_layers::changes, wkbMultiPolygon,
        QStringLiteral("Zones qui changent (%1 → %2)").arg(comparison.nameA, comparison.nameB),
        QStringLiteral("Areas that come within %1 min (covered) or go beyond it (uncovered) from scenario "
                       "%2 to %3, per commune")
            .arg(comparison.thresholdMinutes)
            .arg(comparison.nameA, comparison.nameB),
        withZonePieceFields({{"change", OFTString, "Changement"}, {"change_label", OFTString, "Changement (libellé)"}},
                            {{"people", OFTReal, "Population (répartie)"}}));
    for (const ChangeZone& zone : comparison.changes) {
        layer.feature();
        layer.setText("change", coverageChangeCode(zone.change));
        layer.setText("change_label", zone.change == CoverageChange::Covered
                                          ? QStringLiteral("Passe sous %1 min").arg(comparison.thresholdMinutes)
                                          : QStringLiteral("Passe au-delà de %1 min").arg(comparison.thresholdMinutes));
        setZonePiece(layer, zone);
        layer.setReal("people", zone.people, 1);
        layer.setGeometry(zone.geometry.get());
        layer.write();
    }
}

void writeSummary(GDALDataset& dataset, const QString& path, const ScenarioComparison& comparison)
{
    LayerWriter layer(
        dataset, path, comparison_layers::summary, wkbNone, QStringLiteral("Comparaison des scénarios"),
        QStringLiteral("The département's figures in both scenarios"),
        {{"key", OFTString, "Indicateur"}, {"a", OFTString, "A"}, {"b", OFTString, "B"}, {"change", OFTString, "B - A"}});
    const AreaComparison& d = comparison.departement;
    const auto number = [](double value, int decimals) { return QString::number(value, 'f', decimals); };
    const std::vector<std::array<QString, 4>> rows{
        {QStringLiteral("scenario"), comparison.nameA, comparison.nameB, QString()},
        {QStringLiteral("level"), QString::number(comparison.level), QString::number(comparison.level), QString()},
        {QStringLiteral("threshold_minutes"), number(comparison.thresholdMinutes, 1), number(comparison.thresholdMinutes, 1),
         QString()},
        {QStringLiteral("population"), QString::number(d.population), QString::number(d.population), QString()},
        {QStringLiteral("population_beyond_spread"), number(d.a.beyondSpread, 0), number(d.b.beyondSpread, 0),
         number(d.b.beyondSpread - d.a.beyondSpread, 0)},
        {QStringLiteral("population_beyond_town_hall"), number(d.a.beyondAtTownHall, 0), number(d.b.beyondAtTownHall, 0),
         number(d.b.beyondAtTownHall - d.a.beyondAtTownHall, 0)},
        {QStringLiteral("communes_town_hall_beyond"), QString::number(d.a.communesTownHallBeyond),
         QString::number(d.b.communesTownHallBeyond),
         QString::number(d.b.communesTownHallBeyond - d.a.communesTownHallBeyond)},
        {QStringLiteral("area_beyond_km2"), number(d.a.areaBeyondKm2, 1), number(d.b.areaBeyondKm2, 1),
         number(d.b.areaBeyondKm2 - d.a.areaBeyondKm2, 1)},
        {QStringLiteral("covered_km2"), QString(), QString(), number(comparison.coveredKm2, 1)},
        {QStringLiteral("uncovered_km2"), QString(), QString(), number(comparison.uncoveredKm2, 1)},
        {QStringLiteral("people_covered"), QString(), QString(), number(comparison.peopleCovered, 0)},
        {QStringLiteral("people_uncovered"), QString(), QString(), number(comparison.peopleUncovered, 0)},
    };
    for (const auto& row : rows) {
        layer.feature();
        layer.setText("key", row[0]);
        layer.setText("a", row[1]);
        layer.setText("b", row[2]);
        layer.setText("change", row[3]);
        layer.write();
    }
}

QString styleOf(const QString& layerName)
{
    QFile file(QStringLiteral(":/styles/%1.qml").arg(layerName));
    if (!file.open(QIODevice::ReadOnly)) return QString();
    return QString::fromUtf8(file.readAll());
}

// Adds a row per styled layer to the layer_styles table QGIS reads (created if missing).
void writeStyles(GDALDataset& dataset, const QString& path)
{
    OGRLayer* styles = dataset.GetLayerByName("layer_styles");
    if (!styles) {
        LayerWriter created(dataset, path, QStringLiteral("layer_styles"), wkbNone, QStringLiteral("layer_styles"),
                            QStringLiteral("QGIS styles of the layers of this file"),
                            {{"f_table_catalog", OFTString, ""},
                             {"f_table_schema", OFTString, ""},
                             {"f_table_name", OFTString, ""},
                             {"f_geometry_column", OFTString, ""},
                             {"styleName", OFTString, ""},
                             {"styleQML", OFTString, ""},
                             {"styleSLD", OFTString, ""},
                             {"useAsDefault", OFTInteger, ""},
                             {"description", OFTString, ""},
                             {"owner", OFTString, ""},
                             {"ui", OFTString, ""},
                             {"update_time", OFTDateTime, ""}});
        styles = dataset.GetLayerByName("layer_styles");
        if (!styles) throw Error(QStringLiteral("%1: cannot create the layer_styles table: %2").arg(path, lastGdalError()));
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QString& name : {comparison_layers::communes, comparison_layers::changes}) {
        const QString qml = styleOf(name);
        if (qml.isEmpty()) continue;
        OGRFeature feature(styles->GetLayerDefn());
        const auto set = [&](const char* field, const QString& value) {
            const int index = feature.GetFieldIndex(field);
            if (index >= 0) feature.SetField(index, value.toUtf8().constData());
        };
        set("f_table_catalog", QString());
        set("f_table_schema", QString());
        set("f_table_name", name);
        set("f_geometry_column", QStringLiteral("geom"));
        set("styleName", name);
        set("styleQML", qml);
        set("styleSLD", QString());
        set("description", QStringLiteral("Maillage %1").arg(QStringLiteral(MAILLAGE_VERSION)));
        set("owner", QString());
        if (const int index = feature.GetFieldIndex("useAsDefault"); index >= 0) feature.SetField(index, 1);
        if (const int index = feature.GetFieldIndex("update_time"); index >= 0)
            feature.SetField(index, now.date().year(), now.date().month(), now.date().day(), now.time().hour(),
                             now.time().minute(), float(now.time().second()), 100);
        if (styles->CreateFeature(&feature) != OGRERR_NONE)
            throw Error(
                QStringLiteral("%1, layer layer_styles: cannot write the style of %2: %3").arg(path, name, lastGdalError()));
    }
}

}  // namespace

void appendComparisonLayers(const QString& path, const CoverageContext& context, const ScenarioComparison& comparison)
{
    registerGdal();
    GdalDatasetPtr dataset(GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    if (!dataset) throw Error(QStringLiteral("cannot open %1 to add the comparison: %2").arg(path, lastGdalError()));
    if (dataset->StartTransaction() != OGRERR_NONE)
        throw Error(QStringLiteral("cannot write %1: %2").arg(path, lastGdalError()));
    writeCommunes(*dataset, path, context, comparison);
    writeEpcis(*dataset, path, context, comparison);
    writeChanges(*dataset, path, comparison);
    writeSummary(*dataset, path, comparison);
    writeStyles(*dataset, path);
    if (dataset->CommitTransaction() != OGRERR_NONE)
        throw Error(QStringLiteral("cannot write %1: %2").arg(path, lastGdalError()));
    CPLErrorReset();
    dataset.reset();  // a failed final write (a full disk) shows only when closing
    if (CPLGetLastErrorType() == CE_Failure) throw Error(QStringLiteral("cannot write %1: %2").arg(path, lastGdalError()));
}

void writeComparisonGeoPackage(const QString& path, const CoverageExport& bExport, const ScenarioComparison& comparison)
{
    if (!bExport.context) throw Error(QStringLiteral("nothing to export to %1: no coverage result").arg(path));
    // Written beside the target under a unique name and renamed at the end (see AtomicFile).
    AtomicFile output(path);
    writeCoverageGeoPackage(output.temporaryPath(), bExport);
    appendComparisonLayers(output.temporaryPath(), *bExport.context, comparison);
    output.commit();
}

}  // namespace maillage
