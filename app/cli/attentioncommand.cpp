#include "app/cli/attentioncommand.h"

#include "app/cli/clisession.h"
#include "app/cli/modeloptions.h"
#include "app/cli/resultprinter.h"

#include <QCoreApplication>
#include <QTextStream>

#include <algorithm>
#include <optional>

namespace mplug2::app {

namespace {

struct AttentionCommandText {
    Q_DECLARE_TR_FUNCTIONS(AttentionCommand)
};

/// "mean"/"max"/"all" or a number in [0, count).
Expected<int> selector(const QString &value, int count, bool allowMax, const QString &what)
{
    if (value.isEmpty() || value == QLatin1String("mean") || value == QLatin1String("all"))
        return kMeanOfHeads;
    if (allowMax && value == QLatin1String("max"))
        return kMaxOfHeads;
    bool ok = false;
    const int n = value.toInt(&ok);
    if (!ok || n < 0 || n >= count)
        return makeError(ErrorCode::InvalidArgument,
            AttentionCommandText::tr("--%1 must be mean%2 or a number from 0 to %3 (got \"%4\")")
                .arg(what, allowMax ? QStringLiteral(", max") : QString())
                .arg(count - 1)
                .arg(value)
                .toStdString());
    return n;
}

/// A token index, or the first token whose text is `value` (case-insensitive); -1 for all.
Expected<int> tokenIndex(const QString &value, const AttentionMaps &maps)
{
    if (value.isEmpty() || value == QLatin1String("all"))
        return -1;
    bool ok = false;
    const int n = value.toInt(&ok);
    if (ok && n >= 0 && n < maps.tokenCount())
        return n;
    for (int t = 0; t < maps.tokenCount(); ++t)
        if (maps.tokens.at(t).compare(value, Qt::CaseInsensitive) == 0)
            return t;
    return makeError(ErrorCode::InvalidArgument,
        AttentionCommandText::tr("no token \"%1\" in the answer (its tokens: %2)")
            .arg(value, maps.tokens.join(QStringLiteral(", ")))
            .toStdString());
}

} // namespace

CliParsed<AttentionParams> parseAttentionParams(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        AttentionCommandText::tr("Where the model looked: caption a medium (or answer --question) and "
                                 "write its attention over the frames as PNGs, a contact sheet, a "
                                 "GIF, an MP4 or an HTML report."));
    parser.addHelpOption();
    const QCommandLineOption output(QStringList {QStringLiteral("o"), QStringLiteral("output")},
        AttentionCommandText::tr("Output file (a folder for png)."), QStringLiteral("path"));
    const QCommandLineOption format(QStringLiteral("format"),
        AttentionCommandText::tr("png (per token and frame), contact-sheet, gif, mp4 or html "
                                 "(default: from the -o suffix, else png)."),
        QStringLiteral("format"));
    const QCommandLineOption question(QStringLiteral("question"),
        AttentionCommandText::tr("Answer this question (QA model) instead of captioning."),
        QStringLiteral("text"));
    const QCommandLineOption token(QStringLiteral("token"),
        AttentionCommandText::tr("Token of the answer: its index or text (default: all, or their mean)."),
        QStringLiteral("token"));
    const QCommandLineOption method(QStringLiteral("method"),
        AttentionCommandText::tr(
            "attention (default), gradcam or occlusion (hide patches, measure the token's drop)."),
        QStringLiteral("method"));
    const QCommandLineOption masks(QStringLiteral("occlusion-masks"),
        AttentionCommandText::tr(
            "How occlusion hides patches: patches (default: windows of visual tokens), random "
            "(RISE-style random sets) or pixels (blurred pixels through the whole encoder, slow)."),
        QStringLiteral("kind"));
    const QCommandLineOption faithfulness(QStringLiteral("faithfulness"),
        AttentionCommandText::tr(
            "Also grade the map: deletion and insertion AUC of the token's probability as its most "
            "salient patches are blurred away or restored."));
    const QCommandLineOption layer(QStringLiteral("layer"),
        AttentionCommandText::tr("Decoder layer, or mean (default)."), QStringLiteral("layer"));
    const QCommandLineOption head(QStringLiteral("head"),
        AttentionCommandText::tr("Attention head, mean (default) or max."), QStringLiteral("head"));
    const QCommandLineOption colormap(QStringLiteral("colormap"),
        AttentionCommandText::tr("jet (default), inferno, viridis or turbo."), QStringLiteral("name"));
    const QCommandLineOption opacity(QStringLiteral("opacity"),
        AttentionCommandText::tr("Heat map opacity from 0 to 1 (default 0.5)."), QStringLiteral("alpha"));
    const QCommandLineOption fps(QStringLiteral("fps"),
        AttentionCommandText::tr("Frames per second of a GIF or MP4 (default 2)."), QStringLiteral("n"));
    const QCommandLineOption json(QStringLiteral("json"),
        AttentionCommandText::tr("Print the result, attention maps included, as one JSON object."));
    parser.addOptions({output, format, question, token, method, masks, faithfulness, layer, head, colormap,
        opacity, fps, json});
    const ModelOptions model;
    model.addTo(parser);
    model.addGenerationTo(parser);
    parser.addPositionalArgument(
        QStringLiteral("media"), AttentionCommandText::tr("An image or a video."), QStringLiteral("MEDIA"));
    if (const std::optional<CliStop> stop = parseOrStop(parser, args))
        return *stop;
    if (parser.positionalArguments().size() != 1)
        return usageStop(AttentionCommandText::tr("give exactly one image or video"));
    if (!parser.isSet(output))
        return usageStop(AttentionCommandText::tr("-o PATH is required"));

    AttentionParams p;
    const QString formatId = parser.isSet(format) ? parser.value(format)
        : exporterForPath(parser.value(output))   ? exporterForPath(parser.value(output))->id()
                                                  : QStringLiteral("attention-png");
    const Exporter *exporter
        = findExporter(formatId == QLatin1String("png") ? QStringLiteral("attention-png") : formatId);
    static const QStringList attentionFormats
        = {QStringLiteral("attention-png"), QStringLiteral("contact-sheet"), QStringLiteral("gif"),
            QStringLiteral("mp4"), QStringLiteral("html")};
    if (!exporter || !attentionFormats.contains(exporter->id()))
        return usageStop(AttentionCommandText::tr("--format must be png, contact-sheet, gif, mp4 or html"));
    p.format = exporter->id();
    if (parser.isSet(method)) {
        const auto methods
            = {AttentionMethod::CrossAttention, AttentionMethod::GradCam, AttentionMethod::Occlusion};
        const auto named = std::find_if(methods.begin(), methods.end(),
            [&](AttentionMethod m) { return attentionMethodName(m) == parser.value(method); });
        if (named == methods.end())
            return usageStop(AttentionCommandText::tr("--method must be attention, gradcam or occlusion"));
        p.method = *named;
    }
    if (parser.isSet(masks)) {
        if (parser.value(masks) == QLatin1String("random"))
            p.masking = OcclusionMasking::RandomPatches;
        else if (parser.value(masks) == QLatin1String("pixels"))
            p.masking = OcclusionMasking::Pixels;
        else if (parser.value(masks) != QLatin1String("patches"))
            return usageStop(AttentionCommandText::tr("--occlusion-masks must be patches, random or pixels"));
        if (p.method != AttentionMethod::Occlusion)
            return usageStop(AttentionCommandText::tr("--occlusion-masks goes with --method occlusion"));
    }
    if (parser.isSet(colormap)) {
        static const QStringList maps = {QStringLiteral("jet"), QStringLiteral("inferno"),
            QStringLiteral("viridis"), QStringLiteral("turbo")};
        if (!maps.contains(parser.value(colormap)))
            return usageStop(AttentionCommandText::tr("--colormap must be jet, inferno, viridis or turbo"));
        p.colormap = parser.value(colormap);
    }
    bool ok = true;
    if (parser.isSet(opacity))
        p.opacity = parser.value(opacity).toDouble(&ok);
    if (!ok || p.opacity < 0 || p.opacity > 1)
        return usageStop(AttentionCommandText::tr("--opacity must be a number from 0 to 1"));
    if (parser.isSet(fps))
        p.framesPerSecond = parser.value(fps).toDouble(&ok);
    if (!ok || !(p.framesPerSecond >= 0.1 && p.framesPerSecond <= 60))
        return usageStop(AttentionCommandText::tr("--fps must be a number from 0.1 to 60"));
    const Expected<ModelParams> modelParams = model.params(parser);
    if (!modelParams)
        return usageStop(QString::fromStdString(modelParams.error().message));

    p.media = parser.positionalArguments().constFirst();
    p.output = parser.value(output);
    if (parser.isSet(question))
        p.question = parser.value(question);
    p.token = parser.value(token);
    p.layer = parser.value(layer);
    p.head = parser.value(head);
    p.faithfulness = parser.isSet(faithfulness);
    p.json = parser.isSet(json);
    p.model = *modelParams;
    return p;
}

int runAttention(const AttentionParams &params, const QString &command)
{
    const Exporter *exporter = findExporter(params.format);
    if (!exporter) // parseAttentionParams() gives only these; a caller of its own may not
        return reportCliError(
            command, AttentionCommandText::tr("--format must be png, contact-sheet, gif, mp4 or html"), 2);
    AttentionExportOptions options;
    options.method = params.method;
    options.colormap = params.colormap;
    options.opacity = params.opacity;
    options.framesPerSecond = params.framesPerSecond;
    EngineRequest r = params.question ? EngineRequest::ask(params.media, *params.question)
                                      : EngineRequest::caption(params.media);
    r.attention.crossAttention = true;
    r.attention.gradCam = options.method == AttentionMethod::GradCam;
    r.attention.occlusion = options.method == AttentionMethod::Occlusion;
    r.attention.occlusionMasking = params.masking;
    r.returnFrames = true;
    params.model.applyTo(r);

    const Expected<DeviceChoice> device = params.model.deviceChoice();
    if (!device)
        return reportCliError(command, QString::fromStdString(device.error().message), 2);
    const Expected<ModelBundle> bundle = params.model.bundle();
    if (!bundle)
        return reportCliError(command, QString::fromStdString(bundle.error().message));
    CliSession session(command);
    if (!session.loadModel(*bundle, *device))
        return 1;
    int exportCode = 0;
    std::optional<EngineRequest> grading;
    EngineResult shown;
    QStringList files;
    const int code = session.run({r}, [&](const EngineResult &result) {
        const AttentionMaps &maps = *result.attention;
        const Expected<int> t = tokenIndex(params.token, maps);
        const Expected<int> l = selector(params.layer, maps.layers, false, QStringLiteral("layer"));
        const Expected<int> h = selector(params.head, maps.heads, true, QStringLiteral("head"));
        for (const Expected<int> *v : {&t, &l, &h}) {
            if (!*v) {
                exportCode = reportCliError(command, QString::fromStdString(v->error().message), 2);
                return;
            }
        }
        ExportInput input;
        input.results = {result};
        input.attention = options;
        input.attention.token = *t;
        input.attention.layer = *l == kMeanOfHeads ? kMeanOfLayers : *l;
        input.attention.head = *h;
        const Expected<QStringList> written = exporter->write(input, params.output);
        if (!written) {
            exportCode = reportCliError(command, QString::fromStdString(written.error().message));
            return;
        }
        if (params.faithfulness) {
            const AttentionGrid grid = *t < 0 ? maps.meanGrid(options.method, input.attention.layer, *h)
                                              : maps.grid(options.method, *t, input.attention.layer, *h);
            grading = EngineRequest::faithfulnessOf(
                r.media, result.question, result.items.value(0).tokenIds, *t, grid.values);
        }
        shown = result;
        files = *written;
    });
    if (code != 0 || exportCode != 0)
        return code != 0 ? code : exportCode;
    if (grading) {
        const int graded
            = session.run({*grading}, [&](const EngineResult &g) { shown.faithfulness = g.faithfulness; });
        if (graded != 0)
            return graded;
    }
    if (params.json) {
        ResultJsonOptions jsonOptions;
        jsonOptions.attention = true;
        printResult(shown, true, jsonOptions);
        return 0;
    }
    printResult(shown, false);
    QTextStream out(stdout);
    for (const QString &file : files)
        out << file << '\n';
    if (shown.faithfulness)
        out << AttentionCommandText::tr(
            "faithfulness: deletion AUC %1 (lower is better), insertion AUC %2 (higher is "
            "better), probability %3")
                   .arg(shown.faithfulness->deletionAuc, 0, 'f', 3)
                   .arg(shown.faithfulness->insertionAuc, 0, 'f', 3)
                   .arg(shown.faithfulness->probability, 0, 'f', 3)
            << '\n';
    return 0;
}

int runAttentionCommand(const QStringList &args)
{
    const CliParsed<AttentionParams> parsed = parseAttentionParams(args);
    if (const auto *stop = std::get_if<CliStop>(&parsed))
        return printStop(*stop, args.value(0));
    return runAttention(std::get<AttentionParams>(parsed), args.value(0));
}

} // namespace mplug2::app
