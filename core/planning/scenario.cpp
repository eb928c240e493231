#include "planning/scenario.h"

#include "store/store.h"

#include <unordered_map>

namespace maillage {

ScenarioView applyScenario(std::span<const AccueilPoint> baselinePoints, const Scenario& scenario)
{
    ScenarioView view;
    view.name = scenario.isBaseline() ? kBaselineScenario : scenario.name;
    view.baseline = scenario.isBaseline();
    view.roadClosures = scenario.roadClosures;

    std::unordered_map<qint64, const PointChange*> changes;
    for (const PointChange& change : scenario.pointChanges) changes.emplace(change.pointId, &change);

    view.points.reserve(baselinePoints.size() + scenario.addedPoints.size());
    for (const AccueilPoint& stored : baselinePoints) {
        if (stored.status == PointStatus::Planned) continue;
        AccueilPoint point = stored;
        if (const auto found = changes.find(point.id); found != changes.end()) {
            const PointChange& change = *found->second;
            if (change.closed) point.status = PointStatus::Closed;
            if (change.level) point.level = *change.level;
            if (!change.kind.isEmpty()) point.kind = change.kind;
            changes.erase(found);
        }
        view.points.push_back(point);
    }
    for (const auto& [id, change] : changes)
        view.warnings
            << QStringLiteral("plan \"%1\" changes point #%2, which is no longer in the project").arg(scenario.name).arg(id);
    for (AccueilPoint added : scenario.addedPoints) {
        added.status = PointStatus::Planned;
        view.points.push_back(added);
    }
    return view;
}

ScenarioView loadScenarioView(Store& store, const QString& name)
{
    const Scenario scenario = ScenarioStore(store).scenario(name);
    const std::vector<AccueilPoint> baseline = store.points();
    return applyScenario(baseline, scenario);
}

std::vector<AccueilPoint> scenarioLevelPoints(const ScenarioView& view, int level)
{
    std::vector<AccueilPoint> selected;
    for (const AccueilPoint& point : view.points)
        if (int(point.level) == level && point.status != PointStatus::Closed) selected.push_back(point);
    return selected;
}

}  // namespace maillage
