#pragma once
/// The tasks of Mplug2Backend, each filling an EngineResult from the loaded
/// model and (except EmbedTexts) the medium's visual embedding. Internal to
/// app/engine; run on the engine's worker thread.
///
///     if (auto ok = runCaption(model, request, visual, context, result); !ok) return ok.error();

#include "app/engine/engineresult.h"
#include "app/engine/loadedmodel.h"
#include "app/engine/visualembedding.h"

#include <functional>
#include <vector>

namespace mplug2::app {

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
/// as AttentionMaps over the visual tokens: words only (no [SEP] or
/// padding), columns cut to the visual tokens (QA states also hold the
/// question), plus the universal layer's latent attention when asked.
Expected<AttentionMaps> attentionMapsOf(const LoadedModel &model, const model::TokenAttention &attention,
    const VisualEmbedding &visual, const AttentionOptions &options);

/// How the model explains a text: its TokenAttention for `ids`, with
/// Grad-CAM when `gradients` (a caption's or a question's overload of explain).
using AttentionExplainer
    = std::function<Expected<model::TokenAttention>(const std::vector<int64_t> &ids, bool gradients)>;

/// When `options` asks for any map: `explain`'s attention for `ids` as
/// AttentionMaps, attached to `result` with its time. Nothing when none is asked.
Expected<void> attachAttention(const LoadedModel &model, const std::vector<int64_t> &ids,
    const VisualEmbedding &visual, const AttentionOptions &options, RequestContext &context,
    EngineResult &result, const AttentionExplainer &explain);

/// attachAttention() for the caption `ids` ([CLS] prompt text [SEP], as
/// generated or as scored) read through the decoder.
Expected<void> attachCaptionAttention(const LoadedModel &model, const std::vector<int64_t> &ids,
    const VisualEmbedding &visual, const AttentionOptions &options, RequestContext &context,
    EngineResult &result);

} // namespace mplug2::app
