#pragma once
/// The demo model's training objectives, on one batch:
///   - caption: the mPLUG-2 captioning loss, the decoder predicting the
///     caption from the visual tokens (prefix LM, no prompt);
///   - qa: the answer loss, the decoder predicting the answer from the
///     fusion encoder's [visual; question] states;
///   - itc: image-text contrast in the CLIP space (VideoFormer class token
///     through visual.proj against the XCLIP text tower), items with the same
///     caption counting as positives;
///   - attention: the decoder's cross-attention (mean over layers and heads)
///     while it says a shape word should fall on that shape's patches
///     (-log of the attention mass there) — grounding for the attention view.
///
///     LossValues loss = demoLosses(network, batch, LossWeights::defaultParams());
///     loss.total.backward();
///
/// Internal header of model/ (torch types).

#include "model/modules/mplug2model.h"
#include "model/train/lossweights.h"
#include "model/train/trainingbatch.h"

namespace mplug2::model::train {

struct LossValues {
    at::Tensor total;
    double caption = 0;
    double qa = 0;
    double itc = 0;
    double attention = 0;
};

LossValues demoLosses(Mplug2ModelImpl &network, const TrainingBatch &batch, const LossWeights &weights);

/// Mean cross-entropy of the decoder's next-token predictions over the
/// non-padding positions after [CLS].
at::Tensor nextTokenLoss(const at::Tensor &logits, const at::Tensor &ids, const at::Tensor &mask);

/// Symmetric InfoNCE with several positives per row: `positives` (B, B) is 1
/// where row and column match; targets are spread evenly over them.
at::Tensor contrastiveLoss(const at::Tensor &media, const at::Tensor &text, const at::Tensor &logitScale,
    const at::Tensor &positives);

} // namespace mplug2::model::train
