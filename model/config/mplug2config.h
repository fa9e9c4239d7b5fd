#pragma once
/// The hyper-parameters of an mPLUG-2 model: everything the modules need to
/// be built, and nothing about weights. A config comes from the official JSON
/// files (configFromJson), from a checkpoint's tensor shapes (inferConfig) or
/// from the official Base/Large presets below.
///
///     Mplug2Config config = largeConfig();
///     config.numFrames = 8;
///     Mplug2Model model(config);          // random weights of the Large shapes
///
/// Field names follow the official config_bert.json / yaml keys (in
/// camelCase) so that a reader can hold one beside the other.

#include <cstdint>
#include <string>

namespace mplug2::model {

/// The BERT side: text encoder, fusion encoder and decoder share it; each
/// builds its own number of layers (`textEncoderLayers`, `numHiddenLayers`,
/// `textDecodeLayers`).
struct BertConfig {
    int64_t vocabSize = 30522;
    int64_t hiddenSize = 1024;
    int64_t numAttentionHeads = 16;
    int64_t intermediateSize = 4096;
    int64_t maxPositionEmbeddings = 512;
    int64_t typeVocabSize = 2;
    double layerNormEps = 1e-12;
    /// Input width of the cross-attention keys and values.
    int64_t encoderWidth = 1024;
    /// Layers built in the fusion encoder; only its last `fusionLayers` run.
    int64_t numHiddenLayers = 24;
    int64_t textEncoderLayers = 24;
    int64_t fusionLayers = 6;
    int64_t textDecodeLayers = 12;
    /// Every stride_layer-th running fusion layer self-attends over [visual; text].
    int64_t strideLayer = 1000;
    /// The last numUniLayer text-encoder layers are the universal layers.
    int64_t numUniLayer = 2;
    int64_t padTokenId = 0;

    int64_t headSize() const { return hiddenSize / numAttentionHeads; }
};

/// The VideoFormer (CLIP ViT with temporal adapters).
struct VisionConfig {
    int64_t width = 1024;
    int64_t layers = 24;
    /// The official code builds width / 64 heads.
    int64_t heads = 16;
    int64_t patchSize = 14;
    /// Training resolution: the positional embedding has (imageRes/patchSize)^2 + 1 rows.
    int64_t imageRes = 224;
    bool temporalDownsampling = false;
    int64_t temporalStride = 2;

    int64_t gridSide() const { return imageRes / patchSize; }
};

/// The XCLIP text tower (CLIP text transformer + text_projection).
struct ClipTextConfig {
    int64_t contextLength = 77;
    int64_t vocabSize = 49408;
    int64_t width = 768;
    int64_t heads = 12;
    int64_t layers = 12;
};

/// Generation defaults of a checkpoint's task (from the official yaml).
struct GenerationDefaults {
    int64_t beamSize = 5;
    int64_t minLength = 1;
    int64_t maxLength = 25;
};

struct Mplug2Config {
    BertConfig bert;
    VisionConfig vision;
    ClipTextConfig clipText;
    /// Width of the CLIP joint space (visual.proj and text_projection columns).
    int64_t embedDim = 768;
    /// Learnable latent tokens of the first universal layer.
    int64_t numLatents = 50;
    /// Frames the model was trained with (media sampling default).
    int64_t numFrames = 16;
    /// 'caption', 'qa' or 'pretrain'.
    std::string task = "caption";
    std::string prompt = "a video of";
    GenerationDefaults generation;

    /// Vision tokens go through visn_fc + visn_layer_norm when widths differ.
    bool projectsVision() const { return vision.width != bert.hiddenSize; }
};

/// The official stride_layer for a BERT width: 1000 (never) for Large's 1024,
/// 3 for Base's 768 (config_bert_stride3.json).
int64_t defaultStrideLayer(int64_t hiddenSize);

/// Official shapes: Base = ViT-B/16 + BERT-base (6 text of which 2 universal,
/// 6 of 12 fusion, 12 decoder layers), Large = ViT-L/14 + BERT-large (24 text,
/// 6 of 24 fusion, 12 decoder). `tinyConfig` is a few-layer model for tests.
Mplug2Config baseConfig();
Mplug2Config largeConfig();
Mplug2Config tinyConfig();

/// Empty when the config can be built, else what is inconsistent (e.g. heads
/// not dividing the hidden size), for people.
std::string validateConfig(const Mplug2Config &config);

} // namespace mplug2::model
