#pragma once

#include "project.h"

#include <QString>

#include <functional>
#include <memory>

namespace maillage::gui {

// Progress of a loading job run off the GUI thread: reports what it does, and stops (by
// throwing LoadCancelled) at the next step once the user cancelled.
class LoadProgress {
public:
    using Report = std::function<void(int percent, const QString& text)>;
    using Cancelled = std::function<bool()>;
    LoadProgress(Report report, Cancelled cancelled) : report_(std::move(report)), cancelled_(std::move(cancelled)) {}

    void step(int percent, const QString& text);  // throws LoadCancelled when cancelled
    bool isCancelled() const { return cancelled_(); }
    // A sub-range [from, to] for a long step reporting its own fraction.
    void fraction(int from, int to, double done);

private:
    Report report_;
    Cancelled cancelled_;
};

struct LoadCancelled {};

// What a loading job hands back to the GUI thread.
struct LoadOutcome {
    std::shared_ptr<ProjectData> data;  // null on failure or cancel
    QString error;                      // user-facing message on failure
    bool cancelled = false;
};

// Loads the territory and the road network named by the project's inputs, builds the
// routable graph and prepares the coverage (grid, links of cells and town halls, whose
// positions come from `points`). Throws maillage::Error (file, layer, field at fault) or
// LoadCancelled.
std::shared_ptr<ProjectData> loadProjectData(const ProjectInputs& inputs, const std::vector<AccueilPoint>& points,
                                             LoadProgress& progress);

// The network part of loadProjectData, for data whose territory is already loaded.
void loadNetworkAndCoverage(ProjectData& data, const std::vector<AccueilPoint>& points, LoadProgress& progress);

// Creates a project file for the inputs (overwriting nothing: it must not exist) and loads
// its data. The store is opened and closed in the calling (worker) thread.
std::shared_ptr<ProjectData> createProject(const QString& path, const ProjectInputs& inputs, LoadProgress& progress);

// The 04 demonstration: a fresh project at `path` (an existing file there is replaced)
// with the reference data of `dataFolder`/04 — boundaries, the road network and the three
// published point lists imported.
std::shared_ptr<ProjectData> createDemoProject(const QString& path, const QString& dataFolder, LoadProgress& progress);

// The reference data folder: MAILLAGE_SHARED_DATA when set, else the one given at build time.
QString sharedDataFolder();
// The inputs of the 04 demo, or an Error naming the missing file.
ProjectInputs demoInputs(const QString& dataFolder);
// Where the demo project is written (the user's data folder).
QString defaultDemoPath();

// Runs `job` and wraps its result or failure (never throws).
LoadOutcome runLoadJob(const std::function<std::shared_ptr<ProjectData>(LoadProgress&)>& job, LoadProgress& progress);

}  // namespace maillage::gui
