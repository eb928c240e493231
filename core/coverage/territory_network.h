#pragma once

#include "network/extract_lines.h"
#include "network/network_input.h"
#include "network/prepared_network.h"
#include "network/town_connectors.h"

#include <QString>

#include <vector>

namespace maillage {

class CoverageContext;
class Territory;
struct SpeedProfile;
struct TownHalls;

// The towns a coarse network is completed with: every commune whose town hall is known,
// at its town hall, with the commune's population.
std::vector<TownAnchor> townAnchors(const Territory& territory, const TownHalls& townHalls);

// The road network a coverage runs on, as the product builds it: the file read with the
// profile (OSM or any line layer), plus — when the profile asks for them (coarse networks) —
// town connectors from each town hall to the roads within the town's radius.
NetworkInput loadTerritoryNetwork(const QString& path, const SpeedProfile& profile, const LineLayerOptions& lineOptions,
                                  const std::vector<TownAnchor>& towns, TownConnectorStats* connectorStats = nullptr);

// How a command uses a prepared network (network/prepared_network.h).
struct PreparedNetworkRequest {
    QString path;              // the prepared file; empty: none, the network file is read
    bool rebuild = false;      // build it again even when it is valid
    ExtractProgress progress;  // extraction progress when it has to be built; false cancels
};

struct PreparedNetworkOutcome {
    bool reused = false;             // read from the prepared file
    bool written = false;            // built and written
    QString note;                    // why it was (re)built, or why it could not be written
    std::vector<char> spatialIndex;  // the graph's Snapper::toBytes when the file was used or written
    // The links of the last coverage grid kept in the file (empty when none): a coverage
    // context on the open network reuses them when its grid and places are the same
    // (coverage/prepared_links.h), and keeps its own there otherwise (keepCoverageLinks).
    PreparedLinks links;
    QString path;    // the prepared file used or written; empty: none
    QByteArray key;  // its key
};

// The same network, from the prepared file when it is valid for this network file, profile,
// options and towns; otherwise built as above and written there for the next time. A
// prepared file that cannot be written (read-only folder) is a note, not an error.
NetworkInput loadTerritoryNetwork(const QString& path, const SpeedProfile& profile, const LineLayerOptions& lineOptions,
                                  const std::vector<TownAnchor>& towns, TownConnectorStats* connectorStats,
                                  const PreparedNetworkRequest& prepared, PreparedNetworkOutcome* outcome = nullptr);

// Keeps the context's cell and town-hall links in the prepared network `prepared` came from,
// unless they were read from it (or there is no prepared file): the next command on the same
// grid reads them instead of snapping again. The links of one grid are kept, the last one
// computed. The context must be on the open network (no road closed) with the engine of the
// profile the network was prepared with. Returns a note when the file could not be written
// (a read-only folder) or had changed meanwhile, else an empty string.
QString keepCoverageLinks(const PreparedNetworkOutcome& prepared, const CoverageContext& context);

}  // namespace maillage
