// maillage — the command-line face of the core library: every result the application
// shows can be produced here, headless, with the same code.
#include "cli_support.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QStringList>

#include <memory>
#include <vector>

#include "common/gdal.h"

#include <gdal.h>

using namespace maillage::cli;

namespace {

void printGeneralHelp()
{
    out() << "Usage: maillage <command> [options]\n\n"
          << "Plan the réseau d'accueil of a département: territory, accueil points, travel times, coverage.\n\n"
          << "Commands:\n";
    for (const Command& command : allCommands()) out() << "  " << command.name.leftJustified(17) << command.summary << '\n';
    out() << "\nRun `maillage <command> --help` for the options of a command.\n"
          << "Other options: --version, --help\n";
    out().flush();
}

QtMessageHandler qtHandler = nullptr;

// Qt's notes about the desktop session (e.g. no XDG_RUNTIME_DIR on a server) are not about
// the user's command: a drawing command keeps stderr for its own one-line errors. Nor are the
// PostgreSQL driver's notes on cleaning up after a lost connection: the command's error says
// the connection was lost, once.
void withoutSessionNotes(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (type == QtWarningMsg
        && (message.startsWith(QLatin1String("QStandardPaths:"))
            || message.startsWith(QLatin1String("Unable to free statement:"))))
        return;
    if (qtHandler) qtHandler(type, context, message);
}

const Command* findCommand(const QString& name)
{
    for (const Command& command : allCommands())
        if (command.name == name) return &command;
    return nullptr;
}

bool isHelp(const QString& argument) { return argument == QLatin1String("--help") || argument == QLatin1String("-h"); }

// The subcommands of a group such as "network" ("network info", "network prepare").
std::vector<const Command*> subcommandsOf(const QString& group)
{
    std::vector<const Command*> commands;
    for (const Command& command : allCommands())
        if (command.name.startsWith(group + QLatin1Char(' '))) commands.push_back(&command);
    return commands;
}

// "info" for "network info".
QString subcommandWord(const Command& command) { return command.name.section(QLatin1Char(' '), 1); }

int runCommand(const Command& command, const QStringList& arguments)
{
    QCommandLineParser parser;
    command.describe(parser);
    if (!parseCommandLine(parser, command.name, arguments)) return 0;
    return command.run(parser);
}

void printGroupHelp(const QString& group, const std::vector<const Command*>& subcommands)
{
    out() << "Usage: maillage " << group << " <subcommand> [options]\n\nSubcommands:\n";
    for (const Command* command : subcommands)
        out() << "  " << subcommandWord(*command).leftJustified(9) << command->summary << '\n';
    out() << "\nRun `maillage " << group << " <subcommand> --help` for its options.\n" << Qt::flush;
}

// `maillage network info ...`: the group's subcommand named by the first argument.
int runGroup(const QString& group, const std::vector<const Command*>& subcommands, const QStringList& arguments)
{
    const QString word = arguments.value(0);
    if (isHelp(word)) {
        printGroupHelp(group, subcommands);
        return 0;
    }
    for (const Command* command : subcommands)
        if (subcommandWord(*command) == word) return runCommand(*command, arguments.mid(1));
    QStringList words;
    for (const Command* command : subcommands) words << subcommandWord(*command);
    const QString expected = words.join(QStringLiteral(", "));
    if (word.isEmpty()) throw UsageError(QStringLiteral("missing subcommand (expected: %1)").arg(expected));
    throw UsageError(QStringLiteral("unknown subcommand \"%1\" (expected: %2)").arg(word, expected));
}

}  // namespace

int main(int argc, char* argv[])
{
    // Commands that draw (PDF) need fonts, hence a QGuiApplication; headless, on the
    // offscreen platform unless the user chose one. The others stay QtCore-only.
    const Command* drawing = argc > 1 ? findCommand(QString::fromLocal8Bit(argv[1])) : nullptr;
    std::unique_ptr<QCoreApplication> app;
    qtHandler = qInstallMessageHandler(withoutSessionNotes);
    if (drawing && drawing->draws) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("maillage"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MAILLAGE_VERSION));
    maillage::registerGdal();
    // GDAL's own messages would duplicate ours on stderr; our errors carry its text.
    CPLSetErrorHandler(CPLQuietErrorHandler);

    QStringList arguments = app->arguments().mid(1);
    if (arguments.isEmpty() || isHelp(arguments.first()) || arguments.first() == QLatin1String("help")) {
        printGeneralHelp();
        return arguments.isEmpty() ? 2 : 0;
    }
    if (arguments.first() == QLatin1String("--version")) {
        out() << "maillage " << MAILLAGE_VERSION << '\n' << Qt::flush;
        return 0;
    }
    const QString name = arguments.takeFirst();
    const Command* command = findCommand(name);
    const std::vector<const Command*> subcommands = command ? std::vector<const Command*>{} : subcommandsOf(name);
    const bool group = !subcommands.empty();
    if (!command && !group) {
        err() << "maillage: unknown command \"" << name << "\" (see maillage --help)\n" << Qt::flush;
        return 2;
    }
    try {
        return group ? runGroup(name, subcommands, arguments) : runCommand(*command, arguments);
    } catch (const UsageError& e) {
        err() << "maillage " << name << ": " << e.message() << " (see maillage " << name << " --help)\n" << Qt::flush;
        return 2;
    } catch (const maillage::Error& e) {
        err() << "maillage " << name << ": error: " << e.message() << '\n' << Qt::flush;
        return 1;
    } catch (const std::exception& e) {
        err() << "maillage " << name << ": error: " << e.what() << '\n' << Qt::flush;
        return 1;
    }
}
