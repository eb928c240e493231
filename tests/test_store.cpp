#include <catch2/catch.hpp>

#include "common/error.h"
#include "geo/crs.h"
#include "store/gpkg_geometry.h"
#include "store/kinds.h"
#include "store/store.h"
#include "support/raw_connection.h"
#include "support/store_backends.h"
#include "support/test_data.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <bit>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <future>
#include <thread>

using namespace maillage;
using namespace std::chrono_literals;

namespace {

bool sameBits(double a, double b) { return std::bit_cast<quint64>(a) == std::bit_cast<quint64>(b); }

// A position in 04 whose doubles use all their bits (no round decimal survives by luck).
AccueilPoint makePoint(const QString& name, const QString& sourceId = {}, double shift = 0.0)
{
    AccueilPoint p;
    p.name = name;
    p.level = Level::First;
    p.kind = QStringLiteral("mairie");
    p.wgs84 = {6.2357 + 0.1 / 3.0 + shift, 44.0925 + std::sqrt(2.0) / 1000.0 + shift};
    p.lambert93 = toLambert93(p.wgs84);
    p.communeInsee = QStringLiteral("04070");
    p.source = sourceId.isEmpty() ? QString() : QStringLiteral("test-source");
    p.sourceId = sourceId;
    return p;
}

std::vector<AccueilPoint> makeBatch(const QString& prefix, int count)
{
    std::vector<AccueilPoint> batch;
    for (int i = 0; i < count; ++i)
        batch.push_back(
            makePoint(QStringLiteral("%1 %2").arg(prefix).arg(i), QStringLiteral("%1-%2").arg(prefix).arg(i), i * 1e-4));
    return batch;
}

using test::errorMessage;
using test::RawConnection;

QString wktOf(int epsg)
{
    OGRSpatialReference srs;
    srs.importFromEPSG(epsg);
    char* wkt = nullptr;
    srs.exportToWkt(&wkt);
    const QString result = QString::fromUtf8(wkt);
    CPLFree(wkt);
    return result;
}

// A project as Maillage 0.1 (schema version 1) wrote it: the literal DDL of version 1 as
// documented in core/store/schema.cpp, frozen here on purpose.
void writeVersion1Project(const QString& path, const std::vector<AccueilPoint>& points)
{
    RawConnection raw(path);
    raw.exec(QStringLiteral("PRAGMA application_id = 1196444487"));
    raw.exec(QStringLiteral("PRAGMA user_version = 10300"));
    raw.exec(QStringLiteral("BEGIN"));
    raw.exec(
        QStringLiteral("CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY,"
                       " organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL,"
                       " definition TEXT NOT NULL, description TEXT)"));
    raw.exec(QStringLiteral("INSERT INTO gpkg_spatial_ref_sys VALUES"
                            " ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', NULL),"
                            " ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', NULL),"
                            " ('WGS 84 geodetic', 4326, 'EPSG', 4326, '%1', NULL),"
                            " ('RGF93 v1 / Lambert-93', 2154, 'EPSG', 2154, '%2', NULL)")
                 .arg(wktOf(4326), wktOf(2154)));
    raw.exec(
        QStringLiteral("CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,"
                       " identifier TEXT UNIQUE, description TEXT DEFAULT '', last_change DATETIME NOT NULL"
                       " DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), min_x DOUBLE, min_y DOUBLE, max_x DOUBLE,"
                       " max_y DOUBLE, srs_id INTEGER, CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id)"
                       " REFERENCES gpkg_spatial_ref_sys(srs_id))"));
    raw.exec(
        QStringLiteral("CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,"
                       " geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL,"
                       " m TINYINT NOT NULL, CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),"
                       " CONSTRAINT uk_gc_table_name UNIQUE (table_name), CONSTRAINT fk_gc_tn FOREIGN KEY"
                       " (table_name) REFERENCES gpkg_contents(table_name), CONSTRAINT fk_gc_srs FOREIGN KEY"
                       " (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))"));
    raw.exec(
        QStringLiteral("CREATE TABLE accueil_points ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom POINT,"
                       " name TEXT NOT NULL, level MEDIUMINT NOT NULL CHECK (level BETWEEN 1 AND 3),"
                       " kind TEXT NOT NULL,"
                       " status TEXT NOT NULL DEFAULT 'existing' CHECK (status IN ('existing','planned','closed')),"
                       " commune_insee TEXT NOT NULL DEFAULT '',"
                       " lon REAL, lat REAL, x REAL, y REAL, weekly_hours REAL,"
                       " opening_hours TEXT NOT NULL DEFAULT '',"
                       " source TEXT NOT NULL DEFAULT '', source_id TEXT NOT NULL DEFAULT '',"
                       " notes TEXT NOT NULL DEFAULT '',"
                       " created_at DATETIME NOT NULL, updated_at DATETIME NOT NULL)"));
    raw.exec(
        QStringLiteral("INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id)"
                       " VALUES ('accueil_points', 'features', 'accueil_points', 2154)"));
    raw.exec(QStringLiteral("INSERT INTO gpkg_geometry_columns VALUES ('accueil_points', 'geom', 'POINT', 2154, 0, 0)"));
    raw.exec(QStringLiteral("CREATE TABLE maillage_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)"));
    raw.exec(QStringLiteral("CREATE TABLE project_settings (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)"));
    raw.exec(QStringLiteral("INSERT INTO maillage_meta VALUES ('schema_version', '1')"));
    raw.exec(QStringLiteral("INSERT INTO project_settings VALUES ('territory', '/data/limites-04.gpkg')"));

    // Qt binds a null QString as NULL; the text columns are NOT NULL.
    auto text = [](const QString& s) { return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s); };
    for (const AccueilPoint& p : points) {
        QSqlQuery insert(raw.database());
        REQUIRE(insert.prepare(
            QStringLiteral("INSERT INTO accueil_points (geom, name, level, kind, status, commune_insee, lon, lat, x, y,"
                           " weekly_hours, opening_hours, source, source_id, notes, created_at, updated_at)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")));
        for (const QVariant& v :
             QVariantList{gpkg::encodePoint(p.lambert93, 2154), text(p.name), static_cast<int>(p.level), text(p.kind),
                          statusCode(p.status), text(p.communeInsee), p.wgs84.lon, p.wgs84.lat, p.lambert93.x, p.lambert93.y,
                          p.weeklyHours ? QVariant(*p.weeklyHours) : QVariant(), text(p.openingHours), text(p.source),
                          text(p.sourceId), text(p.notes), QStringLiteral("2023-01-02T03:04:05.006Z"),
                          QStringLiteral("2023-06-07T08:09:10.011Z")})
            insert.addBindValue(v);
        INFO(insert.lastError().text().toStdString());
        REQUIRE(insert.exec());
    }
    raw.exec(QStringLiteral("COMMIT"));
}

// Column name, declared type, NOT NULL and default of a table, to compare two schemas.
QStringList tableColumns(const QString& path, const QString& table)
{
    RawConnection raw(path);
    QSqlQuery query(raw.database());
    REQUIRE(query.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table)));
    QStringList columns;
    while (query.next())
        columns << QStringLiteral("%1 %2 %3 %4")
                       .arg(query.value(1).toString(), query.value(2).toString(), query.value(3).toString(),
                            query.value(4).toString());
    columns.sort();
    return columns;
}

}  // namespace

TEST_CASE("the kind referential gives every kind of the issue with its usual level")
{
    REQUIRE(kindReferential().size() >= 10);
    const KindInfo* mairie = findKind(QStringLiteral("mairie"));
    REQUIRE(mairie);
    CHECK(mairie->defaultLevel == Level::First);
    CHECK(mairie->labelFr == QStringLiteral("Mairie"));
    REQUIRE(findKind(QStringLiteral("france_services_itinerant")));
    CHECK(findKind(QStringLiteral("france_services_itinerant"))->defaultLevel == Level::Second);
    REQUIRE(findKind(QStringLiteral("caf")));
    CHECK(findKind(QStringLiteral("caf"))->defaultLevel == Level::Third);
    CHECK(findKind(QStringLiteral("caf"))->group == QStringLiteral("operator"));
    CHECK(findKind(QStringLiteral("bowling")) == nullptr);
}

TEST_CASE("levels and statuses convert to and from their stored values")
{
    CHECK(levelFromInt(2) == Level::Second);
    CHECK_FALSE(levelFromInt(0));
    CHECK_FALSE(levelFromInt(4));
    for (PointStatus s : {PointStatus::Existing, PointStatus::Planned, PointStatus::Closed})
        CHECK(statusFromCode(statusCode(s)) == s);
    CHECK(statusCode(PointStatus::Planned) == QStringLiteral("planned"));
    CHECK_FALSE(statusFromCode(QStringLiteral("demolished")));
}

TEST_CASE("a new project is created at the current schema version and cannot be created twice")
{
    MAILLAGE_ON_EACH_BACKEND(project);
    const QString path = project.location();
    {
        Store store = Store::create(path);
        CHECK(store.schemaVersion() == Store::kSchemaVersion);
        if (project.isFile()) CHECK(store.path() == path);
        CHECK(store.pointCount() == 0);
    }
    CHECK(Store::open(path).schemaVersion() == Store::kSchemaVersion);
    const QString message = errorMessage([&] { Store::create(path); });
    CHECK(message.contains(QStringLiteral("already exists")));
    CHECK(message.contains(project.isFile() ? path : project.schema()));
    if (!project.isFile()) return;  // what follows is the GeoPackage file's header

    RawConnection raw(path);
    CHECK(raw.value(QStringLiteral("PRAGMA application_id")).toLongLong() == 0x47504B47);
    CHECK(raw.value(QStringLiteral("PRAGMA user_version")).toInt() == 10300);
    CHECK(raw.value(QStringLiteral("PRAGMA journal_mode")).toString() == QStringLiteral("delete"));
    CHECK(raw.value(QStringLiteral("SELECT count(*) FROM gpkg_spatial_ref_sys WHERE srs_id IN (-1, 0, 4326, 2154)")).toInt()
          == 4);
    CHECK(raw.value(QStringLiteral("SELECT value FROM maillage_meta WHERE key = 'schema_version'")).toInt()
          == Store::kSchemaVersion);
}

TEST_CASE("every field of a point round-trips, coordinates bit for bit")
{
    MAILLAGE_ON_EACH_BACKEND(project);
    const QString path = project.location();

    AccueilPoint full = makePoint(QStringLiteral("France services de Barcelonnette"), QStringLiteral("FS-0412"));
    full.level = Level::Second;
    full.kind = QStringLiteral("france_services");
    full.status = PointStatus::Planned;
    full.communeInsee = QStringLiteral("04019");
    full.wgs84 = {6.6513 + 1e-13, 44.3871 - 7e-14};
    full.lambert93 = {993'123.456789012345 + 1.0 / 3.0, 6'376'543.21 + 0.1 + 0.2};
    full.weeklyHours = 24.5 + 1.0 / 7.0;
    full.openingHours = QStringLiteral("lun 09:00-12:00; mar 14:00-17:30");
    full.address = QStringLiteral("4 rue Manuel, 04400 Barcelonnette");
    full.source = QStringLiteral("anct-france-services");
    full.notes = QStringLiteral("accès PMR — à vérifier");
    full.outsideTerritory = true;
    full.serves = {QStringLiteral("caf"), QStringLiteral("cpam")};  // a France services with a visio desk

    AccueilPoint minimal = makePoint(QStringLiteral("Mairie de Digne-les-Bains"));
    minimal.communeInsee.clear();  // weekly hours, source and the rest left empty

    const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
    qint64 fullId = 0, minimalId = 0;
    {
        Store store = Store::create(path);
        fullId = store.insertPoint(full);
        minimalId = store.insertPoint(minimal);
    }
    const QDateTime after = QDateTime::currentDateTimeUtc().addMSecs(1);
    CHECK(fullId > 0);
    CHECK(minimalId != fullId);

    Store store = Store::open(path);
    const std::optional<AccueilPoint> read = store.point(fullId);
    REQUIRE(read);
    CHECK(read->id == fullId);
    CHECK(read->name == full.name);
    CHECK(read->level == Level::Second);
    CHECK(read->kind == full.kind);
    CHECK(read->status == PointStatus::Planned);
    CHECK(read->communeInsee == full.communeInsee);
    CHECK(sameBits(read->wgs84.lon, full.wgs84.lon));
    CHECK(sameBits(read->wgs84.lat, full.wgs84.lat));
    CHECK(sameBits(read->lambert93.x, full.lambert93.x));
    CHECK(sameBits(read->lambert93.y, full.lambert93.y));
    REQUIRE(read->weeklyHours);
    CHECK(sameBits(*read->weeklyHours, *full.weeklyHours));
    CHECK(read->openingHours == full.openingHours);
    CHECK(read->address == full.address);
    CHECK(read->source == full.source);
    CHECK(read->sourceId == full.sourceId);
    CHECK(read->notes == full.notes);
    CHECK(read->outsideTerritory);
    CHECK(read->serves == full.serves);
    CHECK(read->createdAt.timeSpec() == Qt::UTC);
    CHECK(read->createdAt >= before);
    CHECK(read->createdAt <= after);
    CHECK(read->updatedAt == read->createdAt);

    const std::optional<AccueilPoint> small = store.point(minimalId);
    REQUIRE(small);
    CHECK_FALSE(small->weeklyHours);
    CHECK(small->communeInsee.isEmpty());
    CHECK(small->sourceId.isEmpty());
    CHECK_FALSE(small->outsideTerritory);
    CHECK(small->serves.isEmpty());
    CHECK(sameBits(small->lambert93.x, minimal.lambert93.x));

    CHECK_FALSE(store.point(fullId + minimalId + 100));
}

TEST_CASE("updating a point keeps its id and creation time, and deleting removes it")
{
    MAILLAGE_ON_EACH_BACKEND(project);
    Store store = Store::create(project.location());
    const qint64 id = store.insertPoint(makePoint(QStringLiteral("Agence postale")));
    const AccueilPoint original = *store.point(id);

    std::this_thread::sleep_for(5ms);  // so that the update time differs
    AccueilPoint changed = original;
    changed.name = QStringLiteral("Agence postale communale de Seyne");
    changed.kind = QStringLiteral("agence_postale_communale");
    changed.weeklyHours = 12.0;
    store.updatePoint(changed);

    const AccueilPoint read = *store.point(id);
    CHECK(read.name == changed.name);
    CHECK(read.kind == changed.kind);
    CHECK(read.weeklyHours == 12.0);
    CHECK(read.createdAt == original.createdAt);
    CHECK(read.updatedAt > original.updatedAt);
    CHECK(store.pointCount() == 1);

    AccueilPoint ghost = changed;
    ghost.id = id + 1000;
    CHECK(errorMessage([&] { store.updatePoint(ghost); }).contains(QStringLiteral("no point with id")));

    store.deletePoint(id);
    CHECK_FALSE(store.point(id));
    CHECK(store.pointCount() == 0);
    CHECK(errorMessage([&] { store.deletePoint(id); }).contains(QStringLiteral("no such point")));

    // Ids are never reused, so a plan that mentions a deleted point cannot hit a new one.
    CHECK(store.insertPoint(makePoint(QStringLiteral("Nouvelle mairie"))) > id);
}

TEST_CASE("points are selected by level, kind, status, communes, source and outside flag")
{
    MAILLAGE_ON_EACH_BACKEND(project);
    Store store = Store::create(project.location());

    AccueilPoint mairie = makePoint(QStringLiteral("Mairie de Manosque"));
    mairie.communeInsee = QStringLiteral("04112");
    mairie.source = QStringLiteral("mairies");
    store.insertPoint(mairie);

    AccueilPoint fs = makePoint(QStringLiteral("France services de Forcalquier"));
    fs.level = Level::Second;
    fs.kind = QStringLiteral("france_services");
    fs.communeInsee = QStringLiteral("04088");
    fs.source = QStringLiteral("anct");
    store.insertPoint(fs);

    AccueilPoint planned = fs;
    planned.name = QStringLiteral("France services de Seyne (projet)");
    planned.status = PointStatus::Planned;
    planned.communeInsee = QStringLiteral("04205");
    planned.source.clear();
    store.insertPoint(planned);

    AccueilPoint caf = makePoint(QStringLiteral("CAF de Gap"));
    caf.level = Level::Third;
    caf.kind = QStringLiteral("caf");
    caf.communeInsee = QStringLiteral("05061");
    caf.outsideTerritory = true;
    store.insertPoint(caf);

    auto names = [&](const PointFilter& filter) {
        QStringList result;
        for (const AccueilPoint& p : store.points(filter)) result << p.name;
        return result;
    };

    CHECK(store.pointCount() == 4);
    CHECK(names({}).size() == 4);
    CHECK(names({.level = Level::Second}) == QStringList{fs.name, planned.name});
    CHECK(names({.kind = QStringLiteral("caf")}) == QStringList{caf.name});
    CHECK(names({.status = PointStatus::Planned}) == QStringList{planned.name});
    CHECK(names({.communeInsee = QStringList{QStringLiteral("04112"), QStringLiteral("04205")}})
          == QStringList{mairie.name, planned.name});
    CHECK(names({.communeInsee = QStringList{}}).isEmpty());
    CHECK(names({.source = QStringLiteral("anct")}) == QStringList{fs.name});
    CHECK(names({.outsideTerritory = true}) == QStringList{caf.name});
    CHECK(store.pointCount({.outsideTerritory = false}) == 3);
    CHECK(store.pointCount({.level = Level::Second, .status = PointStatus::Existing}) == 1);
    CHECK(store.pointCount({.level = Level::First, .kind = QStringLiteral("caf")}) == 0);
}

TEST_CASE("a write refuses an invalid point and names it")
{
    MAILLAGE_ON_EACH_BACKEND(project);
    Store store = Store::create(project.location());

    AccueilPoint badLevel = makePoint(QStringLiteral("Mairie de Nulle-part"));
    badLevel.level = static_cast<Level>(7);
    QString message = errorMessage([&] { store.insertPoint(badLevel); });
    CHECK(message.contains(QStringLiteral("Mairie de Nulle-part")));
    CHECK(message.contains(QStringLiteral("level 7")));

    AccueilPoint badKind = makePoint(QStringLiteral("Bowling"));
    badKind.kind = QStringLiteral("bowling");
    message = errorMessage([&] { store.insertPoint(badKind); });
    CHECK(message.contains(QStringLiteral("unknown kind \"bowling\"")));

    AccueilPoint nowhere = makePoint(QStringLiteral("Point sans position"));
    nowhere.lambert93.x = std::nan("");
    CHECK(errorMessage([&] { store.insertPoint(nowhere); }).contains(QStringLiteral("Point sans position")));
    nowhere = makePoint(QStringLiteral("Latitude folle"));
    nowhere.wgs84.lat = 144.0;
    CHECK(errorMessage([&] { store.insertPoint(nowhere); }).contains(QStringLiteral("Latitude folle")));

    AccueilPoint badVisio = makePoint(QStringLiteral("Point visio"));
    badVisio.level = Level::Third;
    badVisio.kind = QStringLiteral("visio");
    badVisio.serves = {QStringLiteral("caf"), QStringLiteral("mairie")};  // a town hall is no level-3 operator
    message = errorMessage([&] { store.insertPoint(badVisio); });
    CHECK(message.contains(QStringLiteral("Point visio")));
    CHECK(message.contains(QStringLiteral("\"mairie\" is not a level-3 operator")));

    CHECK(store.pointCount() == 0);
}

TEST_CASE("project settings are kept as key/value text")
{
    MAILLAGE_ON_EACH_BACKEND(project);
    const QString path = project.location();
    {
        Store store = Store::create(path);
        CHECK_FALSE(store.setting(QStringLiteral("territory")));
        store.setSetting(QStringLiteral("territory"), QStringLiteral("/a/limites-04.gpkg"));
        store.setSetting(QStringLiteral("territory"), QStringLiteral("/b/limites-04.gpkg"));
        store.setSetting(QStringLiteral("threshold_minutes"), QStringLiteral("20"));
    }
    Store store = Store::open(path);
    CHECK(store.setting(QStringLiteral("territory")) == QStringLiteral("/b/limites-04.gpkg"));
    CHECK(store.setting(QStringLiteral("threshold_minutes")) == QStringLiteral("20"));
}

TEST_CASE("the project file opens with GDAL's GeoPackage driver as a Lambert-93 point layer")
{
    test::ScratchDir dir;
    const QString path = dir.path(QStringLiteral("project.gpkg"));
    Store store = Store::create(path);
    const std::vector<AccueilPoint> batch = makeBatch(QStringLiteral("mairie"), 5);
    store.upsertBySource(batch);
    store.deletePoint(store.points().back().id);  // the extent must shrink back

    const char* const drivers[] = {"GPKG", nullptr};
    CPLErrorReset();
    GDALDatasetUniquePtr dataset(GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers));
    REQUIRE(dataset);
    CHECK(CPLGetLastErrorType() == CE_None);  // no warning about the file's structure
    CHECK(QString::fromUtf8(dataset->GetDriver()->GetDescription()) == QStringLiteral("GPKG"));

    OGRLayer* layer = dataset->GetLayerByName("accueil_points");
    REQUIRE(layer);
    CHECK(layer->GetGeomType() == wkbPoint);
    CHECK(layer->GetFeatureCount() == 4);
    const OGRSpatialReference* srs = layer->GetSpatialRef();
    REQUIRE(srs);
    CHECK(QString::fromUtf8(srs->GetAuthorityName(nullptr)) == QStringLiteral("EPSG"));
    CHECK(QString::fromUtf8(srs->GetAuthorityCode(nullptr)) == QStringLiteral("2154"));

    OGRFeatureDefn* definition = layer->GetLayerDefn();
    for (const char* field :
         {"name", "level", "kind", "status", "commune_insee", "lon", "lat", "weekly_hours", "opening_hours", "address",
          "source", "source_id", "notes", "outside_territory", "created_at", "updated_at"}) {
        INFO(field);
        CHECK(definition->GetFieldIndex(field) >= 0);
    }
    CHECK(definition->GetFieldDefn(definition->GetFieldIndex("outside_territory"))->GetSubType() == OFSTBoolean);
    CHECK(definition->GetFieldDefn(definition->GetFieldIndex("created_at"))->GetType() == OFTDateTime);

    int matched = 0;
    for (auto& feature : *layer) {
        const auto* point = feature->GetGeometryRef()->toPoint();
        const std::optional<AccueilPoint> stored = store.point(feature->GetFID());
        REQUIRE(stored);
        CHECK(sameBits(point->getX(), stored->lambert93.x));
        CHECK(sameBits(point->getY(), stored->lambert93.y));
        CHECK(QString::fromUtf8(feature->GetFieldAsString("name")) == stored->name);
        ++matched;
    }
    CHECK(matched == 4);

    // GDAL takes the extent from gpkg_contents (printed with 15 digits): it must follow the
    // writes, including the deletion of the easternmost point (8 m east of the others).
    OGREnvelope extent;
    REQUIRE(layer->GetExtent(&extent, FALSE) == OGRERR_NONE);
    BBox expected;
    for (const AccueilPoint& p : store.points()) expected.expand(p.lambert93);
    CHECK(extent.MinX == Approx(expected.minX).epsilon(0).margin(1e-6));
    CHECK(extent.MaxX == Approx(expected.maxX).epsilon(0).margin(1e-6));
    CHECK(extent.MinY == Approx(expected.minY).epsilon(0).margin(1e-6));
    CHECK(extent.MaxY == Approx(expected.maxY).epsilon(0).margin(1e-6));
}

TEST_CASE("a point moved in a GIS program is read at its new position")
{
    test::ScratchDir dir;
    const QString path = dir.path(QStringLiteral("project.gpkg"));
    Store store = Store::create(path);
    const qint64 id = store.insertPoint(makePoint(QStringLiteral("Mairie de Sisteron")));
    const XY moved{952'000.25, 6'350'000.75};
    {
        const char* const drivers[] = {"GPKG", nullptr};
        GDALDatasetUniquePtr dataset(GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, drivers));
        REQUIRE(dataset);
        OGRLayer* layer = dataset->GetLayerByName("accueil_points");
        REQUIRE(layer);
        OGRFeatureUniquePtr feature(layer->GetFeature(id));
        REQUIRE(feature);
        OGRPoint point(moved.x, moved.y);
        feature->SetGeometry(&point);
        REQUIRE(layer->SetFeature(feature.get()) == OGRERR_NONE);
    }
    const AccueilPoint read = *store.point(id);
    CHECK(sameBits(read.lambert93.x, moved.x));
    CHECK(sameBits(read.lambert93.y, moved.y));
    const LonLat expected = toWgs84(moved);
    CHECK(read.wgs84.lon == Approx(expected.lon).epsilon(1e-12));
    CHECK(read.wgs84.lat == Approx(expected.lat).epsilon(1e-12));
}

TEST_CASE("a version 1 project is migrated on open without losing a row")
{
    test::ScratchDir dir;
    const QString path = dir.path(QStringLiteral("v1.gpkg"));
    std::vector<AccueilPoint> points = makeBatch(QStringLiteral("mairie"), 3);
    points[1].weeklyHours = 17.25;
    points[1].status = PointStatus::Closed;
    points[2].sourceId.clear();
    points[2].notes = QStringLiteral("saisi à la main");
    writeVersion1Project(path, points);

    Store store = Store::open(path);
    CHECK(store.schemaVersion() == Store::kSchemaVersion);
    const std::vector<AccueilPoint> read = store.points();
    REQUIRE(read.size() == points.size());
    for (size_t i = 0; i < points.size(); ++i) {
        INFO("row " << i);
        CHECK(read[i].name == points[i].name);
        CHECK(read[i].status == points[i].status);
        CHECK(read[i].weeklyHours == points[i].weeklyHours);
        CHECK(read[i].sourceId == points[i].sourceId);
        CHECK(read[i].notes == points[i].notes);
        CHECK(sameBits(read[i].lambert93.x, points[i].lambert93.x));
        CHECK(sameBits(read[i].wgs84.lat, points[i].wgs84.lat));
        CHECK(read[i].address.isEmpty());
        CHECK_FALSE(read[i].outsideTerritory);
        CHECK(read[i].createdAt == QDateTime(QDate(2023, 1, 2), QTime(3, 4, 5, 6), Qt::UTC));
    }
    CHECK(store.setting(QStringLiteral("territory")) == QStringLiteral("/data/limites-04.gpkg"));

    // The new columns and the (source, source_id) index work after the migration.
    AccueilPoint renamed = points[0];
    renamed.name = QStringLiteral("Mairie renommée");
    renamed.address = QStringLiteral("place de la mairie");
    const UpsertReport report = store.upsertBySource({renamed});
    CHECK(report.updated == 1);
    CHECK(report.inserted == 0);
    CHECK(store.point(read[0].id)->address == renamed.address);

    // A migrated file and a new one have the same point table.
    const QString fresh = dir.path(QStringLiteral("new.gpkg"));
    Store::create(fresh);
    CHECK(tableColumns(path, QStringLiteral("accueil_points")) == tableColumns(fresh, QStringLiteral("accueil_points")));
    RawConnection raw(path);
    CHECK(raw.value(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'accueil_points_source'")).toInt() == 1);
}

TEST_CASE("a version 1 project whose points share a source id is refused and left as it was")
{
    test::ScratchDir dir;
    const QString path = dir.path(QStringLiteral("v1.gpkg"));
    std::vector<AccueilPoint> points = makeBatch(QStringLiteral("fs"), 3);
    points[2].sourceId = points[0].sourceId;
    writeVersion1Project(path, points);

    const QString message = errorMessage([&] { Store::open(path); });
    CHECK(message.contains(path));
    CHECK(message.contains(QStringLiteral("points 1, 3 share source")));

    RawConnection raw(path);
    CHECK(raw.value(QStringLiteral("SELECT value FROM maillage_meta WHERE key = 'schema_version'")).toInt() == 1);
    CHECK(raw.value(QStringLiteral("SELECT count(*) FROM accueil_points")).toInt() == 3);
    CHECK(tableColumns(path, QStringLiteral("accueil_points")).size() == 18);  // no column added
}

TEST_CASE("a project written by a newer Maillage is refused with a clear message")
{
    test::ScratchDir dir;
    const QString path = dir.path(QStringLiteral("future.gpkg"));
    Store::create(path).insertPoint(makePoint(QStringLiteral("Mairie")));
    RawConnection(path).exec(
        QStringLiteral("UPDATE maillage_meta SET value = '%1' WHERE key = 'schema_version'").arg(Store::kSchemaVersion + 1));

    const QString message = errorMessage([&] { Store::open(path); });
    CHECK(message.contains(path));
    CHECK(message.contains(QStringLiteral("newer Maillage")));
    CHECK(message.contains(QStringLiteral("schema version %1").arg(Store::kSchemaVersion + 1)));
}

TEST_CASE("a missing file, a non-SQLite file or another database is refused, naming the file")
{
    test::ScratchDir dir;

    const QString missing = dir.path(QStringLiteral("missing.gpkg"));
    QString message = errorMessage([&] { Store::open(missing); });
    CHECK(message.contains(missing));
    CHECK(message.contains(QStringLiteral("does not exist")));
    CHECK_FALSE(QFile::exists(missing));  // opening never creates a file

    const QString text = dir.path(QStringLiteral("notes.gpkg"));
    {
        QFile file(text);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("name,level\nMairie,1\n").repeated(200));
    }
    message = errorMessage([&] { Store::open(text); });
    CHECK(message.contains(text));
    CHECK(message.contains(QStringLiteral("not an SQLite database")));

    const QString other = dir.path(QStringLiteral("other.sqlite"));
    RawConnection(other).exec(QStringLiteral("CREATE TABLE birds (name TEXT)"));
    message = errorMessage([&] { Store::open(other); });
    CHECK(message.contains(other));
    CHECK(message.contains(QStringLiteral("not a Maillage project")));
    CHECK(tableColumns(other, QStringLiteral("birds")).size() == 1);
    CHECK(tableColumns(other, QStringLiteral("maillage_meta")).isEmpty());  // untouched
}

TEST_CASE("importing the same batch twice changes nothing the second time")
{
    MAILLAGE_ON_EACH_BACKEND(project);
    Store store = Store::create(project.location());
    std::vector<AccueilPoint> batch = makeBatch(QStringLiteral("mairie"), 50);

    const UpsertReport first = store.upsertBySource(batch);
    CHECK(first.inserted == 50);
    CHECK(first.updated == 0);
    const std::vector<AccueilPoint> afterFirst = store.points();

    const UpsertReport second = store.upsertBySource(batch);
    CHECK(second.inserted == 0);
    CHECK(second.updated == 0);
    CHECK(second.unchanged == 50);
    CHECK(store.pointCount() == 50);
    CHECK(store.points().back().updatedAt == afterFirst.back().updatedAt);  // not rewritten

    std::this_thread::sleep_for(5ms);
    batch[7].name = QStringLiteral("Mairie de Sainte-Croix-du-Verdon");
    const UpsertReport third = store.upsertBySource(batch);
    CHECK(third.inserted == 0);
    CHECK(third.updated == 1);
    CHECK(third.unchanged == 49);
    const AccueilPoint renamed = store.points({.source = batch[7].source})[7];
    CHECK(renamed.name == batch[7].name);
    CHECK(renamed.id == afterFirst[7].id);
    CHECK(renamed.createdAt == afterFirst[7].createdAt);
    CHECK(renamed.updatedAt > afterFirst[7].updatedAt);

    // Same source id from another source is another point.
    AccueilPoint elsewhere = batch[0];
    elsewhere.source = QStringLiteral("other-source");
    CHECK(store.upsertBySource({elsewhere}).inserted == 1);
}

TEST_CASE("a bad row inside a batch writes nothing of the batch")
{
    MAILLAGE_ON_EACH_BACKEND(project);
    const QString path = project.location();
    Store store = Store::create(path);
    store.upsertBySource(makeBatch(QStringLiteral("before"), 10));
    const std::vector<AccueilPoint> before = store.points();

    SECTION("a row the store refuses (unknown kind)")
    {
        std::vector<AccueilPoint> batch = makeBatch(QStringLiteral("new"), 5);
        batch[3].kind = QStringLiteral("piscine");
        const QString message = errorMessage([&] { store.upsertBySource(batch); });
        CHECK(message.contains(QStringLiteral("row 4")));
        CHECK(message.contains(batch[3].name));
        CHECK(message.contains(QStringLiteral("piscine")));
    }
    SECTION("a row the database refuses after earlier rows were written")
    {
        // Another program's trigger refuses one name: rows 1-2 are already in the
        // transaction when row 3 fails, and they must be rolled back.
        if (project.isFile()) {
            RawConnection(path).exec(
                QStringLiteral("CREATE TRIGGER refuse_one BEFORE INSERT ON accueil_points WHEN NEW.name = 'new 2'"
                               " BEGIN SELECT RAISE(ABORT, 'refused by the test trigger'); END"));
        } else {
            test::PgAdmin admin;
            admin.exec(QStringLiteral("CREATE FUNCTION %1.refuse_one() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                                      " IF NEW.name = 'new 2' THEN RAISE EXCEPTION 'refused by the test trigger'; END IF;"
                                      " RETURN NEW; END $$")
                           .arg(project.schema()));
            admin.exec(QStringLiteral("CREATE TRIGGER refuse_one BEFORE INSERT ON %1.accueil_points"
                                      " FOR EACH ROW EXECUTE FUNCTION %1.refuse_one()")
                           .arg(project.schema()));
        }
        std::vector<AccueilPoint> batch = makeBatch(QStringLiteral("before"), 10);
        batch[0].name = QStringLiteral("changed name, must not stay");
        for (const AccueilPoint& p : makeBatch(QStringLiteral("new"), 5)) batch.push_back(p);
        const QString message = errorMessage([&] { store.upsertBySource(batch); });
        CHECK(message.contains(QStringLiteral("row 13")));
        CHECK(message.contains(QStringLiteral("\"new 2\"")));
        CHECK(message.contains(QStringLiteral("refused by the test trigger")));
        CHECK(message.contains(store.path()));
    }

    const std::vector<AccueilPoint> after = store.points();
    REQUIRE(after.size() == before.size());
    for (size_t i = 0; i < before.size(); ++i) {
        CHECK(after[i].name == before[i].name);
        CHECK(after[i].updatedAt == before[i].updatedAt);
    }
    // The store is still usable after the rollback.
    CHECK(store.upsertBySource(makeBatch(QStringLiteral("later"), 2)).inserted == 2);
}

TEST_CASE("a second writer gets \"in use\" after the busy timeout and succeeds once the lock is gone")
{
    test::ScratchDir dir;
    const QString path = dir.path(QStringLiteral("project.gpkg"));
    Store::create(path).insertPoint(makePoint(QStringLiteral("Mairie de Riez")));

    Store store = Store::open(path, {.busyTimeout = 200ms});
    RawConnection other(path);
    other.exec(QStringLiteral("BEGIN IMMEDIATE"));  // another program is writing

    QElapsedTimer timer;
    timer.start();
    const QString message = errorMessage([&] { store.insertPoint(makePoint(QStringLiteral("Mairie de Moustiers"))); });
    CHECK(timer.elapsed() >= 150);
    CHECK(message.contains(QStringLiteral("project %1 is in use by another program").arg(path)));
    CHECK(errorMessage([&] { store.upsertBySource(makeBatch(QStringLiteral("x"), 3)); }).contains(QStringLiteral("in use")));
    CHECK(store.pointCount() == 1);  // reading is not blocked by a pending write

    other.exec(QStringLiteral("ROLLBACK"));
    store.insertPoint(makePoint(QStringLiteral("Mairie de Moustiers")));
    CHECK(store.pointCount() == 2);
}

TEST_CASE("a writer waits for a short lock held by another program")
{
    test::ScratchDir dir;
    const QString path = dir.path(QStringLiteral("project.gpkg"));
    Store store = Store::create(path, {.busyTimeout = 5s});

    // Another program takes the write lock and releases it 300 ms later. No Catch2 macro in
    // that thread: Catch2 is not thread-safe; it reports through the futures.
    std::promise<bool> locked;
    std::promise<bool> released;
    std::jthread other([&] {
        const QString name = QStringLiteral("waiting-test-other");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(path);
            QSqlQuery query(db);
            const bool ok = db.open() && query.exec(QStringLiteral("BEGIN IMMEDIATE"));
            locked.set_value(ok);
            std::this_thread::sleep_for(300ms);
            released.set_value(ok && query.exec(QStringLiteral("COMMIT")));
            query.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    });
    REQUIRE(locked.get_future().get());
    QElapsedTimer timer;
    timer.start();
    store.insertPoint(makePoint(QStringLiteral("Mairie d'Annot")));
    const qint64 waited = timer.elapsed();
    CHECK(released.get_future().get());
    CHECK(waited >= 200);
    CHECK(store.pointCount() == 1);
}

TEST_CASE("a writer killed with SIGKILL in the middle of an import loses no committed row")
{
    test::ScratchDir dir;
    const QString path = dir.path(QStringLiteral("project.gpkg"));
    constexpr int kBefore = 120;
    constexpr int kBatch = 500;
    {
        Store store = Store::create(path);
        store.upsertBySource(makeBatch(QStringLiteral("before"), kBefore));
    }  // no connection is open across fork()

    int reports[2];
    REQUIRE(pipe(reports) == 0);
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        // The child: its own connection, batch after batch, one transaction each, until killed.
        close(reports[0]);
        int status = 0;
        try {
            Store store = Store::open(path);
            for (int b = 0; b < 1000; ++b) {
                const UpsertReport written = store.upsertBySource(makeBatch(QStringLiteral("child%1").arg(b), kBatch));
                if (written.inserted != kBatch || write(reports[1], &b, sizeof b) != sizeof b) {
                    status = 3;
                    break;
                }
            }
        } catch (...) {
            status = 2;
        }
        _exit(status);  // no destructors, no Catch2 in the child
    }

    close(reports[1]);
    int reported = 0;
    auto readReport = [&](int timeoutMs) {
        pollfd fd{reports[0], POLLIN, 0};
        if (poll(&fd, 1, timeoutMs) <= 0) return false;
        int batch = -1;
        if (read(reports[0], &batch, sizeof batch) != sizeof batch) return false;  // the child is gone
        ++reported;
        return true;
    };
    while (reported < 3 && readReport(30'000)) {
    }
    REQUIRE(reported == 3);
    // Kill it inside a transaction: with a rollback journal, the -journal file exists exactly
    // while a write is under way.
    const QString journal = path + QStringLiteral("-journal");
    QElapsedTimer waiting;
    waiting.start();
    while (!QFile::exists(journal) && waiting.elapsed() < 5'000) std::this_thread::sleep_for(200us);
    std::this_thread::sleep_for(std::chrono::microseconds(std::rand() % 2'000));
    REQUIRE(kill(child, SIGKILL) == 0);
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    CHECK(WIFSIGNALED(status));
    while (readReport(0)) {
    }  // reports written before the kill
    close(reports[0]);
    const bool hotJournal = QFile::exists(journal);
    if (qEnvironmentVariableIsSet("MAILLAGE_TEST_VERBOSE"))
        WARN("hot journal left by the killed writer: " << hotJournal << ", batches reported: " << reported);

    Store store = Store::open(path);
    {
        RawConnection raw(path);
        CHECK(raw.value(QStringLiteral("PRAGMA integrity_check")).toString() == QStringLiteral("ok"));
    }
    CHECK(store.pointCount({.source = QStringLiteral("test-source")}) >= kBefore);
    int beforeRows = 0;
    for (const AccueilPoint& p : store.points()) beforeRows += p.sourceId.startsWith(QStringLiteral("before-")) ? 1 : 0;
    CHECK(beforeRows == kBefore);
    const int childRows = store.pointCount() - kBefore;
    INFO("child reported " << reported << " batches, " << childRows << " child rows in the file, hot journal "
                           << hotJournal);
    CHECK(childRows % kBatch == 0);
    CHECK(childRows >= reported * kBatch);
    CHECK(childRows <= (reported + 1) * kBatch);  // at most the batch committed but not yet reported
    // The store takes new writes after the crash.
    CHECK(store.upsertBySource(makeBatch(QStringLiteral("after"), 5)).inserted == 5);
}

TEST_CASE("a result table is kept in the project as a typed GeoPackage attribute table and replaced on rewrite")
{
    MAILLAGE_ON_EACH_BACKEND(project);
    const QString path = project.location();
    {
        Store store = Store::create(path);
        store.writeResultTable(QStringLiteral("access"), QStringLiteral("test"),
                               {{QStringLiteral("code"), false}, {QStringLiteral("minutes"), true}},
                               {{QStringLiteral("04070"), QStringLiteral("12.5")}, {QStringLiteral("04047"), QString()}});
        const auto rows = store.resultTable(QStringLiteral("access"));
        REQUIRE(rows.size() == 3);
        CHECK(rows[1] == QStringList{QStringLiteral("04070"), QStringLiteral("12.5")});
        CHECK(rows[2][0] == QStringLiteral("04047"));  // a code keeps its leading zero

        // A bad row leaves the previous table as it was.
        CHECK_THROWS_WITH(store.writeResultTable(QStringLiteral("access"), QStringLiteral("test"),
                                                 {{QStringLiteral("code"), false}, {QStringLiteral("minutes"), true}},
                                                 {{QStringLiteral("x"), QStringLiteral("soon")}}),
                          Catch::Contains("not a number"));
        CHECK(store.resultTable(QStringLiteral("access")).size() == 3);
        CHECK(store.resultTable(QStringLiteral("missing")).empty());
        CHECK_THROWS(store.writeResultTable(QStringLiteral("Bad; DROP"), QString(), {{QStringLiteral("a"), false}}, {}));
    }
    if (!project.isFile()) return;  // what follows reads the GeoPackage file with GDAL
    GDALDatasetUniquePtr dataset(GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(dataset);
    OGRLayer* layer = dataset->GetLayerByName("result_access");
    REQUIRE(layer);
    CHECK(layer->GetFeatureCount() == 2);
    CHECK(layer->GetLayerDefn()->GetFieldDefn(1)->GetType() == OFTReal);
}
