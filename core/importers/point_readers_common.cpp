#include "importers/point_readers_common.h"

#include "common/error.h"
#include "geo/crs.h"
#include "store/kinds.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace maillage {

int ImportBatch::skippedCount() const
{
    return static_cast<int>(std::count_if(issues.begin(), issues.end(), [](const ImportIssue& i) { return i.skipped; }));
}

namespace import_detail {

std::optional<double> parseDecimal(const QString& text)
{
    QString value = text.trimmed();
    if (value.isEmpty()) return std::nullopt;
    // French spreadsheets write "43,57"; a single comma and no dot can only be a decimal mark.
    if (value.count(u',') == 1 && !value.contains(u'.')) value.replace(u',', u'.');
    bool ok = false;
    const double number = value.toDouble(&ok);
    if (!ok || !std::isfinite(number)) return std::nullopt;
    return number;
}

double requireNumber(const QString& text, const QString& column)
{
    if (text.trimmed().isEmpty()) throw RowProblem{QStringLiteral("missing %1").arg(column)};
    const std::optional<double> number = parseDecimal(text);
    if (!number) throw RowProblem{QStringLiteral("%1 \"%2\" is not a number").arg(column, text.trimmed())};
    return *number;
}

LonLat requireLonLat(const QString& lonText, const QString& latText, const QString& lonColumn, const QString& latColumn)
{
    const double lat = requireNumber(latText, latColumn);
    const double lon = requireNumber(lonText, lonColumn);
    if (std::abs(lat) > 90.0)
        throw RowProblem{QStringLiteral("%1 %2 is out of range (-90 to 90)").arg(latColumn, latText.trimmed())};
    if (std::abs(lon) > 180.0)
        throw RowProblem{QStringLiteral("%1 %2 is out of range (-180 to 180)").arg(lonColumn, lonText.trimmed())};
    // (0, 0) is what a failed geocoder or an empty spreadsheet cell usually leaves behind.
    if (lat == 0.0 && lon == 0.0)
        throw RowProblem{QStringLiteral("%1 and %2 are both 0: no real position").arg(lonColumn, latColumn)};
    return {lon, lat};
}

void LonLatColumns::requireWith(const CsvTable& table, std::initializer_list<CsvTable::RequiredColumn> others)
{
    std::vector<CsvTable::RequiredColumn> columns(others);
    columns.push_back({latName_, lat_});
    columns.push_back({lonName_, lon_});
    table.requireColumns(columns);
}

LonLat LonLatColumns::read(const CsvRecord& row) const
{
    return requireLonLat(row.value(lon_), row.value(lat_), QString::fromUtf8(lonName_), QString::fromUtf8(latName_));
}

void setPosition(AccueilPoint& point, LonLat wgs84)
{
    if (!isValidLonLat(wgs84))
        throw RowProblem{QStringLiteral("position %1, %2 is not a valid longitude, latitude").arg(wgs84.lon).arg(wgs84.lat)};
    try {
        point.lambert93 = toLambert93(wgs84);
    } catch (const Error& error) {
        throw RowProblem{error.message()};
    }
    if (!std::isfinite(point.lambert93.x) || !std::isfinite(point.lambert93.y))
        throw RowProblem{QStringLiteral("position %1, %2 cannot be projected to Lambert-93").arg(wgs84.lon).arg(wgs84.lat)};
    point.wgs84 = wgs84;
}

QString normalizeInsee(const QString& text)
{
    const QString code = text.trimmed();
    static const QRegularExpression fourDigits(QStringLiteral("^\\d{4}$"));
    if (fourDigits.match(code).hasMatch()) return u'0' + code;
    return code;
}

QString foldForMatching(const QString& text)
{
    QString folded;
    for (const QChar c : text.normalized(QString::NormalizationForm_D)) {
        if (c.category() == QChar::Mark_NonSpacing) continue;  // the accents, once decomposed
        folded += (c == u'_' || c.isSpace()) ? QChar(u' ') : c.toLower();
    }
    return folded.simplified();
}

QStringList servesOf(const QString& text, const QString& field)
{
    try {
        return parseServes(text);
    } catch (const Error& error) {
        throw RowProblem{QStringLiteral("%1: %2").arg(field, error.message())};
    }
}

QString joinNonEmpty(const QStringList& parts, const QString& separator)
{
    QStringList kept;
    for (const QString& part : parts)
        if (!part.trimmed().isEmpty()) kept << part.trimmed();
    return kept.join(separator);
}

BatchBuilder::BatchBuilder(const QString& file, const QString& source)
{
    batch_.file = file;
    batch_.source = source;
}

void BatchBuilder::addPoint(AccueilPoint point, int line)
{
    if (point.sourceId.isEmpty()) {
        addIssue(line, QStringLiteral("no source identifier"));
        return;
    }
    const auto seen = lineOfSourceId_.constFind(point.sourceId);
    if (seen != lineOfSourceId_.constEnd()) {
        addIssue(line, QStringLiteral("identifier \"%1\" already used on line %2").arg(point.sourceId).arg(*seen));
        return;
    }
    lineOfSourceId_.insert(point.sourceId, line);
    point.source = batch_.source;
    batch_.points.push_back(std::move(point));
    batch_.pointLines.push_back(line);
}

void BatchBuilder::addIssue(int line, const QString& message, bool skipped)
{
    batch_.issues.push_back(ImportIssue{line, message, skipped});
}

void forEachRecord(const CsvTable& table, BatchBuilder& builder, const std::function<void(const CsvRecord&)>& readRow)
{
    for (const QString& note : table.notes()) builder.addIssue(table.headerLine(), note, false);
    const qsizetype expected = table.header().size();
    for (const CsvRecord& record : table.records()) {
        builder.countRow();
        if (record.fields.size() != expected) {
            builder.addIssue(record.line, QStringLiteral("%1 fields where the header has %2 (misplaced delimiter or quote?)")
                                              .arg(record.fields.size())
                                              .arg(expected));
            continue;
        }
        try {
            readRow(record);
        } catch (const RowProblem& problem) {
            builder.addIssue(record.line, problem.message);
        }
    }
}

}  // namespace import_detail
}  // namespace maillage
