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
struct Text {
    Q_DECLARE_TR_FUNCTIONS(ConvertCommand)
};
} // namespace

int runConvertCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Write the inference weights of a checkpoint as .safetensors: the "
                 "model's tensors under their normalised names, without optimizer "
                 "state or momentum copies. Nothing in the input is run."));
    parser.addHelpOption();
    const QCommandLineOption dtype(QStringLiteral("dtype"),
        Text::tr("Store floating-point weights as fp16, bf16 or fp32 (default: as stored)."),
        QStringLiteral("type"));
    parser.addOption(dtype);
    parser.addPositionalArgument(
        QStringLiteral("in"), Text::tr("The checkpoint (.pth or .safetensors)."), QStringLiteral("IN"));
    parser.addPositionalArgument(
        QStringLiteral("out"), Text::tr("The .safetensors file to write."), QStringLiteral("OUT"));
    if (const std::optional<int> done = parseCommandLine(parser, args))
        return *done;
    const QString command = args.value(0);
    const QStringList files = parser.positionalArguments();
    if (files.size() != 2)
        return reportCliError(command, Text::tr("give an input checkpoint and an output file"), 2);

    model::SafetensorsWriteOptions options;
    if (parser.isSet(dtype)) {
        const QString type = parser.value(dtype);
        if (type == QLatin1String("fp16"))
            options.floatingType = model::ElementType::Float16;
        else if (type == QLatin1String("bf16"))
            options.floatingType = model::ElementType::BFloat16;
        else if (type == QLatin1String("fp32"))
            options.floatingType = model::ElementType::Float32;
        else
            return reportCliError(
                command, Text::tr("unknown --dtype \"%1\" (expected fp16, bf16 or fp32)").arg(type), 2);
    }
    const QFileInfo in(files[0]), out(files[1]);
    if (out.exists() && in.exists() && out.canonicalFilePath() == in.canonicalFilePath())
        return reportCliError(command, Text::tr("the output would overwrite the input"), 2);

    model::StateDictOptions load;
    load.mapFile = false; // the output may replace a file we would otherwise still map
    auto weights = model::loadStateDict(files[0].toStdString(), load);
    if (!weights)
        return reportCliError(command, QString::fromStdString(weights.error().message));
    options.metadata = {{"format", "pt"}, {"source", in.fileName().toStdString()},
        {"converted_by", std::string("mplug2 ") + kVersion}};
    if (auto written = model::writeSafetensors(*weights, files[1].toStdString(), options); !written)
        return reportCliError(command, QString::fromStdString(written.error().message));
    QTextStream(stdout) << Text::tr("%1: %n tensor(s), %2 (from %3, %4)", nullptr, int(weights->size()))
                               .arg(files[1],
                                   QLocale::c().formattedDataSize(
                                       QFileInfo(files[1]).size(), 1, QLocale::DataSizeSIFormat),
                                   files[0],
                                   QLocale::c().formattedDataSize(in.size(), 1, QLocale::DataSizeSIFormat))
                        << '\n';
    return 0;
}

} // namespace mplug2::app
