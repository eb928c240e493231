// maillage suggest: where the next k places of a level should go — among town halls, La Poste
// points, first-level points or a file of candidates — to bring the most people within the
// threshold; optionally added to a plan.
#include "planning_support.h"

#include "project/full_coverage.h"

#include "coverage/coverage_run.h"
#include "coverage/grid.h"
#include "importers/point_importers.h"
#include "planning/scenario.h"
#include "planning/scenario_coverage.h"
#include "planning/site_suggestion.h"
#include "store/kinds.h"
#include "store/scenarios.h"

#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <optional>

namespace maillage::cli {
namespace {

struct Candidates {
    QString description;
    std::vector<AccueilPoint> points;
};

Candidates candidatesFrom(const QString& spec, const ScenarioView& scenario)
{
    Candidates candidates;
    const auto select = [&](const QString& description, const auto& keep) {
        candidates.description = description;
        for (const AccueilPoint& p : scenario.points)
            if (p.status != PointStatus::Closed && keep(p)) candidates.points.push_back(p);
    };
    const QString key = spec.toLower();
    if (key == QLatin1String("mairies") || key == QLatin1String("town-halls")) {
        select(QStringLiteral("town halls"),
               [](const AccueilPoint& p) { return p.level == Level::First && p.kind == QLatin1String("mairie"); });
    } else if (key == QLatin1String("laposte") || key == QLatin1String("la-poste")) {
        select(QStringLiteral("La Poste points"), [](const AccueilPoint& p) {
            const KindInfo* kind = findKind(p.kind);
            return kind && kind->group == QLatin1String("la_poste");
        });
    } else if (key == QLatin1String("level1")) {
        select(QStringLiteral("first-level points"), [](const AccueilPoint& p) { return p.level == Level::First; });
    } else if (QFileInfo::exists(spec)) {
        PointMapping mapping;
        mapping.idField = QString();
        ImportBatch batch = readGenericPoints(spec, mapping);
        for (const ImportIssue& issue : batch.issues)
            err() << spec << (batch.featureIds ? ", feature " : ":") << issue.line << ": "
                  << (issue.skipped ? "skipped: " : "warning: ") << issue.message << '\n';
        candidates.description = QFileInfo(spec).fileName();
        candidates.points = std::move(batch.points);
    } else {
        throw UsageError(
            QStringLiteral("--candidates must be mairies, laposte, level1 or a file of points, not \"%1\"").arg(spec));
    }
    if (candidates.points.empty())
        throw Error(QStringLiteral("no candidate: the scenario has no %1").arg(candidates.description));
    return candidates;
}

QString defaultKindForLevel(int level)
{
    switch (level) {
    case 1: return QStringLiteral("point_relais");
    case 2: return QStringLiteral("france_services");
    default: return QStringLiteral("other");
    }
}

// Adds the suggested sites to a plan (created, as a copy of the scenario, when missing).
void addToPlan(Store& store, const QString& plan, const QString& fromScenario, const SiteSuggestions& suggestions,
               const QString& kind)
{
    ScenarioStore scenarios(store);
    if (!scenarios.exists(plan)) {
        scenarios.copy(fromScenario, plan);
        scenarios.setDescription(plan, QStringLiteral("%1 sites suggested by maillage suggest (from %2)")
                                           .arg(suggestions.sites.size())
                                           .arg(fromScenario));
        out() << "Created plan " << plan << " from " << fromScenario << '\n';
    }
    const KindInfo* info = findKind(kind);
    const std::vector<AccueilPoint> already = scenarios.scenario(plan).addedPoints;
    for (const SuggestedSite& site : suggestions.sites) {
        const bool inPlan = std::any_of(already.begin(), already.end(), [&](const AccueilPoint& p) {
            return p.lambert93.x == site.point.lambert93.x && p.lambert93.y == site.point.lambert93.y
                   && int(p.level) == suggestions.options.level;
        });
        if (inPlan) {
            out() << "  already in the plan: " << site.point.name << '\n';
            continue;
        }
        const AccueilPoint point =
            plannedPointFor(site, levelFromInt(suggestions.options.level).value(), kind, info ? info->labelFr : kind,
                            QStringLiteral("suggested: +%1 people within %2 min (marginal gain, %3 demand)")
                                .arg(std::llround(site.marginalGain))
                                .arg(suggestions.options.thresholdMinutes)
                                .arg(demandModelCode(suggestions.options.demand)));
        const qint64 id = scenarios.addPoint(plan, point);
        out() << "  added " << id << " \"" << point.name << "\"\n";
    }
}

// What the command line asks, checked before anything is read.
struct SuggestRequest {
    SuggestionOptions options;
    CoverageOptions coverage;  // level, threshold and threads, as the coverage check reads them
    QString kind;              // of the places added to a plan
    QString scenarioName;
    QString plan;  // --into-plan; empty: none
    double cell = 0.0;
    QString candidateSpec;
};

SuggestRequest suggestRequest(const QCommandLineParser& parser)
{
    SuggestRequest request;
    SuggestionOptions& options = request.options;
    options.count = intOption(parser, QStringLiteral("k"), 1, 100).value_or(5);
    request.coverage = coverageOptionsFrom(parser);
    const CoverageOptions& coverage = request.coverage;
    options.level = coverage.level;
    options.thresholdMinutes = coverage.thresholdMinutes;
    options.threads = threadsOption(parser);
    options.maxPerCommune = intOption(parser, QStringLiteral("per-commune"), 0, 100).value_or(1);
    options.skipServedCommunes = !parser.isSet(QStringLiteral("allow-served"));
    options.swaps = !parser.isSet(QStringLiteral("no-swap"));
    const QString demand = parser.value(QStringLiteral("demand"));
    if (demand.isEmpty() || demand == QLatin1String("cells")) options.demand = DemandModel::Cells;
    else if (demand == QLatin1String("town-halls") || demand == QLatin1String("mairies"))
        options.demand = DemandModel::TownHalls;
    else throw UsageError(QStringLiteral("--demand must be cells or town-halls, not \"%1\"").arg(demand));
    request.kind =
        parser.isSet(QStringLiteral("kind")) ? parser.value(QStringLiteral("kind")) : defaultKindForLevel(options.level);
    if (!findKind(request.kind)) throw UsageError(QStringLiteral("unknown kind \"%1\"").arg(request.kind));
    request.scenarioName =
        parser.isSet(QStringLiteral("scenario")) ? parser.value(QStringLiteral("scenario")) : kBaselineScenario;
    request.plan = parser.value(QStringLiteral("into-plan"));
    if (!request.plan.isEmpty() && isBaselineName(request.plan))
        throw UsageError(QStringLiteral("--into-plan cannot be the baseline: name a plan"));

    request.cell = cellOption(parser);
    request.candidateSpec =
        parser.isSet(QStringLiteral("candidates")) ? parser.value(QStringLiteral("candidates")) : QStringLiteral("mairies");
    return request;
}

// The suggested sites with their gains, the coverage's own check of the gain, and the times.
void printSuggestions(const SiteSuggestions& suggestions, const SuggestionOptions& options, const ScenarioView& scenario,
                      const Candidates& candidates, const PopulationCoverage& before, const PopulationCoverage& after,
                      double loadMs)
{
    const QString threshold = QString::number(options.thresholdMinutes);
    out() << "Suggested places of level " << options.level << " within " << threshold << " min, from " << scenario.name
          << ": " << suggestions.sites.size() << " of " << options.count << " among " << candidates.points.size() << " "
          << candidates.description << " (" << suggestions.eligibleCandidates << " eligible";
    if (suggestions.candidatesOffNetwork) out() << ", " << suggestions.candidatesOffNetwork << " too far from any road";
    out() << "); people counted "
          << (options.demand == DemandModel::Cells ? "spread over the inhabited cells" : "at their town hall") << "\n\n";
    TextTable table({QStringLiteral("rank"), QStringLiteral("candidate"), QStringLiteral("commune"), QStringLiteral("INSEE"),
                     QStringLiteral("marginal gain"), QStringLiteral("alone"), QStringLiteral("cumulative")});
    double cumulative = 0.0;
    for (std::size_t i = 0; i < suggestions.sites.size(); ++i) {
        const SuggestedSite& site = suggestions.sites[i];
        cumulative += site.marginalGain;
        table.addRow({QString::number(i + 1), site.point.name, site.communeName, site.communeInsee,
                      signedPeople(site.marginalGain), peopleText(site.aloneGain), signedPeople(cumulative)});
    }
    table.print(out());
    out() << "\nPeople within " << threshold << " min: " << peopleText(suggestions.coveredBefore) << " -> "
          << peopleText(suggestions.coveredAfter) << " of " << peopleText(suggestions.population) << " ("
          << signedPeople(suggestions.gain()) << "; greedy alone " << signedPeople(suggestions.greedyGain) << ", "
          << suggestions.swaps << " improving exchange" << (suggestions.swaps == 1 ? "" : "s") << ")\n";
    out() << "Check with the coverage: people beyond (spread) " << peopleText(before.departement.beyondSpread) << " -> "
          << peopleText(after.departement.beyondSpread) << ", at the town hall "
          << peopleText(before.departement.beyondAtTownHall) << " -> " << peopleText(after.departement.beyondAtTownHall)
          << " (" << before.departement.communesTownHallBeyond << " -> " << after.departement.communesTownHallBeyond
          << " communes)\n";
    out() << QStringLiteral(
                 "Load %1 s; suggestion %2 ms (coverage of the existing places %3, one search per candidate "
                 "%4, greedy %5, exchanges %6)\n")
                 .arg(loadMs / 1000, 0, 'f', 1)
                 .arg(suggestions.timings.total(), 0, 'f', 0)
                 .arg(suggestions.timings.existing, 0, 'f', 0)
                 .arg(suggestions.timings.precompute, 0, 'f', 0)
                 .arg(suggestions.timings.greedy, 0, 'f', 1)
                 .arg(suggestions.timings.swaps, 0, 'f', 1);
}

// The plan the suggestion starts from and the candidate sites, known before the network is
// read: a k no candidate list can fill is refused without making the user wait.
struct SuggestFrom {
    ScenarioView scenario;
    Candidates candidates;
};

SuggestFrom suggestFrom(const PlanningProject& loading, const SuggestRequest& request)
{
    CoverageGrid::requireFits(loading.territory, request.cell);
    ScenarioView scenario = loadScenarioView(*loading.store, request.scenarioName);
    Candidates candidates = candidatesFrom(request.candidateSpec, scenario);
    const int count = request.options.count;
    if (std::size_t(count) > candidates.points.size())
        throw UsageError(QStringLiteral("--k %1 asks for more places than the %2 candidates (%3 of %4): give --k %2 or "
                                        "less, or other candidates with --candidates")
                             .arg(count)
                             .arg(candidates.points.size())
                             .arg(candidates.description, scenario.name));
    return {std::move(scenario), std::move(candidates)};
}

// The sites, and the population beyond without and with them, by the coverage's own statistics.
struct CheckedSuggestions {
    SiteSuggestions suggestions;
    PopulationCoverage before;
    PopulationCoverage after;
};

// The suggestion runs on the scenario's network (its closures applied), then the coverage
// with the suggested places added checks the gain.
CheckedSuggestions suggestAndCheck(ScenarioCoverageRunner& runner, const SuggestFrom& from, const SuggestRequest& request)
{
    const SuggestionOptions& options = request.options;
    CheckedSuggestions checked;
    CoverageOptions check = request.coverage;
    check.computeBands = false;
    check.clipGapsToCommunes = false;
    runner.compute(from.scenario, check, [&](const GraphTravelEngine&, const CoverageContext& context) {
        const std::vector<AccueilPoint> existing = scenarioLevelPoints(from.scenario, options.level);
        checked.suggestions = suggestSites(context, existing, from.candidates.points, options);
        checked.before = computeCoverage(context, existing, check).population;
        std::vector<AccueilPoint> withSites = existing;
        for (const SuggestedSite& site : checked.suggestions.sites) {
            AccueilPoint point = site.point;
            point.level = levelFromInt(options.level).value();
            withSites.push_back(point);
        }
        checked.after = computeCoverage(context, withSites, check).population;
    });
    return checked;
}

}  // namespace

void describeSuggest(QCommandLineParser& parser)
{
    parser.setApplicationDescription(QStringLiteral(
        "Suggest where the next k places of a level should go to bring the most people within the threshold:\n"
        "greedy choice with marginal gains, then improving exchanges. Existing places are kept; at most one new\n"
        "place per commune, none in a commune that already has one (unless told otherwise)."));
    parser.addOptions(planningCommandOptions({
        {QStringLiteral("k"), QStringLiteral("How many new places (default 5)."), QStringLiteral("n")},
        {QStringLiteral("candidates"),
         QStringLiteral("mairies (default), laposte, level1, or a file of points (CSV with "
                        "latitude/longitude, GeoJSON, GeoPackage)."),
         QStringLiteral("set")},
        scenarioOption(QStringLiteral("Start from this scenario (default: baseline).")),
        {QStringLiteral("demand"),
         QStringLiteral("Where people are counted: cells (spread over the inhabited cells, default) "
                        "or town-halls."),
         QStringLiteral("model")},
        {QStringLiteral("per-commune"), QStringLiteral("New places per commune (default 1; 0 = no limit)."),
         QStringLiteral("n")},
        {QStringLiteral("allow-served"), QStringLiteral("Also suggest places in communes that already have one.")},
        {QStringLiteral("no-swap"), QStringLiteral("Greedy choice only, without the exchange improvement.")},
        scenarioOption(QStringLiteral("into-plan"),
                       QStringLiteral("Add the suggested places to this plan (created as a copy of the "
                                      "scenario when missing).")),
        kindOption(QStringLiteral("Kind of the places added to the plan (default france_services for level 2).")),
    }));
}

int runSuggest(const QCommandLineParser& parser)
{
    const SuggestRequest request = suggestRequest(parser);

    Stopwatch stopwatch;
    std::optional<SuggestFrom> from;
    PlanningProject project =
        loadPlanningProject(parser, [&](const PlanningProject& loading) { from = suggestFrom(loading, request); });
    const auto runner = scenarioRunner(project, parser);
    const double loadMs = stopwatch.lapMs();

    const CheckedSuggestions checked = suggestAndCheck(*runner, *from, request);
    printSuggestions(checked.suggestions, request.options, from->scenario, from->candidates, checked.before, checked.after,
                     loadMs);
    if (!request.plan.isEmpty() && !checked.suggestions.sites.empty()) {
        out() << '\n';
        addToPlan(*project.store, request.plan, from->scenario.name, checked.suggestions, request.kind);
    }
    out().flush();
    return 0;
}

}  // namespace maillage::cli
