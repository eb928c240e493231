#pragma once

#include <QString>

#include <cstdint>

namespace maillage {

// The memory a computation may use: MAILLAGE_MEMORY_MB when set, else 4 GB (half the
// machine's memory when it has less than 8 GB). Work that would need more (a grid of too small
// cells, a road file too large) is refused before allocating, with a message that says how much
// it would need and how to change the budget.
std::uint64_t memoryBudgetBytes();

// The memory the system could give now without swapping (Linux: MemAvailable), 0 when unknown.
std::uint64_t availableMemoryBytes();

// "1.2 GB", "850 MB" or "565 kB", for the messages.
QString memoryText(double bytes);

}  // namespace maillage
