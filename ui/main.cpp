// mplug2-studio: the desktop app.
#include "app/bundle/bundleregistry.h"
#include "base/version.h"
#include "model/runtime/runtimeinfo.h"
#include "ui/attention/attentionpanel.h"
#include "ui/mainwindow.h"
#include "ui/task/taskpanel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QSize>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

using namespace mplug2;

/// The value of --lang (or --lang=), read before the translators are
/// installed so that even --help speaks the chosen language.
static QString requestedLanguage(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments[i] == QLatin1String("--lang") && i + 1 < arguments.size())
            return arguments[i + 1];
        if (arguments[i].startsWith(QLatin1String("--lang=")))
            return arguments[i].mid(7);
    }
    return {};
}

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

/// "WxH" (e.g. 1280x800) as a size; an invalid size when it is not one.
static QSize parseWindowSize(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char('x'));
    if (parts.size() != 2)
        return {};
    bool wOk = false;
    bool hOk = false;
    const QSize size(parts[0].toInt(&wOk), parts[1].toInt(&hOk));
    return wOk && hOk && size.width() > 0 && size.height() > 0 ? size : QSize();
}

static void saveScreenshot(ui::MainWindow &window, const QString &file)
{
    const bool saved = window.grab().save(file);
    if (!saved)
        std::fprintf(stderr, "mplug2-studio: cannot write %s\n", qPrintable(file));
    QApplication::exit(saved ? 0 : 1);
}

int main(int argc, char **argv)
{
    QApplication application(argc, argv);
    QApplication::setApplicationName(QStringLiteral("mplug2-studio"));
    QApplication::setApplicationDisplayName(QStringLiteral("mPLUG-2 Studio"));
    QApplication::setOrganizationName(QStringLiteral("mplug2"));
    QApplication::setApplicationVersion(QString::fromLatin1(kVersion));
    QApplication::setDesktopFileName(QString::fromLatin1(kAppId));
    if (const QString language = requestedLanguage(QApplication::arguments()); !language.isEmpty())
        QLocale::setDefault(QLocale(language));
    installTranslators(application);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Explore the mPLUG-2 multimodal model."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption modelOption(QStringLiteral("model"),
        QApplication::translate(
            "main", "Load the model bundle <bundle> (a registered id, a folder or a manifest)."),
        QStringLiteral("bundle"));
    const QCommandLineOption captionOption(
        QStringLiteral("caption"), QApplication::translate("main", "Caption the first media file at start."));
    const QCommandLineOption askOption(QStringLiteral("ask"),
        QApplication::translate("main", "Ask <question> about the first media file at start."),
        QStringLiteral("question"));
    const QCommandLineOption tokenOption(QStringLiteral("token"),
        QApplication::translate("main", "Show the attention of answer token <n> (from 1)."),
        QStringLiteral("n"));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
        QApplication::translate(
            "main", "Show the window, save a picture of it to <file> and quit (after the task, if any)."),
        QStringLiteral("file"));
    const QCommandLineOption sizeOption(QStringLiteral("size"),
        QApplication::translate("main", "Resize the window to <size> (e.g. 1280x800) once it is shown."),
        QStringLiteral("size"));
    const QCommandLineOption languageOption(QStringLiteral("lang"),
        QApplication::translate(
            "main", "Use the interface language <language> (e.g. en, zh_CN) instead of the system's."),
        QStringLiteral("language"));
    parser.addOptions(
        {modelOption, captionOption, askOption, tokenOption, screenshotOption, sizeOption, languageOption});
    parser.addPositionalArgument(QStringLiteral("media"),
        QApplication::translate("main", "Images or videos to open."), QStringLiteral("[media...]"));
    parser.process(application);

    QSize windowSize;
    if (parser.isSet(sizeOption)) {
        windowSize = parseWindowSize(parser.value(sizeOption));
        if (!windowSize.isValid()) {
            std::fprintf(stderr, "mplug2-studio: %s\n",
                qPrintable(QApplication::translate("main", "--size wants a size such as 1280x800, not \"%1\"")
                               .arg(parser.value(sizeOption))));
            return 2;
        }
    }

    model::configureThreads(0);
    model::setFollowFreeCores(true);
    ui::MainWindow window;
    window.openMedia(parser.positionalArguments());
    window.show();
    // After show(), as when a user resizes or maximises the window: the panels take their share.
    if (windowSize.isValid())
        window.resize(windowSize);

    app::RequestHandle load;
    if (parser.isSet(modelOption)) {
        const auto bundle = app::BundleRegistry().resolve(parser.value(modelOption));
        if (!bundle) {
            std::fprintf(stderr, "mplug2-studio: %s\n", bundle.error().message.c_str());
            return 2;
        }
        load = window.loadModel(*bundle, app::DeviceChoice::automatic());
    } else if (window.loadStartupModel()) {
        load = window.loadRequest();
    }

    const bool runAtStart = parser.isSet(captionOption) || parser.isSet(askOption);
    const QString screenshot = parser.value(screenshotOption);
    // Waits for the answer, then gives the viewer a moment to decode the frame it shows.
    const auto shootLater = [&window, screenshot] {
        if (!screenshot.isEmpty())
            QTimer::singleShot(1500, &window, [&window, screenshot] { saveScreenshot(window, screenshot); });
    };
    if (runAtStart) {
        const auto runFirstTask = [&window, &parser, &askOption, &tokenOption, shootLater] {
            if (parser.isSet(askOption)) {
                window.taskPanel()->setTask(ui::StudioTask::Ask);
                window.taskPanel()->setQuestion(parser.value(askOption));
            } else {
                window.taskPanel()->setTask(ui::StudioTask::Caption);
            }
            const app::RequestHandle task = window.runTask();
            if (!task.isValid()) {
                shootLater();
                return;
            }
            task.then(&window, [&window, &parser, &tokenOption, shootLater](const app::RequestOutcome &o) {
                if (o.isFinished() && parser.isSet(tokenOption))
                    window.attentionPanel()->selectToken(parser.value(tokenOption).toInt() - 1);
                shootLater();
            });
        };
        if (load.isValid())
            load.then(&window, [runFirstTask, shootLater](const app::RequestOutcome &o) {
                if (o.isFinished())
                    runFirstTask();
                else
                    shootLater();
            });
        else
            shootLater();
    } else if (!screenshot.isEmpty()) {
        QTimer::singleShot(300, &window, [&window, screenshot] { saveScreenshot(window, screenshot); });
    }
    return QApplication::exec();
}
