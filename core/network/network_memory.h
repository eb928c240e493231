#pragma once

#include <QString>

#include <cstdint>

namespace maillage {

// What reading a road file may take in memory, estimated from its size and format before it is
// opened: measured peaks of `maillage network info` per byte of file (docs/BENCHMARKS.md).
// 0 when the format gives no estimate.
std::uint64_t estimatedReadingBytes(const QString& networkPath);

// Refuses, before anything is read, a road file whose reading would need more than the memory
// budget (common/memory_budget.h): throws Error naming the file, its size, the memory it would
// need and the budget, with how to change it or cut the file.
void requireMemoryToRead(const QString& networkPath);

// A warning when the reading fits the budget but not the memory free now (other programs hold
// it); empty otherwise.
QString memoryNote(const QString& networkPath);

}  // namespace maillage
