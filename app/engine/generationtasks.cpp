// Caption and answer: the tasks that generate text (or rank candidate answers).
#include "app/engine/backendtasks.h"
#include "model/text/officialtext.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <ATen/ATen.h>
#include <algorithm>

namespace mplug2::app {

namespace {

struct GenerationTasksText {
    Q_DECLARE_TR_FUNCTIONS(Mplug2Backend)
};

/// The request's settings over the bundle's defaults for the task; the
/// stop hook reports each step as progress and stops on cancel.
model::GenerationParams generationParams(
    const LoadedModel &model, const GenerationOptions &g, bool qa, RequestContext &context)
{
    const GenerationDefaults defaults = qa ? model.bundle.qaGeneration : model.bundle.captionGeneration;
    model::GenerationParams p = model::GenerationParams::defaultParams();
    p.beamSize = g.beamSize > 0 ? g.beamSize : defaults.beamSize;
    p.minLength = g.minLength >= 0 ? g.minLength : defaults.minLength;
    p.maxLength = g.maxLength > 0 ? g.maxLength : defaults.maxLength;
    p.minLength = std::min(p.minLength, p.maxLength);
    if (g.method == DecodingMethod::Greedy)
        p.beamSize = 1;
    if (g.method == DecodingMethod::Sample) {
        p.strategy = model::DecodingStrategy::Sample;
        p.temperature = g.temperature;
        p.topK = g.topK;
        p.topP = g.topP;
        p.seed = g.seed;
    }
    p.nBest = std::max<int64_t>(1, g.numResults);
    if (p.strategy == model::DecodingStrategy::Beam)
        p.nBest = std::min(p.nBest, p.beamSize);
    const int maxLength = int(p.maxLength);
    auto step = std::make_shared<int>(0);
    p.shouldStop = [&context, step, maxLength] {
        context.counters().decoderSteps.fetch_add(1);
        context.progress(EngineStage::Generating, std::min(++*step, maxLength), maxLength);
        return context.isCancelled();
    };
    return p;
}

ResultItem itemOf(const LoadedModel &model, const model::Hypothesis &h, const QString &prompt)
{
    ResultItem item;
    const std::string decoded = model.tokenizer->decode(h.ids);
    item.text = QString::fromStdString(model::text::postprocessCaption(decoded, prompt.toStdString()));
    item.score = h.score;
    item.tokenIds = QList<qint64>(h.ids.begin(), h.ids.end());
    item.tokens = model.tokensOf(h.ids);
    return item;
}

/// Generated n-best as result items; an error when cancelled or empty.
Expected<void> takeHypotheses(const LoadedModel &model, const Expected<model::GenerationResult> &generated,
    const QString &prompt, RequestContext &context, EngineResult &result)
{
    if (!generated)
        return generated.error();
    if (generated->cancelled || context.isCancelled())
        return RequestContext::cancelledError();
    if (generated->items.empty() || generated->items.front().empty())
        return makeError(
            ErrorCode::Internal, GenerationTasksText::tr("the decoder produced no text").toStdString());
    for (const model::Hypothesis &h : generated->items.front())
        result.items.append(itemOf(model, h, prompt));
    return {};
}

std::vector<int64_t> idsOf(const ResultItem &item)
{
    return std::vector<int64_t>(item.tokenIds.begin(), item.tokenIds.end());
}

} // namespace

Expected<void> runCaption(LoadedModel &model, const EngineRequest &request, const VisualEmbedding &visual,
    RequestContext &context, EngineResult &result)
{
    if (!model.bundle.captions())
        return makeError(ErrorCode::Unsupported,
            GenerationTasksText::tr(
                "%1 answers questions and does not caption: ask a question, or load a caption "
                "model")
                .arg(model.bundle.name)
                .toStdString());
    QElapsedTimer clock;
    clock.start();
    const Expected<model::GenerationResult> generated
        = model.net->caption(visual.features, generationParams(model, request.generation, false, context));
    result.timings.generateMs = elapsedMs(clock);
    if (Expected<void> ok = takeHypotheses(model, generated, model.bundle.prompt, context, result); !ok)
        return ok;
    return attachCaptionAttention(
        model, idsOf(result.items.front()), visual, request.attention, context, result);
}

Expected<void> runAnswer(LoadedModel &model, const EngineRequest &request, const VisualEmbedding &visual,
    RequestContext &context, EngineResult &result)
{
    if (!model.bundle.answersQuestions())
        return makeError(ErrorCode::Unsupported,
            GenerationTasksText::tr(
                "%1 is not a question-answering model: load a QA model bundle to ask questions")
                .arg(model.bundle.name)
                .toStdString());
    const std::string question
        = model::text::preQuestion(request.question.toStdString(), model::text::kOfficialMaxQuestionWords);
    if (question.empty())
        return makeError(
            ErrorCode::InvalidArgument, GenerationTasksText::tr("the question is empty").toStdString());
    result.question = request.question;

    QElapsedTimer clock;
    clock.start();
    context.progress(EngineStage::EncodingText, 0, 1);
    const std::vector<int64_t> questionIds = model.tokenizer->encode(question);
    const at::Tensor ids = at::tensor(questionIds, at::kLong).unsqueeze(0);
    const Expected<model::EncodedQuestion> encoded
        = model.net->encodeQuestion(visual.features, ids, at::ones_like(ids));
    if (!encoded)
        return encoded.error();
    context.counters().textEncoderRuns.fetch_add(1);
    result.timings.textMs = elapsedMs(clock);
    if (context.isCancelled())
        return RequestContext::cancelledError();
    const auto explain = [&](const std::vector<int64_t> &answer, bool gradients) {
        return model.net->explain(*encoded, 0, answer, gradients);
    };
    const auto occlude = [&](const std::vector<int64_t> &answer, const model::OcclusionParams &params) {
        return params.pixels
            ? model::pixelOcclusionMaps(*model.net, visual.pixels, questionIds, answer, params)
            : model::occlusionMaps(*model.net, *encoded, 0, answer, params);
    };

    clock.restart();
    if (request.texts.isEmpty()) {
        const Expected<model::GenerationResult> generated
            = model.net->answer(*encoded, generationParams(model, request.generation, true, context));
        result.timings.generateMs = elapsedMs(clock);
        if (Expected<void> ok = takeHypotheses(model, generated, QString(), context, result); !ok)
            return ok;
        return attachAttention(
            model, idsOf(result.items.front()), visual, request.attention, context, result, explain, occlude);
    }

    // The official rank_answer over the candidates, each written as answer + "[SEP]".
    std::vector<std::vector<int64_t>> candidates;
    for (const QString &t : request.texts)
        candidates.push_back(model.tokenizer->encode(model::text::withEndOfText(t.toStdString())));
    const int64_t k
        = std::min<int64_t>(int64_t(candidates.size()), request.rankTopK > 0 ? request.rankTopK : 128);
    context.progress(EngineStage::Ranking, 0, int(k));
    const Expected<std::vector<std::vector<model::RankedAnswer>>> ranked
        = model.net->rankAnswers(*encoded, candidates, k);
    if (!ranked)
        return ranked.error();
    result.timings.generateMs = elapsedMs(clock);
    context.progress(EngineStage::Ranking, int(k), int(k));
    for (const model::RankedAnswer &r : ranked->front()) {
        const std::vector<int64_t> &ids = candidates[size_t(r.candidate)];
        result.items.append(ResultItem {request.texts.at(r.candidate), r.probability,
            QList<qint64>(ids.begin(), ids.end()), model.tokensOf(ids)});
    }
    return attachAttention(
        model, idsOf(result.items.front()), visual, request.attention, context, result, explain, occlude);
}

} // namespace mplug2::app
