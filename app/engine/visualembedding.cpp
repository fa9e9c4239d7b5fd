#include "app/engine/visualembedding.h"

#include <ATen/ATen.h>

namespace mplug2::app {

namespace {

qint64 tensorBytes(const at::Tensor &t)
{
    return t.defined() ? t.numel() * qint64(t.element_size()) : 0;
}

} // namespace

Expected<VisualEmbedding> VisualEmbedding::compute(
    LoadedModel &model, MediaFrames &&frames, RequestContext &context)
{
    context.progress(EngineStage::EncodingVisual, 0, 1);
    model::VisualCapture capture;
    capture.universalMaps = true;
    at::Tensor pixels = LoadedModel::pixelTensor(frames.pixels);
    Expected<model::VisualFeatures> features = model.net->encodeVisual(pixels, capture);
    if (!features)
        return features.error();
    context.counters().visualEncoderRuns.fetch_add(1);
    const Expected<at::Tensor> clip = model.net->mediaEmbedding(*features);
    if (!clip)
        return clip.error();
    context.progress(EngineStage::EncodingVisual, 1, 1);

    VisualEmbedding v;
    const at::Tensor c = clip->select(0, 0).contiguous();
    v.clip = QList<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
    features->visualTokens = at::Tensor();
    features->visualToLatent = at::Tensor();
    v.features = std::move(*features);
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
    v.pixels = std::move(pixels);
    v.warning = frames.warning;
    return v;
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
