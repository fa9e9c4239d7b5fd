#pragma once
/// One picture or video file opened for showing it: its facts, any frame by
/// time or number as a QImage, and the frames the model will sample. The
/// viewer's decoding thread and the thumbnail jobs use it; the engine reads
/// media on its own.
///
///     auto source = MediaSource::open("clip.mp4");
///     if (!source) { show(source.error().message); return; }
///     Expected<MediaFrame> frame = source->frameAt(2.5);          // the frame shown at 2.5 s
///     QList<double> seen = source->sampledTimes(16, FrameSampling::Middle);
///
/// Threading: use one MediaSource from one thread at a time; setCancelFlag()
/// lets another thread stop a slow read (ErrorCode::Cancelled). Untrusted
/// files are safe: every limit of media::MediaLimits applies.

#include "app/engine/enginerequest.h"
#include "base/expected.h"

#include <QCoreApplication>
#include <QImage>
#include <QList>
#include <QMetaType>
#include <QString>

#include <atomic>
#include <memory>

namespace mplug2::app {

struct MediaFacts {
    QString path;
    bool isVideo = false;
    int width = 0; ///< as shown (rotation and EXIF orientation applied)
    int height = 0;
    double durationSeconds = 0; ///< 0 for pictures
    double fps = 0;
    qint64 frameCount = 1;
    QString codec; ///< decoder or picture format name
};

struct MediaFrame {
    qint64 index = 0; ///< frame number in presentation order (0 for pictures)
    double seconds = 0; ///< presentation time from the first frame
    QImage image;
};

class MediaSource {
    Q_DECLARE_TR_FUNCTIONS(MediaSource)
public:
    /// Opens and probes `path`; pictures are decoded at once, videos on demand.
    static Expected<MediaSource> open(const QString &path);

    MediaSource(MediaSource &&) noexcept;
    MediaSource &operator=(MediaSource &&) noexcept;
    ~MediaSource();

    const MediaFacts &facts() const;
    void setCancelFlag(const std::atomic<bool> *cancel);

    /// The frame shown at `seconds` (clamped to the video); the picture itself for pictures.
    Expected<MediaFrame> frameAt(double seconds);
    /// Frame `index` in presentation order (clamped to the video).
    Expected<MediaFrame> frameAtIndex(qint64 index);
    /// Up to `count` frames from `first` on, in order: decoding forward
    /// without seeking, as playback needs. Stops early at the end.
    Expected<QList<MediaFrame>> framesFrom(qint64 first, int count);

    /// Where the frames the model sees sit, in seconds (one entry for a picture):
    /// the official middle-of-segment rule or evenly spaced times.
    QList<double> sampledTimes(int numFrames, FrameSampling sampling) const;
    /// Those frames, decoded.
    Expected<QList<MediaFrame>> sampledFrames(int numFrames, FrameSampling sampling);

private:
    struct Impl;
    explicit MediaSource(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

/// Whether `path` looks like a picture or video file we can open (by name).
bool isMediaFileName(const QString &path);
/// Whether a media file name says video (animated GIFs count as video).
bool isVideoFileName(const QString &path);
/// Name filters for file dialogs and folder scans: "*.mp4", "*.jpg", ...
QStringList mediaNameFilters();

} // namespace mplug2::app

Q_DECLARE_METATYPE(mplug2::app::MediaFacts)
Q_DECLARE_METATYPE(mplug2::app::MediaFrame)
