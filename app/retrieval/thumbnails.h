#pragma once
/// The small pictures the catalog keeps per file: a poster (the middle one
/// of the frames the model saw) and, for videos, a few more for the hover
/// preview, as JPEG.
///
///     QList<QByteArray> jpegs = makeThumbnails(result.frames, 256, 4);
///     QImage poster = QImage::fromData(jpegs.value(0));

#include <QByteArray>
#include <QImage>
#include <QList>

namespace mplug2::app {

/// Up to `count` of `frames` (evenly spread, the middle frame first), each
/// scaled to fit `side` x `side` px. Empty when there are no usable frames.
QList<QByteArray> makeThumbnails(const QList<QImage> &frames, int side, int count);

} // namespace mplug2::app
