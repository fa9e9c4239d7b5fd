#include "model/train/demolosses.h"

#include <cmath>
#include <torch/torch.h>

namespace mplug2::model::train {

namespace {

// CLIP caps the learned temperature so the logits cannot blow up.
const double kMaxLogitScale = std::log(100.0);

} // namespace

at::Tensor nextTokenLoss(const at::Tensor &logits, const at::Tensor &ids, const at::Tensor &mask)
{
    const int64_t len = ids.size(1);
    const auto predicted = logits.narrow(1, 0, len - 1).reshape({-1, logits.size(-1)});
    const auto targets
        = ids.narrow(1, 1, len - 1).masked_fill(mask.narrow(1, 1, len - 1) == 0, -100).reshape({-1});
    return torch::nn::functional::cross_entropy(
        predicted, targets, torch::nn::functional::CrossEntropyFuncOptions().ignore_index(-100));
}

at::Tensor contrastiveLoss(const at::Tensor &media, const at::Tensor &text, const at::Tensor &logitScale,
    const at::Tensor &positives)
{
    const auto m = media / media.norm(2, -1, true);
    const auto t = text / text.norm(2, -1, true);
    const auto logits = logitScale.clamp_max(kMaxLogitScale).exp() * at::matmul(m, t.t());
    const auto targets = positives / positives.sum(1, true);
    const auto mediaToText = -(targets * at::log_softmax(logits, 1)).sum(1).mean();
    const auto textToMedia = -(targets.t() * at::log_softmax(logits.t(), 1)).sum(1).mean();
    return (mediaToText + textToMedia) / 2;
}

LossValues demoLosses(Mplug2ModelImpl &network, const TrainingBatch &batch, const LossWeights &weights)
{
    LossValues out;
    const auto tokens = network.visualTokens(batch.pixels);
    const auto embeds = network.universalEmbeds(network.projectVisual(tokens));
    const auto visualMask = torch::ones({embeds.size(0), embeds.size(1)}, at::kLong);
    auto &decoder = *network.text_decoder;

    std::vector<at::Tensor> crossProbs;
    const bool attend = weights.attention > 0 && batch.attentionItem.numel() > 0;
    const auto captionLogits = decoder.forward(
        batch.captionIds, batch.captionMask, embeds, visualMask, attend ? &crossProbs : nullptr);
    const auto caption = nextTokenLoss(captionLogits, batch.captionIds, batch.captionMask);
    out.total = weights.caption * caption;
    out.caption = caption.item<double>();

    if (attend) {
        // (B, L, N): the map the attention view shows.
        const auto mean = at::stack(crossProbs).mean(at::IntArrayRef {0, 2});
        const auto rows = mean.index({batch.attentionItem, batch.attentionQuery});
        const auto inside = (rows * batch.attentionMask).sum(1);
        const auto attention = -at::log(inside + 1e-6).mean();
        out.total = out.total + weights.attention * attention;
        out.attention = attention.item<double>();
    }

    if (weights.qa > 0) {
        const auto question = network.encodeQuestion(batch.questionIds, batch.questionMask);
        const auto [visualOut, questionOut] = network.fuse(question, batch.questionMask, embeds);
        const auto states = at::cat({visualOut, questionOut}, 1);
        const auto statesMask = at::cat({visualMask, batch.questionMask}, 1);
        const auto answerLogits = decoder.forward(batch.answerIds, batch.answerMask, states, statesMask);
        const auto qa = nextTokenLoss(answerLogits, batch.answerIds, batch.answerMask);
        out.total = out.total + weights.qa * qa;
        out.qa = qa.item<double>();
    }

    if (weights.itc > 0) {
        auto &clip = *network.visual_encoder;
        const auto media = at::matmul(tokens.select(1, 0), clip.visual->proj);
        const auto text = clip.encodeText(batch.captionIds);
        const auto itc = contrastiveLoss(media, text, clip.logit_scale, batch.sameCaption);
        out.total = out.total + weights.itc * itc;
        out.itc = itc.item<double>();
    }
    return out;
}

} // namespace mplug2::model::train
