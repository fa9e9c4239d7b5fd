// mplug2: every task of mPLUG-2 Studio, headless. `mplug2 <command> --help`
// describes each command; results go to stdout, errors to stderr.
#include "app/cli/clicommand.h"
#include "base/version.h"
#include "model/runtime/runtimeinfo.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QTextStream>

#include <algorithm>
#include <memory>

using namespace mplug2;

static QString commandListing()
{
    QString text = QCoreApplication::translate("main", "Commands:") + QLatin1Char('\n');
    qsizetype width = 16;
    for (const app::CliCommand &cmd : app::cliCommands())
        width = std::max(width, cmd.name.size() + 2);
    for (const app::CliCommand &cmd : app::cliCommands())
        text += QStringLiteral("  %1%2\n").arg(cmd.name, -int(width)).arg(cmd.summary);
    text += QCoreApplication::translate("main", "\nRun 'mplug2 <command> --help' for a command's options.");
    return text;
}

/// A QCoreApplication, or for a command that draws text a QGuiApplication on
/// the offscreen platform: Qt's fonts come with one, and offscreen needs no
/// display (it ships with Qt's Gui library, as in Debian's libqt6gui6).
static std::unique_ptr<QCoreApplication> makeApplication(int &argc, char **argv)
{
    if (argc < 2 || !app::cliCommandDrawsText(QString::fromLocal8Bit(argv[1])))
        return std::make_unique<QCoreApplication>(argc, argv);
    // Only this process: programs it starts see the user's own setting.
    const QByteArray platform = qgetenv("QT_QPA_PLATFORM");
    qputenv("QT_QPA_PLATFORM", "offscreen");
    auto application = std::make_unique<QGuiApplication>(argc, argv);
    if (platform.isNull())
        qunsetenv("QT_QPA_PLATFORM");
    else
        qputenv("QT_QPA_PLATFORM", platform);
    return application;
}

int main(int argc, char **argv)
{
    const std::unique_ptr<QCoreApplication> application = makeApplication(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mplug2"));
    QCoreApplication::setOrganizationName(QStringLiteral("mplug2"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(kVersion));

    const QStringList args = QCoreApplication::arguments();
    if (args.size() >= 2 && !args.at(1).startsWith(QLatin1Char('-'))) {
        const app::CliCommand *cmd = app::findCliCommand(args.at(1));
        if (!cmd) {
            QTextStream(stderr) << "mplug2: unknown command '" << args.at(1) << "' (see mplug2 --help)\n";
            return 2;
        }
        model::configureThreads(0);
        model::setFollowFreeCores(true);
        QStringList rest = args.mid(2);
        rest.prepend(QStringLiteral("mplug2 ") + cmd->name);
        return cmd->run(rest);
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main",
                                         "mPLUG-2 Studio command line: captions, questions, "
                                         "attention maps and retrieval with the mPLUG-2 model.")
        + QLatin1String("\n\n") + commandListing());
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"),
        QCoreApplication::translate("main", "The command to run."), QStringLiteral("<command> [options]"));
    parser.process(*application);
    parser.showHelp(args.size() < 2 ? 2 : 0);
}
