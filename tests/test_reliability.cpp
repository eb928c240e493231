// Reliability of core against bad input and faults (issue 15): results written atomically,
// outputs never over inputs, CSV decoding that never re-encodes silently, bounded fields,
// an indexed re-import, memory budgets, damaged files named. The command-line fault tests
// (kills, full disks, concurrent processes) are in test_faults.cpp.
#include <catch2/catch.hpp>
#include "common/gdal.h"

#include "common/atomic_file.h"
#include "common/error.h"
#include "coverage/grid.h"
#include "geo/crs.h"
#include "importers/point_importers.h"
#include "io/csv_table.h"
#include "io/ogr_source.h"
#include "io/territory_loader.h"
#include "store/store.h"
#include "support/test_data.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <csignal>

using namespace maillage;

namespace {

template <typename F>
QString errorMessage(F&& f)
{
    try {
        f();
    } catch (const Error& e) {
        return e.message();
    }
    return QStringLiteral("(no error)");
}

void writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    REQUIRE(file.write(bytes) == bytes.size());
}

QByteArray readBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Hidden files the writers leave beside their target (none once they are done).
QStringList partialFiles(const QString& folder)
{
    return QDir(folder).entryList({QStringLiteral(".*.partial*")}, QDir::Files | QDir::Hidden);
}

}  // namespace

// ---------------------------------------------------------------------------------------
// Atomic outputs

TEST_CASE("an atomic write replaces the file in one step and leaves no temporary file")
{
    test::ScratchDir dir;
    const QString path = dir.path(QStringLiteral("table.csv"));
    writeFileAtomically(path, "old\n");
    writeFileAtomically(path, "new\n");
    CHECK(readBytes(path) == "new\n");
    CHECK(partialFiles(QFileInfo(path).absolutePath()).isEmpty());
}

TEST_CASE("two atomic outputs of the same target use different temporary names")
{
    test::ScratchDir dir;
    const QString path = dir.path(QStringLiteral("result.gpkg"));
    AtomicFile first(path);
    AtomicFile second(path);
    CHECK(first.temporaryPath() != second.temporaryPath());
    CHECK(first.temporaryPath().endsWith(QStringLiteral(".gpkg")));  // GDAL picks its driver by it
    CHECK(QFileInfo(first.temporaryPath()).absolutePath() == QFileInfo(path).absolutePath());
}

TEST_CASE("an atomic output dropped before commit leaves the previous file and no temporary file")
{
    test::ScratchDir dir;
    const QString path = dir.path(QStringLiteral("result.gpkg"));
    writeBytes(path, "previous");
    {
        AtomicFile output(path);
        writeBytes(output.temporaryPath(), "half of a new fi");
    }  // an exception went through: no commit
    CHECK(readBytes(path) == "previous");
    CHECK(partialFiles(QFileInfo(path).absolutePath()).isEmpty());
    CHECK(errorMessage([&] {
              AtomicFile(dir.path(QStringLiteral("no/such/folder/out.gpkg")));
          }).contains(QStringLiteral("does not exist")));
}

TEST_CASE("a write cut short by a full disk fails naming the file and keeps the previous one")
{
    // A file size limit (RLIMIT_FSIZE) behaves as a full disk for the writer and needs no
    // privilege. In a child process, as the limit would hold for the whole test program.
    test::ScratchDir dir;
    const QString path = dir.path(QStringLiteral("communes.csv"));
    writeBytes(path, "previous");
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        std::signal(SIGXFSZ, SIG_IGN);  // the write then fails with EFBIG instead of killing
        const rlimit limit{16 * 1024, 16 * 1024};
        setrlimit(RLIMIT_FSIZE, &limit);
        int status = 0;
        try {
            writeFileAtomically(path, QByteArray(100 * 1024, 'x'));
            status = 3;  // reported as written
        } catch (const Error& e) {
            status = e.message().contains(path) && e.message().contains(QStringLiteral("16384 of 102400 bytes")) ? 0 : 4;
        }
        _exit(status);
    }
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(readBytes(path) == "previous");
    CHECK(partialFiles(QFileInfo(path).absolutePath()).isEmpty());
}

TEST_CASE("an output that is an input, by path, symbolic link or hard link, is refused with one line")
{
    test::ScratchDir dir;
    const QString project = dir.path(QStringLiteral("04.gpkg"));
    writeBytes(project, "project");
    const QString hardLink = dir.path(QStringLiteral("copy.gpkg"));
    REQUIRE(::link(QFile::encodeName(project).constData(), QFile::encodeName(hardLink).constData()) == 0);
    const QString symbolic = dir.path(QStringLiteral("alias.gpkg"));
    REQUIRE(QFile::link(project, symbolic));
    const QStringList inputs{project, dir.path(QStringLiteral("routes.geojson")), QStringLiteral("generalised")};

    for (const QString& output : {project, hardLink, symbolic, dir.path(QStringLiteral("./04.gpkg"))}) {
        const QString message = errorMessage([&] { refuseOverwritingInput(output, QStringLiteral("--out"), inputs); });
        INFO(output.toStdString());
        CHECK(message.contains(QStringLiteral("--out %1 is the input file %2").arg(output, project)));
        CHECK(message.count(QLatin1Char('\n')) == 0);
    }
    CHECK_NOTHROW(refuseOverwritingInput(dir.path(QStringLiteral("result.gpkg")), QStringLiteral("--out"), inputs));
    CHECK(readBytes(project) == "project");
}

// ---------------------------------------------------------------------------------------
// CSV decoding and bounds

TEST_CASE("one Latin-1 byte in a UTF-8 CSV is refused, naming its line, instead of re-encoding the file")
{
    test::ScratchDir dir;
    const QString path = dir.path(QStringLiteral("points.csv"));
    writeBytes(path,
               "name;commune\nMairie de Sainte-Croix-du-Verdon;04\nMairie des M\xc3\xa9"
               "es;04\nR\xe9"
               "gion;04\n");
    const QString message = errorMessage([&] { CsvTable::readFile(path); });
    CHECK(message.contains(QStringLiteral("%1, line 4").arg(path)));
    CHECK(message.contains(QStringLiteral("0xe9")));
    CHECK(message.contains(QStringLiteral("UTF-8")));
}

TEST_CASE("a CSV with no UTF-8 at all is read as Windows-1252 and says so")
{
    test::ScratchDir dir;
    const QString path = dir.path(QStringLiteral("points.csv"));
    writeBytes(path,
               "name;commune\nMairie des M\xe9"
               "es;04\nCaf\xe9 \x80;05\n");
    const CsvTable table = CsvTable::readFile(path);
    REQUIRE(table.records().size() == 2);
    CHECK(table.records()[0].value(0) == QStringLiteral("Mairie des Mées"));
    CHECK(table.records()[1].value(0) == QStringLiteral("Café €"));
    REQUIRE(table.notes().size() == 1);
    CHECK(table.notes().front().contains(QStringLiteral("read as Windows-1252")));
    CHECK(table.notes().front().contains(QStringLiteral("line 2")));

    writeBytes(path,
               "name;commune\nMairie des M\xc3\xa9"
               "es;04\n");
    CHECK(CsvTable::readFile(path).notes().isEmpty());
}

TEST_CASE("a NUL byte in a CSV is refused, naming its line")
{
    test::ScratchDir dir;
    const QString path = dir.path(QStringLiteral("points.csv"));
    writeBytes(path, QByteArray("id;name\n1;a\n2;b", 15) + QByteArray(1, '\0') + QByteArray("\n"));
    const QString message = errorMessage([&] { CsvTable::readFile(path); });
    CHECK(message.contains(QStringLiteral("%1, line 3: a NUL byte").arg(path)));
    // UTF-16 (what some programs save as "Unicode text") is full of NUL bytes: same message.
    writeBytes(path, QByteArray("\xff\xfe"
                                "i\0d\0",
                                6));
    CHECK(errorMessage([&] { CsvTable::readFile(path); }).contains(QStringLiteral("UTF-16")));
}

TEST_CASE("a 10 MB field is refused with a short message naming the line, not stored or echoed")
{
    test::ScratchDir dir;
    const QString path = dir.path(QStringLiteral("points.csv"));
    const QByteArray huge(10 * 1024 * 1024, 'A');
    writeBytes(path, "id,name\n1,ok\n2," + huge + "\n");
    QString message = errorMessage([&] { CsvTable::readFile(path); });
    CHECK(message.contains(QStringLiteral("%1, line 3: a field of").arg(path)));
    CHECK(message.size() < 300);
    // In quotes, and in the header.
    writeBytes(path, "id,name\n1,\"" + huge + "\"\n");
    CHECK(errorMessage([&] { CsvTable::readFile(path); }).contains(QStringLiteral("line 2: a field of")));
    writeBytes(path, huge + ",id\n1,2\n");
    message = errorMessage([&] { CsvTable::readFile(path); });
    CHECK(message.contains(QStringLiteral("line 1: a field of")));
    CHECK(message.size() < 300);
}

TEST_CASE("a missing column message lists a wide header cut short")
{
    QString header;
    for (int i = 0; i < 500; ++i) header += QStringLiteral("column_%1_%2,").arg(i).arg(QString(200, u'x'));
    const CsvTable table = CsvTable::parse(header + QStringLiteral("\n"), QStringLiteral("wide.csv"));
    const QString message = errorMessage([&] { table.requireColumn(QStringLiteral("latitude")); });
    CHECK(message.contains(QStringLiteral("missing column \"latitude\"")));
    CHECK(message.contains(QStringLiteral("more")));
    CHECK(message.size() < 2000);
}

TEST_CASE("a folder, an empty file and an unreadable file given as CSV get their own message")
{
    test::ScratchDir dir;
    CHECK(errorMessage([&] { CsvTable::readFile(dir.path(QString())); }).contains(QStringLiteral("is a folder")));
    const QString empty = dir.path(QStringLiteral("empty.csv"));
    writeBytes(empty, {});
    CHECK(errorMessage([&] { CsvTable::readFile(empty); }).contains(QStringLiteral("is empty")));
}

// ---------------------------------------------------------------------------------------
// GDAL sources

TEST_CASE("an empty file, a folder or a non-SQLite GeoPackage is named with the reason, not \"unknown error\"")
{
    test::ScratchDir dir;
    const QString empty = dir.path(QStringLiteral("empty.gpkg"));
    writeBytes(empty, {});
    const QString text = dir.path(QStringLiteral("text.gpkg"));
    writeBytes(text, "this is not a GeoPackage at all, only some text\n");
    const QString folder = dir.path(QStringLiteral("folder.geojson"));
    REQUIRE(QDir().mkpath(folder));
    const QString garbage = dir.path(QStringLiteral("garbage.geojson"));
    writeBytes(garbage, QByteArray(4096, '\x07'));

    const auto messageOf = [](const QString& path) { return errorMessage([&] { openVectorSource(path); }); };
    CHECK(messageOf(empty).contains(QStringLiteral("the file is empty")));
    CHECK(messageOf(text).contains(QStringLiteral("not an SQLite database")));
    CHECK(messageOf(folder).contains(QStringLiteral("it is a folder")));
    for (const QString& path : {empty, text, folder, garbage}) {
        const QString message = messageOf(path);
        INFO(message.toStdString());
        CHECK(message.contains(path));
        CHECK_FALSE(message.contains(QStringLiteral("unknown error")));
    }
}

TEST_CASE("a damaged GeoPackage of points is refused, never imported partly without a word")
{
    test::ScratchDir dir;
    const QString path = dir.path(QStringLiteral("points.gpkg"));
    constexpr int kFeatures = 20'000;
    {
        maillage::registerGdal();
        GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
        GdalDatasetPtr dataset(driver->Create(path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
        REQUIRE(dataset);
        // No spatial index: the file is then mostly the rows, where the damage must land.
        char** options = CSLSetNameValue(nullptr, "SPATIAL_INDEX", "NO");
        OGRSpatialReference lambert93;
        lambert93.importFromEPSG(2154);
        OGRLayer* layer = dataset->CreateLayer("points", &lambert93, wkbPoint, options);
        CSLDestroy(options);
        OGRFieldDefn name("name", OFTString);
        REQUIRE(layer->CreateField(&name) == OGRERR_NONE);
        REQUIRE(dataset->StartTransaction() == OGRERR_NONE);
        for (int i = 0; i < kFeatures; ++i) {
            OGRFeature feature(layer->GetLayerDefn());
            feature.SetField("name", QStringLiteral("point %1 with some text to fill pages").arg(i).toUtf8().constData());
            OGRPoint point(900000 + i, 6300000 + i);
            feature.SetGeometry(&point);
            REQUIRE(layer->CreateFeature(&feature) == OGRERR_NONE);
        }
        REQUIRE(dataset->CommitTransaction() == OGRERR_NONE);
    }
    // Garbage over a stretch of pages in the second half of the file, where the rows are.
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadWrite));
    const qint64 size = file.size();
    REQUIRE(file.seek(size / 2));
    REQUIRE(file.write(QByteArray(int(size / 10), '\xA5')) == size / 10);
    file.close();

    int read = 0;
    QString message;
    try {
        PointMapping mapping;
        mapping.fixedKind = QStringLiteral("mairie");
        read = readGenericPoints(path, mapping).rowsRead;
    } catch (const Error& e) {
        message = e.message();
    }
    INFO(read << " features read; message: " << message.toStdString());
    CHECK_FALSE(message.isEmpty());
    CHECK(message.contains(path));
}

TEST_CASE("a commune population of 1e19 is refused as implausible, not read as a negative number")
{
    test::ScratchDir dir;
    const QString path = dir.path(QStringLiteral("communes.geojson"));
    writeBytes(path, R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::2154"}},
"features":[{"type":"Feature","properties":{"INSEE_COM":"04070","NOM":"Digne-les-Bains","POPULATION":1e19,"SIREN_EPCI":"200067437"},
"geometry":{"type":"Polygon","coordinates":[[[950000,6340000],[960000,6340000],[960000,6350000],[950000,6340000]]]}}]})");
    TerritorySources sources;
    sources.communes.path = path;
    const QString message = errorMessage([&] { loadTerritory(sources); });
    CHECK(message.contains(QStringLiteral("not a plausible number of inhabitants")));
    CHECK_FALSE(message.contains(QStringLiteral("negative")));
}

// ---------------------------------------------------------------------------------------
// Resource limits

TEST_CASE("a grid that needs more memory than the budget is refused before allocating, saying how much")
{
    test::ScratchDir dir;
    TerritorySources sources;
    const QString limits = test::sharedData(QStringLiteral("04/limites-04.gpkg"));
    sources.communes = {limits, QStringLiteral("commune")};
    sources.epcis = LayerSource{limits, QStringLiteral("epci")};
    const Territory territory = loadTerritory(sources);

    qputenv("MAILLAGE_MEMORY_MB", "256");
    const QString message = errorMessage([&] { CoverageGrid::build(territory, 50.0); });
    qunsetenv("MAILLAGE_MEMORY_MB");
    INFO(message.toStdString());
    CHECK(message.contains(QStringLiteral("a 50 m grid over this territory would have")));
    CHECK(message.contains(QStringLiteral("million cells and need about")));
    CHECK(message.contains(QStringLiteral("GB of memory")));
    CHECK(message.contains(QStringLiteral("MAILLAGE_MEMORY_MB")));
    // By default a 17 m grid (6.4 GB) is refused, the usual 200 m grid fits.
    CHECK(errorMessage([&] { CoverageGrid::build(territory, 17.0); }).contains(QStringLiteral("million cells")));
    CHECK(memoryBudgetBytes() > 256u * 1024 * 1024);
    CHECK_NOTHROW(CoverageGrid::build(territory, 200.0));
}

// ---------------------------------------------------------------------------------------
// The store at scale

TEST_CASE("the re-import lookup by source and source id uses the unique index")
{
    test::ScratchDir dir;
    const QString path = dir.path(QStringLiteral("project.gpkg"));
    Store::create(path);
    QString plan;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("plan"));
        db.setDatabaseName(path);
        REQUIRE(db.open());
        QSqlQuery query(db);
        REQUIRE(query.prepare(QStringLiteral("EXPLAIN QUERY PLAN ") + Store::sourceLookupSql()));
        query.bindValue(QStringLiteral(":source"), QStringLiteral("mairies-04.csv"));
        query.bindValue(QStringLiteral(":source_id"), QStringLiteral("04070"));
        REQUIRE(query.exec());
        while (query.next()) plan += query.value(3).toString() + QLatin1Char('\n');
    }
    QSqlDatabase::removeDatabase(QStringLiteral("plan"));
    INFO(plan.toStdString());
    CHECK(plan.contains(QStringLiteral("USING INDEX accueil_points_source")));
    CHECK_FALSE(plan.contains(QStringLiteral("SCAN")));
}

TEST_CASE("an import in several transactions reports its progress and writes every row once")
{
    test::ScratchDir dir;
    Store store = Store::create(dir.path(QStringLiteral("project.gpkg")));
    std::vector<AccueilPoint> batch;
    for (int i = 0; i < 2'500; ++i) {
        AccueilPoint p;
        p.name = QStringLiteral("Point %1").arg(i);
        p.level = Level::First;
        p.kind = QStringLiteral("mairie");
        p.wgs84 = {6.0 + i * 1e-5, 44.0};
        p.lambert93 = toLambert93(p.wgs84);
        p.source = QStringLiteral("big.csv");
        p.sourceId = QString::number(i);
        batch.push_back(p);
    }
    std::vector<std::size_t> progress;
    UpsertOptions options{.rowsPerTransaction = 1'000, .progress = {}};
    options.progress = [&](std::size_t done, std::size_t total) {
        CHECK(total == 2'500);
        progress.push_back(done);
    };
    CHECK(store.upsertBySource(batch, options).inserted == 2'500);
    CHECK(progress == std::vector<std::size_t>{1'000, 2'000, 2'500});
    batch[1'700].name = QStringLiteral("renamed");
    const UpsertReport again = store.upsertBySource(batch, options);
    CHECK(again.updated == 1);
    CHECK(again.unchanged == 2'499);
    CHECK(store.pointCount() == 2'500);
}
