#include "app/cli/clisession.h"
#include "app/cli/commandlineparsing.h"
#include "app/cli/modeloptions.h"
#include "app/cli/resultprinter.h"
#include "app/cli/taskcommands.h"
#include "app/export/exporter.h"

#include <QCoreApplication>
#include <QTextStream>

#include <algorithm>
#include <optional>

namespace mplug2::app {

namespace {

struct Text {
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
            Text::tr("--%1 must be mean%2 or a number from 0 to %3 (got \"%4\")")
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
        Text::tr("no token \"%1\" in the answer (its tokens: %2)")
            .arg(value, maps.tokens.join(QStringLiteral(", ")))
            .toStdString());
}

} // namespace

int runAttentionCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Where the model looked: caption a medium (or answer --question) and "
                 "write its attention over the frames as PNGs, a contact sheet, a "
                 "GIF, an MP4 or an HTML report."));
    parser.addHelpOption();
    const QCommandLineOption output(QStringList {QStringLiteral("o"), QStringLiteral("output")},
        Text::tr("Output file (a folder for png)."), QStringLiteral("path"));
    const QCommandLineOption format(QStringLiteral("format"),
        Text::tr("png (per token and frame), contact-sheet, gif, mp4 or html "
                 "(default: from the -o suffix, else png)."),
        QStringLiteral("format"));
    const QCommandLineOption question(QStringLiteral("question"),
        Text::tr("Answer this question (QA model) instead of captioning."), QStringLiteral("text"));
    const QCommandLineOption token(QStringLiteral("token"),
        Text::tr("Token of the answer: its index or text (default: all, or their mean)."),
        QStringLiteral("token"));
    const QCommandLineOption method(QStringLiteral("method"),
        Text::tr("attention (default), gradcam or occlusion (hide patches, measure the token's drop)."),
        QStringLiteral("method"));
    const QCommandLineOption masks(QStringLiteral("occlusion-masks"),
        Text::tr("How occlusion hides patches: patches (default: windows of visual tokens), random "
                 "(RISE-style random sets) or pixels (blurred pixels through the whole encoder, slow)."),
        QStringLiteral("kind"));
    const QCommandLineOption faithfulness(QStringLiteral("faithfulness"),
        Text::tr("Also grade the map: deletion and insertion AUC of the token's probability as its most "
                 "salient patches are blurred away or restored."));
    const QCommandLineOption layer(
        QStringLiteral("layer"), Text::tr("Decoder layer, or mean (default)."), QStringLiteral("layer"));
    const QCommandLineOption head(
        QStringLiteral("head"), Text::tr("Attention head, mean (default) or max."), QStringLiteral("head"));
    const QCommandLineOption colormap(QStringLiteral("colormap"),
        Text::tr("jet (default), inferno, viridis or turbo."), QStringLiteral("name"));
    const QCommandLineOption opacity(QStringLiteral("opacity"),
        Text::tr("Heat map opacity from 0 to 1 (default 0.5)."), QStringLiteral("alpha"));
    const QCommandLineOption fps(QStringLiteral("fps"),
        Text::tr("Frames per second of a GIF or MP4 (default 2)."), QStringLiteral("n"));
    const QCommandLineOption json(
        QStringLiteral("json"), Text::tr("Print the result, attention maps included, as one JSON object."));
    parser.addOptions({output, format, question, token, method, masks, faithfulness, layer, head, colormap,
        opacity, fps, json});
    const ModelOptions model;
    model.addTo(parser);
    model.addGenerationTo(parser);
    parser.addPositionalArgument(
        QStringLiteral("media"), Text::tr("An image or a video."), QStringLiteral("MEDIA"));
    if (const std::optional<int> done = parseCommandLine(parser, args))
        return *done;
    const QString command = args.value(0);
    if (parser.positionalArguments().size() != 1)
        return reportCliError(command, Text::tr("give exactly one image or video"), 2);
    if (!parser.isSet(output))
        return reportCliError(command, Text::tr("-o PATH is required"), 2);
    const QString formatId = parser.isSet(format) ? parser.value(format)
        : exporterForPath(parser.value(output))   ? exporterForPath(parser.value(output))->id()
                                                  : QStringLiteral("attention-png");
    const Exporter *exporter
        = findExporter(formatId == QLatin1String("png") ? QStringLiteral("attention-png") : formatId);
    static const QStringList attentionFormats
        = {QStringLiteral("attention-png"), QStringLiteral("contact-sheet"), QStringLiteral("gif"),
            QStringLiteral("mp4"), QStringLiteral("html")};
    if (!exporter || !attentionFormats.contains(exporter->id()))
        return reportCliError(command, Text::tr("--format must be png, contact-sheet, gif, mp4 or html"), 2);
    AttentionExportOptions options;
    if (parser.isSet(method)) {
        const auto methods
            = {AttentionMethod::CrossAttention, AttentionMethod::GradCam, AttentionMethod::Occlusion};
        const auto named = std::find_if(methods.begin(), methods.end(),
            [&](AttentionMethod m) { return attentionMethodName(m) == parser.value(method); });
        if (named == methods.end())
            return reportCliError(command, Text::tr("--method must be attention, gradcam or occlusion"), 2);
        options.method = *named;
    }
    OcclusionMasking masking = OcclusionMasking::Patches;
    if (parser.isSet(masks)) {
        if (parser.value(masks) == QLatin1String("random"))
            masking = OcclusionMasking::RandomPatches;
        else if (parser.value(masks) == QLatin1String("pixels"))
            masking = OcclusionMasking::Pixels;
        else if (parser.value(masks) != QLatin1String("patches"))
            return reportCliError(
                command, Text::tr("--occlusion-masks must be patches, random or pixels"), 2);
        if (options.method != AttentionMethod::Occlusion)
            return reportCliError(command, Text::tr("--occlusion-masks goes with --method occlusion"), 2);
    }
    if (parser.isSet(colormap)) {
        static const QStringList maps = {QStringLiteral("jet"), QStringLiteral("inferno"),
            QStringLiteral("viridis"), QStringLiteral("turbo")};
        if (!maps.contains(parser.value(colormap)))
            return reportCliError(command, Text::tr("--colormap must be jet, inferno, viridis or turbo"), 2);
        options.colormap = parser.value(colormap);
    }
    bool ok = true;
    if (parser.isSet(opacity))
        options.opacity = parser.value(opacity).toDouble(&ok);
    if (!ok || options.opacity < 0 || options.opacity > 1)
        return reportCliError(command, Text::tr("--opacity must be a number from 0 to 1"), 2);
    if (parser.isSet(fps))
        options.framesPerSecond = parser.value(fps).toDouble(&ok);
    if (!ok || !(options.framesPerSecond >= 0.1 && options.framesPerSecond <= 60))
        return reportCliError(command, Text::tr("--fps must be a number from 0.1 to 60"), 2);

    const QString media = parser.positionalArguments().constFirst();
    EngineRequest r = parser.isSet(question) ? EngineRequest::ask(media, parser.value(question))
                                             : EngineRequest::caption(media);
    r.attention.crossAttention = true;
    r.attention.gradCam = options.method == AttentionMethod::GradCam;
    r.attention.occlusion = options.method == AttentionMethod::Occlusion;
    r.attention.occlusionMasking = masking;
    r.returnFrames = true;
    if (Expected<void> applied = model.applyTo(parser, r); !applied)
        return reportCliError(command, QString::fromStdString(applied.error().message), 2);

    const Expected<DeviceChoice> device = model.device(parser);
    if (!device)
        return reportCliError(command, QString::fromStdString(device.error().message), 2);
    const Expected<ModelBundle> bundle = model.bundle(parser);
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
        const Expected<int> t = tokenIndex(parser.value(token), maps);
        const Expected<int> l = selector(parser.value(layer), maps.layers, false, QStringLiteral("layer"));
        const Expected<int> h = selector(parser.value(head), maps.heads, true, QStringLiteral("head"));
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
        const Expected<QStringList> written = exporter->write(input, parser.value(output));
        if (!written) {
            exportCode = reportCliError(command, QString::fromStdString(written.error().message));
            return;
        }
        if (parser.isSet(faithfulness)) {
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
    if (parser.isSet(json)) {
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
        out << Text::tr("faithfulness: deletion AUC %1 (lower is better), insertion AUC %2 (higher is "
                        "better), probability %3")
                   .arg(shown.faithfulness->deletionAuc, 0, 'f', 3)
                   .arg(shown.faithfulness->insertionAuc, 0, 'f', 3)
                   .arg(shown.faithfulness->probability, 0, 'f', 3)
            << '\n';
    return 0;
}

} // namespace mplug2::app
