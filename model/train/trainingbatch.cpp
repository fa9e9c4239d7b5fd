#include "model/train/trainingbatch.h"

#include "model/synthetic/scenesampler.h"
#include "model/synthetic/scenetext.h"

#include <algorithm>
#include <cmath>
#include <torch/torch.h>
#include <tuple>

namespace mplug2::model::train {

namespace {

constexpr std::string_view kWordStart = "\xE2\x96\x81"; // SentencePiece's U+2581

// Zero-padded ids and mask of ragged rows, at least `minColumns` wide.
std::pair<at::Tensor, at::Tensor> padded(
    const std::vector<std::vector<int64_t>> &rows, int64_t minColumns = 0)
{
    int64_t width = minColumns;
    for (const auto &r : rows)
        width = std::max<int64_t>(width, int64_t(r.size()));
    auto ids = torch::zeros({int64_t(rows.size()), width}, at::kLong);
    auto mask = torch::zeros_like(ids);
    auto a = ids.accessor<int64_t, 2>();
    auto m = mask.accessor<int64_t, 2>();
    for (size_t i = 0; i < rows.size(); ++i)
        for (size_t j = 0; j < rows[i].size(); ++j) {
            a[int64_t(i)][int64_t(j)] = rows[i][j];
            m[int64_t(i)][int64_t(j)] = 1;
        }
    return {ids, mask};
}

// One question per scene, its kind drawn first so that each kind is asked
// about as often (the count question would otherwise be rare).
const synthetic::QuestionAnswer &pickQuestion(
    const std::vector<synthetic::QuestionAnswer> &qas, synthetic::SceneRandom &random)
{
    const auto kind = qas[size_t(random.integer(0, int(qas.size()) - 1))].kind;
    std::vector<size_t> sameKind;
    for (size_t i = 0; i < qas.size(); ++i)
        if (qas[i].kind == kind)
            sameKind.push_back(i);
    return qas[sameKind[size_t(random.integer(0, int(sameKind.size()) - 1))]];
}

} // namespace

std::vector<int> wordStartPositions(const text::Tokenizer &tokenizer, const std::vector<int64_t> &ids)
{
    std::vector<int> starts;
    for (size_t i = 0; i < ids.size(); ++i)
        if (tokenizer.idToToken(ids[i]).starts_with(kWordStart))
            starts.push_back(int(i));
    return starts;
}

std::vector<int64_t> tokensCovering(const synthetic::Box &box, int frame, int grid, int patch)
{
    std::vector<int64_t> tokens;
    for (int r = 0; r < grid; ++r)
        for (int c = 0; c < grid; ++c) {
            const synthetic::Box cell {
                double(c * patch), double(r * patch), double((c + 1) * patch), double((r + 1) * patch)};
            if (cell.intersects(box))
                tokens.push_back(1 + int64_t(frame) * grid * grid + r * grid + c);
        }
    return tokens;
}

BatchMaker::BatchMaker(const DemoTextCodec &codec, const BatchOptions &options)
    : m_codec(codec)
    , m_options(options)
    , m_renderer(options.input)
{ }

bool BatchMaker::isPictureBatch(int64_t index) const
{
    synthetic::SceneRandom random(m_options.seed, uint64_t(index) * 2 + 1);
    return random.chance(m_options.pictureBatches);
}

TrainingBatch BatchMaker::make(int64_t index) const
{
    using namespace synthetic;
    const bool pictures = isPictureBatch(index);
    SceneSampler sampler(SceneRandom(m_options.seed, uint64_t(index) * 2));
    const int b = m_options.batchSize;
    const int res = m_options.input.imageRes;
    const int frames = pictures ? 1 : m_options.input.frames;
    const int grid = res / m_options.patchSize;
    const int64_t visualTokens = 1 + int64_t(frames) * grid * grid;

    TrainingBatch batch;
    batch.pixels = torch::empty({b, 3, frames, res, res});
    std::vector<std::vector<int64_t>> captions, questionRows, answerRows;
    std::vector<int64_t> attentionItem, attentionQuery;
    std::vector<std::vector<int64_t>> attentionTokens;
    const std::size_t perItem = std::size_t(3) * frames * res * res;
    for (int i = 0; i < b; ++i) {
        const int shapes = sampler.random().chance(m_options.twoShapes) ? 2 : 1;
        Scene scene = sampler.sample(pictures ? SceneKind::Picture : SceneKind::Clip, shapes);
        const RenderedInput rendered = m_renderer.render(
            scene, sampler.random(), batch.pixels.data_ptr<float>() + perItem * size_t(i));
        const std::vector<int64_t> &ids = m_codec.withEnd(caption(scene));
        captions.push_back(ids);
        const std::vector<QuestionAnswer> asked = questions(scene);
        const QuestionAnswer &qa = pickQuestion(asked, sampler.random());
        questionRows.push_back(m_codec.question(qa.question));
        answerRows.push_back(m_codec.withEnd(qa.answer));

        // Shape words are the 3rd and 7th words: "a red circle (moves left | and a blue square)".
        const std::vector<int> starts = wordStartPositions(m_codec.tokenizer(), ids);
        for (size_t s = 0; s < scene.shapes.size(); ++s) {
            const size_t word = 2 + 4 * s;
            if (word >= starts.size())
                continue;
            std::vector<int64_t> covered;
            for (int t = 0; t < frames; ++t)
                for (int64_t token :
                    tokensCovering(rendered.boxes[size_t(t)][s], t, grid, m_options.patchSize))
                    covered.push_back(token);
            attentionItem.push_back(i);
            attentionQuery.push_back(starts[word] - 1);
            attentionTokens.push_back(std::move(covered));
        }
        batch.scenes.push_back(std::move(scene));
    }
    std::tie(batch.captionIds, batch.captionMask) = padded(captions);
    std::tie(batch.questionIds, batch.questionMask) = padded(questionRows);
    std::tie(batch.answerIds, batch.answerMask) = padded(answerRows);
    batch.sameCaption = torch::zeros({b, b});
    auto same = batch.sameCaption.accessor<float, 2>();
    for (int i = 0; i < b; ++i)
        for (int j = 0; j < b; ++j)
            same[i][j] = captions[size_t(i)] == captions[size_t(j)] ? 1.0f : 0.0f;
    batch.attentionItem = torch::tensor(attentionItem, at::kLong);
    batch.attentionQuery = torch::tensor(attentionQuery, at::kLong);
    batch.attentionMask = torch::zeros({int64_t(attentionTokens.size()), visualTokens});
    auto cover = batch.attentionMask.accessor<float, 2>();
    for (size_t k = 0; k < attentionTokens.size(); ++k)
        for (int64_t token : attentionTokens[k])
            cover[int64_t(k)][token] = 1.0f;
    return batch;
}

} // namespace mplug2::model::train
