// A team editing one shared project at once (issue 17): N clients, each with its own connection
// as N planners' programs would have, edit points of the same project for S seconds. Most edits
// touch a point of the client's own commune; one in five a point shared by everyone, so that
// conflicts happen. A refused edit (EditConflict) is reloaded and counted, not retried. At the
// end every point's row version must equal 1 + the edits saved on it: nothing lost, nothing
// silently overwritten.
// Usage: bench_team_edits PROJECT [clients=10] [seconds=60] [points=1000]
// PROJECT is a new location: a postgresql:// URI (its schema must not exist) or a .gpkg file.
#include "geo/crs.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <atomic>
#include <cstdio>
#include <map>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

using namespace maillage;

namespace {

struct ClientCount {
    long saved = 0;
    long conflicts = 0;
    long failures = 0;
    std::map<qint64, long> savedPerPoint;
};

AccueilPoint makePoint(int i)
{
    AccueilPoint p;
    p.name = QStringLiteral("Point %1").arg(i);
    p.level = Level::First;
    p.kind = QStringLiteral("mairie");
    p.wgs84 = {5.7 + (i % 100) * 0.012, 43.8 + (i / 100) * 0.008};
    p.lambert93 = toLambert93(p.wgs84);
    return p;
}

}  // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_team_edits PROJECT [clients=10] [seconds=60] [points=1000]\n");
        return 2;
    }
    const QString project = QString::fromLocal8Bit(argv[1]);
    const int clients = argc > 2 ? std::atoi(argv[2]) : 10;
    const int seconds = argc > 3 ? std::atoi(argv[3]) : 60;
    const int pointCount = argc > 4 ? std::atoi(argv[4]) : 1000;

    std::vector<qint64> ids;
    try {
        Store store = Store::create(project);
        std::vector<AccueilPoint> points;
        for (int i = 0; i < pointCount; ++i) points.push_back(makePoint(i));
        store.upsertBySource(points);
        for (const AccueilPoint& p : store.points()) ids.push_back(p.id);
    } catch (const Error& e) {
        std::fprintf(stderr, "%s\n", qPrintable(e.message()));
        return 1;
    }
    const std::size_t shared = std::max<std::size_t>(1, ids.size() / 100);  // the first 1 %: everyone's

    std::vector<ClientCount> counts(clients);
    std::atomic<bool> stop{false};
    std::vector<std::thread> threads;
    QElapsedTimer clock;
    clock.start();
    for (int c = 0; c < clients; ++c) {
        threads.emplace_back([&, c] {
            ClientCount& count = counts[c];
            std::mt19937 random(1234 + c);
            try {
                Store store = Store::open(project, {.busyTimeout = std::chrono::milliseconds(30000)});
                // The client's own points: a slice of the rest.
                const std::size_t begin = shared + (ids.size() - shared) * c / clients;
                const std::size_t end = shared + (ids.size() - shared) * (c + 1) / clients;
                while (!stop) {
                    const bool everyone = random() % 5 == 0 || begin == end;
                    const qint64 id = everyone ? ids[random() % shared] : ids[begin + random() % (end - begin)];
                    std::optional<AccueilPoint> point = store.point(id);
                    if (!point) continue;
                    point->notes = QStringLiteral("client %1 edit %2").arg(c).arg(count.saved);
                    point->lambert93.x += 1.0;
                    point->wgs84 = toWgs84(point->lambert93);
                    try {
                        store.updatePoint(*point);
                        ++count.saved;
                        ++count.savedPerPoint[id];
                    } catch (const EditConflict&) {
                        ++count.conflicts;
                    }
                }
            } catch (const Error& e) {
                ++count.failures;
                std::fprintf(stderr, "client %d: %s\n", c, qPrintable(e.message()));
            }
        });
    }
    std::this_thread::sleep_for(std::chrono::seconds(seconds));
    stop = true;
    for (std::thread& t : threads) t.join();
    const double elapsed = clock.elapsed() / 1000.0;

    long saved = 0, conflicts = 0, failures = 0;
    std::map<qint64, long> savedPerPoint;
    for (const ClientCount& count : counts) {
        saved += count.saved;
        conflicts += count.conflicts;
        failures += count.failures;
        for (const auto& [id, n] : count.savedPerPoint) savedPerPoint[id] += n;
    }
    long lost = 0;
    Store store = Store::open(project);
    for (const AccueilPoint& p : store.points())
        if (p.rowVersion != 1 + savedPerPoint[p.id]) ++lost;

    std::printf("%d clients, %.1f s, %d points (%zu shared by all)\n", clients, elapsed, pointCount, shared);
    std::printf("edits saved: %ld (%.0f per second)\n", saved, saved / elapsed);
    std::printf("conflicts detected: %ld\n", conflicts);
    std::printf("clients failed: %ld\n", failures);
    std::printf("points whose version disagrees with the edits saved on them (lost or silent overwrites): %ld\n", lost);
    return lost == 0 && failures == 0 ? 0 : 1;
}
