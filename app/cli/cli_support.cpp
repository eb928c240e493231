#include "cli_support.h"

#include "common/atomic_file.h"
#include "io/territory_loader.h"
#include "project/project_settings.h"
#include "store/store.h"

#include "coverage/territory_network.h"
#include "network/prepared_network.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>

#include <unistd.h>

namespace maillage::cli {

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream& err()
{
    static QTextStream stream(stderr);
    return stream;
}

namespace {

std::atomic<bool> interrupted{false};

extern "C" void onInterrupt(int) { interrupted = true; }

}  // namespace

TerminalProgress::TerminalProgress(QString label) : label_(std::move(label)), terminal_(isatty(fileno(stderr)))
{
    interrupted = false;
    std::signal(SIGINT, onInterrupt);
}

TerminalProgress::~TerminalProgress()
{
    std::signal(SIGINT, SIG_DFL);
    if (drawn_) err() << '\n' << Qt::flush;
}

bool TerminalProgress::update(double fraction)
{
    const int percent = static_cast<int>(100.0 * std::clamp(fraction, 0.0, 1.0));
    if (terminal_ && percent != lastPercent_) {
        err() << '\r' << label_ << QStringLiteral("  %1 %").arg(percent, 3) << Qt::flush;
        lastPercent_ = percent;
        drawn_ = true;
    }
    return !interrupted;
}

std::function<bool(double)> TerminalProgress::callback()
{
    return [this](double fraction) { return update(fraction); };
}

void reportPreparedNetwork(const PreparedNetworkOutcome& outcome)
{
    if (outcome.reused || outcome.note.isEmpty()) return;
    err() << "note: " << outcome.note << (outcome.written ? QStringLiteral("; built and saved") : QString()) << '\n'
          << Qt::flush;
}

bool parseCommandLine(QCommandLineParser& parser, const QString& commandName, const QStringList& arguments)
{
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help and exit."));
    parser.addOption(help);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    // QCommandLineParser expects the program name first.
    if (!parser.parse(QStringList{QStringLiteral("maillage ") + commandName} + arguments))
        throw UsageError(parser.errorText());
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        // helpText() names the program by its full path and forgets the subcommand.
        const QString program = QCoreApplication::arguments().value(0);
        text.replace(QStringLiteral("Usage: ") + program, QStringLiteral("Usage: maillage ") + commandName);
        out() << text << Qt::flush;
        return false;
    }
    return true;
}

QString requiredOption(const QCommandLineParser& parser, const QString& name)
{
    const QString value = parser.value(name);
    if (value.isEmpty()) throw UsageError(QStringLiteral("missing required option --%1").arg(name));
    return value;
}

void overrideIfSet(const QCommandLineParser& parser, const QString& name, QString& target)
{
    if (parser.isSet(name)) target = parser.value(name);
}

std::optional<int> intOption(const QCommandLineParser& parser, const QString& name, int min, int max)
{
    if (!parser.isSet(name)) return std::nullopt;
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < min || value > max)
        throw UsageError(QStringLiteral("--%1 must be an integer from %2 to %3, not \"%4\"")
                             .arg(name)
                             .arg(min)
                             .arg(max)
                             .arg(parser.value(name)));
    return value;
}

QCommandLineOption levelOption(const QString& description)
{
    return {QStringLiteral("level"), description, QStringLiteral("level")};
}

QCommandLineOption kindOption(const QString& description)
{
    return {QStringLiteral("kind"), description, QStringLiteral("kind")};
}

QCommandLineOption outOption(const QString& description)
{
    return {QStringLiteral("out"), description, QStringLiteral("file")};
}

QCommandLineOption scenarioOption(const QString& description)
{
    return scenarioOption(QStringLiteral("scenario"), description);
}

QCommandLineOption scenarioOption(const QString& option, const QString& description)
{
    return {option, description, QStringLiteral("name")};
}

QCommandLineOption csvFolderOption()
{
    return {QStringLiteral("csv"), QStringLiteral("Also write the tables as CSV files in this folder."),
            QStringLiteral("dir")};
}

QCommandLineOption projectOption()
{
    return QCommandLineOption(
        {QStringLiteral("p"), QStringLiteral("project")},
        QStringLiteral("Project: a GeoPackage file (04.gpkg), or a shared project on a PostgreSQL/PostGIS server: "
                       "postgresql://user@host/db?schema=maillage_04 or service=NAME?schema=maillage_04 "
                       "(password in ~/.pgpass or the service file, never in the URI)."),
        QStringLiteral("project"));
}

Store openProject(const QCommandLineParser& parser)
{
    return Store::open(requiredOption(parser, QStringLiteral("project")));
}

Territory loadProjectTerritory(const Store& store) { return loadTerritory(loadProjectInputs(store).territory); }

QStringList projectInputFiles(const Store& store, const ProjectInputs& inputs, const QStringList& more)
{
    QStringList files{store.path(), inputs.territory.communes.path, inputs.networkPath, inputs.profile};
    if (inputs.territory.epcis) files << inputs.territory.epcis->path;
    if (inputs.territory.outline) files << inputs.territory.outline->path;
    files << inputs.populationGrid.path << inputs.populationGrid.rectanglesPath << inputs.buildings.path;
    return files + more;
}

void checkOutputPath(const QString& option, const QString& path, const QStringList& inputs)
{
    refuseOverwritingInput(path, option, inputs);
    AtomicFile probe(path);  // the folder exists and takes a new file; removed at once
}

void checkOutputFolder(const QString& option, const QString& dir, const QStringList& names, const QStringList& inputs)
{
    if (!QDir().mkpath(dir)) throw Error(QStringLiteral("cannot create the folder %1").arg(dir));
    for (const QString& name : names) checkOutputPath(option, QDir(dir).filePath(name), inputs);
}

TextTable::TextTable(QStringList headers) : headers_(std::move(headers)) {}

void TextTable::addRow(QStringList cells)
{
    while (cells.size() < headers_.size()) cells << QString();
    rows_.push_back(std::move(cells));
}

namespace {

// A cell as the aligned table shows it: on one line, and cut to kMaxCellWidth characters so
// that one huge value (a wrong column, a 10 MB field) does not pad every row to its width.
constexpr qsizetype kMaxCellWidth = 60;

QString shownCell(const QString& cell)
{
    QString shown = cell.size() > kMaxCellWidth ? cell.left(kMaxCellWidth - 1) + QChar(0x2026) : cell;
    for (QChar& c : shown)
        if (c == u'\n' || c == u'\r' || c == u'\t') c = u' ';
    return shown;
}

}  // namespace

void TextTable::print(QTextStream& stream) const
{
    static const QRegularExpression numeric(QStringLiteral("^[-+]?[0-9][0-9  .,]*%?$"));
    const auto shownRow = [this](const QStringList& row) {
        QStringList cells;
        for (int c = 0; c < headers_.size(); ++c) cells << shownCell(row[c]);
        return cells;
    };
    const QStringList headers = shownRow(headers_);
    std::vector<QStringList> rows;
    rows.reserve(rows_.size());
    for (const QStringList& row : rows_) rows.push_back(shownRow(row));
    std::vector<qsizetype> widths(headers.size());
    for (int c = 0; c < headers.size(); ++c) widths[c] = headers[c].size();
    for (const QStringList& row : rows)
        for (int c = 0; c < headers.size(); ++c) widths[c] = std::max(widths[c], row[c].size());
    // A column is right-aligned when all its values are numbers (a dash or nothing aside), so
    // that codes like 04070 and 04070b stay in one alignment.
    std::vector<bool> rightAligned(headers.size(), true);
    static const QRegularExpression blank(QStringLiteral("^[-–— ]*$"));
    for (const QStringList& row : rows)
        for (int c = 0; c < headers.size(); ++c)
            if (!numeric.match(row[c]).hasMatch() && !blank.match(row[c]).hasMatch()) rightAligned[c] = false;
    auto printRow = [&](const QStringList& row, bool header) {
        QStringList cells;
        for (int c = 0; c < headers.size(); ++c) {
            const bool right = !header && rightAligned[c] && !blank.match(row[c]).hasMatch();
            cells << (right ? row[c].rightJustified(widths[c]) : row[c].leftJustified(widths[c]));
        }
        QString line = cells.join(QStringLiteral("  "));
        while (line.endsWith(QLatin1Char(' '))) line.chop(1);
        stream << line << '\n';
    };
    printRow(headers, true);
    QStringList rules;
    for (qsizetype w : widths) rules << QString(w, QLatin1Char('-'));
    stream << rules.join(QStringLiteral("  ")) << '\n';
    for (const QStringList& row : rows) printRow(row, false);
    stream.flush();
}

void TextTable::printCsv(QTextStream& stream) const
{
    auto quote = [](QString cell) {
        if (cell.contains(QLatin1Char(',')) || cell.contains(QLatin1Char('"')) || cell.contains(QLatin1Char('\n')))
            cell = QLatin1Char('"') + cell.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
        return cell;
    };
    auto printRow = [&](const QStringList& row) {
        QStringList cells;
        for (const QString& cell : row) cells << quote(cell);
        stream << cells.join(QLatin1Char(',')) << '\n';
    };
    printRow(headers_);
    for (const QStringList& row : rows_) printRow(row);
    stream.flush();
}

QString groupThousands(qint64 value)
{
    QString digits = QString::number(value < 0 ? -value : value);
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3) digits.insert(i, QLatin1Char(' '));
    return value < 0 ? QLatin1Char('-') + digits : digits;
}

}  // namespace maillage::cli
