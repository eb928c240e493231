#include <catch2/catch.hpp>

#include "support/test_data.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>

using namespace maillage::test;

namespace {

QStringList init04(const QString& project)
{
    const QString gpkg = sharedData("04/limites-04.gpkg");
    return {"init", "--project",    project, "--communes", gpkg, "--communes-layer", "commune",    "--epci",
            gpkg,   "--epci-layer", "epci",  "--outline",  gpkg, "--outline-layer",  "departement"};
}

}  // namespace

TEST_CASE("every subcommand answers --help with its options")
{
    for (const char* command : {"init", "import", "points", "info"}) {
        const CliRun run = runCli({command, "--help"});
        INFO(command);
        CHECK(run.exitCode == 0);
        CHECK(run.out.contains("--project"));
    }
    CHECK(runCli({"--help"}).out.contains("import"));
    CHECK(runCli({"--version"}).out.startsWith("maillage "));
}

TEST_CASE("a wrong command line exits with code 2 and one line")
{
    const CliRun unknown = runCli({"frobnicate"});
    CHECK(unknown.exitCode == 2);
    CHECK(unknown.err.trimmed().count('\n') == 0);

    const CliRun badOption = runCli({"info", "--no-such-option"});
    CHECK(badOption.exitCode == 2);
    CHECK(badOption.err.contains("no-such-option"));

    const CliRun missingProject = runCli({"info"});
    CHECK(missingProject.exitCode == 2);
    CHECK(missingProject.err.contains("--project"));
}

TEST_CASE("init on a missing boundary file fails with one line naming the file and creates nothing")
{
    ScratchDir dir;
    const CliRun run = runCli({"init", "--project", dir.path("p.gpkg"), "--communes", dir.path("nowhere.gpkg")});
    CHECK(run.exitCode == 1);
    CHECK(run.err.contains("nowhere.gpkg"));
    CHECK(run.err.trimmed().count('\n') == 0);
    CHECK_FALSE(QFile::exists(dir.path("p.gpkg")));
}

TEST_CASE("a project built from the three 04 files reports the right counts per level, kind and EPCI")
{
    ScratchDir dir;
    const QString project = dir.path("04.gpkg");
    REQUIRE(runCli(init04(project)).exitCode == 0);
    for (const char* file : {"04/mairies-04.csv", "04/france-services-2024.csv", "04/laposte-2020.csv"}) {
        const CliRun run = runCli({"import", "--project", project, sharedData(file)});
        INFO(run.err.toStdString());
        REQUIRE(run.exitCode == 0);
    }

    const CliRun info = runCli({"info", "--project", project});
    REQUIRE(info.exitCode == 0);
    CHECK(info.out.contains("198 communes, 12 EPCI, population 166 077"));
    // level, kind label, inside, outside
    CHECK(info.out.contains(QRegularExpression("1\\s+Mairie\\s+198\\s+0")));
    CHECK(info.out.contains(QRegularExpression("1\\s+Agence postale communale\\s+48\\s")));
    CHECK(info.out.contains(QRegularExpression("1\\s+Bureau de poste\\s+46\\s")));
    CHECK(info.out.contains(QRegularExpression("1\\s+Relais poste commerçant\\s+9\\s")));
    CHECK(info.out.contains(QRegularExpression("1\\s+Agence postale intercommunale\\s+2\\s")));
    CHECK(info.out.contains(QRegularExpression("CA Provence-Alpes-Agglomération\\s+200067437\\s+46\\s+48 136")));

    const CliRun secondLevel = runCli({"points", "--project", project, "--level", "2", "--inside", "--csv"});
    REQUIRE(secondLevel.exitCode == 0);
    CHECK(secondLevel.out.trimmed().split('\n').size() == 1 + 16);  // header + 16 France services in 04

    const CliRun again = runCli({"import", "--project", project, sharedData("04/mairies-04.csv")});
    CHECK(again.out.contains("0 new"));
    CHECK(again.out.contains("198 unchanged"));
}

TEST_CASE("points lists the operators a visio point serves")
{
    ScratchDir dir;
    const QString project = dir.path("04.gpkg");
    REQUIRE(runCli(init04(project)).exitCode == 0);
    QFile visio(dir.path("visio.csv"));
    REQUIRE(visio.open(QIODevice::WriteOnly));
    visio.write(
        "source,source_id,name,kind,insee_com,address,latitude,longitude,serves\n"
        "lot,v1,Point visio de Seyne,visio,04205,,44.35,6.36,caf;cpam\n");
    visio.close();
    REQUIRE(runCli({"import", "--project", project, visio.fileName()}).exitCode == 0);

    const CliRun listed = runCli({"points", "--project", project, "--kind", "visio", "--csv"});
    REQUIRE(listed.exitCode == 0);
    const QStringList lines = listed.out.trimmed().split('\n');
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].endsWith("serves by visio"));
    CHECK(lines[1].contains("Point visio de Seyne"));
    CHECK(lines[1].endsWith("caf;cpam"));
}

TEST_CASE("points filters by commune name and rejects an unknown one")
{
    ScratchDir dir;
    const QString project = dir.path("04.gpkg");
    REQUIRE(runCli(init04(project)).exitCode == 0);
    REQUIRE(runCli({"import", "--project", project, sharedData("04/mairies-04.csv")}).exitCode == 0);

    const CliRun digne = runCli({"points", "--project", project, "--commune", "Digne-les-Bains", "--csv"});
    CHECK(digne.exitCode == 0);
    CHECK(digne.out.contains("Mairie de Digne-les-Bains"));
    CHECK(digne.out.trimmed().split('\n').size() == 2);

    const CliRun nowhere = runCli({"points", "--project", project, "--commune", "Atlantis"});
    CHECK(nowhere.exitCode == 1);
    CHECK(nowhere.err.contains("Atlantis"));
}
