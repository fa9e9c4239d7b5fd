#pragma once
/// One subcommand of the `mplug2` CLI. Each gets the arguments after its name
/// (argument 0 is "mplug2 <name>" for messages), parses them with its own
/// QCommandLineParser, writes results to stdout and errors to stderr, and
/// returns the exit code (0 = success, 1 = failed, 2 = usage error).
///
///     const CliCommand *cmd = findCliCommand(u"caption"_s);
///     return cmd ? cmd->run(args) : 2;

#include <QList>
#include <QString>
#include <QStringList>

namespace mplug2::app {

struct CliCommand {
    QString name;
    QString summary;
    int (*run)(const QStringList &args);
};

const QList<CliCommand> &cliCommands();
const CliCommand *findCliCommand(const QString &name);
/// Whether command `name` draws text into pictures (the attention figures'
/// labels and colour scale), for which Qt needs a QGuiApplication.
bool cliCommandDrawsText(const QString &name);

} // namespace mplug2::app
