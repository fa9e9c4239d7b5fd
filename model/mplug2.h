#pragma once
/// mPLUG-2 in LibTorch: load a checkpoint, then caption, answer, embed,
/// score and explain. The public face of model/ (no torch headers).
///
///     LoadOptions options = LoadOptions::defaultParams();   // cpu, fp32, config from shapes
///     options.target = {"cuda", Precision::Bf16};
///     auto model = Mplug2::load("mPLUG2_MSRVTT_Caption.pth", options);
///     if (!model) { std::cerr << model.error().message << '\n'; return 1; }
///     auto visual = (*model)->encodeVisual(pixels);         // (B, 3, T, H, W), CLIP-normalised
///     auto captions = (*model)->caption(*visual, GenerationParams::beam(5, 4, 20));
///     for (const Hypothesis &h : captions->items[0]) use(h.ids, h.score);
///
///     auto question = (*model)->encodeQuestion(*visual, questionIds, questionMask);
///     auto answers = (*model)->answer(*question, GenerationParams::beam(5, 1, 10));
///     auto ranked = (*model)->rankAnswers(*question, candidateIds, 3);
///
/// Token ids are BERT WordPiece ids: [CLS] = 101 first, no [SEP] for
/// questions; candidate answers and scored texts end with [SEP] = 102 (the
/// official code appends "[SEP]" to them). model/tasks/texttasks.h wraps this
/// API with a tokenizer.
///
/// Threading: an Mplug2 is used by one thread at a time (the engine's worker).
/// Inference runs under torch::InferenceMode; nothing here trains. For
/// training, build Mplug2ModelImpl (modules/mplug2model.h) directly.
/// Errors are values; CUDA out-of-memory comes back as ErrorCode::OutOfMemory.

#include "base/expected.h"
#include "model/config/configinference.h"
#include "model/config/mplug2config.h"
#include "model/generation/generationparams.h"
#include "model/runtime/computetarget.h"
#include "model/weights/weightmatch.h"

#include <ATen/core/Tensor.h>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mplug2::model {

class Mplug2ModelImpl;

struct LoadOptions {
    ComputeTarget target;
    /// The model's hyper-parameters; when absent they are inferred from the
    /// checkpoint's shapes with `overrides` (heads, fusion layers, ...).
    std::optional<Mplug2Config> config;
    ConfigOverrides overrides;
    /// Released checkpoints may carry heads we do not build (e.g. pretraining
    /// losses); they are listed in weightReport().unexpected either way.
    bool allowUnexpectedKeys = true;

    static LoadOptions defaultParams() { return {}; }
};

/// The visual tokens the model saw: 1 global token, then `frames` x
/// `gridHeight` x `gridWidth` patches, frame by frame, row by row.
struct VisualGeometry {
    int64_t frames = 0;
    int64_t gridHeight = 0;
    int64_t gridWidth = 0;
    int64_t tokens() const { return 1 + frames * gridHeight * gridWidth; }
};

/// What to record while encoding media (all off: nothing is kept).
struct VisualCapture {
    /// The universal layers' latent -> visual and visual -> latent maps.
    bool universalMaps = false;
    /// Per ViT block, the head-averaged spatial self-attention (for rollout).
    bool vitAttention = false;
};

struct StageTimes {
    double visualMs = 0.0;
    double universalMs = 0.0;
    double textMs = 0.0;
    double fusionMs = 0.0;
    double decodeMs = 0.0;
};

/// Media encoded once and reused by every task (tensors stay on the model's device).
struct VisualFeatures {
    /// image_embeds (B, tokens, hidden): what the decoder and fusion read.
    at::Tensor imageEmbeds;
    /// The VideoFormer output (B, tokens, vision width); [:, 0] @ proj is the CLIP embedding.
    at::Tensor visualTokens;
    VisualGeometry geometry;
    /// (B, heads, latents, tokens) and (B, heads, tokens, latents) when captured.
    at::Tensor latentToVisual;
    at::Tensor visualToLatent;
    /// Per ViT block (B*frames, 1 + patches, 1 + patches) when captured.
    std::vector<at::Tensor> vitAttention;
    StageTimes times;
};

/// A question fused with its media: the states the QA decoder reads.
struct EncodedQuestion {
    /// [fusion visual output; fusion question output] (B, tokens + Lq, hidden).
    at::Tensor states;
    /// (B, tokens + Lq): 1 for real tokens, 0 for question padding.
    at::Tensor mask;
    VisualGeometry geometry;
    StageTimes times;
};

struct RankedAnswer {
    int64_t candidate = 0; ///< index into the candidate list
    float probability = 0.0f;
};

/// How likely the decoder finds a text given the media.
struct TextScore {
    double sumLogProb = 0.0; ///< over the text's tokens after [CLS]
    double meanLogProb = 0.0; ///< per token: the retrieval re-ranking score
    float beamScore = 0.0f; ///< sum / length penalty, comparable with generation scores
    int64_t tokens = 0;
};

/// Where the decoder looked while producing each token of a text.
struct TokenAttention {
    /// The tokens explained (the text after [CLS]).
    std::vector<int64_t> tokenIds;
    /// (tokens, layers, heads, Lk) cross-attention probabilities, fp32 on the CPU;
    /// Lk = geometry.tokens() for captions, + question length for QA.
    at::Tensor crossAttention;
    /// d log p(token) / d attention, same layout (when gradients were asked for).
    at::Tensor gradients;
    /// ReLU(gradients * crossAttention): Grad-CAM per head.
    at::Tensor gradCam;
    VisualGeometry geometry;
};

class Mplug2 {
public:
    /// Reads the checkpoint (nothing in it is executed), builds the model from
    /// options.config or the inferred one, fills it strictly (see
    /// weightReport()) and moves it to the target.
    static Expected<std::unique_ptr<Mplug2>> load(
        const std::string &checkpoint, const LoadOptions &options = {});
    /// A model with random weights of the config's shapes (benchmarks, tests).
    static Expected<std::unique_ptr<Mplug2>> create(
        const Mplug2Config &config, const ComputeTarget &target = {});

    ~Mplug2();
    Mplug2(const Mplug2 &) = delete;
    Mplug2 &operator=(const Mplug2 &) = delete;

    const Mplug2Config &config() const;
    const ComputeTarget &target() const;
    const WeightMatchReport &weightReport() const;

    /// pixels (B, 3, T, H, W) float, CLIP-normalised, on any device.
    Expected<VisualFeatures> encodeVisual(const at::Tensor &pixels, const VisualCapture &capture = {});
    /// Only what mediaEmbedding() reads: the VideoFormer tokens, without the
    /// universal layers (imageEmbeds stays undefined). Retrieval indexing
    /// needs no more, and saves the universal stage.
    Expected<VisualFeatures> encodeForEmbedding(const at::Tensor &pixels);

    /// Decodes from the visual features (the caption task). Hypotheses start
    /// with [CLS]; a fine-tuned caption model writes the prompt itself.
    Expected<GenerationResult> caption(const VisualFeatures &visual, const GenerationParams &params);

    /// Text encoder + fusion for question ids (B, Lq) with mask, one per media item.
    Expected<EncodedQuestion> encodeQuestion(
        const VisualFeatures &visual, const at::Tensor &ids, const at::Tensor &mask);
    Expected<GenerationResult> answer(const EncodedQuestion &question, const GenerationParams &params);
    /// The official rank_answer over candidate answers ([CLS] answer [SEP] ids); best first.
    Expected<std::vector<std::vector<RankedAnswer>>> rankAnswers(
        const EncodedQuestion &question, const std::vector<std::vector<int64_t>> &candidates, int64_t k);

    /// CLIP-space media embedding (B, embedDim), L2-normalised, fp32 on the CPU.
    Expected<at::Tensor> mediaEmbedding(const VisualFeatures &visual);
    /// CLIP-space text embedding of CLIP BPE ids (N, <= 77) (zero padded, each
    /// ending with <|endoftext|>): (N, embedDim), L2-normalised, fp32 on the CPU.
    Expected<at::Tensor> textEmbedding(const at::Tensor &clipTokens);
    /// exp(logit_scale): cosine similarity -> CLIP logits.
    float clipLogitScale() const;

    /// Log-likelihood of each text ([CLS] ... [SEP] ids) given media item `item`.
    Expected<std::vector<TextScore>> scoreTexts(
        const VisualFeatures &visual, int64_t item, const std::vector<std::vector<int64_t>> &texts);

    /// Cross-attention (and, with `gradients`, Grad-CAM) of every token of
    /// `ids` ([CLS] first) while the decoder produces it, over media item `item`
    /// (caption) or over a question's states (the second overload).
    Expected<TokenAttention> explain(
        const VisualFeatures &visual, int64_t item, const std::vector<int64_t> &ids, bool gradients);
    Expected<TokenAttention> explain(
        const EncodedQuestion &question, int64_t item, const std::vector<int64_t> &ids, bool gradients);

    /// The network itself, for training and experiments (modules/mplug2model.h).
    Mplug2ModelImpl &network();

private:
    struct State;
    explicit Mplug2(std::unique_ptr<State> state);
    /// encodeVisual() (with the universal layers) or encodeForEmbedding() (without).
    Expected<VisualFeatures> encode(const at::Tensor &pixels, const VisualCapture &capture, bool universal);
    std::unique_ptr<State> m_state;
};

/// Attention rollout over ViT blocks (VisualFeatures::vitAttention): per
/// frame row, how much the class token draws from each patch (B*frames, patches).
at::Tensor attentionRollout(const std::vector<at::Tensor> &vitAttention);

} // namespace mplug2::model
