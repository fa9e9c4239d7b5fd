#include "app/cli/checkpointcommands.h"
#include "app/cli/commandlineparsing.h"
#include "base/version.h"
#include "model/checkpoint/safetensorswriter.h"
#include "model/checkpoint/statedict.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>
#include <QTextStream>

namespace mplug2::app {

namespace {
struct ConvertCommandText {
    Q_DECLARE_TR_FUNCTIONS(ConvertCommand)
};
} // namespace

CliParsed<ConvertParams> parseConvertParams(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        ConvertCommandText::tr("Write the inference weights of a checkpoint as .safetensors: the "
                               "model's tensors under their normalised names, without optimizer "
                               "state or momentum copies. Nothing in the input is run."));
    parser.addHelpOption();
    const QCommandLineOption dtype(QStringLiteral("dtype"),
        ConvertCommandText::tr("Store floating-point weights as fp16, bf16 or fp32 (default: as stored)."),
        QStringLiteral("type"));
    parser.addOption(dtype);
    parser.addPositionalArgument(QStringLiteral("in"),
        ConvertCommandText::tr("The checkpoint (.pth or .safetensors)."), QStringLiteral("IN"));
    parser.addPositionalArgument(QStringLiteral("out"),
        ConvertCommandText::tr("The .safetensors file to write."), QStringLiteral("OUT"));
    if (const std::optional<CliStop> stop = parseOrStop(parser, args))
        return *stop;
    const QStringList files = parser.positionalArguments();
    if (files.size() != 2)
        return usageStop(ConvertCommandText::tr("give an input checkpoint and an output file"));
    ConvertParams p;
    p.input = files[0];
    p.output = files[1];
    if (parser.isSet(dtype)) {
        const QString type = parser.value(dtype);
        if (type == QLatin1String("fp16"))
            p.floatingType = model::ElementType::Float16;
        else if (type == QLatin1String("bf16"))
            p.floatingType = model::ElementType::BFloat16;
        else if (type == QLatin1String("fp32"))
            p.floatingType = model::ElementType::Float32;
        else
            return usageStop(
                ConvertCommandText::tr("unknown --dtype \"%1\" (expected fp16, bf16 or fp32)").arg(type));
    }
    return p;
}

int runConvert(const ConvertParams &p, const QString &command)
{
    const QFileInfo in(p.input), out(p.output);
    if (out.exists() && in.exists() && out.canonicalFilePath() == in.canonicalFilePath())
        return reportCliError(command, ConvertCommandText::tr("the output would overwrite the input"), 2);

    model::SafetensorsWriteOptions options;
    options.floatingType = p.floatingType;
    model::StateDictOptions load;
    load.mapFile = false; // the output may replace a file we would otherwise still map
    auto weights = model::loadStateDict(p.input.toStdString(), load);
    if (!weights)
        return reportCliError(command, QString::fromStdString(weights.error().message));
    options.metadata = {{"format", "pt"}, {"source", in.fileName().toStdString()},
        {"converted_by", std::string("mplug2 ") + kVersion}};
    if (auto written = model::writeSafetensors(*weights, p.output.toStdString(), options); !written)
        return reportCliError(command, QString::fromStdString(written.error().message));
    QTextStream(stdout)
        << ConvertCommandText::tr("%1: %n tensor(s), %2 (from %3, %4)", nullptr, int(weights->size()))
               .arg(p.output,
                   QLocale::c().formattedDataSize(QFileInfo(p.output).size(), 1, QLocale::DataSizeSIFormat),
                   p.input, QLocale::c().formattedDataSize(in.size(), 1, QLocale::DataSizeSIFormat))
        << '\n';
    return 0;
}

int runConvertCommand(const QStringList &args)
{
    const CliParsed<ConvertParams> parsed = parseConvertParams(args);
    if (const auto *stop = std::get_if<CliStop>(&parsed))
        return printStop(*stop, args.value(0));
    return runConvert(std::get<ConvertParams>(parsed), args.value(0));
}

} // namespace mplug2::app
