#include "app/cli/modeloptions.h"

#include "app/bundle/bundleregistry.h"
#include "app/bundle/checkpointbundle.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>

namespace mplug2::app {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(ModelOptions)
};

QCommandLineOption valueOption(const QString &name, const char *help, const char *valueName)
{
    return QCommandLineOption(name, Text::tr(help), Text::tr(valueName));
}

/// Reads an integer option in [low, high]; `fallback` when not given.
Expected<int> intOption(
    const QCommandLineParser &parser, const QCommandLineOption &option, int fallback, int low, int high)
{
    if (!parser.isSet(option))
        return fallback;
    bool ok = false;
    const int v = parser.value(option).toInt(&ok);
    if (!ok || v < low || v > high)
        return makeError(ErrorCode::InvalidArgument,
            Text::tr("--%1 must be a whole number from %2 to %3 (got \"%4\")")
                .arg(option.names().constFirst())
                .arg(low)
                .arg(high)
                .arg(parser.value(option))
                .toStdString());
    return v;
}

Expected<double> doubleOption(const QCommandLineParser &parser, const QCommandLineOption &option,
    double fallback, double low, double high)
{
    if (!parser.isSet(option))
        return fallback;
    bool ok = false;
    const double v = parser.value(option).toDouble(&ok);
    if (!ok || !(v >= low && v <= high))
        return makeError(ErrorCode::InvalidArgument,
            Text::tr("--%1 must be a number from %2 to %3 (got \"%4\")")
                .arg(option.names().constFirst())
                .arg(low)
                .arg(high)
                .arg(parser.value(option))
                .toStdString());
    return v;
}

} // namespace

ModelOptions::ModelOptions(std::optional<ModelKind> commandKind)
    : m_commandKind(commandKind)
    , m_model(valueOption(QStringLiteral("model"),
          QT_TRANSLATE_NOOP("ModelOptions",
              "Model bundle: a folder, a manifest or a registered id "
              "(default: the installed default model)."),
          QT_TRANSLATE_NOOP("ModelOptions", "bundle")))
    , m_checkpoint(valueOption(QStringLiteral("checkpoint"),
          QT_TRANSLATE_NOOP("ModelOptions", "Run a checkpoint (.pth or .safetensors) without a bundle."),
          QT_TRANSLATE_NOOP("ModelOptions", "file")))
    , m_vocab(valueOption(QStringLiteral("vocab"),
          QT_TRANSLATE_NOOP(
              "ModelOptions", "Vocabulary of --checkpoint (default: the bundled BERT vocabulary)."),
          QT_TRANSLATE_NOOP("ModelOptions", "file")))
    , m_tokenizer(valueOption(QStringLiteral("tokenizer"),
          QT_TRANSLATE_NOOP("ModelOptions", "Tokenizer of --vocab: wordpiece or sentencepiece."),
          QT_TRANSLATE_NOOP("ModelOptions", "kind")))
    , m_kind(valueOption(QStringLiteral("kind"),
          QT_TRANSLATE_NOOP("ModelOptions", "Task the checkpoint was trained for: caption, qa or pretrain."),
          QT_TRANSLATE_NOOP("ModelOptions", "kind")))
    , m_bertConfig(valueOption(QStringLiteral("bert-config"),
          QT_TRANSLATE_NOOP("ModelOptions", "Official config_bert.json of --checkpoint (head counts)."),
          QT_TRANSLATE_NOOP("ModelOptions", "file")))
    , m_modelConfig(valueOption(QStringLiteral("model-config"),
          QT_TRANSLATE_NOOP(
              "ModelOptions", "Official model config of --checkpoint as JSON (image_res, frames, prompt)."),
          QT_TRANSLATE_NOOP("ModelOptions", "file")))
    , m_clipBpe(valueOption(QStringLiteral("clip-bpe"),
          QT_TRANSLATE_NOOP(
              "ModelOptions", "CLIP BPE vocabulary (bpe_simple_vocab_16e6.txt.gz) for CLIP-space text."),
          QT_TRANSLATE_NOOP("ModelOptions", "file")))
    , m_device(valueOption(QStringLiteral("device"),
          QT_TRANSLATE_NOOP("ModelOptions", "auto, cpu, cuda or cuda:N (default: auto)."),
          QT_TRANSLATE_NOOP("ModelOptions", "device")))
    , m_precision(valueOption(QStringLiteral("precision"),
          QT_TRANSLATE_NOOP("ModelOptions", "auto, fp32, fp16 or bf16 (default: auto)."),
          QT_TRANSLATE_NOOP("ModelOptions", "precision")))
    , m_frames(valueOption(QStringLiteral("frames"),
          QT_TRANSLATE_NOOP("ModelOptions", "Frames sampled per video (default: the model's)."),
          QT_TRANSLATE_NOOP("ModelOptions", "n")))
    , m_beam(valueOption(QStringLiteral("beam"),
          QT_TRANSLATE_NOOP("ModelOptions", "Beam size (default: the model's)."),
          QT_TRANSLATE_NOOP("ModelOptions", "n")))
    , m_minLength(valueOption(QStringLiteral("min-length"),
          QT_TRANSLATE_NOOP("ModelOptions", "Fewest tokens to generate (default: the model's)."),
          QT_TRANSLATE_NOOP("ModelOptions", "n")))
    , m_maxLength(valueOption(QStringLiteral("max-length"),
          QT_TRANSLATE_NOOP("ModelOptions", "Most tokens to generate (default: the model's)."),
          QT_TRANSLATE_NOOP("ModelOptions", "n")))
    , m_results(valueOption(QStringLiteral("num-results"),
          QT_TRANSLATE_NOOP("ModelOptions", "How many alternatives to report (n-best, default 1)."),
          QT_TRANSLATE_NOOP("ModelOptions", "n")))
    , m_decoding(valueOption(QStringLiteral("decoding"),
          QT_TRANSLATE_NOOP("ModelOptions", "beam (official), greedy or sample."),
          QT_TRANSLATE_NOOP("ModelOptions", "method")))
    , m_temperature(valueOption(QStringLiteral("temperature"),
          QT_TRANSLATE_NOOP("ModelOptions", "Sampling temperature (default 1)."),
          QT_TRANSLATE_NOOP("ModelOptions", "t")))
    , m_topK(valueOption(QStringLiteral("top-k"),
          QT_TRANSLATE_NOOP("ModelOptions", "Sampling: keep the k likeliest tokens."),
          QT_TRANSLATE_NOOP("ModelOptions", "k")))
    , m_topP(valueOption(QStringLiteral("top-p"),
          QT_TRANSLATE_NOOP("ModelOptions", "Sampling: nucleus probability mass."),
          QT_TRANSLATE_NOOP("ModelOptions", "p")))
    , m_seed(valueOption(QStringLiteral("seed"), QT_TRANSLATE_NOOP("ModelOptions", "Sampling: random seed."),
          QT_TRANSLATE_NOOP("ModelOptions", "n")))
{ }

void ModelOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOptions({m_model, m_checkpoint, m_vocab, m_tokenizer, m_kind, m_bertConfig, m_modelConfig,
        m_clipBpe, m_device, m_precision, m_frames});
}

void ModelOptions::addGenerationTo(QCommandLineParser &parser) const
{
    m_hasGeneration = true;
    parser.addOptions(
        {m_beam, m_minLength, m_maxLength, m_results, m_decoding, m_temperature, m_topK, m_topP, m_seed});
}

Expected<ModelBundle> ModelOptions::bundle(const QCommandLineParser &parser) const
{
    if (parser.isSet(m_model) && parser.isSet(m_checkpoint))
        return makeError(ErrorCode::InvalidArgument,
            Text::tr("give either --model or --checkpoint, not both").toStdString());
    if (parser.isSet(m_checkpoint)) {
        CheckpointBundleOptions o;
        o.checkpoint = parser.value(m_checkpoint);
        o.vocab = parser.value(m_vocab);
        if (parser.isSet(m_tokenizer))
            o.tokenizerKind = parser.value(m_tokenizer);
        const Expected<ModelKind> kind = checkpointKind(parser);
        if (!kind)
            return kind.error();
        o.kind = *kind;
        o.bertConfigFile = parser.value(m_bertConfig);
        o.modelConfigFile = parser.value(m_modelConfig);
        o.clipBpe = parser.value(m_clipBpe);
        Expected<ModelBundle> bundle = bundleForCheckpoint(o);
        if (bundle && m_commandKind == ModelKind::Qa && !bundle->answersQuestions()) {
            const QString file = QFileInfo(o.checkpoint).fileName();
            return makeError(ErrorCode::Unsupported,
                (o.kind == ModelKind::Pretrain
                        ? Text::tr("%1 is a pretraining checkpoint and cannot answer questions: use a "
                                   "question-answering checkpoint (for example mPLUG2_MSRVTT_QA.pth), or "
                                   "--kind qa to try it anyway")
                        : Text::tr("%1 was given as a caption checkpoint (--kind caption) and cannot answer "
                                   "questions: use --kind qa for a question-answering checkpoint"))
                    .arg(file)
                    .toStdString());
        }
        return bundle;
    }
    for (const QCommandLineOption *o : {&m_vocab, &m_tokenizer, &m_kind, &m_bertConfig, &m_modelConfig}) {
        if (parser.isSet(*o))
            return makeError(ErrorCode::InvalidArgument,
                Text::tr("--%1 goes with --checkpoint").arg(o->names().constFirst()).toStdString());
    }
    BundleRegistry registry;
    Expected<ModelBundle> bundle
        = parser.isSet(m_model) ? registry.resolve(parser.value(m_model)) : registry.defaultBundle();
    if (bundle && parser.isSet(m_clipBpe))
        bundle->clipBpe = parser.value(m_clipBpe);
    if (bundle && m_commandKind == ModelKind::Qa && !bundle->answersQuestions())
        return makeError(ErrorCode::Unsupported,
            Text::tr("the model %1 cannot answer questions (it is a %2 model): choose a question-answering "
                     "model with --model, or give its checkpoint with --checkpoint")
                .arg(bundle->name.isEmpty() ? bundle->id : bundle->name, modelKindName(bundle->kind))
                .toStdString());
    return bundle;
}

Expected<ModelKind> ModelOptions::checkpointKind(const QCommandLineParser &parser) const
{
    if (parser.isSet(m_kind))
        return parseModelKind(parser.value(m_kind));
    // The official files say what they are: mPLUG2_Pretrain.pth, mPLUG2_MSRVTT_QA.pth,
    // mPLUG2_MSVD_Caption.pth.
    const QStringList words
        = QFileInfo(parser.value(m_checkpoint))
              .completeBaseName()
              .toLower()
              .split(QRegularExpression(QStringLiteral("[^a-z0-9]+")), Qt::SkipEmptyParts);
    if (words.contains(QLatin1String("pretrain")))
        return ModelKind::Pretrain;
    if (m_commandKind)
        return *m_commandKind;
    if (words.contains(QLatin1String("qa")) || words.contains(QLatin1String("vqa")))
        return ModelKind::Qa;
    return ModelKind::Caption;
}

Expected<DeviceChoice> ModelOptions::device(const QCommandLineParser &parser) const
{
    return DeviceChoice::parse(parser.value(m_device), parser.value(m_precision));
}

bool ModelOptions::precisionGiven(const QCommandLineParser &parser) const
{
    const QString p = parser.value(m_precision).trimmed().toLower();
    return !p.isEmpty() && p != QLatin1String("auto");
}

Expected<int> ModelOptions::frames(const QCommandLineParser &parser) const
{
    return intOption(parser, m_frames, 0, 1, 64);
}

Expected<void> ModelOptions::applyTo(const QCommandLineParser &parser, EngineRequest &request) const
{
    const Expected<int> frames = intOption(parser, m_frames, request.media.numFrames, 1, 64);
    if (!frames)
        return frames.error();
    request.media.numFrames = *frames;
    if (!m_hasGeneration)
        return {};
    const Expected<int> beam = intOption(parser, m_beam, request.generation.beamSize, 1, 32);
    const Expected<int> minLength = intOption(parser, m_minLength, request.generation.minLength, 0, 512);
    const Expected<int> maxLength = intOption(parser, m_maxLength, request.generation.maxLength, 1, 512);
    const Expected<int> results = intOption(parser, m_results, request.generation.numResults, 1, 32);
    const Expected<int> topK = intOption(parser, m_topK, request.generation.topK, 0, 1000000);
    const Expected<int> seed = intOption(parser, m_seed, int(request.generation.seed), 0, 2147483647);
    const Expected<double> temperature
        = doubleOption(parser, m_temperature, request.generation.temperature, 1e-3, 100);
    const Expected<double> topP = doubleOption(parser, m_topP, request.generation.topP, 1e-6, 1);
    for (const Expected<int> *v : {&beam, &minLength, &maxLength, &results, &topK, &seed}) {
        if (!*v)
            return v->error();
    }
    for (const Expected<double> *v : {&temperature, &topP}) {
        if (!*v)
            return v->error();
    }
    GenerationOptions &g = request.generation;
    g.beamSize = *beam;
    g.minLength = *minLength;
    g.maxLength = *maxLength;
    g.numResults = *results;
    g.topK = *topK;
    g.seed = quint64(*seed);
    g.temperature = *temperature;
    g.topP = *topP;
    if (parser.isSet(m_decoding)) {
        const QString method = parser.value(m_decoding);
        if (method == QLatin1String("beam"))
            g.method = DecodingMethod::Beam;
        else if (method == QLatin1String("greedy"))
            g.method = DecodingMethod::Greedy;
        else if (method == QLatin1String("sample"))
            g.method = DecodingMethod::Sample;
        else
            return makeError(ErrorCode::InvalidArgument,
                Text::tr("--decoding must be beam, greedy or sample (got \"%1\")").arg(method).toStdString());
    }
    if (g.minLength >= 0 && g.maxLength >= 0 && g.minLength > g.maxLength)
        return makeError(
            ErrorCode::InvalidArgument, Text::tr("--min-length is larger than --max-length").toStdString());
    return {};
}

} // namespace mplug2::app
