#pragma once

#include "coverage/gap_zones.h"  // kDefaultThresholdMinutes
#include "planning/max_coverage.h"
#include "store/accueil_point.h"

#include <QString>

#include <span>
#include <vector>

namespace maillage {

class CoverageContext;

// Where the population is counted when suggesting sites (see docs/COVERAGE.md §4).
enum class DemandModel {
    Cells,      // (b) each commune's population spread over its inhabited grid cells
    TownHalls,  // (a) each commune's whole population at its town hall
};
QString demandModelCode(DemandModel model);  // "cells", "town-halls"

struct SuggestionOptions {
    int count = 5;  // k: how many new sites
    int level = 2;  // the level the new sites will have
    double thresholdMinutes = kDefaultThresholdMinutes;
    DemandModel demand = DemandModel::Cells;
    int maxPerCommune = 1;           // new sites per commune (0: no limit)
    bool skipServedCommunes = true;  // no new site in a commune that already has a point of the level
    bool swaps = true;               // improve the greedy choice by exchanges
    int restarts = 8;                // further greedy + exchange runs (MaxCoverageOptions)
    int threads = 1;                 // for the searches of the candidates
};

struct SuggestedSite {
    std::size_t candidate = 0;  // index in the candidates given
    AccueilPoint point;         // that candidate
    QString communeInsee;       // the commune it counts against (empty: none)
    QString communeName;
    double marginalGain = 0.0;  // people it brings within the threshold after the sites before it
    double aloneGain = 0.0;     // people it would bring within the threshold on its own
};

// Milliseconds per step.
struct SuggestionTimings {
    double existing = 0.0;    // coverage by the points already there
    double precompute = 0.0;  // one bounded search per candidate, covered units
    double greedy = 0.0;
    double swaps = 0.0;  // exchanges and restarts
    double total() const { return existing + precompute + greedy + swaps; }
};

struct SiteSuggestions {
    SuggestionOptions options;
    std::vector<SuggestedSite> sites;  // in greedy order: each one's marginal gain given those before
    double population = 0.0;           // all the people counted
    double coveredBefore = 0.0;        // people within the threshold of the points already there
    double coveredAfter = 0.0;         // ... and of the suggested sites
    double greedyGain = 0.0;           // gain of the greedy pass alone (before swaps)
    int swaps = 0;
    int candidates = 0;            // given
    int eligibleCandidates = 0;    // joined to the network and in an allowed commune
    int candidatesOffNetwork = 0;  // too far from any road
    int demandUnits = 0;           // cells or town halls not yet within the threshold, with people
    SuggestionTimings timings;

    double gain() const { return coveredAfter - coveredBefore; }
};

// "Where should the next k places of a level go?" Among `candidates` (town halls, La Poste
// points, any point set), the k that bring the most people within the threshold of a point of
// the level, given the `existing` points (kept as they are). Weighted maximum coverage:
// - demand units are the grid cells with their people (DemandModel::Cells; communes with no
//   populated cell count at their town hall, as the coverage statistics do) or the town halls
//   with their commune's population; units already within the threshold count for nothing;
// - each candidate covers the units within the threshold of it: found once, by one search
//   from the candidate bounded by the threshold (the same times as computeCoverage gives);
// - then greedy choice and exchanges (solveMaxCoverage) are set operations.
// A candidate's commune is its communeInsee, or the commune containing it.
// Throws Error for k < 1, a bad level or threshold.
SiteSuggestions suggestSites(const CoverageContext& context, std::span<const AccueilPoint> existing,
                             std::span<const AccueilPoint> candidates, const SuggestionOptions& options = {});

// The same problem, as built by suggestSites, for tests and benchmarks (e.g. to solve it
// exactly). `problem.k` is options.count.
struct SuggestionProblem {
    MaxCoverageProblem problem;
    double population = 0.0;
    double coveredBefore = 0.0;
    std::vector<QString> candidateCommunes;  // per candidate
    std::vector<std::uint8_t> eligible;      // per candidate
    int offNetwork = 0;
    SuggestionTimings timings;
};
SuggestionProblem buildSuggestionProblem(const CoverageContext& context, std::span<const AccueilPoint> existing,
                                         std::span<const AccueilPoint> candidates, const SuggestionOptions& options = {});

}  // namespace maillage
