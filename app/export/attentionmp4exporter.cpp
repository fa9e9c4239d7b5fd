#include "app/export/attentionmp4exporter.h"

#include "app/export/attentionrenderer.h"
#include "media/export/mp4writer.h"

#include <QCoreApplication>

#include <algorithm>

namespace mplug2::app {

QString AttentionMp4Exporter::id() const
{
    return QStringLiteral("mp4");
}

QString AttentionMp4Exporter::description() const
{
    return QCoreApplication::translate("Export", "Attention video (MP4)");
}

QString AttentionMp4Exporter::suffix() const
{
    return QStringLiteral("mp4");
}

Expected<QStringList> AttentionMp4Exporter::write(const ExportInput &input, const QString &path) const
{
    if (Expected<void> ok = checkAttentionInput(input); !ok)
        return ok.error();
    if (input.results.size() != 1)
        return makeError(ErrorCode::InvalidArgument,
            QCoreApplication::translate("Export", "a video shows one media item").toStdString());
    const Expected<std::vector<media::RgbImage>> frames
        = renderAttentionFrames(input.results.front(), input.attention, input.attention.token);
    if (!frames)
        return frames.error();
    const media::RgbImage &first = frames->front();
    Expected<media::Mp4Writer> mp4 = media::Mp4Writer::create(path.toStdString(), first.width, first.height,
        std::clamp(input.attention.framesPerSecond, 0.1, 60.0));
    if (!mp4)
        return mp4.error();
    for (const media::RgbImage &f : *frames) {
        if (Expected<void> ok = mp4->addFrame(f); !ok)
            return ok.error();
    }
    if (Expected<void> ok = mp4->finish(); !ok)
        return ok.error();
    return QStringList {path};
}

} // namespace mplug2::app
