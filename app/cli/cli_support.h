#pragma once

#include "common/error.h"

#include "network/network_memory.h"  // memoryNote, for the commands that read a network

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <optional>
#include <vector>

namespace maillage {
class Store;
class Territory;
struct ProjectInputs;
struct PreparedNetworkRequest;
struct PreparedNetworkOutcome;
}  // namespace maillage

namespace maillage::cli {

// Standard output and error as UTF-8 text streams.
QTextStream& out();
QTextStream& err();

// A mistake in the command line (unknown option, missing value): exit code 2.
class UsageError : public Error {
public:
    using Error::Error;
};

// One `maillage <name>` subcommand, or one of a group's (`maillage network info`): main() parses
// its arguments with the options `describe` adds and hands the parsed line to `run`.
struct Command {
    // "coverage", or "network info" for a subcommand of the group "network".
    QString name;
    // Its line in `maillage --help`.
    QString summary;
    // Sets the description and the options its --help shows.
    std::function<void(QCommandLineParser& parser)> describe;
    // Runs the command on the parsed command line; returns the exit code.
    std::function<int(const QCommandLineParser& parser)> run;
    // Draws (fonts, PDF): runs in a QGuiApplication on the offscreen platform.
    bool draws = false;
};

const std::vector<Command>& allCommands();

// Parses `arguments` for a subcommand. Returns false when --help was asked (the help
// text has then been printed); throws UsageError on an unknown option or missing value.
bool parseCommandLine(QCommandLineParser& parser, const QString& commandName, const QStringList& arguments);

// The value of a required option; throws UsageError naming it when absent.
QString requiredOption(const QCommandLineParser& parser, const QString& name);
// `target` replaced by the option's value when the option is given.
void overrideIfSet(const QCommandLineParser& parser, const QString& name, QString& target);
// An integer option within [min, max]; nullopt when absent; UsageError when malformed.
std::optional<int> intOption(const QCommandLineParser& parser, const QString& name, int min, int max);

// Options several commands take, each described in the command's own words: --level <level>,
// --kind <kind>, --out <file> for the file the command writes, and --scenario <name> (or another
// `option` whose value is the name of a scenario).
QCommandLineOption levelOption(const QString& description);
QCommandLineOption kindOption(const QString& description);
QCommandLineOption outOption(const QString& description);
QCommandLineOption scenarioOption(const QString& description);
QCommandLineOption scenarioOption(const QString& option, const QString& description);
// --csv <dir>: the tables also written as CSV files in a folder (coverage, compare).
QCommandLineOption csvFolderOption();

// The standard --project option, and the store it names.
QCommandLineOption projectOption();
Store openProject(const QCommandLineParser& parser);
Territory loadProjectTerritory(const Store& store);

// Every file a command reads: the project, its territory layers and network (as saved in the
// project), and `more` (files named on the command line; names that are not files are ignored).
QStringList projectInputFiles(const Store& store, const ProjectInputs& inputs, const QStringList& more = {});
// Checked before any computation, for every command that writes: throws Error (one line) when
// the output `path` (given with `option`) is one of `inputs` or its hard link, or when its
// folder does not exist or cannot be written.
void checkOutputPath(const QString& option, const QString& path, const QStringList& inputs);
// Same for each of `names` in the folder `dir` (created if needed) given with --csv.
void checkOutputFolder(const QString& option, const QString& dir, const QStringList& names, const QStringList& inputs);

// A plain-text table with aligned columns; numeric columns are right-aligned. print() shows
// cells on one line, cut to 60 characters; printCsv() writes them whole.
class TextTable {
public:
    explicit TextTable(QStringList headers);
    void addRow(QStringList cells);
    std::size_t rowCount() const { return rows_.size(); }
    void print(QTextStream& stream) const;
    void printCsv(QTextStream& stream) const;

private:
    QStringList headers_;
    std::vector<QStringList> rows_;
};

// A progress line on standard error while a long step runs ("Reading roads.osm.pbf  42 %"),
// redrawn in place on a terminal, and Ctrl-C turned into a cancel: the step's progress
// callback returns false, the step throws, files written under temporary names are never
// renamed. Without a terminal nothing is drawn, but Ctrl-C still cancels.
class TerminalProgress {
public:
    explicit TerminalProgress(QString label);
    ~TerminalProgress();
    Q_DISABLE_COPY(TerminalProgress)

    // For ExtractProgress: draws the fraction; false once Ctrl-C was pressed.
    bool update(double fraction);
    std::function<bool(double)> callback();

private:
    QString label_;
    int lastPercent_ = -1;
    bool drawn_ = false;
    bool terminal_ = false;
};

// The wall time a command reports for its steps ("computed in 3.2 s"): lapMs() is the time since
// the start or the previous lap, in milliseconds.
class Stopwatch {
public:
    Stopwatch() { timer_.start(); }
    double lapMs()
    {
        const double ms = timer_.nsecsElapsed() / 1e6;
        timer_.restart();
        return ms;
    }

private:
    QElapsedTimer timer_;
};

// MAILLAGE_TIMINGS=1 prints each phase's wall time on stderr (see docs/BENCHMARKS.md).
class PhaseTimer {
public:
    PhaseTimer() : enabled_(qEnvironmentVariableIsSet("MAILLAGE_TIMINGS")) {}
    bool enabled() const { return enabled_; }
    void operator()(const char* name)
    {
        if (!enabled_) return;
        err() << QStringLiteral("timing: %1 %2 ms\n").arg(QLatin1String(name), -28).arg(stopwatch_.lapMs(), 7, 'f', 1);
    }

private:
    bool enabled_;
    Stopwatch stopwatch_;
};

void reportPreparedNetwork(const PreparedNetworkOutcome& outcome);

// "166 077" style thousands grouping, as planners read numbers in French documents.
QString groupThousands(qint64 value);

}  // namespace maillage::cli
