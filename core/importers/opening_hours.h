#pragma once

#include <QString>

#include <array>
#include <optional>
#include <vector>

namespace maillage {

// A span of opening time within one day, in minutes since midnight (end may be 1440).
struct TimeRange {
    int start = 0;
    int end = 0;
    int minutes() const { return end - start; }
    bool operator==(const TimeRange&) const = default;
};

// The hours of one day as published, e.g. "09:30 - 12:30 / 13:30 - 17:30" (ANCT format).
// Ranges are separated by '/', ',' or ';'; a time is "9:30", "09:30", "9h30", "9h" or "9".
// An empty text means closed that day. Overlapping or repeated ranges are merged (the ANCT
// list has "09:45 - 12:00 / 09:45 - 12:00 / 13:45 - 15:30"), so no minute counts twice.
// Returns the sorted, merged ranges, or nullopt with *error saying what is wrong.
std::optional<std::vector<TimeRange>> parseDayHours(const QString& text, QString* error = nullptr);

// Opening hours for Monday (index 0) to Sunday (index 6).
struct WeeklySchedule {
    std::array<std::vector<TimeRange>, 7> days;

    bool isEmpty() const;
    int totalMinutes() const;
    double weeklyHours() const { return totalMinutes() / 60.0; }
    // Readable French text with consecutive identical days grouped, e.g.
    // "lun-ven 09:30-12:30, 13:30-17:30; sam 09:00-12:00". Empty when closed every day.
    QString text() const;
};

// French short day name: 0 -> "lun" ... 6 -> "dim".
QString frenchDayAbbreviation(int day);
// "09:30" for 570.
QString formatMinutes(int minutes);

}  // namespace maillage
