#pragma once

#include "store/accueil_point.h"
#include "store/scenarios.h"

#include <QString>
#include <QStringList>

#include <span>
#include <vector>

namespace maillage {

class Store;

// What a scenario is made of once its plan is applied to the baseline: the points as the
// scenario has them, and the roads it closes.
//
// Points: every baseline point with the plan's changes (a closed point keeps its place with
// status Closed; a changed level or kind replaces the stored one), then the points the plan
// adds (negative ids, status Planned). Baseline points whose own status is "planned" belong
// to no scenario and are left out: a plan holds its planned points itself.
struct ScenarioView {
    QString name;
    bool baseline = true;
    std::vector<AccueilPoint> points;
    std::vector<RoadClosure> roadClosures;
    QStringList warnings;  // changes to points that no longer exist, and the like
};

// Applies `scenario` to the baseline points (as read from the store).
ScenarioView applyScenario(std::span<const AccueilPoint> baselinePoints, const Scenario& scenario);

// Reads the baseline and the scenario named `name` ("baseline" or a plan) from the store.
ScenarioView loadScenarioView(Store& store, const QString& name);

// The points of a level that serve in the scenario's coverage: not closed (planned points of
// the plan included). Same rule as coveragePoints(points, level, true).
std::vector<AccueilPoint> scenarioLevelPoints(const ScenarioView& view, int level);

}  // namespace maillage
