#pragma once
/// The tasks of Mplug2Backend, each filling an EngineResult from the loaded
/// model and (except EmbedTexts) the medium's visual embedding. Internal to
/// app/engine; run on the engine's worker thread.
///
///     if (auto ok = runCaption(model, request, visual, context, result); !ok) return ok.error();

#include "app/engine/engineresult.h"
#include "app/engine/loadedmodel.h"
#include "app/engine/visualembedding.h"
#include "model/tasks/occlusionmap.h"

#include <QElapsedTimer>

#include <functional>
#include <vector>

namespace mplug2::app {

/// Milliseconds since `timer` started, with sub-millisecond resolution: the
/// stage times the tasks write into EngineResult.
inline double elapsedMs(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

/// n-best captions of the medium (beam / greedy / sampling).
Expected<void> runCaption(LoadedModel &model, const EngineRequest &request, const VisualEmbedding &visual,
    RequestContext &context, EngineResult &result);
/// A free answer (generated) or the official ranking over `request.texts`.
Expected<void> runAnswer(LoadedModel &model, const EngineRequest &request, const VisualEmbedding &visual,
    RequestContext &context, EngineResult &result);
/// One probability per label: decoder likelihood, answer ranking (with a
/// question on a QA model) or CLIP-space similarity.
Expected<void> runClassify(LoadedModel &model, const EngineRequest &request, const VisualEmbedding &visual,
    RequestContext &context, EngineResult &result);
/// Mean log-probability per token of each text as a caption of the medium.
Expected<void> runScoreTexts(LoadedModel &model, const EngineRequest &request, const VisualEmbedding &visual,
    RequestContext &context, EngineResult &result);
/// CLIP-space embeddings of `request.texts`.
Expected<void> runEmbedTexts(
    LoadedModel &model, const EngineRequest &request, RequestContext &context, EngineResult &result);

/// The model layer's explanation of `attention` (cross-attention, Grad-CAM)
/// and `occlusion` (tokens x visual tokens, or undefined) as AttentionMaps
/// over the visual tokens: words only (no [SEP] or padding), columns cut to
/// the visual tokens (QA states also hold the question), plus the universal
/// layer's latent attention when asked.
Expected<AttentionMaps> attentionMapsOf(const LoadedModel &model, const model::TokenAttention &attention,
    const VisualEmbedding &visual, const AttentionOptions &options, const at::Tensor &occlusion = {});

/// How the model explains a text: its TokenAttention for `ids`, with
/// Grad-CAM when `gradients` (a caption's or a question's overload of explain).
using AttentionExplainer
    = std::function<Expected<model::TokenAttention>(const std::vector<int64_t> &ids, bool gradients)>;

/// How the model's occlusion maps a text (a caption's or a question's
/// overload of model::occlusionMaps, or the pixel-level one).
using OcclusionRunner = std::function<Expected<at::Tensor>(
    const std::vector<int64_t> &ids, const model::OcclusionParams &params)>;

/// The model layer's occlusion parameters for `masking`, reporting to `context`.
model::OcclusionParams occlusionParams(OcclusionMasking masking, RequestContext &context);

/// When `options` asks for any map: `explain`'s attention (and `occlude`'s
/// occlusion) for `ids` as AttentionMaps, attached to `result` with its
/// time. Nothing when none is asked.
Expected<void> attachAttention(const LoadedModel &model, const std::vector<int64_t> &ids,
    const VisualEmbedding &visual, const AttentionOptions &options, RequestContext &context,
    EngineResult &result, const AttentionExplainer &explain, const OcclusionRunner &occlude);

/// attachAttention() for the caption `ids` ([CLS] prompt text [SEP], as
/// generated or as scored) read through the decoder.
Expected<void> attachCaptionAttention(const LoadedModel &model, const std::vector<int64_t> &ids,
    const VisualEmbedding &visual, const AttentionOptions &options, RequestContext &context,
    EngineResult &result);

/// TaskKind::Faithfulness: the deletion / insertion curves of
/// request.faithfulness over the medium (blurred patches through the whole model).
Expected<void> runFaithfulness(LoadedModel &model, const EngineRequest &request,
    const VisualEmbedding &visual, RequestContext &context, EngineResult &result);

} // namespace mplug2::app
