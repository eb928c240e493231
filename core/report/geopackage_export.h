#pragma once

#include "store/accueil_point.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <span>
#include <utility>
#include <vector>

namespace maillage {

class CoverageContext;
class PopulationSensitivity;
struct AccessTable;
struct CoverageResult;
struct ReferralLink;

// Where a coverage result came from, for the run_parameters table.
struct RunDescription {
    QString project;   // the project (store) file
    QString network;   // the road network file
    QString profile;   // speed profile name or file
    QString pointSet;  // "existing points" or a scenario's name
    QDateTime computedAt = QDateTime::currentDateTimeUtc();
    std::vector<std::pair<QString, QString>> extra;  // any other key/value to record
};

// Everything written to a result GeoPackage. `context` and `result` are required; the
// other parts are written when given.
struct CoverageExport {
    const CoverageContext* context = nullptr;
    const CoverageResult* result = nullptr;
    std::span<const AccueilPoint> points;  // all accueil points to show (every level)
    std::span<const ReferralLink> referrals;
    const AccessTable* accessTable = nullptr;
    const PopulationSensitivity* sensitivity = nullptr;  // written as table population_sensitivity when given
    RunDescription run;
};

// Layer and table names of the result GeoPackage.
namespace gpkg_layers {
inline const QString communes = QStringLiteral("communes");
inline const QString epci = QStringLiteral("epci");
inline const QString points = QStringLiteral("accueil_points");
inline const QString gapZones = QStringLiteral("gap_zones");
inline const QString bands = QStringLiteral("isochrone_bands");
inline const QString referrals = QStringLiteral("referral_links");
inline const QString accessTable = QStringLiteral("access_table");
inline const QString surface = QStringLiteral("travel_time_surface");  // raster
inline const QString parameters = QStringLiteral("run_parameters");
inline const QString sensitivity = QStringLiteral("population_sensitivity");
inline const QString styles = QStringLiteral("layer_styles");
}  // namespace gpkg_layers

// Writes (replacing any existing file) a GeoPackage with the layers above, in Lambert-93:
// communes and EPCI with their times and population beyond the threshold, the accueil
// points, gap zones, isochrone bands, referral links, the access table, the surface as a
// Float32 gridded-coverage raster (minutes; no value outside the territory or where no
// point is reachable), the run parameters, and a QGIS `layer_styles` table with the
// styles of resources/styles so that QGIS opens every layer styled.
// Throws Error naming the file on any failure; a failed export leaves no partial file.
void writeCoverageGeoPackage(const QString& path, const CoverageExport& data);

// The QML style embedded for a layer (from resources/styles), adapted to the result (e.g.
// one category per isochrone band). Empty when the layer has no style.
QString layerStyleQml(const QString& layerName, const CoverageExport& data);

}  // namespace maillage
