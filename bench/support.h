#pragma once

// What the benchmarks share: clocks that count CPU time (the machine may be shared), a median,
// and a densified copy of a network (the vertex spacing of OpenStreetMap on coarse roads).

#include "network/network_builder.h"

#include <vector>

namespace maillage::bench {

// CPU time of the whole process (all threads), in ms: what the computation itself costs.
double processCpuMs();
// CPU time of the calling thread, in ms.
double threadCpuMs();

// The median (the mean of the two middle values for an even count); 0 when empty.
double median(std::vector<double> values);

// Splits every edge into straight pieces of at most `pieceMetres` along its shape, keeping its
// time, length, class and direction: the same roads with the vertex spacing of OpenStreetMap.
NetworkInput densify(const NetworkInput& in, double pieceMetres);

}  // namespace maillage::bench
