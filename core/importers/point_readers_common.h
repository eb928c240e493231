#pragma once

// Building blocks shared by the point readers (internal to core/io).

#include "importers/point_importers.h"
#include "io/csv_table.h"

#include <QHash>
#include <QString>

#include <functional>
#include <optional>

namespace maillage::import_detail {

// Thrown by the helpers below while reading one row; the reader turns it into an
// ImportIssue for that row and goes on with the next one.
struct RowProblem {
    QString message;
};

// A number written with '.' or a French decimal comma ("43,57"); nullopt if not a number.
std::optional<double> parseDecimal(const QString& text);

// The number in `text` (from column `column`); throws RowProblem when empty or not a number.
double requireNumber(const QString& text, const QString& column);

// A valid WGS84 position from two fields; throws RowProblem naming the column at fault when
// a value is missing, not a number, out of range, or the pair is (0, 0).
LonLat requireLonLat(const QString& lonText, const QString& latText, const QString& lonColumn, const QString& latColumn);

// The longitude and latitude columns of a published list, each named once: found with the
// list's other required columns, then read as a row's position with messages naming them.
class LonLatColumns {
public:
    LonLatColumns(const char* lonName, const char* latName) : lonName_(lonName), latName_(latName) {}
    // Requires `others`, then the latitude and longitude columns, in one call: one message
    // names every column missing (CsvTable::requireColumns).
    void requireWith(const CsvTable& table, std::initializer_list<CsvTable::RequiredColumn> others);
    // The row's position (requireLonLat): throws RowProblem naming the column at fault.
    LonLat read(const CsvRecord& row) const;

private:
    const char* lonName_;
    const char* latName_;
    int lon_ = -1;
    int lat_ = -1;
};

// Sets both coordinate pairs of the point from WGS84 (Lambert-93 computed by PROJ).
void setPosition(AccueilPoint& point, LonLat wgs84);

// An INSEE commune code as written in the files: trimmed, and a leading zero restored when a
// spreadsheet turned "04001" into the number 4001.
QString normalizeInsee(const QString& text);

// Lowercase, without accents, spaces and underscores collapsed: "Agence Postale  Communale"
// and "agence_postale_communale" compare equal.
QString foldForMatching(const QString& text);

// The operators a visio point serves, from a field such as "caf;cpam" (kinds.h parseServes);
// throws RowProblem naming the field when a code is no level-3 operator.
QStringList servesOf(const QString& text, const QString& field);

// Non-empty parts, trimmed, joined by `separator`.
QString joinNonEmpty(const QStringList& parts, const QString& separator);

// Collects the points and issues of one file, rejecting a second row with a source id
// already seen (an upsert keyed on it would silently keep only one of them).
class BatchBuilder {
public:
    BatchBuilder(const QString& file, const QString& source);

    void addPoint(AccueilPoint point, int line);
    void addIssue(int line, const QString& message, bool skipped = true);
    void countRow() { ++batch_.rowsRead; }
    ImportBatch take() { return std::move(batch_); }

private:
    ImportBatch batch_;
    QHash<QString, int> lineOfSourceId_;
};

// Runs `readRow` on every record of the table. A record whose field count differs from the
// header's, or for which readRow throws RowProblem, becomes an issue at its line.
void forEachRecord(const CsvTable& table, BatchBuilder& builder, const std::function<void(const CsvRecord&)>& readRow);

}  // namespace maillage::import_detail
