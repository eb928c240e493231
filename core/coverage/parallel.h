#pragma once

#include <QtGlobal>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace maillage {

// Calls work(i) for i in [0, count) on `threads` threads (the caller's included), handing out
// indices one at a time: the tasks here (GEOS overlays) have very uneven costs. The first
// error of any task is rethrown once every thread has stopped (no task is started after it).
template <typename Work>
void parallelFor(std::size_t count, int threads, const Work& work)
{
    threads = std::clamp(threads, 1, 64);
    if (threads == 1 || count < 2) {
        for (std::size_t i = 0; i < count; ++i) work(i);
        return;
    }
    std::atomic<std::size_t> next{0};
    std::mutex mutex;
    std::exception_ptr error;
    const auto worker = [&] {
        try {
            for (std::size_t i = next++; i < count; i = next++) work(i);
        } catch (...) {
            next = count;
            const std::lock_guard lock(mutex);
            if (!error) error = std::current_exception();
        }
    };
    std::vector<std::thread> pool;
    try {
        for (int t = 1; t < threads && std::size_t(t) < count; ++t) pool.emplace_back(worker);
    } catch (...) {
        next = count;  // a thread could not be started: stop those that were
        for (std::thread& thread : pool) thread.join();
        throw;
    }
    worker();
    for (std::thread& thread : pool) thread.join();
    if (error) std::rethrow_exception(error);
}

// Runs work() on `count` threads of their own while the caller goes on with something else
// (and, typically, calls work() too). wait() joins them and rethrows the first error any of
// them met; the destructor joins them too (after an error of the caller).
class Helpers {
public:
    template <typename Work>
    Helpers(int count, const Work& work)
    {
        try {
            for (int t = 0; t < count; ++t)
                // A copy of the work: the caller's callable may be a temporary gone before the threads run.
                threads_.emplace_back([this, work] {
                    try {
                        work();
                    } catch (...) {
                        const std::lock_guard lock(mutex_);
                        if (!error_) error_ = std::current_exception();
                    }
                });
        } catch (...) {
            join();  // a thread could not be started: those that were are waited for
            throw;
        }
    }
    ~Helpers() { join(); }
    Q_DISABLE_COPY(Helpers)

    void wait()
    {
        join();
        if (error_) std::rethrow_exception(error_);
    }

private:
    void join()
    {
        for (std::thread& thread : threads_)
            if (thread.joinable()) thread.join();
    }

    std::vector<std::thread> threads_;
    std::mutex mutex_;
    std::exception_ptr error_;
};

}  // namespace maillage
