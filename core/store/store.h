#pragma once

#include "store/accueil_point.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace maillage {

// Selects points; an unset member does not filter.
struct PointFilter {
    std::optional<Level> level;
    std::optional<QString> kind;
    std::optional<PointStatus> status;
    std::optional<QStringList> communeInsee;  // any of these communes
    std::optional<QString> source;
    std::optional<bool> outsideTerritory;
};

struct UpsertReport {
    int inserted = 0;
    int updated = 0;
    int unchanged = 0;
};

// A Maillage project: one SQLite file that is also a valid GeoPackage (the point table
// `accueil_points` opens directly in QGIS). Schema version in table `maillage_meta`;
// older files are migrated on open. Every write runs in a transaction; a second writer
// waits (busy timeout) and then gets a clear "project is in use" error.
class Store {
public:
    static constexpr int kSchemaVersion = 2;

    // Creates a new project file; throws if it exists.
    static Store create(const QString& path);
    // Opens (and migrates if needed) an existing project; throws a clear Error otherwise.
    static Store open(const QString& path);

    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;
    ~Store();

    QString path() const;
    int schemaVersion() const;

    // Points
    qint64 insertPoint(const AccueilPoint& point);     // returns the new id
    void updatePoint(const AccueilPoint& point);       // by id; throws if it does not exist
    void deletePoint(qint64 id);
    std::optional<AccueilPoint> point(qint64 id) const;
    std::vector<AccueilPoint> points(const PointFilter& filter = {}) const;
    int pointCount(const PointFilter& filter = {}) const;

    // Inserts the points, or updates those whose (source, sourceId) already exists, all in
    // one transaction: either every row is written or none is.
    UpsertReport upsertBySource(const std::vector<AccueilPoint>& points);

    // Project settings (territory files, network, vintages...) as key/value text.
    void setSetting(const QString& key, const QString& value);
    std::optional<QString> setting(const QString& key) const;

private:
    struct Impl;
    explicit Store(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace maillage
