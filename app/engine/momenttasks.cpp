#include "app/engine/momenttasks.h"

#include "app/engine/backendtasks.h"
#include "app/engine/imageconversion.h"
#include "media/preprocess/resize.h"
#include "media/preprocess/testtransforms.h"
#include "media/render/thumbnail.h"
#include "media/sampling/framesampler.h"
#include "media/video/videoreader.h"

#include <QCoreApplication>

#include <ATen/ATen.h>
#include <algorithm>
#include <cmath>
#include <deque>

namespace mplug2::app {

namespace {

struct MomentTasksText {
    Q_DECLARE_TR_FUNCTIONS(MomentTasks)
};

constexpr int kThumbnailSide = 256;
/// Moments per visual-encoder batch.
constexpr size_t kBatch = 8;

Expected<void> checkOptions(const MomentOptions &options)
{
    if (!(options.maxWindowSeconds >= 0.5) || options.maxWindowSeconds > 3600)
        return makeError(ErrorCode::InvalidArgument,
            MomentTasksText::tr("a moment window must be between 0.5 s and one hour").toStdString());
    if (!(options.analysisFps > 0) || options.analysisFps > 60)
        return makeError(ErrorCode::InvalidArgument,
            MomentTasksText::tr("the shot analysis rate must be above 0 and at most 60 frames per second")
                .toStdString());
    return {};
}

media::ShotDetectorOptions detectorOptions(const MomentOptions &options)
{
    media::ShotDetectorOptions d = media::ShotDetectorOptions::defaults();
    d.analysisFps = options.analysisFps;
    return d;
}

Expected<media::VideoReader> openVideo(const QString &path, RequestContext &context)
{
    Expected<media::VideoReader> reader = media::VideoReader::open(path.toStdString());
    if (!reader)
        return reader.error();
    reader->setCancelFlag(context.cancelFlag());
    return reader;
}

void reportSeconds(RequestContext &context, double seconds, double duration)
{
    context.progress(
        EngineStage::DecodingMedia, int(std::lround(seconds)), std::max(1, int(std::ceil(duration))));
}

/// An analysed frame kept until its moment closes: what the model sees of it
/// (the official video transform's nearest resize, done once) and a small picture.
struct KeptFrame {
    double seconds = 0;
    media::RgbImage model;
    media::RgbImage thumbnail;
};

} // namespace

Expected<std::vector<media::MomentSpan>> momentSpans(
    const QString &path, const MomentOptions &options, RequestContext &context)
{
    if (Expected<void> ok = checkOptions(options); !ok)
        return ok.error();
    Expected<media::VideoReader> reader = openVideo(path, context);
    if (!reader)
        return reader.error();
    const Expected<media::ShotScan> scan = media::scanShots(*reader, detectorOptions(options), {},
        [&](double seconds, double duration) { reportSeconds(context, seconds, duration); });
    if (!scan)
        return context.isCancelled() ? RequestContext::cancelledError() : scan.error();
    return media::momentsOf(*scan, options.maxWindowSeconds);
}

Expected<void> embedMoments(
    LoadedModel &model, const EngineRequest &request, RequestContext &context, EngineResult &result)
{
    if (Expected<void> ok = checkOptions(request.moments); !ok)
        return ok;
    Expected<media::VideoReader> reader = openVideo(request.media.path, context);
    if (!reader)
        return reader.error();
    const int frames = request.media.numFrames > 0 ? request.media.numFrames : model.numFrames;
    const int res = model.imageRes;
    std::deque<KeptFrame> kept;
    media::MomentSplitter splitter(request.moments.maxWindowSeconds);
    std::vector<media::MomentSpan> waiting; // closed, not embedded yet
    std::vector<std::vector<media::RgbImage>> waitingFrames;
    std::vector<media::RgbImage> waitingThumbs;

    // Without captions the moments go through the visual encoder in one batch; with them each is
    // encoded on its own, as a caption request would see it, and that one encode gives its vector too.
    auto embedBatch = [&]() -> Expected<std::vector<QList<float>>> {
        std::vector<float> batch;
        for (const std::vector<media::RgbImage> &clip : waitingFrames) {
            Expected<media::PixelBatch> px = media::videoTestTransform(clip, res);
            if (!px)
                return px.error();
            batch.insert(batch.end(), px->data.begin(), px->data.end());
        }
        const at::Tensor pixels
            = at::from_blob(batch.data(), {int64_t(waiting.size()), 3, frames, res, res}, at::kFloat).clone();
        Expected<model::VisualFeatures> features = model.net->encodeForEmbedding(pixels);
        if (!features)
            return features.error();
        context.counters().visualEncoderRuns.fetch_add(1);
        const Expected<at::Tensor> clip = model.net->mediaEmbedding(*features);
        if (!clip)
            return clip.error();
        const at::Tensor vectors = clip->to(at::kFloat).contiguous();
        const int64_t dim = vectors.size(1);
        std::vector<QList<float>> rows;
        for (int64_t i = 0; i < vectors.size(0); ++i) {
            const float *row = vectors.data_ptr<float>() + i * dim;
            rows.emplace_back(row, row + dim);
        }
        return rows;
    };
    auto embedAndCaption = [&](size_t i, MomentEmbedding &m) -> Expected<void> {
        MediaFrames one;
        one.frames = waitingFrames[i];
        Expected<media::PixelBatch> px = media::videoTestTransform(one.frames, res);
        if (!px)
            return px.error();
        one.pixels = std::move(*px);
        one.durationSeconds = m.endSeconds - m.startSeconds;
        Expected<VisualEmbedding> visual = VisualEmbedding::compute(model, std::move(one), context);
        if (!visual)
            return visual.error();
        m.embedding = visual->clip;
        EngineRequest caption = EngineRequest::caption(request.media.path);
        caption.generation = request.generation;
        EngineResult captioned;
        if (Expected<void> ok = runCaption(model, caption, *visual, context, captioned); !ok)
            return ok;
        m.caption = captioned.items.value(0).text;
        return {};
    };
    auto embedWaiting = [&]() -> Expected<void> {
        if (waiting.empty())
            return {};
        std::vector<QList<float>> vectors;
        if (!request.moments.captions) {
            Expected<std::vector<QList<float>>> batch = embedBatch();
            if (!batch)
                return batch.error();
            vectors = std::move(*batch);
        }
        for (size_t i = 0; i < waiting.size(); ++i) {
            if (context.isCancelled())
                return RequestContext::cancelledError();
            MomentEmbedding m;
            m.startSeconds = waiting[i].start;
            m.endSeconds = waiting[i].end;
            m.shot = waiting[i].shot;
            m.thumbnail = toQImage(waitingThumbs[i]);
            if (request.moments.captions) {
                if (Expected<void> ok = embedAndCaption(i, m); !ok)
                    return ok;
            } else {
                m.embedding = std::move(vectors[i]);
            }
            result.moments.append(std::move(m));
        }
        waiting.clear();
        waitingFrames.clear();
        waitingThumbs.clear();
        return {};
    };

    // A closed moment: `frames` picks of its analysed frames, evenly spread in time.
    auto take = [&](const std::vector<media::MomentSpan> &closed) -> Expected<void> {
        for (const media::MomentSpan &m : closed) {
            std::vector<const KeptFrame *> inside;
            for (const KeptFrame &f : kept)
                if (f.seconds >= m.start - 1e-9 && f.seconds < m.end - 1e-9)
                    inside.push_back(&f);
            if (inside.empty()) // a moment shorter than the analysis step: the frame before it
                for (const KeptFrame &f : kept)
                    if (f.seconds < m.end)
                        inside = {&f};
            if (inside.empty())
                continue;
            std::vector<media::RgbImage> picks;
            for (double t : media::uniformTimes(frames, m.end - m.start)) {
                const double at = m.start + t;
                const KeptFrame *best = inside.front();
                for (const KeptFrame *f : inside)
                    if (std::abs(f->seconds - at) < std::abs(best->seconds - at))
                        best = f;
                picks.push_back(best->model);
            }
            waiting.push_back(m);
            waitingFrames.push_back(std::move(picks));
            waitingThumbs.push_back(inside[inside.size() / 2]->thumbnail);
            while (!kept.empty() && kept.front().seconds < m.end - 1e-9)
                kept.pop_front();
            if (waiting.size() >= kBatch)
                if (Expected<void> ok = embedWaiting(); !ok)
                    return ok;
        }
        return {};
    };

    const Expected<media::ShotScan> scan = media::scanShots(
        *reader, detectorOptions(request.moments),
        [&](const media::VideoFrame &f, bool cut) -> Expected<void> {
            const std::vector<media::MomentSpan> closed = splitter.add(f.seconds, cut);
            if (!closed.empty())
                if (Expected<void> ok = take(closed); !ok)
                    return ok;
            KeptFrame k;
            k.seconds = f.seconds;
            k.model = media::resizeNearestLegacy(f.image, res, res);
            k.thumbnail = media::fitWithin(f.image, kThumbnailSide, kThumbnailSide);
            kept.push_back(std::move(k));
            return {};
        },
        [&](double seconds, double duration) { reportSeconds(context, seconds, duration); });
    if (!scan)
        return context.isCancelled() ? RequestContext::cancelledError() : scan.error();
    if (Expected<void> ok = take(splitter.finish(scan->durationSeconds)); !ok)
        return ok;
    return embedWaiting();
}

} // namespace mplug2::app
