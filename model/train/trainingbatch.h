#pragma once
/// One batch of freshly drawn synthetic scenes, rendered into the model's
/// input with everything the losses need. Batch `index` of a seed is always
/// the same batch, whichever thread makes it and whenever (so a resumed run
/// sees the data an uninterrupted one would).
///
///     BatchMaker maker(codec, options);
///     TrainingBatch batch = maker.make(step);
///
/// Internal header of model/ (torch types).

#include "model/synthetic/modelinputrenderer.h"
#include "model/synthetic/syntheticscene.h"
#include "model/train/demovocabulary.h"

#include <ATen/core/Tensor.h>
#include <cstdint>
#include <vector>

namespace mplug2::model::train {

struct BatchOptions {
    int batchSize = 32;
    uint64_t seed = 1;
    synthetic::ModelInputOptions input;
    int patchSize = 8;
    /// Share of batches made of pictures (1 frame) instead of clips.
    double pictureBatches = 0.25;
    /// Share of scenes with two shapes.
    double twoShapes = 0.5;
    /// Padding of the CLIP text tower's input (its context length).
    int clipContext = 16;
};

struct TrainingBatch {
    at::Tensor pixels; ///< (B, 3, T, R, R)
    at::Tensor captionIds; ///< (B, Lc): [CLS] caption [SEP], zero padded (also the CLIP text input)
    at::Tensor captionMask; ///< (B, Lc)
    at::Tensor questionIds; ///< (B, Lq): [CLS] question
    at::Tensor questionMask;
    at::Tensor answerIds; ///< (B, La): [CLS] answer [SEP]
    at::Tensor answerMask;
    at::Tensor sameCaption; ///< (B, B) float: 1 where two items have the same caption
    /// Where the caption's shape words should look: for K (item, position)
    /// pairs, the decoder position that predicts a shape word and a (K, N)
    /// mask of the visual tokens covering that shape.
    at::Tensor attentionItem; ///< (K) long
    at::Tensor attentionQuery; ///< (K) long
    at::Tensor attentionMask; ///< (K, N) float
    std::vector<synthetic::Scene> scenes;
};

class BatchMaker {
public:
    BatchMaker(const DemoTextCodec &codec, const BatchOptions &options);

    TrainingBatch make(int64_t index) const;

    /// Whether batch `index` holds pictures (decided from the seed alone).
    bool isPictureBatch(int64_t index) const;

    const BatchOptions &options() const { return m_options; }

private:
    const DemoTextCodec &m_codec;
    BatchOptions m_options;
    synthetic::ModelInputRenderer m_renderer;
};

/// Positions (in [CLS] ... ids) where the words of `text` start, from the
/// SentencePiece word-start marker.
std::vector<int> wordStartPositions(const text::Tokenizer &tokenizer, const std::vector<int64_t> &ids);

/// The visual tokens (index in 1 + T*g*g, 0 = the global token) whose
/// patch overlaps `box` in frame `frame` (model pixels, patch side `patch`, grid g).
std::vector<int64_t> tokensCovering(const synthetic::Box &box, int frame, int grid, int patch);

} // namespace mplug2::model::train
