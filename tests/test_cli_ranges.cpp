// Parameters outside sensible ranges (issue 15, point 5): every command that takes a
// threshold, band limits, a cell size or a number of places refuses a value out of range
// with one line naming the option and the range, before reading the road network (no
// prepared network is written) — and --cell 1 over the département says how many cells and
// how much memory it would take instead of trying.
#include <catch2/catch.hpp>

#include "network/prepared_network.h"
#include "support/test_data.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>

using namespace maillage;

namespace {

// A 04 project with its coarse network, the town halls and the France services, and a plan.
struct Project04 {
    test::ScratchDir folder;
    QString path = folder.path(QStringLiteral("04.gpkg"));

    Project04()
    {
        const QString limits = test::sharedData(QStringLiteral("04/limites-04.gpkg"));
        const test::CliRun init =
            test::runCli({"init", "--project", path, "--communes", limits, "--communes-layer", "commune", "--epci", limits,
                          "--epci-layer", "epci", "--network", test::sharedData(QStringLiteral("04/routes-04.geojson")),
                          "--profile", "generalised"});
        INFO(init.err.toStdString());
        REQUIRE(init.exitCode == 0);
        for (const char* file : {"04/mairies-04.csv", "04/france-services-2024.csv"})
            REQUIRE(test::runCli({"import", "--project", path, test::sharedData(QString::fromUtf8(file))}).exitCode == 0);
        REQUIRE(test::runCli({"scenario", "--project", path, "create", "plan"}).exitCode == 0);
    }

    QString out(const QString& name) const { return folder.path(name); }
};

const Project04& project04()
{
    static const Project04 project;
    return project;
}

// The arguments that make `command` otherwise valid.
QStringList commandLine(const QString& command)
{
    const Project04& project = project04();
    QStringList arguments{command, QStringLiteral("--project"), project.path};
    if (command == QLatin1String("coverage")) arguments << QStringLiteral("--out") << project.out(QStringLiteral("c.gpkg"));
    if (command == QLatin1String("compare")) arguments << QStringLiteral("--b") << QStringLiteral("plan");
    if (command == QLatin1String("export-pdf")) arguments << QStringLiteral("--out") << project.out(QStringLiteral("m.pdf"));
    return arguments;
}

// Refused with exit code 2, one line containing `expected`, and nothing read or written.
void checkRefused(const QStringList& arguments, const QString& expected)
{
    const Project04& project = project04();
    const test::CliRun run = test::runCli(arguments);
    INFO(arguments.join(QLatin1Char(' ')).toStdString() << "\n" << run.err.toStdString());
    CHECK(run.exitCode == 2);
    CHECK(run.err.contains(expected));
    CHECK(run.err.trimmed().count(QLatin1Char('\n')) == 0);
    CHECK_FALSE(QFileInfo::exists(preparedNetworkPathFor(project.path)));
    for (const char* name : {"c.gpkg", "m.pdf"}) CHECK_FALSE(QFileInfo::exists(project.out(QString::fromUtf8(name))));
}

const char* const kCommandsWithThresholdAndCell[] = {"coverage", "compare", "suggest", "export-pdf"};

}  // namespace

TEST_CASE("a threshold that is not a positive number of minutes up to three hours is refused by every command")
{
    for (const char* command : kCommandsWithThresholdAndCell) {
        for (const char* value : {"0", "-5", "181", "100000", "nan", "inf", "twenty"}) {
            const QString expected = QStringLiteral("--threshold must be");
            const QString valueText = QString::fromUtf8(value);
            if (valueText == QLatin1String("twenty") || valueText == QLatin1String("nan")
                || valueText == QLatin1String("inf"))
                checkRefused(commandLine(QString::fromUtf8(command)) << "--threshold" << value, expected);
            else
                checkRefused(commandLine(QString::fromUtf8(command)) << "--threshold" << value,
                             QStringLiteral("--threshold must be a positive number of minutes, at most 180, not \"%1\"")
                                 .arg(valueText));
        }
    }
}

TEST_CASE("a cell size that is not a positive number of metres up to 5 km is refused by every command")
{
    for (const char* command : kCommandsWithThresholdAndCell)
        for (const char* value : {"0", "-200", "5001", "1e9"})
            checkRefused(commandLine(QString::fromUtf8(command)) << "--cell" << value,
                         QStringLiteral("--cell must be a positive number of metres, at most 5000, not \"%1\"")
                             .arg(QString::fromUtf8(value)));
}

TEST_CASE("a 1 m grid over the département is refused before the network is read, saying how many cells and how much memory")
{
    const Project04& project = project04();
    for (const char* command : kCommandsWithThresholdAndCell) {
        const test::CliRun run = test::runCli(commandLine(QString::fromUtf8(command)) << "--cell"
                                                                                      << "1");
        INFO(command << ": " << run.err.toStdString());
        CHECK(run.exitCode == 1);
        CHECK(run.err.contains(QStringLiteral("a 1 m grid over this territory would have")));
        CHECK(run.err.contains(QStringLiteral("million cells and need about")));
        CHECK(run.err.contains(QStringLiteral("GB of memory")));
        CHECK(run.err.trimmed().count(QLatin1Char('\n')) == 0);
        CHECK_FALSE(QFileInfo::exists(preparedNetworkPathFor(project.path)));
    }
}

TEST_CASE("isochrone band limits must be 1 to 12 increasing positive minutes up to three hours")
{
    const QString expected =
        QStringLiteral("--bands must be 1 to 12 limits in minutes, increasing, each positive and at most 180");
    for (const char* value : {"0,10", "10,5", "10,10", "10,200", "-10", "10,x", ",", "1,2,3,4,5,6,7,8,9,10,11,12,13"})
        checkRefused(commandLine(QStringLiteral("coverage")) << "--bands" << value, expected);
}

TEST_CASE("suggest refuses more new places than there are candidates, naming both numbers")
{
    const Project04& project = project04();
    const QString candidates = project.out(QStringLiteral("candidates.csv"));
    {
        QFile file(candidates);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(
            "id,name,latitude,longitude\n1,Thoard,44.1510,6.1480\n2,Barrême,43.9548,6.3675\n3,Seyne,44.3510,6.3550\n");
    }
    checkRefused(commandLine(QStringLiteral("suggest")) << "--candidates" << candidates << "--k"
                                                        << "4",
                 QStringLiteral("--k 4 asks for more places than the 3 candidates (candidates.csv of baseline)"));
    // The bounds of k itself.
    checkRefused(commandLine(QStringLiteral("suggest")) << "--k"
                                                        << "0",
                 QStringLiteral("--k must be an integer from 1 to 100"));
    checkRefused(commandLine(QStringLiteral("suggest")) << "--k"
                                                        << "101",
                 QStringLiteral("--k must be an integer from 1 to 100"));
}
