#include "app/media/mediasource.h"

#include "app/engine/imageconversion.h"
#include "media/image/imageheader.h"
#include "media/image/imagereader.h"
#include "media/mediafile.h"
#include "media/render/thumbnail.h"
#include "media/sampling/framesampler.h"
#include "media/video/videoreader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <optional>
#include <vector>

namespace mplug2::app {

struct MediaSource::Impl {
    MediaFacts facts;
    std::optional<media::VideoReader> reader;
    QImage picture;
};

namespace {

/// Pictures are shown at most this many pixels a side: an 8000 x 6000 photo
/// would take 144 MB as a QImage and no screen shows it whole.
constexpr int kMaxDisplaySide = 4096;

MediaFrame toMediaFrame(const media::VideoFrame &frame)
{
    return MediaFrame {frame.index, frame.seconds, toQImage(frame.image)};
}

Expected<QList<MediaFrame>> toMediaFrames(Expected<media::FrameBatch> batch)
{
    if (!batch)
        return batch.error();
    QList<MediaFrame> frames;
    frames.reserve(qsizetype(batch->frames.size()));
    for (const media::VideoFrame &frame : batch->frames)
        frames.append(toMediaFrame(frame));
    return frames;
}

/// The media layer's reason without its "file PATH: " prefix (the sentence
/// around it names the file).
QString reasonOf(const Error &error, const std::string &file)
{
    std::string reason = error.message;
    const std::string prefix = "file " + file + ": ";
    if (reason.rfind(prefix, 0) == 0)
        reason.erase(0, prefix.size());
    return QString::fromStdString(reason);
}

/// A media-layer error in the user's language, with its code kept and the
/// technical reason (FFmpeg's, in English) quoted inside the sentence.
Error openError(const Error &error, const QString &path, const std::string &file)
{
    const QString shown = QDir::toNativeSeparators(path);
    const QString reason = reasonOf(error, file);
    QString message;
    switch (error.code) {
    case ErrorCode::LimitExceeded:
        message = MediaSource::tr("%1 is too large to open: %2").arg(shown, reason);
        break;
    case ErrorCode::Io:
    case ErrorCode::NotFound:
        message = MediaSource::tr("%1 cannot be read: %2").arg(shown, reason);
        break;
    case ErrorCode::Cancelled:
        return error;
    default:
        message
            = MediaSource::tr("%1 is not a picture or a video this program can read: %2").arg(shown, reason);
        break;
    }
    return makeError(error.code, message.toStdString());
}

} // namespace

MediaSource::MediaSource(std::unique_ptr<Impl> impl)
    : d(std::move(impl))
{ }
MediaSource::MediaSource(MediaSource &&) noexcept = default;
MediaSource &MediaSource::operator=(MediaSource &&) noexcept = default;
MediaSource::~MediaSource() = default;

Expected<MediaSource> MediaSource::open(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isFile())
        return makeError(
            ErrorCode::NotFound, tr("%1: no such file").arg(QDir::toNativeSeparators(path)).toStdString());
    auto impl = std::make_unique<Impl>();
    impl->facts.path = info.absoluteFilePath();
    const std::string file = QFile::encodeName(impl->facts.path).toStdString();

    // The rule the model's input follows too (media::isStillPicture), so that a
    // picture the model reads is never called an unreadable video here.
    const Expected<bool> still = media::isStillPicture(file);
    if (!still)
        return openError(still.error(), impl->facts.path, file);
    if (*still) {
        auto decoded = media::readImage(file);
        if (!decoded)
            return openError(decoded.error(), impl->facts.path, file);
        impl->facts.width = decoded->image.width;
        impl->facts.height = decoded->image.height;
        const bool large = decoded->image.width > kMaxDisplaySide || decoded->image.height > kMaxDisplaySide;
        impl->picture = toQImage(
            large ? media::fitWithin(decoded->image, kMaxDisplaySide, kMaxDisplaySide) : decoded->image);
        impl->facts.codec = QString::fromLatin1(media::imageFormatName(decoded->header.format));
        return MediaSource(std::move(impl));
    }

    auto reader = media::VideoReader::open(file);
    if (!reader)
        return openError(reader.error(), impl->facts.path, file);
    const media::VideoInfo &video = reader->info();
    impl->facts.isVideo = true;
    impl->facts.width = video.width;
    impl->facts.height = video.height;
    impl->facts.durationSeconds = video.durationSeconds;
    impl->facts.fps = video.fps;
    impl->facts.frameCount = video.frameCount;
    impl->facts.codec = QString::fromStdString(video.codec);
    impl->reader.emplace(std::move(*reader));
    return MediaSource(std::move(impl));
}

const MediaFacts &MediaSource::facts() const
{
    return d->facts;
}

void MediaSource::setCancelFlag(const std::atomic<bool> *cancel)
{
    if (d->reader)
        d->reader->setCancelFlag(cancel);
}

Expected<MediaFrame> MediaSource::frameAt(double seconds)
{
    if (!d->reader)
        return MediaFrame {0, 0.0, d->picture};
    const double last = std::max(0.0, d->facts.durationSeconds);
    auto batch = toMediaFrames(d->reader->readFramesAt({std::clamp(seconds, 0.0, last)}));
    if (!batch)
        return batch.error();
    if (batch->isEmpty())
        return makeError(
            ErrorCode::Format, tr("%1: no frame at %2 s").arg(d->facts.path).arg(seconds).toStdString());
    return batch->first();
}

Expected<MediaFrame> MediaSource::frameAtIndex(qint64 index)
{
    auto frames = framesFrom(index, 1);
    if (!frames)
        return frames.error();
    if (frames->isEmpty())
        return makeError(
            ErrorCode::Format, tr("%1: no frame %2").arg(d->facts.path).arg(index).toStdString());
    return frames->first();
}

Expected<QList<MediaFrame>> MediaSource::framesFrom(qint64 first, int count)
{
    if (!d->reader)
        return QList<MediaFrame> {MediaFrame {0, 0.0, d->picture}};
    const qint64 frameCount = std::max<qint64>(1, d->facts.frameCount);
    first = std::clamp<qint64>(first, 0, frameCount - 1);
    std::vector<int64_t> indices;
    for (qint64 i = first; i < frameCount && int(indices.size()) < count; ++i)
        indices.push_back(i);
    return toMediaFrames(d->reader->readFrames(indices));
}

QList<double> MediaSource::sampledTimes(int numFrames, FrameSampling sampling) const
{
    if (!d->reader)
        return {0.0};
    QList<double> times;
    if (sampling == FrameSampling::Uniform) {
        for (double t : media::uniformTimes(numFrames, d->facts.durationSeconds))
            times.append(t);
        return times;
    }
    for (int64_t index : media::middleFrameIndices(numFrames, d->facts.frameCount))
        times.append(d->reader->secondsOf(index));
    return times;
}

Expected<QList<MediaFrame>> MediaSource::sampledFrames(int numFrames, FrameSampling sampling)
{
    if (!d->reader)
        return QList<MediaFrame> {MediaFrame {0, 0.0, d->picture}};
    if (sampling == FrameSampling::Uniform) {
        const std::vector<double> times = media::uniformTimes(numFrames, d->facts.durationSeconds);
        return toMediaFrames(d->reader->readFramesAt(times));
    }
    return toMediaFrames(d->reader->readFrames(media::middleFrameIndices(numFrames, d->facts.frameCount)));
}

bool isMediaFileName(const QString &path)
{
    const QString suffix = QStringLiteral("*.") + QFileInfo(path).suffix().toLower();
    return mediaNameFilters().contains(suffix);
}

bool isVideoFileName(const QString &path)
{
    static const QStringList videoSuffixes
        = {QStringLiteral("mp4"), QStringLiteral("mov"), QStringLiteral("mkv"), QStringLiteral("webm"),
            QStringLiteral("avi"), QStringLiteral("m4v"), QStringLiteral("gif")};
    return videoSuffixes.contains(QFileInfo(path).suffix().toLower());
}

QStringList mediaNameFilters()
{
    return {QStringLiteral("*.mp4"), QStringLiteral("*.mov"), QStringLiteral("*.mkv"),
        QStringLiteral("*.webm"), QStringLiteral("*.avi"), QStringLiteral("*.m4v"), QStringLiteral("*.gif"),
        QStringLiteral("*.jpg"), QStringLiteral("*.jpeg"), QStringLiteral("*.png"), QStringLiteral("*.webp"),
        QStringLiteral("*.bmp"), QStringLiteral("*.tif"), QStringLiteral("*.tiff")};
}

} // namespace mplug2::app
