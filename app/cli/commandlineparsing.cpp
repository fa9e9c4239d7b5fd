#include "app/cli/commandlineparsing.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QTextStream>

namespace mplug2::app {

namespace {

/// QCommandLineParser's usage line names only the program ("Usage: mplug2
/// [options] MEDIA..."); a subcommand's help names the command too.
QString helpTextOfCommand(const QCommandLineParser &parser, const QString &command)
{
    QString text = parser.helpText();
    const qsizetype lineEnd = text.indexOf(u'\n');
    const QString argv0 = QCoreApplication::arguments().value(0);
    // Qt writes argv[0] as given; match the bare file name too, in case it shortens it.
    for (const QString &program : {argv0, QFileInfo(argv0).fileName()}) {
        const qsizetype at = program.isEmpty() ? -1 : text.indexOf(program);
        if (at >= 0 && (lineEnd < 0 || at < lineEnd)) {
            text.replace(at, program.size(), command);
            break;
        }
    }
    return text;
}

} // namespace

std::optional<int> parseCommandLine(QCommandLineParser &parser, const QStringList &args)
{
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    if (!parser.parse(args))
        return reportCliError(args.value(0), parser.errorText(), 2);
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << helpTextOfCommand(parser, args.value(0));
        return 0;
    }
    return std::nullopt;
}

std::optional<CliStop> parseOrStop(QCommandLineParser &parser, const QStringList &args)
{
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    if (!parser.parse(args))
        return usageStop(parser.errorText());
    if (parser.isSet(QStringLiteral("help")))
        return CliStop {0, helpTextOfCommand(parser, args.value(0))};
    return std::nullopt;
}

CliStop usageStop(const QString &message)
{
    return {2, message};
}

int printStop(const CliStop &stop, const QString &command)
{
    if (stop.exitCode == 0) {
        QTextStream(stdout) << stop.text;
        return 0;
    }
    return reportCliError(command, stop.text, stop.exitCode);
}

int reportCliError(const QString &command, const QString &message, int exitCode)
{
    QString oneLine = message;
    oneLine.replace(u'\n', QStringLiteral("; "));
    QTextStream(stderr) << command << ": " << oneLine << '\n';
    return exitCode;
}

} // namespace mplug2::app
