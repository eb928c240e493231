#pragma once

#include <cstdint>
#include <limits>
#include <vector>

namespace maillage {

// A 4-ary min-heap of (key, item) with decrease-key, for Dijkstra over integer times.
// Items are dense indices (graph nodes); a position array maps each item to its slot, so
// an item is never queued twice and the heap never holds more entries than items.
// 4-ary rather than binary: half the depth, and the four children share a cache line.
// Allocation happens only in reset(); a search reuses the heap run after run.
class MinHeap {
public:
    static constexpr std::uint32_t kAbsent = std::numeric_limits<std::uint32_t>::max();

    // Makes room for items [0, itemCount). The heap must be empty (or freshly made).
    void reset(std::uint32_t itemCount)
    {
        entries_.clear();
        entries_.reserve(itemCount);
        position_.assign(itemCount, kAbsent);
    }
    bool empty() const { return entries_.empty(); }
    std::size_t size() const { return entries_.size(); }
    std::uint32_t topKey() const { return entries_.front().key; }
    std::uint32_t topItem() const { return entries_.front().item; }
    bool contains(std::uint32_t item) const { return position_[item] != kAbsent; }

    // Inserts the item, or lowers its key when it is queued with a larger one.
    void pushOrDecrease(std::uint32_t item, std::uint32_t key)
    {
        std::uint32_t slot = position_[item];
        if (slot == kAbsent) {
            slot = static_cast<std::uint32_t>(entries_.size());
            entries_.push_back({key, item});
        } else if (key >= entries_[slot].key) {
            return;
        }
        siftUp(slot, {key, item});
    }

    // Removes and returns the item with the smallest key.
    std::uint32_t pop()
    {
        const Entry top = entries_.front();
        position_[top.item] = kAbsent;
        const Entry last = entries_.back();
        entries_.pop_back();
        if (!entries_.empty()) siftDown(0, last);
        return top.item;
    }

    std::size_t memoryBytes() const
    {
        return entries_.capacity() * sizeof(Entry) + position_.capacity() * sizeof(std::uint32_t);
    }

    // Empties the heap (e.g. after a search stopped early), keeping its memory.
    void clear()
    {
        for (const Entry& e : entries_) position_[e.item] = kAbsent;
        entries_.clear();
    }

private:
    struct Entry {
        std::uint32_t key;
        std::uint32_t item;
    };

    void siftUp(std::uint32_t slot, Entry entry)
    {
        while (slot > 0) {
            const std::uint32_t parent = (slot - 1) / 4;
            if (entries_[parent].key <= entry.key) break;
            place(slot, entries_[parent]);
            slot = parent;
        }
        place(slot, entry);
    }

    void siftDown(std::uint32_t slot, Entry entry)
    {
        const std::uint32_t count = static_cast<std::uint32_t>(entries_.size());
        for (;;) {
            const std::uint32_t first = 4 * slot + 1;
            if (first >= count) break;
            std::uint32_t best = first;
            std::uint32_t bestKey = entries_[first].key;
            const std::uint32_t end = first + 4 < count ? first + 4 : count;
            for (std::uint32_t c = first + 1; c < end; ++c)
                if (entries_[c].key < bestKey) {
                    best = c;
                    bestKey = entries_[c].key;
                }
            if (bestKey >= entry.key) break;
            place(slot, entries_[best]);
            slot = best;
        }
        place(slot, entry);
    }

    void place(std::uint32_t slot, Entry entry)
    {
        entries_[slot] = entry;
        position_[entry.item] = slot;
    }

    std::vector<Entry> entries_;
    std::vector<std::uint32_t> position_;
};

}  // namespace maillage
