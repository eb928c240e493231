#pragma once

#include "importers/point_format.h"
#include "store/accueil_point.h"
#include "store/store.h"

#include <QString>

#include <optional>
#include <vector>

namespace maillage {

class Territory;

// A problem with one input row; line is the 1-based physical line where the row starts in
// the file (the header is line 1; a quoted field may span lines), or the feature id (FID)
// for GeoJSON/GeoPackage sources.
struct ImportIssue {
    int line = 0;
    QString message;
    // true: the row was skipped. false: the row was imported and this is a warning about
    // part of it (e.g. opening hours that cannot be read, so the point has no hours).
    bool skipped = true;
};

// What a reader produced from a file, before it is written to the store.
struct ImportBatch {
    QString file;
    QString source;  // source tag written on every point
    int rowsRead = 0;
    std::vector<AccueilPoint> points;  // the good rows
    std::vector<int> pointLines;       // the line (or FID) of each point, when the reader knows it
    std::vector<ImportIssue> issues;   // the bad rows (skipped) and warnings, in file order
    bool featureIds = false;           // issues' `line` holds OGR feature ids, not line numbers

    int skippedCount() const;
};

// Readers for the three real files of the 04 data set.
ImportBatch readMairiesCsv(const QString& path);         // level 1, kind "mairie"
ImportBatch readFranceServicesCsv(const QString& path);  // ANCT list, level 2
ImportBatch readLaPosteCsv(const QString& path);         // La Poste contact points, level 1

// Third-level and social places (core/io/point_readers_annuaire.cpp). Kinds through
// data/kinds.json: a kind code, or a type code of DILA's Annuaire de l'administration (its
// "annuaire" list); a row of a type no kind lists is an issue and is skipped. Source ids are
// kept, so importing the same file again updates the points instead of adding copies.
// The operators list of the 04 data set: source, source_id, name, kind, insee_com, address,
// latitude, longitude (kind "other": the type is read from the Annuaire id, "cicas-04167-01").
ImportBatch readOperatorsCsv(const QString& path);
// DILA's Annuaire de l'administration as api-lannuaire.service-public.fr exports it: a JSON
// list of records (or an API answer with "results"), or the CSV export (';'), with `id`,
// `nom`, `pivot` (type_service_local), `code_insee_commune` and `adresse` (numero_voie,
// code_postal, nom_commune, longitude, latitude) — lists as JSON or JSON text.
ImportBatch readAnnuaireJson(const QString& path);
ImportBatch readAnnuaireCsv(const QString& path);

// The name given to a town hall: "Mairie de Digne-les-Bains", "Mairie d'Aiglun",
// "Mairie du Brusquet", "Mairie des Mées" (French elision and contraction).
QString mairieName(const QString& communeName);

// Generic point import from CSV (lon/lat columns in WGS84) or any OGR point layer (GeoJSON,
// GPKG, Shapefile...: the geometry is read in the layer's CRS and reprojected). A file ending
// in .csv, .tsv or .txt is read as CSV, anything else through OGR. Every non-empty field
// name must exist (Error naming the file and field otherwise).
// Per row: the kind value may be a kind code ("france_services") or its French or English
// label, compared without case or accents; the level must be 1, 2 or 3. An unknown kind or
// level, a missing or bad position, a non-point geometry or a repeated id skips the row
// with an ImportIssue (line number for CSV, FID for OGR sources).
struct PointMapping {
    QString layer;                                   // OGR layer name, empty = first layer
    QString nameField = QStringLiteral("name");      // empty = name points "<kind label> <id>"
    QString idField;                                 // source id; empty = data row number (CSV) or FID (OGR)
    QString lonField = QStringLiteral("longitude");  // CSV only; OGR sources use the geometry
    QString latField = QStringLiteral("latitude");
    // CSV only: lonField and latField hold Lambert-93 x and y in metres (EPSG:2154), as the
    // Département's own tables often do, instead of WGS84 longitude and latitude.
    bool lambert93Columns = false;
    QString levelField;    // empty = use fixedLevel
    QString kindField;     // empty = use fixedKind
    QString communeField;  // INSEE code column, optional
    // Column listing the level-3 operators a visio point serves ("caf;cpam"; kind or Annuaire
    // type codes), optional. A code that is no level-3 operator skips the row with an issue.
    QString servesField;
    std::optional<Level> fixedLevel;              // default: the kind's default level
    QString fixedKind = QStringLiteral("other");  // must be a known kind (Error otherwise)
    QString source;                               // empty = the file name
    char delimiter = 0;                           // CSV only; 0 = guess from the header (',' ';' or tab)
};
ImportBatch readGenericPoints(const QString& path, const PointMapping& mapping);

// A points file read as `format` says: a published list by its own reader, anything else
// (Generic) through `mapping`. The one place that maps a format to its reader, for the
// CLI's import, the application's import dialog and project creation.
ImportBatch readPointFile(const QString& path, PointFormat format, const PointMapping& mapping = {});

// The first rows of a file as an import dialog previews them before any mapping: the column
// names and up to `maxRows` rows of text. OGR sources (GeoJSON, GeoPackage…) list their
// attribute fields and take their positions from the geometry. Throws Error when the file
// cannot be read.
struct PointFilePreview {
    QStringList columns;
    std::vector<QStringList> rows;
    bool positionsFromGeometry = false;
};
PointFilePreview previewPointFile(const QString& path, const QString& layer = {}, int maxRows = 10);

struct ImportReport {
    ImportBatch batch;  // points as written, with commune and outside flags filled in
    UpsertReport written;
    int outsideTerritory = 0;
};

// Completes the batch with the territory (commune from position when missing, outside
// flag) and upserts it by (source, sourceId), 10,000 rows per transaction by default (see
// UpsertOptions). A point outside the territory that would fall inside it with longitude and
// latitude exchanged is skipped with an issue: the file has the two columns swapped.
ImportReport importBatch(Store& store, ImportBatch batch, const Territory* territory,
                         const UpsertOptions& writing = {.rowsPerTransaction = 10'000, .progress = {}});

}  // namespace maillage
