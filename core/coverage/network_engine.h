#pragma once

#include "coverage/travel_engine.h"
#include "network/nearest_search.h"
#include "network/road_graph.h"
#include "network/snapping.h"

#include <atomic>
#include <memory>
#include <mutex>

namespace maillage {

struct SpeedProfile;

// The TravelEngine of a real road graph (network/): Snapper for the links, NearestSearch
// (towards the sources: people drive to the accueil point) for the multi-source search,
// travelFrom for the km of tables.
//
// With a profile, places join only the graph's largest connected component, so a cell next
// to a small island of road (a broken fragment of a generalised network) is still routed.
// link(), nearestAt() and drivingMetres() may be called from several threads (each call takes
// a search workspace of its own from a small pool); nearest() is serialised.
// nearest() remembers its last seeds: when only a few of them moved or were added (a point
// dragged on the map), it repairs the previous search (NearestSearch::moveSource/addSource)
// instead of running it again. link() remembers the last places it joined (a few thousand):
// the accueil points joined again by every recompute cost nothing when they did not move.
class GraphTravelEngine : public TravelEngine {
public:
    // `terminalSeconds` is added to every place's access leg (see SpeedProfile::terminalSeconds).
    GraphTravelEngine(const RoadGraph& graph, const SnapOptions& snapOptions, double terminalSeconds = 0.0);
    // Snapping as the profile says (network/profile_snapping.h): access speed and detour,
    // maximum snap distance, terminal time, largest component only.
    GraphTravelEngine(const RoadGraph& graph, const SpeedProfile& profile);
    // With the spatial index of `graph` read from a prepared network (Snapper::fromBytes)
    // instead of building it; null: built as above.
    GraphTravelEngine(const RoadGraph& graph, const SpeedProfile& profile, std::optional<Snapper> preparedIndex);
    ~GraphTravelEngine() override;

    std::size_t nodeCount() const override { return graph_->nodeCount(); }
    AccessLink link(XY place) const override;
    std::optional<AccessLink> rememberedLink(XY place) const override;
    void nearest(std::span<const AccessLink> seeds, NearestTimes& out) const override;
    // A full search on a large graph is shared by two threads (NearestSearch::run with
    // threads); a repair stays on the calling thread.
    void nearestShared(std::span<const AccessLink> seeds, NearestTimes& out, int threads) const override;
    // A search of its own that stops once the nodes of `needed` are settled: the tables'
    // origins are often a few places, which a search reaches long before it settles the graph.
    void nearestAt(std::span<const AccessLink> seeds, std::span<const AccessLink> needed, NearestTimes& out) const override;
    // One search with metres towards the seeds gives the places' nearest seeds, minutes and
    // km at once (see the .cpp for the few routes still asked one seed at a time).
    std::vector<NearestRoute> nearestRoutes(std::span<const AccessLink> seeds,
                                            std::span<const AccessLink> places) const override;
    bool concurrentSearches() const override { return true; }
    double drivingMetres(const AccessLink& from, const AccessLink& to) const override;
    std::vector<double> drivingMetresTo(std::span<const AccessLink> from, const AccessLink& to) const override;

    const RoadGraph& graph() const { return *graph_; }
    const Snapper& snapper() const { return snapper_; }
    const SnapOptions& snapOptions() const { return snapOptions_; }
    // The snap of a place as link() makes it (terminal time included).
    Snap snap(XY place) const;

    // Forgets the previous search and the remembered links, so that the next nearest() runs
    // in full. Call it after closing or slowing edges of the graph (the links of the coverage
    // context must then be rebuilt too, see AccessLink).
    void invalidateSearch();
    // Forgets the previous search only: the next nearest() runs in full, but the places linked
    // before are not snapped again. The network must be unchanged (else invalidateSearch).
    void forgetSearch();

    // The link of a snapped position (exposed for tests and for callers that already snapped).
    AccessLink linkOf(const Snap& snap) const;
    // The snap a link was made from.
    Snap snapOf(const AccessLink& link) const;

private:
    const RoadGraph* graph_;
    SnapOptions snapOptions_;
    double terminalSeconds_ = 0.0;
    Snapper snapper_;
    mutable std::mutex searchMutex_;
    mutable std::unique_ptr<NearestSearch> search_;  // the multi-source search, kept for repairs
    // Workspaces of the searches that may run at once (drivingMetres, nearestAt): taken for
    // one call, given back after it.
    mutable std::mutex workspaceMutex_;
    mutable std::vector<std::unique_ptr<NearestSearch>> freeWorkspaces_;
    std::unique_ptr<NearestSearch> takeWorkspace() const;
    void giveBack(std::unique_ptr<NearestSearch> workspace) const;
    // A workspace taken for one call, given back however the call ends.
    struct BorrowedSearch {
        const GraphTravelEngine& engine;
        std::unique_ptr<NearestSearch> search;
        ~BorrowedSearch() { engine.giveBack(std::move(search)); }
    };
    mutable std::vector<Snap> seedSnaps_;  // the seeds of search_
    mutable std::size_t repairs_ = 0;
    // The last places linked, direct-mapped by position: a slot is taken with a try-lock, so
    // that the threads linking the cells of a grid never wait for each other.
    struct RecentLink {
        std::atomic_flag busy;
        std::uint64_t generation = 0;  // 0: empty
        XY place;
        AccessLink link;
    };
    static constexpr std::size_t kRecentLinks = 4096;
    RecentLink& recentSlot(XY place) const;
    std::unique_ptr<RecentLink[]> recentLinks_;
    mutable std::atomic<std::uint64_t> linkGeneration_{1};

public:
    // How many calls of nearest() were served by repairing the previous search (for tests).
    std::size_t repairCount() const { return repairs_; }
};

}  // namespace maillage
