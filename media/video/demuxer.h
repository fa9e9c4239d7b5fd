#pragma once
// Internal to media/: one video stream of a container, read through a
// ByteSource (never by path) under an OperationClock. Knows the stream's
// geometry, rotation and frame timeline; hands out packets; seeks.

#include "base/expected.h"
#include "media/core/bytesource.h"
#include "media/core/medialimits.h"
#include "media/video/ffmpegsupport.h"
#include "media/video/frametimeline.h"
#include "media/video/videoinfo.h"

#include <memory>

namespace mplug2::media::ffmpeg {

class Demuxer {
public:
    /// Opens and probes the container and picks its main video stream. The
    /// clock must outlive the demuxer; `open` starts it.
    static Expected<std::unique_ptr<Demuxer>> open(
        std::unique_ptr<ByteSource> source, const MediaLimits &limits, OperationClock &clock);
    ~Demuxer();
    Demuxer(const Demuxer &) = delete;
    Demuxer &operator=(const Demuxer &) = delete;

    const std::string &name() const { return m_source->name(); }
    AVStream *stream() const { return m_ctx->streams[m_streamIndex]; }
    const FrameTimeline &timeline() const { return m_timeline; }
    /// True when the container gives no presentation timestamps (AVI): a
    /// decoded frame is then known by its position, not by its timestamp
    /// (which decoders guess, off by the reorder delay).
    bool framesByOrder() const { return m_framesByOrder; }
    const VideoInfo &info() const { return m_info; }
    double secondsOf(int64_t pts) const;
    int64_t ptsOfSeconds(double seconds) const;

    /// Next packet of the video stream: 0, AVERROR_EOF at the end, or another
    /// negative error (AVERROR_EXIT when the clock ran out or was cancelled).
    int readPacket(AVPacket *packet);
    /// Moves to the last key frame at or before `pts` (the start of the file
    /// when that fails). Returns false only when even that is impossible.
    bool seekBefore(int64_t pts);

private:
    Demuxer(std::unique_ptr<ByteSource> source, OperationClock &clock);
    Expected<void> openContainer(const MediaLimits &limits);
    Expected<void> pickStream(const MediaLimits &limits);
    Expected<void> buildTimeline(const MediaLimits &limits);
    bool timelineFromIndex();
    Expected<bool> timelineFromScan(const MediaLimits &limits);
    void fillInfo();
    Error error(ErrorCode code, const std::string &what) const;
    static int readIo(void *opaque, uint8_t *buffer, int size);
    static int64_t seekIo(void *opaque, int64_t offset, int whence);

    std::unique_ptr<ByteSource> m_source;
    OperationClock &m_clock;
    IoContextPtr m_io;
    FormatContextPtr m_ctx;
    int m_streamIndex = -1;
    int m_rotation = 0;
    bool m_framesByOrder = false;
    FrameTimeline m_timeline;
    VideoInfo m_info;
};

} // namespace mplug2::media::ffmpeg
