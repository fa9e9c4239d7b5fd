#include "app/cli/infocommand.h"

#include "app/about/thirdpartycomponent.h"
#include "app/bundle/bundledresources.h"
#include "app/cli/commandlineparsing.h"
#include "base/installlayout.h"
#include "base/version.h"
#include "model/runtime/runtimeinfo.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace mplug2::app {

CliParsed<InfoParams> parseInfoParams(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "InfoCommand", "Show versions, devices, threads and the licences of the components."));
    parser.addHelpOption();
    const QCommandLineOption json(
        QStringLiteral("json"), QCoreApplication::translate("InfoCommand", "Print one JSON object."));
    parser.addOption(json);
    if (const std::optional<CliStop> stop = parseOrStop(parser, args))
        return *stop;
    return InfoParams {parser.isSet(json)};
}

int runInfo(const InfoParams &params)
{
    const model::RuntimeInfo rt = model::runtimeInfo();
    const QList<ThirdPartyComponent> components = thirdPartyComponents();
    const QString dataDir = BundledResources::dataDir();
    const QString pluginDir = QString::fromStdString(mplug2::pluginDir().string());
    QTextStream out(stdout);
    if (params.json) {
        QJsonArray comps;
        for (const ThirdPartyComponent &c : components)
            comps.append(QJsonObject {{QStringLiteral("name"), c.name},
                {QStringLiteral("version"), c.version}, {QStringLiteral("license"), c.license}});
        const QJsonObject obj {{QStringLiteral("version"), QString::fromLatin1(kVersion)},
            {QStringLiteral("torch"), QString::fromStdString(rt.torchVersion)},
            {QStringLiteral("threads"), rt.intraOpThreads}, {QStringLiteral("cpus"), rt.usableCpus},
            {QStringLiteral("blas"), QString::fromStdString(rt.blas)},
            {QStringLiteral("cpu_bf16"),
                rt.cpuBf16Native ? QStringLiteral("native") : QStringLiteral("emulated")},
            {QStringLiteral("cuda"), rt.cudaAvailable}, {QStringLiteral("cuda_devices"), rt.cudaDeviceCount},
            {QStringLiteral("data_dir"), dataDir}, {QStringLiteral("plugin_dir"), pluginDir},
            {QStringLiteral("components"), comps}};
        out << QJsonDocument(obj).toJson(QJsonDocument::Compact) << '\n';
        return 0;
    }
    out << "mplug2 " << kVersion << '\n'
        << "threads: " << rt.intraOpThreads << " of " << rt.usableCpus << " usable CPUs\n"
        << "blas:    " << QString::fromStdString(rt.blas) << '\n'
        << "bf16:    " << QString::fromStdString(rt.cpuBf16) << '\n'
        << "cuda:    "
        << (rt.cudaAvailable ? QStringLiteral("yes (%1 devices)").arg(rt.cudaDeviceCount)
                             : QStringLiteral("no"))
        << "\ndata:    " << dataDir << "\nplugins: " << pluginDir << "\n\ncomponents:\n";
    for (const ThirdPartyComponent &c : components)
        out << "  " << c.name << (c.version.isEmpty() ? QString() : QLatin1Char(' ') + c.version) << " — "
            << c.license << '\n';
    return 0;
}

int runInfoCommand(const QStringList &args)
{
    const CliParsed<InfoParams> parsed = parseInfoParams(args);
    if (const auto *stop = std::get_if<CliStop>(&parsed))
        return printStop(*stop, args.value(0));
    return runInfo(std::get<InfoParams>(parsed));
}

} // namespace mplug2::app
