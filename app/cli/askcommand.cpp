#include "app/cli/askcommand.h"

#include "app/cli/clisession.h"
#include "app/cli/modeloptions.h"
#include "app/cli/resultprinter.h"
#include "app/cli/textlistfile.h"

#include <QCoreApplication>

namespace mplug2::app {

CliParsed<AskParams> parseAskParams(const QStringList &args)
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
    if (const std::optional<CliStop> stop = parseOrStop(parser, args))
        return *stop;
    if (parser.value(question).trimmed().isEmpty())
        return usageStop(QCoreApplication::translate("AskCommand", "--question is required"));
    if (parser.positionalArguments().isEmpty())
        return usageStop(QCoreApplication::translate("AskCommand", "no media given"));

    AskParams p;
    if (parser.isSet(answers)) {
        const Expected<QStringList> list = readTextList(parser.value(answers));
        if (!list)
            return CliStop {1, QString::fromStdString(list.error().message)};
        p.answers = *list;
    }
    if (parser.isSet(top)) {
        bool ok = false;
        p.top = parser.value(top).toInt(&ok);
        if (!ok || p.top < 1 || !parser.isSet(answers))
            return usageStop(QCoreApplication::translate("AskCommand",
                "--top needs --answers and a "
                "positive number"));
    }
    const Expected<ModelParams> modelParams = model.params(parser);
    if (!modelParams)
        return usageStop(QString::fromStdString(modelParams.error().message));
    p.question = parser.value(question);
    p.media = parser.positionalArguments();
    p.model = *modelParams;
    p.json = parser.isSet(json);
    return p;
}

int runAsk(const AskParams &params, const QString &command)
{
    QList<EngineRequest> requests;
    for (const QString &media : params.media) {
        EngineRequest r = EngineRequest::ask(media, params.question);
        r.texts = params.answers;
        r.rankTopK = params.top;
        params.model.applyTo(r);
        requests.append(r);
    }
    return CliSession::loadAndRun(command, params.model, requests,
        [asJson = params.json](const EngineResult &r) { printResult(r, asJson); });
}

int runAskCommand(const QStringList &args)
{
    const CliParsed<AskParams> parsed = parseAskParams(args);
    if (const auto *stop = std::get_if<CliStop>(&parsed))
        return printStop(*stop, args.value(0));
    return runAsk(std::get<AskParams>(parsed), args.value(0));
}

} // namespace mplug2::app
