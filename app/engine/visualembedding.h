#pragma once
/// The visual side of a request, computed once per (medium, sampling, model)
/// and kept in the engine's LRU cache: the model layer's visual features
/// (image embeddings every task reads, the latent queries' attention), the
/// CLIP-space vector for retrieval, and the frames the model saw. Internal
/// to app/engine; lives on the engine's worker thread.
///
///     auto visual = VisualEmbedding::compute(model, std::move(frames), context);
///     model.net->caption(visual->features, params);

#include "app/engine/attentionmaps.h"
#include "app/engine/loadedmodel.h"
#include "app/engine/mediaframes.h"

namespace mplug2::app {

struct VisualEmbedding {
    model::VisualFeatures features; ///< without the raw ViT tokens (only the CLIP vector needs them)
    QList<float> clip; ///< L2-normalised CLIP-space vector
    VisualGeometry geometry;
    std::vector<media::RgbImage> frames;
    /// (1, 3, T, R, R) what the encoder read: pixel-level occlusion and
    /// faithfulness perturb it and run the encoder again.
    at::Tensor pixels;
    QString warning;

    static Expected<VisualEmbedding> compute(
        LoadedModel &model, MediaFrames &&frames, RequestContext &context);

    /// Bytes held, for the cache's budget.
    qint64 bytes() const;
};

} // namespace mplug2::app
