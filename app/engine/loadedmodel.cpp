#include "app/engine/loadedmodel.h"

#include "app/engine/memorycheck.h"
#include "model/modules/mplug2model.h"

#include <QCoreApplication>
#include <QUuid>

#include <ATen/ATen.h>

namespace mplug2::app {

namespace {

struct LoadedModelText {
    Q_DECLARE_TR_FUNCTIONS(Mplug2Backend)
};

std::optional<int64_t> intOverride(const QJsonObject &config, const char *key)
{
    const QJsonValue v = config.value(QLatin1String(key));
    if (!v.isDouble())
        return std::nullopt;
    return int64_t(v.toDouble());
}

model::ComputeTarget computeTarget(const DeviceChoice &device)
{
    model::ComputeTarget target;
    target.device = device.deviceName().toStdString();
    switch (device.effectivePrecision()) {
    case Precision::Fp16:
        target.precision = model::Precision::Fp16;
        break;
    case Precision::Bf16:
        target.precision = model::Precision::Bf16;
        break;
    default:
        target.precision = model::Precision::Fp32;
        break;
    }
    return target;
}

QJsonObject configSummary(const model::Mplug2Config &c)
{
    return QJsonObject {
        {QStringLiteral("hidden_size"), qint64(c.bert.hiddenSize)},
        {QStringLiteral("num_attention_heads"), qint64(c.bert.numAttentionHeads)},
        {QStringLiteral("text_encoder_layers"), qint64(c.bert.textEncoderLayers)},
        {QStringLiteral("num_uni_layer"), qint64(c.bert.numUniLayer)},
        {QStringLiteral("fusion_layers"), qint64(c.bert.fusionLayers)},
        {QStringLiteral("text_decode_layers"), qint64(c.bert.textDecodeLayers)},
        {QStringLiteral("stride_layer"), qint64(c.bert.strideLayer)},
        {QStringLiteral("vision_width"), qint64(c.vision.width)},
        {QStringLiteral("vision_layers"), qint64(c.vision.layers)},
        {QStringLiteral("vision_heads"), qint64(c.vision.heads)},
        {QStringLiteral("patch_size"), qint64(c.vision.patchSize)},
        {QStringLiteral("image_res"), qint64(c.vision.imageRes)},
        {QStringLiteral("embed_dim"), qint64(c.embedDim)},
        {QStringLiteral("clip_transformer_width"), qint64(c.clipText.width)},
        {QStringLiteral("clip_transformer_heads"), qint64(c.clipText.heads)},
        {QStringLiteral("clip_transformer_layers"), qint64(c.clipText.layers)},
        {QStringLiteral("num_frames"), qint64(c.numFrames)},
        {QStringLiteral("task"), QString::fromStdString(c.task)},
    };
}

Expected<std::unique_ptr<model::text::Tokenizer>> loadTokenizer(const QString &kindName, const QString &file)
{
    const Expected<model::text::TokenizerKind> kind = model::text::parseTokenizerKind(kindName.toStdString());
    if (!kind)
        return kind.error();
    return model::text::loadTokenizer(*kind, file.toStdString());
}

} // namespace

model::ConfigOverrides configOverrides(const ModelBundle &bundle)
{
    model::ConfigOverrides o;
    o.bertHeads = intOverride(bundle.bertConfig, "num_attention_heads");
    o.fusionLayers = intOverride(bundle.bertConfig, "fusion_layers");
    o.strideLayer = intOverride(bundle.bertConfig, "stride_layer");
    o.visionHeads = intOverride(bundle.modelConfig, "vision_heads");
    o.clipTextHeads = intOverride(bundle.modelConfig, "clip_transformer_heads");
    o.numFrames = bundle.numFrames;
    o.task = modelKindName(bundle.kind).toStdString();
    o.prompt = bundle.prompt.toStdString();
    return o;
}

Expected<std::unique_ptr<LoadedModel>> LoadedModel::load(
    const ModelBundle &bundle, const DeviceChoice &device, RequestContext &context)
{
    if (Expected<void> files = bundle.checkFiles(); !files)
        return files.error();
    auto loaded = std::make_unique<LoadedModel>();
    loaded->bundle = bundle;
    loaded->device = device;
    loaded->device.precision = device.effectivePrecision();

    context.progress(EngineStage::LoadingModel, 0, 2);
    Expected<std::unique_ptr<model::text::Tokenizer>> tokenizer
        = loadTokenizer(bundle.tokenizerKind, bundle.vocab);
    if (!tokenizer)
        return tokenizer.error();
    loaded->tokenizer = std::move(*tokenizer);
    if (!bundle.clipBpe.isEmpty()) {
        Expected<std::unique_ptr<model::text::Tokenizer>> clip
            = loadTokenizer(bundle.clipTokenizerKind, bundle.clipBpe);
        if (!clip)
            return clip.error();
        loaded->clipTokenizer = std::move(*clip);
    }
    if (context.isCancelled())
        return RequestContext::cancelledError();

    model::LoadOptions options = model::LoadOptions::defaultParams();
    options.target = computeTarget(device);
    options.overrides = configOverrides(bundle);
    // Will it fit? The checkpoint's shapes tell before anything is built.
    {
        const Expected<MemoryCheck> memory = checkBundleMemory(bundle, loaded->device,
            model::availableMemoryBytes(device.kind == DeviceKind::Cuda, device.index));
        if (!memory)
            return makeError(memory.error().code,
                LoadedModelText::tr("cannot load the model %1").arg(bundle.name).toStdString() + '\n'
                    + memory.error().message);
        if (!memory->fits())
            return makeError(ErrorCode::OutOfMemory, memory->message(bundle.name).toStdString());
        loaded->info.estimatedBytes = memory->need.total();
        options.config = memory->config;
    }
    if (context.isCancelled())
        return RequestContext::cancelledError();
    Expected<std::unique_ptr<model::Mplug2>> net
        = model::Mplug2::load(bundle.checkpoint.toStdString(), options);
    if (!net)
        return makeError(net.error().code,
            LoadedModelText::tr("cannot load the model %1").arg(bundle.name).toStdString() + '\n'
                + net.error().message);
    loaded->net = std::move(*net);
    context.progress(EngineStage::LoadingModel, 2, 2);

    loaded->imageRes = bundle.imageRes > 0 ? bundle.imageRes : int(loaded->config().vision.imageRes);
    loaded->numFrames = bundle.numFrames;
    loaded->cacheKey = bundle.id + u'|' + QUuid::createUuid().toString(QUuid::WithoutBraces);

    ModelInfo &info = loaded->info;
    info.bundle = bundle;
    info.device = loaded->device;
    info.deviceName = device.deviceName();
    for (const at::Tensor &p : loaded->net->network().uniqueParameters()) {
        info.parameters += p.numel();
        info.weightBytes += p.numel() * qint64(p.element_size());
    }
    info.config = configSummary(loaded->config());
    info.clipText = loaded->clipTokenizer != nullptr;
    return loaded;
}

at::Tensor LoadedModel::pixelTensor(const media::PixelBatch &pixels)
{
    return at::from_blob(const_cast<float *>(pixels.data.data()),
        {1, 3, pixels.frames, pixels.height, pixels.width}, at::kFloat)
        .clone();
}

QStringList LoadedModel::tokensOf(const std::vector<int64_t> &ids) const
{
    QStringList tokens;
    for (int64_t id : ids)
        tokens.append(QString::fromStdString(tokenizer->idToToken(id)));
    return tokens;
}

std::vector<int64_t> LoadedModel::encodeWords(const QString &text) const
{
    model::text::EncodeOptions o;
    o.addSpecialTokens = false;
    return tokenizer->encode(text.toStdString(), o);
}

} // namespace mplug2::app
