#include "app/cli/clicommand.h"

#include "app/cli/benchcommand.h"
#include "app/cli/infocommand.h"

namespace mplug2::app {

const QList<CliCommand> &cliCommands()
{
    static const QList<CliCommand> commands = {
        {QStringLiteral("bench"), QStringLiteral("Benchmarks: 'media' times sampling a video's frames"), &runBenchCommand},
        {QStringLiteral("info"), QStringLiteral("Show versions, devices, threads and licences"), &runInfoCommand},
    };
    return commands;
}

const CliCommand *findCliCommand(const QString &name)
{
    for (const CliCommand &cmd : cliCommands()) {
        if (cmd.name == name)
            return &cmd;
    }
    return nullptr;
}

} // namespace mplug2::app
