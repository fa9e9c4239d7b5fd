#include "app/cli/modeloptions.h"

#include <QCoreApplication>

namespace mplug2::app {

namespace {

struct ModelOptionsText {
    Q_DECLARE_TR_FUNCTIONS(ModelOptions)
};

QCommandLineOption valueOption(const QString &name, const char *help, const char *valueName)
{
    return QCommandLineOption(name, ModelOptionsText::tr(help), ModelOptionsText::tr(valueName));
}

/// Reads an integer option in [low, high]; nullopt when not given.
Expected<std::optional<int>> intOption(
    const QCommandLineParser &parser, const QCommandLineOption &option, int low, int high)
{
    if (!parser.isSet(option))
        return std::optional<int>();
    bool ok = false;
    const int v = parser.value(option).toInt(&ok);
    if (!ok || v < low || v > high)
        return makeError(ErrorCode::InvalidArgument,
            ModelOptionsText::tr("--%1 must be a whole number from %2 to %3 (got \"%4\")")
                .arg(option.names().constFirst())
                .arg(low)
                .arg(high)
                .arg(parser.value(option))
                .toStdString());
    return std::optional<int>(v);
}

Expected<std::optional<double>> doubleOption(
    const QCommandLineParser &parser, const QCommandLineOption &option, double low, double high)
{
    if (!parser.isSet(option))
        return std::optional<double>();
    bool ok = false;
    const double v = parser.value(option).toDouble(&ok);
    if (!ok || !(v >= low && v <= high))
        return makeError(ErrorCode::InvalidArgument,
            ModelOptionsText::tr("--%1 must be a number from %2 to %3 (got \"%4\")")
                .arg(option.names().constFirst())
                .arg(low)
                .arg(high)
                .arg(parser.value(option))
                .toStdString());
    return std::optional<double>(v);
}

/// The value of an option that was given; nullopt otherwise.
std::optional<QString> givenValue(const QCommandLineParser &parser, const QCommandLineOption &option)
{
    return parser.isSet(option) ? std::optional<QString>(parser.value(option)) : std::nullopt;
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

ModelParams ModelOptions::modelChoice(const QCommandLineParser &parser) const
{
    ModelParams p;
    p.commandKind = m_commandKind;
    p.model = givenValue(parser, m_model);
    p.checkpoint = givenValue(parser, m_checkpoint);
    p.vocab = givenValue(parser, m_vocab);
    p.tokenizer = givenValue(parser, m_tokenizer);
    p.kind = givenValue(parser, m_kind);
    p.bertConfig = givenValue(parser, m_bertConfig);
    p.modelConfig = givenValue(parser, m_modelConfig);
    p.clipBpe = givenValue(parser, m_clipBpe);
    p.device = parser.value(m_device);
    p.precision = parser.value(m_precision);
    return p;
}

Expected<ModelParams> ModelOptions::params(const QCommandLineParser &parser) const
{
    ModelParams p = modelChoice(parser);
    const Expected<std::optional<int>> frames = intOption(parser, m_frames, 1, 64);
    if (!frames)
        return frames.error();
    p.frames = *frames;
    if (!m_hasGeneration)
        return p;
    const Expected<std::optional<int>> beam = intOption(parser, m_beam, 1, 32);
    const Expected<std::optional<int>> minLength = intOption(parser, m_minLength, 0, 512);
    const Expected<std::optional<int>> maxLength = intOption(parser, m_maxLength, 1, 512);
    const Expected<std::optional<int>> results = intOption(parser, m_results, 1, 32);
    const Expected<std::optional<int>> topK = intOption(parser, m_topK, 0, 1000000);
    const Expected<std::optional<int>> seed = intOption(parser, m_seed, 0, 2147483647);
    const Expected<std::optional<double>> temperature = doubleOption(parser, m_temperature, 1e-3, 100);
    const Expected<std::optional<double>> topP = doubleOption(parser, m_topP, 1e-6, 1);
    for (const Expected<std::optional<int>> *v : {&beam, &minLength, &maxLength, &results, &topK, &seed}) {
        if (!*v)
            return v->error();
    }
    for (const Expected<std::optional<double>> *v : {&temperature, &topP}) {
        if (!*v)
            return v->error();
    }
    p.beam = *beam;
    p.minLength = *minLength;
    p.maxLength = *maxLength;
    p.numResults = *results;
    p.topK = *topK;
    p.seed = *seed;
    p.temperature = *temperature;
    p.topP = *topP;
    if (parser.isSet(m_decoding)) {
        const QString method = parser.value(m_decoding);
        if (method == QLatin1String("beam"))
            p.decoding = DecodingMethod::Beam;
        else if (method == QLatin1String("greedy"))
            p.decoding = DecodingMethod::Greedy;
        else if (method == QLatin1String("sample"))
            p.decoding = DecodingMethod::Sample;
        else
            return makeError(ErrorCode::InvalidArgument,
                ModelOptionsText::tr("--decoding must be beam, greedy or sample (got \"%1\")")
                    .arg(method)
                    .toStdString());
    }
    // Both must be given to disagree: a length not given is the model's, checked where it is known.
    if (p.minLength && p.maxLength && *p.minLength > *p.maxLength)
        return makeError(ErrorCode::InvalidArgument,
            ModelOptionsText::tr("--min-length is larger than --max-length").toStdString());
    return p;
}

} // namespace mplug2::app
