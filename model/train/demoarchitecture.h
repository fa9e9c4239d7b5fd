#pragma once
/// The shape of the bundled demo model: a small mPLUG-2 with every code path
/// of the large one (VideoFormer with temporal adapters, universal layers
/// with latents, text encoder, fusion, decoder, XCLIP text tower), sized for
/// training on two CPU cores. Chosen by measurement (see
/// resources/models/demo/README.md); the fields are the knobs that were tried.
///
///     DemoArchitecture a = DemoArchitecture::defaultParams();
///     Mplug2Config config = a.config();
///     auto model = Mplug2::create(config);

#include "model/config/mplug2config.h"

#include <cstdint>

namespace mplug2::model::train {

/// The SentencePiece vocabulary is laid out like BERT's around the ids the
/// model code knows ([PAD] 0, [UNK] 100, [CLS] 101, [SEP] 102) and [SEP] is
/// the largest id, as CLIP's end-of-text is, so one vocabulary serves the
/// decoder and the CLIP text tower.
inline constexpr int64_t kDemoVocabSize = 103;
inline constexpr int64_t kDemoUnknownId = 100;

struct DemoArchitecture {
    int64_t imageRes = 96;
    int64_t patchSize = 16;
    int64_t frames = 4;
    int64_t visionWidth = 96;
    int64_t visionLayers = 4;
    int64_t visionHeads = 2;
    int64_t hidden = 96;
    int64_t heads = 2;
    /// Text encoder layers, of which the last two are the universal layers.
    int64_t textLayers = 3;
    int64_t fusionLayers = 2;
    int64_t decoderLayers = 2;
    int64_t latents = 16;
    int64_t clipWidth = 64;
    int64_t clipLayers = 2;
    int64_t clipHeads = 2;
    int64_t clipContext = 16;
    int64_t embedDim = 64;
    int64_t maxPositions = 40;

    static DemoArchitecture defaultParams() { return {}; }

    Mplug2Config config() const;
};

} // namespace mplug2::model::train
