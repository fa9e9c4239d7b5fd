#pragma once
/// Makes the next training batches on a thread of its own while the model
/// trains on the current one (rendering is cheap next to a training step,
/// but not free). Batches come out in step order whatever the timing, so
/// training stays deterministic.
///
///     BatchPrefetcher prefetch(maker, firstStep, lastStep);
///     for (int64_t s = firstStep; s <= lastStep; ++s) train(prefetch.next());
///
/// Internal header of model/ (torch types).

#include "model/train/trainingbatch.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

namespace mplug2::model::train {

class BatchPrefetcher {
public:
    /// Batches for steps first..last (inclusive), at most `depth` made ahead.
    BatchPrefetcher(const BatchMaker &maker, int64_t first, int64_t last, int depth = 2);
    ~BatchPrefetcher();
    BatchPrefetcher(const BatchPrefetcher &) = delete;
    BatchPrefetcher &operator=(const BatchPrefetcher &) = delete;

    /// The next batch in step order (waits for it). Rethrows a failure of the maker.
    TrainingBatch next();

private:
    void run();

    const BatchMaker &m_maker;
    int64_t m_next;
    int64_t m_last;
    size_t m_depth;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<TrainingBatch> m_ready;
    std::exception_ptr m_failure;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace mplug2::model::train
