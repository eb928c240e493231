#pragma once

// The GUI tests' starting point: the real main window with a fresh copy of the 04 demo
// project open (built once per test program from ../shared/data/04), laid out as on a
// planner's screen.

#include "coverage_controller.h"
#include "main_window.h"
#include "map/map_canvas.h"
#include "planning_controller.h"
#include "project.h"
#include "support/test_data.h"

#include <QEvent>
#include <QMessageBox>
#include <QPoint>
#include <QStringList>
#include <QTimer>

#include <functional>

#include <optional>

namespace maillage::test {

// How long building or opening the demo may take in a test (a loaded CI machine).
constexpr int kLoadTimeoutMs = 180'000;

// The demo project, built on first use and kept for the whole test program.
QString demoTemplate();

// Runs the command-line program; its exit code, -1 when it crashed.
int cliExitCode(const QStringList& arguments);
// A mouse event sent straight to the widget (button pressed for a press or release).
void sendMouse(QWidget& widget, QEvent::Type type, QPoint at, Qt::MouseButtons buttons);
// The commune whose town hall is beyond the threshold with the most inhabitants; -1 when none.
int mostPopulatedCommuneBeyond(const CoverageResult& result);
// Runs the event loop for `ms` milliseconds (watchers and timers act after a quiet time).
void processEventsFor(int ms);
// With MAILLAGE_SCREENSHOTS set (scripts/screenshots.sh), the widget is shown and saved there
// as `name` (a PNG) to be looked at; otherwise nothing.
void saveShot(QWidget& widget, const QString& name);

// Answers the next modal message box as a user would: looks on every tick until one is up,
// then calls `answer` on it once. A single timer shot could fire before the box is shown on a
// loaded machine and leave it waiting for ever; this one keeps looking while it lives.
class MessageBoxAnswer {
public:
    explicit MessageBoxAnswer(std::function<void(QMessageBox&)> answer);
    bool answered() const { return answered_; }

private:
    QTimer timer_;
    bool answered_ = false;
};

struct DemoWindowBase {
    ScratchDir folder;
    gui::MainWindow window;

    DemoWindowBase();

    gui::Project& project() { return *window.project(); }
    gui::CoverageController& coverage() { return *window.coverage(); }
    gui::MapCanvas& canvas() { return *window.canvas(); }
    gui::PlanningController& planning() { return *window.planning(); }
    // People beyond the threshold in the département, on the cells by the project's method (the demo: INSEE's grid).
    double beyond() { return coverage().result().population.departement.beyondSpread; }

    // A place of the 04 inside a commune but beyond the snap limit, found around the gap west of
    // Villars-Colmars (5 km from the nearest road); none when the network has none there.
    std::optional<XY> placeBeyondSnapLimit();
    // Shows a square of 2 × halfWidthMetres around p on the canvas.
    void zoomAround(XY p, double halfWidthMetres);
    // Where a map position is on the canvas, in widget pixels (for simulated mouse events).
    QPoint screen(XY p);
};

}  // namespace maillage::test
