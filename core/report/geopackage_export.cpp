#include "report/geopackage_export.h"

#include "common/atomic_file.h"

#include "report/gpkg_layer_writer.h"

#include "common/error.h"
#include "coverage/access_table.h"
#include "coverage/coverage_run.h"
#include "coverage/mem_raster.h"
#include "coverage/population_sensitivity.h"
#include "coverage/referral.h"
#include "geo/territory.h"
#include "io/ogr_source.h"
#include "store/kinds.h"

#include <QDir>
#include <QDomDocument>
#include <QFile>
#include <QFileInfo>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <array>
#include <cmath>
#include <initializer_list>

namespace maillage {

namespace {

QString minutesText(double minutes) { return QString::number(minutes, 'g', 6); }

// ---------------------------------------------------------------------------------------
// Layers

void writeCommunes(GDALDataset& dataset, const QString& path, const CoverageExport& data)
{
    const Territory& territory = data.context->territory();
    const PopulationCoverage& population = data.result->population;
    const double threshold = data.result->options.thresholdMinutes;
    LayerWriter layer(
        dataset, path, gpkg_layers::communes, wkbMultiPolygon, QStringLiteral("Communes"),
        QStringLiteral("Communes with the time from their town hall and the population beyond %1 min").arg(threshold),
        {{"insee", OFTString, QStringLiteral("Code INSEE")},
         {"name", OFTString, QStringLiteral("Commune")},
         {"epci_siren", OFTString, QStringLiteral("SIREN de l'EPCI")},
         {"epci_name", OFTString, QStringLiteral("EPCI")},
         {"population", OFTInteger64, QStringLiteral("Population")},
         {"town_hall_minutes", OFTReal, QStringLiteral("Temps depuis la mairie (min)")},
         {"town_hall_known", OFTInteger, QStringLiteral("Mairie localisée"), OFSTBoolean},
         {"town_hall_beyond", OFTInteger, QStringLiteral("Mairie au-delà du seuil"), OFSTBoolean},
         {"beyond_town_hall", OFTReal, QStringLiteral("Population au-delà (mairie)")},
         {"beyond_spread", OFTReal, QStringLiteral("Population au-delà (répartie)")},
         {"share_beyond", OFTReal, QStringLiteral("Part au-delà (répartie)")},
         {"cells", OFTInteger, QStringLiteral("Cellules")},
         {"cells_beyond", OFTInteger, QStringLiteral("Cellules au-delà")},
         {"max_minutes", OFTReal, QStringLiteral("Temps maximal (min)")},
         {"mean_minutes", OFTReal, QStringLiteral("Temps moyen (min)")}});
    for (const CommuneCoverage& c : population.communes) {
        const Commune& commune = territory.communes[std::size_t(c.commune)];
        const Epci* epci = territory.epci(c.epciSiren);
        layer.feature();
        layer.setText("insee", c.insee);
        layer.setText("name", c.name);
        layer.setText("epci_siren", c.epciSiren);
        layer.setText("epci_name", epci ? epci->name : QString());
        layer.setInt("population", c.population);
        layer.setReal("town_hall_minutes", c.townHallMinutes, 2);
        layer.setInt("town_hall_known", c.townHallKnown);
        layer.setInt("town_hall_beyond", c.townHallBeyond);
        layer.setReal("beyond_town_hall", c.beyondAtTownHall, 1);
        layer.setReal("beyond_spread", c.beyondSpread, 1);
        layer.setReal("share_beyond", c.population > 0 ? c.beyondSpread / double(c.population) : 0.0, 4);
        layer.setInt("cells", c.cells);
        layer.setInt("cells_beyond", c.cellsBeyond);
        layer.setReal("max_minutes", c.maxCellMinutes, 2);
        layer.setReal("mean_minutes", c.meanCellMinutes, 2);
        const auto geometry = asMultiPolygon(commune.geometry.get());
        layer.setGeometry(geometry.get());
        layer.write();
    }
}

void writeEpcis(GDALDataset& dataset, const QString& path, const CoverageExport& data)
{
    const Territory& territory = data.context->territory();
    LayerWriter layer(dataset, path, gpkg_layers::epci, wkbMultiPolygon, QStringLiteral("EPCI"),
                      QStringLiteral("EPCI (their part in the territory) with the population beyond the threshold"),
                      {{"siren", OFTString, QStringLiteral("SIREN")},
                       {"name", OFTString, QStringLiteral("EPCI")},
                       {"population", OFTInteger64, QStringLiteral("Population")},
                       {"communes", OFTInteger, QStringLiteral("Communes")},
                       {"communes_town_hall_beyond", OFTInteger, QStringLiteral("Communes dont la mairie est au-delà")},
                       {"beyond_town_hall", OFTReal, QStringLiteral("Population au-delà (mairie)")},
                       {"beyond_spread", OFTReal, QStringLiteral("Population au-delà (répartie)")},
                       {"share_town_hall", OFTReal, QStringLiteral("Part au-delà (mairie)")},
                       {"share_spread", OFTReal, QStringLiteral("Part au-delà (répartie)")},
                       {"area_km2", OFTReal, QStringLiteral("Surface (km²)")},
                       {"area_beyond_km2", OFTReal, QStringLiteral("Surface au-delà (km²)")}});
    for (const AreaCoverage& area : data.result->population.epcis) {
        layer.feature();
        layer.setText("siren", area.code);
        layer.setText("name", area.name);
        layer.setInt("population", area.population);
        layer.setInt("communes", area.communes);
        layer.setInt("communes_town_hall_beyond", area.communesTownHallBeyond);
        layer.setReal("beyond_town_hall", area.beyondAtTownHall, 1);
        layer.setReal("beyond_spread", area.beyondSpread, 1);
        layer.setReal("share_town_hall", area.shareAtTownHall(), 4);
        layer.setReal("share_spread", area.shareSpread(), 4);
        layer.setReal("area_km2", area.areaKm2, 2);
        layer.setReal("area_beyond_km2", area.areaBeyondKm2, 2);
        if (const Epci* epci = territory.epci(area.code)) {
            const auto geometry = asMultiPolygon(epci->geometry.get());
            layer.setGeometry(geometry.get());
        }
        layer.write();
    }
}

void writePoints(GDALDataset& dataset, const QString& path, const CoverageExport& data)
{
    LayerWriter layer(dataset, path, gpkg_layers::points, wkbPoint, QStringLiteral("Points d'accueil"),
                      QStringLiteral("Accueil points of every level"),
                      {{"point_id", OFTInteger64, QStringLiteral("Identifiant")},
                       {"name", OFTString, QStringLiteral("Nom")},
                       {"level", OFTInteger, QStringLiteral("Niveau")},
                       {"kind", OFTString, QStringLiteral("Type (code)")},
                       {"kind_label", OFTString, QStringLiteral("Type")},
                       {"status", OFTString, QStringLiteral("Statut")},
                       {"commune_insee", OFTString, QStringLiteral("Commune (INSEE)")},
                       {"weekly_hours", OFTReal, QStringLiteral("Heures d'ouverture par semaine")},
                       {"outside_territory", OFTInteger, QStringLiteral("Hors du territoire"), OFSTBoolean},
                       {"serves", OFTString, QStringLiteral("Opérateurs en visio")},
                       {"source", OFTString, QStringLiteral("Source")}});
    for (const AccueilPoint& point : data.points) {
        const KindInfo* kind = findKind(point.kind);
        layer.feature();
        layer.setInt("point_id", point.id);
        layer.setText("name", point.name);
        layer.setInt("level", int(point.level));
        layer.setText("kind", point.kind);
        layer.setText("kind_label", kind ? kind->labelFr : point.kind);
        layer.setText("status", statusCode(point.status));
        layer.setText("commune_insee", point.communeInsee);
        layer.setReal("weekly_hours", point.weeklyHours.value_or(std::nan("")), 1);
        layer.setInt("outside_territory", point.outsideTerritory);
        layer.setText("serves", servesText(point.serves));
        layer.setText("source", point.source);
        const OGRPoint geometry(point.lambert93.x, point.lambert93.y);
        layer.setGeometry(&geometry);
        layer.write();
    }
}

void writeGapZones(GDALDataset& dataset, const QString& path, const CoverageExport& data)
{
    const double threshold = data.result->options.thresholdMinutes;
    LayerWriter layer(
        dataset, path, gpkg_layers::gapZones, wkbMultiPolygon, QStringLiteral("Zones au-delà de %1 min").arg(threshold),
        QStringLiteral("Areas more than %1 min from the nearest point of level %2, per commune")
            .arg(threshold)
            .arg(data.result->options.level),
        withZonePieceFields({}, {{"unreachable_cells", OFTInteger, QStringLiteral("Cellules sans accès routier")},
                                 {"max_minutes", OFTReal, QStringLiteral("Temps maximal (min)")},
                                 {"mean_minutes", OFTReal, QStringLiteral("Temps moyen (min)")}}));
    for (const GapZone& zone : data.result->gapZones) {
        layer.feature();
        setZonePiece(layer, zone);
        layer.setInt("unreachable_cells", zone.unreachableCells);
        layer.setReal("max_minutes", zone.maxMinutes, 2);
        layer.setReal("mean_minutes", zone.meanMinutes, 2);
        if (zone.geometry && !zone.geometry->IsEmpty()) layer.setGeometry(zone.geometry.get());
        layer.write();
    }
}

void writeBands(GDALDataset& dataset, const QString& path, const CoverageExport& data)
{
    LayerWriter layer(
        dataset, path, gpkg_layers::bands, wkbMultiPolygon, QStringLiteral("Bandes isochrones"),
        QStringLiteral("Travel time to the nearest point of level %1, in bands").arg(data.result->options.level),
        {{"band", OFTInteger, QStringLiteral("Bande")},
         {"from_minutes", OFTReal, QStringLiteral("De (min)")},
         {"to_minutes", OFTReal, QStringLiteral("À (min)")},
         {"label", OFTString, QStringLiteral("Temps")},
         {"area_km2", OFTReal, QStringLiteral("Surface (km²)")},
         {"cells", OFTInteger, QStringLiteral("Cellules")}});
    for (std::size_t b = 0; b < data.result->bands.size(); ++b) {
        const IsochroneBand& band = data.result->bands[b];
        layer.feature();
        layer.setInt("band", qint64(b + 1));
        layer.setReal("from_minutes", band.fromMinutes);
        layer.setReal("to_minutes", band.toMinutes);
        layer.setText("label", band.label);
        layer.setReal("area_km2", band.areaKm2, 3);
        layer.setInt("cells", band.cells);
        if (band.geometry && !band.geometry->IsEmpty()) layer.setGeometry(band.geometry.get());
        layer.write();
    }
}

void writeReferrals(GDALDataset& dataset, const QString& path, const CoverageExport& data)
{
    LayerWriter layer(
        dataset, path, gpkg_layers::referrals, wkbLineString, QStringLiteral("Liens d'orientation"),
        QStringLiteral("From each point, the nearest point of a higher level (straight line; time by road); for "
                       "level 3, the nearest desk and, beside it, the nearest place serving it by video"),
        {{"from_id", OFTInteger64, QStringLiteral("Depuis (id)")},
         {"from_name", OFTString, QStringLiteral("Depuis")},
         {"from_kind", OFTString, QStringLiteral("Type d'origine")},
         {"from_level", OFTInteger, QStringLiteral("Niveau d'origine")},
         {"to_level", OFTInteger, QStringLiteral("Niveau visé")},
         {"target_kind", OFTString, QStringLiteral("Type visé")},
         {"to_id", OFTInteger64, QStringLiteral("Vers (id)")},
         {"to_name", OFTString, QStringLiteral("Vers")},
         {"to_kind", OFTString, QStringLiteral("Type")},
         {"minutes", OFTReal, QStringLiteral("Temps (min)")},
         {"km", OFTReal, QStringLiteral("Distance (km)")},
         {"beyond", OFTInteger, QStringLiteral("Au-delà du seuil"), OFSTBoolean},
         {"visio_id", OFTInteger64, QStringLiteral("Visio (id)")},
         {"visio_name", OFTString, QStringLiteral("Visio")},
         {"visio_minutes", OFTReal, QStringLiteral("Visio : temps (min)")},
         {"visio_km", OFTReal, QStringLiteral("Visio : distance (km)")},
         {"visio_beyond", OFTInteger, QStringLiteral("Visio au-delà du seuil"), OFSTBoolean}});
    for (const ReferralLink& link : data.referrals) {
        layer.feature();
        layer.setInt("from_id", link.fromId);
        layer.setText("from_name", link.fromName);
        layer.setText("from_kind", link.fromKind);
        layer.setInt("from_level", int(link.fromLevel));
        layer.setInt("to_level", int(link.toLevel));
        layer.setText("target_kind", link.targetKind);
        layer.setInt("beyond", link.beyond);
        if (link.toLevel == Level::Third) layer.setInt("visio_beyond", link.visio.beyond);
        if (link.visio.reachable) {
            layer.setInt("visio_id", link.visio.toId);
            layer.setText("visio_name", link.visio.toName);
            layer.setReal("visio_minutes", link.visio.minutes, 2);
            layer.setReal("visio_km", link.visio.km, 2);
        }
        if (link.reachable) {
            layer.setInt("to_id", link.toId);
            layer.setText("to_name", link.toName);
            layer.setText("to_kind", link.toKind);
            layer.setReal("minutes", link.minutes, 2);
            layer.setReal("km", link.km, 2);
            OGRLineString line;
            line.addPoint(link.fromPosition.x, link.fromPosition.y);
            line.addPoint(link.toPosition.x, link.toPosition.y);
            layer.setGeometry(&line);
        }
        layer.write();
    }
}

void writeAccessTable(GDALDataset& dataset, const QString& path, const AccessTable& table)
{
    LayerWriter layer(dataset, path, gpkg_layers::accessTable, wkbNone, QStringLiteral("Tableau d'accès"),
                      QStringLiteral("From each origin, the nearest point of each kind, km and minutes by road; for a "
                                     "level-3 operator, also the nearest place serving it by video"),
                      {{"origin_code", OFTString, QStringLiteral("Code")},
                       {"origin_name", OFTString, QStringLiteral("Origine")},
                       {"kind", OFTString, QStringLiteral("Type")},
                       {"point_id", OFTInteger64, QStringLiteral("Point (id)")},
                       {"point_name", OFTString, QStringLiteral("Point le plus proche")},
                       {"km", OFTReal, QStringLiteral("Distance (km)")},
                       {"minutes", OFTReal, QStringLiteral("Temps (min)")},
                       {"visio_point_id", OFTInteger64, QStringLiteral("Point visio (id)")},
                       {"visio_point_name", OFTString, QStringLiteral("Point visio le plus proche")},
                       {"visio_km", OFTReal, QStringLiteral("Visio : distance (km)")},
                       {"visio_minutes", OFTReal, QStringLiteral("Visio : temps (min)")}});
    for (std::size_t row = 0; row < table.origins.size(); ++row) {
        for (std::size_t column = 0; column < table.columns.size(); ++column) {
            const AccessCell& cell = table.cells[row][column];
            layer.feature();
            layer.setText("origin_code", table.origins[row].code);
            layer.setText("origin_name", table.origins[row].name);
            layer.setText("kind", table.columns[column].label);
            if (cell.reachable) {
                layer.setInt("point_id", cell.pointId);
                layer.setText("point_name", cell.pointName);
                layer.setReal("km", cell.km, 2);
                layer.setReal("minutes", cell.minutes, 2);
            }
            if (const AccessCell& visio = table.visioCells[row][column]; table.columns[column].visio && visio.reachable) {
                layer.setInt("visio_point_id", visio.pointId);
                layer.setText("visio_point_name", visio.pointName);
                layer.setReal("visio_km", visio.km, 2);
                layer.setReal("visio_minutes", visio.minutes, 2);
            }
            layer.write();
        }
    }
}

std::vector<std::pair<QString, QString>> runParameters(const CoverageExport& data)
{
    const CoverageResult& result = *data.result;
    const CoverageContext& context = *data.context;
    QStringList breaks;
    for (double b : result.options.bandBreaks) breaks << minutesText(b);
    std::vector<std::pair<QString, QString>> rows{
        {QStringLiteral("level"), QString::number(result.options.level)},
        {QStringLiteral("threshold_minutes"), minutesText(result.options.thresholdMinutes)},
        {QStringLiteral("band_breaks_minutes"), breaks.join(QLatin1Char(','))},
        {QStringLiteral("cell_size_m"), QString::number(context.grid().cellSize())},
        {QStringLiteral("cells"), QString::number(context.grid().cellCount())},
        {QStringLiteral("point_set"), data.run.pointSet},
        {QStringLiteral("points_used"), QString::number(result.points.size())},
        {QStringLiteral("points_off_network"), QString::number(result.unjoinedPoints)},
        {QStringLiteral("profile"), data.run.profile},
        {QStringLiteral("network"), data.run.network},
        {QStringLiteral("project"), data.run.project},
        {QStringLiteral("computed_at"), data.run.computedAt.toString(Qt::ISODate)},
        {QStringLiteral("population_method"), populationMethodKey(result.population.method)},
        {QStringLiteral("population_method_description"), populationMethodDescription(result.population.method)},
        {QStringLiteral("population_source"), context.placement().sourceDescription()},
        {QStringLiteral("population_communes_fallen_back_to_spread"),
         QString::number(context.placement().communesFallenBack())},
        {QStringLiteral("population_beyond"),
         QString::number(beyondBy(result.population.departement, result.population.method), 'f', 0)},
        {QStringLiteral("population_method_town_hall"),
         QStringLiteral("the whole population of a commune is beyond when its town hall is")},
        {QStringLiteral("population_method_spread"),
         result.population.method == PopulationMethod::Grid || result.population.method == PopulationMethod::Buildings
             ? QStringLiteral("population on the cells by the %1 method (communes where the source has no one: spread "
                              "evenly over the commune's cells within %2 m of a road)")
                   .arg(populationMethodKey(result.population.method))
                   .arg(context.placement().inhabitableLegMetres())
             : QStringLiteral("population spread evenly over the commune's cells within %1 m of a road")
                   .arg(context.placement().inhabitableLegMetres())},
        {QStringLiteral("population"), QString::number(result.population.departement.population)},
        {QStringLiteral("population_beyond_town_hall"),
         QString::number(result.population.departement.beyondAtTownHall, 'f', 0)},
        {QStringLiteral("population_beyond_spread"), QString::number(result.population.departement.beyondSpread, 'f', 0)},
        {QStringLiteral("maillage_version"), QStringLiteral(MAILLAGE_VERSION)},
    };
    for (const auto& extra : data.run.extra) rows.push_back(extra);
    return rows;
}

void writeSensitivity(GDALDataset& dataset, const QString& path, const PopulationSensitivity& sensitivity)
{
    LayerWriter layer(dataset, path, gpkg_layers::sensitivity, wkbNone,
                      QStringLiteral("Sensibilité de la population hors délai"),
                      QStringLiteral("Population beyond the threshold under each population method and road speeds ±10 %"),
                      {{"kind", OFTString, QStringLiteral("Type")},
                       {"code", OFTString, QStringLiteral("Code")},
                       {"name", OFTString, QStringLiteral("Nom")},
                       {"population", OFTInteger64, QStringLiteral("Population légale")},
                       {"beyond_grid", OFTReal, QStringLiteral("Hors délai, carreaux INSEE")},
                       {"beyond_buildings", OFTReal, QStringLiteral("Hors délai, bâtiments")},
                       {"beyond_spread", OFTReal, QStringLiteral("Hors délai, répartie près des routes")},
                       {"beyond_town_halls", OFTReal, QStringLiteral("Hors délai, à la mairie")},
                       {"beyond_speeds_minus_10", OFTReal, QStringLiteral("Hors délai, vitesses −10 %")},
                       {"beyond_speeds_plus_10", OFTReal, QStringLiteral("Hors délai, vitesses +10 %")},
                       {"low", OFTReal, QStringLiteral("Minimum")},
                       {"high", OFTReal, QStringLiteral("Maximum")},
                       {"verdict", OFTString, QStringLiteral("Verdict")}});
    static const std::vector<std::pair<QString, const char*>> fields{{QStringLiteral("grid"), "beyond_grid"},
                                                                     {QStringLiteral("buildings"), "beyond_buildings"},
                                                                     {QStringLiteral("spread"), "beyond_spread"},
                                                                     {QStringLiteral("town-halls"), "beyond_town_halls"},
                                                                     {QStringLiteral("speeds-10"), "beyond_speeds_minus_10"},
                                                                     {QStringLiteral("speeds+10"), "beyond_speeds_plus_10"}};
    const std::vector<SensitivityColumn>& columns = sensitivity.columns();
    for (const SensitivityRow& row : sensitivity.rows()) {
        layer.feature();
        layer.setText("kind", row.kind == SensitivityRow::Kind::Epci          ? QStringLiteral("epci")
                              : row.kind == SensitivityRow::Kind::Departement ? QStringLiteral("departement")
                                                                              : QStringLiteral("commune"));
        layer.setText("code", row.code);
        layer.setText("name", row.name);
        layer.setInt("population", row.population);
        for (std::size_t c = 0; c < columns.size(); ++c)
            for (const auto& [key, field] : fields)
                if (columns[c].key == key) layer.setReal(field, row.beyond[c], 1);
        layer.setReal("low", row.low(), 1);
        layer.setReal("high", row.high(), 1);
        layer.setText("verdict", row.verdict());
        layer.write();
    }
}

void writeParameters(GDALDataset& dataset, const QString& path, const CoverageExport& data)
{
    LayerWriter layer(dataset, path, gpkg_layers::parameters, wkbNone, QStringLiteral("Paramètres du calcul"),
                      QStringLiteral("How this result was computed"),
                      {{"key", OFTString, QStringLiteral("Paramètre")}, {"value", OFTString, QStringLiteral("Valeur")}});
    for (const auto& [key, value] : runParameters(data)) {
        layer.feature();
        layer.setText("key", key);
        layer.setText("value", value);
        layer.write();
    }
}

// ---------------------------------------------------------------------------------------
// Styles

QString readStyleResource(const QString& layerName)
{
    QFile file(QStringLiteral(":/styles/%1.qml").arg(layerName));
    if (!file.open(QIODevice::ReadOnly)) return QString();
    return QString::fromUtf8(file.readAll());
}

// A sequential green -> red ramp (ColorBrewer RdYlGn, 4 classes, reversed), interpolated.
std::array<int, 3> rampColour(std::size_t index, std::size_t count)
{
    static constexpr std::array<std::array<double, 3>, 4> stops{
        {{26, 150, 65}, {166, 217, 106}, {253, 174, 97}, {215, 25, 28}}};
    const double t = count <= 1 ? 0.0 : double(index) / double(count - 1) * double(stops.size() - 1);
    const std::size_t low = std::min(stops.size() - 2, std::size_t(t));
    const double f = t - double(low);
    std::array<int, 3> colour{};
    for (int k = 0; k < 3; ++k)
        colour[std::size_t(k)] = int(std::lround(stops[low][std::size_t(k)] * (1 - f) + stops[low + 1][std::size_t(k)] * f));
    return colour;
}

// One category and one symbol per band, cloned from the style's first symbol.
QString bandStyle(const QString& qml, const std::vector<IsochroneBand>& bands)
{
    QDomDocument document;
    if (!document.setContent(qml) || bands.empty()) return qml;
    QDomElement renderer = document.documentElement().firstChildElement(QStringLiteral("renderer-v2"));
    QDomElement categories = renderer.firstChildElement(QStringLiteral("categories"));
    QDomElement symbols = renderer.firstChildElement(QStringLiteral("symbols"));
    const QDomElement templateSymbol = symbols.firstChildElement(QStringLiteral("symbol"));
    if (categories.isNull() || symbols.isNull() || templateSymbol.isNull()) return qml;
    const QDomElement symbolPrototype = templateSymbol.cloneNode(true).toElement();
    while (categories.hasChildNodes()) categories.removeChild(categories.firstChild());
    while (symbols.hasChildNodes()) symbols.removeChild(symbols.firstChild());
    for (std::size_t b = 0; b < bands.size(); ++b) {
        QDomElement category = document.createElement(QStringLiteral("category"));
        category.setAttribute(QStringLiteral("render"), QStringLiteral("true"));
        category.setAttribute(QStringLiteral("symbol"), QString::number(b));
        category.setAttribute(QStringLiteral("value"), QString::number(b + 1));
        category.setAttribute(QStringLiteral("label"), bands[b].label);
        categories.appendChild(category);

        QDomElement symbol = symbolPrototype.cloneNode(true).toElement();
        symbol.setAttribute(QStringLiteral("name"), QString::number(b));
        const auto colour = rampColour(b, bands.size());
        const QString value = QStringLiteral("%1,%2,%3,255").arg(colour[0]).arg(colour[1]).arg(colour[2]);
        QDomNodeList props = symbol.elementsByTagName(QStringLiteral("prop"));
        for (int i = 0; i < props.size(); ++i) {
            QDomElement prop = props.at(i).toElement();
            if (prop.attribute(QStringLiteral("k")) == QLatin1String("color")) prop.setAttribute(QStringLiteral("v"), value);
        }
        symbols.appendChild(symbol);
    }
    return document.toString(2);
}

void writeStyles(GDALDataset& dataset, const QString& path, const CoverageExport& data, const QStringList& styledLayers)
{
    LayerWriter layer(dataset, path, gpkg_layers::styles, wkbNone, QStringLiteral("layer_styles"),
                      QStringLiteral("QGIS styles of the layers of this file"),
                      {{"f_table_catalog", OFTString, {}},
                       {"f_table_schema", OFTString, {}},
                       {"f_table_name", OFTString, {}},
                       {"f_geometry_column", OFTString, {}},
                       {"styleName", OFTString, {}},
                       {"styleQML", OFTString, {}},
                       {"styleSLD", OFTString, {}},
                       {"useAsDefault", OFTInteger, {}, OFSTBoolean},
                       {"description", OFTString, {}},
                       {"owner", OFTString, {}},
                       {"ui", OFTString, {}},
                       {"update_time", OFTDateTime, {}}});
    const QDateTime now = data.run.computedAt.isValid() ? data.run.computedAt : QDateTime::currentDateTimeUtc();
    for (const QString& name : styledLayers) {
        const QString qml = layerStyleQml(name, data);
        if (qml.isEmpty()) continue;
        OGRFeature& feature = layer.feature();
        layer.setText("f_table_catalog", QString());
        layer.setText("f_table_schema", QString());
        layer.setText("f_table_name", name);
        layer.setText("f_geometry_column", QStringLiteral("geom"));
        layer.setText("styleName", name);
        layer.setText("styleQML", qml);
        layer.setText("styleSLD", QString());
        layer.setInt("useAsDefault", 1);
        layer.setText("description", QStringLiteral("Maillage %1").arg(QStringLiteral(MAILLAGE_VERSION)));
        layer.setText("owner", QString());
        const QDate date = now.date();
        const QTime time = now.time();
        feature.SetField("update_time", date.year(), date.month(), date.day(), time.hour(), time.minute(),
                         float(time.second()), 100);
        layer.write();
    }
}

// ---------------------------------------------------------------------------------------
// Raster

void writeSurfaceRaster(const QString& path, const CoverageExport& data)
{
    const CoverageGrid& grid = data.context->grid();
    constexpr float kNoData = -1.0f;
    std::vector<float> perCell = data.result->surface.minutes;
    for (float& minutes : perCell)
        if (!std::isfinite(minutes)) minutes = kNoData;
    std::vector<float> raster = grid.toRaster(perCell, kNoData);

    GdalDatasetPtr memory = createMemRaster(grid.columns(), grid.rows(), GDT_Float32, grid.geoTransform());
    GDALRasterBand* band = memory->GetRasterBand(1);
    band->SetNoDataValue(kNoData);
    if (band->RasterIO(GF_Write, 0, 0, grid.columns(), grid.rows(), raster.data(), grid.columns(), grid.rows(), GDT_Float32,
                       0, 0)
        != CE_None)
        throw Error(QStringLiteral("cannot prepare the travel-time raster: %1").arg(lastGdalError()));

    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    const QByteArray table = gpkg_layers::surface.toUtf8();
    const QByteArray identifier =
        QStringLiteral("Temps jusqu'au point de niveau %1 le plus proche (min)").arg(data.result->options.level).toUtf8();
    char** options = nullptr;
    options = CSLSetNameValue(options, "APPEND_SUBDATASET", "YES");
    options = CSLSetNameValue(options, "RASTER_TABLE", table.constData());
    options = CSLSetNameValue(options, "RASTER_IDENTIFIER", identifier.constData());
    options = CSLSetNameValue(
        options, "RASTER_DESCRIPTION",
        "Minutes by road to the nearest point; no value outside the territory or where no point can be reached");
    options = CSLSetNameValue(options, "TILE_FORMAT", "TIFF");
    GDALDataset* written = driver->CreateCopy(path.toUtf8().constData(), memory.get(), FALSE, options, nullptr, nullptr);
    CSLDestroy(options);
    if (!written) throw Error(QStringLiteral("cannot write the travel-time raster to %1: %2").arg(path, lastGdalError()));
    CPLErrorReset();
    GDALClose(written);  // a failed final write (a full disk) shows only here
    if (CPLGetLastErrorType() == CE_Failure)
        throw Error(QStringLiteral("cannot write the travel-time raster to %1: %2").arg(path, lastGdalError()));
}

}  // namespace

QString layerStyleQml(const QString& layerName, const CoverageExport& data)
{
    const QString qml = readStyleResource(layerName);
    if (qml.isEmpty()) return qml;
    if (layerName == gpkg_layers::bands && data.result) return bandStyle(qml, data.result->bands);
    return qml;
}

void writeCoverageGeoPackage(const QString& path, const CoverageExport& data)
{
    if (!data.context || !data.result) throw Error(QStringLiteral("nothing to export to %1: no coverage result").arg(path));
    registerGdal();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (!driver) throw Error(QStringLiteral("the GDAL GeoPackage driver is not available"));

    // Written beside the target under a unique name and renamed at the end: a failure or a
    // kill leaves the previous file, never a partial one (see AtomicFile).
    AtomicFile output(path);
    const QString& partial = output.temporaryPath();
    {
        GdalDatasetPtr dataset(driver->Create(partial.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!dataset) throw Error(QStringLiteral("cannot create %1: %2").arg(path, lastGdalError()));
        if (dataset->StartTransaction() != OGRERR_NONE)
            throw Error(QStringLiteral("cannot write %1: %2").arg(path, lastGdalError()));
        QStringList styled;
        writeCommunes(*dataset, path, data);
        styled << gpkg_layers::communes;
        writeEpcis(*dataset, path, data);
        styled << gpkg_layers::epci;
        writePoints(*dataset, path, data);
        styled << gpkg_layers::points;
        writeGapZones(*dataset, path, data);
        styled << gpkg_layers::gapZones;
        writeBands(*dataset, path, data);
        styled << gpkg_layers::bands;
        writeReferrals(*dataset, path, data);
        styled << gpkg_layers::referrals;
        if (data.accessTable) writeAccessTable(*dataset, path, *data.accessTable);
        if (data.sensitivity) writeSensitivity(*dataset, path, *data.sensitivity);
        writeParameters(*dataset, path, data);
        writeStyles(*dataset, path, data, styled);
        if (dataset->CommitTransaction() != OGRERR_NONE)
            throw Error(QStringLiteral("cannot write %1: %2").arg(path, lastGdalError()));
        // GDAL reports a failed final write (a full disk) only when the dataset is closed.
        CPLErrorReset();
        dataset.reset();
        if (CPLGetLastErrorType() == CE_Failure)
            throw Error(QStringLiteral("cannot write %1: %2").arg(path, lastGdalError()));
    }
    writeSurfaceRaster(partial, data);
    output.commit();
}

}  // namespace maillage
