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

/// How far a medium is encoded: everything the tasks read, or only what its
/// CLIP-space vector needs (retrieval indexing), which skips the universal layers.
enum class VisualDepth { Full, Embedding };

struct VisualEmbedding {
    VisualDepth depth = VisualDepth::Full;
    model::VisualFeatures features; ///< without the raw ViT tokens (only the CLIP vector needs them)
    QList<float> clip; ///< L2-normalised CLIP-space vector
    VisualGeometry geometry;
    std::vector<media::RgbImage> frames;
    /// (1, 3, T, R, R) what the encoder read: pixel-level occlusion and
    /// faithfulness perturb it and run the encoder again (Full only).
    at::Tensor pixels;
    QString warning;

    static Expected<VisualEmbedding> compute(LoadedModel &model, MediaFrames &&frames,
        RequestContext &context, VisualDepth depth = VisualDepth::Full);
    /// Several media encoded as one batch, their pixels stacked: all of the
    /// same shape (frames and resolution). One result per medium, in order;
    /// equal to computing each on its own up to the kernels' rounding.
    static Expected<std::vector<VisualEmbedding>> computeBatch(LoadedModel &model,
        std::vector<MediaFrames> &&media, RequestContext &context, VisualDepth depth = VisualDepth::Full);

    /// Bytes held, for the cache's budget.
    qint64 bytes() const;
};

} // namespace mplug2::app
