#include "model/config/mplug2config.h"

namespace mplug2::model {

int64_t defaultStrideLayer(int64_t hiddenSize)
{
    return hiddenSize == 768 ? 3 : 1000;
}

Mplug2Config baseConfig()
{
    Mplug2Config c;
    c.bert.hiddenSize = 768;
    c.bert.numAttentionHeads = 12;
    c.bert.intermediateSize = 3072;
    c.bert.encoderWidth = 768;
    c.bert.numHiddenLayers = 12;
    c.bert.textEncoderLayers = 6;
    c.bert.fusionLayers = 6;
    c.bert.textDecodeLayers = 12;
    c.bert.strideLayer = defaultStrideLayer(768);
    c.vision = VisionConfig {768, 12, 12, 16, 224, false, 2};
    c.clipText = ClipTextConfig {77, 49408, 512, 8, 12};
    c.embedDim = 512;
    c.generation = GenerationDefaults {5, 4, 20};
    return c;
}

Mplug2Config largeConfig()
{
    Mplug2Config c;
    c.bert.strideLayer = defaultStrideLayer(1024);
    c.vision = VisionConfig {1024, 24, 16, 14, 224, false, 2};
    c.clipText = ClipTextConfig {77, 49408, 768, 12, 12};
    c.embedDim = 768;
    c.generation = GenerationDefaults {5, 4, 20};
    return c;
}

Mplug2Config tinyConfig()
{
    Mplug2Config c;
    c.bert.hiddenSize = 64;
    c.bert.numAttentionHeads = 2;
    c.bert.intermediateSize = 256;
    c.bert.encoderWidth = 64;
    c.bert.numHiddenLayers = 4;
    c.bert.textEncoderLayers = 3;
    c.bert.fusionLayers = 2;
    c.bert.textDecodeLayers = 2;
    c.bert.strideLayer = 2;
    c.vision = VisionConfig {96, 2, 2, 14, 56, false, 2};
    c.clipText = ClipTextConfig {77, 49408, 32, 2, 1};
    c.embedDim = 32;
    c.numFrames = 4;
    c.generation = GenerationDefaults {5, 4, 12};
    return c;
}

std::string validateConfig(const Mplug2Config &config)
{
    const BertConfig &b = config.bert;
    if (b.hiddenSize <= 0 || b.numAttentionHeads <= 0 || b.hiddenSize % b.numAttentionHeads != 0)
        return "BERT hidden size " + std::to_string(b.hiddenSize) + " is not a multiple of its "
            + std::to_string(b.numAttentionHeads) + " attention heads";
    if (b.numUniLayer < 1 || b.numUniLayer > b.textEncoderLayers)
        return "num_uni_layer " + std::to_string(b.numUniLayer) + " must be between 1 and the "
            + std::to_string(b.textEncoderLayers) + " text-encoder layers";
    if (b.fusionLayers < 1 || b.numHiddenLayers < 1)
        return "the fusion encoder needs at least one layer to run";
    if (b.textDecodeLayers < 1)
        return "the decoder needs at least one layer";
    if (b.strideLayer < 1)
        return "stride_layer must be positive";
    if (b.vocabSize < 103 || b.maxPositionEmbeddings < 2 || b.typeVocabSize < 1)
        return "the BERT vocabulary must hold [CLS]=101 and [SEP]=102";
    const VisionConfig &v = config.vision;
    if (v.width <= 0 || v.heads <= 0 || v.width % v.heads != 0)
        return "vision width " + std::to_string(v.width) + " is not a multiple of its "
            + std::to_string(v.heads) + " heads";
    if (v.width % 2 != 0)
        return "vision width must be even (the temporal adapters halve it)";
    if (v.patchSize <= 0 || v.imageRes < v.patchSize || v.layers < 1)
        return "vision patch size and resolution do not give a patch grid";
    const ClipTextConfig &t = config.clipText;
    if (t.width <= 0 || t.heads <= 0 || t.width % t.heads != 0)
        return "CLIP text width " + std::to_string(t.width) + " is not a multiple of its "
            + std::to_string(t.heads) + " heads";
    if (config.embedDim <= 0 || config.numLatents <= 0)
        return "embed_dim and the number of latents must be positive";
    return {};
}

} // namespace mplug2::model
