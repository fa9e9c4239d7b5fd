#include "app/cli/paritycommand.h"

#include "app/cli/commandlineparsing.h"
#include "app/parity/mediaparitykinds.h"
#include "model/parity/modelparitykinds.h"
#include "model/parity/parityrunner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

#include <iostream>

namespace mplug2::app {

namespace {

struct ParityCommandText {
    Q_DECLARE_TR_FUNCTIONS(ParityCommand)
};

} // namespace

CliParsed<ParityParams> parseParityParams(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(ParityCommandText::tr(
        "Runs every case of a fixture folder (cases.json: model stages, tokenizers, frame sampling and "
        "pixel transforms) against the official outputs. Exits 0 only when every case passes."));
    parser.addHelpOption();
    parser.addPositionalArgument(
        QStringLiteral("dir"), ParityCommandText::tr("The fixture folder (holds cases.json)."));
    const QCommandLineOption device(QStringLiteral("device"),
        ParityCommandText::tr("cpu (default), cuda or cuda:N."), QStringLiteral("device"),
        QStringLiteral("cpu"));
    const QCommandLineOption precision(QStringLiteral("precision"),
        ParityCommandText::tr("fp32 (default), fp16 or bf16."), QStringLiteral("precision"),
        QStringLiteral("fp32"));
    const QCommandLineOption only(QStringLiteral("case"),
        ParityCommandText::tr("Run only the cases whose id contains this text."), QStringLiteral("text"));
    parser.addOptions({device, precision, only});
    if (const std::optional<CliStop> stop = parseOrStop(parser, args))
        return *stop;
    if (parser.positionalArguments().size() != 1)
        return usageStop(ParityCommandText::tr("give exactly one fixture folder (see --help)"));
    ParityParams p;
    p.fixtures = parser.positionalArguments().first();
    p.device = parser.value(device);
    p.precision = parser.value(precision);
    if (!model::parsePrecision(p.precision.toStdString()))
        return usageStop(ParityCommandText::tr("--precision must be fp32, fp16 or bf16"));
    p.caseFilter = parser.value(only);
    return p;
}

int runParity(const ParityParams &p, const QString &command)
{
    model::ParityOptions options;
    options.target.device = p.device.toStdString();
    options.target.precision
        = model::parsePrecision(p.precision.toStdString()).value_or(model::Precision::Fp32);
    options.caseFilter = p.caseFilter.toStdString();
    if (auto ok = model::checkComputeTarget(options.target); !ok)
        return reportCliError(command, QString::fromStdString(ok.error().message), 2);
    model::ParityRunner runner(options);
    model::registerModelParityKinds(runner);
    registerMediaParityKinds(runner);
    return runner.run(QFile::encodeName(p.fixtures).toStdString(), std::cout);
}

int runParityCommand(const QStringList &args)
{
    const CliParsed<ParityParams> parsed = parseParityParams(args);
    if (const auto *stop = std::get_if<CliStop>(&parsed))
        return printStop(*stop, args.value(0));
    return runParity(std::get<ParityParams>(parsed), args.value(0));
}

} // namespace mplug2::app
