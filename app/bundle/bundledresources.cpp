#include "app/bundle/bundledresources.h"

#include "base/installlayout.h"

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
    const QString env = qEnvironmentVariable("MPLUG2_DATA_DIR");
    const QString dir = env.isEmpty() ? QString::fromStdString(mplug2::dataDir().string()) : env;
    return !dir.isEmpty() && QFileInfo(dir).isDir() ? QDir(dir).absolutePath() : QString();
}

QString BundledResources::vocabulary()
{
    return existingFile(QStringLiteral("vocab/bert-base-uncased-vocab.txt"));
}

QString BundledResources::defaultModelManifest()
{
    return existingFile(QStringLiteral("models/demo/manifest.json"));
}

QString BundledResources::defaultSample()
{
    return existingFile(QStringLiteral("samples/two-shapes.mp4"));
}

} // namespace mplug2::app
