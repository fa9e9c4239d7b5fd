#include "model/train/demoarchitecture.h"

namespace mplug2::model::train {

Mplug2Config DemoArchitecture::config() const
{
    Mplug2Config c;
    c.vision.width = visionWidth;
    c.vision.layers = visionLayers;
    c.vision.heads = visionHeads;
    c.vision.patchSize = patchSize;
    c.vision.imageRes = imageRes;
    c.clipText.contextLength = clipContext;
    c.clipText.vocabSize = kDemoVocabSize;
    c.clipText.width = clipWidth;
    c.clipText.heads = clipHeads;
    c.clipText.layers = clipLayers;
    c.embedDim = embedDim;
    c.numLatents = latents;
    c.numFrames = frames;
    BertConfig &b = c.bert;
    b.vocabSize = kDemoVocabSize;
    b.hiddenSize = hidden;
    b.numAttentionHeads = heads;
    b.intermediateSize = 4 * hidden;
    b.maxPositionEmbeddings = maxPositions;
    b.encoderWidth = hidden;
    b.numHiddenLayers = fusionLayers;
    b.fusionLayers = fusionLayers;
    b.textEncoderLayers = textLayers;
    b.textDecodeLayers = decoderLayers;
    b.numUniLayer = 2;
    // As the Large model: the fusion layers never self-attend over [visual; text].
    b.strideLayer = 1000;
    // Trained without a prompt: the decoder starts captions itself.
    c.prompt = "";
    c.generation = {3, 1, 12};
    return c;
}

} // namespace mplug2::model::train
