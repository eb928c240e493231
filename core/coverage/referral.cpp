#include "coverage/referral.h"

#include "coverage/gap_zones.h"
#include "coverage/travel_engine.h"

#include <cmath>
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

void fillLink(ReferralLink& link, const AccueilPoint& origin, const AccessLink& originLink, const TargetSet& targets,
              const TravelEngine& engine, double thresholdMinutes)
{
    link.fromId = origin.id;
    link.fromName = origin.name;
    link.fromKind = origin.kind;
    link.fromLevel = origin.level;
    link.fromPosition = origin.lambert93;
    link.toLevel = targets.level;
    link.targetKind = targets.kind;
    if (targets.points.empty()) return;
    std::uint32_t nearest = kNoPoint;
    const float minutes = placeMinutes(originLink, targets.search.view(), SeedLinks{targets.links}, &nearest);
    if (nearest == kNoPoint || !std::isfinite(minutes)) return;
    const AccueilPoint& target = *targets.points[nearest];
    link.reachable = true;
    link.toId = target.id;
    link.toName = target.name;
    link.toKind = target.kind;
    link.toPosition = target.lambert93;
    link.minutes = minutes;
    link.km = engine.drivingMetres(originLink, targets.links[nearest]) / 1000.0;
    link.beyond = minutes > thresholdMinutes;
}

}  // namespace

std::vector<ReferralLink> computeReferrals(const TravelEngine& engine, std::span<const AccueilPoint> points,
                                           double thresholdMinutes)
{
    requireValidThreshold(thresholdMinutes);
    std::vector<const AccueilPoint*> first, second, third;
    std::set<QString> thirdKinds;
    for (const AccueilPoint& point : points) {
        if (point.status == PointStatus::Closed) continue;
        switch (point.level) {
        case Level::First: first.push_back(&point); break;
        case Level::Second: second.push_back(&point); break;
        case Level::Third:
            third.push_back(&point);
            thirdKinds.insert(point.kind);
            break;
        }
    }

    const auto makeTargets = [&](Level level, const QString& kind, const std::vector<const AccueilPoint*>& pool) {
        TargetSet set{level, kind, {}, {}, {}};
        for (const AccueilPoint* point : pool) {
            if (!kind.isEmpty() && point->kind != kind) continue;
            const AccessLink link = engine.link(point->lambert93);
            if (!link.joined()) continue;  // a point off the network cannot receive anyone
            set.points.push_back(point);
            set.links.push_back(link);
        }
        if (!set.points.empty()) engine.nearest(set.links, set.search);
        return set;
    };

    std::vector<ReferralLink> links;
    if (!first.empty()) {
        const TargetSet anySecond = makeTargets(Level::Second, QString(), second);
        const TargetSet anyThird = makeTargets(Level::Third, QString(), third);
        for (const AccueilPoint* origin : first) {
            const AccessLink originLink = engine.link(origin->lambert93);
            for (const TargetSet* targets : {&anySecond, &anyThird}) {
                ReferralLink link;
                fillLink(link, *origin, originLink, *targets, engine, thresholdMinutes);
                links.push_back(std::move(link));
            }
        }
    }
    if (!second.empty() && !thirdKinds.empty()) {
        std::vector<TargetSet> perKind;
        for (const QString& kind : thirdKinds) perKind.push_back(makeTargets(Level::Third, kind, third));
        for (const AccueilPoint* origin : second) {
            const AccessLink originLink = engine.link(origin->lambert93);
            for (const TargetSet& targets : perKind) {
                ReferralLink link;
                fillLink(link, *origin, originLink, targets, engine, thresholdMinutes);
                links.push_back(std::move(link));
            }
        }
    }
    // Keep the origins' order: first-level links were produced first, then second-level.
    return links;
}

}  // namespace maillage
