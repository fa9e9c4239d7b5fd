#pragma once
/// Thumbnails of media files, made on a background thread (never the GUI
/// thread) and kept in memory and in the user's cache folder
/// (QStandardPaths::CacheLocation/thumbnails), keyed by path, size and
/// modification time, so a folder opens quickly the second time.
///
///     auto *loader = new ThumbnailLoader(QSize(96, 54), this);
///     connect(loader, &ThumbnailLoader::thumbnailReady, list, &MediaPanel::setThumbnail);
///     loader->request("clip.mp4");

#include "app/media/mediasource.h"

#include <QCache>
#include <QImage>
#include <QObject>
#include <QSize>
#include <QThreadPool>

#include <atomic>

namespace mplug2::ui {

class ThumbnailLoader : public QObject {
    Q_OBJECT
public:
    explicit ThumbnailLoader(QSize size, QObject *parent = nullptr);
    /// Stops pending work and waits for the running job.
    ~ThumbnailLoader() override;

    /// Makes (or finds) the thumbnail of `path`; ends in thumbnailReady or thumbnailFailed.
    void request(const QString &path);
    /// Drops queued requests (the running one finishes).
    void cancelPending();

Q_SIGNALS:
    void thumbnailReady(const QString &path, const QImage &image, const mplug2::app::MediaFacts &facts);
    void thumbnailFailed(const QString &path, const QString &message);

private:
    struct Entry {
        QImage image;
        app::MediaFacts facts;
    };
    QString cacheFile(const QString &path) const;

    QSize m_size;
    QThreadPool m_pool;
    QCache<QString, Entry> m_memory;
    std::atomic<bool> m_stopping {false};
};

} // namespace mplug2::ui
