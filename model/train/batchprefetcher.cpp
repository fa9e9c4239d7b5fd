#include "model/train/batchprefetcher.h"

#include <torch/torch.h>

namespace mplug2::model::train {

BatchPrefetcher::BatchPrefetcher(const BatchMaker &maker, int64_t first, int64_t last, int depth)
    : m_maker(maker)
    , m_next(first)
    , m_last(last)
    , m_depth(size_t(std::max(1, depth)))
    , m_thread([this] { run(); })
{ }

BatchPrefetcher::~BatchPrefetcher()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

void BatchPrefetcher::run()
{
    for (;;) {
        int64_t step = 0;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return m_stopping || m_ready.size() < m_depth; });
            if (m_stopping || m_next > m_last)
                return;
            step = m_next++;
        }
        try {
            TrainingBatch batch = m_maker.make(step);
            std::lock_guard lock(m_mutex);
            m_ready.push_back(std::move(batch));
        } catch (...) {
            std::lock_guard lock(m_mutex);
            m_failure = std::current_exception();
            m_stopping = true;
        }
        m_changed.notify_all();
    }
}

TrainingBatch BatchPrefetcher::next()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return !m_ready.empty() || m_failure; });
    if (m_ready.empty())
        std::rethrow_exception(m_failure);
    TrainingBatch batch = std::move(m_ready.front());
    m_ready.pop_front();
    lock.unlock();
    m_changed.notify_all();
    return batch;
}

} // namespace mplug2::model::train
