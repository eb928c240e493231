// maillage-gui — the desktop application planners open every day.
#include "comparison_panel.h"
#include "main_window.h"
#include "planning_controller.h"
#include "project.h"
#include "scenario_panel.h"
#include "suggestion_panel.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTimer>
#include <QTranslator>

#include <cpl_error.h>
#include "common/gdal.h"

#include <gdal.h>

#include <cstdio>

using maillage::gui::MainWindow;

namespace {

QSize parseSize(const QString& text)
{
    const QStringList parts = text.split(QLatin1Char('x'));
    if (parts.size() != 2) return {};
    return {parts[0].toInt(), parts[1].toInt()};
}

// Planning steps asked on the command line (for screenshots and demonstrations), run once the
// project is open, in this order.
struct PlanningSteps {
    QString plan;         // shown (created, empty, when missing)
    QString closePreset;  // roads closed in the plan shown
    int suggest = 0;      // k sites suggested
    bool addSuggestions = false;
    bool compare = false;  // baseline against the plan shown
    QString dock;          // raised: scenarios, suggestions, comparison
};

void runPlanningSteps(MainWindow& window, const PlanningSteps& steps)
{
    using namespace maillage::gui;
    PlanningController& planning = *window.planning();
    const auto fail = [](const QString& what) { std::fprintf(stderr, "maillage-gui: %s\n", qPrintable(what)); };
    if (!steps.plan.isEmpty()) {
        ScenarioPanel& scenarios = *planning.scenarios();
        const bool ok =
            window.project()->scenarioExists(steps.plan) ? scenarios.activate(steps.plan) : scenarios.createPlan(steps.plan);
        if (!ok) fail(scenarios.lastError());
    }
    if (!steps.closePreset.isEmpty() && !planning.applyClosurePreset(steps.closePreset))
        fail(QStringLiteral("cannot close the roads of \"%1\" (is a plan shown?)").arg(steps.closePreset));
    if (steps.suggest > 0) {
        SuggestionPanel& suggestions = *planning.suggestions();
        suggestions.setCount(steps.suggest);
        if (suggestions.run()) suggestions.waitForResult();
        if (!suggestions.lastError().isEmpty()) fail(suggestions.lastError());
        if (steps.addSuggestions && suggestions.addChosenToPlan().isEmpty()) fail(suggestions.lastError());
    }
    if (steps.compare) {
        ComparisonPanel& comparison = *planning.comparison();
        if (comparison.run()) comparison.waitForResult();
        if (!comparison.lastError().isEmpty()) fail(comparison.lastError());
    }
    if (steps.dock == QLatin1String("comparison")) planning.showComparison();
    QDockWidget* dock = steps.dock == QLatin1String("scenarios")     ? planning.scenariosDock()
                        : steps.dock == QLatin1String("suggestions") ? planning.suggestionsDock()
                                                                     : nullptr;
    if (dock) {
        dock->show();
        dock->raise();
    }
}

// Once the project is open, does `action` at the commune named on the command line; says so
// when the project has no such commune.
void onCommuneOnceOpen(MainWindow& window, const QString& nameOrInsee, bool (MainWindow::*action)(const QString&))
{
    QObject::connect(&window, &MainWindow::projectOpened, &window, [&window, nameOrInsee, action] {
        if (!(window.*action)(nameOrInsee))
            std::fprintf(stderr, "maillage-gui: no commune \"%s\"\n", qPrintable(nameOrInsee));
    });
}

// The command line, read before the QApplication exists: --help and --version need no display.
struct CommandLine {
    QCommandLineParser parser;
    const QCommandLineOption demo{QStringLiteral("demo"), QStringLiteral("Open the Alpes-de-Haute-Provence (04) demo.")};
    const QCommandLineOption screenshot{QStringLiteral("screenshot"),
                                        QStringLiteral("Save a PNG of the window once the project is shown, then quit."),
                                        QStringLiteral("file")};
    const QCommandLineOption size{QStringLiteral("size"), QStringLiteral("Window size, e.g. 1600x1000."),
                                  QStringLiteral("WxH")};
    const QCommandLineOption language{QStringLiteral("lang"), QStringLiteral("Interface language: fr or en."),
                                      QStringLiteral("code")};
    const QCommandLineOption identify{
        QStringLiteral("identify"),
        QStringLiteral("Once open, zoom to a commune (name or INSEE code) and show its access times."),
        QStringLiteral("commune")};
    const QCommandLineOption level{QStringLiteral("level"), QStringLiteral("Level whose coverage is shown: 1, 2 or 3."),
                                   QStringLiteral("level")};
    const QCommandLineOption addPoint{QStringLiteral("add-point"),
                                      QStringLiteral("Once open, add a planned France services at a commune's town hall."),
                                      QStringLiteral("commune")};
    const QCommandLineOption plan{QStringLiteral("plan"),
                                  QStringLiteral("Once open, show this plan (created, empty, when missing)."),
                                  QStringLiteral("name")};
    const QCommandLineOption closePreset{
        QStringLiteral("close-preset"),
        QStringLiteral("Close the roads of a built-in preset (e.g. hiver-04) in the plan shown."), QStringLiteral("preset")};
    const QCommandLineOption suggest{QStringLiteral("suggest"),
                                     QStringLiteral("Suggest k new second-level sites and show them."), QStringLiteral("k")};
    const QCommandLineOption addSuggestions{
        QStringLiteral("add-suggestions"),
        QStringLiteral("Add the suggested sites to the plan shown (a new plan from the baseline).")};
    const QCommandLineOption compare{
        QStringLiteral("compare"), QStringLiteral("Compare the baseline with the plan shown (table and difference layer).")};
    const QCommandLineOption dock{QStringLiteral("dock"),
                                  QStringLiteral("Show a dock: scenarios, suggestions or comparison."),
                                  QStringLiteral("name")};

    CommandLine()
    {
        parser.setApplicationDescription(QStringLiteral("Maillage: plan the réseau d'accueil of a département."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("Project file to open (.gpkg)."));
        parser.addOptions({demo, screenshot, size, language, identify, level, addPoint, plan, closePreset, suggest,
                           addSuggestions, compare, dock});
    }
};

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Maillage"));
    QCoreApplication::setApplicationName(QStringLiteral("maillage"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MAILLAGE_VERSION));
}

bool asksOnlyForInformation(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "--help-all" || arg == "-v" || arg == "--version" || arg == "-?")
            return true;
    }
    return false;
}

// The interface language: the one asked on the command line, else the one chosen last time.
void installLanguage(QApplication& app, const CommandLine& commandLine)
{
    const QCommandLineParser& parser = commandLine.parser;
    const QString chosen = parser.isSet(commandLine.language)
                               ? parser.value(commandLine.language)
                               : QSettings().value(QStringLiteral("ui/language"), QStringLiteral("fr")).toString();
    if (!maillage::gui::installTranslations(app, chosen))
        std::fprintf(stderr,
                     "maillage-gui: Qt's French translations (qtbase_fr.qm, package qt6-translations-l10n) "
                     "not found: standard buttons stay in English\n");
}

// The level shown, and what the command line asks to do once the project is open: planning
// steps, a commune identified, a planned point added.
void scheduleSteps(MainWindow& window, const CommandLine& commandLine)
{
    const QCommandLineParser& parser = commandLine.parser;
    if (parser.isSet(commandLine.level)) window.setCoverageLevel(parser.value(commandLine.level).toInt(), false);
    PlanningSteps steps{parser.value(commandLine.plan),
                        parser.value(commandLine.closePreset),
                        parser.value(commandLine.suggest).toInt(),
                        parser.isSet(commandLine.addSuggestions),
                        parser.isSet(commandLine.compare),
                        parser.value(commandLine.dock)};
    if (!steps.plan.isEmpty() || !steps.closePreset.isEmpty() || steps.suggest > 0 || steps.compare || !steps.dock.isEmpty())
        QObject::connect(&window, &MainWindow::projectOpened, &window,
                         [&window, steps] { runPlanningSteps(window, steps); });
    if (parser.isSet(commandLine.identify))
        onCommuneOnceOpen(window, parser.value(commandLine.identify), &MainWindow::identifyCommune);
    if (parser.isSet(commandLine.addPoint))
        onCommuneOnceOpen(window, parser.value(commandLine.addPoint), &MainWindow::addPointAtTownHall);
}

// --screenshot: the window saved once the project is shown (at once without a project), then
// the application quits; a project that cannot be opened quits with its message.
void screenshotOnceShown(MainWindow& window, const CommandLine& commandLine)
{
    const QCommandLineParser& parser = commandLine.parser;
    window.setInteractive(false);
    const QString file = QFileInfo(parser.value(commandLine.screenshot)).absoluteFilePath();
    auto grab = [&window, file] {
        // Give the docks and the map one more event loop turn to settle before grabbing.
        QTimer::singleShot(300, &window, [&window, file] {
            const bool saved = window.grab().save(file);
            std::fprintf(saved ? stdout : stderr, "%s %s\n", saved ? "wrote" : "cannot write", qPrintable(file));
            QApplication::exit(saved ? 0 : 1);
        });
    };
    QObject::connect(&window, &MainWindow::projectOpened, &window, grab);
    QObject::connect(&window, &MainWindow::loadFailed, &window, [](const QString& message) {
        std::fprintf(stderr, "maillage-gui: %s\n", qPrintable(message));
        QApplication::exit(1);
    });
    if (!parser.isSet(commandLine.demo) && parser.positionalArguments().isEmpty()) grab();
}

}  // namespace

int main(int argc, char* argv[])
{
    if (asksOnlyForInformation(argc, argv)) {
        QCoreApplication core(argc, argv);
        setApplicationIdentity();
        CommandLine commandLine;
        commandLine.parser.process(core);  // prints and exits
        return 0;
    }
    QApplication app(argc, argv);
    setApplicationIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("Maillage"));
    QApplication::setDesktopFileName(QStringLiteral("fr.maillage.Maillage"));
    maillage::registerGdal();
    // GDAL's messages would only duplicate ours; errors reach the user through maillage::Error.
    CPLSetErrorHandler(CPLQuietErrorHandler);

    CommandLine commandLine;
    QCommandLineParser& parser = commandLine.parser;
    parser.process(app);
    installLanguage(app, commandLine);

    MainWindow window;
    if (parser.isSet(commandLine.size)) {
        const QSize wanted = parseSize(parser.value(commandLine.size));
        if (wanted.isValid()) window.resize(wanted);
    }
    window.show();
    scheduleSteps(window, commandLine);
    if (parser.isSet(commandLine.screenshot)) screenshotOnceShown(window, commandLine);

    if (parser.isSet(commandLine.demo)) window.openDemo();
    else if (!parser.positionalArguments().isEmpty()) window.openProject(parser.positionalArguments().first());
    return app.exec();
}
