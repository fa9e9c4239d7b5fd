#include "app/demo/demomodel.h"

#include "app/engine/loadedmodel.h"

#include <QCoreApplication>

#include <ATen/Functions.h>

namespace mplug2::app {

namespace {

struct DemoModelText {
    Q_DECLARE_TR_FUNCTIONS(DemoModel)
};

// The bundle's overrides read the way the engine reads them (one reader, so
// the two cannot disagree on a key).
model::LoadOptions loadOptionsFor(const ModelBundle &bundle, model::Precision precision)
{
    model::LoadOptions o;
    o.target.precision = precision;
    o.overrides = configOverrides(bundle);
    o.allowUnexpectedKeys = false;
    return o;
}

} // namespace

Expected<std::unique_ptr<DemoModel>> DemoModel::load(const QString &bundlePath, model::Precision precision)
{
    Expected<ModelBundle> bundle = ModelBundle::load(bundlePath);
    if (!bundle)
        return bundle.error();
    if (bundle->tokenizerKind != QLatin1String("sentencepiece"))
        return makeError(ErrorCode::Unsupported,
            DemoModelText::tr("%1 is not a demo model (its tokenizer is not SentencePiece)")
                .arg(bundle->id)
                .toStdString());
    auto demo = std::make_unique<DemoModel>();
    demo->bundle = *bundle;
    auto tokenizer
        = model::text::loadTokenizer(model::text::TokenizerKind::SentencePiece, bundle->vocab.toStdString());
    if (!tokenizer)
        return tokenizer.error();
    if (auto ok = model::train::checkDemoVocabulary(**tokenizer); !ok)
        return ok.error();
    demo->tokenizer = std::move(*tokenizer);
    auto network = model::Mplug2::load(bundle->checkpoint.toStdString(), loadOptionsFor(*bundle, precision));
    if (!network)
        return network.error();
    demo->network = std::move(*network);
    demo->codec = std::make_unique<model::train::DemoTextCodec>(*demo->tokenizer);
    return demo;
}

int DemoModel::imageRes() const
{
    return bundle.imageRes > 0 ? bundle.imageRes : int(network->config().vision.imageRes);
}

Expected<DemoInput> DemoModel::read(
    const QString &path, int keepFramesMaxSide, const std::atomic<bool> *cancel) const
{
    media::ModelInputOptions options;
    options.numFrames = bundle.numFrames;
    options.imageRes = imageRes();
    options.keepFramesMaxSide = keepFramesMaxSide;
    options.cancel = cancel;
    Expected<media::ModelInput> in = media::loadModelInput(path.toStdString(), options);
    if (!in)
        return in.error();
    DemoInput out;
    out.media = std::move(*in);
    media::PixelBatch &px = out.media.pixels;
    out.pixels = at::from_blob(px.data.data(), {1, 3, px.frames, px.height, px.width}).clone();
    for (const int64_t f : out.media.frameIndices)
        out.frames.push_back(int(f));
    if (out.frames.empty())
        out.frames.push_back(0);
    return out;
}

} // namespace mplug2::app
