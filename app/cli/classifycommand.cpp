#include "app/cli/clisession.h"
#include "app/cli/commandlineparsing.h"
#include "app/cli/modeloptions.h"
#include "app/cli/resultprinter.h"
#include "app/cli/taskcommands.h"
#include "app/cli/textlistfile.h"

#include <QCoreApplication>

namespace mplug2::app {

int runClassifyCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "ClassifyCommand", "Zero-shot classification: the probability of each label for images and videos."));
    parser.addHelpOption();
    const QCommandLineOption labels(QStringLiteral("labels"),
        QCoreApplication::translate("ClassifyCommand", "Comma-separated labels."),
        QStringLiteral("L1,L2,..."));
    const QCommandLineOption labelsFile(QStringLiteral("labels-file"),
        QCoreApplication::translate("ClassifyCommand", "Labels, one per line."),
        QCoreApplication::translate("ClassifyCommand", "file"));
    // The defaults are the engine's, chosen by `mplug2 eval-demo --classify-templates`.
    const EngineRequest defaults;
    const QCommandLineOption method(QStringLiteral("method"),
        QCoreApplication::translate("ClassifyCommand",
            "likelihood (the decoder's) or clip (CLIP-space similarity; needs the CLIP BPE file); "
            "default %1.")
            .arg(classifyMethodName(defaults.classifyMethod)),
        QCoreApplication::translate("ClassifyCommand", "method"));
    const QCommandLineOption labelTemplate(QStringLiteral("template"),
        QCoreApplication::translate(
            "ClassifyCommand", "Text scored for each label, {} is the label (default \"%1\").")
            .arg(defaults.labelTemplate),
        QCoreApplication::translate("ClassifyCommand", "text"));
    const QCommandLineOption question(QStringLiteral("question"),
        QCoreApplication::translate("ClassifyCommand",
            "With a question-answering model: the question whose answer "
            "the labels are."),
        QCoreApplication::translate("ClassifyCommand", "text"));
    const QCommandLineOption json(QStringLiteral("json"),
        QCoreApplication::translate("ClassifyCommand", "Print one JSON object per media item."));
    parser.addOptions({labels, labelsFile, method, labelTemplate, question, json});
    const ModelOptions model;
    model.addTo(parser);
    parser.addPositionalArgument(QStringLiteral("media"),
        QCoreApplication::translate("ClassifyCommand", "Images or videos."), QStringLiteral("MEDIA..."));
    if (const std::optional<int> done = parseCommandLine(parser, args))
        return *done;
    const QString command = args.value(0);
    QStringList labelList;
    for (const QString &l : parser.value(labels).split(u',', Qt::SkipEmptyParts))
        if (!l.trimmed().isEmpty())
            labelList.append(l.trimmed());
    if (parser.isSet(labelsFile)) {
        const Expected<QStringList> list = readTextList(parser.value(labelsFile));
        if (!list)
            return reportCliError(command, QString::fromStdString(list.error().message));
        labelList += *list;
    }
    if (labelList.size() < 2)
        return reportCliError(command,
            QCoreApplication::translate("ClassifyCommand",
                "give at least two labels "
                "(--labels or --labels-file)"),
            2);
    if (parser.positionalArguments().isEmpty())
        return reportCliError(command, QCoreApplication::translate("ClassifyCommand", "no media given"), 2);
    const std::optional<ClassifyMethod> how
        = parser.isSet(method) ? classifyMethodFromName(parser.value(method)) : defaults.classifyMethod;
    if (!how)
        return reportCliError(command,
            QCoreApplication::translate("ClassifyCommand",
                "--method must be "
                "likelihood or clip"),
            2);
    if (parser.isSet(labelTemplate) && !parser.value(labelTemplate).contains(QStringLiteral("{}")))
        return reportCliError(
            command, QCoreApplication::translate("ClassifyCommand", "--template must contain {}"), 2);

    const Expected<ModelParams> modelParams = model.params(parser);
    if (!modelParams)
        return reportCliError(command, QString::fromStdString(modelParams.error().message), 2);
    QList<EngineRequest> requests;
    for (const QString &media : parser.positionalArguments()) {
        EngineRequest r = EngineRequest::classify(media, labelList);
        r.classifyMethod = *how;
        r.question = parser.value(question);
        if (parser.isSet(labelTemplate))
            r.labelTemplate = parser.value(labelTemplate);
        modelParams->applyTo(r);
        requests.append(r);
    }
    const bool asJson = parser.isSet(json);
    return CliSession::loadAndRun(
        command, *modelParams, requests, [asJson](const EngineResult &r) { printResult(r, asJson); });
}

} // namespace mplug2::app
