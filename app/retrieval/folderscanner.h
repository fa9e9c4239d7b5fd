#pragma once
/// Finds the media files under the folders a person chose to index, by file
/// name extension, with their size and modification time. Files given
/// directly are taken as they are. Hidden files and folders (".name") and
/// symbolic links are skipped, so a link loop cannot make a scan endless and
/// no file is listed twice.
///
///     FolderScanner scanner;
///     auto files = scanner.scan({"/home/me/Videos"}, [&] { return cancelled.load(); });
///     for (const FileStamp &f : *files) qDebug() << f.path << f.size;
///
/// Threading: scan() is re-entrant; run it off the GUI thread (it touches the disk).

#include "app/retrieval/catalogtypes.h"
#include "base/expected.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace mplug2::app {

/// Reads size and time of one file (NotFound when it is not a file).
Expected<FileStamp> stampOf(const QString &path);

class FolderScanner {
    Q_DECLARE_TR_FUNCTIONS(FolderScanner)

public:
    FolderScanner();

    /// Lower-case extensions without the dot, per kind.
    QStringList imageExtensions() const { return m_imageExtensions; }
    QStringList videoExtensions() const { return m_videoExtensions; }
    /// The kind a file name suggests (Unknown: not a media file we index).
    MediaKind kindOf(const QString &fileName) const;

    /// Every media file under `roots`, sorted by path, each once. A root that
    /// does not exist or cannot be read is an error naming it (so that an
    /// unplugged disk is never mistaken for deleted files); `cancelled` is
    /// polled between files and ends the scan with ErrorCode::Cancelled;
    /// `found` hears the count of media files found so far, every 256 entries.
    /// A media file whose name is not valid UTF-8 (it could not be opened by
    /// the name Qt reads, nor stored faithfully) is left out, and `skipped`
    /// hears its path (undecodable bytes shown as U+FFFD) and why.
    Expected<QList<FileStamp>> scan(const QStringList &roots, const std::function<bool()> &cancelled = {},
        const std::function<void(qsizetype)> &found = {},
        const std::function<void(const QString &path, const QString &why)> &skipped = {}) const;

private:
    void reportUndecodable(
        const QString &folder, const std::function<void(const QString &, const QString &)> &skipped) const;

    QStringList m_imageExtensions;
    QStringList m_videoExtensions;
};

} // namespace mplug2::app
