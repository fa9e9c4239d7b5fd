// Faithfulness: how well a map predicts what the model needs (deletion and
// insertion curves through the whole model, model/tasks/faithfulness.h).
#include "app/engine/backendtasks.h"
#include "model/generation/generationparams.h"
#include "model/tasks/faithfulness.h"
#include "model/text/officialtext.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <ATen/ATen.h>

namespace mplug2::app {

namespace {

struct FaithfulnessTaskText {
    Q_DECLARE_TR_FUNCTIONS(Mplug2Backend)
};

bool isSpecial(qint64 id)
{
    return id == model::kStartTokenId || id == model::kEndTokenId || id == model::kPadTokenId;
}

} // namespace

Expected<void> runFaithfulness(LoadedModel &model, const EngineRequest &request,
    const VisualEmbedding &visual, RequestContext &context, EngineResult &result)
{
    const FaithfulnessRequest &f = request.faithfulness;
    if (f.tokenIds.size() < 2 || f.tokenIds.front() != model::kStartTokenId)
        return makeError(ErrorCode::InvalidArgument,
            FaithfulnessTaskText::tr("faithfulness needs the text's token ids, [CLS] first").toStdString());
    // The map's token k is the k-th word of the text after [CLS] (AttentionMaps leaves special tokens out).
    std::vector<int64_t> words;
    for (qsizetype i = 1; i < f.tokenIds.size(); ++i)
        if (!isSpecial(f.tokenIds.at(i)))
            words.push_back(int64_t(i) - 1);
    if (words.empty() || f.token < -1 || f.token >= int(words.size()))
        return makeError(ErrorCode::InvalidArgument,
            FaithfulnessTaskText::tr("the text has no token %1 (it has %2)")
                .arg(f.token)
                .arg(words.size())
                .toStdString());
    const std::vector<int64_t> tokens = f.token < 0 ? words : std::vector<int64_t> {words[size_t(f.token)]};
    const qsizetype patches = qsizetype(visual.geometry.frames) * visual.geometry.patchesPerFrame();
    if (f.saliency.size() != patches)
        return makeError(ErrorCode::InvalidArgument,
            FaithfulnessTaskText::tr(
                "the map has %1 values, the medium %2 patches: was it made with other frames?")
                .arg(f.saliency.size())
                .arg(patches)
                .toStdString());
    std::vector<int64_t> questionIds;
    if (!request.question.isEmpty()) {
        const std::string question = model::text::preQuestion(
            request.question.toStdString(), model::text::kOfficialMaxQuestionWords);
        questionIds = model.tokenizer->encode(question);
    }
    QElapsedTimer clock;
    clock.start();
    model::FaithfulnessParams params = model::FaithfulnessParams::defaultParams();
    params.steps = std::max(1, f.steps);
    params.progress = [&context](int64_t done, int64_t total) {
        context.progress(EngineStage::Attention, int(done), int(total));
        return !context.isCancelled();
    };
    const std::vector<float> values(f.saliency.begin(), f.saliency.end());
    const Expected<model::FaithfulnessScore> score = model::faithfulness(*model.net, visual.pixels,
        questionIds, std::vector<int64_t>(f.tokenIds.begin(), f.tokenIds.end()), tokens,
        at::tensor(values, at::kFloat), params);
    if (!score && score.error().code == ErrorCode::Cancelled)
        return RequestContext::cancelledError();
    if (!score)
        return score.error();
    FaithfulnessResult out;
    out.fractions = QList<double>(score->fractions.begin(), score->fractions.end());
    out.deletion = QList<double>(score->deletion.begin(), score->deletion.end());
    out.insertion = QList<double>(score->insertion.begin(), score->insertion.end());
    out.deletionAuc = score->deletionAuc;
    out.insertionAuc = score->insertionAuc;
    out.probability = score->probability;
    result.faithfulness = out;
    result.timings.attentionMs = double(clock.nsecsElapsed()) / 1e6;
    return {};
}

} // namespace mplug2::app
