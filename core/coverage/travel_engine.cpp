#include "coverage/travel_engine.h"

namespace maillage {

void drivingMetresToNearest(const TravelEngine& engine, std::span<const AccessLink> origins,
                            std::span<const std::uint32_t> nearest, std::span<const AccessLink> targets,
                            std::span<double> metres)
{
    // The origins grouped by the target they reach: one backward search per target.
    std::vector<std::vector<std::size_t>> byTarget(targets.size());
    for (std::size_t i = 0; i < origins.size() && i < nearest.size(); ++i)
        if (nearest[i] < targets.size()) byTarget[nearest[i]].push_back(i);
    std::vector<AccessLink> from;
    for (std::size_t t = 0; t < targets.size(); ++t) {
        if (byTarget[t].empty()) continue;
        from.clear();
        for (std::size_t i : byTarget[t]) from.push_back(origins[i]);
        const std::vector<double> toTarget = engine.drivingMetresTo(from, targets[t]);
        for (std::size_t k = 0; k < byTarget[t].size(); ++k) metres[byTarget[t][k]] = toTarget[k];
    }
}

}  // namespace maillage
