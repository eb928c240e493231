#include "planning/max_coverage.h"

#include "common/error.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace maillage {

namespace {

void requireValid(const MaxCoverageProblem& problem)
{
    if (problem.k < 0)
        throw Error(QStringLiteral("the number of sites to choose must not be negative (got %1)").arg(problem.k));
    if (!problem.group.empty() && problem.group.size() != problem.covers.size())
        throw Error(QStringLiteral("max coverage: %1 groups for %2 candidates")
                        .arg(problem.group.size())
                        .arg(problem.covers.size()));
    for (std::size_t c = 0; c < problem.covers.size(); ++c)
        for (std::uint32_t u : problem.covers[c])
            if (u >= problem.weights.size())
                throw Error(QStringLiteral("max coverage: candidate %1 covers unit %2 of %3")
                                .arg(c)
                                .arg(u)
                                .arg(problem.weights.size()));
}

int groupOf(const MaxCoverageProblem& problem, std::size_t candidate)
{
    return problem.group.empty() ? -1 : problem.group[candidate];
}

// The state of a selection: how many chosen candidates cover each unit, how many per group.
class Selection {
public:
    explicit Selection(const MaxCoverageProblem& problem)
        : problem_(&problem), count_(problem.weights.size(), 0), chosenFlag_(problem.covers.size(), 0)
    {
    }

    const std::vector<std::uint32_t>& chosen() const { return chosen_; }
    double value() const { return value_; }
    bool isChosen(std::size_t c) const { return chosenFlag_[c]; }
    std::uint32_t count(std::uint32_t unit) const { return count_[unit]; }

    // Whether the group limit lets `c` join (optionally once `leaving` has left).
    bool groupAllows(std::size_t c, std::int64_t leaving = -1) const
    {
        const int g = groupOf(*problem_, c);
        if (g < 0 || problem_->maxPerGroup <= 0) return true;
        int used = 0;
        if (const auto found = perGroup_.find(g); found != perGroup_.end()) used = found->second;
        if (leaving >= 0 && groupOf(*problem_, std::size_t(leaving)) == g) --used;
        return used < problem_->maxPerGroup;
    }

    double gain(std::size_t c) const
    {
        double gain = 0.0;
        for (std::uint32_t u : problem_->covers[c])
            if (count_[u] == 0) gain += problem_->weights[u];
        return gain;
    }

    void add(std::size_t c)
    {
        for (std::uint32_t u : problem_->covers[c])
            if (count_[u]++ == 0) value_ += problem_->weights[u];
        chosen_.push_back(std::uint32_t(c));
        chosenFlag_[c] = 1;
        const int g = groupOf(*problem_, c);
        if (g >= 0) ++perGroup_[g];
    }

    void remove(std::size_t c)
    {
        for (std::uint32_t u : problem_->covers[c])
            if (--count_[u] == 0) value_ -= problem_->weights[u];
        chosen_.erase(std::find(chosen_.begin(), chosen_.end(), std::uint32_t(c)));
        chosenFlag_[c] = 0;
        const int g = groupOf(*problem_, c);
        if (g >= 0) --perGroup_[g];
    }

    // Recomputes the value from the counts (sums drift after many additions and removals).
    void refreshValue()
    {
        value_ = 0.0;
        for (std::size_t u = 0; u < count_.size(); ++u)
            if (count_[u]) value_ += problem_->weights[u];
    }

private:
    const MaxCoverageProblem* problem_;
    std::vector<std::uint32_t> count_;
    std::vector<std::uint8_t> chosenFlag_;
    std::vector<std::uint32_t> chosen_;
    std::unordered_map<int, int> perGroup_;
    double value_ = 0.0;
};

void greedyPass(const MaxCoverageProblem& problem, Selection& selection)
{
    while (int(selection.chosen().size()) < problem.k) {
        double bestGain = 0.0;
        std::int64_t best = -1;
        for (std::size_t c = 0; c < problem.covers.size(); ++c) {
            if (selection.isChosen(c) || !selection.groupAllows(c)) continue;
            const double gain = selection.gain(c);
            if (gain > bestGain) {
                bestGain = gain;
                best = std::int64_t(c);
            }
        }
        if (best < 0) return;  // nothing adds anything
        selection.add(std::size_t(best));
    }
}

// Best improving exchange (out, in); false when none improves by more than `epsilon`.
bool bestSwap(const MaxCoverageProblem& problem, Selection& selection, double epsilon)
{
    const std::size_t candidates = problem.covers.size();
    std::vector<double> addGain(candidates, 0.0);
    for (std::size_t c = 0; c < candidates; ++c)
        if (!selection.isChosen(c)) addGain[c] = selection.gain(c);

    std::vector<std::uint8_t> uniqueToOut(problem.weights.size(), 0);
    double bestDelta = epsilon;
    std::int64_t bestOut = -1, bestIn = -1;
    const std::vector<std::uint32_t> chosen = selection.chosen();
    for (std::uint32_t out : chosen) {
        // Units only `out` covers are lost when it leaves, unless the newcomer covers them.
        double loss = 0.0;
        for (std::uint32_t u : problem.covers[out])
            if (selection.count(u) == 1) {
                uniqueToOut[u] = 1;
                loss += problem.weights[u];
            }
        for (std::size_t in = 0; in < candidates; ++in) {
            if (selection.isChosen(in) || !selection.groupAllows(in, out)) continue;
            // The exchange gains at most addGain (what it regains is at most what is lost).
            if (addGain[in] <= bestDelta) continue;
            double regained = 0.0;
            for (std::uint32_t u : problem.covers[in])
                if (uniqueToOut[u]) regained += problem.weights[u];
            const double delta = addGain[in] + regained - loss;
            if (delta > bestDelta) {
                bestDelta = delta;
                bestOut = out;
                bestIn = std::int64_t(in);
            }
        }
        for (std::uint32_t u : problem.covers[out]) uniqueToOut[u] = 0;
    }
    if (bestOut < 0) return false;
    selection.remove(std::size_t(bestOut));
    selection.add(std::size_t(bestIn));
    return true;
}

// Orders the chosen candidates greedily among themselves, with their marginal gains.
void orderByMarginalGain(const MaxCoverageProblem& problem, MaxCoverageSolution& solution)
{
    std::vector<std::uint32_t> left = solution.chosen;
    Selection ordered(problem);
    solution.chosen.clear();
    solution.marginalGains.clear();
    while (!left.empty()) {
        std::size_t best = 0;
        double bestGain = -1.0;
        for (std::size_t i = 0; i < left.size(); ++i) {
            const double gain = ordered.gain(left[i]);
            if (gain > bestGain || (gain == bestGain && left[i] < left[best])) {
                bestGain = gain;
                best = i;
            }
        }
        ordered.add(left[best]);
        solution.chosen.push_back(left[best]);
        solution.marginalGains.push_back(bestGain);
        left.erase(left.begin() + std::ptrdiff_t(best));
    }
    ordered.refreshValue();
    solution.value = ordered.value();
}

}  // namespace

double coverageValue(const MaxCoverageProblem& problem, std::span<const std::uint32_t> chosen)
{
    std::vector<std::uint8_t> covered(problem.weights.size(), 0);
    double value = 0.0;
    for (std::uint32_t c : chosen)
        for (std::uint32_t u : problem.covers[c])
            if (!covered[u]) {
                covered[u] = 1;
                value += problem.weights[u];
            }
    return value;
}

MaxCoverageSolution solveMaxCoverage(const MaxCoverageProblem& problem, const MaxCoverageOptions& options)
{
    requireValid(problem);
    double total = 0.0;
    for (double w : problem.weights) total += w;
    // Exchanges must gain more than rounding noise, or equal sets could cycle.
    const double epsilon = 1e-9 * std::max(1.0, total);

    // One run: an optional forced first candidate, greedy, then exchanges.
    const auto run = [&](std::int64_t first, MaxCoverageSolution& out) {
        Selection selection(problem);
        if (first >= 0) selection.add(std::size_t(first));
        greedyPass(problem, selection);
        selection.refreshValue();
        out.greedyValue = selection.value();
        if (options.swaps && !selection.chosen().empty()) {
            for (int pass = 0; pass < 10'000 && bestSwap(problem, selection, epsilon); ++pass) ++out.swaps;
            // An exchange may have freed a group: fill up to k again.
            greedyPass(problem, selection);
        }
        out.chosen = selection.chosen();
        out.start = int(first);
        orderByMarginalGain(problem, out);
    };

    MaxCoverageSolution best;
    run(-1, best);
    const double plainGreedy = best.greedyValue;
    if (options.restarts > 0 && problem.k > 1 && !best.chosen.empty()) {
        // The candidates of largest weight on their own, other than the plain greedy's first.
        std::vector<std::pair<double, std::uint32_t>> alone;
        Selection empty(problem);
        for (std::size_t c = 0; c < problem.covers.size(); ++c) {
            const double gain = empty.gain(c);
            if (gain > 0.0) alone.emplace_back(-gain, std::uint32_t(c));
        }
        std::sort(alone.begin(), alone.end());
        int started = 0;
        for (const auto& [negativeGain, c] : alone) {
            if (started >= options.restarts) break;
            if (c == best.chosen.front() && best.start < 0) continue;  // the plain greedy's own start
            ++started;
            MaxCoverageSolution other;
            run(std::int64_t(c), other);
            if (other.value > best.value + epsilon) best = std::move(other);
        }
    }
    best.greedyValue = plainGreedy;
    return best;
}

MaxCoverageSolution solveMaxCoverageExactly(const MaxCoverageProblem& problem, double maxSets)
{
    requireValid(problem);
    const std::size_t n = problem.covers.size();
    const int k = std::min<int>(problem.k, int(n));
    double sets = 1.0;
    for (int i = 0; i < k; ++i) sets = sets * double(n - std::size_t(i)) / double(i + 1);
    if (sets > maxSets)
        throw Error(QStringLiteral("an exact search over %1 sets of %2 among %3 candidates is too long (limit %4)")
                        .arg(sets, 0, 'g', 3)
                        .arg(k)
                        .arg(n)
                        .arg(maxSets, 0, 'g', 3));

    Selection selection(problem);
    std::vector<std::uint32_t> best;
    double bestValue = -1.0;
    // Depth-first over increasing candidate indices; every prefix is a candidate set too
    // (the group limit may forbid reaching k).
    const auto explore = [&](const auto& self, std::size_t from) -> void {
        if (selection.value() > bestValue + 1e-9 * std::max(1.0, bestValue)) {
            bestValue = selection.value();
            best = selection.chosen();
        }
        if (int(selection.chosen().size()) == k) return;
        for (std::size_t c = from; c < n; ++c) {
            if (!selection.groupAllows(c)) continue;
            selection.add(c);
            self(self, c + 1);
            selection.remove(c);
        }
    };
    explore(explore, 0);

    MaxCoverageSolution solution;
    solution.chosen = best;
    orderByMarginalGain(problem, solution);
    solution.greedyValue = solution.value;
    solution.start = -1;
    return solution;
}

}  // namespace maillage
