#pragma once
/// Which file a media path names, as far as caching goes: the canonical path
/// plus size, modification time and inode, so a file replaced or edited in
/// place (even with the same name) is a different medium.
///
///     const MediaIdentity id = MediaIdentity::of("clip.mp4");
///     if (!id.isValid()) ...     // missing or unreadable
///     QString key = id.key();    // stable text for cache keys

#include <QString>

namespace mplug2::app {

struct MediaIdentity {
    QString canonicalPath;
    qint64 size = -1;
    qint64 modifiedMs = 0;
    quint64 inode = 0;

    static MediaIdentity of(const QString &path);
    bool isValid() const { return !canonicalPath.isEmpty(); }
    QString key() const;
    bool operator==(const MediaIdentity &other) const = default;
};

} // namespace mplug2::app
