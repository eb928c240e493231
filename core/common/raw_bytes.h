#pragma once

// Arrays of plain values written to bytes as they are in memory, and read back: how the
// prepared network file holds the spatial index and the grid links (read in one copy, no
// parsing). Only types without padding belong here: what a padding byte holds would go to disk.
#include <cstdint>
#include <cstring>
#include <span>
#include <type_traits>
#include <vector>

namespace maillage::raw_bytes {

template <typename T>
void append(std::vector<char>& bytes, const T* data, std::size_t count)
{
    static_assert(std::is_trivially_copyable_v<T>);
    const auto* raw = reinterpret_cast<const char*>(data);
    bytes.insert(bytes.end(), raw, raw + sizeof(T) * count);
}

// The vector's size, then its values.
template <typename T>
void appendVector(std::vector<char>& bytes, const std::vector<T>& values)
{
    const std::uint64_t size = values.size();
    append(bytes, &size, 1);
    append(bytes, values.data(), values.size());
}

// Reads `count` values from the front of `bytes`, which shrinks; false when too short.
template <typename T>
bool read(std::span<const char>& bytes, T* out, std::size_t count)
{
    static_assert(std::is_trivially_copyable_v<T>);
    if (count > bytes.size() / sizeof(T)) return false;
    std::memcpy(static_cast<void*>(out), bytes.data(), sizeof(T) * count);
    bytes = bytes.subspan(sizeof(T) * count);
    return true;
}

// A vector written by appendVector; false when the bytes are too short for the size they say.
template <typename T>
bool readVector(std::span<const char>& bytes, std::vector<T>& values)
{
    std::uint64_t size = 0;
    if (!read(bytes, &size, 1) || size > bytes.size() / sizeof(T)) return false;
    values.resize(size);
    return read(bytes, values.data(), size);
}

}  // namespace maillage::raw_bytes
