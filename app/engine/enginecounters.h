#pragma once
/// Counters the engine keeps while it works, for tests ("the visual encoder
/// ran once") and status displays. The backend increments them on the worker
/// thread; Engine::stats() reads a snapshot from any thread.
///
///     const EngineStats s = engine.stats();
///     qDebug() << s.visualEncoderRuns << s.visualCacheHits;

#include <QtGlobal>

#include <atomic>

namespace mplug2::app {

struct EngineStats {
    qint64 visualEncoderRuns = 0; ///< media that went through the visual encoder
    qint64 visualCacheHits = 0; ///< media whose visual embedding came from the cache
    qint64 textEncoderRuns = 0; ///< questions and texts encoded
    qint64 decoderSteps = 0; ///< decoder forward passes (one per generated position)
    qint64 requestsFinished = 0;
    qint64 requestsFailed = 0;
    qint64 requestsCancelled = 0;
};

struct EngineCounters {
    std::atomic<qint64> visualEncoderRuns {0};
    std::atomic<qint64> visualCacheHits {0};
    std::atomic<qint64> textEncoderRuns {0};
    std::atomic<qint64> decoderSteps {0};
    std::atomic<qint64> requestsFinished {0};
    std::atomic<qint64> requestsFailed {0};
    std::atomic<qint64> requestsCancelled {0};

    EngineStats snapshot() const
    {
        return {visualEncoderRuns.load(), visualCacheHits.load(), textEncoderRuns.load(), decoderSteps.load(),
            requestsFinished.load(), requestsFailed.load(), requestsCancelled.load()};
    }
};

} // namespace mplug2::app
