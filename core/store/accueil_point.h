#pragma once

#include "geo/types.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace maillage {

// The three levels of the réseau d'accueil.
enum class Level : int {
    First = 1,   // inform and orient: mairies, La Poste points, relays
    Second = 2,  // accompany: France services, CCAS, CMS
    Third = 3,   // operators' desks: CAF, CPAM, France Travail, MSA, CARSAT...
};
std::optional<Level> levelFromInt(int value);

enum class PointStatus { Existing, Planned, Closed };
QString statusCode(PointStatus status);  // "existing", "planned", "closed"
std::optional<PointStatus> statusFromCode(const QString& code);

// A place of the réseau d'accueil as kept in the store.
// Both coordinate pairs are stored exactly as given or computed; whichever was entered
// (WGS84 from an import, Lambert-93 from the map) round-trips bit for bit.
struct AccueilPoint {
    qint64 id = 0;  // 0 until saved
    QString name;
    Level level = Level::First;
    QString kind;  // code from the kind referential (store/kinds.h)
    PointStatus status = PointStatus::Existing;
    QString communeInsee;  // may be empty when unknown
    LonLat wgs84;
    XY lambert93;
    std::optional<double> weeklyHours;  // opening hours per week, when known
    QString openingHours;               // human-readable weekly schedule, e.g. "lun 09:00-12:00; ..."
    QString address;
    QString source;  // e.g. "anct-france-services"; with sourceId, identifies an imported row
    QString sourceId;
    QString notes;
    bool outsideTerritory = false;  // true when the point lies outside every commune of the territory
    // The level-3 operators (kind codes, e.g. "caf", "cpam") people meet here by video: set on
    // visio points (kind "visio"), and on any place with an operator's video desk. Stored as
    // "caf;cpam" (kinds.h: servesText / parseServes).
    QStringList serves;
    QDateTime createdAt;    // UTC, set by the store
    QDateTime updatedAt;    // UTC, set by the store
    qint64 rowVersion = 0;  // set by the store, counts the point's changes; 0 until saved
    QString updatedBy;      // who changed it last (PostgreSQL role or system user), set by the store
};

// What keeps the point's coordinates, weekly hours or served operators from being stored, in
// one line; empty when they can be. Level, kind and name are checked by each writer.
QString coordinatesOrDetailsProblem(const AccueilPoint& point);

}  // namespace maillage
