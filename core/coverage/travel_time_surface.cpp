#include "coverage/travel_time_surface.h"

#include "common/error.h"
#include "common/raw_bytes.h"
#include "coverage/grid.h"
#include "network/snapping.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <exception>
#include <functional>
#include <numeric>
#include <thread>
#include <type_traits>

namespace maillage {

namespace {

constexpr float kMinutesPerSecond = 1.0f / 60.0f;

// Seconds from the place to the nearest point through either end of an entry's edge.
inline void throughNodes(const std::uint32_t node[2], const float seconds[2], const NearestTimesView& search, float& best,
                         std::uint32_t& owner)
{
    for (int k = 0; k < 2; ++k) {
        if (node[k] == kNoNode) continue;
        const float t = seconds[k] + search.seconds[node[k]];
        if (t < best) {
            best = t;
            owner = search.owner[node[k]];
        }
    }
}

// Seconds from a place's entry to a point's entry joined to the same edge, driving along
// that edge only.
inline float alongSharedEdge(float placeAlong, float placeLeg, bool placeOneway, bool placeOpen, const AccessEntry& point)
{
    if (!placeOpen || !point.open) return kUnreachable;  // a closed edge is not driven along
    const float drive = point.alongSeconds - placeAlong;
    if (placeOneway && drive < 0.0f) return kUnreachable;
    return placeLeg + std::abs(drive) + point.legSeconds;
}

inline float directSecondsAt(float metres, float secondsPerMetreA, float secondsPerMetreB, float terminalA, float terminalB)
{
    return metres * (secondsPerMetreA + secondsPerMetreB) * 0.5f + terminalA + terminalB;
}

}  // namespace

float directSeconds(const AccessLink& a, const AccessLink& b)
{
    if (!a.joined() || !b.joined() || !(a.directMetres > 0.0f) || !(b.directMetres > 0.0f)) return kUnreachable;
    const float metres = float(std::hypot(a.place.x - b.place.x, a.place.y - b.place.y));
    if (!(metres <= std::min(a.directMetres, b.directMetres))) return kUnreachable;
    return directSecondsAt(metres, a.directSecondsPerMetre, b.directSecondsPerMetre, a.terminalSeconds, b.terminalSeconds);
}

PlaceLinks::PlaceLinks(std::span<const AccessLink> links)
{
    legMetres_.reserve(links.size());
    direct_.reserve(links.size());
    for (const AccessLink& link : links) append(link);
    finish();
}

void PlaceLinks::append(const AccessLink& link)
{
    if (firstEntry_.empty()) {
        firstEntry_.push_back(0);
        directOrigin_ = link.place;  // positions are kept as floats relative to the first place
    }
    if (!link.joined()) ++unjoined_;
    const auto place = std::uint32_t(legMetres_.size());
    legMetres_.push_back(link.legMetres);
    for (int i = 0; i < link.entryCount(); ++i) {
        const AccessEntry& e = link.entry(i);
        hot_.push_back({{e.node[0], e.node[1]}, {e.seconds[0], e.seconds[1]}});
        cold_.push_back({e.edge, e.alongSeconds, e.legSeconds, e.legMetres, e.fraction, e.oneway, e.open});
        entryPlace_.push_back(place);
        for (std::uint32_t node : e.node)
            if (node != kNoNode) nodesNeeded_ = std::max(nodesNeeded_, std::size_t(node) + 1);
    }
    firstEntry_.push_back(std::uint32_t(hot_.size()));
    const bool direct = link.joined() && link.directMetres > 0.0f;
    if (direct) maxDirectMetres_ = std::max(maxDirectMetres_, link.directMetres);
    direct_.push_back({float(link.place.x - directOrigin_.x), float(link.place.y - directOrigin_.y),
                       direct ? link.directMetres : 0.0f, link.directSecondsPerMetre, link.terminalSeconds});
}

void PlaceLinks::finish()
{
    if (firstEntry_.empty()) firstEntry_.push_back(0);
    for (auto* v : {&firstEntry_, &entryPlace_}) v->shrink_to_fit();
    legMetres_.shrink_to_fit();
    hot_.shrink_to_fit();
    cold_.shrink_to_fit();
    direct_.shrink_to_fit();
    byEdgeEntry_.resize(hot_.size());
    std::iota(byEdgeEntry_.begin(), byEdgeEntry_.end(), 0u);
    std::stable_sort(byEdgeEntry_.begin(), byEdgeEntry_.end(),
                     [this](std::uint32_t a, std::uint32_t b) { return cold_[a].edge < cold_[b].edge; });
    byEdgeKeys_.resize(byEdgeEntry_.size());
    for (std::size_t i = 0; i < byEdgeEntry_.size(); ++i) byEdgeKeys_[i] = cold_[byEdgeEntry_[i]].edge;

    // Buckets over the places that allow direct trips (relative coordinates).
    float minX = 0, minY = 0, maxX = 0, maxY = 0;
    bool any = false;
    for (const DirectPlace& d : direct_) {
        if (!(d.metres > 0.0f)) continue;
        minX = any ? std::min(minX, d.x) : d.x;
        minY = any ? std::min(minY, d.y) : d.y;
        maxX = any ? std::max(maxX, d.x) : d.x;
        maxY = any ? std::max(maxY, d.y) : d.y;
        any = true;
    }
    if (!any) return;
    bucketOriginX_ = minX;
    bucketOriginY_ = minY;
    bucketColumns_ = std::uint32_t((maxX - minX) / bucketMetres_) + 1;
    bucketRows_ = std::uint32_t((maxY - minY) / bucketMetres_) + 1;
    bucketStart_.assign(std::size_t(bucketColumns_) * bucketRows_ + 1, 0);
    const auto bucketOf = [&](const DirectPlace& d) {
        return std::size_t(bucketIndex(d.y - bucketOriginY_, bucketRows_)) * bucketColumns_
               + bucketIndex(d.x - bucketOriginX_, bucketColumns_);
    };
    for (const DirectPlace& d : direct_)
        if (d.metres > 0.0f) ++bucketStart_[bucketOf(d) + 1];
    std::partial_sum(bucketStart_.begin(), bucketStart_.end(), bucketStart_.begin());
    bucketPlaces_.resize(bucketStart_.back());
    std::vector<std::uint32_t> fill(bucketStart_.begin(), bucketStart_.end() - 1);
    for (std::size_t i = 0; i < direct_.size(); ++i)
        if (direct_[i].metres > 0.0f) bucketPlaces_[fill[bucketOf(direct_[i])]++] = std::uint32_t(i);
}

std::uint32_t PlaceLinks::bucketIndex(double offset, std::uint32_t count) const
{
    return std::uint32_t(std::clamp(std::floor(offset / bucketMetres_), 0.0, double(count - 1)));
}

AccessLink PlaceLinks::operator[](std::size_t i) const
{
    AccessLink link;
    link.legMetres = legMetres_[i];
    for (std::uint32_t e = firstEntry_[i]; e < firstEntry_[i + 1]; ++e) {
        const int k = int(e - firstEntry_[i]);
        AccessEntry& entry = k == 0 ? static_cast<AccessEntry&>(link) : link.extras[std::size_t(k - 1)];
        const EdgeEntry& cold = cold_[e];
        entry.node[0] = hot_[e].node[0];
        entry.node[1] = hot_[e].node[1];
        entry.seconds[0] = hot_[e].seconds[0];
        entry.seconds[1] = hot_[e].seconds[1];
        entry.edge = cold.edge;
        entry.alongSeconds = cold.alongSeconds;
        entry.legSeconds = cold.legSeconds;
        entry.legMetres = cold.legMetres;
        entry.fraction = cold.fraction;
        entry.oneway = cold.oneway;
        entry.open = cold.open;
        if (k > 0) link.extraCount = std::uint8_t(k);
    }
    const DirectPlace& d = direct_[i];
    link.place = {directOrigin_.x + d.x, directOrigin_.y + d.y};
    link.directMetres = d.metres;
    link.directSecondsPerMetre = d.secondsPerMetre;
    link.terminalSeconds = d.terminalSeconds;
    return link;
}

std::size_t PlaceLinks::memoryBytes() const
{
    return sizeof(*this) + legMetres_.capacity() * sizeof(float) + firstEntry_.capacity() * 4
           + hot_.capacity() * sizeof(NodeEntry) + cold_.capacity() * sizeof(EdgeEntry) + entryPlace_.capacity() * 4
           + byEdgeEntry_.capacity() * 4 + byEdgeKeys_.capacity() * 4 + direct_.capacity() * sizeof(DirectPlace)
           + bucketStart_.capacity() * 4 + bucketPlaces_.capacity() * 4;
}

std::vector<char> PlaceLinks::toBytes() const
{
    std::vector<char> bytes;
    bytes.reserve(memoryBytes());
    const std::uint64_t unjoined = unjoined_;
    const std::uint32_t buckets[2] = {bucketColumns_, bucketRows_};
    const float floats[3] = {bucketOriginX_, bucketOriginY_, maxDirectMetres_};
    raw_bytes::append(bytes, &unjoined, 1);
    raw_bytes::append(bytes, &directOrigin_, 1);
    raw_bytes::append(bytes, &bucketMetres_, 1);
    raw_bytes::append(bytes, buckets, 2);
    raw_bytes::append(bytes, floats, 3);
    raw_bytes::appendVector(bytes, legMetres_);
    raw_bytes::appendVector(bytes, firstEntry_);
    raw_bytes::appendVector(bytes, hot_);
    raw_bytes::appendVector(bytes, cold_);
    raw_bytes::appendVector(bytes, entryPlace_);
    raw_bytes::appendVector(bytes, byEdgeEntry_);
    raw_bytes::appendVector(bytes, byEdgeKeys_);
    raw_bytes::appendVector(bytes, direct_);
    raw_bytes::appendVector(bytes, bucketStart_);
    raw_bytes::appendVector(bytes, bucketPlaces_);
    return bytes;
}

std::optional<PlaceLinks> PlaceLinks::fromBytes(std::span<const char> bytes, std::size_t nodeCount)
{
    PlaceLinks links;
    std::uint64_t unjoined = 0;
    std::uint32_t buckets[2] = {0, 0};
    float floats[3] = {0, 0, 0};
    if (!raw_bytes::read(bytes, &unjoined, 1) || !raw_bytes::read(bytes, &links.directOrigin_, 1)
        || !raw_bytes::read(bytes, &links.bucketMetres_, 1) || !raw_bytes::read(bytes, buckets, 2)
        || !raw_bytes::read(bytes, floats, 3) || !raw_bytes::readVector(bytes, links.legMetres_)
        || !raw_bytes::readVector(bytes, links.firstEntry_) || !raw_bytes::readVector(bytes, links.hot_)
        || !raw_bytes::readVector(bytes, links.cold_) || !raw_bytes::readVector(bytes, links.entryPlace_)
        || !raw_bytes::readVector(bytes, links.byEdgeEntry_) || !raw_bytes::readVector(bytes, links.byEdgeKeys_)
        || !raw_bytes::readVector(bytes, links.direct_) || !raw_bytes::readVector(bytes, links.bucketStart_)
        || !raw_bytes::readVector(bytes, links.bucketPlaces_) || !bytes.empty())
        return std::nullopt;
    links.unjoined_ = std::size_t(unjoined);
    links.bucketColumns_ = buckets[0];
    links.bucketRows_ = buckets[1];
    links.bucketOriginX_ = floats[0];
    links.bucketOriginY_ = floats[1];
    links.maxDirectMetres_ = floats[2];

    // Sizes that must agree, then every index the gather and operator[] follow.
    const std::size_t places = links.legMetres_.size(), entries = links.hot_.size();
    if (links.firstEntry_.size() != places + 1 || links.direct_.size() != places || links.cold_.size() != entries
        || links.entryPlace_.size() != entries || links.byEdgeEntry_.size() != entries || links.byEdgeKeys_.size() != entries
        || links.unjoined_ > places || links.firstEntry_[0] != 0 || links.firstEntry_.back() != entries
        || !(links.bucketMetres_ > 0.0))
        return std::nullopt;
    for (std::size_t i = 0; i < places; ++i) {
        const std::uint32_t begin = links.firstEntry_[i], end = links.firstEntry_[i + 1];
        if (end < begin || end - begin > std::uint32_t(kMaxSnapEntries)) return std::nullopt;
    }
    for (std::size_t e = 0; e < entries; ++e) {
        for (std::uint32_t node : links.hot_[e].node) {
            if (node == kNoNode) continue;
            if (node >= nodeCount) return std::nullopt;
            links.nodesNeeded_ = std::max(links.nodesNeeded_, std::size_t(node) + 1);
        }
        if (links.entryPlace_[e] >= places || links.byEdgeEntry_[e] >= entries
            || links.byEdgeKeys_[e] != links.cold_[links.byEdgeEntry_[e]].edge
            || (e > 0 && links.byEdgeKeys_[e] < links.byEdgeKeys_[e - 1]))
            return std::nullopt;
    }
    if (!links.bucketStart_.empty()) {
        const std::size_t bucketCount = std::size_t(links.bucketColumns_) * links.bucketRows_;
        if (bucketCount == 0 || links.bucketStart_.size() != bucketCount + 1 || links.bucketStart_[0] != 0
            || links.bucketStart_.back() != links.bucketPlaces_.size())
            return std::nullopt;
        for (std::size_t b = 0; b < bucketCount; ++b)
            if (links.bucketStart_[b + 1] < links.bucketStart_[b]) return std::nullopt;
        for (std::uint32_t place : links.bucketPlaces_)
            if (place >= places) return std::nullopt;
    } else if (!links.bucketPlaces_.empty()) {
        return std::nullopt;
    }
    return links;
}

void PlaceLinks::gather(const NearestTimesView& search, const SeedLinks& seeds, PlaceTimes& out) const
{
    if (search.seconds.size() < nodesNeeded_ || search.owner.size() != search.seconds.size())
        throw Error(QStringLiteral("the nearest-point search covers %1 nodes but the places were joined to a network "
                                   "of at least %2: rebuild the coverage after changing the network")
                        .arg(search.seconds.size())
                        .arg(nodesNeeded_));
    const std::size_t n = size();
    out.minutes.resize(n);
    out.nearest.resize(n);
    // Through the nodes of every entry.
    for (std::size_t i = 0; i < n; ++i) {
        float best = kUnreachable;
        std::uint32_t owner = kNoPoint;
        for (std::uint32_t e = firstEntry_[i]; e < firstEntry_[i + 1]; ++e)
            throughNodes(hot_[e].node, hot_[e].seconds, search, best, owner);
        out.minutes[i] = best * kMinutesPerSecond;
        out.nearest[i] = owner;
    }
    const auto improve = [&out](std::uint32_t place, float seconds, std::uint32_t seed) {
        const float minutes = seconds * kMinutesPerSecond;
        if (minutes < out.minutes[place]) {
            out.minutes[place] = minutes;
            out.nearest[place] = seed;
        }
    };
    for (std::size_t s = 0; s < seeds.links.size(); ++s) {
        const AccessLink& point = seeds.links[s];
        // A place entry on the same edge as a point entry reaches it without passing a node.
        for (int j = 0; j < point.entryCount(); ++j) {
            const AccessEntry& pointEntry = point.entry(j);
            const auto range = std::equal_range(byEdgeKeys_.begin(), byEdgeKeys_.end(), pointEntry.edge);
            for (auto it = range.first; it != range.second; ++it) {
                const std::uint32_t e = byEdgeEntry_[std::size_t(it - byEdgeKeys_.begin())];
                const EdgeEntry& place = cold_[e];
                improve(entryPlace_[e],
                        alongSharedEdge(place.alongSeconds, place.legSeconds, place.oneway, place.open, pointEntry),
                        std::uint32_t(s));
            }
        }
        // Places close to the point reach it straight, off the network.
        if (bucketStart_.empty() || !point.joined() || !(point.directMetres > 0.0f)) continue;
        const float reach = std::min(point.directMetres, maxDirectMetres_);
        const double px = point.place.x - directOrigin_.x, py = point.place.y - directOrigin_.y;
        const std::uint32_t c0 = bucketIndex(px - reach - bucketOriginX_, bucketColumns_);
        const std::uint32_t c1 = bucketIndex(px + reach - bucketOriginX_, bucketColumns_);
        const std::uint32_t r0 = bucketIndex(py - reach - bucketOriginY_, bucketRows_);
        const std::uint32_t r1 = bucketIndex(py + reach - bucketOriginY_, bucketRows_);
        for (std::uint32_t r = r0; r <= r1; ++r) {
            for (std::uint32_t c = c0; c <= c1; ++c) {
                const std::size_t b = std::size_t(r) * bucketColumns_ + c;
                for (std::uint32_t k = bucketStart_[b]; k < bucketStart_[b + 1]; ++k) {
                    const std::uint32_t place = bucketPlaces_[k];
                    const DirectPlace& d = direct_[place];
                    const float metres = float(std::hypot(double(d.x) - px, double(d.y) - py));
                    if (!(metres <= std::min(reach, d.metres))) continue;
                    improve(place,
                            directSecondsAt(metres, point.directSecondsPerMetre, d.secondsPerMetre, point.terminalSeconds,
                                            d.terminalSeconds),
                            std::uint32_t(s));
                }
            }
        }
    }
}

float placeMinutes(const AccessLink& link, const NearestTimesView& search, const SeedLinks& seeds, std::uint32_t* nearest)
{
    float seconds = kUnreachable;
    std::uint32_t owner = kNoPoint;
    for (int i = 0; i < link.entryCount(); ++i)
        throughNodes(link.entry(i).node, link.entry(i).seconds, search, seconds, owner);
    const auto improve = [&](float t, std::uint32_t s) {
        if (t < seconds) {
            seconds = t;
            owner = s;
        }
    };
    for (std::size_t s = 0; s < seeds.links.size(); ++s) {
        const AccessLink& point = seeds.links[s];
        for (int i = 0; i < link.entryCount(); ++i) {
            const AccessEntry& place = link.entry(i);
            for (int j = 0; j < point.entryCount(); ++j) {
                if (point.entry(j).edge != place.edge) continue;
                improve(alongSharedEdge(place.alongSeconds, place.legSeconds, place.oneway, place.open, point.entry(j)),
                        std::uint32_t(s));
            }
        }
        improve(directSeconds(link, point), std::uint32_t(s));
    }
    if (nearest) *nearest = owner;
    return seconds * kMinutesPerSecond;
}

PlaceLinks linkPlaces(std::span<const XY> places, const SnapFunction& snap, int threads, const LinkProgress& progress)
{
    // Snapped by blocks (in parallel within a block) and appended to the compact storage, so
    // that the full links of a whole grid are never held at once.
    constexpr std::size_t kBlock = 8192;
    std::vector<AccessLink> block(std::min(places.size(), kBlock));
    PlaceLinks result;
    const auto work = [&](std::size_t offset, std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
            try {
                block[i - offset] = snap(places[i]);
            } catch (const SnapFailed&) {
                block[i - offset] = AccessLink{};  // not joined: the place stays unreachable
                block[i - offset].place = places[i];
            }
        }
    };
    // Any other error stops the work: it reaches the caller from whichever thread met it.
    const auto guarded = [&work](std::exception_ptr& error, std::size_t offset, std::size_t begin, std::size_t end) {
        try {
            work(offset, begin, end);
        } catch (...) {
            error = std::current_exception();
        }
    };
    threads = std::clamp(threads, 1, 64);
    for (std::size_t offset = 0; offset < places.size(); offset += kBlock) {
        const std::size_t count = std::min(kBlock, places.size() - offset);
        if (threads == 1 || count < 1024) {
            work(offset, offset, offset + count);
        } else {
            std::vector<std::thread> pool;
            std::vector<std::exception_ptr> errors(static_cast<std::size_t>(threads));
            const std::size_t chunk = (count + std::size_t(threads) - 1) / std::size_t(threads);
            for (int t = 0; t < threads; ++t) {
                const std::size_t begin = offset + std::min(count, std::size_t(t) * chunk);
                const std::size_t end = offset + std::min(count, std::size_t(t + 1) * chunk);
                pool.emplace_back(guarded, std::ref(errors[std::size_t(t)]), offset, begin, end);
            }
            for (std::thread& thread : pool) thread.join();
            for (const std::exception_ptr& error : errors)
                if (error) std::rethrow_exception(error);
        }
        for (std::size_t i = 0; i < count; ++i) result.append(block[i]);
        if (progress && !progress(double(offset + count) / double(places.size())))
            throw Error(QStringLiteral("linking %1 places to the roads cancelled").arg(places.size()));
    }
    result.finish();
    return result;
}

PlaceLinks linkGridCells(const CoverageGrid& grid, const SnapFunction& snap, int threads, const LinkProgress& progress)
{
    std::vector<XY> centres(grid.cellCount());
    for (std::size_t i = 0; i < centres.size(); ++i) centres[i] = grid.centre(i);
    return linkPlaces(centres, snap, threads, progress);
}

}  // namespace maillage
