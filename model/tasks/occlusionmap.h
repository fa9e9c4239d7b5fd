#pragma once
/// Occlusion maps: where the decoder's evidence for each token of a text
/// lies, measured by hiding visual tokens and reading how much that token's
/// teacher-forced log-probability drops. Unlike attention, this is what the
/// model uses, not where it looks.
///
///     OcclusionParams p = OcclusionParams::defaultParams();   // 2x2 patch windows, one frame each
///     p.progress = [&](int64_t done, int64_t total) { return !cancelled; };
///     auto maps = occlusionMaps(model, visual, 0, ids, p);    // ids: [CLS] text [SEP]
///     // (*maps)[t][v]: drop of log p(ids[t + 1]) when visual token v is hidden
///
/// Token-level masks hide visual tokens from the decoder's cross-attention:
/// the visual encoder runs once (its features are an argument) and each
/// batch of masks is one teacher-forced decoder pass over shared keys and
/// values. Pixel masks (`pixels`) blur the patches instead and run the whole
/// encoder per mask: slower, and blind to what the decoder's masking misses.
///
/// Threading: as Mplug2 (one thread at a time).

#include "base/expected.h"
#include "model/mplug2.h"

#include <ATen/core/Tensor.h>
#include <cstdint>
#include <functional>
#include <vector>

namespace mplug2::model {

enum class OcclusionMasks {
    Sliding, ///< a window of patches slides over every frame, one mask per position
    Random, ///< RISE: random cells kept with probability `keep`; value = E[log p | kept] - E[log p | hidden]
};

struct OcclusionParams {
    OcclusionMasks masks = OcclusionMasks::Sliding;
    /// Sliding: a hidden window is `window` x `window` patches over `frames` frames,
    /// moved by `stride` patches (0: half the window); each patch gets the mean
    /// drop of the windows that cover it.
    int64_t window = 2;
    int64_t frames = 1;
    int64_t stride = 0;
    /// Sliding: measure each frame on its own, the other frames (and the
    /// global token, their mean) hidden. A shape seen in several frames is
    /// redundant evidence: hiding it in one frame of the whole clip barely
    /// matters, and the map would show noise.
    bool isolateFrames = true;
    /// Random: how many masks, cells of `cell` x `cell` patches, kept with probability `keep`.
    int64_t randomMasks = 256;
    int64_t cell = 2;
    double keep = 0.5;
    uint64_t seed = 1;
    /// Hide patches in the pixels (blurred, sigma one patch) and run the whole encoder per mask.
    bool pixels = false;
    /// Sliding: when the windows above would make more masks than this, they
    /// grow (first in time, then apart, then in size) until they fit; 0: no limit.
    int64_t maxMasks = 128;
    /// Which produced tokens to map (indices into ids[1:]); empty: all. One
    /// token needs the decoder only up to its position.
    std::vector<int64_t> tokens;
    /// At most this many masks per decoder pass (token level; fewer for a big
    /// model, so that each pass, and the wait for cancel, stays short) or
    /// videos per encoder pass (pixels, an eighth of it).
    int64_t batch = 64;
    /// Called after each batch; returning false stops with ErrorCode::Cancelled.
    std::function<bool(int64_t done, int64_t total)> progress;

    static OcclusionParams defaultParams() { return {}; }
};

/// Token-level occlusion over a caption's visual features (media item `item`):
/// (tokens, visual tokens) fp32 on the CPU, row t for ids[t + 1] (rows not
/// asked for in params.tokens are 0), column 0 the global token. Positive: hiding it lowers the token's
/// log-probability.
Expected<at::Tensor> occlusionMaps(Mplug2 &model, const VisualFeatures &visual, int64_t item,
    const std::vector<int64_t> &ids, const OcclusionParams &params);
/// The same over a question's fused states: only the visual columns are hidden.
Expected<at::Tensor> occlusionMaps(Mplug2 &model, const EncodedQuestion &question, int64_t item,
    const std::vector<int64_t> &ids, const OcclusionParams &params);
/// Pixel-level occlusion (params.pixels): pixels (1, 3, T, H, W) CLIP-normalised;
/// questionIds empty for a caption, else [CLS] question ids for an answer `ids`.
Expected<at::Tensor> pixelOcclusionMaps(Mplug2 &model, const at::Tensor &pixels,
    const std::vector<int64_t> &questionIds, const std::vector<int64_t> &ids, const OcclusionParams &params);

} // namespace mplug2::model
