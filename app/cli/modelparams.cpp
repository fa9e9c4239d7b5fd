#include "app/cli/modelparams.h"

#include "app/bundle/bundleregistry.h"
#include "app/bundle/checkpointbundle.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>

namespace mplug2::app {

namespace {

/// The messages are ModelOptions' (the options they are about), for the translations.
struct ModelParamsText {
    Q_DECLARE_TR_FUNCTIONS(ModelOptions)
};

} // namespace

Expected<ModelBundle> ModelParams::bundle() const
{
    if (model && checkpoint)
        return makeError(ErrorCode::InvalidArgument,
            ModelParamsText::tr("give either --model or --checkpoint, not both").toStdString());
    if (checkpoint) {
        CheckpointBundleOptions o;
        o.checkpoint = *checkpoint;
        o.vocab = vocab.value_or(QString());
        if (tokenizer)
            o.tokenizerKind = *tokenizer;
        const Expected<ModelKind> k = checkpointKind();
        if (!k)
            return k.error();
        o.kind = *k;
        o.bertConfigFile = bertConfig.value_or(QString());
        o.modelConfigFile = modelConfig.value_or(QString());
        o.clipBpe = clipBpe.value_or(QString());
        Expected<ModelBundle> bundle = bundleForCheckpoint(o);
        if (bundle && commandKind == ModelKind::Qa && !bundle->answersQuestions()) {
            const QString file = QFileInfo(o.checkpoint).fileName();
            return makeError(ErrorCode::Unsupported,
                (o.kind == ModelKind::Pretrain
                        ? ModelParamsText::tr(
                            "%1 is a pretraining checkpoint and cannot answer questions: use a "
                            "question-answering checkpoint (for example mPLUG2_MSRVTT_QA.pth), or "
                            "--kind qa to try it anyway")
                        : ModelParamsText::tr(
                            "%1 was given as a caption checkpoint (--kind caption) and cannot answer "
                            "questions: use --kind qa for a question-answering checkpoint"))
                    .arg(file)
                    .toStdString());
        }
        return bundle;
    }
    const std::pair<const std::optional<QString> *, const char *> withCheckpoint[]
        = {{&vocab, "vocab"}, {&tokenizer, "tokenizer"}, {&kind, "kind"}, {&bertConfig, "bert-config"},
            {&modelConfig, "model-config"}};
    for (const auto &[value, name] : withCheckpoint) {
        if (*value)
            return makeError(ErrorCode::InvalidArgument,
                ModelParamsText::tr("--%1 goes with --checkpoint").arg(QLatin1String(name)).toStdString());
    }
    BundleRegistry registry;
    Expected<ModelBundle> bundle = model ? registry.resolve(*model) : registry.defaultBundle();
    if (bundle && clipBpe)
        bundle->clipBpe = *clipBpe;
    if (bundle && commandKind == ModelKind::Qa && !bundle->answersQuestions())
        return makeError(ErrorCode::Unsupported,
            ModelParamsText::tr(
                "the model %1 cannot answer questions (it is a %2 model): choose a question-answering "
                "model with --model, or give its checkpoint with --checkpoint")
                .arg(bundle->name.isEmpty() ? bundle->id : bundle->name, modelKindName(bundle->kind))
                .toStdString());
    return bundle;
}

Expected<ModelKind> ModelParams::checkpointKind() const
{
    if (kind)
        return parseModelKind(*kind);
    // The official files say what they are: mPLUG2_Pretrain.pth, mPLUG2_MSRVTT_QA.pth,
    // mPLUG2_MSVD_Caption.pth.
    const QStringList words
        = QFileInfo(checkpoint.value_or(QString()))
              .completeBaseName()
              .toLower()
              .split(QRegularExpression(QStringLiteral("[^a-z0-9]+")), Qt::SkipEmptyParts);
    if (words.contains(QLatin1String("pretrain")))
        return ModelKind::Pretrain;
    if (commandKind)
        return *commandKind;
    if (words.contains(QLatin1String("qa")) || words.contains(QLatin1String("vqa")))
        return ModelKind::Qa;
    return ModelKind::Caption;
}

Expected<DeviceChoice> ModelParams::deviceChoice() const
{
    return DeviceChoice::parse(device, precision);
}

bool ModelParams::precisionGiven() const
{
    const QString p = precision.trimmed().toLower();
    return !p.isEmpty() && p != QLatin1String("auto");
}

void ModelParams::applyTo(EngineRequest &request) const
{
    if (frames)
        request.media.numFrames = *frames;
    GenerationOptions &g = request.generation;
    g.beamSize = beam.value_or(g.beamSize);
    g.minLength = minLength.value_or(g.minLength);
    g.maxLength = maxLength.value_or(g.maxLength);
    g.numResults = numResults.value_or(g.numResults);
    g.topK = topK.value_or(g.topK);
    if (seed)
        g.seed = quint64(*seed);
    g.temperature = temperature.value_or(g.temperature);
    g.topP = topP.value_or(g.topP);
    g.method = decoding.value_or(g.method);
}

} // namespace mplug2::app
