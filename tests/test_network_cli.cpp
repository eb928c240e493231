#include <catch2/catch.hpp>

#include "support/test_data.h"

#include <QFile>
#include <QProcess>
#include <QTextStream>

using namespace maillage::test;

namespace {

// Four towns of the 04 at their town halls.
const char* kTowns =
    "id,name,latitude,longitude\n"
    "04070,Digne-les-Bains,44.0925,6.2357\n"
    "04112,Manosque,43.8285,5.7869\n"
    "04209,Sisteron,44.1955,5.9437\n"
    "04019,Barcelonnette,44.3870,6.6520\n";

struct CsvRow {
    QString fromId, toId, km, minutes, status;
};

std::vector<CsvRow> readOdCsv(const QString& path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly | QIODevice::Text));
    const QStringList lines = QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts);
    REQUIRE(!lines.isEmpty());
    CHECK(lines.first() == "from_id,from_name,to_id,to_name,km,minutes,status");
    std::vector<CsvRow> rows;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList f = lines[i].split(',');
        REQUIRE(f.size() == 7);
        rows.push_back({f[0], f[2], f[4], f[5], f[6]});
    }
    return rows;
}

}  // namespace

TEST_CASE("network info reports the size and the components of the 04 network")
{
    const CliRun run = runCli({"network", "info", "--network", sharedData("04/routes-04.geojson")});
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    CHECK(run.out.contains("nodes"));
    CHECK(run.out.contains("components"));
    CHECK(run.out.contains("bytes per edge"));
    CHECK(run.out.contains("generalised"));  // the profile chosen for a line layer
}

TEST_CASE("network info reads an OpenStreetMap extract with the osm profile")
{
    const CliRun run = runCli({"network", "info", "--network", sharedData("osm/monaco.osm.gz")});
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    CHECK(run.out.contains("Profile osm"));
    CHECK(run.out.contains("km by class"));
}

TEST_CASE("od gives plausible, symmetric times between four towns of the 04")
{
    ScratchDir dir;
    const QString towns = writeFile(dir, "towns.csv", kTowns);
    const QString result = dir.path("od.csv");
    const CliRun run =
        runCli({"od", "--network", sharedData("04/routes-04.geojson"), "--from", towns, "--to", towns, "--out", result});
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    CHECK(run.out.contains("16 rows"));
    const std::vector<CsvRow> rows = readOdCsv(result);
    REQUIRE(rows.size() == 16);
    for (const CsvRow& r : rows) {
        INFO(r.fromId.toStdString() << " -> " << r.toId.toStdString());
        CHECK(r.status == "ok");
        const double minutes = r.minutes.toDouble(), km = r.km.toDouble();
        if (r.fromId == r.toId) {
            CHECK(minutes < 10.0);
            continue;
        }
        // The four towns are 35 to 110 km apart as the crow flies, by mountain roads.
        CHECK(minutes > 25.0);
        CHECK(minutes < 180.0);
        CHECK(km > 30.0);
        CHECK(km / (minutes / 60.0) > 35.0);  // average speed, km/h
        CHECK(km / (minutes / 60.0) < 110.0);
        const auto back = std::find_if(rows.begin(), rows.end(),
                                       [&](const CsvRow& o) { return o.fromId == r.toId && o.toId == r.fromId; });
        REQUIRE(back != rows.end());
        CHECK(back->minutes == r.minutes);  // the 04 network has no one-way edge
    }
}

TEST_CASE("od: Champtercier is a quarter of an hour from the France services of Digne, not an hour")
{
    // The nearest road to Champtercier's town hall, the D3, stops short of Digne in the data
    // and joins the network far to the north; the N85, 3 km away, leads straight to Digne.
    ScratchDir dir;
    const QString from = writeFile(dir, "a.csv", "id,name,latitude,longitude\n04047,Champtercier,44.094,6.162\n");
    const QString to = writeFile(dir, "b.csv", "id,name,latitude,longitude\n1,FS Digne,44.09372,6.23058\n");
    const CliRun run = runCli({"od", "--network", sharedData("04/routes-04.geojson"), "--from", from, "--to", to, "--csv"});
    INFO(run.err.toStdString() << run.out.toStdString());
    REQUIRE(run.exitCode == 0);
    const QStringList lines = run.out.split('\n', Qt::SkipEmptyParts);
    REQUIRE(lines.size() == 2);
    const QStringList fields = lines[1].split(',');
    REQUIRE(fields.size() == 7);
    CHECK(fields[4].toDouble() < 12.0);  // km
    CHECK(fields[5].toDouble() > 10.0);  // minutes
    CHECK(fields[5].toDouble() < 20.0);
}

TEST_CASE("od --nearest gives each origin its nearest destination")
{
    ScratchDir dir;
    const QString towns = writeFile(dir, "towns.csv", kTowns);
    const QString hubs = writeFile(dir, "hubs.csv",
                                   "id,name,latitude,longitude\n"
                                   "D,Digne-les-Bains,44.0925,6.2357\n"
                                   "M,Manosque,43.8285,5.7869\n");
    const CliRun run =
        runCli({"od", "--network", sharedData("04/routes-04.geojson"), "--from", towns, "--to", hubs, "--nearest", "--csv"});
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    const QStringList lines = run.out.split('\n', Qt::SkipEmptyParts);
    REQUIRE(lines.size() == 5);
    CHECK(lines[1].startsWith("04070,Digne-les-Bains,D,"));
    CHECK(lines[2].startsWith("04112,Manosque,M,"));
    CHECK(lines[4].startsWith("04019,Barcelonnette,D,"));  // Barcelonnette is far closer to Digne
}

TEST_CASE("od reports a place 20 km from any road and gives it no time")
{
    ScratchDir dir;
    // 20 km off the Mediterranean coast, south of Toulon: no road within 5 km.
    const QString places = writeFile(dir, "places.csv",
                                     "id,name,latitude,longitude\n"
                                     "SEA,At sea,42.90,5.95\n"
                                     "04070,Digne-les-Bains,44.0925,6.2357\n");
    const CliRun run =
        runCli({"od", "--network", sharedData("04/routes-04.geojson"), "--from", places, "--to", places, "--csv"});
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    CHECK(run.err.contains("At sea"));
    CHECK(run.err.contains("km from the nearest road"));
    CHECK(run.out.contains("SEA,At sea,04070,Digne-les-Bains,,,origin off the network"));
    CHECK(run.out.contains("04070,Digne-les-Bains,SEA,At sea,,,destination off the network"));
}

TEST_CASE("od with a missing file or option fails with a clear message")
{
    ScratchDir dir;
    const QString towns = writeFile(dir, "towns.csv", kTowns);
    const CliRun noNetwork = runCli({"od", "--network", dir.path("nowhere.gpkg"), "--from", towns, "--to", towns});
    CHECK(noNetwork.exitCode == 1);
    CHECK(noNetwork.err.contains("nowhere.gpkg"));

    const CliRun noFrom = runCli({"od", "--network", sharedData("04/routes-04.geojson"), "--to", towns});
    CHECK(noFrom.exitCode == 2);
    CHECK(noFrom.err.contains("--from"));

    const CliRun badProfile = runCli({"od", "--network", sharedData("04/routes-04.geojson"), "--from", towns, "--to", towns,
                                      "--profile", "no-such-profile"});
    CHECK(badProfile.exitCode == 1);
    CHECK(badProfile.err.contains("no-such-profile"));

    const CliRun noSubcommand = runCli({"network"});
    CHECK(noSubcommand.exitCode == 2);
    CHECK(runCli({"network", "info", "--help"}).out.contains("--network"));
    CHECK(runCli({"od", "--help"}).out.contains("--nearest"));
}

TEST_CASE("od takes its places from a project: every town hall to its nearest France services")
{
    ScratchDir dir;
    const QString project = dir.path("04.gpkg");
    const QString gpkg = sharedData("04/limites-04.gpkg");
    REQUIRE(runCli({"init", "--project", project, "--communes", gpkg, "--communes-layer", "commune", "--epci", gpkg,
                    "--epci-layer", "epci", "--outline", gpkg, "--outline-layer", "departement"})
                .exitCode
            == 0);
    for (const char* file : {"04/mairies-04.csv", "04/france-services-2024.csv"})
        REQUIRE(runCli({"import", "--project", project, sharedData(file)}).exitCode == 0);

    const CliRun run = runCli({"od", "--network", sharedData("04/routes-04.geojson"), "--project", project, "--from",
                               "kind:mairie", "--to", "level:2", "--nearest", "--csv"});
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    const QStringList lines = run.out.split('\n', Qt::SkipEmptyParts);
    const CliRun mairies = runCli({"points", "--project", project, "--kind", "mairie", "--csv"});
    CHECK(lines.size() == mairies.out.split('\n', Qt::SkipEmptyParts).size());  // one row per town hall
    double fastest = 1e9, slowest = 0.0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList f = lines[i].split(',');
        REQUIRE(f.size() >= 7);
        CHECK(f.last() == "ok");
        fastest = std::min(fastest, f[f.size() - 2].toDouble());
        slowest = std::max(slowest, f[f.size() - 2].toDouble());
    }
    CHECK(fastest < 10.0);   // town halls of towns that have a France services
    CHECK(slowest < 120.0);  // no town hall of the 04 is two hours from its nearest one

    const CliRun badSelection = runCli({"od", "--network", sharedData("04/routes-04.geojson"), "--project", project,
                                        "--from", "level:7", "--to", "level:2"});
    CHECK(badSelection.exitCode == 2);
    CHECK(badSelection.err.contains("level"));
}
