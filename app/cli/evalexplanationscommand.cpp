#include "app/cli/evalexplanationscommand.h"

#include "app/bundle/bundledresources.h"
#include "app/demo/explanationevaluation.h"

#include <QCoreApplication>
#include <QTextStream>

#include <unistd.h>

namespace mplug2::app {

namespace {

struct EvalExplanationsCommandText {
    Q_DECLARE_TR_FUNCTIONS(EvalExplanationsCommand)
};

} // namespace

CliParsed<EvalExplanationsParams> parseEvalExplanationsParams(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(EvalExplanationsCommandText::tr(
        "How well each explanation of a demo model finds what a word names, on held-out scenes of "
        "the synthetic world: the pointing game (the map's peak on the named shape) and the "
        "deletion and insertion AUC, for cross-attention and Grad-CAM per decoder layer, "
        "occlusion and a random map, with bootstrap 95% intervals."));
    parser.addHelpOption();
    const QCommandLineOption model(QStringLiteral("model"),
        EvalExplanationsCommandText::tr("Model bundle folder or manifest (default: the bundled demo model)."),
        EvalExplanationsCommandText::tr("bundle"));
    const QCommandLineOption items(QStringLiteral("items"),
        EvalExplanationsCommandText::tr("Held-out scenes (default 40)."),
        EvalExplanationsCommandText::tr("n"));
    const QCommandLineOption seed(QStringLiteral("seed"),
        EvalExplanationsCommandText::tr("Seed of the held-out scenes (default 20240622)."),
        EvalExplanationsCommandText::tr("n"));
    const QCommandLineOption json(
        QStringLiteral("json"), EvalExplanationsCommandText::tr("Print one JSON object."));
    const QCommandLineOption check(QStringLiteral("check"),
        EvalExplanationsCommandText::tr(
            "Exit with 1 when occlusion's pointing game is below 90% or a method's deletion AUC does "
            "not beat a random map's."));
    parser.addOptions({model, items, seed, json, check});
    if (const std::optional<CliStop> stop = parseOrStop(parser, args))
        return *stop;
    EvalExplanationsParams p;
    p.bundle = parser.isSet(model) ? parser.value(model) : BundledResources::defaultModelManifest();
    if (p.bundle.isEmpty())
        return CliStop {
            1, EvalExplanationsCommandText::tr("no demo model is installed; name one with --model")};
    bool ok = true;
    if (parser.isSet(items))
        p.items = parser.value(items).toInt(&ok);
    if (!ok || p.items < 1 || p.items > 100000)
        return usageStop(EvalExplanationsCommandText::tr("--items takes a number from 1 to 100000"));
    if (parser.isSet(seed))
        p.seed = parser.value(seed).toULongLong(&ok);
    if (!ok)
        return usageStop(EvalExplanationsCommandText::tr("--seed takes a whole number"));
    p.json = parser.isSet(json);
    p.check = parser.isSet(check);
    return p;
}

int runEvalExplanations(const EvalExplanationsParams &params, const QString &command)
{
    ExplanationEvaluationOptions o;
    o.bundle = params.bundle;
    o.items = params.items;
    o.seed = params.seed;
    const bool terminal = isatty(STDERR_FILENO) != 0;
    QTextStream err(stderr);
    o.progress = [&](int done, int total) {
        if (terminal)
            err << '\r' << EvalExplanationsCommandText::tr("scenes") << ' ' << done << '/' << total
                << (done == total ? "\n" : "") << Qt::flush;
    };
    const Expected<ExplanationReport> report = evaluateExplanations(o);
    if (!report)
        return reportCliError(command, QString::fromStdString(report.error().message));
    QTextStream out(stdout);
    if (params.json) {
        out << QString::fromStdString(report->toJson().dump()) << '\n';
    } else {
        out << EvalExplanationsCommandText::tr(
            "%1 held-out scenes, %2 words pointed at, %3 graded by deletion and insertion, %4 s")
                   .arg(report->items)
                   .arg(report->words)
                   .arg(report->graded)
                   .arg(report->seconds, 0, 'f', 0)
            << "\n\n"
            << report->markdownTable();
    }
    if (!params.check)
        return 0;
    QStringList missed;
    for (const ExplanationRow &r : report->rows) {
        if (r.method == "occlusion" && r.pointing.mean < 90)
            missed << EvalExplanationsCommandText::tr("occlusion's pointing game is %1%")
                          .arg(r.pointing.mean, 0, 'f', 1);
        if (r.method != "random" && !(r.deletionGainOverRandom.low > 0))
            missed << EvalExplanationsCommandText::tr("%1 does not beat a random map")
                          .arg(QString::fromStdString(r.label()));
    }
    if (!missed.isEmpty())
        return reportCliError(command, missed.join(QStringLiteral("; ")));
    return 0;
}

int runEvalExplanationsCommand(const QStringList &args)
{
    const CliParsed<EvalExplanationsParams> parsed = parseEvalExplanationsParams(args);
    if (const auto *stop = std::get_if<CliStop>(&parsed))
        return printStop(*stop, args.value(0));
    return runEvalExplanations(std::get<EvalExplanationsParams>(parsed), args.value(0));
}

} // namespace mplug2::app
