#include "model/config/configinference.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace mplug2::model {

namespace {

// Shape lookups that turn a missing or oddly shaped tensor into an error message.
class ShapeReader {
public:
    explicit ShapeReader(const StateDict &weights)
        : m_weights(weights)
    { }

    bool has(const std::string &key) const { return m_weights.count(key) != 0; }

    int64_t dim(const std::string &key, int64_t index, int64_t rank)
    {
        const auto it = m_weights.find(key);
        if (it == m_weights.end()) {
            fail("the checkpoint has no '" + key + "'");
            return 0;
        }
        if (it->second.dim() != rank) {
            fail("'" + key + "' should have " + std::to_string(rank) + " dimensions");
            return 0;
        }
        return it->second.size(index);
    }

    /// Distinct N in keys "<prefix>N.<rest>", i.e. the number of layers of a stack.
    int64_t countIndices(const std::string &prefix) const
    {
        std::set<int64_t> seen;
        for (const auto &[key, tensor] : m_weights) {
            if (key.rfind(prefix, 0) != 0)
                continue;
            const auto rest = key.substr(prefix.size());
            const auto dot = rest.find('.');
            if (dot == 0 || dot == std::string::npos || dot > 6)
                continue;
            try {
                seen.insert(std::stoll(rest.substr(0, dot)));
            } catch (const std::exception &) { }
        }
        return static_cast<int64_t>(seen.size());
    }

    /// Index N of the first key "<prefix>N<suffix>", or -1.
    int64_t indexWith(const std::string &prefix, const std::string &suffix) const
    {
        for (const auto &[key, tensor] : m_weights) {
            if (key.rfind(prefix, 0) != 0 || key.size() < prefix.size() + suffix.size()
                || key.compare(key.size() - suffix.size(), suffix.size(), suffix) != 0)
                continue;
            const auto middle = key.substr(prefix.size(), key.size() - prefix.size() - suffix.size());
            if (!middle.empty() && middle.size() <= 6
                && middle.find_first_not_of("0123456789") == std::string::npos)
                return std::stoll(middle);
        }
        return -1;
    }

    void fail(const std::string &message)
    {
        if (m_error.empty())
            m_error = message;
    }
    const std::string &error() const { return m_error; }

private:
    const StateDict &m_weights;
    std::string m_error;
};

int64_t headsFor(int64_t width)
{
    return width >= 64 ? width / 64 : 1;
}

} // namespace

Expected<Mplug2Config> inferConfig(const StateDict &weights, const ConfigOverrides &overrides)
{
    ShapeReader r(weights);
    Mplug2Config c;
    const std::string visual = "visual_encoder.visual.";
    c.vision.width = r.dim(visual + "conv1.weight", 0, 5);
    const int64_t kernelFrames = r.dim(visual + "conv1.weight", 2, 5);
    c.vision.patchSize = r.dim(visual + "conv1.weight", 4, 5);
    c.vision.temporalDownsampling = kernelFrames == 3;
    c.vision.layers = r.countIndices(visual + "transformer.resblocks.");
    c.vision.heads = overrides.visionHeads.value_or(headsFor(c.vision.width));
    const int64_t positions = r.dim(visual + "positional_embedding", 0, 2) - 1;
    const auto side
        = static_cast<int64_t>(std::lround(std::sqrt(static_cast<double>(std::max<int64_t>(positions, 0)))));
    if (r.error().empty() && side * side != positions)
        r.fail("the visual positional embedding has " + std::to_string(positions)
            + " patch rows: not a square grid");
    c.vision.imageRes = side * c.vision.patchSize;
    c.embedDim = r.dim(visual + "proj", 1, 2);

    c.clipText.contextLength = r.dim("visual_encoder.positional_embedding", 0, 2);
    c.clipText.width = r.dim("visual_encoder.positional_embedding", 1, 2);
    c.clipText.vocabSize = r.dim("visual_encoder.token_embedding.weight", 0, 2);
    c.clipText.layers = r.countIndices("visual_encoder.transformer.resblocks.");
    c.clipText.heads = overrides.clipTextHeads.value_or(headsFor(c.clipText.width));

    BertConfig &b = c.bert;
    const std::string text = "text_encoder.";
    b.vocabSize = r.dim(text + "embeddings.word_embeddings.weight", 0, 2);
    b.hiddenSize = r.dim(text + "embeddings.word_embeddings.weight", 1, 2);
    b.maxPositionEmbeddings = r.dim(text + "embeddings.position_embeddings.weight", 0, 2);
    b.typeVocabSize = r.dim(text + "embeddings.token_type_embeddings.weight", 0, 2);
    b.intermediateSize = r.dim(text + "encoder.layer.0.intermediate.dense.weight", 0, 2);
    b.encoderWidth = r.dim("text_decoder.bert.encoder.layer.0.crossattention.self.key.weight", 1, 2);
    b.numAttentionHeads = overrides.bertHeads.value_or(headsFor(b.hiddenSize));
    b.textEncoderLayers = r.countIndices(text + "encoder.layer.");
    b.numHiddenLayers = r.countIndices("fusion_encoder.encoder.layer.");
    b.textDecodeLayers = r.countIndices("text_decoder.bert.encoder.layer.");
    const int64_t latentLayer = r.indexWith(text + "encoder.layer.", ".latents");
    if (latentLayer < 0)
        r.fail("the text encoder has no 'latents': cannot tell where the universal layers start");
    else
        c.numLatents = r.dim(text + "encoder.layer." + std::to_string(latentLayer) + ".latents", 0, 2);
    b.numUniLayer = b.textEncoderLayers - latentLayer;
    b.fusionLayers = std::min(overrides.fusionLayers.value_or(6), b.numHiddenLayers);
    b.strideLayer = overrides.strideLayer.value_or(defaultStrideLayer(b.hiddenSize));
    if (overrides.numFrames)
        c.numFrames = *overrides.numFrames;
    if (overrides.task)
        c.task = *overrides.task;
    if (overrides.prompt)
        c.prompt = *overrides.prompt;
    c.generation = c.task == "qa" ? GenerationDefaults {5, 1, 10} : GenerationDefaults {5, 4, 20};
    if (r.has("visn_fc.weight") != c.projectsVision())
        r.fail("visn_fc is " + std::string(r.has("visn_fc.weight") ? "present" : "absent")
            + " but the vision width " + std::to_string(c.vision.width)
            + (c.projectsVision() ? " differs from" : " equals") + " the BERT width "
            + std::to_string(b.hiddenSize));
    if (!r.error().empty())
        return makeError(ErrorCode::Format, "cannot infer the model configuration: " + r.error());
    if (const auto problem = validateConfig(c); !problem.empty())
        return makeError(ErrorCode::Format, "inferred model configuration is inconsistent: " + problem);
    return c;
}

} // namespace mplug2::model
