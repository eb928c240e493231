#include "importers/opening_hours.h"

#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

namespace maillage {
namespace {

// "9", "9h", "9h30", "09:30", "9.30" -> minutes since midnight.
std::optional<int> parseTime(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral(R"(^(\d{1,2})\s*(?:[:hH.]\s*(\d{2})?)?$)"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch()) return std::nullopt;
    const int hours = match.captured(1).toInt();
    const int minutes = match.captured(2).isEmpty() ? 0 : match.captured(2).toInt();
    if (hours > 24 || minutes > 59 || (hours == 24 && minutes > 0)) return std::nullopt;
    return hours * 60 + minutes;
}

std::optional<TimeRange> parseRange(const QString& text, QString* error)
{
    // The dash between two times; also "à" ("9h à 12h") and the en dash.
    static const QRegularExpression separator(QStringLiteral(R"(\s*(?:-|–|à)\s*)"));
    const QStringList parts = text.split(separator);
    if (parts.size() != 2) {
        if (error) *error = QStringLiteral("\"%1\" is not a time range like 09:00 - 12:00").arg(text.trimmed());
        return std::nullopt;
    }
    const std::optional<int> start = parseTime(parts[0]);
    const std::optional<int> end = parseTime(parts[1]);
    if (!start || !end) {
        if (error)
            *error = QStringLiteral("\"%1\" in \"%2\" is not a valid time")
                         .arg((!start ? parts[0] : parts[1]).trimmed(), text.trimmed());
        return std::nullopt;
    }
    if (*end <= *start) {
        if (error) *error = QStringLiteral("range \"%1\" ends before it starts").arg(text.trimmed());
        return std::nullopt;
    }
    return TimeRange{*start, *end};
}

std::vector<TimeRange> mergeRanges(std::vector<TimeRange> ranges)
{
    std::sort(ranges.begin(), ranges.end(), [](const TimeRange& a, const TimeRange& b) { return a.start < b.start; });
    std::vector<TimeRange> merged;
    for (const TimeRange& range : ranges) {
        if (!merged.empty() && range.start <= merged.back().end) merged.back().end = std::max(merged.back().end, range.end);
        else merged.push_back(range);
    }
    return merged;
}

QString formatDayRanges(const std::vector<TimeRange>& ranges)
{
    QStringList parts;
    for (const TimeRange& range : ranges) parts << formatMinutes(range.start) + u'-' + formatMinutes(range.end);
    return parts.join(QStringLiteral(", "));
}

}  // namespace

std::optional<std::vector<TimeRange>> parseDayHours(const QString& text, QString* error)
{
    static const QRegularExpression rangeSeparator(QStringLiteral(R"(\s*[/,;]\s*)"));
    std::vector<TimeRange> ranges;
    if (text.trimmed().isEmpty()) return ranges;
    for (const QString& part : text.split(rangeSeparator, Qt::SkipEmptyParts)) {
        const std::optional<TimeRange> range = parseRange(part, error);
        if (!range) return std::nullopt;
        ranges.push_back(*range);
    }
    return mergeRanges(std::move(ranges));
}

bool WeeklySchedule::isEmpty() const
{
    return std::all_of(days.begin(), days.end(), [](const auto& ranges) { return ranges.empty(); });
}

int WeeklySchedule::totalMinutes() const
{
    int total = 0;
    for (const auto& ranges : days)
        for (const TimeRange& range : ranges) total += range.minutes();
    return total;
}

QString WeeklySchedule::text() const
{
    QStringList groups;
    int day = 0;
    while (day < 7) {
        if (days[day].empty()) {
            ++day;
            continue;
        }
        int last = day;
        while (last + 1 < 7 && days[last + 1] == days[day]) ++last;
        QString label = frenchDayAbbreviation(day);
        if (last > day) label += (last == day + 1 ? u',' : u'-') + frenchDayAbbreviation(last);
        groups << label + u' ' + formatDayRanges(days[day]);
        day = last + 1;
    }
    return groups.join(QStringLiteral("; "));
}

QString frenchDayAbbreviation(int day)
{
    static const char* const names[] = {"lun", "mar", "mer", "jeu", "ven", "sam", "dim"};
    return day >= 0 && day < 7 ? QString::fromLatin1(names[day]) : QString();
}

QString formatMinutes(int minutes)
{
    return QStringLiteral("%1:%2").arg(minutes / 60, 2, 10, QChar(u'0')).arg(minutes % 60, 2, 10, QChar(u'0'));
}

}  // namespace maillage
