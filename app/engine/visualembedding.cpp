#include "app/engine/visualembedding.h"

#include <ATen/ATen.h>

namespace mplug2::app {

namespace {

qint64 tensorBytes(const at::Tensor &t)
{
    return t.defined() ? t.numel() * qint64(t.element_size()) : 0;
}

/// Item `b` of a batched tensor on its own (a copy, so that it does not hold the batch's memory).
at::Tensor itemOf(const at::Tensor &t, int64_t b, int64_t batch)
{
    if (!t.defined() || batch == 1)
        return t;
    return t.narrow(0, b, 1).clone();
}

} // namespace

Expected<VisualEmbedding> VisualEmbedding::compute(
    LoadedModel &model, MediaFrames &&frames, RequestContext &context, VisualDepth depth)
{
    std::vector<MediaFrames> one;
    one.push_back(std::move(frames));
    Expected<std::vector<VisualEmbedding>> batch = computeBatch(model, std::move(one), context, depth);
    if (!batch)
        return batch.error();
    return std::move(batch->front());
}

Expected<std::vector<VisualEmbedding>> VisualEmbedding::computeBatch(
    LoadedModel &model, std::vector<MediaFrames> &&media, RequestContext &context, VisualDepth depth)
{
    const int64_t batch = int64_t(media.size());
    if (batch == 0)
        return std::vector<VisualEmbedding> {};
    context.progress(EngineStage::EncodingVisual, 0, 1);
    std::vector<at::Tensor> each;
    each.reserve(media.size());
    for (const MediaFrames &m : media)
        each.push_back(LoadedModel::pixelTensor(m.pixels));
    for (const at::Tensor &p : each)
        if (p.sizes() != each.front().sizes())
            return makeError(ErrorCode::InvalidArgument, "a visual batch needs media of one shape");
    at::Tensor pixels = batch == 1 ? each.front() : at::cat(each, 0);
    model::VisualCapture capture;
    capture.universalMaps = true;
    Expected<model::VisualFeatures> features = depth == VisualDepth::Full
        ? model.net->encodeVisual(pixels, capture)
        : model.net->encodeForEmbedding(pixels);
    if (!features)
        return features.error();
    context.counters().visualEncoderRuns.fetch_add(batch);
    const Expected<at::Tensor> clip = model.net->mediaEmbedding(*features);
    if (!clip)
        return clip.error();
    context.progress(EngineStage::EncodingVisual, 1, 1);

    std::vector<VisualEmbedding> out(media.size());
    for (int64_t b = 0; b < batch; ++b) {
        VisualEmbedding &v = out[size_t(b)];
        MediaFrames &frames = media[size_t(b)];
        v.depth = depth;
        const at::Tensor c = clip->select(0, b).contiguous();
        v.clip = QList<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
        v.features.imageEmbeds = itemOf(features->imageEmbeds, b, batch);
        v.features.latentToVisual = itemOf(features->latentToVisual, b, batch);
        v.features.geometry = features->geometry;
        v.features.times = features->times;
        v.geometry.frames = int(v.features.geometry.frames);
        v.geometry.gridHeight = int(v.features.geometry.gridHeight);
        v.geometry.gridWidth = int(v.features.geometry.gridWidth);
        v.geometry.frameIndices = frames.frameIndices;
        v.geometry.frameTimes = frames.frameTimes;
        if (!frames.frames.empty()) {
            v.geometry.sourceWidth = frames.frames.front().width;
            v.geometry.sourceHeight = frames.frames.front().height;
        }
        v.frames = std::move(frames.frames);
        if (depth == VisualDepth::Full)
            v.pixels = std::move(each[size_t(b)]);
        v.warning = frames.warning;
    }
    return out;
}

qint64 VisualEmbedding::bytes() const
{
    qint64 total = tensorBytes(features.imageEmbeds) + tensorBytes(features.latentToVisual)
        + tensorBytes(pixels) + clip.size() * 4;
    for (const media::RgbImage &f : frames)
        total += qint64(f.pixels.size());
    return total;
}

} // namespace mplug2::app
