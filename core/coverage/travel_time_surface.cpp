#include "coverage/travel_time_surface.h"

#include "common/error.h"
#include "coverage/grid.h"

#include <algorithm>
#include <cmath>
#include <exception>
#include <numeric>
#include <thread>

namespace maillage {

namespace {

// Seconds from the place to the nearest point through either end of its edge.
inline float throughNodes(const AccessLink& link, const NearestTimesView& search, std::uint32_t& owner)
{
    float best = kUnreachable;
    owner = kNoPoint;
    for (int k = 0; k < 2; ++k) {
        const std::uint32_t node = link.node[k];
        if (node == kNoNode) continue;
        const float t = link.seconds[k] + search.seconds[node];
        if (t < best) {
            best = t;
            owner = search.owner[node];
        }
    }
    return best;
}

// Seconds from a place to a point joined to the same edge, driving along that edge only.
inline float alongSharedEdge(const AccessLink& place, const AccessLink& point)
{
    if (!place.open || !point.open) return kUnreachable;  // a closed edge is not driven along
    const float drive = point.alongSeconds - place.alongSeconds;
    if (place.oneway && drive < 0.0f) return kUnreachable;
    return place.legSeconds + std::abs(drive) + point.legSeconds;
}

}  // namespace

PlaceLinks::PlaceLinks(std::vector<AccessLink> links) : links_(std::move(links))
{
    for (const AccessLink& link : links_) {
        if (!link.joined()) ++unjoined_;
        for (std::uint32_t node : link.node)
            if (node != kNoNode) nodesNeeded_ = std::max(nodesNeeded_, std::size_t(node) + 1);
    }
    byEdgeOrder_.resize(links_.size());
    std::iota(byEdgeOrder_.begin(), byEdgeOrder_.end(), 0u);
    std::stable_sort(byEdgeOrder_.begin(), byEdgeOrder_.end(),
                     [this](std::uint32_t a, std::uint32_t b) { return links_[a].edge < links_[b].edge; });
    byEdgeKeys_.resize(links_.size());
    for (std::size_t i = 0; i < byEdgeOrder_.size(); ++i) byEdgeKeys_[i] = links_[byEdgeOrder_[i]].edge;
}

void PlaceLinks::gather(const NearestTimesView& search, const SeedLinks& seeds, PlaceTimes& out) const
{
    if (search.seconds.size() < nodesNeeded_ || search.owner.size() != search.seconds.size())
        throw Error(QStringLiteral("the nearest-point search covers %1 nodes but the places were joined to a network "
                                   "of at least %2: rebuild the coverage after changing the network")
                        .arg(search.seconds.size()).arg(nodesNeeded_));
    const std::size_t n = links_.size();
    out.minutes.resize(n);
    out.nearest.resize(n);
    constexpr float kMinutesPerSecond = 1.0f / 60.0f;
    for (std::size_t i = 0; i < n; ++i) {
        std::uint32_t owner;
        const float seconds = throughNodes(links_[i], search, owner);
        out.minutes[i] = seconds * kMinutesPerSecond;
        out.nearest[i] = owner;
    }
    // A place on the same edge as a point reaches it without passing a node.
    for (std::size_t s = 0; s < seeds.links.size(); ++s) {
        const AccessLink& point = seeds.links[s];
        if (!point.joined()) continue;
        const auto range = std::equal_range(byEdgeKeys_.begin(), byEdgeKeys_.end(), point.edge);
        for (auto it = range.first; it != range.second; ++it) {
            const std::uint32_t place = byEdgeOrder_[std::size_t(it - byEdgeKeys_.begin())];
            const float minutes = alongSharedEdge(links_[place], point) * kMinutesPerSecond;
            if (minutes < out.minutes[place]) {
                out.minutes[place] = minutes;
                out.nearest[place] = std::uint32_t(s);
            }
        }
    }
}

float placeMinutes(const AccessLink& link, const NearestTimesView& search, const SeedLinks& seeds,
                   std::uint32_t* nearest)
{
    std::uint32_t owner;
    float seconds = throughNodes(link, search, owner);
    if (link.joined()) {
        for (std::size_t s = 0; s < seeds.links.size(); ++s) {
            if (seeds.links[s].edge != link.edge) continue;
            const float direct = alongSharedEdge(link, seeds.links[s]);
            if (direct < seconds) {
                seconds = direct;
                owner = std::uint32_t(s);
            }
        }
    }
    if (nearest) *nearest = owner;
    // Rounded as gather() does, so that a place exactly at the threshold falls on the same side.
    constexpr float kMinutesPerSecond = 1.0f / 60.0f;
    return seconds * kMinutesPerSecond;
}

PlaceLinks linkPlaces(std::span<const XY> places, const SnapFunction& snap, int threads)
{
    std::vector<AccessLink> links(places.size());
    const auto work = [&](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
            try {
                links[i] = snap(places[i]);
            } catch (const std::exception&) {
                links[i] = AccessLink{};  // too far from any road: the place stays unreachable
            }
        }
    };
    threads = std::clamp(threads, 1, 64);
    if (threads == 1 || places.size() < 1024) {
        work(0, places.size());
    } else {
        std::vector<std::thread> pool;
        const std::size_t chunk = (places.size() + std::size_t(threads) - 1) / std::size_t(threads);
        for (int t = 0; t < threads; ++t) {
            const std::size_t begin = std::min(places.size(), std::size_t(t) * chunk);
            const std::size_t end = std::min(places.size(), begin + chunk);
            pool.emplace_back(work, begin, end);
        }
        for (std::thread& thread : pool) thread.join();
    }
    return PlaceLinks(std::move(links));
}

PlaceLinks linkGridCells(const CoverageGrid& grid, const SnapFunction& snap, int threads)
{
    std::vector<XY> centres(grid.cellCount());
    for (std::size_t i = 0; i < centres.size(); ++i) centres[i] = grid.centre(i);
    return linkPlaces(centres, snap, threads);
}

}  // namespace maillage
