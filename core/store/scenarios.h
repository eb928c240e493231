#pragma once

#include "geo/types.h"
#include "store/accueil_point.h"

#include <QDateTime>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace maillage {

class Store;

// The baseline is the project's points as they are (the accueil_points table). It is not a
// row of its own: it can be read and copied (into an empty plan), never renamed, deleted or
// changed by a plan. Its name is reserved, without regard to case.
inline const QString kBaselineScenario = QStringLiteral("baseline");
bool isBaselineName(const QString& name);

// A plan's change to one point of the baseline: closed, or given another level (and kind),
// e.g. a La Poste agency or a town hall raised to the second level.
struct PointChange {
    qint64 pointId = 0;  // id in accueil_points
    bool closed = false;
    std::optional<Level> level{};  // unset: level unchanged
    QString kind{};                // empty: kind unchanged
};

// How a road closure finds its edges in a road graph (planning/road_closures.h resolves it
// against the graph the coverage runs on).
enum class ClosureMethod {
    Ref,       // every edge carrying a road reference ("D908"), optionally only near a place
    Position,  // the edge nearest to a place (a segment picked on the map)
    Edge,      // an edge id of the project's graph as built; changes when the network does
};
QString closureMethodCode(ClosureMethod method);  // "ref", "position", "edge"
std::optional<ClosureMethod> closureMethodFromCode(const QString& code);

struct RoadClosure {
    qint64 id = 0;  // 0 until saved
    ClosureMethod method = ClosureMethod::Ref;
    QString ref{};                        // Ref: "D908" (also matches TravelMapping's "D090804")
    std::optional<XY> centre{};           // Ref: only edges within radiusMetres of it; Position: required
    double radiusMetres = 0.0;            // Ref with a centre: > 0
    std::optional<std::uint32_t> edge{};  // Edge: required
    QString note{};                       // e.g. "Col d'Allos, closed from November to May"
};

// A plan and everything it changes. Points the plan adds have *negative* ids (minus their row
// id in scenario_points), so they never collide with baseline ids, and status Planned.
struct Scenario {
    qint64 id = 0;  // 0 for the baseline
    QString name;
    QString description;
    std::vector<AccueilPoint> addedPoints;
    std::vector<PointChange> pointChanges;
    std::vector<RoadClosure> roadClosures;
    QDateTime createdAt;  // UTC; invalid for the baseline
    QDateTime updatedAt;
    qint64 rowVersion = 0;  // counts the plan's changes (schema version 6); 0 for the baseline
    QString updatedBy;      // who changed it last: the PostgreSQL role, or the system user

    bool isBaseline() const { return id == 0; }
};

struct ScenarioSummary {
    qint64 id = 0;
    QString name;
    QString description;
    int addedPoints = 0;
    int pointChanges = 0;
    int roadClosures = 0;
    QDateTime createdAt;
    QDateTime updatedAt;
    qint64 rowVersion = 0;
    QString updatedBy;
};

// The plans of a project, kept in the project file next to its points (schema version 3):
// tables scenarios, scenario_points (a GeoPackage point layer QGIS can show),
// scenario_point_changes and scenario_road_closures. Every write is one transaction; a plan
// never writes to accueil_points. Names are unique without regard to case, trimmed, not empty.
// Errors name the project and the plan (and the point or closure at fault).
//
// Several planners (schema version 6): every write of a plan — name, description, its points,
// changes and closures, its removal — bumps the plan's row version and sets who changed it, in
// its transaction. The store remembers the version of each plan it read in full (scenario())
// or wrote last; a write to a plan someone else changed since is refused with PlanConflict
// (nothing written), naming who. A plan this store never read is written without that check
// (the command line). list() does not count as reading the plan.
// Keeps a reference to the store, which must outlive it.
class ScenarioStore {
public:
    explicit ScenarioStore(Store& store);

    // The plans, by name (the baseline is not listed).
    std::vector<ScenarioSummary> list() const;
    bool exists(const QString& name) const;  // true for the baseline
    // A plan with its changes; the baseline gives an empty plan (id 0). Throws when unknown.
    Scenario scenario(const QString& name) const;

    Scenario create(const QString& name, const QString& description = {});
    // A new plan with the same changes (new rows, new ids); copying the baseline gives an
    // empty plan.
    Scenario copy(const QString& from, const QString& to);
    void rename(const QString& from, const QString& to);
    void setDescription(const QString& name, const QString& description);
    void remove(const QString& name);  // with all its changes

    // --- changes (each throws when `plan` is the baseline or unknown)
    // Adds a planned point to the plan only; returns its (negative) id. The point's id and
    // status are ignored; it is validated like a stored point.
    qint64 addPoint(const QString& plan, const AccueilPoint& point);
    // Rewrites a point the plan added (id < 0): position, name, level, kind, hours, notes...
    // (status and createdAt are kept). Throws when the point is not the plan's.
    void updatePoint(const QString& plan, const AccueilPoint& point);
    // A baseline point (id > 0) is marked closed in the plan; a point the plan added (id < 0)
    // is removed from it.
    void closePoint(const QString& plan, qint64 pointId);
    // Gives a point another level and optionally another kind (a kind code of the referential).
    void setPointLevel(const QString& plan, qint64 pointId, Level level, const QString& kind = {});
    // Forgets the plan's change to a baseline point (reopens it, restores its level and kind).
    void revertPoint(const QString& plan, qint64 pointId);
    // Sets the plan's change to a baseline point exactly as given (closed, level, kind); a
    // change that changes nothing forgets any change to the point. For editors that undo.
    void setPointChange(const QString& plan, const PointChange& change);
    qint64 addRoadClosure(const QString& plan, const RoadClosure& closure);  // returns its id
    void removeRoadClosure(const QString& plan, qint64 closureId);

private:
    Store* store_;
};

}  // namespace maillage
