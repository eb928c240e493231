#pragma once

#include <QString>

namespace maillage {

class CoverageContext;
struct CoverageExport;
struct ScenarioComparison;

// Layer and table names added to a result GeoPackage by a comparison of two scenarios.
namespace comparison_layers {
// Each commune with both scenarios' town hall time and people beyond (both methods), the gains
// and a trend (better, worse, same).
inline const QString communes = QStringLiteral("comparison_communes");
inline const QString epci = QStringLiteral("comparison_epci");  // the same per EPCI, with the area beyond
// The difference layer: zones that become covered (beyond in A, within in B) or uncovered,
// clipped by commune, with their area and people.
inline const QString changes = QStringLiteral("coverage_changes");
inline const QString summary = QStringLiteral("comparison_summary");  // the département's figures, key/value
}  // namespace comparison_layers

// Writes (replacing any existing file) the coverage of scenario B as writeCoverageGeoPackage
// does (`bExport`), plus the comparison with A (the layers above), in Lambert-93, with QGIS
// styles (resources/styles/comparison_communes.qml, coverage_changes.qml) in
// layer_styles. Throws Error naming the file; a failure leaves no partial file.
void writeComparisonGeoPackage(const QString& path, const CoverageExport& bExport, const ScenarioComparison& comparison);

// Adds the comparison layers and their styles to an existing result GeoPackage.
void appendComparisonLayers(const QString& path, const CoverageContext& context, const ScenarioComparison& comparison);

}  // namespace maillage
