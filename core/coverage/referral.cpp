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

// The points that may receive referrals, with their links: one search per target set.
struct TargetSet {
    Level level;
    QString kind;  // empty: any kind of the level
    std::vector<const AccueilPoint*> points;
    std::vector<AccessLink> links;
    NearestTimes search;
};

// Fills everything but the km (see RouteRequests); returns the target reached, or kNoPoint.
std::uint32_t fillLink(ReferralLink& link, const AccueilPoint& origin, const AccessLink& originLink,
                       const TargetSet& targets, double thresholdMinutes)
{
    link.fromId = origin.id;
    link.fromName = origin.name;
    link.fromKind = origin.kind;
    link.fromLevel = origin.level;
    link.fromPosition = origin.lambert93;
    link.toLevel = targets.level;
    link.targetKind = targets.kind;
    if (targets.points.empty()) return kNoPoint;
    std::uint32_t nearest = kNoPoint;
    const float minutes = placeMinutes(originLink, targets.search.view(), SeedLinks{targets.links}, &nearest);
    if (nearest == kNoPoint || !std::isfinite(minutes)) return kNoPoint;
    const AccueilPoint& target = *targets.points[nearest];
    link.reachable = true;
    link.toId = target.id;
    link.toName = target.name;
    link.toKind = target.kind;
    link.toPosition = target.lambert93;
    link.minutes = minutes;
    link.beyond = minutes > thresholdMinutes;
    return nearest;
}

// The visio access of a link: the same search on the points serving by video.
std::uint32_t fillVisio(ReferralLink& link, const AccueilPoint& origin, const AccessLink& originLink,
                        const TargetSet& targets, double thresholdMinutes)
{
    ReferralLink found;
    const std::uint32_t nearest = fillLink(found, origin, originLink, targets, thresholdMinutes);
    link.visio = {found.reachable, found.toId, found.toName, found.toPosition, found.minutes, found.km, found.beyond};
    return nearest;
}

// The routes whose km a target set's links need, asked together: one backward search per
// target instead of one search per link.
struct RouteRequests {
    std::vector<AccessLink> origins;
    std::vector<std::uint32_t> nearest;
    std::vector<std::size_t> linkIndex;

    void add(std::size_t index, const AccessLink& origin, std::uint32_t target)
    {
        if (target == kNoPoint) return;
        origins.push_back(origin);
        nearest.push_back(target);
        linkIndex.push_back(index);
    }
    void fillKm(const TravelEngine& engine, const TargetSet& targets, std::vector<ReferralLink>& links,
                bool visio = false) const
    {
        if (origins.empty()) return;
        std::vector<double> metres(origins.size(), INFINITY);
        drivingMetresToNearest(engine, origins, nearest, targets.links, metres);
        for (std::size_t k = 0; k < linkIndex.size(); ++k)
            (visio ? links[linkIndex[k]].visio.km : links[linkIndex[k]].km) = metres[k] / 1000.0;
    }
};

}  // namespace

std::vector<ReferralLink> computeReferrals(const TravelEngine& engine, std::span<const AccueilPoint> points,
                                           double thresholdMinutes)
{
    requireValidThreshold(thresholdMinutes);
    std::vector<const AccueilPoint*> first, second, third, visio;
    std::set<QString> thirdKinds;  // operators with a desk or served by video
    for (const AccueilPoint& point : points) {
        if (point.status == PointStatus::Closed) continue;
        if (!point.serves.isEmpty()) {
            visio.push_back(&point);
            thirdKinds.insert(point.serves.begin(), point.serves.end());
        }
        switch (point.level) {
        case Level::First: first.push_back(&point); break;
        case Level::Second: second.push_back(&point); break;
        case Level::Third:
            if (isVisioKind(point.kind)) break;  // reached by video only
            third.push_back(&point);
            thirdKinds.insert(point.kind);
            break;
        }
    }

    // The search towards a target set is read only at its origins' places: it may stop once
    // their nodes are settled (TravelEngine::nearestAt).
    const auto makeTargets = [&](Level level, const QString& kind, const std::vector<const AccueilPoint*>& pool,
                                 const std::function<bool(const AccueilPoint&)>& accepts,
                                 std::span<const AccessLink> origins) {
        TargetSet set{level, kind, {}, {}, {}};
        for (const AccueilPoint* point : pool) {
            if (!accepts(*point)) continue;
            const AccessLink link = engine.link(point->lambert93);
            if (!link.joined()) continue;  // a point off the network cannot receive anyone
            set.points.push_back(point);
            set.links.push_back(link);
        }
        if (!set.points.empty()) engine.nearestAt(set.links, origins, set.search);
        return set;
    };
    const auto any = [](const AccueilPoint&) { return true; };

    const auto linksOf = [&](const std::vector<const AccueilPoint*>& origins) {
        std::vector<AccessLink> links;
        links.reserve(origins.size());
        for (const AccueilPoint* origin : origins) links.push_back(engine.link(origin->lambert93));
        return links;
    };

    std::vector<ReferralLink> links;
    if (!first.empty()) {
        const std::vector<AccessLink> firstLinks = linksOf(first);
        const TargetSet anySecond = makeTargets(Level::Second, QString(), second, any, firstLinks);
        const TargetSet anyThird = makeTargets(Level::Third, QString(), third, any, firstLinks);
        const TargetSet anyVisio = makeTargets(Level::Third, QString(), visio, any, firstLinks);
        RouteRequests toSecond, toThird, toVisio;
        for (std::size_t o = 0; o < first.size(); ++o) {
            const AccueilPoint* origin = first[o];
            const AccessLink& originLink = firstLinks[o];
            ReferralLink secondLink;
            toSecond.add(links.size(), originLink, fillLink(secondLink, *origin, originLink, anySecond, thresholdMinutes));
            links.push_back(std::move(secondLink));
            ReferralLink thirdLink;
            toThird.add(links.size(), originLink, fillLink(thirdLink, *origin, originLink, anyThird, thresholdMinutes));
            toVisio.add(links.size(), originLink, fillVisio(thirdLink, *origin, originLink, anyVisio, thresholdMinutes));
            links.push_back(std::move(thirdLink));
        }
        toSecond.fillKm(engine, anySecond, links);
        toThird.fillKm(engine, anyThird, links);
        toVisio.fillKm(engine, anyVisio, links, true);
    }
    if (!second.empty() && !thirdKinds.empty()) {
        const std::vector<AccessLink> secondLinks = linksOf(second);
        const std::vector<QString> kinds(thirdKinds.begin(), thirdKinds.end());
        std::vector<TargetSet> perKind(kinds.size()), perKindVisio(kinds.size());
        // Independent searches per kind, desks and video: on two threads when the engine allows it.
        parallelFor(kinds.size(), engine.concurrentSearches() ? 2 : 1, [&](std::size_t k) {
            const QString& kind = kinds[k];
            perKind[k] = makeTargets(
                Level::Third, kind, third, [&](const AccueilPoint& p) { return p.kind == kind; }, secondLinks);
            perKindVisio[k] = makeTargets(
                Level::Third, kind, visio, [&](const AccueilPoint& p) { return p.serves.contains(kind); }, secondLinks);
        });
        std::vector<RouteRequests> requests(perKind.size()), visioRequests(perKind.size());
        for (std::size_t o = 0; o < second.size(); ++o) {
            const AccueilPoint* origin = second[o];
            const AccessLink& originLink = secondLinks[o];
            for (std::size_t k = 0; k < perKind.size(); ++k) {
                ReferralLink link;
                requests[k].add(links.size(), originLink, fillLink(link, *origin, originLink, perKind[k], thresholdMinutes));
                visioRequests[k].add(links.size(), originLink,
                                     fillVisio(link, *origin, originLink, perKindVisio[k], thresholdMinutes));
                links.push_back(std::move(link));
            }
        }
        for (std::size_t k = 0; k < perKind.size(); ++k) {
            requests[k].fillKm(engine, perKind[k], links);
            visioRequests[k].fillKm(engine, perKindVisio[k], links, true);
        }
    }
    // Keep the origins' order: first-level links were produced first, then second-level.
    return links;
}

}  // namespace maillage
