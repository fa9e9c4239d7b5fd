// mplug2-studio: the desktop app.
#include "base/version.h"
#include "model/runtime/runtimeinfo.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

using namespace mplug2;

static void installTranslators(QApplication &application)
{
    // Ours from the embedded :/i18n, Qt's own from the system, both for the
    // user's UI languages (first match wins).
    auto *ours = new QTranslator(&application);
    if (ours->load(QLocale(), QStringLiteral("mplug2"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(ours);
    auto *qt = new QTranslator(&application);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
}

int main(int argc, char **argv)
{
    QApplication application(argc, argv);
    QApplication::setApplicationName(QStringLiteral("mplug2-studio"));
    QApplication::setApplicationDisplayName(QStringLiteral("mPLUG-2 Studio"));
    QApplication::setOrganizationName(QStringLiteral("mplug2"));
    QApplication::setApplicationVersion(QString::fromLatin1(kVersion));
    QApplication::setDesktopFileName(QString::fromLatin1(kAppId));
    installTranslators(application);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Explore the mPLUG-2 multimodal model."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Show the window, save a picture of it to <file> and quit."),
        QStringLiteral("file"));
    parser.addOption(screenshot);
    parser.addPositionalArgument(QStringLiteral("media"),
                                 QApplication::translate("main", "Images or videos to open."),
                                 QStringLiteral("[media...]"));
    parser.process(application);

    model::configureThreads(0);
    ui::MainWindow window;
    window.openMedia(parser.positionalArguments());
    window.show();

    if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        QTimer::singleShot(300, &window, [&window, file] {
            const bool saved = window.grab().save(file);
            QApplication::exit(saved ? 0 : 1);
        });
    }
    return QApplication::exec();
}
