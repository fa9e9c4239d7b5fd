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

QString tr(const char *text)
{
    return QCoreApplication::translate("ParityCommand", text);
}

} // namespace

int runParityCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Runs every case of a fixture folder (cases.json: model stages, tokenizers, frame sampling and "
           "pixel transforms) against the official outputs. Exits 0 only when every case passes."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("dir"), tr("The fixture folder (holds cases.json)."));
    const QCommandLineOption device(QStringLiteral("device"), tr("cpu (default), cuda or cuda:N."),
        QStringLiteral("device"), QStringLiteral("cpu"));
    const QCommandLineOption precision(QStringLiteral("precision"), tr("fp32 (default), fp16 or bf16."),
        QStringLiteral("precision"), QStringLiteral("fp32"));
    const QCommandLineOption only(QStringLiteral("case"),
        tr("Run only the cases whose id contains this text."), QStringLiteral("text"));
    parser.addOptions({device, precision, only});
    if (const std::optional<int> done = parseCommandLine(parser, args))
        return *done;

    QTextStream err(stderr);
    if (parser.positionalArguments().size() != 1) {
        err << tr("mplug2 parity: give exactly one fixture folder (see --help)") << '\n';
        return 2;
    }
    model::ParityOptions options;
    options.target.device = parser.value(device).toStdString();
    const auto chosen = model::parsePrecision(parser.value(precision).toStdString());
    if (!chosen) {
        err << tr("mplug2 parity: --precision must be fp32, fp16 or bf16") << '\n';
        return 2;
    }
    options.target.precision = *chosen;
    options.caseFilter = parser.value(only).toStdString();
    if (auto ok = model::checkComputeTarget(options.target); !ok) {
        err << "mplug2 parity: " << QString::fromStdString(ok.error().message) << '\n';
        return 2;
    }
    model::ParityRunner runner(options);
    model::registerModelParityKinds(runner);
    registerMediaParityKinds(runner);
    const QString dir = parser.positionalArguments().first();
    return runner.run(QFile::encodeName(dir).toStdString(), std::cout);
}

} // namespace mplug2::app
