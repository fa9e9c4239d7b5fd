#pragma once
/// The model a Mplug2Backend has loaded: the model layer's Mplug2 on its
/// device, the tokenizers, and the settings of its bundle. Internal to
/// app/engine; lives on the engine's worker thread.
///
///     auto loaded = LoadedModel::load(bundle, device, context);
///     if (!loaded) return loaded.error();
///     auto visual = (*loaded)->net->encodeVisual((*loaded)->pixelTensor(frames.pixels));

#include "app/bundle/modelbundle.h"
#include "app/engine/devicechoice.h"
#include "app/engine/modelinfo.h"
#include "app/engine/requestcontext.h"
#include "media/preprocess/pixelbatch.h"
#include "model/mplug2.h"
#include "model/text/tokenizer.h"

#include <memory>
#include <vector>

namespace mplug2::app {

struct LoadedModel {
    ModelBundle bundle;
    DeviceChoice device; ///< precision resolved
    std::unique_ptr<model::Mplug2> net;
    std::unique_ptr<model::text::Tokenizer> tokenizer;
    /// CLIP BPE tokenizer for CLIP-space text; null without the bundle's clip_bpe.
    std::unique_ptr<model::text::Tokenizer> clipTokenizer;
    int imageRes = 0;
    int numFrames = 0;
    /// Different for every load: part of every cache key.
    QString cacheKey;
    ModelInfo info;

    static Expected<std::unique_ptr<LoadedModel>> load(
        const ModelBundle &bundle, const DeviceChoice &device, RequestContext &context);

    const model::Mplug2Config &config() const { return net->config(); }
    /// (1, 3, T, H, W) float32 on the CPU, sharing nothing with `pixels`.
    static at::Tensor pixelTensor(const media::PixelBatch &pixels);
    /// The vocabulary entries of `ids`.
    QStringList tokensOf(const std::vector<int64_t> &ids) const;
    /// Token ids of `text` without [CLS] (or any special token).
    std::vector<int64_t> encodeWords(const QString &text) const;
};

/// What a bundle says the model layer cannot read from tensor shapes, as
/// overrides of the inferred configuration (official key names in the
/// bundle's "config": num_attention_heads, fusion_layers, stride_layer,
/// vision_heads, clip_transformer_heads; plus frames, task and prompt).
model::ConfigOverrides configOverrides(const ModelBundle &bundle);

} // namespace mplug2::app
