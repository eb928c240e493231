#pragma once

#include "coverage/access_table.h"
#include "coverage/coverage_run.h"
#include "coverage/referral.h"
#include "planning/site_suggestion.h"
#include "report/geopackage_export.h"
#include "store/accueil_point.h"
#include "store/store.h"

#include <QString>

#include <vector>

namespace maillage {

struct LoadedProject;
struct ProjectInputs;

// Everything a coverage export holds, computed once: the coverage of one level (surface,
// gap zones, population beyond the threshold), the referral links between levels and the
// access table from each EPCI seat, over the points of one scenario.
struct FullCoverage {
    std::vector<AccueilPoint> points;  // the scenario's points, every level (referrals, access, maps)
    CoverageResult result;
    std::vector<ReferralLink> referrals;
    AccessTable access;

    // What writeCoverageGeoPackage writes; refers to this run and to `context`, which must
    // outlive it.
    CoverageExport exportData(const CoverageContext& context, RunDescription run) const;
};

// The access table the exports and the application show: from each EPCI seat (its town hall),
// the nearest of `points` of each kind (defaultAccessColumns), by road and by video.
AccessTable accessFromEpciSeats(const CoverageContext& context, const std::vector<AccueilPoint>& points);

// The full run `maillage coverage` and the application's export share: `levelPoints` (see
// coveragePoints, scenarioLevelPoints) are reached within options.thresholdMinutes;
// `points` (the scenario's, every level) give the referral links and the access table (on a
// second thread alongside the referrals when options.threads > 1).
FullCoverage runFullCoverage(const CoverageContext& context, std::vector<AccueilPoint> points,
                             const std::vector<AccueilPoint>& levelPoints, const CoverageOptions& options);

// The population beyond the threshold of `result` with people placed by `method`, on the
// run's own travel times: only where people are changes. The run's own placement for its
// method; another is built from the project's `inputs` (throws Error when its data cannot
// be read).
PopulationCoverage populationBeyondBy(PopulationMethod method, const ProjectInputs& inputs, const CoverageContext& context,
                                      const CoverageResult& result);

// Which points a run reached, as its run_parameters say: "scenario <name>" for a plan (empty:
// the baseline), else the existing points, with the planned ones when `includePlanned`.
QString pointSetDescription(const QString& scenario, bool includePlanned);

// What every output of a run on `project` says of its data (run_parameters): the project
// file, the network and profile the project was loaded with, and `pointSet` (above).
RunDescription runDescription(const QString& projectFile, const LoadedProject& project, const QString& pointSet);

// Keeps the run's access table in the project (table access_epci_seats), so the
// application and later runs can show it.
void saveAccessTable(Store& store, const AccessTable& access);

// The planned point a suggested site becomes: the candidate's place and address, of `level`
// and `kind`, named "<kindLabel> – <candidate name>", tagged as a suggestion (source
// maillage-suggest, the candidate's id), with `notes` saying why.
AccueilPoint plannedPointFor(const SuggestedSite& site, Level level, const QString& kind, const QString& kindLabel,
                             const QString& notes);

}  // namespace maillage
