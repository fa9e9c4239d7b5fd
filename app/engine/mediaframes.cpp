#include "app/engine/mediaframes.h"

#include "media/mediafile.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace mplug2::app {

namespace {

struct MediaFramesText {
    Q_DECLARE_TR_FUNCTIONS(MediaFrames)
};

/// Frames kept for overlays and thumbnails are at most this many pixels per side.
constexpr int kKeptFrameSide = 1280;

Expected<void> checkFile(const QString &path)
{
    if (path.isEmpty())
        return makeError(
            ErrorCode::InvalidArgument, MediaFramesText::tr("no media file given").toStdString());
    const QFileInfo info(path);
    if (!info.exists())
        return makeError(
            ErrorCode::NotFound, MediaFramesText::tr("%1 does not exist").arg(path).toStdString());
    if (!info.isFile())
        return makeError(
            ErrorCode::InvalidArgument, MediaFramesText::tr("%1 is not a file").arg(path).toStdString());
    return {};
}

} // namespace

Expected<MediaFrames> MediaFrames::decode(
    const MediaInput &input, int numFrames, int imageRes, const std::atomic_bool *cancel)
{
    if (Expected<void> ok = checkFile(input.path); !ok)
        return ok.error();
    media::ModelInputOptions o;
    o.numFrames = numFrames;
    o.sampling = input.sampling == FrameSampling::Uniform ? media::SamplingRule::UniformTime
                                                          : media::SamplingRule::Middle;
    o.startSeconds = input.startSeconds;
    o.endSeconds = input.endSeconds;
    o.imageRes = imageRes;
    o.imageTransform = input.imageTransform == ImageTransform::Video ? media::ImageTransformKind::VideoNearest
                                                                     : media::ImageTransformKind::PilBicubic;
    o.keepFramesMaxSide = kKeptFrameSide;
    o.cancel = cancel;
    Expected<media::ModelInput> loaded = media::loadModelInput(input.path.toStdString(), o);
    if (!loaded)
        return loaded.error();
    MediaFrames out;
    out.isPicture = loaded->kind == media::MediaKind::Image;
    out.durationSeconds = out.isPicture ? 0.0 : loaded->probe.video.durationSeconds;
    out.pixels = std::move(loaded->pixels);
    for (media::VideoFrame &f : loaded->frames)
        out.frames.push_back(std::move(f.image));
    out.frameIndices = QList<qint64>(loaded->frameIndices.begin(), loaded->frameIndices.end());
    out.frameTimes = QList<double>(loaded->frameSeconds.begin(), loaded->frameSeconds.end());
    out.warning = QString::fromStdString(loaded->warning);
    return out;
}

Expected<double> MediaFrames::duration(const QString &path)
{
    if (Expected<void> ok = checkFile(path); !ok)
        return ok.error();
    const Expected<media::MediaProbe> probe = media::probeMedia(path.toStdString());
    if (!probe)
        return probe.error();
    return probe->kind == media::MediaKind::Image ? 0.0 : probe->video.durationSeconds;
}

} // namespace mplug2::app
