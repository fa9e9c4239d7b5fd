#include "app/cli/captioncommand.h"

#include "app/cli/clisession.h"
#include "app/cli/modeloptions.h"
#include "app/cli/resultprinter.h"

#include <QCoreApplication>

namespace mplug2::app {

CliParsed<CaptionParams> parseCaptionParams(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("CaptionCommand", "Describe images and videos."));
    parser.addHelpOption();
    const QCommandLineOption json(QStringLiteral("json"),
        QCoreApplication::translate("CaptionCommand", "Print one JSON object per media item."));
    parser.addOption(json);
    const ModelOptions model(ModelKind::Caption);
    model.addTo(parser);
    model.addGenerationTo(parser);
    parser.addPositionalArgument(QStringLiteral("media"),
        QCoreApplication::translate("CaptionCommand", "Images or videos."), QStringLiteral("MEDIA..."));
    if (const std::optional<CliStop> stop = parseOrStop(parser, args))
        return *stop;
    if (parser.positionalArguments().isEmpty())
        return usageStop(QCoreApplication::translate("CaptionCommand", "no media given"));
    const Expected<ModelParams> modelParams = model.params(parser);
    if (!modelParams)
        return usageStop(QString::fromStdString(modelParams.error().message));

    CaptionParams p;
    p.media = parser.positionalArguments();
    p.model = *modelParams;
    p.json = parser.isSet(json);
    return p;
}

int runCaption(const CaptionParams &params, const QString &command)
{
    QList<EngineRequest> requests;
    for (const QString &media : params.media) {
        EngineRequest r = EngineRequest::caption(media);
        params.model.applyTo(r);
        requests.append(r);
    }
    return CliSession::loadAndRun(command, params.model, requests,
        [asJson = params.json](const EngineResult &r) { printResult(r, asJson); });
}

int runCaptionCommand(const QStringList &args)
{
    const CliParsed<CaptionParams> parsed = parseCaptionParams(args);
    if (const auto *stop = std::get_if<CliStop>(&parsed))
        return printStop(*stop, args.value(0));
    return runCaption(std::get<CaptionParams>(parsed), args.value(0));
}

} // namespace mplug2::app
