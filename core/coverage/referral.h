#pragma once

#include "store/accueil_point.h"

#include <QString>

#include <limits>
#include <span>
#include <vector>

namespace maillage {

class TravelEngine;

// The articulation between levels: from one accueil point, the nearest point of a higher
// level (optionally of one kind), by road.
struct ReferralLink {
    qint64 fromId = 0;
    QString fromName;
    QString fromKind;
    Level fromLevel = Level::First;
    XY fromPosition;
    Level toLevel = Level::Second;
    QString targetKind;      // the kind looked for; empty = any point of toLevel
    bool reachable = false;  // false: no point of that level/kind can be reached
    qint64 toId = 0;
    QString toName;
    QString toKind;
    XY toPosition;
    float minutes = std::numeric_limits<float>::infinity();
    double km = std::numeric_limits<double>::infinity();
    bool beyond = true;  // minutes beyond the threshold, or unreachable
    // Video access, beside the physical access above (links to level 3 only): the nearest open
    // point that serves the operator looked for by video (AccueilPoint::serves; for a link to
    // any level-3 point, one serving any operator). A visio point is never a physical target.
    struct Visio {
        bool reachable = false;
        qint64 toId = 0;
        QString toName;
        XY toPosition;
        float minutes = std::numeric_limits<float>::infinity();
        double km = std::numeric_limits<double>::infinity();
        bool beyond = true;
    } visio;
};

// For every first-level point: the nearest second- and third-level points. For every
// second-level point: the nearest third-level point of each third-level kind present (or served
// by a visio point). Links to level 3 give the physical desk and, beside it, the visio access.
// Closed points are ignored (neither origin nor target). Order: the first-level origins
// (as given) with their level-2 then level-3 link, then the second-level origins with one
// link per third-level kind (alphabetical kind codes).
std::vector<ReferralLink> computeReferrals(const TravelEngine& engine, std::span<const AccueilPoint> points,
                                           double thresholdMinutes);

}  // namespace maillage
