// The CSV reader and the opening-hours parser used by the point importers.

#include "common/error.h"
#include "importers/opening_hours.h"
#include "io/csv_table.h"
#include "support/test_data.h"

#include <QFile>

#include <catch2/catch.hpp>

using namespace maillage;

namespace {

}  // namespace

TEST_CASE("a quoted field may hold commas, doubled quotes and line breaks, and records keep their starting line")
{
    const CsvTable table = CsvTable::parse(QStringLiteral("id,comment,n\r\n"
                                                          "1,\"a, b\",2\r\n"
                                                          "2,\"first line\r\nsecond \"\"quoted\"\" line\r\nthird\",3\r\n"
                                                          "3,plain,4\r\n"),
                                           QStringLiteral("memory.csv"));
    REQUIRE(table.header() == QStringList{"id", "comment", "n"});
    REQUIRE(table.records().size() == 3);
    CHECK(table.records()[0].line == 2);
    CHECK(table.records()[0].value(1) == QStringLiteral("a, b"));
    CHECK(table.records()[1].line == 3);
    CHECK(table.records()[1].value(1) == QStringLiteral("first line\nsecond \"quoted\" line\nthird"));
    CHECK(table.records()[1].value(2) == QStringLiteral("3"));
    CHECK(table.records()[2].line == 6);  // after the three physical lines of record 2
    CHECK(table.records()[2].value(1) == QStringLiteral("plain"));
}

TEST_CASE("blank lines are skipped but still counted in line numbers")
{
    const CsvTable table = CsvTable::parse(QStringLiteral("a,b\n\n1,2\n\n\n3,4\n"), QStringLiteral("m.csv"));
    REQUIRE(table.records().size() == 2);
    CHECK(table.records()[0].line == 3);
    CHECK(table.records()[1].line == 6);
}

TEST_CASE("the delimiter is guessed from the header: comma, semicolon or tab")
{
    CHECK(CsvTable::parse(QStringLiteral("a,b,c\n1,2,3\n"), QStringLiteral("m")).delimiter() == ',');
    CHECK(CsvTable::parse(QStringLiteral("a;b;\"c,d\"\n1;2;3\n"), QStringLiteral("m")).delimiter() == ';');
    CHECK(CsvTable::parse(QStringLiteral("a\tb\tc\n1\t2\t3\n"), QStringLiteral("m")).delimiter() == '\t');
    const CsvTable forced = CsvTable::parse(QStringLiteral("a;b,c\n1;2,3\n"), QStringLiteral("m"), ',');
    CHECK(forced.header() == QStringList{"a;b", "c"});
}

TEST_CASE("a UTF-8 byte-order mark and a '#' before the first header name are dropped")
{
    test::ScratchDir dir;
    const QString path = writeFile(dir, QStringLiteral("bom.csv"),
                                   QByteArray("\xEF\xBB\xBF#Identifiant;Libell\xC3\xA9;Localit\xC3\xA9\n01;Bureau;DIGNE\n"));
    const CsvTable table = CsvTable::readFile(path);
    CHECK(table.header() == QStringList{"Identifiant", QStringLiteral("Libellé"), QStringLiteral("Localité")});
    CHECK(table.column(QStringLiteral("#Identifiant")) == 0);
    CHECK(table.column(QStringLiteral("localité")) == 2);
    CHECK(table.records().at(0).value(2) == QStringLiteral("DIGNE"));
}

TEST_CASE("a file that is not UTF-8 is read as Windows-1252")
{
    test::ScratchDir dir;
    const QString path = writeFile(dir, QStringLiteral("latin.csv"), QByteArray("nom;x\nM\xE9olans-Revel;1\n"));
    CHECK(CsvTable::readFile(path).records().at(0).value(0) == QStringLiteral("Méolans-Revel"));
}

TEST_CASE("a missing column gives an error naming the file, the column and the columns present")
{
    const CsvTable table = CsvTable::parse(QStringLiteral("nom,lat\nA,1\n"), QStringLiteral("/data/communes.csv"));
    try {
        table.requireColumn(QStringLiteral("longitude"));
        FAIL("no error");
    } catch (const Error& error) {
        CHECK(error.message().contains(QStringLiteral("/data/communes.csv")));
        CHECK(error.message().contains(QStringLiteral("\"longitude\"")));
        CHECK(error.message().contains(QStringLiteral("nom, lat")));
    }
}

TEST_CASE("the columns a reader needs are found in order and all the missing ones are named at once")
{
    const CsvTable table = CsvTable::parse(QStringLiteral("lat;nom;lon\n1;A;2\n"), QStringLiteral("/data/p.csv"));
    int name = -1, lon = -1, lat = -1;
    table.requireColumns({{"nom", name}, {"lon", lon}, {"lat", lat}});
    CHECK(name == 1);
    CHECK(lon == 2);
    CHECK(lat == 0);
    CHECK_THROWS_WITH(table.requireColumns(QStringList{"nom", "insee_com", "lon", "adresse"}),
                      Catch::Contains("/data/p.csv: missing columns \"insee_com\", \"adresse\" in the header")
                          && Catch::Contains("lat, nom, lon"));
}

TEST_CASE("a quoted field never closed is an error naming the line where it starts")
{
    try {
        CsvTable::parse(QStringLiteral("a,b\n1,2\n3,\"open\n4,5\n"), QStringLiteral("broken.csv"));
        FAIL("no error");
    } catch (const Error& error) {
        CHECK(error.message().contains(QStringLiteral("broken.csv, line 3")));
    }
}

TEST_CASE("an empty or absent file is a clear error")
{
    test::ScratchDir dir;
    CHECK_THROWS_WITH(CsvTable::readFile(writeFile(dir, QStringLiteral("empty.csv"), QByteArray("\n\n"))),
                      Catch::Contains("empty"));
    CHECK_THROWS_WITH(CsvTable::readFile(dir.path(QStringLiteral("nothing.csv"))), Catch::Contains("no such file"));
}

TEST_CASE("ANCT day hours are parsed into merged minute ranges")
{
    const auto ranges = parseDayHours(QStringLiteral("09:30 - 12:30 / 13:30 - 17:30"));
    REQUIRE(ranges);
    CHECK(*ranges == std::vector<TimeRange>{{570, 750}, {810, 1050}});

    const auto closed = parseDayHours(QStringLiteral("  "));
    REQUIRE(closed);
    CHECK(closed->empty());

    // Repeated range in the 2024 list (Moustiers-Sainte-Marie): counted once.
    const auto repeated = parseDayHours(QStringLiteral("09:45 - 12:00 / 09:45 - 12:00 / 13:45 - 15:30"));
    REQUIRE(repeated);
    CHECK(*repeated == std::vector<TimeRange>{{585, 720}, {825, 930}});

    // Touching ranges merge into one span.
    const auto touching = parseDayHours(QStringLiteral("09:00 - 13:30 / 13:30 - 16:30"));
    REQUIRE(touching);
    CHECK(*touching == std::vector<TimeRange>{{540, 990}});

    const auto french = parseDayHours(QStringLiteral("9h à 12h, 14h-17h30"));
    REQUIRE(french);
    CHECK(*french == std::vector<TimeRange>{{540, 720}, {840, 1050}});
}

TEST_CASE("unreadable day hours say what is wrong")
{
    QString error;
    CHECK_FALSE(parseDayHours(QStringLiteral("sur rendez-vous"), &error));
    CHECK(error.contains(QStringLiteral("rendez-vous")));
    CHECK_FALSE(parseDayHours(QStringLiteral("14:00 - 12:00"), &error));
    CHECK(error.contains(QStringLiteral("ends before it starts")));
    CHECK_FALSE(parseDayHours(QStringLiteral("09:00 - 25:00"), &error));
    CHECK(error.contains(QStringLiteral("25:00")));
}

TEST_CASE("a weekly schedule totals its hours and reads as grouped French text")
{
    WeeklySchedule week;
    for (int day = 0; day < 5; ++day) week.days[day] = {{570, 750}, {810, 1050}};
    week.days[2] = {{570, 750}};
    week.days[5] = {{540, 720}};
    CHECK(week.totalMinutes() == 4 * 420 + 180 + 180);
    CHECK(week.weeklyHours() == Approx(34.0));
    CHECK(week.text()
          == QStringLiteral("lun,mar 09:30-12:30, 13:30-17:30; mer 09:30-12:30; "
                            "jeu,ven 09:30-12:30, 13:30-17:30; sam 09:00-12:00"));
    WeeklySchedule weekdays;
    for (int day = 0; day < 5; ++day) weekdays.days[day] = {{540, 1020}};
    CHECK(weekdays.text() == QStringLiteral("lun-ven 09:00-17:00"));
    CHECK(WeeklySchedule{}.isEmpty());
    CHECK(WeeklySchedule{}.text().isEmpty());
}
