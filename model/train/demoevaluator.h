#pragma once
/// Scores a demo model on held-out scenes, through the public Mplug2 API
/// (what the app runs): captions, answers, CLIP-space retrieval and where
/// the decoder looks. The media may come from real files (mplug2 eval-demo
/// decodes H.264/PNG with media/) or from the renderer (the trainer's
/// periodic check); the evaluator only sees pixels.
///
///     DemoEvaluator eval(model, codec, generation);
///     for (const auto &item : heldOut) eval.add(item.scene, item.pixels, item.frameIndices);
///     Expected<DemoMetrics> m = eval.finish();
///     std::cout << m->toJson().dump(2);
///
/// Criteria (issue 10):
///   - one-shape caption: colour, shape and motion words all right (pictures:
///     no motion, or "stays still");
///   - two-shape caption: both colour+shape pairs right, in any order;
///   - QA: the generated answer is the expected word;
///   - text->media retrieval R@1, each distinct caption of the set a query: a
///     hit when the best media item's caption has the query's attributes
///     (captionAttributes: the same colour+shape pairs and motion);
///   - attention: for each shape word of the true caption, the peak of the
///     decoder's cross-attention (mean over layers and heads) while producing
///     it is a patch that overlaps that shape's box in that frame.
/// Internal header of model/ (torch types).

#include "base/expected.h"
#include "base/json/json.h"
#include "model/mplug2.h"
#include "model/synthetic/scenetext.h"
#include "model/synthetic/syntheticscene.h"
#include "model/train/demovocabulary.h"

#include <map>
#include <string>
#include <vector>

namespace mplug2::model::train {

struct Tally {
    int hits = 0;
    int total = 0;
    void add(bool hit)
    {
        hits += hit ? 1 : 0;
        ++total;
    }
    double percent() const { return total ? 100.0 * hits / total : 0.0; }
};

struct DemoMetrics {
    Tally oneShape;
    Tally twoShape;
    Tally qa;
    Tally retrieval;
    Tally attention;
    /// One-shape captions, word by word.
    Tally colour;
    Tally shape;
    Tally motion;
    std::map<std::string, Tally> qaByKind;
    int items = 0;

    json::Json toJson() const;
};

struct DemoEvalOptions {
    GenerationParams caption = GenerationParams::beam(3, 1, 12);
    GenerationParams answer = GenerationParams::beam(3, 1, 4);
    /// Keep the generated texts for a report (DemoMetrics leaves them out).
    bool keepOutputs = false;
};

/// What the model said about one item (kept when asked for).
struct DemoItemOutput {
    std::string truth;
    std::string caption;
    bool captionRight = false;
    /// The answer to each of the item's questions, in order.
    std::vector<std::string> answers;
};

class DemoEvaluator {
public:
    DemoEvaluator(Mplug2 &model, const DemoTextCodec &codec, const DemoEvalOptions &options = {});

    /// pixels (1, 3, T, R, R) as the app would feed them; frameIndices: the
    /// scene frame of each of the T frames (pictures: {0}).
    Expected<void> add(
        const synthetic::Scene &scene, const at::Tensor &pixels, const std::vector<int> &frameIndices);
    /// The metrics so far, retrieval included (ranks every item added).
    Expected<DemoMetrics> finish();

    const std::vector<DemoItemOutput> &outputs() const { return m_outputs; }

private:
    Expected<void> scoreCaption(const synthetic::Scene &scene, const VisualFeatures &visual);
    Expected<void> scoreAnswers(const synthetic::Scene &scene, const VisualFeatures &visual);
    Expected<void> scoreAttention(const synthetic::Scene &scene, const VisualFeatures &visual,
        const std::vector<int> &frameIndices, int64_t imageRes);
    std::string decodeText(const std::vector<int64_t> &ids) const;

    Mplug2 &m_model;
    const DemoTextCodec &m_codec;
    DemoEvalOptions m_options;
    DemoMetrics m_metrics;
    std::vector<at::Tensor> m_mediaEmbeddings;
    std::vector<std::string> m_captions;
    std::vector<DemoItemOutput> m_outputs;
};

/// The colour+shape pairs and motion a caption states ("a red circle moves
/// left" -> {(red, circle)}, left). Unknown words are ignored.
struct CaptionReading {
    std::vector<std::pair<synthetic::Colour, synthetic::ShapeKind>> pairs;
    bool hasMotion = false;
    synthetic::Motion motion = synthetic::Motion::Still;
};
CaptionReading readCaption(const std::string &caption);

/// What a caption says regardless of word order: its colour+shape pairs
/// (sorted) and its motion. Two captions with the same attributes describe
/// the same kind of scene (a retrieval hit).
std::string captionAttributes(const std::string &caption);

} // namespace mplug2::model::train
