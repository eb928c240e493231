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
#include "report/qgis_layer_styles.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <array>
#include <cmath>
#include <functional>
#include <initializer_list>
#include <type_traits>

namespace maillage {

namespace {

QString trend(double gain)
{
    if (gain > 0.05) return QStringLiteral("better");
    if (gain < -0.05) return QStringLiteral("worse");
    return QStringLiteral("same");
}

// Better or worse by either method (a town hall time that crosses the threshold shows).
QString communeTrend(const CommuneComparison& c)
{
    const double gainSpread = c.beyondSpreadA - c.beyondSpreadB;
    const double gainAtTownHall = c.beyondAtTownHallA - c.beyondAtTownHallB;
    return trend(std::abs(gainSpread) >= std::abs(gainAtTownHall) ? gainSpread : gainAtTownHall);
}

// A comparison layer of areas (communes, EPCIs, the zones that change): multipolygons, with
// the scenarios' names filled in its title ("%1" and "%2": A and B) and its description ("%1"
// the threshold in minutes, "%2" and "%3" the names).
template <class Row>
RowWriter<Row> areaLayer(GDALDataset& dataset, const QString& path, const QString& name,
                         const ScenarioComparison& comparison, const QString& titlePattern,
                         const QString& descriptionPattern, std::vector<Column<Row>> columns)
{
    return RowWriter<Row>(dataset, path, name, wkbMultiPolygon, titlePattern.arg(comparison.nameA, comparison.nameB),
                          descriptionPattern.arg(comparison.thresholdMinutes).arg(comparison.nameA, comparison.nameB),
                          std::move(columns));
}

// The columns of a figure known in both scenarios: field names {"<x>_a", "<x>_b"} (literals:
// OGR keeps the pointers) and `titlePattern`'s %1 filled with "A" and "B". `value(row, inB)`
// reads the figure of one scenario. Numbers with a fraction are rounded to `decimals`;
// counts and flags are OGR integers.
template <class Row, class Value>
std::vector<Column<Row>> inBothScenarios(std::array<const char*, 2> names, const char* titlePattern, int decimals,
                                         std::function<Value(const Row&, bool inB)> value)
{
    std::vector<Column<Row>> columns;
    for (const bool inB : {false, true}) {
        const char* name = names[inB ? 1 : 0];
        const QString title = QString::fromUtf8(titlePattern).arg(inB ? QStringLiteral("B") : QStringLiteral("A"));
        const auto read = [value, inB](const Row& row) { return value(row, inB); };
        if constexpr (std::is_floating_point_v<Value>) columns.push_back(realColumn<Row>(name, title, decimals, read));
        else columns.push_back(intColumn<Row>(name, OFTInteger, title, read));
    }
    return columns;
}

// A commune's figure, held as two fields (`inA`, `inB`).
template <class Value>
std::vector<Column<CommuneComparison>> communeFigure(std::array<const char*, 2> names, const char* titlePattern,
                                                     int decimals, Value CommuneComparison::*inA,
                                                     Value CommuneComparison::*inB)
{
    return inBothScenarios<CommuneComparison, Value>(
        names, titlePattern, decimals, [inA, inB](const CommuneComparison& c, bool b) { return c.*(b ? inB : inA); });
}

// An EPCI's figure, a field of its AreaFigures in A and in B.
template <class Value>
std::vector<Column<AreaComparison>> areaFigure(std::array<const char*, 2> names, const char* titlePattern, int decimals,
                                               Value AreaFigures::*figure)
{
    return inBothScenarios<AreaComparison, Value>(
        names, titlePattern, decimals,
        [figure](const AreaComparison& area, bool b) { return (b ? area.b : area.a).*figure; });
}

void writeCommunes(GDALDataset& dataset, const QString& path, const CoverageContext& context,
                   const ScenarioComparison& comparison)
{
    using Row = CommuneComparison;
    RowWriter<Row> layer = areaLayer<Row>(
        dataset, path, comparison_layers::communes, comparison, QStringLiteral("Comparaison par commune (%1 / %2)"),
        QStringLiteral("Per commune: time from the town hall and people beyond %1 min in "
                       "scenario A (%2) and B (%3); gains are A minus B"),
        joined<Column<Row>>({
            {
                textColumn<Row>("insee", "Code INSEE", &Row::insee),
                textColumn<Row>("name", "Commune", &Row::name),
                textColumn<Row>("epci_siren", "SIREN de l'EPCI", &Row::epciSiren),
                intColumn<Row>("population", OFTInteger64, "Population", &Row::population),
            },
            communeFigure({"town_hall_minutes_a", "town_hall_minutes_b"}, "Temps depuis la mairie, %1 (min)", 2,
                          &Row::townHallMinutesA, &Row::townHallMinutesB),
            communeFigure({"town_hall_beyond_a", "town_hall_beyond_b"}, "Mairie au-delà, %1", 0, &Row::townHallBeyondA,
                          &Row::townHallBeyondB),
            communeFigure({"beyond_town_hall_a", "beyond_town_hall_b"}, "Population au-delà (mairie), %1", 1,
                          &Row::beyondAtTownHallA, &Row::beyondAtTownHallB),
            communeFigure({"beyond_spread_a", "beyond_spread_b"}, "Population au-delà (répartie), %1", 1,
                          &Row::beyondSpreadA, &Row::beyondSpreadB),
            {
                realColumn<Row>("gain_spread", "Personnes ramenées sous le seuil (répartie)", 1,
                                [](const Row& c) { return c.beyondSpreadA - c.beyondSpreadB; }),
                realColumn<Row>("gain_town_hall", "Personnes ramenées sous le seuil (mairie)", 1,
                                [](const Row& c) { return c.beyondAtTownHallA - c.beyondAtTownHallB; }),
                textColumn<Row>("trend", "Évolution", communeTrend),
            },
        }));
    const Territory& territory = context.territory();
    for (const CommuneComparison& c : comparison.communes) {
        const bool known = c.commune >= 0 && std::size_t(c.commune) < territory.communes.size();
        layer.write(c, asMultiPolygon(known ? territory.communes[std::size_t(c.commune)].geometry.get() : nullptr).get());
    }
}

void writeEpcis(GDALDataset& dataset, const QString& path, const CoverageContext& context,
                const ScenarioComparison& comparison)
{
    using Row = AreaComparison;
    RowWriter<Row> layer = areaLayer<Row>(
        dataset, path, comparison_layers::epci, comparison, QStringLiteral("Comparaison par EPCI (%1 / %2)"),
        QStringLiteral("Per EPCI: people and area beyond %1 min in scenario A (%2) and B (%3)"),
        joined<Column<Row>>({
            {
                textColumn<Row>("siren", "SIREN", &Row::code),
                textColumn<Row>("name", "EPCI", &Row::name),
                intColumn<Row>("population", OFTInteger64, "Population", &Row::population),
            },
            areaFigure({"beyond_spread_a", "beyond_spread_b"}, "Population au-delà (répartie), %1", 1,
                       &AreaFigures::beyondSpread),
            {realColumn<Row>("gain_spread", "Personnes ramenées sous le seuil (répartie)", 1, &Row::gainSpread)},
            areaFigure({"beyond_town_hall_a", "beyond_town_hall_b"}, "Population au-delà (mairie), %1", 1,
                       &AreaFigures::beyondAtTownHall),
            {realColumn<Row>("gain_town_hall", "Personnes ramenées sous le seuil (mairie)", 1, &Row::gainAtTownHall)},
            areaFigure({"town_halls_beyond_a", "town_halls_beyond_b"}, "Mairies au-delà, %1", 0,
                       &AreaFigures::communesTownHallBeyond),
            areaFigure({"area_beyond_km2_a", "area_beyond_km2_b"}, "Surface au-delà, %1 (km²)", 2,
                       &AreaFigures::areaBeyondKm2),
        }));
    for (const AreaComparison& area : comparison.epcis) {
        const Epci* epci = context.territory().epci(area.code);
        layer.write(area, asMultiPolygon(epci ? epci->geometry.get() : nullptr).get());
    }
}

void writeChanges(GDALDataset& dataset, const QString& path, const ScenarioComparison& comparison)
{
    using Row = ChangeZone;
    const double threshold = comparison.thresholdMinutes;
    RowWriter<Row> layer = areaLayer<Row>(
        dataset, path, comparison_layers::changes, comparison, QStringLiteral("Zones qui changent (%1 → %2)"),
        QStringLiteral("Areas that come within %1 min (covered) or go beyond it (uncovered) "
                       "from scenario %2 to %3, per commune"),
        withZonePieceColumns<Row>(
            {textColumn<Row>("change", "Changement", [](const Row& zone) { return coverageChangeCode(zone.change); }),
             textColumn<Row>("change_label", "Changement (libellé)",
                             [threshold](const Row& zone) {
                                 return zone.change == CoverageChange::Covered
                                            ? QStringLiteral("Passe sous %1 min").arg(threshold)
                                            : QStringLiteral("Passe au-delà de %1 min").arg(threshold);
                             })},
            {realColumn<Row>("people", "Population (répartie)", 1, &Row::people)}));
    for (const ChangeZone& zone : comparison.changes) layer.write(zone, zone.geometry.get());
}

void writeSummary(GDALDataset& dataset, const QString& path, const ScenarioComparison& comparison)
{
    // A figure of the département: its key, its value in A and B, and B minus A.
    using Row = std::array<QString, 4>;
    const auto part = [](std::size_t index) { return [index](const Row& row) { return row[index]; }; };
    RowWriter<Row> layer(dataset, path, comparison_layers::summary, wkbNone, QStringLiteral("Comparaison des scénarios"),
                         QStringLiteral("The département's figures in both scenarios"),
                         {
                             textColumn<Row>("key", "Indicateur", part(0)),
                             textColumn<Row>("a", "A", part(1)),
                             textColumn<Row>("b", "B", part(2)),
                             textColumn<Row>("change", "B - A", part(3)),
                         });
    const AreaComparison& d = comparison.departement;
    const auto number = [](double value, int decimals) { return QString::number(value, 'f', decimals); };
    const std::vector<Row> rows{
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
    for (const Row& row : rows) layer.write(row);
}

// The styles of the comparison's layers, beside those of the coverage in the same file.
void writeStyles(GDALDataset& dataset, const QString& path)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    std::vector<LayerStyle> styles;
    for (const QString& name : {comparison_layers::communes, comparison_layers::changes})
        if (const QString qml = readStyleResource(name); !qml.isEmpty()) styles.push_back({name, qml, now});
    writeLayerStyles(dataset, path, styles);
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
