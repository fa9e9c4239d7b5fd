// Classify, score texts and CLIP-space text embeddings: the tasks that score
// given texts instead of generating.
#include "app/engine/backendtasks.h"
#include "model/text/cliptextids.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <ATen/ATen.h>
#include <algorithm>
#include <cmath>

namespace mplug2::app {

namespace {

struct ScoringTasksText {
    Q_DECLARE_TR_FUNCTIONS(Mplug2Backend)
};

constexpr int kMaxTexts = 10000;
/// Texts scored per decoder pass: long label lists stay within memory and can be cancelled.
constexpr qsizetype kChunk = 32;

Expected<void> checkTexts(const QStringList &texts, int atLeast)
{
    if (texts.size() < atLeast)
        return makeError(ErrorCode::InvalidArgument,
            ScoringTasksText::tr("give at least %1 texts to score").arg(atLeast).toStdString());
    if (texts.size() > kMaxTexts)
        return makeError(ErrorCode::LimitExceeded,
            ScoringTasksText::tr("at most %1 texts can be scored at once").arg(kMaxTexts).toStdString());
    return {};
}

struct Likelihoods {
    std::vector<double> meanLogProb;
    std::vector<std::vector<int64_t>> ids;
};

/// Each text as the caption model saw captions in training, [CLS] prompt
/// text [SEP] (prompt and text tokenized apart, so that a text never merges
/// with the prompt's last word), scored by the mean log-probability of the
/// text's tokens and [SEP]: the prompt is given, not scored. The decoder is
/// causal, so the prompt's own log-probabilities are the same in every row
/// and are taken out by scoring [CLS] prompt once.
Expected<Likelihoods> captionLikelihoods(
    LoadedModel &model, const QStringList &texts, const VisualEmbedding &visual, RequestContext &context)
{
    if (!model.bundle.captions())
        return makeError(ErrorCode::Unsupported,
            ScoringTasksText::tr(
                "%1 reads a question first: give a question to classify with a question-answering "
                "model")
                .arg(model.bundle.name)
                .toStdString());
    const model::text::SpecialTokenIds special = model.tokenizer->specialTokenIds();
    std::vector<int64_t> prefix {special.start};
    const std::vector<int64_t> prompt
        = model.bundle.prompt.isEmpty() ? std::vector<int64_t> {} : model.encodeWords(model.bundle.prompt);
    prefix.insert(prefix.end(), prompt.begin(), prompt.end());
    double promptLogProb = 0;
    if (!prompt.empty()) {
        const Expected<std::vector<model::TextScore>> s = model.net->scoreTexts(visual.features, 0, {prefix});
        if (!s)
            return s.error();
        promptLogProb = s->front().sumLogProb;
    }
    Likelihoods out;
    for (const QString &t : texts) {
        std::vector<int64_t> ids = prefix;
        const std::vector<int64_t> words = model.encodeWords(t);
        ids.insert(ids.end(), words.begin(), words.end());
        ids.push_back(special.end);
        out.ids.push_back(std::move(ids));
    }
    for (size_t first = 0; first < out.ids.size(); first += kChunk) {
        const size_t last = std::min(out.ids.size(), first + size_t(kChunk));
        const std::vector<std::vector<int64_t>> chunk(
            out.ids.begin() + qsizetype(first), out.ids.begin() + qsizetype(last));
        const Expected<std::vector<model::TextScore>> scores
            = model.net->scoreTexts(visual.features, 0, chunk);
        if (!scores)
            return scores.error();
        context.counters().decoderSteps.fetch_add(1);
        for (const model::TextScore &s : *scores)
            out.meanLogProb.push_back(
                (s.sumLogProb - promptLogProb) / double(s.tokens - int64_t(prompt.size())));
        context.progress(EngineStage::Ranking, int(last), int(out.ids.size()));
        if (context.isCancelled())
            return RequestContext::cancelledError();
    }
    return out;
}

/// CLIP-space embeddings (N, embedDim), L2-normalised, float32 on the CPU.
Expected<at::Tensor> clipTextEmbeddings(LoadedModel &model, const QStringList &texts)
{
    if (!model.clipTokenizer)
        return makeError(ErrorCode::Unsupported,
            ScoringTasksText::tr(
                "CLIP-space text needs the CLIP BPE vocabulary (bpe_simple_vocab_16e6.txt.gz): "
                "name it as clip_bpe in the model bundle or pass --clip-bpe")
                .toStdString());
    // Start and end tokens around each text (the tower reads the end token,
    // the row's largest id), zero-padded to the longest row.
    const auto context = size_t(model.config().clipText.contextLength);
    std::vector<std::vector<model::text::TokenId>> rows;
    size_t width = 1;
    for (const QString &t : texts) {
        rows.push_back(model::text::clipTextIds(*model.clipTokenizer, t.toStdString(), context));
        width = std::max(width, rows.back().size());
    }
    at::Tensor ids = at::zeros({int64_t(rows.size()), int64_t(width)}, at::kLong);
    auto cells = ids.accessor<int64_t, 2>();
    for (size_t i = 0; i < rows.size(); ++i)
        for (size_t j = 0; j < rows[i].size(); ++j)
            cells[int64_t(i)][int64_t(j)] = rows[i][j];
    return model.net->textEmbedding(ids);
}

QList<float> floatsOf(const at::Tensor &vector)
{
    const at::Tensor v = vector.to(at::kFloat).contiguous();
    return QList<float>(v.data_ptr<float>(), v.data_ptr<float>() + v.numel());
}

void sortByScore(QList<ResultItem> &items)
{
    std::stable_sort(items.begin(), items.end(),
        [](const ResultItem &a, const ResultItem &b) { return a.score > b.score; });
}

/// A softmax over the labels' scores.
std::vector<double> probabilities(const std::vector<double> &scores)
{
    const double top = *std::max_element(scores.begin(), scores.end());
    double sum = 0;
    for (double v : scores)
        sum += std::exp(v - top);
    std::vector<double> p;
    for (double v : scores)
        p.push_back(std::exp(v - top) / sum);
    return p;
}

} // namespace

Expected<void> runClassify(LoadedModel &model, const EngineRequest &request, const VisualEmbedding &visual,
    RequestContext &context, EngineResult &result)
{
    if (Expected<void> ok = checkTexts(request.texts, 2); !ok)
        return ok;
    result.labelTemplate = request.labelTemplate;
    result.classifyMethod = request.classifyMethod;
    QStringList texts;
    for (const QString &label : request.texts)
        texts.append(QString(request.labelTemplate).replace(QStringLiteral("{}"), label));
    if (model.bundle.kind == ModelKind::Qa && request.classifyMethod == ClassifyMethod::DecoderLikelihood
        && !request.question.trimmed().isEmpty()) {
        EngineRequest asAnswers = request;
        asAnswers.texts = texts;
        asAnswers.rankTopK = int(texts.size());
        asAnswers.attention = {};
        if (Expected<void> ok = runAnswer(model, asAnswers, visual, context, result); !ok)
            return ok;
        for (ResultItem &item : result.items)
            item.text = request.texts.at(texts.indexOf(item.text));
        return {};
    }
    QElapsedTimer clock;
    clock.start();
    std::vector<double> scores;
    std::vector<std::vector<int64_t>> ids(size_t(texts.size()));
    if (request.classifyMethod == ClassifyMethod::ClipSimilarity) {
        const Expected<at::Tensor> embeddings = clipTextEmbeddings(model, texts);
        if (!embeddings)
            return embeddings.error();
        const at::Tensor media
            = at::tensor(std::vector<float>(visual.clip.begin(), visual.clip.end()), at::kFloat);
        const at::Tensor similarity = embeddings->matmul(media);
        const double scale = model.net->clipLogitScale();
        for (int64_t i = 0; i < similarity.size(0); ++i)
            scores.push_back(scale * similarity[i].item<double>());
    } else {
        Expected<Likelihoods> l = captionLikelihoods(model, texts, visual, context);
        if (!l)
            return l.error();
        scores = l->meanLogProb;
        ids = l->ids;
    }
    const std::vector<double> p = probabilities(scores);
    for (qsizetype i = 0; i < request.texts.size(); ++i) {
        const std::vector<int64_t> &row = ids[size_t(i)];
        result.items.append(ResultItem {
            request.texts.at(i), p[size_t(i)], QList<qint64>(row.begin(), row.end()), model.tokensOf(row)});
    }
    sortByScore(result.items);
    result.timings.generateMs = elapsedMs(clock);
    return {};
}

Expected<void> runScoreTexts(LoadedModel &model, const EngineRequest &request, const VisualEmbedding &visual,
    RequestContext &context, EngineResult &result)
{
    if (Expected<void> ok = checkTexts(request.texts, 1); !ok)
        return ok;
    QElapsedTimer clock;
    clock.start();
    Expected<Likelihoods> l = captionLikelihoods(model, request.texts, visual, context);
    if (!l)
        return l.error();
    for (qsizetype i = 0; i < request.texts.size(); ++i) {
        const std::vector<int64_t> &row = l->ids[size_t(i)];
        result.items.append(ResultItem {request.texts.at(i), l->meanLogProb[size_t(i)],
            QList<qint64>(row.begin(), row.end()), model.tokensOf(row)});
    }
    sortByScore(result.items);
    result.timings.generateMs = elapsedMs(clock);
    // Where the model looks while it reads the best text ("Why this result?").
    const ResultItem &best = result.items.front();
    return attachCaptionAttention(model, std::vector<int64_t>(best.tokenIds.begin(), best.tokenIds.end()),
        visual, request.attention, context, result);
}

Expected<void> runEmbedTexts(
    LoadedModel &model, const EngineRequest &request, RequestContext &context, EngineResult &result)
{
    if (Expected<void> ok = checkTexts(request.texts, 1); !ok)
        return ok;
    QElapsedTimer clock;
    clock.start();
    context.progress(EngineStage::EncodingText, 0, 1);
    const Expected<at::Tensor> embeddings = clipTextEmbeddings(model, request.texts);
    if (!embeddings)
        return embeddings.error();
    for (int64_t i = 0; i < embeddings->size(0); ++i)
        result.textEmbeddings.append(floatsOf((*embeddings)[i]));
    context.counters().textEncoderRuns.fetch_add(request.texts.size());
    result.timings.textMs = elapsedMs(clock);
    return {};
}

} // namespace mplug2::app
