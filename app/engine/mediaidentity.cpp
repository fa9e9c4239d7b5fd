#include "app/engine/mediaidentity.h"

#include <QDateTime>
#include <QFileInfo>

#include <sys/stat.h>

namespace mplug2::app {

MediaIdentity MediaIdentity::of(const QString &path)
{
    MediaIdentity id;
    const QFileInfo info(path);
    const QString canonical = info.canonicalFilePath();
    if (canonical.isEmpty() || !info.isFile())
        return id;
    struct stat st { };
    if (::stat(QFile::encodeName(canonical).constData(), &st) != 0)
        return id;
    id.canonicalPath = canonical;
    id.size = qint64(st.st_size);
    id.modifiedMs = qint64(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1000000;
    id.inode = quint64(st.st_ino);
    return id;
}

QString MediaIdentity::key() const
{
    return QStringLiteral("%1|%2|%3|%4").arg(canonicalPath).arg(size).arg(modifiedMs).arg(inode);
}

} // namespace mplug2::app
