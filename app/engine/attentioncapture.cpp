#include "app/engine/backendtasks.h"
#include "model/generation/generationparams.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <ATen/ATen.h>

namespace mplug2::app {

namespace {

/// Appends t[token, :, :, :visualTokens] (layers x heads x visual tokens).
void appendToken(QList<float> &out, const at::Tensor &perToken, int64_t token, int64_t visualTokens)
{
    const at::Tensor rows = perToken.select(0, token).narrow(-1, 0, visualTokens).to(at::kFloat).contiguous();
    const float *data = rows.data_ptr<float>();
    out.append(QList<float>(data, data + rows.numel()));
}

} // namespace

Expected<AttentionMaps> attentionMapsOf(const LoadedModel &model, const model::TokenAttention &attention,
    const VisualEmbedding &visual, const AttentionOptions &options, const at::Tensor &occlusion)
{
    AttentionMaps maps;
    maps.geometry = visual.geometry;
    const int64_t visualTokens = visual.geometry.visualTokens();
    const at::Tensor &cross = attention.crossAttention;
    maps.layers = int(cross.size(1));
    maps.heads = int(cross.size(2));
    for (size_t t = 0; t < attention.tokenIds.size(); ++t) {
        const int64_t id = attention.tokenIds[t];
        if (id == model::kEndTokenId || id == model::kPadTokenId || id == model::kStartTokenId)
            continue;
        maps.tokenIds.append(id);
        maps.tokens.append(QString::fromStdString(model.tokenizer->idToToken(id)));
        if (options.crossAttention)
            appendToken(maps.crossAttention, cross, int64_t(t), visualTokens);
        if (options.gradCam && attention.gradCam.defined())
            appendToken(maps.gradCam, attention.gradCam, int64_t(t), visualTokens);
        if (occlusion.defined())
            appendToken(maps.occlusion, occlusion.unsqueeze(1).unsqueeze(1), int64_t(t), visualTokens);
    }
    const at::Tensor &latent = visual.features.latentToVisual;
    if (options.latentAttention && latent.defined()) {
        const at::Tensor l = latent.select(0, 0).to(at::kFloat).to(at::kCPU).contiguous();
        maps.latentHeads = int(l.size(0));
        maps.latents = int(l.size(1));
        maps.latentAttention = QList<float>(l.data_ptr<float>(), l.data_ptr<float>() + l.numel());
    }
    if (!maps.isConsistent())
        return makeError(ErrorCode::Internal,
            QCoreApplication::translate("Mplug2Backend", "the attention maps came out malformed")
                .toStdString());
    return maps;
}

model::OcclusionParams occlusionParams(OcclusionMasking masking, RequestContext &context)
{
    model::OcclusionParams params = model::OcclusionParams::defaultParams();
    params.masks = masking == OcclusionMasking::RandomPatches ? model::OcclusionMasks::Random
                                                              : model::OcclusionMasks::Sliding;
    params.pixels = masking == OcclusionMasking::Pixels;
    params.progress = [&context](int64_t done, int64_t total) {
        context.progress(EngineStage::Attention, int(done), int(total));
        return !context.isCancelled();
    };
    return params;
}

Expected<void> attachAttention(const LoadedModel &model, const std::vector<int64_t> &ids,
    const VisualEmbedding &visual, const AttentionOptions &options, RequestContext &context,
    EngineResult &result, const AttentionExplainer &explain, const OcclusionRunner &occlude)
{
    if (!options.any())
        return {};
    QElapsedTimer clock;
    clock.start();
    context.progress(EngineStage::Attention, 0, 1);
    const Expected<model::TokenAttention> attention = explain(ids, options.gradCam);
    if (!attention)
        return attention.error();
    at::Tensor occlusion;
    if (options.occlusion) {
        Expected<at::Tensor> occluded = occlude(ids, occlusionParams(options.occlusionMasking, context));
        if (!occluded && occluded.error().code == ErrorCode::Cancelled)
            return RequestContext::cancelledError();
        if (!occluded)
            return occluded.error();
        occlusion = *occluded;
    }
    Expected<AttentionMaps> maps = attentionMapsOf(model, *attention, visual, options, occlusion);
    if (!maps)
        return maps.error();
    result.attention = std::move(*maps);
    result.timings.attentionMs = double(clock.nsecsElapsed()) / 1e6;
    context.progress(EngineStage::Attention, 1, 1);
    return {};
}

Expected<void> attachCaptionAttention(const LoadedModel &model, const std::vector<int64_t> &ids,
    const VisualEmbedding &visual, const AttentionOptions &options, RequestContext &context,
    EngineResult &result)
{
    return attachAttention(
        model, ids, visual, options, context, result,
        [&](const std::vector<int64_t> &captionIds, bool gradients) {
            return model.net->explain(visual.features, 0, captionIds, gradients);
        },
        [&](const std::vector<int64_t> &captionIds, const model::OcclusionParams &params) {
            return params.pixels
                ? model::pixelOcclusionMaps(*model.net, visual.pixels, {}, captionIds, params)
                : model::occlusionMaps(*model.net, visual.features, 0, captionIds, params);
        });
}

} // namespace mplug2::app
