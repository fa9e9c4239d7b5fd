#include "app/cli/densecaptioncommand.h"

#include "app/cli/clisession.h"
#include "app/cli/modeloptions.h"
#include "app/cli/resultprinter.h"
#include "app/export/exporter.h"

#include <QCoreApplication>

namespace mplug2::app {

namespace {
struct DenseCaptionCommandText {
    Q_DECLARE_TR_FUNCTIONS(DenseCaptionCommand)
};

Expected<double> secondsOption(
    const QCommandLineParser &parser, const QCommandLineOption &option, double fallback)
{
    if (!parser.isSet(option))
        return fallback;
    bool ok = false;
    const double v = parser.value(option).toDouble(&ok);
    if (!ok || !(v >= 0.1 && v <= 24 * 3600.0))
        return makeError(ErrorCode::InvalidArgument,
            QCoreApplication::translate(
                "DenseCaptionCommand", "--%1 must be a number of seconds from 0.1 to 86400")
                .arg(option.names().constFirst())
                .toStdString());
    return v;
}
} // namespace

CliParsed<DenseCaptionParams> parseDenseCaptionParams(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "DenseCaptionCommand", "Caption a video window by window: subtitles of what happens when."));
    parser.addHelpOption();
    const QCommandLineOption window(QStringLiteral("window"),
        QCoreApplication::translate("DenseCaptionCommand", "Window length in seconds (default 10)."),
        QStringLiteral("seconds"));
    const QCommandLineOption stride(QStringLiteral("stride"),
        QCoreApplication::translate(
            "DenseCaptionCommand", "Step between window starts (default: the window)."),
        QStringLiteral("seconds"));
    const QCommandLineOption format(QStringLiteral("format"),
        QCoreApplication::translate("DenseCaptionCommand",
            "srt, vtt, json, jsonl, csv or txt "
            "(default: from the -o suffix)."),
        QCoreApplication::translate("DenseCaptionCommand", "format"));
    const QCommandLineOption output(QStringList {QStringLiteral("o"), QStringLiteral("output")},
        QCoreApplication::translate("DenseCaptionCommand", "Write the captions to this file."),
        QCoreApplication::translate("DenseCaptionCommand", "file"));
    const QCommandLineOption json(QStringLiteral("json"),
        QCoreApplication::translate("DenseCaptionCommand", "Print the result as one JSON object."));
    const QCommandLineOption byShot(QStringLiteral("by-shot"),
        QCoreApplication::translate("DenseCaptionCommand",
            "One caption per moment instead of fixed windows: each shot (found as index --moments finds "
            "them), long shots cut at --window seconds (default 8 here)."));
    parser.addOptions({window, stride, byShot, format, output, json});
    const ModelOptions model(ModelKind::Caption);
    model.addTo(parser);
    model.addGenerationTo(parser);
    parser.addPositionalArgument(QStringLiteral("video"),
        QCoreApplication::translate("DenseCaptionCommand", "A video."), QStringLiteral("VIDEO"));
    if (const std::optional<CliStop> stop = parseOrStop(parser, args))
        return *stop;
    if (parser.positionalArguments().size() != 1)
        return usageStop(DenseCaptionCommandText::tr("give exactly one video"));
    const Expected<double> windowSeconds = secondsOption(parser, window, parser.isSet(byShot) ? 8.0 : 10.0);
    const Expected<double> strideSeconds = secondsOption(parser, stride, 0.0);
    for (const Expected<double> *v : {&windowSeconds, &strideSeconds}) {
        if (!*v)
            return usageStop(QString::fromStdString(v->error().message));
    }
    DenseCaptionParams p;
    if (parser.isSet(output)) {
        const Exporter *exporter = parser.isSet(format) ? findExporter(parser.value(format))
                                                        : exporterForPath(parser.value(output));
        if (!exporter)
            return usageStop(DenseCaptionCommandText::tr(
                "unknown output format: give --format srt, vtt, json, jsonl, csv or txt"));
        p.format = exporter->id();
    } else if (parser.isSet(format)) {
        return usageStop(DenseCaptionCommandText::tr("--format needs -o FILE"));
    }
    if (parser.isSet(byShot) && parser.isSet(stride))
        return usageStop(DenseCaptionCommandText::tr("--stride does not go with --by-shot"));
    const Expected<ModelParams> modelParams = model.params(parser);
    if (!modelParams)
        return usageStop(QString::fromStdString(modelParams.error().message));

    p.video = parser.positionalArguments().constFirst();
    p.windowSeconds = *windowSeconds;
    p.strideSeconds = *strideSeconds;
    p.byShot = parser.isSet(byShot);
    p.output = parser.value(output);
    p.model = *modelParams;
    p.json = parser.isSet(json);
    return p;
}

int runDenseCaption(const DenseCaptionParams &params, const QString &command)
{
    const Exporter *exporter = params.format.isEmpty() ? nullptr : findExporter(params.format);
    EngineRequest r = EngineRequest::denseCaption(params.video, params.windowSeconds);
    r.strideSeconds = params.strideSeconds;
    if (params.byShot)
        r.captionWindows = CaptionWindows::Shots;
    params.model.applyTo(r);
    bool exportFailed = false;
    const int code = CliSession::loadAndRun(command, params.model, {r}, [&](const EngineResult &result) {
        if (params.json || !exporter)
            printResult(result, params.json);
        if (exporter) {
            ExportInput input;
            input.results = {result};
            const Expected<QStringList> written = exporter->write(input, params.output);
            if (!written) {
                reportCliError(command, QString::fromStdString(written.error().message));
                exportFailed = true;
            }
        }
    });
    return code != 0 ? code : (exportFailed ? 1 : 0);
}

int runDenseCaptionCommand(const QStringList &args)
{
    const CliParsed<DenseCaptionParams> parsed = parseDenseCaptionParams(args);
    if (const auto *stop = std::get_if<CliStop>(&parsed))
        return printStop(*stop, args.value(0));
    return runDenseCaption(std::get<DenseCaptionParams>(parsed), args.value(0));
}

} // namespace mplug2::app
