// Opening hours as published ("09:30 - 12:30 / 13:30 - 17:30", "9h-12h", ...).
#include "fuzz_support.h"
#include "importers/opening_hours.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    QString error;
    if (const auto ranges = maillage::parseDayHours(text, &error)) {
        maillage::WeeklySchedule week;
        week.days[0] = *ranges;
        week.days[3] = *ranges;
        (void)week.text();
        // The ranges come out sorted, merged and within the day.
        int previousEnd = -1;
        for (const maillage::TimeRange& range : *ranges) {
            if (range.start < 0 || range.end > 24 * 60 || range.start > range.end || range.start < previousEnd)
                __builtin_trap();
            previousEnd = range.end;
        }
    }
    return 0;
}
