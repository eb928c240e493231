#pragma once

#include "store/accueil_point.h"
#include "store/store.h"

#include <QString>

#include <optional>
#include <vector>

namespace maillage {

class Territory;

// A problem with one input row; line is the 1-based line number in the file (the header
// is line 1), or the feature id for GeoJSON/GeoPackage sources.
struct ImportIssue {
    int line = 0;
    QString message;
};

// What a reader produced from a file, before it is written to the store.
struct ImportBatch {
    QString file;
    QString source;                    // source tag written on every point
    int rowsRead = 0;
    std::vector<AccueilPoint> points;  // the good rows
    std::vector<ImportIssue> issues;   // the bad rows, skipped
};

// Readers for the three real files of the 04 data set.
ImportBatch readMairiesCsv(const QString& path);         // level 1, kind "mairie"
ImportBatch readFranceServicesCsv(const QString& path);  // ANCT list, level 2
ImportBatch readLaPosteCsv(const QString& path);         // La Poste contact points, level 1

// Generic point import from CSV (lon/lat columns) or any OGR point layer (GeoJSON, GPKG...).
struct PointMapping {
    QString layer;                      // OGR layer name, empty = first layer
    QString nameField = QStringLiteral("name");
    QString idField;                    // source id; empty = row number
    QString lonField = QStringLiteral("longitude");  // CSV only; OGR sources use the geometry
    QString latField = QStringLiteral("latitude");
    QString levelField;                 // empty = use fixedLevel
    QString kindField;                  // empty = use fixedKind
    QString communeField;               // INSEE code column, optional
    std::optional<Level> fixedLevel;    // default: the kind's default level
    QString fixedKind = QStringLiteral("other");
    QString source;                     // empty = the file name
    char delimiter = 0;                 // CSV only; 0 = guess from the header (',' ';' or tab)
};
ImportBatch readGenericPoints(const QString& path, const PointMapping& mapping);

struct ImportReport {
    ImportBatch batch;       // points as written, with commune and outside flags filled in
    UpsertReport written;
    int outsideTerritory = 0;
};

// Completes the batch with the territory (commune from position when missing, outside
// flag) and upserts it by (source, sourceId) in one transaction.
ImportReport importBatch(Store& store, ImportBatch batch, const Territory* territory);

}  // namespace maillage
