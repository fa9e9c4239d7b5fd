#include "model/parity/modelparitykinds.h"

#include "model/parity/fixturemodels.h"
#include "model/parity/modelstages.h"
#include "model/parity/tokenizerparitykinds.h"
#include "model/tasks/answerranking.h"

#include <memory>
#include <torch/torch.h>

namespace mplug2::model {

namespace {

// The checkpoint files that hold a case's weights: its own, then also_checkpoints.
std::vector<std::string> checkpointsOf(json::View entry)
{
    std::vector<std::string> files {entry["checkpoint"].asString()};
    for (json::View also : entry["also_checkpoints"].items())
        files.push_back(also.asString());
    return files;
}

at::TensorOptions floatOptions(const ParityCase &c)
{
    return at::TensorOptions()
        .device(torchDevice(c.options.target))
        .dtype(torchDtype(c.options.target.precision));
}

at::Tensor onesFor(const at::Tensor &states)
{
    return torch::ones({states.size(0), states.size(1)}, states.options().dtype(at::kLong));
}

CaseOutcome runCaption(FixtureModels &fixtures, const ParityCase &c, const std::string &checkpoint)
{
    json::View entry = c.entry;
    const std::string p = entry["prefix"].asString();
    auto model = fixtures.model(c, entry["config"].asString(), checkpoint);
    const StateDict &expected = fixtures.expected(c, entry["expected"].asString());
    CaseChecker check(c.tolerances);
    c10::InferenceMode inference;
    const auto embeds = checkVisualStages(check, *model, expected, p, floatOptions(c));
    const auto mask = onesFor(embeds);
    checkDecoder(check, *model, expected, p, embeds, mask);
    checkGeneration(
        check, *model, expected, entry, p, embeds, mask, c.options.target.precision, c.options.sameTopBeam);
    checkCaseTexts(check, c);
    checkCoverage(check, entry, {"pixel", "dec/input_ids", "dec/attention_mask"});
    return check.outcome(entry["id"].asString(), checkpoint);
}

CaseOutcome runQa(FixtureModels &fixtures, const ParityCase &c, const std::string &checkpoint)
{
    json::View entry = c.entry;
    const std::string p = entry["prefix"].asString();
    auto model = fixtures.model(c, entry["config"].asString(), checkpoint);
    const StateDict &expected = fixtures.expected(c, entry["expected"].asString());
    const auto device = torchDevice(c.options.target);
    CaseChecker check(c.tolerances);
    c10::InferenceMode inference;
    const auto embeds = checkVisualStages(check, *model, expected, p, floatOptions(c));
    const auto questionIds = expectedTensor(expected, p + "question/input_ids").to(device);
    const auto questionMask = expectedTensor(expected, p + "question/attention_mask").to(device);
    const auto question = model->encodeQuestion(questionIds, questionMask);
    check.tensor(p + "question/last_hidden", question, expectedTensor(expected, p + "question/last_hidden"));
    const auto [imageOutput, questionOutput] = model->fuse(question, questionMask, embeds);
    check.tensor(p + "fusion/image_output", imageOutput, expectedTensor(expected, p + "fusion/image_output"));
    check.tensor(
        p + "fusion/question_output", questionOutput, expectedTensor(expected, p + "fusion/question_output"));
    const auto states = at::cat({imageOutput, questionOutput}, 1);
    const auto mask = at::cat({onesFor(imageOutput), questionMask.to(at::kLong)}, 1);
    check.tensor(p + "fusion/merged_attention_mask", mask,
        expectedTensor(expected, p + "fusion/merged_attention_mask"));
    checkDecoder(check, *model, expected, p, states, mask);
    checkGeneration(
        check, *model, expected, entry, p, states, mask, c.options.target.precision, c.options.sameTopBeam);
    if (expected.count(p + "rank/topk_ids")) {
        const auto answerIds = expectedTensor(expected, "answers/input_ids").to(device);
        const auto answerMask = expectedTensor(expected, "answers/attention_mask").to(device);
        const int64_t k = entry["input"]["k"].asInt(expected.at(p + "rank/topk_ids").size(1));
        const auto ranked = rankAnswers(*model->text_decoder, states, mask, answerIds, answerMask, k);
        const auto &expectedIds = expected.at(p + "rank/topk_ids");
        const auto &expectedProbs = expectedTensor(expected, p + "rank/topk_probs");
        if (check.reducedPrecision() && !ranked.ids.to(at::kCPU).equal(expectedIds)) {
            // Near-equal probabilities may swap places: compare each answer's probability by answer.
            const auto ourProbs = torch::zeros({expectedIds.size(0), answerIds.size(0)});
            ourProbs.scatter_(1, ranked.ids.to(at::kCPU), ranked.probs.to(at::kCPU).to(at::kFloat));
            check.tensor(p + "rank/topk_probs", ourProbs.gather(1, expectedIds), expectedProbs);
            check.markChecked(p + "rank/topk_ids");
        } else {
            check.tensor(p + "rank/topk_ids", ranked.ids, expectedIds);
            check.tensor(p + "rank/topk_probs", ranked.probs, expectedProbs);
        }
    }
    checkCaseTexts(check, c);
    checkCoverage(check, entry,
        {"pixel", "question/input_ids", "question/attention_mask", "dec/input_ids", "dec/attention_mask",
            "answers/input_ids", "answers/attention_mask"});
    return check.outcome(entry["id"].asString(), checkpoint);
}

CaseOutcome runClip(FixtureModels &fixtures, const ParityCase &c, const std::string &checkpoint)
{
    json::View entry = c.entry;
    const std::string p = entry["prefix"].asString();
    auto model = fixtures.model(c, entry["config"].asString(), checkpoint);
    const StateDict &expected = fixtures.expected(c, entry["expected"].asString());
    const auto device = torchDevice(c.options.target);
    CaseChecker check(c.tolerances);
    c10::InferenceMode inference;
    auto &clip = *model->visual_encoder;
    const auto image
        = clip.encodeImage(expectedTensor(expected, p + "pixel").to(floatOptions(c))).to(at::kFloat);
    check.tensor(p + "image_embed_raw", image, expectedTensor(expected, p + "image_embed_raw"));
    const auto imageNorm = image / image.norm(2, -1, true);
    check.tensor(p + "image_embed", imageNorm, expectedTensor(expected, p + "image_embed"));
    const auto text = clip.encodeText(expectedTensor(expected, p + "text_tokens").to(device)).to(at::kFloat);
    check.tensor(p + "text_embed_raw", text, expectedTensor(expected, p + "text_embed_raw"));
    const auto textNorm = text / text.norm(2, -1, true);
    check.tensor(p + "text_embed", textNorm, expectedTensor(expected, p + "text_embed"));
    const auto logits = clip.logit_scale.to(at::kFloat).exp() * at::matmul(imageNorm, textNorm.t());
    check.tensor(p + "logits_per_image", logits, expectedTensor(expected, p + "logits_per_image"));
    checkCaseTexts(check, c);
    checkCoverage(check, entry, {"pixel", "text_tokens"});
    return check.outcome(entry["id"].asString(), checkpoint);
}

using CaseRun = CaseOutcome (*)(FixtureModels &, const ParityCase &, const std::string &);

ParityHandler perCheckpoint(std::shared_ptr<FixtureModels> fixtures, CaseRun run, bool allCheckpoints)
{
    return [fixtures, run, allCheckpoints](const ParityCase &c) {
        std::vector<CaseOutcome> outcomes;
        const auto files = checkpointsOf(c.entry);
        for (size_t i = 0; i < (allCheckpoints ? files.size() : 1); ++i)
            outcomes.push_back(run(*fixtures, c, files[i]));
        return outcomes;
    };
}

} // namespace

void registerModelParityKinds(ParityRunner &runner)
{
    auto fixtures = std::make_shared<FixtureModels>();
    runner.registerKind("caption", perCheckpoint(fixtures, &runCaption, true));
    runner.registerKind("qa", perCheckpoint(fixtures, &runQa, true));
    runner.registerKind("clip_embed", perCheckpoint(fixtures, &runClip, true));
    const std::string media = "needs media decoding: `mplug2 parity` (the app) runs this kind";
    for (const char *kind : {"frame_indices", "video_transform", "image_transform"})
        runner.registerSkippedKind(kind, media);
    registerTokenizerParityKinds(runner);
}

} // namespace mplug2::model
