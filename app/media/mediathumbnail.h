#pragma once
/// Small pictures of media files for lists and grids, with the file's facts.
///
///     auto thumb = makeThumbnail("clip.mp4", QSize(160, 90));
///     if (thumb) item->setIcon(QPixmap::fromImage(thumb->image));
///
/// Runs on any thread (it opens its own MediaSource); `cancel` may be set
/// from another thread to give up early.

#include "app/media/mediasource.h"
#include "base/expected.h"

#include <QImage>
#include <QSize>
#include <QString>

#include <atomic>

namespace mplug2::app {

struct MediaThumbnail {
    QImage image; ///< fits inside the asked size, aspect ratio kept
    MediaFacts facts;
};

/// Pictures scaled down; videos show the frame at a tenth of their length
/// (openings are often black).
Expected<MediaThumbnail> makeThumbnail(
    const QString &path, QSize maxSize, const std::atomic<bool> *cancel = nullptr);

} // namespace mplug2::app
