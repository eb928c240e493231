#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace maillage {

// Weighted maximum coverage with group limits, the model behind site suggestions: choose at
// most k candidates, each covering a set of demand units, so that the total weight of the
// units covered by at least one chosen candidate is largest; at most `maxPerGroup`
// candidates of one group (a commune).
struct MaxCoverageProblem {
    std::vector<double> weights;                     // per demand unit, >= 0
    std::vector<std::vector<std::uint32_t>> covers;  // per candidate: the units it covers (no repeats)
    std::vector<int> group;                          // per candidate; -1 = in no group; empty = none
    int k = 1;
    int maxPerGroup = 1;  // 0 = no limit
};

struct MaxCoverageSolution {
    // The chosen candidates, ordered so that each one's marginal gain (what it adds to those
    // before it) is the largest possible at its rank: a greedy order over the chosen set.
    std::vector<std::uint32_t> chosen;
    std::vector<double> marginalGains;  // same order; they add up to `value`
    double value = 0.0;                 // weight covered
    double greedyValue = 0.0;           // of the plain greedy pass, before exchanges and restarts
    int swaps = 0;                      // improving exchanges applied (in the run kept)
    int start = -1;                     // the forced first candidate of the run kept; -1: plain greedy
};

// Total weight covered by a set of candidates.
double coverageValue(const MaxCoverageProblem& problem, std::span<const std::uint32_t> chosen);

// How solveMaxCoverage searches.
struct MaxCoverageOptions {
    bool swaps = true;  // improve the greedy choice by exchanges
    // Further starts of greedy + exchanges, each forced to begin with one of the candidates of
    // largest weight on their own (other than the plain greedy's first choice); the best
    // result is kept. 0: the plain greedy start only.
    int restarts = 8;
};

// Greedy: k times, the candidate with the largest marginal gain that the group limit allows
// (ties: the lower index); stops early when no candidate adds anything. Then, with swaps, a
// local search: the best exchange of one chosen candidate for one not chosen that increases
// the value, repeated until none does. Each pass costs O(k × Σ|covers|). With restarts, the
// same from other first choices, keeping the best.
MaxCoverageSolution solveMaxCoverage(const MaxCoverageProblem& problem, const MaxCoverageOptions& options = {});

// The exact optimum by enumerating every allowed set of at most k candidates (depth-first,
// with incremental coverage counts). For tests and benchmarks on small instances: throws
// Error when there would be more than `maxSets` sets of exactly k candidates.
MaxCoverageSolution solveMaxCoverageExactly(const MaxCoverageProblem& problem, double maxSets = 5e7);

}  // namespace maillage
