#include "app/export/attentiongifexporter.h"

#include "app/export/attentionrenderer.h"
#include "media/export/gifwriter.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace mplug2::app {

QString AttentionGifExporter::id() const
{
    return QStringLiteral("gif");
}

QString AttentionGifExporter::description() const
{
    return QCoreApplication::translate("Export", "Attention animation (GIF)");
}

QString AttentionGifExporter::suffix() const
{
    return QStringLiteral("gif");
}

Expected<QStringList> AttentionGifExporter::write(const ExportInput &input, const QString &path) const
{
    if (Expected<void> ok = checkAttentionInput(input); !ok)
        return ok.error();
    if (input.results.size() != 1)
        return makeError(ErrorCode::InvalidArgument,
            QCoreApplication::translate("Export", "an animation shows one media item").toStdString());
    const Expected<std::vector<media::RgbImage>> frames
        = renderAttentionFrames(input.results.front(), input.attention, input.attention.token);
    if (!frames)
        return frames.error();
    media::GifOptions options;
    const double fps = std::clamp(input.attention.framesPerSecond, 0.1, 50.0);
    options.frameDelayMs = int(std::lround(1000.0 / fps));
    if (Expected<void> ok = media::writeAnimatedGif(*frames, path.toStdString(), options); !ok)
        return ok.error();
    return QStringList {path};
}

} // namespace mplug2::app
