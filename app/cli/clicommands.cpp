#include "app/cli/clicommand.h"

#include "app/cli/benchcommand.h"
#include "app/cli/indexcommand.h"
#include "app/cli/infocommand.h"
#include "app/cli/searchcommand.h"

namespace mplug2::app {

const QList<CliCommand> &cliCommands()
{
    static const QList<CliCommand> commands = {
        {QStringLiteral("info"), QStringLiteral("Show versions, devices, threads and licences"), &runInfoCommand},
        {QStringLiteral("index"), QStringLiteral("Index folders of images and videos for search"), &runIndexCommand},
        {QStringLiteral("search"), QStringLiteral("Search an index by text, by example, or rank sentences"),
         &runSearchCommand},
        {QStringLiteral("bench"), QStringLiteral("Benchmarks of the app layer (mplug2 bench --help)"), &runBenchCommand},
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
