// OpenStreetMap files read with libosmium: two passes over the file, ways then nodes, so that
// memory follows the car roads (a few million node locations for a region) rather than the
// whole file (tens of millions of nodes, mostly buildings).

#include "network/extract_osm.h"

#include "common/error.h"
#include "network/osm_assembly.h"

#include <QElapsedTimer>
#include <QFileInfo>

#include <osmium/io/any_input.hpp>
#include <osmium/io/reader.hpp>
#include <osmium/osm/node.hpp>
#include <osmium/osm/way.hpp>
#include <osmium/thread/pool.hpp>

#include <algorithm>
#include <cstring>
#include <exception>
#include <thread>

namespace maillage {
namespace {

// Keys that make a closed way the outline of an area rather than a line: GDAL's
// closed_ways_are_polygons list (the one extract_osm.cpp gives its driver), so that both
// readers keep the same ways. A closed highway=service tagged amenity=parking is a car park.
const char* const kAreaKeys[] = {"aeroway",  "amenity", "boundary", "building", "craft",   "geological",
                                 "historic", "landuse", "leisure",  "military", "natural", "office",
                                 "place",    "shop",    "sport",    "tourism"};

bool closedWayIsArea(const osmium::Way& way)
{
    const auto& nodes = way.nodes();
    if (nodes.size() < 2 || nodes.front().ref() != nodes.back().ref()) return false;
    bool area = false;
    for (const osmium::Tag& tag : way.tags()) {
        const char* key = tag.key();
        if (std::strcmp(key, "area") == 0) {
            if (std::strcmp(tag.value(), "yes") == 0) return true;
            if (std::strcmp(tag.value(), "no") == 0) return false;
        }
        for (const char* areaKey : kAreaKeys)
            if (std::strcmp(key, areaKey) == 0) area = true;
        if (std::strcmp(key, "public_transport") == 0 && std::strcmp(tag.value(), "platform") == 0) area = true;
    }
    return area;
}

QString tagText(const osmium::TagList& tags, const char* key)
{
    const char* value = tags[key];
    return value ? QString::fromUtf8(value).trimmed() : QString();
}

// The decoding threads: libosmium's default leaves two cores to the rest of the program,
// which on a 2-core machine means one thread; the main thread only walks decoded buffers.
int decodingThreads() { return static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 2U, 8U)); }

class Cancelled {};

// Reports the fraction of the file read, mapped onto [from, to) of the whole extraction.
class PassProgress {
public:
    PassProgress(const ExtractProgress& progress, double from, double to, std::size_t fileSize)
        : progress_(progress), from_(from), to_(to), fileSize_(fileSize)
    {
    }

    void report(std::size_t offset)
    {
        if (!progress_ || fileSize_ == 0) return;
        const double fraction = from_ + (to_ - from_) * std::min(1.0, static_cast<double>(offset) / fileSize_);
        if (!progress_(fraction)) throw Cancelled{};
    }

private:
    const ExtractProgress& progress_;
    double from_, to_;
    std::size_t fileSize_;
};

struct WayPass {
    std::vector<osmium::object_id_type> nodeIds;  // the kept ways' nodes, one run per way
    std::vector<OsmPendingWay> ways;              // firstKey/endKey index nodeIds
};

// Pass 1: the car ways, their attributes and their node ids.
WayPass readWays(const osmium::io::File& file, osmium::thread::Pool& pool, const SpeedProfile& profile,
                 const OsmExtractOptions& options, PassProgress progress, ExtractStats& stats)
{
    WayPass pass;
    osmium::io::Reader reader(file, osmium::osm_entity_bits::way, osmium::io::read_meta::no, pool);
    while (osmium::memory::Buffer buffer = reader.read()) {
        progress.report(reader.offset());
        for (const osmium::Way& way : buffer.select<osmium::Way>()) {
            ++stats.featuresRead;
            const osmium::TagList& tagList = way.tags();
            const char* highway = tagList["highway"];
            if (!highway) {
                ++stats.skipped[QStringLiteral("not a highway")];
                continue;
            }
            if (closedWayIsArea(way)) {
                ++stats.skipped[QStringLiteral("closed way tagged as an area")];
                continue;
            }
            OsmWayTags tags;
            tags.highway = QString::fromUtf8(highway).trimmed();
            tags.oneway = tagText(tagList, "oneway");
            tags.junction = tagText(tagList, "junction");
            tags.maxspeed = tagText(tagList, "maxspeed");
            tags.access = tagText(tagList, "access");
            tags.vehicle = tagText(tagList, "vehicle");
            tags.motorVehicle = tagText(tagList, "motor_vehicle");
            tags.motorcar = tagText(tagList, "motorcar");
            tags.area = tagText(tagList, "area");
            tags.ref = tagText(tagList, "ref");
            const OsmRoadDecision decision = classifyOsmWay(tags, options);
            if (!decision.usable) {
                ++stats.skipped[decision.skipReason];
                continue;
            }
            if (way.nodes().size() < 2) {
                ++stats.skipped[QStringLiteral("no line geometry")];
                continue;
            }
            OsmPendingWay pending;
            pending.firstKey = pass.nodeIds.size();
            for (const osmium::NodeRef& node : way.nodes()) pass.nodeIds.push_back(node.ref());
            pending.endKey = pass.nodeIds.size();
            if (decision.direction < 0)
                std::reverse(pass.nodeIds.begin() + static_cast<std::ptrdiff_t>(pending.firstKey), pass.nodeIds.end());
            pending.attributes.roadClass = profile.classForRef(decision.roadClass, tags.ref);
            pending.attributes.oneway = decision.direction != 0;
            pending.attributes.ref = tags.ref;
            pending.attributes.kmh = profile.edgeKmh(pending.attributes.roadClass, decision.maxspeedKmh);
            if (pending.attributes.oneway) ++stats.onewayFeatures;
            if (profile.useMaxspeed && decision.maxspeedKmh) ++stats.maxspeedUsed;
            pass.ways.push_back(std::move(pending));
        }
    }
    reader.close();
    return pass;
}

// Pass 2: the locations of the wanted nodes (sorted, distinct ids), in the same order.
// Files list nodes by increasing id (osmium and Geofabrik's extracts do), so a cursor that
// only moves forward finds each wanted node in constant time and skips the others (80 % of
// a region's nodes are buildings and land use); a file out of order falls back to a search.
std::vector<osmium::Location> readLocations(const osmium::io::File& file, osmium::thread::Pool& pool,
                                            const std::vector<osmium::object_id_type>& wanted, PassProgress progress)
{
    std::vector<osmium::Location> locations(wanted.size());
    osmium::io::Reader reader(file, osmium::osm_entity_bits::node, osmium::io::read_meta::no, pool);
    std::size_t cursor = 0;
    osmium::object_id_type previous = std::numeric_limits<osmium::object_id_type>::min();
    while (osmium::memory::Buffer buffer = reader.read()) {
        progress.report(reader.offset());
        for (const osmium::Node& node : buffer.select<osmium::Node>()) {
            const osmium::object_id_type id = node.id();
            if (id < previous) cursor = 0;  // out of order: search from the start again
            previous = id;
            if (cursor < wanted.size() && wanted[cursor] < id) {
                // Gallop: a few doublings then a binary search in the last interval.
                std::size_t step = 1, low = cursor;
                while (cursor + step < wanted.size() && wanted[cursor + step] < id) {
                    low = cursor + step;
                    step *= 2;
                }
                const std::size_t high = std::min(wanted.size(), cursor + step + 1);
                cursor = static_cast<std::size_t>(std::lower_bound(wanted.begin() + static_cast<std::ptrdiff_t>(low),
                                                                   wanted.begin() + static_cast<std::ptrdiff_t>(high), id)
                                                  - wanted.begin());
            }
            if (cursor < wanted.size() && wanted[cursor] == id) locations[cursor++] = node.location();
        }
    }
    reader.close();
    return locations;
}

// Replaces each way's node ids by the vertex keys of their locations, in place; nodes the
// file lacks (cut at an extract's border) are dropped from their way, as GDAL does.
std::vector<std::uint64_t> keysFromLocations(WayPass& pass, const std::vector<osmium::object_id_type>& wanted,
                                             const std::vector<osmium::Location>& locations, ExtractStats& stats)
{
    std::vector<std::uint64_t> keys(pass.nodeIds.size());
    std::size_t write = 0;
    std::int64_t missing = 0;
    for (OsmPendingWay& way : pass.ways) {
        const std::size_t first = write;
        for (std::size_t k = way.firstKey; k < way.endKey; ++k) {
            const auto at = std::lower_bound(wanted.begin(), wanted.end(), pass.nodeIds[k]);
            const osmium::Location location = locations[static_cast<std::size_t>(at - wanted.begin())];
            if (!location.valid()) {
                ++missing;
                continue;
            }
            keys[write++] = osmVertexKey(location.x(), location.y());
        }
        way.firstKey = first;
        way.endKey = write;
    }
    keys.resize(write);
    std::vector<osmium::object_id_type>().swap(pass.nodeIds);
    if (missing > 0) stats.warnings << QStringLiteral("%1 node(s) used by car roads are missing from the file").arg(missing);
    return keys;
}

}  // namespace

NetworkInput extractOsm(const QString& path, const SpeedProfile& profile, const OsmExtractOptions& options,
                        ExtractStats* statsOut)
{
    QElapsedTimer timer;
    timer.start();
    const QFileInfo info(path);
    if (!info.exists()) throw Error(QStringLiteral("cannot open %1: no such file").arg(path));
    const auto fileSize = static_cast<std::size_t>(info.size());

    ExtractStats stats;
    stats.sourceFile = path;
    stats.layer = QStringLiteral("ways");
    try {
        const osmium::io::File file(path.toStdString());
        osmium::thread::Pool pool(decodingThreads());
        WayPass pass = readWays(file, pool, profile, options, PassProgress(options.progress, 0.0, 0.4, fileSize), stats);

        std::vector<osmium::object_id_type> wanted = pass.nodeIds;
        std::sort(wanted.begin(), wanted.end());
        wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
        const std::vector<osmium::Location> locations =
            readLocations(file, pool, wanted, PassProgress(options.progress, 0.4, 0.85, fileSize));
        std::vector<std::uint64_t> keys = keysFromLocations(pass, wanted, locations, stats);
        std::vector<osmium::object_id_type>().swap(wanted);
        if (options.progress && !options.progress(0.9)) throw Cancelled{};

        NetworkInput network = assembleOsmNetwork(path, profile, keys, pass.ways, stats);
        stats.seconds = timer.elapsed() / 1000.0;
        if (options.progress) options.progress(1.0);
        if (statsOut) *statsOut = std::move(stats);
        return network;
    } catch (const Cancelled&) {
        throw Error(QStringLiteral("reading %1 cancelled").arg(path));
    } catch (const Error&) {
        throw;
    } catch (const std::bad_alloc&) {
        throw Error(QStringLiteral("not enough memory to read %1 (%2 MB)").arg(path).arg(fileSize >> 20));
    } catch (const std::exception& error) {
        throw Error(
            QStringLiteral("cannot read %1 as an OpenStreetMap file: %2").arg(path, QString::fromUtf8(error.what())));
    }
}

}  // namespace maillage
