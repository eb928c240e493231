#pragma once

#include "network/road_graph.h"
#include "store/scenarios.h"

#include <QString>

#include <span>
#include <vector>

namespace maillage {

class Snapper;

// A road reference in a form that compares across sources: upper case, no spaces, no leading
// zeros — "d 908" and "D0908" give "D908". TravelMapping's codes, which append the
// département to departmental roads and pad the number, are read too: "D090804" (the D908 in
// the 04) gives "D908", "D0900B04" gives "D900B", "N085" gives "N85".
QString canonicalRoadRef(const QString& ref);

// True when `stored` (a graph edge's reference) is the road `wanted` names: same text without
// regard to case, or same canonical reference.
bool roadRefMatches(const QString& wanted, const QString& stored);

// "D908 within 5 km of (987654, 6354321) (note)", "the road nearest to (x, y)", "edge 12".
QString describeRoadClosure(const RoadClosure& closure);

// A road closure found in a graph.
struct ResolvedClosure {
    RoadClosure closure;
    std::vector<EdgeId> edges;
    double km = 0.0;      // length of the closed edges
    QString description;  // "D908 within 4 km of the Col d'Allos: 6 edges, 9.8 km"
    QString problem;      // why no edge was found (then `edges` is empty)
};

// Finds the edges of each closure: by reference (optionally only edges passing within the
// radius of the closure's centre), by position (the edge nearest to it, within 1 km), or by
// edge id (checked against the graph). `snapper` serves the positions; one is built when it
// is null and a position closure needs it. Never throws for a closure that finds nothing:
// its `problem` says why.
std::vector<ResolvedClosure> resolveRoadClosures(const RoadGraph& graph, std::span<const RoadClosure> closures,
                                                 const Snapper* snapper = nullptr);

// Closes edges of a graph for the lifetime of the object, then reopens those it closed
// (edges that were already closed stay closed). Whoever searched the graph must search again
// (GraphTravelEngine::invalidateSearch, and rebuild the coverage context's links).
class ScopedRoadClosures {
public:
    ScopedRoadClosures(RoadGraph& graph, std::span<const ResolvedClosure> closures);
    ~ScopedRoadClosures();
    Q_DISABLE_COPY(ScopedRoadClosures)

    // Edges this object closed (not counting those closed before).
    std::size_t closedEdges() const { return closed_.size(); }

private:
    RoadGraph* graph_;
    std::vector<EdgeId> closed_;
};

}  // namespace maillage
