#include "app/bundle/bundledresources.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace mplug2::app {

namespace {

QString existingFile(const QString &relative)
{
    const QString dir = BundledResources::dataDir();
    if (dir.isEmpty())
        return {};
    const QString path = QDir(dir).filePath(relative);
    return QFileInfo(path).isFile() ? path : QString();
}

} // namespace

QString BundledResources::dataDir()
{
    QStringList candidates;
    const QString env = qEnvironmentVariable("MPLUG2_DATA_DIR");
    if (!env.isEmpty())
        return QFileInfo(env).isDir() ? QDir(env).absolutePath() : QString();
    if (QCoreApplication::instance())
        candidates << QCoreApplication::applicationDirPath() + QStringLiteral("/../share/mplug2-studio");
    candidates << QStringLiteral(MPLUG2_SOURCE_RESOURCES_DIR);
    for (const QString &c : std::as_const(candidates)) {
        if (QFileInfo(c).isDir())
            return QDir(c).absolutePath();
    }
    return {};
}

QString BundledResources::vocabulary()
{
    return existingFile(QStringLiteral("vocab/bert-base-uncased-vocab.txt"));
}

QString BundledResources::defaultModelManifest()
{
    return existingFile(QStringLiteral("models/demo/manifest.json"));
}

} // namespace mplug2::app
