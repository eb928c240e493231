#include "coverage/territory_network.h"

#include "common/error.h"
#include "coverage/coverage_run.h"
#include "coverage/population.h"
#include "geo/territory.h"
#include "network/prepared_network.h"
#include "network/road_graph.h"
#include "network/snapping.h"
#include "network/speed_profile.h"

namespace maillage {

std::vector<TownAnchor> townAnchors(const Territory& territory, const TownHalls& townHalls)
{
    std::vector<TownAnchor> towns;
    for (std::size_t c = 0; c < territory.communes.size() && c < townHalls.known.size(); ++c) {
        if (!townHalls.known[c]) continue;  // a point inside the commune is no town centre
        towns.push_back({territory.communes[c].name, townHalls.positions[c], double(territory.communes[c].population)});
    }
    return towns;
}

NetworkInput loadTerritoryNetwork(const QString& path, const SpeedProfile& profile, const LineLayerOptions& lineOptions,
                                  const std::vector<TownAnchor>& towns, TownConnectorStats* connectorStats)
{
    return loadTerritoryNetwork(path, profile, lineOptions, towns, connectorStats, PreparedNetworkRequest{});
}

NetworkInput loadTerritoryNetwork(const QString& path, const SpeedProfile& profile, const LineLayerOptions& lineOptions,
                                  const std::vector<TownAnchor>& towns, TownConnectorStats* connectorStats,
                                  const PreparedNetworkRequest& prepared, PreparedNetworkOutcome* outcome)
{
    PreparedNetworkOutcome result;
    QByteArray key;
    NetworkFileIdentity source;
    if (!prepared.path.isEmpty()) {
        // On request the file is hashed again too (see networkFileIdentity).
        source = networkFileIdentity(path, prepared.rebuild ? QString() : prepared.path);
        key = preparedNetworkKey(source, profile, lineOptions, towns);
        if (!prepared.rebuild) {
            if (std::optional<PreparedNetwork> read = readPreparedNetwork(prepared.path, key, &result.note)) {
                result.reused = true;
                result.spatialIndex = std::move(read->spatialIndex);
                result.links = std::move(read->links);
                result.path = prepared.path;
                result.key = key;
                if (connectorStats) *connectorStats = read->connectors;
                if (outcome) *outcome = std::move(result);
                return std::move(read->network);
            }
        } else {
            result.note = QStringLiteral("prepared network %1 rebuilt on request").arg(prepared.path);
        }
    }
    LineLayerOptions lines = lineOptions;
    lines.progress = prepared.progress;
    OsmExtractOptions osm;
    osm.progress = prepared.progress;
    PreparedNetwork built;
    built.network = extractNetwork(path, profile, lines, osm);
    built.connectors = addTownConnectors(built.network, towns, profile);
    if (connectorStats) *connectorStats = built.connectors;
    if (!prepared.path.isEmpty()) {
        {
            const RoadGraph graph(built.network);
            built.spatialIndex = Snapper(graph).toBytes();
        }
        result.spatialIndex = built.spatialIndex;
        built.source = source;
        try {
            writePreparedNetwork(prepared.path, key, built);
            result.written = true;
            result.path = prepared.path;
            result.key = key;
        } catch (const Error& error) {
            result.note = error.message();
        }
    }
    if (outcome) *outcome = std::move(result);
    return std::move(built.network);
}

QString keepCoverageLinks(const PreparedNetworkOutcome& prepared, const CoverageContext& context)
{
    if (prepared.path.isEmpty() || context.linksReused()) return {};
    try {
        if (!writePreparedLinks(prepared.path, prepared.key, context.preparedLinks()))
            return QStringLiteral("prepared network %1 changed meanwhile: the grid's links were not kept")
                .arg(prepared.path);
    } catch (const Error& error) {
        return error.message();
    }
    return {};
}

}  // namespace maillage
