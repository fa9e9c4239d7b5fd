#include "app/engine/mplug2backend.h"

#include "app/engine/backendtasks.h"
#include "app/engine/imageconversion.h"
#include "app/engine/lrucache.h"
#include "app/engine/mediaidentity.h"
#include "app/engine/memorycheck.h"
#include "app/engine/momenttasks.h"
#include "media/render/thumbnail.h"
#include "model/memoryestimate.h"
#include "model/runtime/exceptiontext.h"
#include "model/runtime/memorystats.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cmath>

namespace mplug2::app {

namespace {

struct Mplug2BackendText {
    Q_DECLARE_TR_FUNCTIONS(Mplug2Backend)
};

using VisualCache = LruCache<QString, std::shared_ptr<const VisualEmbedding>>;

constexpr int kMaxWindows = 10000;
/// The longest side of a dense-caption window's thumbnail (CaptionSegment::thumbnail).
constexpr int kWindowThumbnail = 160;

/// At most this many media go through the visual encoder in one batch (the
/// memory that is free may allow fewer). On a GPU a batch fills the device.
/// On the CPU it does not pay: Base in bf16, 16 frames, took 2.24 s a video
/// alone, 2.30 s in batches of 2 and 2.35 s in batches of 4 (AMD EPYC, 2
/// threads), so the CPU encodes one at a time. $MPLUG2_VISUAL_BATCH sets
/// the most on either (tests exercise batches on the CPU with it).
int mostVisualBatch(const DeviceChoice &device)
{
    bool ok = false;
    const int forced = qEnvironmentVariableIntValue("MPLUG2_VISUAL_BATCH", &ok);
    if (ok && forced >= 1)
        return std::min(forced, 64);
    return device.kind == DeviceKind::Cuda ? 16 : 1;
}

/// Everything that changes what the visual encoder sees or computes.
QString cacheKey(const MediaIdentity &identity, const MediaInput &input, int frames, const LoadedModel &model,
    VisualDepth depth)
{
    return QStringLiteral("%1|%2|%3|%4|%5|%6|%7|%8|%9")
        .arg(identity.key())
        .arg(frames)
        .arg(int(input.sampling))
        .arg(input.startSeconds, 0, 'g', 17)
        .arg(input.endSeconds, 0, 'g', 17)
        .arg(int(input.imageTransform))
        .arg(model.imageRes)
        .arg(model.cacheKey)
        .arg(depth == VisualDepth::Full ? QStringLiteral("full") : QStringLiteral("embedding"));
}

/// What a task needs of the visual encoder: an embedding needs only the CLIP vector.
VisualDepth depthFor(const EngineRequest &request)
{
    return request.task == TaskKind::EmbedMedia ? VisualDepth::Embedding : VisualDepth::Full;
}

} // namespace

struct Mplug2Backend::State {
    std::unique_ptr<LoadedModel> model;
    VisualCache cache {qint64(256) << 20};

    int framesOf(const MediaInput &input) const
    {
        return input.numFrames > 0 ? input.numFrames : model->numFrames;
    }

    /// The cache key of `input` at `depth`; empty for a medium without an identity (not cached).
    QString keyOf(const MediaInput &input, VisualDepth depth) const
    {
        const MediaIdentity identity = MediaIdentity::of(input.path);
        return identity.isValid() ? cacheKey(identity, input, framesOf(input), *model, depth) : QString();
    }

    /// A cached encoding of `input` that serves `depth` (a full one serves an embedding too).
    const std::shared_ptr<const VisualEmbedding> *cached(const MediaInput &input, VisualDepth depth)
    {
        const QString full = keyOf(input, VisualDepth::Full);
        if (full.isEmpty())
            return nullptr;
        if (const std::shared_ptr<const VisualEmbedding> *hit = cache.find(full))
            return hit;
        return depth == VisualDepth::Embedding ? cache.find(keyOf(input, depth)) : nullptr;
    }

    /// The medium's visual embedding, from the cache or computed (and cached).
    /// An embedding-only request is encoded in one batch with the embedding
    /// requests queued behind it, whose media then wait in the cache.
    Expected<std::shared_ptr<const VisualEmbedding>> visualFor(
        const MediaInput &input, RequestContext &context, EngineResult &result, VisualDepth depth)
    {
        const int frames = framesOf(input);
        if (const std::shared_ptr<const VisualEmbedding> *hit = cached(input, depth)) {
            context.counters().visualCacheHits.fetch_add(1);
            result.visualCacheHit = true;
            return *hit;
        }
        QElapsedTimer clock;
        clock.start();
        context.progress(EngineStage::DecodingMedia, 0, frames);
        Expected<MediaFrames> decoded
            = MediaFrames::decode(input, frames, model->imageRes, context.cancelFlag());
        if (!decoded)
            return decoded.error();
        context.progress(EngineStage::DecodingMedia, frames, frames);
        std::vector<MediaFrames> batch;
        std::vector<QString> batchKeys;
        batch.push_back(std::move(*decoded));
        if (depth == VisualDepth::Embedding)
            gatherBatch(input, context, batch, batchKeys);
        result.timings.decodeMs += elapsedMs(clock);
        if (context.isCancelled())
            return RequestContext::cancelledError();
        clock.restart();
        Expected<std::vector<VisualEmbedding>> visual
            = VisualEmbedding::computeBatch(*model, std::move(batch), context, depth);
        if (!visual)
            return visual.error();
        result.timings.visualMs += elapsedMs(clock);
        result.visualBatch = int(visual->size());
        std::vector<std::shared_ptr<const VisualEmbedding>> shared;
        for (VisualEmbedding &v : *visual)
            shared.push_back(std::make_shared<const VisualEmbedding>(std::move(v)));
        for (size_t i = 0; i < batchKeys.size(); ++i)
            cache.insert(batchKeys[i], shared[i + 1], shared[i + 1]->bytes());
        const QString key = keyOf(input, depth);
        if (!key.isEmpty())
            cache.insert(key, shared.front(), shared.front()->bytes());
        return shared.front();
    }

    /// Decodes, behind `first`'s frames in `batch`, the media of the embedding
    /// requests queued next that are not cached yet and have the same shape,
    /// as many as memory and the cache allow; their keys go to `keys`. A
    /// medium that fails to decode is left out: its own request reports why.
    void gatherBatch(const MediaInput &first, RequestContext &context, std::vector<MediaFrames> &batch,
        std::vector<QString> &keys)
    {
        const bool cuda = model->device.kind == DeviceKind::Cuda;
        const int most = model->info.visualBatch <= 1
            ? 1
            : visualBatchFor(model->config(), model->device, framesOf(first),
                model::availableMemoryBytes(cuda, model->device.index), model->info.visualBatch);
        if (most <= 1)
            return;
        const QList<EngineRequest> next = context.following(
            most - 1, [](const EngineRequest &r) { return r.task == TaskKind::EmbedMedia; });
        // What a decoded medium holds until its encoding is cached: the pixels and the frames.
        const auto footprint = [](const MediaFrames &m) {
            qint64 total = qint64(m.pixels.data.size()) * qint64(sizeof(float));
            for (const media::RgbImage &f : m.frames)
                total += qint64(f.pixels.size());
            return total;
        };
        qint64 bytes = footprint(batch.front());
        const QString firstKey = keyOf(first, VisualDepth::Embedding);
        for (const EngineRequest &r : next) {
            if (context.isCancelled())
                return;
            // Each medium once: a second request for one (another embedding kind) finds it in the cache.
            const QString key = keyOf(r.media, VisualDepth::Embedding);
            if (key.isEmpty() || key == firstKey || cached(r.media, VisualDepth::Embedding)
                || framesOf(r.media) != framesOf(first)
                || std::find(keys.begin(), keys.end(), key) != keys.end())
                continue;
            Expected<MediaFrames> decoded
                = MediaFrames::decode(r.media, framesOf(r.media), model->imageRes, context.cancelFlag());
            if (!decoded || decoded->pixels.frames != batch.front().pixels.frames
                || decoded->pixels.height != batch.front().pixels.height
                || decoded->pixels.width != batch.front().pixels.width)
                continue;
            const qint64 more = footprint(*decoded);
            // Every medium of the batch must still be in the cache when its request runs.
            if (bytes + more > cache.capacity() / 2)
                break;
            bytes += more;
            keys.push_back(key);
            batch.push_back(std::move(*decoded));
        }
    }

    Expected<void> denseCaption(const EngineRequest &request, RequestContext &context, EngineResult &result)
    {
        const Expected<double> duration = MediaFrames::duration(request.media.path);
        if (!duration)
            return duration.error();
        if (*duration <= 0)
            return makeError(ErrorCode::InvalidArgument,
                Mplug2BackendText::tr("%1 is a picture: dense captions need a video")
                    .arg(request.media.path)
                    .toStdString());
        if (!(request.windowSeconds > 0))
            return makeError(ErrorCode::InvalidArgument,
                Mplug2BackendText::tr("the caption window must be longer than 0 s").toStdString());
        // Fixed windows every stride, or one per moment (shots, long ones cut at the window).
        QList<std::pair<double, double>> spans;
        if (request.captionWindows == CaptionWindows::Shots) {
            MomentOptions moments = request.moments;
            moments.maxWindowSeconds = request.windowSeconds;
            const Expected<std::vector<media::MomentSpan>> found
                = momentSpans(request.media.path, moments, context);
            if (!found)
                return found.error();
            for (const media::MomentSpan &m : *found)
                spans.append({m.start, m.end});
        } else {
            const double stride = request.strideSeconds > 0 ? request.strideSeconds : request.windowSeconds;
            const double count = std::ceil(*duration / stride - 1e-9);
            if (count > kMaxWindows)
                return makeError(ErrorCode::LimitExceeded,
                    Mplug2BackendText::tr("%1 windows are too many (at most %2): choose a longer window")
                        .arg(qint64(count))
                        .arg(kMaxWindows)
                        .toStdString());
            for (int k = 0; k < int(count); ++k)
                spans.append({k * stride, std::min(*duration, k * stride + request.windowSeconds)});
        }
        const int windows = int(spans.size());
        result.windowCount = windows;
        // What is done stays done: stopped by a cancel, the request ends with the windows finished so far.
        const auto stopped = [&result](const Error &error) -> Expected<void> {
            if (error.code != ErrorCode::Cancelled || result.segments.isEmpty())
                return error;
            result.partial = true;
            return {};
        };
        for (int k = 0; k < windows; ++k) {
            context.setWindow(k + 1, windows);
            context.progress(EngineStage::Windows, k, windows);
            if (context.isCancelled())
                return stopped(RequestContext::cancelledError());
            MediaInput input = request.media;
            input.startSeconds = spans.at(k).first;
            input.endSeconds = spans.at(k).second;
            Expected<std::shared_ptr<const VisualEmbedding>> visual
                = visualFor(input, context, result, VisualDepth::Full);
            if (!visual)
                return stopped(visual.error());
            const VisualEmbedding &v = **visual;
            // Each window is the caption of that window alone, with its maps when they were asked for.
            EngineResult window;
            if (Expected<void> ok = runCaption(*model, request, v, context, window); !ok)
                return stopped(ok.error());
            result.timings.generateMs += window.timings.generateMs;
            result.timings.attentionMs += window.timings.attentionMs;
            CaptionSegment segment;
            segment.startSeconds = input.startSeconds;
            segment.endSeconds = input.endSeconds;
            segment.caption = window.items.value(0);
            segment.geometry = v.geometry;
            segment.attention = std::move(window.attention);
            if (!v.frames.empty())
                segment.thumbnail = toQImage(
                    media::fitWithin(v.frames[v.frames.size() / 2], kWindowThumbnail, kWindowThumbnail));
            result.segments.append(std::move(segment));
        }
        context.progress(EngineStage::Windows, windows, windows);
        // A cancel that came after the last window still ends the request cancelled: keep them all.
        result.partial = context.isCancelled();
        return {};
    }

    Expected<void> runOnMedia(const EngineRequest &request, RequestContext &context, EngineResult &result)
    {
        Expected<std::shared_ptr<const VisualEmbedding>> visual
            = visualFor(request.media, context, result, depthFor(request));
        if (!visual)
            return visual.error();
        const VisualEmbedding &v = **visual;
        result.geometry = v.geometry;
        if (request.returnFrames)
            for (const media::RgbImage &f : v.frames)
                result.frames.append(toQImage(f));
        switch (request.task) {
        case TaskKind::Caption:
            return runCaption(*model, request, v, context, result);
        case TaskKind::Answer:
            return runAnswer(*model, request, v, context, result);
        case TaskKind::Classify:
            return runClassify(*model, request, v, context, result);
        case TaskKind::ScoreTexts:
            return runScoreTexts(*model, request, v, context, result);
        case TaskKind::EmbedMedia:
            result.mediaEmbedding = v.clip;
            // Every video with a length has moments (a one-frame clip too); a picture has none.
            if (request.moments.enabled) {
                const Expected<double> length = MediaFrames::duration(request.media.path);
                if (length && *length > 0)
                    return embedMoments(*model, request, context, result);
            }
            return {};
        case TaskKind::Faithfulness:
            return runFaithfulness(*model, request, v, context, result);
        case TaskKind::DenseCaption:
        case TaskKind::EmbedTexts:
            break;
        }
        return makeError(ErrorCode::Internal, "unhandled task");
    }
};

Mplug2Backend::Mplug2Backend()
    : m_state(std::make_unique<State>())
{ }

Mplug2Backend::~Mplug2Backend() = default;

Expected<ModelInfo> Mplug2Backend::load(
    const ModelBundle &bundle, const DeviceChoice &device, RequestContext &context)
{
    unload();
    Expected<std::unique_ptr<LoadedModel>> loaded = LoadedModel::load(bundle, device, context);
    if (!loaded)
        return loaded.error();
    m_state->model = std::move(*loaded);
    m_state->model->info.visualBatch = mostVisualBatch(m_state->model->device);
    return m_state->model->info;
}

void Mplug2Backend::unload()
{
    m_state->cache.clear();
    m_state->model.reset();
}

Expected<EngineResult> Mplug2Backend::run(const EngineRequest &request, RequestContext &context)
{
    if (!m_state->model)
        return makeError(ErrorCode::InvalidArgument,
            Mplug2BackendText::tr("no model is loaded: load a model bundle first").toStdString());
    const LoadedModel &loaded = *m_state->model;
    EngineResult result;
    result.task = request.task;
    result.media = request.media.path;
    result.mediaInput = request.media;
    result.device = loaded.device.deviceName();
    result.precision = precisionName(loaded.device.precision);
    result.modelId = loaded.bundle.id;
    Expected<void> ok;
    try {
        ok = request.task == TaskKind::EmbedTexts ? runEmbedTexts(*m_state->model, request, context, result)
            : request.task == TaskKind::DenseCaption ? m_state->denseCaption(request, context, result)
                                                     : m_state->runOnMedia(request, context, result);
    } catch (const std::exception &e) {
        ok = makeError(
            model::isOutOfMemory(e) ? ErrorCode::OutOfMemory : ErrorCode::Internal, model::exceptionText(e));
    }
    if (!ok && ok.error().code == ErrorCode::OutOfMemory) {
        // Free what we hold and what the allocator caches, so that a retry
        // with fewer frames, or on the CPU, has the memory.
        m_state->cache.clear();
        const DeviceChoice &d = loaded.device;
        if (d.kind == DeviceKind::Cuda)
            model::releaseCachedMemory(c10::Device(c10::DeviceType::CUDA, c10::DeviceIndex(d.index)));
        return makeError(ErrorCode::OutOfMemory,
            Mplug2BackendText::tr(
                "%1 ran out of memory: fewer frames, a smaller precision or the CPU may work")
                    .arg(d.deviceName())
                    .toStdString()
                + '\n' + ok.error().message);
    }
    if (!ok)
        return ok.error();
    return result;
}

void Mplug2Backend::setVisualCacheCapacity(qint64 bytes)
{
    m_state->cache.setCapacity(bytes);
}

} // namespace mplug2::app
