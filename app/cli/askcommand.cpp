#include "app/cli/clisession.h"
#include "app/cli/commandlineparsing.h"
#include "app/cli/modeloptions.h"
#include "app/cli/resultprinter.h"
#include "app/cli/taskcommands.h"
#include "app/cli/textlistfile.h"

#include <QCoreApplication>

namespace mplug2::app {

int runAskCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("AskCommand",
        "Answer a question about images and videos, freely or by "
        "ranking a list of candidate answers."));
    parser.addHelpOption();
    const QCommandLineOption question(QStringLiteral("question"),
        QCoreApplication::translate("AskCommand", "The question."),
        QCoreApplication::translate("AskCommand", "text"));
    const QCommandLineOption answers(QStringLiteral("answers"),
        QCoreApplication::translate("AskCommand", "Rank these candidate answers (one per line)."),
        QCoreApplication::translate("AskCommand", "file"));
    const QCommandLineOption top(QStringLiteral("top"),
        QCoreApplication::translate("AskCommand",
            "With --answers: how many candidates the "
            "official re-ranking keeps (k, default all up to 128)."),
        QStringLiteral("k"));
    const QCommandLineOption json(QStringLiteral("json"),
        QCoreApplication::translate("AskCommand", "Print one JSON object per media item."));
    parser.addOptions({question, answers, top, json});
    const ModelOptions model(ModelKind::Qa);
    model.addTo(parser);
    model.addGenerationTo(parser);
    parser.addPositionalArgument(QStringLiteral("media"),
        QCoreApplication::translate("AskCommand", "Images or videos."), QStringLiteral("MEDIA..."));
    if (const std::optional<int> done = parseCommandLine(parser, args))
        return *done;
    const QString command = args.value(0);
    if (parser.value(question).trimmed().isEmpty())
        return reportCliError(
            command, QCoreApplication::translate("AskCommand", "--question is required"), 2);
    if (parser.positionalArguments().isEmpty())
        return reportCliError(command, QCoreApplication::translate("AskCommand", "no media given"), 2);
    QStringList candidates;
    if (parser.isSet(answers)) {
        const Expected<QStringList> list = readTextList(parser.value(answers));
        if (!list)
            return reportCliError(command, QString::fromStdString(list.error().message));
        candidates = *list;
    }
    int k = 0;
    if (parser.isSet(top)) {
        bool ok = false;
        k = parser.value(top).toInt(&ok);
        if (!ok || k < 1 || !parser.isSet(answers))
            return reportCliError(command,
                QCoreApplication::translate("AskCommand",
                    "--top needs --answers and a "
                    "positive number"),
                2);
    }

    const Expected<ModelParams> modelParams = model.params(parser);
    if (!modelParams)
        return reportCliError(command, QString::fromStdString(modelParams.error().message), 2);
    QList<EngineRequest> requests;
    for (const QString &media : parser.positionalArguments()) {
        EngineRequest r = EngineRequest::ask(media, parser.value(question));
        r.texts = candidates;
        r.rankTopK = k;
        modelParams->applyTo(r);
        requests.append(r);
    }
    const bool asJson = parser.isSet(json);
    return CliSession::loadAndRun(
        command, *modelParams, requests, [asJson](const EngineResult &r) { printResult(r, asJson); });
}

} // namespace mplug2::app
