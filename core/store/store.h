#pragma once

#include "common/error.h"
#include "store/accueil_point.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

namespace maillage {

namespace sql {
struct Connection;
class WriteTransaction;
}  // namespace sql

// Selects points; an unset member does not filter. Designated initialisers read well:
// store.points({.level = Level::Second, .status = PointStatus::Existing}).
struct PointFilter {
    std::optional<Level> level{};
    std::optional<QString> kind{};
    std::optional<PointStatus> status{};
    std::optional<QStringList> communeInsee{};  // any of these communes
    std::optional<QString> source{};
    std::optional<bool> outsideTerritory{};
};

struct UpsertReport {
    int inserted = 0;
    int updated = 0;
    int unchanged = 0;
};

struct UpsertOptions {
    // 0: one transaction for all rows, written all or none. N > 0, in a file: one transaction
    // per N rows, so that other programs can write between them (SQLite has one writer at a
    // time) and a long import shows progress; a failure keeps the transactions already
    // committed (importing again completes the rest, as rows are matched by source id). On a
    // server, where others keep reading and writing other rows during a transaction, the
    // import is always one transaction: a server that stops midway leaves none of it written.
    int rowsPerTransaction = 0;
    // Called after each N rows (and at the end) with the rows written so far and the total; on a
    // server they are committed only at the end.
    std::function<void(std::size_t done, std::size_t total)> progress;
};

// A point could not be saved because another editor (another planner, or another program)
// changed it since it was read: nothing was written. The message says who and when; reload the
// point (Store::point) and edit again.
class EditConflict : public Error {
public:
    EditConflict(qint64 pointId, QString changedBy, QDateTime changedAt, const QString& message)
        : Error(message), pointId_(pointId), changedBy_(std::move(changedBy)), changedAt_(std::move(changedAt))
    {
    }
    qint64 pointId() const { return pointId_; }
    const QString& changedBy() const { return changedBy_; }  // PostgreSQL role, or system user of a file
    const QDateTime& changedAt() const { return changedAt_; }

private:
    qint64 pointId_;
    QString changedBy_;
    QDateTime changedAt_;
};

// A plan (scenario) could not be changed because another editor changed it since this store
// read it (ScenarioStore::scenario) or last changed it: nothing was written. pointId() is 0;
// plan() names the plan; reload it and edit again.
class PlanConflict : public EditConflict {
public:
    PlanConflict(qint64 planId, QString plan, QString changedBy, QDateTime changedAt, const QString& message)
        : EditConflict(0, std::move(changedBy), std::move(changedAt), message), planId_(planId), plan_(std::move(plan))
    {
    }
    qint64 planId() const { return planId_; }
    const QString& plan() const { return plan_; }

private:
    qint64 planId_;
    QString plan_;
};

struct StoreOptions {
    // How long a read or write waits for another program holding a lock on the file before
    // it fails with "project ... is in use by another program".
    std::chrono::milliseconds busyTimeout{5000};
};

// A Maillage project: one SQLite file that is also a valid GeoPackage (the point table
// `accueil_points` opens directly in QGIS), or the same tables in a schema of a PostgreSQL/
// PostGIS database shared by a team (store_location.h says how it is named; every function
// below works on both, with the same SQL and bound parameters; sql_helpers.h isolates where
// the two differ). Schema version in table `maillage_meta`;
// older files are migrated on open. Every write runs in a transaction; a second writer
// waits (busy timeout) and then gets a clear "project is in use" error. New files use the
// rollback journal (DELETE), which works on network drives; see store.cpp for why not WAL.
// One Store per thread; each instance has its own Qt Sql connection.
class Store {
public:
    static constexpr int kSchemaVersion = 6;

    // Creates a new project at `project`: a file path, a postgresql:// URI or service=NAME
    // (StoreLocation::parse); throws if it exists.
    static Store create(const QString& project, const StoreOptions& options = {});
    // Opens (and migrates if needed) an existing project; throws a clear Error otherwise:
    // missing file, not SQLite, not a Maillage project, written by a newer Maillage, server
    // not answering or refusing the role.
    static Store open(const QString& project, const StoreOptions& options = {});

    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;
    ~Store();

    // The file, or the server location without credentials (for messages and settings).
    QString path() const;
    int schemaVersion() const;
    bool isServer() const;
    // Who this store's edits are credited to: the PostgreSQL role, or the system user.
    QString editor() const;
    // Where files derived from the project (the prepared network) are kept, as "<base>.network":
    // the project file itself, or for a server project a name in the user's cache folder.
    QString localFilesBase() const;
    // False when the project can be read but not changed: a read-only file or folder, or a
    // server role without INSERT/UPDATE/DELETE rights (writes then fail with a clear message).
    bool canEdit() const;

    // Server projects: calls `onChange` (in this store's thread, from its event loop, while
    // `context` lives) each time another connection commits a change to the project — points,
    // plans, road closures, settings; every write of a Store announces itself (PostgreSQL
    // NOTIFY at commit). This store's own writes are not announced to it. False for a file
    // (nothing to listen to: poll instead) or when the server refuses to listen.
    bool watchChanges(QObject* context, std::function<void()> onChange);

    // Points. Writes validate the point (level 1..3, kind from the referential, status,
    // finite coordinates) and throw an Error naming it; createdAt/updatedAt are set here.
    // A point moved in a GIS program (geometry no longer matching x/y) is read at its
    // geometry, with lon/lat recomputed.
    qint64 insertPoint(const AccueilPoint& point);  // returns the new id
    // By id, keeps createdAt; throws if it does not exist. A point read from the store carries
    // its rowVersion: when someone else changed the point since, nothing is written and
    // EditConflict says who (this store's own earlier changes are not conflicts).
    void updatePoint(const AccueilPoint& point);
    // The points this store changed last, with the version it wrote (point id -> row_version).
    // A copy of the project (Save as) opened afterwards adopts them, so that undoing an edit
    // made before the copy is still this editor's own change, not a conflict.
    using OwnVersions = std::unordered_map<qint64, qint64>;
    OwnVersions ownVersions() const;
    void adoptOwnVersions(const OwnVersions& versions);
    void deletePoint(qint64 id);  // throws if it does not exist
    std::optional<AccueilPoint> point(qint64 id) const;
    std::vector<AccueilPoint> points(const PointFilter& filter = {}) const;
    int pointCount(const PointFilter& filter = {}) const;

    // Inserts the points, or updates those whose (source, sourceId) already exists, all in
    // one transaction (UpsertOptions says when a file uses several): either every row is
    // written or none is. An updated point keeps its
    // id and createdAt; a point equal to the stored one counts as unchanged and is not
    // rewritten. Points without sourceId are always inserted.
    UpsertReport upsertBySource(const std::vector<AccueilPoint>& points, const UpsertOptions& options = {});
    // The SQL of the re-import lookup by (source, source id), for tests of its query plan.
    static const QString& sourceLookupSql();

    // Writes (or replaces) a table of results, e.g. the access table of the last coverage
    // run, as a GeoPackage attribute table named `result_<name>` that QGIS lists with the
    // points. Columns are TEXT, or REAL where `numeric` says so (empty cells are NULL).
    // One transaction: the previous table stays if anything fails.
    struct ResultColumn {
        QString name;
        bool numeric = false;
    };
    void writeResultTable(const QString& name, const QString& description, const std::vector<ResultColumn>& columns,
                          const std::vector<QStringList>& rows);
    // Rows of a result table, header first; empty when it does not exist.
    std::vector<QStringList> resultTable(const QString& name) const;
    struct ResultTableInfo {
        QString name;  // without the result_ prefix
        QString description;
        std::vector<ResultColumn> columns;
    };
    std::vector<ResultTableInfo> resultTables() const;

    // Throws Error (one line) when the project cannot be written: a read-only file, folder or
    // disk, or another program holding the write lock. Commands that save into the project
    // call it before their long computation, not after writing their other outputs.
    void requireWritable();

    // Project settings (territory files, network, vintages...) as key/value text.
    void setSetting(const QString& key, const QString& value);
    std::optional<QString> setting(const QString& key) const;

    // Several writes saved together (e.g. the points of a multi-selection moved or deleted in
    // one edit): every write of this store (points and plans) made while the batch lives
    // joins its transaction, and nothing is saved unless commit() is called; the destructor
    // rolls back otherwise. Batches nest.
    class Batch {
    public:
        explicit Batch(Store& store);
        ~Batch();
        Q_DISABLE_COPY(Batch)
        void commit();

    private:
        std::unique_ptr<sql::WriteTransaction> transaction_;
    };

private:
    // Scenarios (store/scenarios.h) live in the same file and write in its transactions.
    friend class ScenarioStore;
    friend class ProjectCopier;
    const sql::Connection& connection() const;
    // The row version of each plan as this store last read it in full or wrote it (plan id ->
    // row_version): a plan write checks it (ScenarioStore).
    std::unordered_map<qint64, qint64>& planVersions() const;
    static QString sourceLookupSqlFor(const sql::Connection& connection);

    struct Impl;
    explicit Store(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// Sets `target` to the project's setting `key` when there is one; otherwise `target` keeps its
// default.
void loadSettingInto(const Store& store, const QString& key, QString& target);

}  // namespace maillage
