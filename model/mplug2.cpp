#include "model/mplug2.h"

#include "model/checkpoint/statedict.h"
#include "model/generation/beamsearch.h"
#include "model/generation/sampling.h"
#include "model/modules/mplug2model.h"
#include "model/modules/parameterfill.h"
#include "model/runtime/exceptiontext.h"
#include "model/runtime/memorystats.h"
#include "model/runtime/runtimeinfo.h"
#include "model/runtime/stagetimer.h"
#include "model/tasks/answerranking.h"
#include "model/tasks/sequencescoring.h"

#include <algorithm>
#include <optional>
#include <torch/torch.h>

namespace mplug2::model {

struct Mplug2::State {
    Mplug2Config config;
    ComputeTarget target;
    WeightMatchReport report;
    Mplug2Model network {nullptr};
    c10::Device device {c10::kCPU};
    c10::ScalarType dtype = at::kFloat;
};

namespace {

// Runs `body`, turning exceptions into error values (out-of-memory gets its own code).
template<typename T, typename Body> Expected<T> guarded(const std::string &what, Body &&body)
{
    try {
        followFreeCores();
        return body();
    } catch (const std::bad_alloc &) {
        return makeError(ErrorCode::OutOfMemory, what + ": out of host memory");
    } catch (const std::exception &e) {
        return makeError(
            isOutOfMemory(e) ? ErrorCode::OutOfMemory : ErrorCode::Internal, what + ": " + exceptionText(e));
    }
}

Expected<void> checkPixels(const at::Tensor &pixels, int64_t patch)
{
    if (!pixels.defined() || pixels.dim() != 5 || pixels.size(1) != 3 || pixels.size(0) < 1
        || pixels.size(2) < 1)
        return makeError(ErrorCode::InvalidArgument, "pixels must be (batch, 3, frames, height, width)");
    if (pixels.size(3) < patch || pixels.size(4) < patch)
        return makeError(ErrorCode::InvalidArgument,
            "frames must be at least one " + std::to_string(patch) + "x" + std::to_string(patch) + " patch");
    return {};
}

Expected<void> checkIds(const at::Tensor &ids, int64_t vocab, int64_t maxLength, const char *what)
{
    if (!ids.defined() || ids.dim() != 2 || ids.size(1) < 1)
        return makeError(
            ErrorCode::InvalidArgument, std::string(what) + " must be a (batch, length) id tensor");
    if (at::isFloatingType(ids.scalar_type()))
        return makeError(ErrorCode::InvalidArgument, std::string(what) + " must hold integer ids");
    if (ids.size(1) > maxLength)
        return makeError(ErrorCode::LimitExceeded,
            std::string(what) + " has " + std::to_string(ids.size(1)) + " tokens; the model takes at most "
                + std::to_string(maxLength));
    if (ids.numel() && (ids.min().item<int64_t>() < 0 || ids.max().item<int64_t>() >= vocab))
        return makeError(ErrorCode::InvalidArgument,
            std::string(what) + " holds ids outside the vocabulary of " + std::to_string(vocab));
    return {};
}

// Zero-padded (N, L) ids and their mask from ragged rows.
std::pair<at::Tensor, at::Tensor> padRows(const std::vector<std::vector<int64_t>> &rows)
{
    size_t width = 0;
    for (const auto &r : rows)
        width = std::max(width, r.size());
    auto ids = torch::zeros({static_cast<int64_t>(rows.size()), static_cast<int64_t>(width)}, at::kLong);
    auto mask = torch::zeros_like(ids);
    auto idsAccess = ids.accessor<int64_t, 2>();
    auto maskAccess = mask.accessor<int64_t, 2>();
    for (size_t i = 0; i < rows.size(); ++i)
        for (size_t j = 0; j < rows[i].size(); ++j) {
            idsAccess[static_cast<int64_t>(i)][static_cast<int64_t>(j)] = rows[i][j];
            maskAccess[static_cast<int64_t>(i)][static_cast<int64_t>(j)] = 1;
        }
    return {ids, mask};
}

GenerationResult generate(BertLMHeadModelImpl &decoder, const at::Tensor &states, const at::Tensor &mask,
    const GenerationParams &params)
{
    return params.strategy == DecodingStrategy::Sample ? sampleSequences(decoder, states, mask, params)
                                                       : beamSearch(decoder, states, mask, params);
}

Expected<void> checkParams(const GenerationParams &p)
{
    if (p.maxLength < 1 || p.maxLength > 500)
        return makeError(ErrorCode::InvalidArgument, "maxLength must be between 1 and 500");
    if (p.beamSize < 1 || p.beamSize > 64)
        return makeError(ErrorCode::InvalidArgument, "beamSize must be between 1 and 64");
    if (p.nBest < 1 || p.nBest > 64)
        return makeError(ErrorCode::InvalidArgument, "nBest must be between 1 and 64");
    if (p.strategy == DecodingStrategy::Sample && !(p.temperature > 0.0))
        return makeError(ErrorCode::InvalidArgument, "the sampling temperature must be positive");
    return {};
}

} // namespace

Mplug2::Mplug2(std::unique_ptr<State> state)
    : m_state(std::move(state))
{ }

Mplug2::~Mplug2() = default;

Expected<std::unique_ptr<Mplug2>> Mplug2::create(const Mplug2Config &config, const ComputeTarget &target)
{
    if (const auto problem = validateConfig(config); !problem.empty())
        return makeError(ErrorCode::InvalidArgument, "model configuration: " + problem);
    if (auto ok = checkComputeTarget(target); !ok)
        return ok.error();
    return guarded<std::unique_ptr<Mplug2>>("building the model", [&] {
        auto state = std::make_unique<State>();
        state->config = config;
        state->target = target;
        state->device = torchDevice(target);
        state->dtype = torchDtype(target.precision);
        // Each parameter in its final dtype and device as soon as it exists,
        // unless a loader's scope says otherwise.
        std::optional<ParameterScope> scope;
        if (!ParameterScope::current())
            scope.emplace(ParameterFill::Draw, at::TensorOptions().dtype(state->dtype).device(state->device));
        state->network = Mplug2Model(config);
        state->network->to(state->device, state->dtype);
        state->network->eval();
        return std::unique_ptr<Mplug2>(new Mplug2(std::move(state)));
    });
}

Expected<std::unique_ptr<Mplug2>> Mplug2::load(const std::string &checkpoint, const LoadOptions &options)
{
    if (auto ok = checkComputeTarget(options.target); !ok)
        return ok.error();
    // Read tensor by tensor as they are copied into the model, and handed back
    // after (loadWeights): the checkpoint is never in memory whole beside it.
    StateDictOptions read;
    read.populate = false;
    auto weights = loadStateDict(checkpoint, read);
    if (!weights)
        return weights.error();
    Mplug2Config config;
    if (options.config) {
        config = *options.config;
    } else {
        auto inferred = inferConfig(*weights, options.overrides);
        if (!inferred)
            return makeError(inferred.error().code, checkpoint + ": " + inferred.error().message);
        config = *inferred;
    }
    // Every tensor is overwritten below (loadWeights refuses to leave one
    // out), so nothing is drawn, and each is made in its final dtype and
    // device: no fp32 copy of a bf16 model, no second copy on the GPU.
    auto model = [&] {
        ParameterScope unfilled(ParameterFill::Unfilled,
            at::TensorOptions()
                .dtype(torchDtype(options.target.precision))
                .device(torchDevice(options.target)));
        return create(config, options.target);
    }();
    if (!model)
        return model.error();
    State &state = *(*model)->m_state;
    auto loaded = guarded<WeightMatchReport>("loading the weights",
        [&] { return loadWeights(*state.network, *weights, options.allowUnexpectedKeys); });
    if (!loaded)
        return loaded.error();
    state.report = std::move(*loaded);
    if (!state.report.ok(options.allowUnexpectedKeys))
        return makeError(ErrorCode::Format,
            checkpoint + " does not fit the model configuration:\n" + state.report.describe());
    weights->clear();
    releaseFreeHeap(); // what converting the weights freed goes back to the system now
    return model;
}

const Mplug2Config &Mplug2::config() const
{
    return m_state->config;
}

const ComputeTarget &Mplug2::target() const
{
    return m_state->target;
}

const WeightMatchReport &Mplug2::weightReport() const
{
    return m_state->report;
}

Mplug2ModelImpl &Mplug2::network()
{
    return *m_state->network;
}

Expected<VisualFeatures> Mplug2::encodeVisual(const at::Tensor &pixels, const VisualCapture &capture)
{
    return encode(pixels, capture, true);
}

Expected<VisualFeatures> Mplug2::encodeForEmbedding(const at::Tensor &pixels)
{
    return encode(pixels, {}, false);
}

Expected<VisualFeatures> Mplug2::encode(
    const at::Tensor &pixels, const VisualCapture &capture, bool universal)
{
    if (Expected<void> ok = checkPixels(pixels, m_state->config.vision.patchSize); !ok)
        return ok.error();
    return guarded<VisualFeatures>("encoding the media", [&] {
        c10::InferenceMode inference;
        State &s = *m_state;
        VisualFeatures f;
        StageTimer timer(s.device);
        const auto x = pixels.to(s.device, s.dtype);
        f.visualTokens = s.network->visualTokens(x, capture.vitAttention ? &f.vitAttention : nullptr);
        f.times.visualMs = timer.lap();
        if (universal) {
            f.imageEmbeds = s.network->universalEmbeds(s.network->projectVisual(f.visualTokens),
                capture.universalMaps ? &f.latentToVisual : nullptr,
                capture.universalMaps ? &f.visualToLatent : nullptr);
            f.times.universalMs = timer.lap();
        }
        const auto g
            = s.network->visual_encoder->visual->geometryFor(pixels.size(2), pixels.size(3), pixels.size(4));
        f.geometry = {g.frames, g.gridHeight, g.gridWidth};
        return f;
    });
}

Expected<GenerationResult> Mplug2::caption(const VisualFeatures &visual, const GenerationParams &params)
{
    if (!visual.imageEmbeds.defined())
        return makeError(ErrorCode::InvalidArgument, "caption: no visual features");
    if (auto ok = checkParams(params); !ok)
        return ok.error();
    if (auto ok = checkIds(
            torch::tensor(params.prefix.empty() ? std::vector<int64_t> {0} : params.prefix).unsqueeze(0),
            m_state->config.bert.vocabSize, m_state->config.bert.maxPositionEmbeddings, "the prefix");
        !ok)
        return ok.error();
    return guarded<GenerationResult>("captioning", [&] {
        c10::InferenceMode inference;
        const auto &states = visual.imageEmbeds;
        const auto mask = torch::ones({states.size(0), states.size(1)}, states.options().dtype(at::kLong));
        return generate(*m_state->network->text_decoder, states, mask, params);
    });
}

Expected<EncodedQuestion> Mplug2::encodeQuestion(
    const VisualFeatures &visual, const at::Tensor &ids, const at::Tensor &mask)
{
    const BertConfig &b = m_state->config.bert;
    if (auto ok = checkIds(ids, b.vocabSize, b.maxPositionEmbeddings, "question ids"); !ok)
        return ok.error();
    if (!visual.imageEmbeds.defined() || ids.size(0) != visual.imageEmbeds.size(0))
        return makeError(ErrorCode::InvalidArgument, "give one question per media item");
    if (!mask.defined() || mask.sizes() != ids.sizes())
        return makeError(ErrorCode::InvalidArgument, "the question mask must have the shape of the ids");
    return guarded<EncodedQuestion>("encoding the question", [&] {
        c10::InferenceMode inference;
        State &s = *m_state;
        StageTimer timer(s.device);
        const auto idsOnDevice = ids.to(s.device, at::kLong);
        const auto maskOnDevice = mask.to(s.device, at::kLong);
        const auto question = s.network->encodeQuestion(idsOnDevice, maskOnDevice);
        EncodedQuestion q;
        q.times.textMs = timer.lap();
        const auto [imageOutput, questionOutput]
            = s.network->fuse(question, maskOnDevice, visual.imageEmbeds);
        q.states = at::cat({imageOutput, questionOutput}, 1);
        q.mask = at::cat(
            {torch::ones({imageOutput.size(0), imageOutput.size(1)}, maskOnDevice.options()), maskOnDevice},
            1);
        q.times.fusionMs = timer.lap();
        q.geometry = visual.geometry;
        return q;
    });
}

Expected<GenerationResult> Mplug2::answer(const EncodedQuestion &question, const GenerationParams &params)
{
    if (!question.states.defined())
        return makeError(ErrorCode::InvalidArgument, "answer: no encoded question");
    if (auto ok = checkParams(params); !ok)
        return ok.error();
    return guarded<GenerationResult>("answering", [&] {
        c10::InferenceMode inference;
        return generate(*m_state->network->text_decoder, question.states, question.mask, params);
    });
}

Expected<std::vector<std::vector<RankedAnswer>>> Mplug2::rankAnswers(
    const EncodedQuestion &question, const std::vector<std::vector<int64_t>> &candidates, int64_t k)
{
    if (!question.states.defined())
        return makeError(ErrorCode::InvalidArgument, "rankAnswers: no encoded question");
    if (candidates.empty())
        return makeError(ErrorCode::InvalidArgument, "rankAnswers: no candidate answers");
    for (const auto &c : candidates)
        if (c.size() < 2 || c.front() != kStartTokenId)
            return makeError(ErrorCode::InvalidArgument, "candidate answers must be [CLS] answer [SEP] ids");
    auto [ids, mask] = padRows(candidates);
    const BertConfig &b = m_state->config.bert;
    if (auto ok = checkIds(ids, b.vocabSize, b.maxPositionEmbeddings, "candidate answers"); !ok)
        return ok.error();
    const int64_t kept = std::clamp<int64_t>(k, 1, static_cast<int64_t>(candidates.size()));
    return guarded<std::vector<std::vector<RankedAnswer>>>("ranking answers", [&] {
        c10::InferenceMode inference;
        const auto device = m_state->device;
        const auto ranked = model::rankAnswers(*m_state->network->text_decoder, question.states,
            question.mask, ids.to(device), mask.to(device), kept);
        const auto rankedIds = ranked.ids.to(at::kCPU);
        const auto rankedProbs = ranked.probs.to(at::kCPU).to(at::kFloat);
        std::vector<std::vector<RankedAnswer>> out(static_cast<size_t>(rankedIds.size(0)));
        for (int64_t i = 0; i < rankedIds.size(0); ++i)
            for (int64_t j = 0; j < kept; ++j)
                out[static_cast<size_t>(i)].push_back(
                    {rankedIds[i][j].item<int64_t>(), rankedProbs[i][j].item<float>()});
        return out;
    });
}

Expected<at::Tensor> Mplug2::mediaEmbedding(const VisualFeatures &visual)
{
    if (!visual.visualTokens.defined())
        return makeError(ErrorCode::InvalidArgument, "mediaEmbedding: no visual features");
    return guarded<at::Tensor>("embedding the media", [&] {
        c10::InferenceMode inference;
        const auto &proj = m_state->network->visual_encoder->visual->proj;
        const auto e = at::matmul(visual.visualTokens.select(1, 0), proj).to(at::kFloat);
        return (e / e.norm(2, -1, true)).to(at::kCPU);
    });
}

Expected<at::Tensor> Mplug2::textEmbedding(const at::Tensor &clipTokens)
{
    const ClipTextConfig &t = m_state->config.clipText;
    if (auto ok = checkIds(clipTokens, t.vocabSize, t.contextLength, "CLIP tokens"); !ok)
        return ok.error();
    return guarded<at::Tensor>("embedding the text", [&] {
        c10::InferenceMode inference;
        const auto e = m_state->network->visual_encoder->encodeText(clipTokens.to(m_state->device, at::kLong))
                           .to(at::kFloat);
        return (e / e.norm(2, -1, true)).to(at::kCPU);
    });
}

float Mplug2::clipLogitScale() const
{
    c10::InferenceMode inference;
    return m_state->network->visual_encoder->logit_scale.to(at::kFloat).exp().item<float>();
}

Expected<std::vector<TextScore>> Mplug2::scoreTexts(
    const VisualFeatures &visual, int64_t item, const std::vector<std::vector<int64_t>> &texts)
{
    if (!visual.imageEmbeds.defined() || item < 0 || item >= visual.imageEmbeds.size(0))
        return makeError(ErrorCode::InvalidArgument, "scoreTexts: no such media item");
    if (texts.empty())
        return std::vector<TextScore> {};
    for (const auto &t : texts)
        if (t.size() < 2 || t.front() != kStartTokenId)
            return makeError(
                ErrorCode::InvalidArgument, "texts to score must be [CLS] ... ids with at least one token");
    auto [ids, mask] = padRows(texts);
    const BertConfig &b = m_state->config.bert;
    if (auto ok = checkIds(ids, b.vocabSize, b.maxPositionEmbeddings, "texts to score"); !ok)
        return ok.error();
    return guarded<std::vector<TextScore>>("scoring texts", [&] {
        c10::InferenceMode inference;
        const auto device = m_state->device;
        const int64_t n = ids.size(0);
        const auto states = visual.imageEmbeds.narrow(0, item, 1).expand({n, -1, -1});
        const auto statesMask
            = torch::ones({n, states.size(1)}, at::TensorOptions().dtype(at::kLong).device(device));
        const auto perToken = tokenLogProbs(
            *m_state->network->text_decoder, ids.to(device), mask.to(device), states, statesMask)
                                  .to(at::kCPU)
                                  .to(at::kDouble);
        std::vector<TextScore> scores;
        for (int64_t i = 0; i < n; ++i) {
            TextScore s;
            s.tokens = static_cast<int64_t>(texts[static_cast<size_t>(i)].size()) - 1;
            s.sumLogProb = perToken[i].sum().item<double>();
            s.meanLogProb = s.sumLogProb / static_cast<double>(s.tokens);
            s.beamScore = static_cast<float>(s.sumLogProb / lengthPenalty(s.tokens));
            scores.push_back(s);
        }
        return scores;
    });
}

namespace {

TokenAttention explainStates(BertLMHeadModelImpl &decoder, const at::Tensor &states,
    const at::Tensor &statesMask, const std::vector<int64_t> &tokens, bool gradients)
{
    // Inference tensors cannot enter autograd: work on plain copies.
    const auto memory = states.clone();
    const auto memoryMask = statesMask.clone();
    const auto ids
        = torch::tensor(tokens, at::TensorOptions().dtype(at::kLong)).to(states.device()).unsqueeze(0);
    const auto mask = torch::ones_like(ids);
    std::optional<torch::NoGradGuard> noGrad;
    if (!gradients)
        noGrad.emplace();
    std::vector<at::Tensor> maps;
    const auto logits = decoder.forward(ids, mask, memory, memoryMask, &maps);
    const int64_t produced = ids.size(1) - 1, layers = static_cast<int64_t>(maps.size());
    TokenAttention out;
    out.tokenIds.assign(tokens.begin() + 1, tokens.end());
    // Token t is produced while the decoder reads position t - 1: that row of each map.
    std::vector<at::Tensor> perToken;
    for (int64_t t = 0; t < produced; ++t) {
        std::vector<at::Tensor> perLayer;
        for (const auto &m : maps)
            perLayer.push_back(m.select(0, 0).select(1, t).detach());
        perToken.push_back(at::stack(perLayer));
    }
    out.crossAttention = at::stack(perToken).to(at::kFloat).to(at::kCPU);
    if (!gradients)
        return out;
    const auto logProbs = at::log_softmax(logits.select(0, 0).to(at::kFloat), -1);
    std::vector<at::Tensor> grads;
    for (int64_t t = 0; t < produced; ++t) {
        const auto target = logProbs[t][tokens[static_cast<size_t>(t + 1)]];
        const auto g = torch::autograd::grad({target}, maps, {}, true, false, true);
        std::vector<at::Tensor> perLayer;
        for (int64_t l = 0; l < layers; ++l) {
            const auto &gl = g[static_cast<size_t>(l)];
            perLayer.push_back(gl.defined() ? gl.select(0, 0).select(1, t)
                                            : torch::zeros_like(maps[0].select(0, 0).select(1, t)));
        }
        grads.push_back(at::stack(perLayer));
    }
    out.gradients = at::stack(grads).to(at::kFloat).to(at::kCPU);
    out.gradCam = at::relu(out.gradients * out.crossAttention);
    return out;
}

} // namespace

Expected<TokenAttention> Mplug2::explain(
    const VisualFeatures &visual, int64_t item, const std::vector<int64_t> &ids, bool gradients)
{
    if (!visual.imageEmbeds.defined() || item < 0 || item >= visual.imageEmbeds.size(0))
        return makeError(ErrorCode::InvalidArgument, "explain: no such media item");
    if (ids.size() < 2 || ids.front() != kStartTokenId)
        return makeError(
            ErrorCode::InvalidArgument, "explain: ids must be [CLS] followed by at least one token");
    if (auto ok = checkIds(torch::tensor(ids).unsqueeze(0), m_state->config.bert.vocabSize,
            m_state->config.bert.maxPositionEmbeddings, "ids to explain");
        !ok)
        return ok.error();
    return guarded<TokenAttention>("explaining", [&] {
        const auto states = visual.imageEmbeds.narrow(0, item, 1);
        const auto mask
            = torch::ones({1, states.size(1)}, at::TensorOptions().dtype(at::kLong).device(states.device()));
        TokenAttention out = explainStates(*m_state->network->text_decoder, states, mask, ids, gradients);
        out.geometry = visual.geometry;
        return out;
    });
}

Expected<TokenAttention> Mplug2::explain(
    const EncodedQuestion &question, int64_t item, const std::vector<int64_t> &ids, bool gradients)
{
    if (!question.states.defined() || item < 0 || item >= question.states.size(0))
        return makeError(ErrorCode::InvalidArgument, "explain: no such question");
    if (ids.size() < 2 || ids.front() != kStartTokenId)
        return makeError(
            ErrorCode::InvalidArgument, "explain: ids must be [CLS] followed by at least one token");
    if (auto ok = checkIds(torch::tensor(ids).unsqueeze(0), m_state->config.bert.vocabSize,
            m_state->config.bert.maxPositionEmbeddings, "ids to explain");
        !ok)
        return ok.error();
    return guarded<TokenAttention>("explaining", [&] {
        TokenAttention out = explainStates(*m_state->network->text_decoder,
            question.states.narrow(0, item, 1), question.mask.narrow(0, item, 1), ids, gradients);
        out.geometry = question.geometry;
        return out;
    });
}

at::Tensor attentionRollout(const std::vector<at::Tensor> &vitAttention)
{
    TORCH_CHECK(!vitAttention.empty(), "attention rollout needs at least one layer");
    c10::InferenceMode inference;
    at::Tensor rollout;
    for (const auto &layer : vitAttention) {
        const auto a = layer.to(at::kFloat);
        const int64_t n = a.size(-1);
        // Add the residual path and renormalise rows (Abnar & Zuidema, 2020).
        const auto withResidual = a + torch::eye(n, a.options()).unsqueeze(0);
        const auto normalised = withResidual / withResidual.sum(-1, true);
        rollout = rollout.defined() ? at::matmul(normalised, rollout) : normalised;
    }
    return rollout.select(1, 0).narrow(-1, 1, rollout.size(-1) - 1).to(at::kCPU);
}

} // namespace mplug2::model
