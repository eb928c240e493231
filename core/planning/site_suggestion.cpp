#include "planning/site_suggestion.h"

#include "common/error.h"
#include "coverage/coverage_run.h"
#include "coverage/network_engine.h"
#include "geo/territory.h"
#include "network/nearest_search.h"

#include <QElapsedTimer>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <map>
#include <thread>

namespace maillage {

QString demandModelCode(DemandModel model)
{
    return model == DemandModel::Cells ? QStringLiteral("cells") : QStringLiteral("town-halls");
}

namespace {

double lapMs(QElapsedTimer& timer)
{
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    timer.restart();
    return ms;
}

void requireValid(const SuggestionOptions& options)
{
    if (options.count < 1)
        throw Error(QStringLiteral("the number of sites to suggest must be at least 1 (got %1)").arg(options.count));
    if (options.level < 1 || options.level > 3)
        throw Error(QStringLiteral("the level must be 1, 2 or 3 (got %1)").arg(options.level));
    requireValidThreshold(options.thresholdMinutes);
    if (options.maxPerCommune < 0)
        throw Error(
            QStringLiteral("the number of sites per commune must not be negative (got %1)").arg(options.maxPerCommune));
}

// The people to cover: one access link (every entry) and a weight each.
struct Demand {
    std::vector<AccessLink> links;
    std::vector<double> weights;
};

Demand demandOf(const CoverageContext& context, DemandModel model)
{
    Demand demand;
    const Territory& territory = context.territory();
    const auto addHall = [&](std::size_t commune) {
        const qint64 population = territory.communes[commune].population;
        if (population <= 0 || commune >= context.townHallLinks().size()) return;
        demand.links.push_back(context.townHallLinks()[commune]);
        demand.weights.push_back(double(population));
    };
    if (model == DemandModel::TownHalls) {
        for (std::size_t c = 0; c < territory.communes.size(); ++c) addHall(c);
        return demand;
    }
    const CoverageGrid& grid = context.grid();
    const PopulationPlacement& placement = context.placement();
    for (std::size_t i = 0; i < grid.cellCount(); ++i) {
        const double people = placement.peopleOnCell(i, grid.communeOf(i));
        if (people <= 0.0) continue;
        demand.links.push_back(context.cellLinks()[i]);
        demand.weights.push_back(people);
    }
    // A commune with no cell at all is counted at its town hall (PopulationPlacement).
    for (std::size_t c = 0; c < territory.communes.size(); ++c)
        if (placement.populatedCells()[c] == 0) addHall(c);
    return demand;
}

QString communeOfPoint(const Territory& territory, const AccueilPoint& point)
{
    if (!point.communeInsee.isEmpty()) return point.communeInsee;
    const Commune* commune = territory.communeAt(point.lambert93);
    return commune ? commune->insee : QString();
}

// Units indexed by the graph nodes their entries lead to, by the edges they join, and by
// where they are (for the direct off-network trips of nearby places).
struct UnitIndex {
    std::vector<std::uint32_t> nodeOffsets;  // CSR over nodes
    std::vector<std::uint32_t> nodeUnits;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> byEdge;  // (edge, unit), sorted
    std::vector<std::uint32_t> direct;                            // units that allow direct trips

    UnitIndex(std::size_t nodeCount, const std::vector<const AccessLink*>& links)
    {
        nodeOffsets.assign(nodeCount + 1, 0);
        const auto forEachNode = [&](const AccessLink& link, const auto& visit) {
            for (int e = 0; e < link.entryCount(); ++e)
                for (std::uint32_t node : link.entry(e).node)
                    if (node != kNoNode && node < nodeCount) visit(node);
        };
        for (const AccessLink* link : links) forEachNode(*link, [&](std::uint32_t node) { ++nodeOffsets[node + 1]; });
        for (std::size_t n = 0; n < nodeCount; ++n) nodeOffsets[n + 1] += nodeOffsets[n];
        nodeUnits.resize(nodeOffsets.back());
        std::vector<std::uint32_t> fill(nodeOffsets.begin(), nodeOffsets.end() - 1);
        for (std::uint32_t u = 0; u < links.size(); ++u) {
            forEachNode(*links[u], [&](std::uint32_t node) { nodeUnits[fill[node]++] = u; });
            for (int e = 0; e < links[u]->entryCount(); ++e) byEdge.emplace_back(links[u]->entry(e).edge, u);
            if (links[u]->directMetres > 0.0f) direct.push_back(u);
        }
        std::sort(byEdge.begin(), byEdge.end());
    }
};

// Per-thread workspace of the candidate searches.
class CandidateReach {
public:
    CandidateReach(const TravelEngine& engine, const UnitIndex& index, std::size_t units)
        : engine_(&engine),
          graphEngine_(dynamic_cast<const GraphTravelEngine*>(&engine)),
          index_(&index),
          stamp_(units, kNoPoint)
    {
        if (graphEngine_) search_ = std::make_unique<NearestSearch>(graphEngine_->graph());
    }

    // The units (indices into `links`) within `thresholdMinutes` of the candidate.
    std::vector<std::uint32_t> covered(std::uint32_t candidate, const AccessLink& link,
                                       const std::vector<const AccessLink*>& links, double thresholdMinutes)
    {
        std::vector<std::uint32_t> result;
        if (!link.joined()) return result;
        const float thresholdSeconds = float(thresholdMinutes * 60.0);
        runSearch(link, thresholdSeconds);
        const NearestTimesView view = times_.view();
        const SeedLinks seeds{std::span<const AccessLink>(&link, 1)};
        const float threshold = float(thresholdMinutes);
        const auto consider = [&](std::uint32_t u) {
            if (stamp_[u] == candidate) return;
            stamp_[u] = candidate;
            if (placeMinutes(*links[u], view, seeds) <= threshold) result.push_back(u);
        };
        for (std::size_t n = 0; n + 1 < index_->nodeOffsets.size(); ++n) {
            if (!(times_.seconds[n] <= thresholdSeconds)) continue;
            for (std::uint32_t k = index_->nodeOffsets[n]; k < index_->nodeOffsets[n + 1]; ++k)
                consider(index_->nodeUnits[k]);
        }
        // Units on one of the candidate's own edges reach it without passing a node.
        for (int e = 0; e < link.entryCount(); ++e) {
            const std::uint32_t edge = link.entry(e).edge;
            const auto first = std::lower_bound(index_->byEdge.begin(), index_->byEdge.end(), std::pair(edge, 0u));
            for (auto it = first; it != index_->byEdge.end() && it->first == edge; ++it) consider(it->second);
        }
        // Units close enough to drive to it directly, off the network.
        if (link.directMetres > 0.0f)
            for (std::uint32_t u : index_->direct) {
                const float reach = std::min(link.directMetres, links[u]->directMetres);
                const double dx = links[u]->place.x - link.place.x, dy = links[u]->place.y - link.place.y;
                if (dx * dx + dy * dy <= double(reach) * reach) consider(u);
            }
        std::sort(result.begin(), result.end());
        return result;
    }

private:
    void runSearch(const AccessLink& link, float thresholdSeconds)
    {
        if (!graphEngine_) {
            engine_->nearest(std::span<const AccessLink>(&link, 1), times_);
            return;
        }
        // One search from the candidate, stopped at the threshold: nodes farther stay unreached.
        const Snap snap = graphEngine_->snapOf(link);
        search_->run(std::span<const Snap>(&snap, 1),
                     {.direction = SearchDirection::ToSources, .timeLimit = toDeciseconds(thresholdSeconds)});
        const std::span<const Deciseconds> nodeTimes = search_->nodeTimes();
        times_.seconds.resize(nodeTimes.size());
        times_.owner.resize(nodeTimes.size());
        for (std::size_t n = 0; n < nodeTimes.size(); ++n) {
            const bool reached = nodeTimes[n] != kUnreached;
            times_.seconds[n] = reached ? float(toSeconds(nodeTimes[n])) : kUnreachable;
            times_.owner[n] = reached ? 0u : kNoPoint;
        }
    }

    const TravelEngine* engine_;
    const GraphTravelEngine* graphEngine_;
    const UnitIndex* index_;
    std::unique_ptr<NearestSearch> search_;
    NearestTimes times_;
    std::vector<std::uint32_t> stamp_;
};

// What the points of the level already there reach, and the communes they serve.
struct ExistingCoverage {
    std::vector<AccessLink> links;  // of those joined to the network
    std::map<QString, int> servedCommunes;
    NearestTimes times;  // from every node to the nearest of them (empty when there is none)
};

ExistingCoverage existingCoverageOf(const TravelEngine& engine, const Territory& territory,
                                    std::span<const AccueilPoint> existing, int level)
{
    ExistingCoverage coverage;
    for (const AccueilPoint& point : existing) {
        if (int(point.level) != level || point.status == PointStatus::Closed) continue;
        const AccessLink link = engine.link(point.lambert93);
        if (link.joined()) coverage.links.push_back(link);
        const QString commune = communeOfPoint(territory, point);
        if (!commune.isEmpty()) ++coverage.servedCommunes[commune];
    }
    if (!coverage.links.empty()) engine.nearest(coverage.links, coverage.times);
    return coverage;
}

// The units still to cover (pointers into `all`), their weights going into the problem; every
// unit counts in the population, those the points already there reach in coveredBefore.
std::vector<const AccessLink*> unitsToCover(const Demand& all, const ExistingCoverage& already, float threshold,
                                            SuggestionProblem& built)
{
    const SeedLinks existingSeeds{already.links};
    std::vector<const AccessLink*> links;
    for (std::size_t u = 0; u < all.links.size(); ++u) {
        built.population += all.weights[u];
        const float minutes =
            already.links.empty() ? kUnreachable : placeMinutes(all.links[u], already.times.view(), existingSeeds);
        if (minutes <= threshold) {
            built.coveredBefore += all.weights[u];
        } else {
            links.push_back(&all.links[u]);
            built.problem.weights.push_back(all.weights[u]);
        }
    }
    return links;
}

// The candidates' links to the network; in the problem, their commune (the group of the limit)
// and whether they may be chosen: joined to the network, and in a commune not yet served
// unless served communes are allowed.
std::vector<AccessLink> joinCandidates(const TravelEngine& engine, const Territory& territory,
                                       std::span<const AccueilPoint> candidates,
                                       const std::map<QString, int>& servedCommunes, const SuggestionOptions& options,
                                       SuggestionProblem& built)
{
    const std::size_t count = candidates.size();
    built.candidateCommunes.resize(count);
    built.eligible.assign(count, 0);
    built.problem.group.assign(count, -1);
    built.problem.covers.resize(count);
    built.problem.k = options.count;
    built.problem.maxPerGroup = options.maxPerCommune;
    std::vector<AccessLink> candidateLinks(count);
    std::map<QString, int> groups;
    for (std::size_t c = 0; c < count; ++c) {
        candidateLinks[c] = engine.link(candidates[c].lambert93);
        const QString commune = communeOfPoint(territory, candidates[c]);
        built.candidateCommunes[c] = commune;
        if (!commune.isEmpty()) built.problem.group[c] = groups.try_emplace(commune, int(groups.size())).first->second;
        if (!candidateLinks[c].joined()) {
            ++built.offNetwork;
            continue;
        }
        if (options.skipServedCommunes && !commune.isEmpty() && servedCommunes.count(commune)) continue;
        built.eligible[c] = 1;
    }
    return candidateLinks;
}

// The units each eligible candidate covers: one bounded search per candidate, spread over the
// threads when the engine is a GraphTravelEngine (each thread then runs its own NearestSearch).
void findCoveredUnits(const TravelEngine& engine, const std::vector<const AccessLink*>& links,
                      const std::vector<AccessLink>& candidateLinks, const SuggestionOptions& options,
                      SuggestionProblem& built)
{
    const UnitIndex index(engine.nodeCount(), links);
    std::vector<std::uint32_t> work;
    for (std::size_t c = 0; c < candidateLinks.size(); ++c)
        if (built.eligible[c]) work.push_back(std::uint32_t(c));
    const bool parallel = dynamic_cast<const GraphTravelEngine*>(&engine) != nullptr;
    const int threads = parallel ? std::clamp(options.threads, 1, 64) : 1;
    std::atomic<std::size_t> next{0};
    const auto worker = [&] {
        CandidateReach reach(engine, index, links.size());
        for (std::size_t i = next++; i < work.size(); i = next++) {
            const std::uint32_t c = work[i];
            built.problem.covers[c] = reach.covered(c, candidateLinks[c], links, options.thresholdMinutes);
        }
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < threads && std::size_t(t) < work.size(); ++t) pool.emplace_back(worker);
    worker();
    for (std::thread& thread : pool) thread.join();
}

}  // namespace

SuggestionProblem buildSuggestionProblem(const CoverageContext& context, std::span<const AccueilPoint> existing,
                                         std::span<const AccueilPoint> candidates, const SuggestionOptions& options)
{
    requireValid(options);
    QElapsedTimer timer;
    timer.start();
    SuggestionProblem built;
    const TravelEngine& engine = context.engine();
    const ExistingCoverage already = existingCoverageOf(engine, context.territory(), existing, options.level);
    const Demand all = demandOf(context, options.demand);
    const std::vector<const AccessLink*> links = unitsToCover(all, already, float(options.thresholdMinutes), built);
    built.timings.existing = lapMs(timer);

    const std::vector<AccessLink> candidateLinks =
        joinCandidates(engine, context.territory(), candidates, already.servedCommunes, options, built);
    findCoveredUnits(engine, links, candidateLinks, options, built);
    built.timings.precompute = lapMs(timer);
    return built;
}

SiteSuggestions suggestSites(const CoverageContext& context, std::span<const AccueilPoint> existing,
                             std::span<const AccueilPoint> candidates, const SuggestionOptions& options)
{
    SuggestionProblem built = buildSuggestionProblem(context, existing, candidates, options);
    SiteSuggestions suggestions;
    suggestions.options = options;
    suggestions.timings = built.timings;
    suggestions.population = built.population;
    suggestions.coveredBefore = built.coveredBefore;
    suggestions.candidates = int(candidates.size());
    suggestions.candidatesOffNetwork = built.offNetwork;
    suggestions.demandUnits = int(built.problem.weights.size());
    for (std::uint8_t e : built.eligible) suggestions.eligibleCandidates += e;

    // Ineligible candidates cover nothing: they are never chosen.
    QElapsedTimer timer;
    timer.start();
    MaxCoverageSolution greedy = solveMaxCoverage(built.problem, {.swaps = false, .restarts = 0});
    suggestions.timings.greedy = lapMs(timer);
    const MaxCoverageSolution solution =
        options.swaps ? solveMaxCoverage(built.problem, {.swaps = true, .restarts = options.restarts}) : greedy;
    suggestions.timings.swaps = options.swaps ? lapMs(timer) : 0.0;

    suggestions.greedyGain = greedy.value;
    suggestions.swaps = solution.swaps;
    suggestions.coveredAfter = built.coveredBefore + solution.value;
    for (std::size_t i = 0; i < solution.chosen.size(); ++i) {
        const std::uint32_t c = solution.chosen[i];
        SuggestedSite site;
        site.candidate = c;
        site.point = candidates[c];
        site.communeInsee = built.candidateCommunes[c];
        if (const Commune* commune = context.territory().commune(site.communeInsee)) site.communeName = commune->name;
        site.marginalGain = solution.marginalGains[i];
        for (std::uint32_t u : built.problem.covers[c]) site.aloneGain += built.problem.weights[u];
        suggestions.sites.push_back(site);
    }
    return suggestions;
}

}  // namespace maillage
