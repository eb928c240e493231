#pragma once

#include "store/accueil_point.h"

#include <QString>
#include <QStringList>

#include <limits>
#include <span>
#include <vector>

namespace maillage {

class Territory;
class TravelEngine;
struct TownHalls;

// Where an access table row starts from: an EPCI seat, a commune's town hall, any point.
struct AccessOrigin {
    QString code;  // INSEE or SIREN code, point id...
    QString name;
    XY position;  // Lambert-93
};

// One column: the nearest point among these kinds ("France services" gathers its antenna
// and itinerant kinds, as planners count them together).
struct AccessColumn {
    QString label;
    QStringList kinds;
    // Level-3 operators: the table also gives, beside the nearest desk, the nearest place that
    // serves one of these kinds by video (AccueilPoint::serves).
    bool visio = false;
};

struct AccessCell {
    bool reachable = false;
    qint64 pointId = 0;
    QString pointName;
    float minutes = std::numeric_limits<float>::infinity();
    double km = std::numeric_limits<double>::infinity();
};

// Rows = origins, columns = kinds, cells = nearest point name, km and minutes: the table
// planners publish ("from each EPCI seat: nearest CAF, CPAM, France services...").
struct AccessTable {
    std::vector<AccessOrigin> origins;
    std::vector<AccessColumn> columns;
    std::vector<std::vector<AccessCell>> cells;       // [origin][column]: physical access
    std::vector<std::vector<AccessCell>> visioCells;  // [origin][column]: by video (visio columns)
};

// Origins: every commune's town hall (Territory::communes order).
std::vector<AccessOrigin> communeOrigins(const Territory& territory, const TownHalls& townHalls);
// Origins: the seat of each EPCI, taken as the town hall of its most populous commune in the
// territory. The boundary data has no seat field; this is usually the seat (7 of the 8 EPCI
// centred in the 04: not Banon, where Reillanne is larger), and for an EPCI centred outside
// the territory it is only its largest commune inside. Give the seats as points otherwise.
std::vector<AccessOrigin> epciSeatOrigins(const Territory& territory, const TownHalls& townHalls);
// Origins: any points.
std::vector<AccessOrigin> pointOrigins(std::span<const AccueilPoint> points);

// One column per kind of level 2 and 3 present among the (not closed) points or served by
// their visio points, the three France services kinds merged; ordered by level, then kind
// referential order. Level-3 operator columns have their visio column; visio points have no
// column of their own.
std::vector<AccessColumn> defaultAccessColumns(std::span<const AccueilPoint> points);

// One multi-source search per column (two for a visio column); closed points are ignored.
// Visio points are never physical targets.
AccessTable computeAccessTable(const TravelEngine& engine, std::vector<AccessOrigin> origins,
                               std::vector<AccessColumn> columns, std::span<const AccueilPoint> points);

// The table as text: origin code and name, then for each column "<label> - name",
// "<label> - km", "<label> - min" (empty cells where no point can be reached), and for a visio
// column "<label> - visio name", "<label> - visio km", "<label> - visio min". Shared by the
// CSV file and the table kept in the project store.
struct AccessTableText {
    QStringList header;
    std::vector<bool> numeric;  // per column: km and minutes are numbers
    std::vector<QStringList> rows;
};
AccessTableText accessTableText(const AccessTable& table);

// Writes the table as CSV (UTF-8, comma-separated): origin code and name, then for each
// column "<label> - name", "<label> - km", "<label> - min". Throws Error if it cannot write.
void writeAccessTableCsv(const AccessTable& table, const QString& path);

}  // namespace maillage
