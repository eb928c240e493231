// Writes a synthetic OpenStreetMap file of regional size for the benchmarks: mountain valleys
// with a motorway, trunk and primary roads along them, villages strung along the valleys
// with their street grids (some one-way streets, a roundabout in the larger ones), lanes
// climbing out of the valleys in hairpins, tracks and footpaths, and, like a real regional
// extract, mostly non-road data: building outlines along the streets, land use and woods,
// rivers. About 80 % of the nodes belong to no road.
//
//   generate_osm MILLION_NODES OUTPUT.osm.pbf [SEED]
//
// The output is never committed: write it under build/ or /tmp. The same seed and size give
// the same file.

#include <osmium/builder/osm_object_builder.hpp>
#include <osmium/io/any_output.hpp>
#include <osmium/io/writer.hpp>
#include <osmium/memory/buffer.hpp>
#include <osmium/osm/location.hpp>
#include <osmium/thread/pool.hpp>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <map>
#include <numbers>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace {

using Tags = std::vector<std::pair<std::string, std::string>>;

struct Point {
    double lon = 0.0, lat = 0.0;
};

// A Provence-like box: 3° of longitude by 2° of latitude (about 240 × 220 km).
constexpr double kWest = 4.5, kEast = 7.5, kSouth = 43.0, kNorth = 45.0;
constexpr double kMetresPerDegreeLat = 111'320.0;
constexpr double kMetresPerDegreeLon = 111'320.0 * 0.72;  // cos(44°)

Point offset(Point p, double eastMetres, double northMetres)
{
    return {p.lon + eastMetres / kMetresPerDegreeLon, p.lat + northMetres / kMetresPerDegreeLat};
}

class Map {
public:
    explicit Map(std::uint32_t seed) : random_(seed) {}

    // Returns the node's index + 1 (its id in the file is osmId(index), see write).
    std::int64_t node(Point p)
    {
        nodes_.emplace_back(p.lon, p.lat);
        return static_cast<std::int64_t>(nodes_.size());
    }

    void way(const std::vector<std::int64_t>& refs, const Tags& tags)
    {
        auto [it, inserted] = tagSets_.try_emplace(tags, static_cast<std::uint32_t>(tagList_.size()));
        if (inserted) tagList_.push_back(tags);
        ways_.push_back({refs_.size(), static_cast<std::uint32_t>(refs.size()), it->second});
        refs_.insert(refs_.end(), refs.begin(), refs.end());
    }

    // A line of nodes every `spacing` metres from a to b, bent sideways by `wiggle` metres.
    // `firstNode` / `lastNode`, when given, are existing nodes used as the line's ends.
    std::vector<std::int64_t> line(Point a, Point b, double spacing, double wiggle, std::int64_t firstNode = 0,
                                   std::int64_t lastNode = 0)
    {
        const double dx = (b.lon - a.lon) * kMetresPerDegreeLon, dy = (b.lat - a.lat) * kMetresPerDegreeLat;
        const double length = std::hypot(dx, dy);
        const int steps = std::max(1, static_cast<int>(length / spacing));
        const double phase = uniform(0, 2 * std::numbers::pi), waves = uniform(1, 4);
        std::vector<std::int64_t> refs;
        for (int i = 0; i <= steps; ++i) {
            if (i == 0 && firstNode) {
                refs.push_back(firstNode);
                continue;
            }
            if (i == steps && lastNode) {
                refs.push_back(lastNode);
                continue;
            }
            const double t = static_cast<double>(i) / steps;
            const double side = wiggle * std::sin(phase + t * waves * 2 * std::numbers::pi) * std::sin(t * std::numbers::pi);
            const Point base{a.lon + (b.lon - a.lon) * t, a.lat + (b.lat - a.lat) * t};
            refs.push_back(node(offset(base, -dy / length * side, dx / length * side)));
        }
        return refs;
    }

    double uniform(double low, double high) { return std::uniform_real_distribution<double>(low, high)(random_); }
    int integer(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }
    bool chance(double p) { return uniform(0, 1) < p; }
    std::size_t nodeCount() const { return nodes_.size(); }
    Point position(std::int64_t id) const { return {nodes_[id - 1].lon(), nodes_[id - 1].lat()}; }

    std::size_t roadNodes = 0;  // nodes on highway=* ways, for the summary

    void write(const std::string& path) const;

private:
    struct WayRecord {
        std::size_t firstRef;
        std::uint32_t count;
        std::uint32_t tagSet;
    };
    std::mt19937 random_;
    std::vector<osmium::Location> nodes_;
    std::vector<std::int64_t> refs_;
    std::vector<WayRecord> ways_;
    std::map<Tags, std::uint32_t> tagSets_;
    std::vector<Tags> tagList_;
};

// A number from an index, the same on every run (splitmix64).
std::uint64_t mix(std::uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// Real files number objects sparsely (ids run to billions, deleted objects leave gaps) and
// carry each object's history: version, time, changeset and author. Both weigh on reading.
osmium::object_id_type osmId(std::uint64_t index)
{
    return static_cast<osmium::object_id_type>((index + 1) * 48 + mix(index) % 48);
}

template <typename Builder>
void setHistory(Builder& builder, std::uint64_t index, const std::vector<std::string>& users)
{
    // Neighbouring objects were mostly mapped together: one changeset, author and day per
    // run of a few hundred, as in real files (and as their delta coding expects).
    const std::uint64_t h = mix((index / 300) ^ 0x5bd1e995ULL);
    const std::uint64_t own = mix(index);
    builder.set_version(static_cast<osmium::object_version_type>(1 + (own % 16 == 0 ? own % 7 : 0)));
    builder.set_timestamp(osmium::Timestamp(static_cast<std::uint32_t>(1'200'000'000 + (h >> 8) % 500'000'000 + own % 600)));
    builder.set_changeset(static_cast<osmium::changeset_id_type>(1 + (h >> 20) % 150'000'000));
    const std::size_t user = (h >> 40) % users.size();
    builder.set_uid(static_cast<osmium::user_id_type>(user + 1));
    builder.set_user(users[user]);
}

void Map::write(const std::string& path) const
{
    std::vector<std::string> users;
    for (int u = 0; u < 3000; ++u) users.push_back("mapper" + std::to_string(u));
    osmium::io::Header header;
    header.set("generator", "maillage generate_osm");
    header.add_box(osmium::Box{kWest, kSouth, kEast, kNorth});
    osmium::thread::Pool pool(2);
    osmium::io::Writer writer(osmium::io::File(path), header, osmium::io::overwrite::allow, pool);
    constexpr std::size_t kBufferBytes = 8 * 1024 * 1024;
    osmium::memory::Buffer buffer(kBufferBytes, osmium::memory::Buffer::auto_grow::yes);
    auto flushIfFull = [&] {
        if (buffer.committed() > kBufferBytes - 64 * 1024) {
            writer(std::move(buffer));
            buffer = osmium::memory::Buffer(kBufferBytes, osmium::memory::Buffer::auto_grow::yes);
        }
    };
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
        {
            osmium::builder::NodeBuilder builder(buffer);
            builder.set_id(osmId(i));
            setHistory(builder, i, users);
            builder.set_location(nodes_[i]);
        }
        buffer.commit();
        flushIfFull();
    }
    for (std::size_t w = 0; w < ways_.size(); ++w) {
        const WayRecord& way = ways_[w];
        {
            osmium::builder::WayBuilder builder(buffer);
            builder.set_id(osmId(w));
            setHistory(builder, w + (1ULL << 40), users);
            {
                osmium::builder::WayNodeListBuilder nodes(builder);
                for (std::uint32_t k = 0; k < way.count; ++k)
                    nodes.add_node_ref(osmId(static_cast<std::uint64_t>(refs_[way.firstRef + k] - 1)));
            }
            osmium::builder::TagListBuilder tags(builder);
            for (const auto& [key, value] : tagList_[way.tagSet]) tags.add_tag(key, value);
        }
        buffer.commit();
        flushIfFull();
    }
    writer(std::move(buffer));
    writer.close();
}

struct Valley {
    Point from, to;
    std::vector<std::int64_t> road;  // the primary (or trunk) road along the valley floor
};

Tags highway(const std::string& kind, Tags more = {})
{
    more.insert(more.begin(), {"highway", kind});
    return more;
}

// A village: a street grid around `centre`, buildings along its streets, a roundabout when
// large, a land-use outline, and a lane to the valley road.
void village(Map& map, Point centre, std::int64_t valleyNode, int streets, int index)
{
    const double block = 90.0;  // metres between parallel streets
    const double spacing = 25.0;
    const double half = block * (streets - 1) / 2.0;
    std::vector<std::vector<std::int64_t>> rows(streets), columns(streets);
    // Junction nodes first, shared by the crossing streets.
    std::vector<std::vector<std::int64_t>> junction(streets, std::vector<std::int64_t>(streets));
    for (int i = 0; i < streets; ++i)
        for (int j = 0; j < streets; ++j) junction[i][j] = map.node(offset(centre, -half + block * j, -half + block * i));
    auto street = [&](std::int64_t a, std::int64_t b) {
        std::vector<std::int64_t> refs = map.line(map.position(a), map.position(b), spacing, 3.0, a, b);
        map.roadNodes += refs.size() - 2;
        return refs;
    };
    const std::string name = "Village " + std::to_string(index);
    for (int i = 0; i < streets; ++i) {
        for (int j = 0; j + 1 < streets; ++j) {
            for (int direction = 0; direction < 2; ++direction) {
                const std::int64_t a = direction ? junction[j][i] : junction[i][j];
                const std::int64_t b = direction ? junction[j + 1][i] : junction[i][j + 1];
                std::vector<std::int64_t> refs = street(a, b);
                Tags tags = highway(map.chance(0.1) ? "living_street" : "residential",
                                    {{"name", "Rue " + std::to_string(i * streets + j) + ", " + name}});
                if (map.chance(0.15)) tags.emplace_back("oneway", "yes");
                if (map.chance(0.3)) tags.emplace_back("maxspeed", map.chance(0.5) ? "30" : "50");
                if (map.chance(0.03)) tags.emplace_back("access", "private");
                map.way(refs, tags);
                // Buildings on both sides, every 15 m: four corners and the first again.
                const Point pa = map.position(a), pb = map.position(b);
                const double dx = (pb.lon - pa.lon) * kMetresPerDegreeLon, dy = (pb.lat - pa.lat) * kMetresPerDegreeLat;
                const double length = std::hypot(dx, dy);
                for (double along = 12.0; along + 12.0 < length; along += 15.0) {
                    for (const double side : {-1.0, 1.0}) {
                        const double t = along / length;
                        const Point base =
                            offset(pa, dx * t - dy / length * side * 14.0, dy * t + dx / length * side * 14.0);
                        const double w = map.uniform(4, 6), d = map.uniform(4, 7);
                        const std::int64_t c1 = map.node(offset(base, -w, -d)), c2 = map.node(offset(base, w, -d)),
                                           c3 = map.node(offset(base, w, d)), c4 = map.node(offset(base, -w, d));
                        map.way({c1, c2, c3, c4, c1},
                                map.chance(0.9) ? Tags{{"building", "yes"}} : Tags{{"building", "house"}});
                    }
                }
            }
        }
    }
    // A roundabout at the entrance of larger villages, between the grid and the valley lane.
    std::int64_t entrance = junction[0][0];
    if (streets >= 5) {
        const Point at = offset(map.position(junction[0][0]), -60, -60);
        std::vector<std::int64_t> ring;
        for (int k = 0; k < 8; ++k) {
            const double angle = k * std::numbers::pi / 4;
            ring.push_back(map.node(offset(at, 15 * std::cos(angle), 15 * std::sin(angle))));
        }
        map.roadNodes += ring.size();
        ring.push_back(ring.front());
        map.way(ring, highway("tertiary", {{"junction", "roundabout"}}));
        map.way({ring[1], junction[0][0]}, highway("tertiary"));
        entrance = ring[5];
    }
    const std::vector<std::int64_t> lane =
        map.line(map.position(entrance), map.position(valleyNode), 40.0, 30.0, entrance, valleyNode);
    map.roadNodes += lane.size() - 2;
    map.way(lane, highway("tertiary", {{"ref", "D" + std::to_string(100 + index % 900)}}));

    // Land use around the village: a 40-point outline.
    std::vector<std::int64_t> outline;
    for (int k = 0; k < 40; ++k) {
        const double angle = k * 2 * std::numbers::pi / 40;
        const double r = (half + 60) * map.uniform(1.0, 1.2);
        outline.push_back(map.node(offset(centre, r * std::cos(angle), r * std::sin(angle))));
    }
    outline.push_back(outline.front());
    map.way(outline, {{"landuse", "residential"}, {"name", name}});

    // Lanes and tracks up the slopes, in hairpins; footpaths between them.
    for (int k = 0; k < 2; ++k) {
        const std::int64_t start = junction[streets - 1][k * (streets - 1)];
        Point at = map.position(start);
        std::vector<std::int64_t> climb{start};
        for (int bend = 0; bend < 6; ++bend) {
            const Point next = offset(at, (bend % 2 ? -1 : 1) * 400.0, 120.0);
            std::vector<std::int64_t> part = map.line(at, next, 30.0, 10.0, climb.back());
            climb.insert(climb.end(), part.begin() + 1, part.end());
            at = next;
        }
        map.roadNodes += climb.size();
        map.way(climb, highway(k == 0 ? "unclassified" : "track"));
        std::vector<std::int64_t> path = map.line(at, offset(at, 800, 600), 20.0, 40.0, climb.back());
        map.roadNodes += path.size();
        map.way(path, highway(map.chance(0.5) ? "path" : "footway"));
    }
}

}  // namespace

int main(int argc, char* argv[])
{
    if (argc < 3) {
        std::cerr << "usage: generate_osm MILLION_NODES OUTPUT.osm.pbf [SEED]\n";
        return 2;
    }
    const double millions = std::atof(argv[1]);
    const std::string output = argv[2];
    const auto seed = static_cast<std::uint32_t>(argc > 3 ? std::atoi(argv[3]) : 46);
    if (millions <= 0) {
        std::cerr << "generate_osm: the size must be a positive number of million nodes\n";
        return 2;
    }
    const auto target = static_cast<std::size_t>(millions * 1e6);
    Map map(seed);

    // Valleys run roughly south-north and west-east across the box, each with its road and
    // its river; the first one carries a motorway (two one-way carriageways).
    const int valleyCount = std::max(3, static_cast<int>(std::sqrt(millions) * 4));
    std::vector<Valley> valleys;
    for (int v = 0; v < valleyCount; ++v) {
        Valley valley;
        if (v % 2 == 0) {
            const double lon = map.uniform(kWest + 0.1, kEast - 0.1);
            valley.from = {lon, kSouth + 0.05};
            valley.to = {lon + map.uniform(-0.5, 0.5), kNorth - 0.05};
        } else {
            const double lat = map.uniform(kSouth + 0.1, kNorth - 0.1);
            valley.from = {kWest + 0.05, lat};
            valley.to = {kEast - 0.05, lat + map.uniform(-0.4, 0.4)};
        }
        valley.road = map.line(valley.from, valley.to, 80.0, 3000.0);
        map.roadNodes += valley.road.size();
        const std::string ref = (v == 1 ? "N" : "D") + std::to_string(v == 1 ? 85 : 900 + v);
        map.way(valley.road, highway(v == 1 ? "trunk" : (v < 4 ? "primary" : "secondary"),
                                     {{"ref", ref}, {"maxspeed", v == 1 ? "110" : "FR:rural"}}));
        map.way(map.line(offset(valley.from, 150, 0), offset(valley.to, 150, 0), 60.0, 3000.0),
                {{"waterway", "river"}, {"name", "Rivière " + std::to_string(v)}});
        if (v == 0) {
            for (const double side : {-1.0, 1.0}) {
                std::vector<std::int64_t> carriageway =
                    map.line(offset(valley.from, 600 * side, 0), offset(valley.to, 600 * side, 0), 150.0, 0.0);
                if (side > 0) std::reverse(carriageway.begin(), carriageway.end());
                map.roadNodes += carriageway.size();
                map.way(carriageway, highway("motorway", {{"ref", "A51"}, {"maxspeed", "130"}}));
                // Links to the valley road every ~15 km.
                for (std::size_t k = 50; k + 1 < carriageway.size(); k += 100) {
                    const std::int64_t valleyNode = valley.road[std::min(valley.road.size() - 1, k * 2)];
                    const std::vector<std::int64_t> link = map.line(map.position(carriageway[k]), map.position(valleyNode),
                                                                    50.0, 80.0, carriageway[k], valleyNode);
                    map.roadNodes += link.size() - 2;
                    map.way(link, highway("motorway_link"));
                }
            }
        }
        valleys.push_back(std::move(valley));
    }

    // Mountain passes join each valley to the previous one: a hairpin road from a point of
    // one valley road to the nearest point of the other.
    for (int v = 1; v < valleyCount; ++v) {
        const std::vector<std::int64_t>& road = valleys[static_cast<std::size_t>(v)].road;
        const std::vector<std::int64_t>& other = valleys[static_cast<std::size_t>(v - 1)].road;
        const std::int64_t from =
            road[road.size() / 3 + static_cast<std::size_t>(map.integer(0, static_cast<int>(road.size() / 3)))];
        const Point p = map.position(from);
        std::int64_t nearest = other.front();
        double best = 1e300;
        for (const std::int64_t candidate : other) {
            const Point q = map.position(candidate);
            const double d = std::hypot((q.lon - p.lon) * kMetresPerDegreeLon, (q.lat - p.lat) * kMetresPerDegreeLat);
            if (d < best) best = d, nearest = candidate;
        }
        const std::vector<std::int64_t> pass = map.line(p, map.position(nearest), 40.0, 1500.0, from, nearest);
        map.roadNodes += pass.size() - 2;
        map.way(pass, highway("secondary", {{"ref", "D" + std::to_string(20 + v)}, {"name", "Col " + std::to_string(v)}}));
    }

    // Villages along the valleys, and woods on the slopes, until the size is reached.
    int index = 0;
    while (map.nodeCount() < target) {
        Valley& valley = valleys[static_cast<std::size_t>(map.integer(0, valleyCount - 1))];
        const std::size_t at = static_cast<std::size_t>(map.integer(0, static_cast<int>(valley.road.size()) - 1));
        const std::int64_t valleyNode = valley.road[at];
        const Point centre = offset(map.position(valleyNode), map.uniform(-2500, 2500), map.uniform(-2500, 2500));
        // Mostly hamlets, a few towns.
        const int streets = std::min(14, 2 + static_cast<int>(std::pow(map.uniform(0, 1), 3.0) * 13));
        village(map, centre, valleyNode, streets, index++);
        if (index % 3 == 0) {
            std::vector<std::int64_t> wood;
            const Point woodCentre = offset(centre, map.uniform(-4000, 4000), map.uniform(-4000, 4000));
            const int points = map.integer(100, 400);
            for (int k = 0; k < points; ++k) {
                const double angle = k * 2 * std::numbers::pi / points;
                const double r = 1200 * (1 + 0.3 * std::sin(angle * 5)) * map.uniform(0.95, 1.05);
                wood.push_back(map.node(offset(woodCentre, r * std::cos(angle), r * std::sin(angle))));
            }
            wood.push_back(wood.front());
            map.way(wood, {{"natural", "wood"}});
        }
    }
    std::cerr << "generate_osm: " << map.nodeCount() << " nodes, " << map.roadNodes << " on highways ("
              << std::lround(100.0 * map.roadNodes / map.nodeCount()) << " %), " << index << " villages; writing " << output
              << '\n';
    try {
        map.write(output);
    } catch (const std::exception& error) {
        std::cerr << "generate_osm: cannot write " << output << ": " << error.what() << '\n';
        return 1;
    }
    return 0;
}
