#pragma once
// An inference backend whose timing tests control, for the engine and for the
// consumers of its request handles (index job, search, CLI session).
#include "app/engine/engine.h"

#include <QList>
#include <QMutex>
#include <QThread>

#include <stdexcept>

namespace mplug2::app::testing {

/// Works for `generation.maxLength` steps of 10 ms each, polling the cancel
/// flag between steps like the real decoder; records the order it ran things
/// in. A media path "missing.mp4" fails, "throws.mp4" throws; a bundle "broken"
/// fails to load, "huge" runs out of memory, "slow" takes 10 s to load.
class ScriptedBackend : public InferenceBackend {
public:
    explicit ScriptedBackend(QList<QString> *log = nullptr, QMutex *logMutex = nullptr)
        : m_log(log)
        , m_logMutex(logMutex)
    { }
    Expected<ModelInfo> load(
        const ModelBundle &bundle, const DeviceChoice &device, RequestContext &ctx) override
    {
        record(QStringLiteral("load ") + bundle.id);
        if (bundle.id == QLatin1String("broken"))
            return makeError(
                ErrorCode::Format, "the checkpoint is damaged\nkey x has shape [3] instead of [4]");
        if (bundle.id == QLatin1String("huge"))
            return makeError(ErrorCode::OutOfMemory, "CUDA out of memory");
        if (bundle.id == QLatin1String("slow")) // 10 s in steps of 10 ms, like reading a big checkpoint
            for (int k = 0; k < 1000; ++k) {
                if (ctx.isCancelled())
                    return RequestContext::cancelledError();
                QThread::msleep(10);
            }
        ctx.progress(EngineStage::LoadingModel, 1, 1);
        ModelInfo info;
        info.bundle = bundle;
        info.device = device;
        return info;
    }
    void unload() override { record(QStringLiteral("unload")); }
    void setVisualCacheCapacity(qint64 bytes) override { record(QStringLiteral("cache %1").arg(bytes)); }

    Expected<EngineResult> run(const EngineRequest &request, RequestContext &ctx) override
    {
        record(QStringLiteral("run ") + request.media.path);
        if (request.media.path == QLatin1String("missing.mp4"))
            return makeError(ErrorCode::NotFound, "missing.mp4 does not exist");
        if (request.media.path == QLatin1String("throws.mp4"))
            throw std::runtime_error("boom");
        const int steps = request.generation.maxLength;
        for (int k = 0; k < steps; ++k) {
            if (ctx.isCancelled())
                return RequestContext::cancelledError();
            ctx.counters().decoderSteps.fetch_add(1);
            ctx.progress(EngineStage::Generating, k + 1, steps);
            QThread::msleep(10);
        }
        EngineResult r;
        r.media = request.media.path;
        r.items.append(ResultItem {request.media.path + QStringLiteral(" done"), -1.5, {101, 102}, {}});
        return r;
    }

private:
    void record(const QString &what)
    {
        if (!m_log)
            return;
        QMutexLocker lock(m_logMutex);
        m_log->append(what);
    }
    QList<QString> *m_log;
    QMutex *m_logMutex;
};

inline ModelBundle bundleNamed(const QString &id)
{
    ModelBundle b;
    b.id = id;
    return b;
}

inline EngineRequest work(
    const QString &name, int steps, RequestPriority priority = RequestPriority::Interactive)
{
    EngineRequest r = EngineRequest::caption(name);
    r.generation.maxLength = steps;
    r.priority = priority;
    return r;
}

} // namespace mplug2::app::testing
