#include "app/cli/commandlineparsing.h"

#include <QTextStream>

namespace mplug2::app {

std::optional<int> parseCommandLine(QCommandLineParser &parser, const QStringList &args)
{
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    if (!parser.parse(args))
        return reportCliError(args.value(0), parser.errorText(), 2);
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    return std::nullopt;
}

int reportCliError(const QString &command, const QString &message, int exitCode)
{
    QString oneLine = message;
    oneLine.replace(u'\n', QStringLiteral("; "));
    QTextStream(stderr) << command << ": " << oneLine << '\n';
    return exitCode;
}

} // namespace mplug2::app
