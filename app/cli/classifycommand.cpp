#include "app/cli/classifycommand.h"

#include "app/cli/clisession.h"
#include "app/cli/modeloptions.h"
#include "app/cli/resultprinter.h"
#include "app/cli/textlistfile.h"

#include <QCoreApplication>

namespace mplug2::app {

CliParsed<ClassifyParams> parseClassifyParams(const QStringList &args)
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
    if (const std::optional<CliStop> stop = parseOrStop(parser, args))
        return *stop;

    ClassifyParams p;
    for (const QString &l : parser.value(labels).split(u',', Qt::SkipEmptyParts))
        if (!l.trimmed().isEmpty())
            p.labels.append(l.trimmed());
    if (parser.isSet(labelsFile)) {
        const Expected<QStringList> list = readTextList(parser.value(labelsFile));
        if (!list)
            return CliStop {1, QString::fromStdString(list.error().message)};
        p.labels += *list;
    }
    if (p.labels.size() < 2)
        return usageStop(QCoreApplication::translate("ClassifyCommand",
            "give at least two labels "
            "(--labels or --labels-file)"));
    if (parser.positionalArguments().isEmpty())
        return usageStop(QCoreApplication::translate("ClassifyCommand", "no media given"));
    if (parser.isSet(method)) {
        p.method = classifyMethodFromName(parser.value(method));
        if (!p.method)
            return usageStop(QCoreApplication::translate("ClassifyCommand",
                "--method must be "
                "likelihood or clip"));
    }
    if (parser.isSet(labelTemplate)) {
        if (!parser.value(labelTemplate).contains(QStringLiteral("{}")))
            return usageStop(QCoreApplication::translate("ClassifyCommand", "--template must contain {}"));
        p.labelTemplate = parser.value(labelTemplate);
    }
    const Expected<ModelParams> modelParams = model.params(parser);
    if (!modelParams)
        return usageStop(QString::fromStdString(modelParams.error().message));
    p.media = parser.positionalArguments();
    p.question = parser.value(question);
    p.model = *modelParams;
    p.json = parser.isSet(json);
    return p;
}

int runClassify(const ClassifyParams &params, const QString &command)
{
    QList<EngineRequest> requests;
    for (const QString &media : params.media) {
        EngineRequest r = EngineRequest::classify(media, params.labels);
        if (params.method)
            r.classifyMethod = *params.method;
        r.question = params.question;
        if (params.labelTemplate)
            r.labelTemplate = *params.labelTemplate;
        params.model.applyTo(r);
        requests.append(r);
    }
    return CliSession::loadAndRun(command, params.model, requests,
        [asJson = params.json](const EngineResult &r) { printResult(r, asJson); });
}

int runClassifyCommand(const QStringList &args)
{
    const CliParsed<ClassifyParams> parsed = parseClassifyParams(args);
    if (const auto *stop = std::get_if<CliStop>(&parsed))
        return printStop(*stop, args.value(0));
    return runClassify(std::get<ClassifyParams>(parsed), args.value(0));
}

} // namespace mplug2::app
