#include "model/train/demoevaluator.h"

#include "model/synthetic/modelinputrenderer.h"
#include "model/train/trainingbatch.h"

#include <algorithm>
#include <iterator>
#include <set>
#include <sstream>
#include <torch/torch.h>

namespace mplug2::model::train {

using namespace synthetic;

namespace {

const char *kindName(QuestionKind kind)
{
    switch (kind) {
    case QuestionKind::ColourOfShape:
        return "colour";
    case QuestionKind::ShapeOfColour:
        return "shape";
    case QuestionKind::MotionOfShape:
        return "motion";
    case QuestionKind::ShapeCount:
        return "count";
    }
    return "";
}

json::Json tallyJson(const Tally &t)
{
    json::Json v = json::Json::object();
    v["percent"] = json::Json(t.percent());
    v["hits"] = json::Json(t.hits);
    v["total"] = json::Json(t.total);
    return v;
}

std::string trimmed(const std::string &s)
{
    const auto first = s.find_first_not_of(' ');
    const auto last = s.find_last_not_of(' ');
    return first == std::string::npos ? std::string() : s.substr(first, last - first + 1);
}

} // namespace

json::Json DemoMetrics::toJson() const
{
    json::Json v = json::Json::object();
    v["items"] = json::Json(items);
    v["caption_one_shape"] = tallyJson(oneShape);
    v["caption_two_shapes"] = tallyJson(twoShape);
    v["qa"] = tallyJson(qa);
    v["retrieval_r1"] = tallyJson(retrieval);
    v["attention_localisation"] = tallyJson(attention);
    json::Json words = json::Json::object();
    words["colour"] = tallyJson(colour);
    words["shape"] = tallyJson(shape);
    words["motion"] = tallyJson(motion);
    v["one_shape_words"] = std::move(words);
    json::Json kinds = json::Json::object();
    for (const auto &[kind, tally] : qaByKind)
        kinds[kind] = tallyJson(tally);
    v["qa_by_kind"] = std::move(kinds);
    return v;
}

CaptionReading readCaption(const std::string &caption)
{
    CaptionReading reading;
    std::istringstream words(caption);
    std::vector<std::string> w {
        std::istream_iterator<std::string>(words), std::istream_iterator<std::string>()};
    for (size_t i = 0; i < w.size(); ++i) {
        if (i + 1 < w.size()) {
            for (Colour c : kColours)
                for (ShapeKind k : kShapeKinds)
                    if (w[i] == colourName(c) && w[i + 1] == shapeName(k))
                        reading.pairs.emplace_back(c, k);
            for (Motion m : kMotions) {
                const std::string phrase = std::string(motionPhrase(m));
                if (w[i] + ' ' + w[i + 1] == phrase) {
                    reading.hasMotion = true;
                    reading.motion = m;
                }
            }
        }
    }
    return reading;
}

std::string captionAttributes(const std::string &caption)
{
    CaptionReading r = readCaption(caption);
    std::sort(r.pairs.begin(), r.pairs.end());
    std::string key;
    for (const auto &[colour, kind] : r.pairs)
        key += std::string(colourName(colour)) + ' ' + std::string(shapeName(kind)) + ';';
    if (r.hasMotion)
        key += motionPhrase(r.motion);
    return key;
}

DemoEvaluator::DemoEvaluator(Mplug2 &model, const DemoTextCodec &codec, const DemoEvalOptions &options)
    : m_model(model)
    , m_codec(codec)
    , m_options(options)
{ }

std::string DemoEvaluator::decodeText(const std::vector<int64_t> &ids) const
{
    return trimmed(m_codec.tokenizer().decode(ids, {.skipSpecialTokens = true}));
}

Expected<void> DemoEvaluator::add(
    const Scene &scene, const at::Tensor &pixels, const std::vector<int> &frameIndices)
{
    Expected<VisualFeatures> visual = m_model.encodeVisual(pixels);
    if (!visual)
        return visual.error();
    ++m_metrics.items;
    if (auto ok = scoreCaption(scene, *visual); !ok)
        return ok;
    if (auto ok = scoreAnswers(scene, *visual); !ok)
        return ok;
    if (auto ok = scoreAttention(scene, *visual, frameIndices, pixels.size(3)); !ok)
        return ok;
    Expected<at::Tensor> embedding = m_model.mediaEmbedding(*visual);
    if (!embedding)
        return embedding.error();
    m_mediaEmbeddings.push_back(*embedding);
    m_captions.push_back(caption(scene));
    return {};
}

Expected<void> DemoEvaluator::scoreCaption(const Scene &scene, const VisualFeatures &visual)
{
    Expected<GenerationResult> generated = m_model.caption(visual, m_options.caption);
    if (!generated)
        return generated.error();
    const std::string said = decodeText(generated->items.at(0).at(0).ids);
    const CaptionReading reading = readCaption(said);
    bool right = false;
    if (scene.shapes.size() == 1) {
        const SceneShape &s = scene.shapes.front();
        const bool colour = reading.pairs.size() == 1 && reading.pairs[0].first == s.colour;
        const bool kind = reading.pairs.size() == 1 && reading.pairs[0].second == s.kind;
        const bool motion = scene.isClip() ? reading.hasMotion && reading.motion == s.motion
                                           : !reading.hasMotion || reading.motion == Motion::Still;
        right = colour && kind && motion;
        m_metrics.oneShape.add(right);
        m_metrics.colour.add(colour);
        m_metrics.shape.add(kind);
        if (scene.isClip())
            m_metrics.motion.add(motion);
    } else {
        std::multiset<std::pair<Colour, ShapeKind>> truth, stated(reading.pairs.begin(), reading.pairs.end());
        for (const SceneShape &s : scene.shapes)
            truth.emplace(s.colour, s.kind);
        right = stated == truth;
        m_metrics.twoShape.add(right);
    }
    if (m_options.keepOutputs)
        m_outputs.push_back({caption(scene), said, right, {}});
    return {};
}

Expected<void> DemoEvaluator::scoreAnswers(const Scene &scene, const VisualFeatures &visual)
{
    const std::vector<QuestionAnswer> qas = questions(scene);
    std::vector<std::vector<int64_t>> rows;
    for (const QuestionAnswer &qa : qas)
        rows.push_back(m_codec.question(qa.question));
    size_t width = 0;
    for (const auto &r : rows)
        width = std::max(width, r.size());
    const auto count = int64_t(rows.size());
    auto ids = torch::zeros({count, int64_t(width)}, at::kLong);
    auto mask = torch::zeros_like(ids);
    for (int64_t i = 0; i < count; ++i)
        for (size_t j = 0; j < rows[size_t(i)].size(); ++j) {
            ids[i][int64_t(j)] = rows[size_t(i)][j];
            mask[i][int64_t(j)] = 1;
        }
    VisualFeatures repeated = visual;
    repeated.imageEmbeds
        = visual.imageEmbeds.expand({count, visual.imageEmbeds.size(1), visual.imageEmbeds.size(2)});
    Expected<EncodedQuestion> encoded = m_model.encodeQuestion(repeated, ids, mask);
    if (!encoded)
        return encoded.error();
    Expected<GenerationResult> answers = m_model.answer(*encoded, m_options.answer);
    if (!answers)
        return answers.error();
    for (size_t i = 0; i < qas.size(); ++i) {
        const std::string said = decodeText(answers->items.at(i).at(0).ids);
        if (m_options.keepOutputs && !m_outputs.empty())
            m_outputs.back().answers.push_back(said);
        const bool right = said == qas[i].answer;
        m_metrics.qa.add(right);
        m_metrics.qaByKind[kindName(qas[i].kind)].add(right);
    }
    return {};
}

Expected<void> DemoEvaluator::scoreAttention(
    const Scene &scene, const VisualFeatures &visual, const std::vector<int> &frameIndices, int64_t imageRes)
{
    const std::vector<int64_t> &ids = m_codec.withEnd(caption(scene));
    Expected<TokenAttention> explained = m_model.explain(visual, 0, ids, false);
    if (!explained)
        return explained.error();
    const std::vector<int> starts = wordStartPositions(m_codec.tokenizer(), ids);
    const VisualGeometry &g = visual.geometry;
    const int64_t patch = m_model.config().vision.patchSize;
    const int64_t perFrame = g.gridHeight * g.gridWidth;
    for (size_t s = 0; s < scene.shapes.size(); ++s) {
        const size_t word = 2 + 4 * s;
        if (word >= starts.size())
            continue;
        // Row k of the map is the decoder producing token k + 1 of the ids.
        const auto map = explained->crossAttention[starts[word] - 1].mean(at::IntArrayRef {0, 1});
        const int64_t peak = map.narrow(0, 1, map.size(0) - 1).argmax().item<int64_t>();
        const int64_t frame = peak / perFrame, row = (peak % perFrame) / g.gridWidth,
                      col = peak % g.gridWidth;
        const std::vector<Box> boxes = boxesInInput(scene, frameIndices.at(size_t(frame)), int(imageRes));
        const Box cell {
            double(col * patch), double(row * patch), double((col + 1) * patch), double((row + 1) * patch)};
        m_metrics.attention.add(cell.intersects(boxes[s]));
    }
    return {};
}

Expected<DemoMetrics> DemoEvaluator::finish()
{
    DemoMetrics out = m_metrics;
    std::vector<std::string> queries(m_captions.begin(), m_captions.end());
    std::sort(queries.begin(), queries.end());
    queries.erase(std::unique(queries.begin(), queries.end()), queries.end());
    if (queries.empty())
        return out;
    std::vector<std::vector<int64_t>> rows;
    size_t width = 0;
    for (const std::string &q : queries) {
        rows.push_back(m_codec.withEnd(q));
        width = std::max(width, rows.back().size());
    }
    auto ids = torch::zeros({int64_t(rows.size()), int64_t(width)}, at::kLong);
    for (size_t i = 0; i < rows.size(); ++i)
        for (size_t j = 0; j < rows[i].size(); ++j)
            ids[int64_t(i)][int64_t(j)] = rows[i][j];
    Expected<at::Tensor> text = m_model.textEmbedding(ids);
    if (!text)
        return text.error();
    const auto media = at::cat(m_mediaEmbeddings, 0);
    const auto best = at::matmul(*text, media.t()).argmax(1);
    for (size_t i = 0; i < queries.size(); ++i)
        out.retrieval.add(captionAttributes(m_captions[size_t(best[int64_t(i)].item<int64_t>())])
            == captionAttributes(queries[i]));
    return out;
}

} // namespace mplug2::model::train
