#include "app/media/mediathumbnail.h"

#include "app/engine/imageconversion.h"
#include "media/render/thumbnail.h"

#include <algorithm>

namespace mplug2::app {

Expected<MediaThumbnail> makeThumbnail(const QString &path, QSize maxSize, const std::atomic<bool> *cancel)
{
    auto source = MediaSource::open(path);
    if (!source)
        return source.error();
    source->setCancelFlag(cancel);
    auto frame = source->frameAt(source->facts().durationSeconds / 10.0);
    if (!frame)
        return frame.error();
    const media::RgbImage small = media::fitWithin(
        toRgbImage(frame->image), std::max(1, maxSize.width()), std::max(1, maxSize.height()));
    return MediaThumbnail {toQImage(small), source->facts()};
}

} // namespace mplug2::app
