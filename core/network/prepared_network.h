#pragma once

// A prepared network: the road network a project computes on (the file read with its
// profile, plus town connectors), written once as a versioned binary file and mapped into
// memory by every later command, like OSRM's extract files. Reading a regional OSM file
// takes seconds to tens of seconds; reading its prepared network takes milliseconds.
//
// The file also holds the graph's spatial index (network/snapping.h), which every command
// would otherwise build again. The file is keyed by everything the network depends on: the network file's identity
// (size, modification time, SHA-1 of its content), the speed profile's content, the line
// layer options (field mapping), and the towns the connectors were built for. A file whose
// key differs, that is truncated, corrupt (payload checksum) or of another format version is
// not used: the caller rebuilds it, and the reason is given as a note, never a crash.

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
constexpr quint32 kPreparedNetworkVersion = 2;

// A digest of everything the prepared network depends on (see above). Throws Error naming
// the network file when it cannot be read.
QByteArray preparedNetworkKey(const QString& networkPath, const SpeedProfile& profile, const LineLayerOptions& lineOptions,
                              const std::vector<TownAnchor>& towns);

struct PreparedNetwork {
    NetworkInput network;
    TownConnectorStats connectors;
    // Snapper::toBytes of the graph built from `network`: the spatial index places are joined
    // to the roads with. It depends on nothing but the network, so the key covers it. Road
    // closures (scenarios) are applied after loading and are not in the key: a command that
    // closes roads builds its index again (see GraphTravelEngine).
    std::vector<char> spatialIndex;
};

// Reads `path` if it is a valid prepared network for `key`; otherwise returns nullopt and,
// when given, sets `note` to why ("none yet", "made from other data or settings",
// "truncated", "corrupt", "older format version"...).
std::optional<PreparedNetwork> readPreparedNetwork(const QString& path, const QByteArray& key, QString* note = nullptr);

// Writes the prepared network under a temporary name in the same folder, then renames it:
// a reader never sees a partial file. Throws Error naming the file when it cannot be written.
void writePreparedNetwork(const QString& path, const QByteArray& key, const PreparedNetwork& prepared);

// Where a project keeps its prepared network: beside the project file, "<project>.network".
QString preparedNetworkPathFor(const QString& projectPath);

}  // namespace maillage
