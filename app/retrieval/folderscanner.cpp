#include "app/retrieval/folderscanner.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <algorithm>
#include <dirent.h>

namespace mplug2::app {

namespace {

FileStamp stampFrom(const QFileInfo &info, MediaKind kind)
{
    return {
        QDir::cleanPath(info.absoluteFilePath()), info.size(), info.lastModified().toMSecsSinceEpoch(), kind};
}

} // namespace

Expected<FileStamp> stampOf(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isFile())
        return makeError(ErrorCode::NotFound,
            QCoreApplication::translate("FolderScanner", "%1 is not a file")
                .arg(QDir::toNativeSeparators(path))
                .toStdString());
    return stampFrom(info, FolderScanner().kindOf(info.fileName()));
}

FolderScanner::FolderScanner()
    // GIFs are animated more often than not; the decoder treats them as videos.
    : m_imageExtensions {QStringLiteral("jpg"), QStringLiteral("jpeg"), QStringLiteral("png"),
        QStringLiteral("webp"), QStringLiteral("bmp"), QStringLiteral("tif"), QStringLiteral("tiff")}
    , m_videoExtensions {QStringLiteral("mp4"), QStringLiteral("m4v"), QStringLiteral("mov"),
          QStringLiteral("mkv"), QStringLiteral("webm"), QStringLiteral("avi"), QStringLiteral("mpg"),
          QStringLiteral("mpeg"), QStringLiteral("ts"), QStringLiteral("wmv"), QStringLiteral("flv"),
          QStringLiteral("3gp"), QStringLiteral("ogv"), QStringLiteral("gif")}
{ }

MediaKind FolderScanner::kindOf(const QString &fileName) const
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (m_imageExtensions.contains(suffix))
        return MediaKind::Image;
    if (m_videoExtensions.contains(suffix))
        return MediaKind::Video;
    return MediaKind::Unknown;
}

void FolderScanner::reportUndecodable(
    const QString &folder, const std::function<void(const QString &, const QString &)> &skipped) const
{
    // Qt leaves out names that are not valid UTF-8 without a word (no QString could open them again), so
    // they are looked for below it: they are said, not passed over in silence.
    DIR *dir = ::opendir(QFile::encodeName(folder).constData());
    if (!dir)
        return;
    while (const dirent *entry = ::readdir(dir)) {
        const QByteArray name(entry->d_name);
        if (name.startsWith('.'))
            continue;
        const QString decoded = QString::fromUtf8(name);
        if (QFile::encodeName(decoded) == name)
            continue;
        const bool isFolder = entry->d_type == DT_DIR;
        if (!isFolder && kindOf(decoded) == MediaKind::Unknown)
            continue;
        skipped(QDir::cleanPath(folder + QLatin1Char('/') + decoded),
            isFolder
                ? tr("a folder whose name is not valid UTF-8: what it holds is not indexed; rename it to "
                     "index it")
                : tr("its name is not valid UTF-8; rename it to index it"));
    }
    ::closedir(dir);
}

Expected<QList<FileStamp>> FolderScanner::scan(const QStringList &roots,
    const std::function<bool()> &cancelled, const std::function<void(qsizetype)> &found,
    const std::function<void(const QString &path, const QString &why)> &skipped) const
{
    qsizetype visited = 0;
    QList<FileStamp> files;
    QSet<QString> seen;
    auto add = [&](const QFileInfo &info) {
        const MediaKind kind = kindOf(info.fileName());
        if (kind == MediaKind::Unknown)
            return;
        FileStamp stamp = stampFrom(info, kind);
        if (!seen.contains(stamp.path)) {
            seen.insert(stamp.path);
            files.append(std::move(stamp));
        }
    };
    for (const QString &root : roots) {
        const QFileInfo rootInfo(root);
        if (rootInfo.isFile()) {
            if (kindOf(rootInfo.fileName()) == MediaKind::Unknown)
                return makeError(ErrorCode::Unsupported,
                    tr("%1 is not an image or video file this app indexes (by its extension)")
                        .arg(QDir::toNativeSeparators(root))
                        .toStdString());
            add(rootInfo);
            continue;
        }
        if (!rootInfo.isDir())
            return makeError(ErrorCode::NotFound,
                tr("%1 does not exist or is not a folder (is the disk mounted?)")
                    .arg(QDir::toNativeSeparators(root))
                    .toStdString());
        if (!rootInfo.isReadable() || !rootInfo.isExecutable())
            return makeError(ErrorCode::Io,
                tr("the folder %1 cannot be read").arg(QDir::toNativeSeparators(root)).toStdString());
        if (skipped)
            reportUndecodable(rootInfo.absoluteFilePath(), skipped);
        QDirIterator it(rootInfo.absoluteFilePath(),
            QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::NoSymLinks, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            if (cancelled && cancelled())
                return makeError(ErrorCode::Cancelled, tr("scan cancelled").toStdString());
            it.next();
            if (found && ++visited % 256 == 0)
                found(files.size());
            const QFileInfo info = it.fileInfo();
            if (info.fileName().startsWith(QLatin1Char('.')) || info.path().contains(QLatin1String("/.")))
                continue;
            if (info.isDir() && skipped)
                reportUndecodable(info.absoluteFilePath(), skipped);
            if (info.isFile() && !info.isHidden())
                add(info);
        }
    }
    std::sort(
        files.begin(), files.end(), [](const FileStamp &a, const FileStamp &b) { return a.path < b.path; });
    return files;
}

} // namespace mplug2::app
