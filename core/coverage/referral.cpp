#include "coverage/referral.h"

#include "coverage/gap_zones.h"
#include "coverage/parallel.h"
#include "coverage/travel_engine.h"
#include "store/kinds.h"

#include <cmath>
#include <functional>
#include <set>

namespace maillage {

namespace {

// The points that may receive referrals, with their links, and the nearest of them from each
// origin (minutes and km of that route): one search per target set.
struct TargetSet {
    Level level;
    QString kind;  // empty: any kind of the level
    std::vector<const AccueilPoint*> points;
    std::vector<AccessLink> links;
    std::vector<NearestRoute> routes;  // per origin
};

void fillLink(ReferralLink& link, const AccueilPoint& origin, std::size_t originIndex, const TargetSet& targets,
              double thresholdMinutes)
{
    link.fromId = origin.id;
    link.fromName = origin.name;
    link.fromKind = origin.kind;
    link.fromLevel = origin.level;
    link.fromPosition = origin.lambert93;
    link.toLevel = targets.level;
    link.targetKind = targets.kind;
    if (targets.points.empty()) return;
    const NearestRoute& route = targets.routes[originIndex];
    if (!route.reached()) return;
    const AccueilPoint& target = *targets.points[route.seed];
    link.reachable = true;
    link.toId = target.id;
    link.toName = target.name;
    link.toKind = target.kind;
    link.toPosition = target.lambert93;
    link.minutes = route.minutes;
    link.km = route.metres / 1000.0;
    link.beyond = route.minutes > thresholdMinutes;
}

// The visio access of a link: the same search on the points serving by video.
void fillVisio(ReferralLink& link, const AccueilPoint& origin, std::size_t originIndex, const TargetSet& targets,
               double thresholdMinutes)
{
    ReferralLink found;
    fillLink(found, origin, originIndex, targets, thresholdMinutes);
    link.visio = {found.reachable, found.toId, found.toName, found.toPosition, found.minutes, found.km, found.beyond};
}

// The open points by the part they play: the origins (levels 1 and 2), the desks of level 3,
// the points serving by video; and the operators a second-level point gets a link to each.
struct ReferralPools {
    std::vector<const AccueilPoint*> first, second, third, visio;
    std::set<QString> thirdKinds;  // operators with a desk or served by video
};

ReferralPools poolsOf(std::span<const AccueilPoint> points)
{
    ReferralPools pools;
    for (const AccueilPoint& point : points) {
        if (point.status == PointStatus::Closed) continue;
        if (!point.serves.isEmpty()) {
            pools.visio.push_back(&point);
            pools.thirdKinds.insert(point.serves.begin(), point.serves.end());
        }
        switch (point.level) {
        case Level::First: pools.first.push_back(&point); break;
        case Level::Second: pools.second.push_back(&point); break;
        case Level::Third:
            if (isVisioKind(point.kind)) break;  // reached by video only
            pools.third.push_back(&point);
            pools.thirdKinds.insert(point.kind);
            break;
        }
    }
    return pools;
}

// The search towards a target set is read only at its origins' places: it may stop once
// their nodes are settled, and it gives the km of their routes too (TravelEngine::nearestRoutes).
TargetSet findTargets(const TravelEngine& engine, Level level, const QString& kind,
                      const std::vector<const AccueilPoint*>& pool, const std::function<bool(const AccueilPoint&)>& accepts,
                      std::span<const AccessLink> origins)
{
    TargetSet set{level, kind, {}, {}, {}};
    for (const AccueilPoint* point : pool) {
        if (!accepts(*point)) continue;
        const AccessLink link = engine.link(point->lambert93);
        if (!link.joined()) continue;  // a point off the network cannot receive anyone
        set.points.push_back(point);
        set.links.push_back(link);
    }
    if (!set.points.empty()) set.routes = engine.nearestRoutes(set.links, origins);
    return set;
}

bool anyPoint(const AccueilPoint&) { return true; }

std::vector<AccessLink> linksOf(const TravelEngine& engine, const std::vector<const AccueilPoint*>& origins)
{
    std::vector<AccessLink> links;
    links.reserve(origins.size());
    for (const AccueilPoint* origin : origins) links.push_back(engine.link(origin->lambert93));
    return links;
}

// Each first-level point's links to the nearest second-level point and to the nearest
// third-level one (with the nearest visio point beside it).
void addFirstLevelLinks(const TravelEngine& engine, const ReferralPools& pools, double thresholdMinutes,
                        std::vector<ReferralLink>& links)
{
    const std::vector<AccessLink> firstLinks = linksOf(engine, pools.first);
    // Three independent searches: on two threads when the engine allows it.
    std::vector<TargetSet> sets(3);
    parallelFor(sets.size(), engine.concurrentSearches() ? 2 : 1, [&](std::size_t k) {
        if (k == 0) sets[k] = findTargets(engine, Level::Second, QString(), pools.second, anyPoint, firstLinks);
        else
            sets[k] = findTargets(engine, Level::Third, QString(), k == 1 ? pools.third : pools.visio, anyPoint, firstLinks);
    });
    const TargetSet& anySecond = sets[0];
    const TargetSet& anyThird = sets[1];
    const TargetSet& anyVisio = sets[2];
    for (std::size_t o = 0; o < pools.first.size(); ++o) {
        const AccueilPoint* origin = pools.first[o];
        ReferralLink secondLink;
        fillLink(secondLink, *origin, o, anySecond, thresholdMinutes);
        links.push_back(std::move(secondLink));
        ReferralLink thirdLink;
        fillLink(thirdLink, *origin, o, anyThird, thresholdMinutes);
        fillVisio(thirdLink, *origin, o, anyVisio, thresholdMinutes);
        links.push_back(std::move(thirdLink));
    }
}

// Each second-level point's link to the nearest desk of each third-level operator (with the
// nearest point serving it by video beside it).
void addSecondLevelLinks(const TravelEngine& engine, const ReferralPools& pools, double thresholdMinutes,
                         std::vector<ReferralLink>& links)
{
    const std::vector<AccessLink> secondLinks = linksOf(engine, pools.second);
    const std::vector<QString> kinds(pools.thirdKinds.begin(), pools.thirdKinds.end());
    std::vector<TargetSet> perKind(kinds.size()), perKindVisio(kinds.size());
    // Independent searches per kind, desks and video: on two threads when the engine allows it.
    parallelFor(kinds.size(), engine.concurrentSearches() ? 2 : 1, [&](std::size_t k) {
        const QString& kind = kinds[k];
        perKind[k] = findTargets(
            engine, Level::Third, kind, pools.third, [&](const AccueilPoint& p) { return p.kind == kind; }, secondLinks);
        perKindVisio[k] = findTargets(
            engine, Level::Third, kind, pools.visio, [&](const AccueilPoint& p) { return p.serves.contains(kind); },
            secondLinks);
    });
    for (std::size_t o = 0; o < pools.second.size(); ++o) {
        const AccueilPoint* origin = pools.second[o];
        for (std::size_t k = 0; k < perKind.size(); ++k) {
            ReferralLink link;
            fillLink(link, *origin, o, perKind[k], thresholdMinutes);
            fillVisio(link, *origin, o, perKindVisio[k], thresholdMinutes);
            links.push_back(std::move(link));
        }
    }
}

}  // namespace

std::vector<ReferralLink> computeReferrals(const TravelEngine& engine, std::span<const AccueilPoint> points,
                                           double thresholdMinutes)
{
    requireValidThreshold(thresholdMinutes);
    const ReferralPools pools = poolsOf(points);
    // Keep the origins' order: first-level links first, then second-level.
    std::vector<ReferralLink> links;
    if (!pools.first.empty()) addFirstLevelLinks(engine, pools, thresholdMinutes, links);
    if (!pools.second.empty() && !pools.thirdKinds.empty()) addSecondLevelLinks(engine, pools, thresholdMinutes, links);
    return links;
}

}  // namespace maillage
