#pragma once
/// BertModel (`embeddings`, `encoder.layer.N`) in the three roles mPLUG-2
/// gives it: the text encoder over questions (all layers, self-attention
/// only), the universal layers over visual tokens ('v_module' mode), and the
/// decoder body (causal self-attention + cross-attention in every layer),
/// teacher-forced or step by step with a cache.
/// Internal header of model/ (torch types).

#include "model/modules/bertembeddings.h"
#include "model/modules/bertlayer.h"
#include "model/modules/decodercache.h"

#include <torch/nn/modules/container/modulelist.h>
#include <vector>

namespace mplug2::model {

struct BertModelOptions {
    BertConfig config;
    int64_t layers = 0;
    /// Decoder: every layer cross-attends. Text encoder: only the universal layers have it.
    bool decoder = false;
    int64_t numLatents = 50;
};

class BertModelImpl : public torch::nn::Module {
public:
    explicit BertModelImpl(const BertModelOptions &options);

    /// Text encoder (official mode 'norm'): ids, mask (B, L) -> (B, L, H).
    at::Tensor encodeText(const at::Tensor &ids, const at::Tensor &mask);

    /// Universal layers (official mode 'v_module') over visual tokens
    /// (B, N, H) -> (B, N, H). The first one's latents cross-attend to the
    /// tokens; the last one lets the tokens self-attend and cross-attend to
    /// the latents. `latentToVisual` / `visualToLatent` receive those two
    /// layers' cross-attention maps when given.
    at::Tensor universal(
        const at::Tensor &visual, at::Tensor *latentToVisual = nullptr, at::Tensor *visualToLatent = nullptr);

    /// Decoder, teacher-forced: ids, mask (B, L), encoder states (B, Lk, W)
    /// and mask (B, Lk) -> (B, L, H). `crossProbs` receives one
    /// (B, heads, L, Lk) map per layer when given.
    at::Tensor decode(const at::Tensor &ids, const at::Tensor &mask, const at::Tensor &encoder,
        const at::Tensor &encoderMask, std::vector<at::Tensor> *crossProbs = nullptr);

    /// A cache for `rows` decoder rows (grouped by item) over encoder states
    /// (items, Lk, W) with mask (items, Lk), room for `capacity` tokens.
    DecoderCache startDecoding(
        const at::Tensor &encoder, const at::Tensor &encoderMask, int64_t rows, int64_t capacity);
    /// Feeds ids (rows, q) after the cached tokens -> hidden (rows, q, H).
    at::Tensor decodeStep(
        const at::Tensor &ids, DecoderCache &cache, std::vector<at::Tensor> *crossProbs = nullptr);

    int64_t layerCount() const { return static_cast<int64_t>(layer->size()); }
    BertLayer layerAt(int64_t i) const { return BertLayer(layer->ptr<BertLayerImpl>(i)); }

    BertEmbeddings embeddings {nullptr};
    std::shared_ptr<torch::nn::Module> encoder;
    torch::nn::ModuleList layer {nullptr};

private:
    BertModelOptions m_options;
};
TORCH_MODULE(BertModel);

} // namespace mplug2::model
