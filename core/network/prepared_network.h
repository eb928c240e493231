#pragma once

// A prepared network: the road network a project computes on (the file read with its
// profile, plus town connectors), written once as a versioned binary file and mapped into
// memory by every later command, like OSRM's extract files. Reading a regional OSM file
// takes seconds to tens of seconds; reading its prepared network takes milliseconds.
//
// The file also holds the graph's spatial index (network/snapping.h), which every command
// would otherwise build again, and — once a coverage ran — the links of one coverage grid's
// cells and of the town halls (the snapping results, PreparedLinks). The file is keyed by
// everything the network depends on: the network file's identity (size, modification time,
// SHA-1 of its content), the speed profile's content, the line layer options (field
// mapping), and the towns the connectors were built for. The links carry their own key (the
// grid and the places, see coverage/prepared_links.h). A file whose key differs, that is
// truncated, corrupt (checksums) or of another format version is not used: the caller
// rebuilds it, and the reason is given as a note, never a crash.
//
// The SHA-1 of the network file (50–100 ms for a 28 MB file, seconds for a regional OSM
// extract) is recorded in the header with the size and modification time it was computed
// for, and reused while the file still has that size and time to the millisecond
// (networkFileIdentity). Why this is safe enough: every ordinary way of changing a file —
// an editor, GDAL, osmium, a download, a copy without -p — sets its modification time to the
// time of writing, so a changed file is hashed again. Only a file replaced by another of the
// same size whose time was deliberately set back to the old one to the millisecond (cp -p,
// rsync -t, touch -r of two different files of equal size) would be trusted; rsync and make
// make the same assumption. `maillage network prepare --rebuild` rebuilds in any case.

#include "network/extract_lines.h"
#include "network/network_input.h"
#include "network/town_connectors.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace maillage {

struct SpeedProfile;

// The format version written in the file's header; bump it when the layout changes.
// 2: the spatial index (snapper) of the graph follows the network.
// 3: the network file's identity in the header (its SHA-1 reused while size and time hold),
//    a fast 64-bit checksum per section instead of a SHA-1 of the payload, and the links
//    section (grid cells and town halls).
constexpr quint32 kPreparedNetworkVersion = 3;

// The network file a prepared network was made from: size, modification time (ms since
// the epoch) and the SHA-1 of its content.
struct NetworkFileIdentity {
    qint64 bytes = -1;
    qint64 modifiedMs = 0;
    QByteArray sha1;      // 20 bytes
    bool hashed = false;  // the content was read and hashed now (not taken from the prepared file)
};

// The identity of `networkPath`. The SHA-1 is taken from the header of the prepared network
// `preparedPath` when that file records the same size and modification time (see above);
// otherwise the file is read and hashed. Throws Error naming the network file when it
// cannot be read.
NetworkFileIdentity networkFileIdentity(const QString& networkPath, const QString& preparedPath = {});

// A digest of everything the prepared network depends on (see above). Throws Error naming
// the network file when it cannot be read.
QByteArray preparedNetworkKey(const NetworkFileIdentity& source, const SpeedProfile& profile,
                              const LineLayerOptions& lineOptions, const std::vector<TownAnchor>& towns);
QByteArray preparedNetworkKey(const QString& networkPath, const SpeedProfile& profile, const LineLayerOptions& lineOptions,
                              const std::vector<TownAnchor>& towns);

// The snapping results of one coverage grid, as opaque bytes (coverage/prepared_links.h makes
// and reads them): `key` names the grid and the places they were made for.
struct PreparedLinks {
    QByteArray key;
    std::vector<char> cells;
    std::vector<char> townHalls;
    bool empty() const { return key.isEmpty(); }
};

struct PreparedNetwork {
    NetworkInput network;
    TownConnectorStats connectors;
    // Snapper::toBytes of the graph built from `network`: the spatial index places are joined
    // to the roads with. It depends on nothing but the network, so the key covers it. Road
    // closures (scenarios) are applied after loading and are not in the key: a command that
    // closes roads builds its index again (see GraphTravelEngine).
    std::vector<char> spatialIndex;
    // The network file it was made from (written in the header).
    NetworkFileIdentity source;
    // The links of the last coverage grid computed on the open network; empty until then.
    PreparedLinks links;
};

// Reads `path` if it is a valid prepared network for `key`; otherwise returns nullopt and,
// when given, sets `note` to why ("none yet", "made from other data or settings",
// "truncated", "corrupt", "older format version"...).
std::optional<PreparedNetwork> readPreparedNetwork(const QString& path, const QByteArray& key, QString* note = nullptr);

// Writes the prepared network under a temporary name in the same folder, then renames it:
// a reader never sees a partial file. Throws Error naming the file when it cannot be written.
void writePreparedNetwork(const QString& path, const QByteArray& key, const PreparedNetwork& prepared);

// Replaces the links section of the prepared network at `path`, which must be valid for
// `key` (else nothing is written and false is returned): the rest of the file is copied as
// it is, and the whole is written under a temporary name and renamed. Throws Error naming
// the file when it cannot be written.
bool writePreparedLinks(const QString& path, const QByteArray& key, const PreparedLinks& links);

// Where a project keeps its prepared network: beside the project file, "<project>.network".
QString preparedNetworkPathFor(const QString& projectPath);

}  // namespace maillage
