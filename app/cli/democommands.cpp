#include "app/cli/democommands.h"

#include "app/bundle/bundledresources.h"
#include "app/demo/classifyevaluation.h"
#include "app/demo/demoattentionfigure.h"
#include "app/demo/demobundle.h"
#include "app/demo/demoevaluation.h"
#include "app/demo/demomedia.h"
#include "app/demo/demosamples.h"
#include "media/export/pngwriter.h"
#include "model/train/demotrainer.h"

#include <QCoreApplication>
#include <QDir>
#include <QTextStream>

#include <unistd.h>

namespace mplug2::app {

namespace {

struct DemoCommandsText {
    Q_DECLARE_TR_FUNCTIONS(DemoCommands)
};

QString percent(const model::train::Tally &t)
{
    return QStringLiteral("%1% (%2/%3)").arg(t.percent(), 5, 'f', 1).arg(t.hits).arg(t.total);
}

void printMetrics(QTextStream &out, const model::train::DemoMetrics &m)
{
    out << DemoCommandsText::tr("captions, one shape:  %1").arg(percent(m.oneShape)) << '\n'
        << DemoCommandsText::tr("  colour %1, shape %2, motion %3")
               .arg(percent(m.colour), percent(m.shape), percent(m.motion))
        << '\n'
        << DemoCommandsText::tr("captions, two shapes: %1").arg(percent(m.twoShape)) << '\n'
        << DemoCommandsText::tr("question answering:   %1").arg(percent(m.qa)) << '\n'
        << DemoCommandsText::tr("retrieval R@1:        %1").arg(percent(m.retrieval)) << '\n'
        << DemoCommandsText::tr("attention on shape:   %1").arg(percent(m.attention)) << '\n';
}

/// eval-demo --classify-templates; with `check`, 1 when the engine's default is not the chosen one.
int runClassifyTemplates(const QString &command, ClassifyEvaluationOptions o, bool json, bool check)
{
    const bool terminal = isatty(STDERR_FILENO) != 0;
    QTextStream err(stderr);
    o.progress = [&](const QString &stage, int done, int total) {
        if (terminal)
            err << '\r' << stage << ' ' << done << '/' << total << (done == total ? "\n" : "") << Qt::flush;
    };
    const Expected<ClassifyEvaluationReport> report = evaluateClassifyTemplates(o);
    if (!report)
        return reportCliError(command, QString::fromStdString(report.error().message));
    QTextStream out(stdout);
    if (json)
        out << QString::fromStdString(report->toJson().dump()) << '\n';
    else
        out << report->markdownTable();
    if (check && !report->defaultIsChosen)
        return reportCliError(command,
            DemoCommandsText::tr("classify's default is not the measured best (template \"%1\", %2)")
                .arg(report->chosenRow().labelTemplate, classifyMethodName(report->chosenRow().method)));
    return 0;
}

} // namespace

CliParsed<TrainDemoParams> parseTrainDemoParams(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        DemoCommandsText::tr("Train the demo model from scratch on the synthetic world of "
                             "shapes and write a model bundle (manifest, "
                             "weights, SentencePiece vocabulary, learning curve) into DIR. "
                             "Running it again on the same DIR resumes."));
    parser.addHelpOption();
    const QCommandLineOption out(QStringLiteral("out"),
        DemoCommandsText::tr("Folder of the bundle to write."), DemoCommandsText::tr("dir"));
    const QCommandLineOption seed(QStringLiteral("seed"),
        DemoCommandsText::tr("Random seed (default 1, the shipped model's)."), DemoCommandsText::tr("n"));
    const QCommandLineOption minutes(QStringLiteral("minutes"),
        DemoCommandsText::tr("Stop after this many minutes (resumable); default: no limit."),
        DemoCommandsText::tr("m"));
    const QCommandLineOption threads(QStringLiteral("threads"),
        DemoCommandsText::tr(
            "LibTorch threads of each of the two model replicas (default: the usable CPUs shared "
            "between them)."),
        DemoCommandsText::tr("n"));
    parser.addOptions({out, seed, minutes, threads});
    if (const std::optional<CliStop> stop = parseOrStop(parser, args))
        return *stop;
    if (!parser.isSet(out))
        return usageStop(DemoCommandsText::tr("say where the bundle goes with --out DIR"));
    TrainDemoParams p;
    bool ok = true;
    if (parser.isSet(seed))
        p.seed = parser.value(seed).toULongLong(&ok);
    if (ok && parser.isSet(minutes))
        p.maxMinutes = parser.value(minutes).toDouble(&ok);
    if (ok && parser.isSet(threads))
        p.threads = parser.value(threads).toInt(&ok);
    if (!ok || p.maxMinutes < 0 || p.threads < 0)
        return usageStop(DemoCommandsText::tr("--seed, --minutes and --threads take non-negative numbers"));
    p.out = QDir(parser.value(out)).absolutePath();
    return p;
}

int runTrainDemo(const TrainDemoParams &params, const QString &command)
{
    model::train::DemoTrainingOptions o = model::train::DemoTrainingOptions::defaultParams();
    o.seed = params.seed;
    o.maxMinutes = params.maxMinutes;
    o.threads = params.threads;
    const QString &dir = params.out;
    o.outDir = dir.toStdString();
    QTextStream err(stderr);
    o.progress = [&err](const model::train::TrainingProgress &p) {
        if (p.samplesPerSecond > 0)
            err << DemoCommandsText::tr(
                "step %1/%2  %3 min  %4 samples/s  loss %5 (caption %6, qa %7, itc %8, attention %9)")
                       .arg(p.step)
                       .arg(p.steps)
                       .arg(p.elapsedSeconds / 60, 0, 'f', 1)
                       .arg(p.samplesPerSecond, 0, 'f', 1)
                       .arg(p.loss, 0, 'f', 3)
                       .arg(p.caption, 0, 'f', 3)
                       .arg(p.qa, 0, 'f', 3)
                       .arg(p.itc, 0, 'f', 3)
                       .arg(p.attention, 0, 'f', 3)
                << '\n';
        if (p.heldOut) {
            err << DemoCommandsText::tr("held-out (rendered) at step %1:").arg(p.step) << '\n';
            printMetrics(err, *p.heldOut);
        }
        err.flush();
    };
    const Expected<model::train::DemoTrainingResult> result = model::train::trainDemoModel(o);
    if (!result)
        return reportCliError(command, QString::fromStdString(result.error().message));
    const ModelBundle bundle = demoBundle(o.architecture, dir);
    if (Expected<void> saved = bundle.save(QDir(dir).filePath(QLatin1String(ModelBundle::kManifestName)));
        !saved)
        return reportCliError(command, QString::fromStdString(saved.error().message));
    QTextStream(stdout) << (result->finished
            ? DemoCommandsText::tr("trained in %1 min: %2").arg(result->seconds / 60, 0, 'f', 1).arg(dir)
            : DemoCommandsText::tr("stopped at step %1 of %2 after %3 min; run the same command again to "
                                   "continue: %4")
                  .arg(result->steps)
                  .arg(o.steps)
                  .arg(result->seconds / 60, 0, 'f', 1)
                  .arg(dir))
                        << '\n';
    return 0;
}

CliParsed<EvalDemoParams> parseEvalDemoParams(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(DemoCommandsText::tr(
        "Score a demo model on held-out clips and pictures of the synthetic world, written as H.264 "
        "and PNG files "
        "and read back like any media: captions, answers, text-to-video retrieval and attention."));
    parser.addHelpOption();
    const QCommandLineOption model(QStringLiteral("model"),
        DemoCommandsText::tr("Model bundle folder or manifest (default: the bundled demo model)."),
        DemoCommandsText::tr("bundle"));
    const QCommandLineOption items(QStringLiteral("items"),
        DemoCommandsText::tr("Held-out clips and pictures (default 300)."), DemoCommandsText::tr("n"));
    const QCommandLineOption keep(QStringLiteral("keep"),
        DemoCommandsText::tr("Keep the media files in this folder."), DemoCommandsText::tr("dir"));
    const QCommandLineOption json(QStringLiteral("json"), DemoCommandsText::tr("Print one JSON object."));
    const QCommandLineOption check(
        QStringLiteral("check"), DemoCommandsText::tr("Exit with 1 when a metric is below its threshold."));
    const QCommandLineOption writeSamples(QStringLiteral("write-samples"),
        DemoCommandsText::tr("Only write the bundled sample media into this folder."),
        DemoCommandsText::tr("dir"));
    const QCommandLineOption figure(QStringLiteral("attention-figure"),
        DemoCommandsText::tr("Only draw where the model looks while naming each shape of --media "
                             "(default: the bundled sample clip) into this PNG file."),
        DemoCommandsText::tr("file"));
    const QCommandLineOption media(QStringLiteral("media"),
        DemoCommandsText::tr("The clip or picture of --attention-figure."), DemoCommandsText::tr("file"));
    const QCommandLineOption precision(QStringLiteral("precision"),
        DemoCommandsText::tr("fp32 or bf16: the number format the model computes in (default: fp32)."),
        DemoCommandsText::tr("precision"));
    const QCommandLineOption classifyTemplates(QStringLiteral("classify-templates"),
        DemoCommandsText::tr(
            "Only measure classify's label templates and scoring methods: the accuracy of each on a "
            "selection split of --items files (default 500); the plainest one within the best one's 95% "
            "interval is then scored on a test split (fixed seeds %1 and %2). With --check, exit with 1 "
            "when it is not classify's default.")
            .arg(ClassifyEvaluationOptions {}.selectionSeed)
            .arg(ClassifyEvaluationOptions {}.testSeed));
    parser.addOptions(
        {model, items, keep, json, check, writeSamples, figure, media, precision, classifyTemplates});
    if (const std::optional<CliStop> stop = parseOrStop(parser, args))
        return *stop;
    EvalDemoParams p;
    if (parser.isSet(writeSamples)) {
        p.writeSamples = parser.value(writeSamples);
        return p;
    }
    p.bundle = parser.isSet(model) ? parser.value(model) : BundledResources::defaultModelManifest();
    if (p.bundle.isEmpty())
        return CliStop {1, DemoCommandsText::tr("no demo model is installed; name one with --model")};
    if (parser.isSet(figure)) {
        p.attentionFigure = parser.value(figure);
        p.figureMedia = parser.isSet(media) ? parser.value(media) : BundledResources::defaultSample();
        if (p.figureMedia.isEmpty())
            return usageStop(DemoCommandsText::tr("no sample clip is installed; name one with --media"));
        return p;
    }
    if (parser.isSet(items)) {
        bool ok = false;
        p.items = parser.value(items).toInt(&ok);
        if (!ok || *p.items < 1 || *p.items > 100000)
            return usageStop(DemoCommandsText::tr("--items takes a number from 1 to 100000"));
    }
    p.keep = parser.value(keep);
    p.json = parser.isSet(json);
    p.check = parser.isSet(check);
    if (parser.isSet(classifyTemplates)) {
        p.classifyTemplates = true;
        return p;
    }
    if (parser.isSet(precision)) {
        const QString name = parser.value(precision).trimmed().toLower();
        if (name != QLatin1String("fp32") && name != QLatin1String("bf16"))
            return usageStop(DemoCommandsText::tr("--precision takes fp32 or bf16"));
        p.precision = name == QLatin1String("bf16") ? model::Precision::Bf16 : model::Precision::Fp32;
    }
    return p;
}

int runEvalDemo(const EvalDemoParams &params, const QString &command)
{
    if (params.writeSamples) {
        const QDir dir(*params.writeSamples);
        if (!dir.mkpath(QStringLiteral(".")))
            return reportCliError(command, DemoCommandsText::tr("cannot create %1").arg(dir.path()));
        for (const DemoSample &sample : demoSamples())
            if (Expected<void> ok = writeSceneFile(sample.scene, dir.filePath(sample.fileName)); !ok)
                return reportCliError(command, QString::fromStdString(ok.error().message));
        return 0;
    }
    if (params.attentionFigure) {
        Expected<std::unique_ptr<DemoModel>> demo = DemoModel::load(params.bundle);
        if (!demo)
            return reportCliError(command, QString::fromStdString(demo.error().message));
        const Expected<AttentionFigure> drawn = attentionFigure(**demo, params.figureMedia);
        if (!drawn)
            return reportCliError(command, QString::fromStdString(drawn.error().message));
        if (Expected<void> ok = media::writePng(drawn->image, params.attentionFigure->toStdString()); !ok)
            return reportCliError(command, QString::fromStdString(ok.error().message));
        QTextStream(stdout) << DemoCommandsText::tr("\"%1\": rows for %2")
                                   .arg(drawn->caption, drawn->words.join(QStringLiteral(", ")))
                            << '\n';
        return 0;
    }
    if (params.classifyTemplates) {
        ClassifyEvaluationOptions c;
        c.bundle = params.bundle;
        if (params.items)
            c.items = *params.items;
        c.workDir = params.keep;
        return runClassifyTemplates(command, c, params.json, params.check);
    }
    DemoEvaluationOptions o;
    o.bundle = params.bundle;
    if (params.items)
        o.items = *params.items;
    o.workDir = params.keep;
    o.precision = params.precision;
    const bool terminal = isatty(STDERR_FILENO) != 0;
    QTextStream err(stderr);
    o.progress = [&](const QString &stage, int done, int total) {
        if (terminal)
            err << '\r' << stage << ' ' << done << '/' << total << (done == total ? "\n" : "") << Qt::flush;
    };
    const Expected<DemoEvaluationReport> report = evaluateDemoModel(o);
    if (!report)
        return reportCliError(command, QString::fromStdString(report.error().message));
    QTextStream out(stdout);
    if (params.json) {
        out << QString::fromStdString(report->toJson().dump()) << '\n';
    } else {
        out << DemoCommandsText::tr("%1 held-out items, %2 s")
                   .arg(report->metrics.items)
                   .arg(report->seconds, 0, 'f', 0)
            << '\n';
        printMetrics(out, report->metrics);
    }
    const std::vector<std::string> missed = report->failures();
    if (params.check && !missed.empty()) {
        QStringList names;
        for (const std::string &m : missed)
            names << QString::fromStdString(m);
        return reportCliError(
            command, DemoCommandsText::tr("below the threshold: %1").arg(names.join(QStringLiteral(", "))));
    }
    return 0;
}

int runTrainDemoCommand(const QStringList &args)
{
    const CliParsed<TrainDemoParams> parsed = parseTrainDemoParams(args);
    if (const auto *stop = std::get_if<CliStop>(&parsed))
        return printStop(*stop, args.value(0));
    return runTrainDemo(std::get<TrainDemoParams>(parsed), args.value(0));
}

int runEvalDemoCommand(const QStringList &args)
{
    const CliParsed<EvalDemoParams> parsed = parseEvalDemoParams(args);
    if (const auto *stop = std::get_if<CliStop>(&parsed))
        return printStop(*stop, args.value(0));
    return runEvalDemo(std::get<EvalDemoParams>(parsed), args.value(0));
}

} // namespace mplug2::app
