#include "model/config/configjson.h"

namespace mplug2::model {

namespace {

class FieldReader {
public:
    FieldReader(json::View object, const char *file)
        : m_object(object)
        , m_file(file)
    { }

    int64_t required(const char *key)
    {
        const json::View v = m_object[key];
        if (!v.isNumber()) {
            fail(std::string("'") + key + "' (a number) is missing from the " + m_file);
            return 0;
        }
        return v.asInt();
    }
    int64_t optional(const char *key, int64_t fallback) const
    {
        const json::View v = m_object[key];
        return v.isNumber() ? v.asInt() : fallback;
    }
    double optionalDouble(const char *key, double fallback) const
    {
        const json::View v = m_object[key];
        return v.isNumber() ? v.asDouble() : fallback;
    }
    std::string optionalString(const char *key, const std::string &fallback) const
    {
        const json::View v = m_object[key];
        return v.isString() ? v.asString() : fallback;
    }
    bool optionalBool(const char *key, bool fallback) const
    {
        const json::View v = m_object[key];
        return v.isBool() ? v.asBool() : fallback;
    }
    void fail(const std::string &message)
    {
        if (m_error.empty())
            m_error = message;
    }
    const std::string &error() const { return m_error; }

private:
    json::View m_object;
    const char *m_file;
    std::string m_error;
};

} // namespace

Expected<Mplug2Config> configFromJson(json::View bertConfig, json::View modelConfig)
{
    if (!bertConfig.isObject() || !modelConfig.isObject())
        return makeError(ErrorCode::Format, "model configuration files must hold JSON objects");
    FieldReader b(bertConfig, "BERT config");
    FieldReader m(modelConfig, "model config");
    Mplug2Config c;
    BertConfig &bert = c.bert;
    bert.hiddenSize = b.required("hidden_size");
    bert.numAttentionHeads = b.required("num_attention_heads");
    bert.intermediateSize = b.required("intermediate_size");
    bert.numHiddenLayers = b.required("num_hidden_layers");
    bert.vocabSize = b.optional("vocab_size", bert.vocabSize);
    bert.maxPositionEmbeddings = b.optional("max_position_embeddings", bert.maxPositionEmbeddings);
    bert.typeVocabSize = b.optional("type_vocab_size", bert.typeVocabSize);
    bert.layerNormEps = b.optionalDouble("layer_norm_eps", bert.layerNormEps);
    bert.encoderWidth = b.optional("encoder_width", bert.hiddenSize);
    bert.textEncoderLayers = b.optional("text_encoder_layers", bert.numHiddenLayers);
    bert.fusionLayers = b.optional("fusion_layers", bert.fusionLayers);
    bert.textDecodeLayers = b.optional("text_decode_layers", bert.textDecodeLayers);
    // The official FusionLayer reads getattr(config, "stride_layer", 100).
    bert.strideLayer = b.optional("stride_layer", 100);
    bert.numUniLayer = b.optional("num_uni_layer", bert.numUniLayer);
    bert.padTokenId = b.optional("pad_token_id", bert.padTokenId);
    const std::string act = b.optionalString("hidden_act", "gelu");
    if (act != "gelu")
        b.fail("hidden_act '" + act + "' is not supported (only the exact 'gelu' of mPLUG-2)");

    VisionConfig &v = c.vision;
    v.width = m.required("vision_width");
    v.heads = m.optional("clip_vision_heads", v.width >= 64 ? v.width / 64 : 1);
    const std::string clipName = m.optionalString("clip_name", "ViT-L-14");
    v.patchSize = m.optional("clip_patch_size", clipName == "ViT-B-16" ? 16 : 14);
    v.layers = m.optional("clip_vision_layers", clipName == "ViT-B-16" ? 12 : 24);
    v.imageRes = m.optional("image_res", 224);
    v.temporalDownsampling = m.optionalBool("temporal_downsampling", false);
    v.temporalStride = m.optional("temporal_stride", 2);

    ClipTextConfig &t = c.clipText;
    const bool base = clipName == "ViT-B-16";
    t.contextLength = m.optional("clip_context_length", 77);
    t.vocabSize = m.optional("clip_vocab_size", 49408);
    t.width = m.optional("clip_transformer_width", base ? 512 : 768);
    t.heads = m.optional("clip_transformer_heads", t.width >= 64 ? t.width / 64 : 1);
    t.layers = m.optional("clip_transformer_layers", 12);
    c.embedDim = m.optional("clip_embed_dim", m.optional("embed_dim", base ? 512 : 768));
    c.numFrames = m.optional("model_num_frames", c.numFrames);
    c.prompt = m.optionalString("prompt", c.prompt);
    c.generation.beamSize = m.optional("beam_size", c.generation.beamSize);
    c.generation.minLength = m.optional("min_length", c.generation.minLength);
    c.generation.maxLength = m.optional("max_length", c.generation.maxLength);

    if (!b.error().empty())
        return makeError(ErrorCode::Format, b.error());
    if (!m.error().empty())
        return makeError(ErrorCode::Format, m.error());
    if (const auto problem = validateConfig(c); !problem.empty())
        return makeError(ErrorCode::Format, "model configuration is inconsistent: " + problem);
    return c;
}

} // namespace mplug2::model
