// Faults a user meets with the real program (issue 15): an output named like an input, a full
// disk, a read-only project, a program killed while it writes, two imports at once. Each test
// runs `maillage` as a separate process on a 04 project, as a user would.
#include <catch2/catch.hpp>
#include "common/gdal.h"

#include "geo/crs.h"
#include "io/ogr_source.h"
#include "store/scenarios.h"
#include "store/store.h"
#include "support/test_data.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <poll.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>
#include <chrono>
#include <csignal>
#include <random>
#include <thread>

using namespace maillage;
using namespace std::chrono_literals;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run finish(QProcess& process)
{
    REQUIRE(process.waitForFinished(300'000));
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

Run cli(const QStringList& arguments)
{
    QProcess process;
    process.start(test::cliPath(), arguments);
    return finish(process);
}

// The program under a file size limit of `kilobytes`: every write past it fails (EFBIG), as on
// a full disk, with no privilege needed. SIGXFSZ is ignored so that the write fails instead of
// killing the program.
Run cliWithFileLimit(int kilobytes, const QStringList& arguments)
{
    QProcess process;
    process.start(
        QStringLiteral("/bin/sh"),
        QStringList{QStringLiteral("-c"),
                    QStringLiteral("trap '' XFSZ; ulimit -f %1; exec \"$0\" \"$@\"").arg(kilobytes * 2), test::cliPath()}
            + arguments);
    return finish(process);
}

QByteArray hashOf(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

// A 04 project with its network and the town halls and France services, built once and
// copied for each test that changes it.
const QString& shared04()
{
    static test::ScratchDir folder;
    static QString path;
    if (!path.isEmpty()) return path;
    const QString limits = test::sharedData(QStringLiteral("04/limites-04.gpkg"));
    const QString project = folder.path(QStringLiteral("04.gpkg"));
    const Run init = cli({"init", "--project", project, "--communes", limits, "--communes-layer", "commune", "--epci",
                          limits, "--epci-layer", "epci", "--outline", limits, "--outline-layer", "departement", "--network",
                          test::sharedData(QStringLiteral("04/routes-04.geojson")), "--profile", "generalised"});
    INFO(init.err.toStdString());
    REQUIRE(init.exitCode == 0);
    for (const char* file : {"04/mairies-04.csv", "04/france-services-2024.csv"})
        REQUIRE(cli({"import", "--project", project, test::sharedData(QString::fromUtf8(file))}).exitCode == 0);
    REQUIRE(cli({"scenario", "--project", project, "create", "plan"}).exitCode == 0);
    REQUIRE(cli({"scenario", "--project", project, "add-point", "plan", "--name", "France services de Thoard", "--lat",
                 "44.1510", "--lon", "6.1480"})
                .exitCode
            == 0);
    path = project;
    return path;
}

QString copyOf04(const test::ScratchDir& scratch)
{
    const QString project = scratch.path(QStringLiteral("04.gpkg"));
    REQUIRE(QFile::copy(shared04(), project));
    return project;
}

void writeText(const QString& path, const QByteArray& text)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    REQUIRE(file.write(text) == text.size());
}

QStringList partialFiles(const QString& folder)
{
    return QDir(folder).entryList({QStringLiteral(".*.partial*")}, QDir::Files | QDir::Hidden);
}

int countRows(const QString& project, const QString& sql)
{
    const QString name = QStringLiteral("count-%1").arg(std::rand());
    int count = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(project);
        REQUIRE(db.open());
        QSqlQuery query(db);
        REQUIRE(query.exec(sql));
        if (query.next()) count = query.value(0).toInt();
    }
    QSqlDatabase::removeDatabase(name);
    return count;
}

QString integrity(const QString& project)
{
    const QString name = QStringLiteral("integrity-%1").arg(std::rand());
    QString result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(project);
        REQUIRE(db.open());
        QSqlQuery query(db);
        REQUIRE(query.exec(QStringLiteral("PRAGMA integrity_check")));
        if (query.next()) result = query.value(0).toString();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// Outputs never over inputs

TEST_CASE("every command refuses an output that is the project, a hard link of it or an input, with one line")
{
    test::ScratchDir scratch;
    const QString project = copyOf04(scratch);
    const QByteArray before = hashOf(project);
    const QString hardLink = scratch.path(QStringLiteral("link.gpkg"));
    REQUIRE(::link(QFile::encodeName(project).constData(), QFile::encodeName(hardLink).constData()) == 0);
    const QString places = scratch.path(QStringLiteral("places.csv"));
    writeText(places, "id,name,latitude,longitude\n1,Digne,44.0925,6.2357\n");
    const QString routes = test::sharedData(QStringLiteral("04/routes-04.geojson"));
    const QByteArray routesBefore = hashOf(routes);

    const std::vector<QStringList> refused{
        {"coverage", "--project", project, "--out", project},
        {"coverage", "--project", project, "--out", hardLink},
        {"coverage", "--project", project, "--out", routes},
        {"coverage", "--project", project, "--out", scratch.path("result.gpkg"), "--csv", scratch.path(".")},
        {"compare", "--project", project, "--b", "plan", "--out", project},
        {"compare", "--project", project, "--b", "plan", "--out", hardLink},
        {"export-pdf", "--project", project, "--out", project},
        {"export-pdf", "--project", project, "--out", hardLink},
        {"od", "--network", routes, "--from", places, "--to", places, "--out", places},
    };
    for (const QStringList& arguments : refused) {
        QStringList actual = arguments;
        if (arguments.contains(scratch.path("."))) {
            // --csv: the folder's communes.csv would be a hard link of the project.
            const QString asCsv = scratch.path(QStringLiteral("communes.csv"));
            REQUIRE(::link(QFile::encodeName(project).constData(), QFile::encodeName(asCsv).constData()) == 0);
        }
        const Run run = cli(actual);
        INFO(arguments.join(QLatin1Char(' ')).toStdString() << "\n" << run.err.toStdString());
        CHECK(run.exitCode == 1);
        CHECK(run.err.contains(QStringLiteral("is the input file")));
        CHECK(run.err.trimmed().count(QLatin1Char('\n')) == 0);
        QFile::remove(scratch.path(QStringLiteral("communes.csv")));
    }
    CHECK(hashOf(project) == before);
    CHECK(hashOf(routes) == routesBefore);
    CHECK(cli({"info", "--project", project}).exitCode == 0);
}

// ---------------------------------------------------------------------------------------
// Full disk, read-only project, memory

TEST_CASE("on a full disk export-pdf and coverage fail with one line and keep the previous file")
{
    test::ScratchDir scratch;
    const QString project = copyOf04(scratch);
    const QString pdf = scratch.path(QStringLiteral("map.pdf"));
    const QString gpkg = scratch.path(QStringLiteral("result.gpkg"));
    writeText(pdf, "previous PDF");
    writeText(gpkg, "previous GeoPackage");

    const Run pdfRun = cliWithFileLimit(64, {"export-pdf", "--project", project, "--out", pdf});
    INFO(pdfRun.err.toStdString());
    CHECK(pdfRun.exitCode == 1);
    CHECK(pdfRun.err.contains(QStringLiteral("cannot write %1").arg(pdf)));
    // One error line; the only other line says the prepared network could not be saved either
    // (the run goes on without it: it is a cache).
    const QStringList lines = pdfRun.err.trimmed().split(QLatin1Char('\n'));
    CHECK(lines.size() <= 2);
    CHECK(lines.last().startsWith(QStringLiteral("maillage export-pdf: error:")));
    if (lines.size() == 2) CHECK(lines.first().startsWith(QStringLiteral("note: cannot write the prepared network")));
    CHECK(hashOf(pdf) == QCryptographicHash::hash("previous PDF", QCryptographicHash::Sha256).toHex());

    const Run coverageRun = cliWithFileLimit(64, {"coverage", "--project", project, "--out", gpkg});
    INFO(coverageRun.err.toStdString());
    CHECK(coverageRun.exitCode == 1);
    CHECK(coverageRun.err.contains(gpkg));
    CHECK(hashOf(gpkg) == QCryptographicHash::hash("previous GeoPackage", QCryptographicHash::Sha256).toHex());
    CHECK(partialFiles(scratch.path(QString())).isEmpty());
    CHECK(integrity(project) == QStringLiteral("ok"));
}

TEST_CASE("coverage on a read-only project stops before computing and writes no output")
{
    test::ScratchDir scratch;
    const QString mountPoint = scratch.path(QStringLiteral("readonly"));
    REQUIRE(QDir().mkpath(mountPoint));
    if (::mount("tmpfs", QFile::encodeName(mountPoint).constData(), "tmpfs", 0, "size=64m") != 0) {
        WARN("skipped: cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN): " << std::strerror(errno));
        return;
    }
    const QString project = QDir(mountPoint).filePath(QStringLiteral("04.gpkg"));
    REQUIRE(QFile::copy(shared04(), project));
    const QByteArray before = hashOf(project);
    REQUIRE(::mount(nullptr, QFile::encodeName(mountPoint).constData(), nullptr, MS_REMOUNT | MS_RDONLY, nullptr) == 0);
    const QString out = scratch.path(QStringLiteral("result.gpkg"));
    const Run run = cli({"coverage", "--project", project, "--out", out, "--csv", scratch.path("csv")});
    ::umount(QFile::encodeName(mountPoint).constData());
    INFO(run.err.toStdString());
    CHECK(run.exitCode == 1);
    CHECK(run.err.contains(QStringLiteral("project %1 cannot be written").arg(project)));
    CHECK(run.err.trimmed().count(QLatin1Char('\n')) == 0);
    CHECK_FALSE(QFile::exists(out));
    CHECK(run.out.isEmpty());
}

TEST_CASE("a grid over the memory budget is refused before computing, with the cells and memory it would need")
{
    test::ScratchDir scratch;
    const QString project = copyOf04(scratch);
    const QString out = scratch.path(QStringLiteral("result.gpkg"));
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("MAILLAGE_MEMORY_MB"), QStringLiteral("256"));
    process.setProcessEnvironment(environment);
    process.start(test::cliPath(), {"coverage", "--project", project, "--out", out, "--cell", "50"});
    const Run run = finish(process);
    INFO(run.err.toStdString());
    CHECK(run.exitCode == 1);
    CHECK(run.err.contains(QStringLiteral("million cells and need about")));
    CHECK(run.err.trimmed().count(QLatin1Char('\n')) == 0);
    CHECK_FALSE(QFile::exists(out));
}

TEST_CASE("a road file too large for the memory budget is refused before it is read, naming the file and the memory")
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("MAILLAGE_MEMORY_MB"), QStringLiteral("1"));
    process.setProcessEnvironment(environment);
    const QString andorra = test::sharedData(QStringLiteral("osm/andorra.osm.pbf"));
    process.start(test::cliPath(), {"network", "info", "--network", andorra});
    const Run run = finish(process);
    INFO(run.err.toStdString());
    CHECK(run.exitCode == 1);
    CHECK(run.err.contains(QStringLiteral("reading %1").arg(andorra)));
    CHECK(run.err.contains(QStringLiteral("would need about")));
    CHECK(run.err.contains(QStringLiteral("MAILLAGE_MEMORY_MB")));
    CHECK(run.err.trimmed().count(QLatin1Char('\n')) == 0);

    // Within the budget, the same file is read.
    QProcess allowed;
    environment.insert(QStringLiteral("MAILLAGE_MEMORY_MB"), QStringLiteral("64"));
    allowed.setProcessEnvironment(environment);
    allowed.start(test::cliPath(), {"network", "info", "--network", andorra});
    CHECK(finish(allowed).exitCode == 0);
}

// ---------------------------------------------------------------------------------------
// Bad rows a new user meets

TEST_CASE("a point with latitude and longitude swapped is skipped with a message naming its line")
{
    test::ScratchDir scratch;
    const QString project = copyOf04(scratch);
    const QString csv = scratch.path(QStringLiteral("antennes.csv"));
    writeText(csv, "id,name,latitude,longitude\n1,Antenne de Riez,43.8175,6.0925\n2,Antenne de Seyne,6.3550,44.3510\n");
    const Run run = cli({"import", "--project", project, csv, "--kind", "france_services", "--id-field", "id"});
    INFO(run.out.toStdString() << run.err.toStdString());
    CHECK(run.exitCode == 0);
    CHECK(run.out.contains(QStringLiteral("line 3: longitude 44.351 and latitude 6.355 look swapped")));
    CHECK(run.out.contains(QStringLiteral("1 points (1 new")));
}

TEST_CASE("the points table cuts a very long name instead of padding every row to it")
{
    test::ScratchDir scratch;
    const QString project = copyOf04(scratch);
    const QString csv = scratch.path(QStringLiteral("long.csv"));
    writeText(csv, "id,name,latitude,longitude\n1," + QByteArray(9'000, 'N') + ",43.8175,6.0925\n");
    REQUIRE(cli({"import", "--project", project, csv, "--kind", "caf", "--id-field", "id"}).exitCode == 0);
    const Run run = cli({"points", "--project", project});
    REQUIRE(run.exitCode == 0);
    qsizetype longest = 0;
    for (const QString& line : run.out.split(QLatin1Char('\n'))) longest = std::max(longest, line.size());
    CHECK(longest < 400);
    CHECK(run.out.size() < 200'000);
}

// ---------------------------------------------------------------------------------------
// SIGKILL while writing

namespace {

enum class Output { GeoPackage, Pdf, CsvFolder };

// What is under the final name is whole: the previous content, or a complete new file.
void checkWhole(Output kind, const QString& path, const QByteArray& previousHash, const QString& context)
{
    INFO(context.toStdString());
    REQUIRE(QFile::exists(path));
    if (hashOf(path) == previousHash) return;
    if (kind == Output::Pdf) {
        QFile file(path);
        REQUIRE(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        CHECK(bytes.startsWith("%PDF-"));
        CHECK(bytes.right(32).contains("%%EOF"));
    } else if (kind == Output::GeoPackage) {
        maillage::registerGdal();
        CPLErrorReset();
        GdalDatasetPtr dataset(static_cast<GDALDataset*>(
            GDALOpenEx(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
        REQUIRE(dataset);
        OGRLayer* communes = dataset->GetLayerByName("communes");
        REQUIRE(communes);
        CHECK(communes->GetFeatureCount() == 198);
        CHECK(dataset->GetLayerByName("gap_zones") != nullptr);
    } else {
        QFile file(path);
        REQUIRE(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        CHECK(bytes.count('\n') == 199);  // header and the 198 communes
    }
}

// Runs `arguments` and kills the program with SIGKILL `delay` after a temporary file appears
// in `folder` (or after `delay` from the start when `afterPartial` is false). Returns whether
// the program was killed (it may finish first).
bool killWhileWriting(const QStringList& arguments, const QString& folder, std::chrono::milliseconds delay,
                      bool afterPartial)
{
    QProcess process;
    process.start(test::cliPath(), arguments);
    REQUIRE(process.waitForStarted());
    QElapsedTimer timer;
    timer.start();
    if (afterPartial) {
        while (partialFiles(folder).isEmpty() && process.state() == QProcess::Running && timer.elapsed() < 300'000)
            std::this_thread::sleep_for(1ms);
    }
    std::this_thread::sleep_for(delay);
    const bool running = process.state() == QProcess::Running;
    if (running) ::kill(pid_t(process.processId()), SIGKILL);
    process.waitForFinished(60'000);
    return running;
}

void checkKilledWriter(Output kind, const QStringList& command, const QString& target)
{
    test::ScratchDir scratch;
    const QString project = copyOf04(scratch);
    const QString path = scratch.path(target);
    // Where the temporary file that starts the kill clock appears: the CSV tables are written
    // just after the GeoPackage, whose temporary file lives longer.
    const QString folder = scratch.path(QString());
    QStringList base = command;
    base << "--project" << project;
    const QString option = kind == Output::CsvFolder ? QStringLiteral("--csv") : QStringLiteral("--out");
    QStringList first = base;
    first << option << (kind == Output::CsvFolder ? QFileInfo(path).absolutePath() : path) << "--threshold"
          << "20";
    if (kind == Output::CsvFolder) first << "--out" << scratch.path(QStringLiteral("result.gpkg"));
    const Run previous = cli(first);
    INFO(previous.err.toStdString());
    REQUIRE(previous.exitCode == 0);
    const QByteArray previousHash = hashOf(path);
    REQUIRE_FALSE(previousHash.isEmpty());

    QStringList next = first;
    next[next.indexOf(QStringLiteral("--threshold")) + 1] = QStringLiteral("15");
    int killed = 0;
    // Killed while computing, then at several moments of the write.
    const std::vector<std::pair<std::chrono::milliseconds, bool>> moments =
        kind == Output::CsvFolder
            ? std::vector<std::pair<std::chrono::milliseconds, bool>>{{1500ms, false}, {100ms, true},  {400ms, true},
                                                                      {800ms, true},   {1200ms, true}, {1600ms, true}}
            : std::vector<std::pair<std::chrono::milliseconds, bool>>{{1500ms, false}, {0ms, true},  {3ms, true},
                                                                      {20ms, true},    {80ms, true}, {250ms, true}};
    for (const auto& [delay, afterPartial] : moments) {
        killed += killWhileWriting(next, folder, delay, afterPartial) ? 1 : 0;
        checkWhole(kind, path, previousHash,
                   QStringLiteral("killed %1 ms after %2")
                       .arg(delay.count())
                       .arg(afterPartial ? "the temporary file appeared" : "the start"));
    }
    CHECK(killed >= 2);  // the kills hit the program before it was done
    CHECK(integrity(project) == QStringLiteral("ok"));
    // A complete run after the kills writes the new result; the kills' temporary files are
    // left hidden beside it (a killed program cannot clean up), never under the final name.
    REQUIRE(cli(next).exitCode == 0);
    checkWhole(kind, path, {}, QStringLiteral("the complete run"));
}

}  // namespace

TEST_CASE("coverage --out killed at any moment leaves the previous GeoPackage or the new one")
{
    checkKilledWriter(Output::GeoPackage, {"coverage"}, QStringLiteral("result.gpkg"));
}

TEST_CASE("coverage --csv killed at any moment leaves each table previous or new")
{
    checkKilledWriter(Output::CsvFolder, {"coverage"}, QStringLiteral("csv/communes.csv"));
}

TEST_CASE("compare --out killed at any moment leaves the previous GeoPackage or the new one")
{
    checkKilledWriter(Output::GeoPackage, {"compare", "--b", "plan"}, QStringLiteral("comparison.gpkg"));
}

TEST_CASE("export-pdf killed at any moment leaves the previous PDF or the new one")
{
    checkKilledWriter(Output::Pdf, {"export-pdf"}, QStringLiteral("map.pdf"));
}

// ---------------------------------------------------------------------------------------
// The store under SIGKILL during plan edits, and two importers at once

TEST_CASE("a program killed while it edits plans and road closures loses no committed change")
{
    test::ScratchDir scratch;
    const QString path = scratch.path(QStringLiteral("project.gpkg"));
    {
        Store store = Store::create(path);
        ScenarioStore(store).create(QStringLiteral("hiver"));
    }  // no connection is open across fork()
    for (int attempt = 0; attempt < 4; ++attempt) {
        const int pointsBefore = countRows(path, QStringLiteral("SELECT count(*) FROM scenario_points"));
        const int closuresBefore = countRows(path, QStringLiteral("SELECT count(*) FROM scenario_road_closures"));
        int reports[2];
        REQUIRE(pipe(reports) == 0);
        const pid_t child = fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            ::close(reports[0]);
            int status = 0;
            try {
                Store store = Store::open(path);
                ScenarioStore plans(store);
                for (int i = 0; i < 100'000; ++i) {
                    AccueilPoint point;
                    point.name = QStringLiteral("Antenne %1-%2").arg(attempt).arg(i);
                    point.level = Level::Second;
                    point.kind = QStringLiteral("france_services");
                    point.wgs84 = {6.2 + i * 1e-6, 44.1};
                    point.lambert93 = toLambert93(point.wgs84);
                    plans.addPoint(QStringLiteral("hiver"), point);
                    RoadClosure closure;
                    closure.ref = QStringLiteral("D%1").arg(i);
                    closure.note = QStringLiteral("col %1").arg(i);
                    plans.addRoadClosure(QStringLiteral("hiver"), closure);
                    if (::write(reports[1], &i, sizeof i) != sizeof i) break;
                }
            } catch (...) {
                status = 2;
            }
            _exit(status);
        }
        ::close(reports[1]);
        // Once the child has saved its first changes, kill it at a random moment.
        int reported = 0;
        int value = 0;
        pollfd first{reports[0], POLLIN, 0};
        REQUIRE(poll(&first, 1, 60'000) == 1);
        std::mt19937 random(unsigned(attempt) * 7919u);
        std::this_thread::sleep_for(std::chrono::milliseconds(50 + random() % 500));
        REQUIRE(::kill(child, SIGKILL) == 0);
        int status = 0;
        REQUIRE(waitpid(child, &status, 0) == child);
        CHECK(WIFSIGNALED(status));
        while (::read(reports[0], &value, sizeof value) == sizeof value) ++reported;
        ::close(reports[0]);

        INFO("attempt " << attempt << ": " << reported << " pairs of changes reported before the kill");
        CHECK(reported > 0);
        CHECK(integrity(path) == QStringLiteral("ok"));
        const int points = countRows(path, QStringLiteral("SELECT count(*) FROM scenario_points")) - pointsBefore;
        const int closures = countRows(path, QStringLiteral("SELECT count(*) FROM scenario_road_closures")) - closuresBefore;
        // Every change reported as saved is there; at most the change under way when killed more.
        CHECK(points >= reported);
        CHECK(points <= reported + 1);
        CHECK(closures >= reported);
        CHECK(closures <= points);
        Store store = Store::open(path);
        const Scenario plan = ScenarioStore(store).scenario(QStringLiteral("hiver"));
        CHECK(int(plan.addedPoints.size()) == points + pointsBefore);
        CHECK(int(plan.roadClosures.size()) == closures + closuresBefore);
    }
}

TEST_CASE("two programs importing into the same project at once lose and duplicate no row")
{
    test::ScratchDir scratch;
    const QString project = copyOf04(scratch);
    const int before = countRows(project, QStringLiteral("SELECT count(*) FROM accueil_points"));
    constexpr int kRows = 25'000;
    const auto writeFile = [&](const QString& name, double shift) {
        QByteArray text = "id,name,latitude,longitude\n";
        for (int i = 0; i < kRows; ++i)
            text += QStringLiteral("%1,Place %1,%2,%3\n")
                        .arg(i)
                        .arg(43.9 + shift + i * 1e-6, 0, 'f', 6)
                        .arg(6.1 + i * 1e-6, 0, 'f', 6)
                        .toUtf8();
        writeText(scratch.path(name), text);
        return scratch.path(name);
    };
    const QString a = writeFile(QStringLiteral("a.csv"), 0.0);
    const QString b = writeFile(QStringLiteral("b.csv"), 0.05);
    const QString c = writeFile(QStringLiteral("c.csv"), 0.1);

    // Two different files, then one new file twice at once: all rows of each, once.
    for (const auto& [first, second, expected] : {std::tuple{a, b, 2 * kRows}, std::tuple{c, c, 3 * kRows}}) {
        QProcess one;
        QProcess two;
        one.start(test::cliPath(), {"import", "--project", project, first, "--kind", "caf", "--id-field", "id"});
        two.start(test::cliPath(), {"import", "--project", project, second, "--kind", "caf", "--id-field", "id"});
        const Run runOne = finish(one);
        const Run runTwo = finish(two);
        INFO(runOne.err.toStdString() << runTwo.err.toStdString());
        CHECK(runOne.exitCode == 0);
        CHECK(runTwo.exitCode == 0);
        CHECK(integrity(project) == QStringLiteral("ok"));
        CHECK(countRows(project, QStringLiteral("SELECT count(*) FROM accueil_points")) == before + expected);
    }
}
