#include "app/cli/clisession.h"
#include "app/cli/commandlineparsing.h"
#include "app/cli/modeloptions.h"
#include "app/cli/resultprinter.h"
#include "app/cli/taskcommands.h"

#include <QCoreApplication>

namespace mplug2::app {

int runCaptionCommand(const QStringList &args)
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
    if (const std::optional<int> done = parseCommandLine(parser, args))
        return *done;
    const QString command = args.value(0);
    if (parser.positionalArguments().isEmpty())
        return reportCliError(command, QCoreApplication::translate("CaptionCommand", "no media given"), 2);

    const Expected<ModelParams> modelParams = model.params(parser);
    if (!modelParams)
        return reportCliError(command, QString::fromStdString(modelParams.error().message), 2);
    QList<EngineRequest> requests;
    for (const QString &media : parser.positionalArguments()) {
        EngineRequest r = EngineRequest::caption(media);
        modelParams->applyTo(r);
        requests.append(r);
    }
    const bool asJson = parser.isSet(json);
    return CliSession::loadAndRun(
        command, *modelParams, requests, [asJson](const EngineResult &r) { printResult(r, asJson); });
}

} // namespace mplug2::app
