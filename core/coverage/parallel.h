#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace maillage {

// Calls work(i) for i in [0, count) on `threads` threads (the caller's included), handing out
// indices one at a time: the tasks here (GEOS overlays) have very uneven costs.
template <typename Work>
void parallelFor(std::size_t count, int threads, const Work& work)
{
    threads = std::clamp(threads, 1, 64);
    if (threads == 1 || count < 2) {
        for (std::size_t i = 0; i < count; ++i) work(i);
        return;
    }
    std::atomic<std::size_t> next{0};
    const auto worker = [&] {
        for (std::size_t i = next++; i < count; i = next++) work(i);
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < threads && std::size_t(t) < count; ++t) pool.emplace_back(worker);
    worker();
    for (std::thread& thread : pool) thread.join();
}

}  // namespace maillage
