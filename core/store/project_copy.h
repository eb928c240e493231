#pragma once

#include <QString>

#include <functional>

namespace maillage {

// What copyProject copied.
struct CopyReport {
    int points = 0;        // rows of accueil_points (the baseline's points)
    int scenarios = 0;     // plans (rows of scenarios)
    int settings = 0;      // rows of project_settings
    int resultTables = 0;  // result tables (each with all its rows)
};

// Copies the whole project `from` into a new project `to`, either being a GeoPackage file or a
// PostgreSQL location (store_location.h), so that a team can move a project onto a server and
// back: every point (same ids, times, row versions and editors, coordinates bit for bit), every
// setting, plan (added points, point changes, road closures) and result table. One transaction on
// the target: if anything fails, the new project is removed and the Error says what failed.
// `to` must not exist. `from` is only read (it may be migrated to the current version on open).
CopyReport copyProject(const QString& from, const QString& to,
                       const std::function<void(const QString& table)>& progress = {});

}  // namespace maillage
