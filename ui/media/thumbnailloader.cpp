#include "ui/media/thumbnailloader.h"

#include "app/media/mediathumbnail.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace mplug2::ui {

namespace {
constexpr quint32 kCacheMagic = 0x6d703274; // "mp2t"
constexpr quint32 kCacheVersion = 1;

bool readCached(const QString &file, QImage *image, app::MediaFacts *facts)
{
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        return false;
    QDataStream stream(&in);
    quint32 magic = 0;
    quint32 version = 0;
    stream >> magic >> version;
    if (magic != kCacheMagic || version != kCacheVersion)
        return false;
    stream >> facts->isVideo >> facts->width >> facts->height >> facts->durationSeconds >> facts->fps
        >> facts->frameCount >> facts->codec >> *image;
    return stream.status() == QDataStream::Ok && !image->isNull();
}

void writeCached(const QString &file, const QImage &image, const app::MediaFacts &facts)
{
    QDir().mkpath(QFileInfo(file).absolutePath());
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly))
        return;
    QDataStream stream(&out);
    stream << kCacheMagic << kCacheVersion << facts.isVideo << facts.width << facts.height
           << facts.durationSeconds << facts.fps << facts.frameCount << facts.codec << image;
    out.commit();
}
} // namespace

ThumbnailLoader::ThumbnailLoader(QSize size, QObject *parent)
    : QObject(parent)
    , m_size(size)
    , m_memory(400)
{
    // One thread: thumbnails must not compete with the model for the CPU.
    m_pool.setMaxThreadCount(1);
}

ThumbnailLoader::~ThumbnailLoader()
{
    m_stopping = true;
    m_pool.clear();
    m_pool.waitForDone();
}

QString ThumbnailLoader::cacheFile(const QString &path) const
{
    const QFileInfo info(path);
    const QByteArray key = QStringLiteral("%1|%2|%3|%4x%5")
                               .arg(info.absoluteFilePath())
                               .arg(info.size())
                               .arg(info.lastModified().toMSecsSinceEpoch())
                               .arg(m_size.width())
                               .arg(m_size.height())
                               .toUtf8();
    const QString name = QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex());
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/thumbnails/")
        + name + QStringLiteral(".thumb");
}

void ThumbnailLoader::request(const QString &path)
{
    const QString file = cacheFile(path);
    if (const Entry *entry = m_memory.object(file)) {
        Q_EMIT thumbnailReady(path, entry->image, entry->facts);
        return;
    }
    const QSize size = m_size;
    m_pool.start([this, path, file, size] {
        if (m_stopping)
            return;
        QImage image;
        app::MediaFacts facts;
        QString error;
        if (!readCached(file, &image, &facts)) {
            auto thumbnail = app::makeThumbnail(path, size, &m_stopping);
            if (thumbnail) {
                image = thumbnail->image;
                facts = thumbnail->facts;
                writeCached(file, image, facts);
            } else {
                error = QString::fromStdString(thumbnail.error().message);
            }
        }
        facts.path = QFileInfo(path).absoluteFilePath();
        QMetaObject::invokeMethod(
            this,
            [this, path, file, image, facts, error] {
                if (!error.isEmpty()) {
                    Q_EMIT thumbnailFailed(path, error);
                    return;
                }
                m_memory.insert(file, new Entry {image, facts});
                Q_EMIT thumbnailReady(path, image, facts);
            },
            Qt::QueuedConnection);
    });
}

void ThumbnailLoader::cancelPending()
{
    m_pool.clear();
}

} // namespace mplug2::ui
