#include "app/cli/evalexplanationscommand.h"

#include "app/bundle/bundledresources.h"
#include "app/cli/commandlineparsing.h"
#include "app/demo/explanationevaluation.h"

#include <QCoreApplication>
#include <QTextStream>

#include <unistd.h>

namespace mplug2::app {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(EvalExplanationsCommand)
};

} // namespace

int runEvalExplanationsCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("How well each explanation of a demo model finds what a word names, on held-out scenes of "
                 "the synthetic world: the pointing game (the map's peak on the named shape) and the "
                 "deletion and insertion AUC, for cross-attention and Grad-CAM per decoder layer, "
                 "occlusion and a random map, with bootstrap 95% intervals."));
    parser.addHelpOption();
    const QCommandLineOption model(QStringLiteral("model"),
        Text::tr("Model bundle folder or manifest (default: the bundled demo model)."), Text::tr("bundle"));
    const QCommandLineOption items(
        QStringLiteral("items"), Text::tr("Held-out scenes (default 40)."), Text::tr("n"));
    const QCommandLineOption seed(
        QStringLiteral("seed"), Text::tr("Seed of the held-out scenes (default 20240622)."), Text::tr("n"));
    const QCommandLineOption json(QStringLiteral("json"), Text::tr("Print one JSON object."));
    const QCommandLineOption check(QStringLiteral("check"),
        Text::tr("Exit with 1 when occlusion's pointing game is below 90% or a method's deletion AUC does "
                 "not beat a random map's."));
    parser.addOptions({model, items, seed, json, check});
    if (const std::optional<int> done = parseCommandLine(parser, args))
        return *done;
    const QString command = args.value(0);
    ExplanationEvaluationOptions o;
    o.bundle = parser.isSet(model) ? parser.value(model) : BundledResources::defaultModelManifest();
    if (o.bundle.isEmpty())
        return reportCliError(command, Text::tr("no demo model is installed; name one with --model"));
    bool ok = true;
    if (parser.isSet(items))
        o.items = parser.value(items).toInt(&ok);
    if (!ok || o.items < 1 || o.items > 100000)
        return reportCliError(command, Text::tr("--items takes a number from 1 to 100000"), 2);
    if (parser.isSet(seed))
        o.seed = parser.value(seed).toULongLong(&ok);
    if (!ok)
        return reportCliError(command, Text::tr("--seed takes a whole number"), 2);
    const bool terminal = isatty(STDERR_FILENO) != 0;
    QTextStream err(stderr);
    o.progress = [&](int done, int total) {
        if (terminal)
            err << '\r' << Text::tr("scenes") << ' ' << done << '/' << total << (done == total ? "\n" : "")
                << Qt::flush;
    };
    const Expected<ExplanationReport> report = evaluateExplanations(o);
    if (!report)
        return reportCliError(command, QString::fromStdString(report.error().message));
    QTextStream out(stdout);
    if (parser.isSet(json)) {
        out << QString::fromStdString(report->toJson().dump()) << '\n';
    } else {
        out << Text::tr("%1 held-out scenes, %2 words pointed at, %3 graded by deletion and insertion, %4 s")
                   .arg(report->items)
                   .arg(report->words)
                   .arg(report->graded)
                   .arg(report->seconds, 0, 'f', 0)
            << "\n\n"
            << report->markdownTable();
    }
    if (!parser.isSet(check))
        return 0;
    QStringList missed;
    for (const ExplanationRow &r : report->rows) {
        if (r.method == "occlusion" && r.pointing.mean < 90)
            missed << Text::tr("occlusion's pointing game is %1%").arg(r.pointing.mean, 0, 'f', 1);
        if (r.method != "random" && !(r.deletionGainOverRandom.low > 0))
            missed << Text::tr("%1 does not beat a random map").arg(QString::fromStdString(r.label()));
    }
    if (!missed.isEmpty())
        return reportCliError(command, missed.join(QStringLiteral("; ")));
    return 0;
}

} // namespace mplug2::app
