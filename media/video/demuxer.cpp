#include "media/video/demuxer.h"

extern "C" {
#include <libavutil/display.h>
}

#include <algorithm>
#include <cmath>
#include <cstring>

namespace mplug2::media::ffmpeg {

namespace {

constexpr int kIoBufferBytes = 1 << 16;

// Demuxers we let FFmpeg pick from. None of them opens other files or URLs
// named inside a file (no playlists, no concat); audio-only formats are here
// so that such a file gets "audio only" rather than "unknown format".
constexpr const char *kAllowedDemuxers
    = "mov,mp4,m4a,3gp,3g2,mj2,matroska,webm,avi,gif,flv,mpegts,mpeg,mpegvideo,ogg,asf,h264,hevc,ivf,m4v,"
      "obu,nut,mjpeg,dv,mxf,rm,yuv4mpegpipe,apng,mp3,wav,flac,aac";

double toSeconds(int64_t value, AVRational timeBase)
{
    return static_cast<double>(value) * av_q2d(timeBase);
}

// Clockwise rotation that `ffmpeg` applies for a display matrix (its
// autorotate): multiples of 90 degrees only.
int rotationOf(const AVStream *stream)
{
    const auto *matrix = reinterpret_cast<const int32_t *>(
        av_stream_get_side_data(stream, AV_PKT_DATA_DISPLAYMATRIX, nullptr));
    if (!matrix)
        return 0;
    double theta = -std::round(av_display_rotation_get(matrix));
    if (std::isnan(theta))
        return 0;
    theta -= 360 * std::floor(theta / 360 + 0.9 / 360);
    for (int degrees : {90, 180, 270}) {
        if (std::fabs(theta - degrees) < 1.0)
            return degrees;
    }
    return 0;
}

} // namespace

Demuxer::Demuxer(std::unique_ptr<ByteSource> source, OperationClock &clock)
    : m_source(std::move(source))
    , m_clock(clock)
{ }

Demuxer::~Demuxer() = default;

Error Demuxer::error(ErrorCode code, const std::string &what) const
{
    return makeError(code, "file " + name() + ": " + what);
}

int Demuxer::readIo(void *opaque, uint8_t *buffer, int size)
{
    auto *self = static_cast<Demuxer *>(opaque);
    if (self->m_clock.shouldStop())
        return AVERROR_EXIT;
    const int64_t n = self->m_source->read(buffer, size);
    if (n < 0)
        return AVERROR(EIO);
    return n == 0 ? AVERROR_EOF : static_cast<int>(n);
}

int64_t Demuxer::seekIo(void *opaque, int64_t offset, int whence)
{
    auto *self = static_cast<Demuxer *>(opaque);
    ByteSource &src = *self->m_source;
    whence &= ~AVSEEK_FORCE;
    if (whence == AVSEEK_SIZE)
        return src.size();
    int64_t base = 0;
    if (whence == SEEK_CUR)
        base = src.position();
    else if (whence == SEEK_END)
        base = src.size();
    else if (whence != SEEK_SET)
        return AVERROR(EINVAL);
    if (offset > INT64_MAX - base || !src.seek(base + offset))
        return AVERROR(EINVAL);
    return base + offset;
}

Expected<std::unique_ptr<Demuxer>> Demuxer::open(
    std::unique_ptr<ByteSource> source, const MediaLimits &limits, OperationClock &clock)
{
    quietFfmpegLog();
    clock.start(limits.deadline);
    std::unique_ptr<Demuxer> d(new Demuxer(std::move(source), clock));
    if (d->m_source->size() == 0)
        return d->error(ErrorCode::Format, "empty file");
    if (auto ok = d->openContainer(limits); !ok)
        return ok.error();
    if (auto ok = d->pickStream(limits); !ok)
        return ok.error();
    if (auto ok = d->buildTimeline(limits); !ok)
        return ok.error();
    d->fillInfo();
    if (d->m_info.durationSeconds > limits.maxDurationSeconds)
        return d->error(ErrorCode::LimitExceeded,
            "video lasts " + std::to_string(std::llround(std::min(d->m_info.durationSeconds, 1e18)))
                + " s, longer than the limit of "
                + std::to_string(static_cast<int64_t>(limits.maxDurationSeconds)) + " s");
    return d;
}

Expected<void> Demuxer::openContainer(const MediaLimits &limits)
{
    auto *buffer = static_cast<uint8_t *>(av_malloc(kIoBufferBytes));
    if (!buffer)
        return error(ErrorCode::OutOfMemory, "cannot allocate a read buffer");
    m_io.reset(
        avio_alloc_context(buffer, kIoBufferBytes, 0, this, &Demuxer::readIo, nullptr, &Demuxer::seekIo));
    if (!m_io) {
        av_free(buffer);
        return error(ErrorCode::OutOfMemory, "cannot allocate a reader");
    }
    AVFormatContext *ctx = avformat_alloc_context();
    if (!ctx)
        return error(ErrorCode::OutOfMemory, "cannot allocate a demuxer");
    ctx->pb = m_io.get();
    ctx->flags |= AVFMT_FLAG_CUSTOM_IO;
    ctx->interrupt_callback = AVIOInterruptCB {&OperationClock::interruptCallback, &m_clock};
    ctx->format_whitelist = av_strdup(kAllowedDemuxers);
    ctx->protocol_whitelist = av_strdup("none");
    int rc = avformat_open_input(&ctx, name().c_str(), nullptr, nullptr);
    if (rc < 0) {
        if (m_clock.cancelled())
            return error(ErrorCode::Cancelled, "opening was cancelled");
        if (m_clock.expired())
            return error(ErrorCode::LimitExceeded, "not opened within the deadline");
        return error(ErrorCode::Format, "not a video file FFmpeg can read (" + errorText(rc) + ")");
    }
    m_ctx.reset(ctx);

    // Probing decodes a few frames: keep decoders from allocating pictures
    // beyond the size limit and from starting threads.
    const unsigned streams = m_ctx->nb_streams;
    std::vector<AVDictionary *> options(std::max(streams, 1u), nullptr);
    const int64_t maxPixels = static_cast<int64_t>(limits.maxSide) * limits.maxSide;
    for (unsigned i = 0; i < streams; ++i) {
        av_dict_set_int(&options[i], "max_pixels", maxPixels, 0);
        av_dict_set(&options[i], "threads", "1", 0);
    }
    rc = avformat_find_stream_info(m_ctx.get(), options.data());
    for (AVDictionary *&opt : options)
        av_dict_free(&opt);
    if (m_clock.cancelled())
        return error(ErrorCode::Cancelled, "probing was cancelled");
    if (m_clock.expired())
        return error(ErrorCode::LimitExceeded, "not probed within the deadline (stalled or endless input)");
    if (rc < 0)
        return error(ErrorCode::Format, "cannot read the stream layout (" + errorText(rc) + ")");
    return {};
}

Expected<void> Demuxer::pickStream(const MediaLimits &limits)
{
    bool hasAudio = false;
    for (unsigned i = 0; i < m_ctx->nb_streams; ++i) {
        const AVStream *st = m_ctx->streams[i];
        if (st->codecpar->codec_type == AVMEDIA_TYPE_AUDIO)
            hasAudio = true;
        const bool picture = st->codecpar->codec_type == AVMEDIA_TYPE_VIDEO
            && !(st->disposition & AV_DISPOSITION_ATTACHED_PIC);
        if (picture && m_streamIndex < 0)
            m_streamIndex = static_cast<int>(i);
    }
    const int best = av_find_best_stream(m_ctx.get(), AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (best >= 0 && !(m_ctx->streams[best]->disposition & AV_DISPOSITION_ATTACHED_PIC))
        m_streamIndex = best;
    m_info.hasAudio = hasAudio;
    if (m_streamIndex < 0) {
        if (hasAudio)
            return error(ErrorCode::Unsupported, "audio only, there is no video stream");
        return error(ErrorCode::Format, "no video stream");
    }
    const AVCodecParameters *par = stream()->codecpar;
    if (!avcodec_find_decoder(par->codec_id))
        return error(ErrorCode::Unsupported,
            std::string("no decoder for the video codec '") + avcodec_get_name(par->codec_id) + "'");
    if (par->width <= 0 || par->height <= 0)
        return error(ErrorCode::Format, "the video stream has no frame size (damaged or unsupported)");
    if (par->width > limits.maxSide || par->height > limits.maxSide)
        return error(ErrorCode::LimitExceeded,
            "video frames are " + std::to_string(par->width) + "x" + std::to_string(par->height)
                + ", larger than the limit of " + std::to_string(limits.maxSide) + " px per side");
    for (unsigned i = 0; i < m_ctx->nb_streams; ++i) {
        if (static_cast<int>(i) != m_streamIndex)
            m_ctx->streams[i]->discard = AVDISCARD_ALL;
    }
    m_rotation = rotationOf(stream());
    return {};
}

Expected<void> Demuxer::buildTimeline(const MediaLimits &limits)
{
    bool built = timelineFromIndex();
    if (!built && m_source->size() <= limits.maxIndexScanBytes) {
        auto scanned = timelineFromScan(limits);
        if (!scanned)
            return scanned.error();
        built = *scanned;
    }
    AVStream *st = stream();
    if (!built) {
        AVRational rate = st->avg_frame_rate.num > 0 && st->avg_frame_rate.den > 0 ? st->avg_frame_rate
                                                                                   : st->r_frame_rate;
        if (rate.num <= 0 || rate.den <= 0)
            return error(ErrorCode::Format, "cannot tell the frame rate or count (broken metadata)");
        const double fps = av_q2d(rate);
        double duration = m_ctx->duration > 0 ? m_ctx->duration / double(AV_TIME_BASE) : 0;
        if (duration <= 0 && st->duration > 0)
            duration = toSeconds(st->duration, st->time_base);
        const double frames
            = st->nb_frames > 0 ? static_cast<double>(st->nb_frames) : std::round(duration * fps);
        if (frames > static_cast<double>(limits.maxFrames))
            return error(ErrorCode::LimitExceeded,
                "video has about " + std::to_string(std::llround(std::min(frames, 1e18)))
                    + " frames, more than the limit of " + std::to_string(limits.maxFrames));
        const int64_t count = frames > 0 ? static_cast<int64_t>(frames) : 0;
        const double step = 1.0 / (fps * av_q2d(st->time_base));
        const int64_t start = st->start_time != AV_NOPTS_VALUE ? st->start_time : 0;
        if (!std::isfinite(step) || step <= 0 || !FrameTimeline::plausible(start)
            || step * static_cast<double>(count) > static_cast<double>(FrameTimeline::kMaxAbsTimestamp))
            return error(ErrorCode::Format, "the frame timing is out of range (damaged metadata)");
        std::vector<int64_t> keys;
        for (int i = 0, n = avformat_index_get_entries_count(st); i < n; ++i) {
            const AVIndexEntry *e = avformat_index_get_entry(st, i);
            if (e->flags & AVINDEX_KEYFRAME)
                keys.push_back(e->timestamp);
        }
        std::sort(keys.begin(), keys.end());
        m_timeline = FrameTimeline::estimated(start, step, count, std::move(keys));
    }
    if (m_timeline.count() <= 0)
        return error(ErrorCode::Format, "the video stream holds no frames");
    if (m_timeline.count() > limits.maxFrames)
        return error(ErrorCode::LimitExceeded,
            "video has " + std::to_string(m_timeline.count()) + " frames, more than the limit of "
                + std::to_string(limits.maxFrames));
    return {};
}

// MP4/MOV keep a table of every sample; reading it costs no I/O. The table
// holds decode timestamps: for an evenly spaced stream the presentation
// timestamps are the same grid starting at the stream's start time, and
// without frame reordering they are the decode timestamps shifted by it.
bool Demuxer::timelineFromIndex()
{
    AVStream *st = stream();
    if (!std::strstr(m_ctx->iformat->name, "mp4") || st->nb_frames <= 0)
        return false;
    std::vector<int64_t> dts;
    std::vector<int64_t> keys;
    const int n = avformat_index_get_entries_count(st);
    for (int i = 0; i < n; ++i) {
        const AVIndexEntry *e = avformat_index_get_entry(st, i);
        if (e->flags & AVINDEX_DISCARD_FRAME)
            continue;
        if ((!dts.empty() && e->timestamp <= dts.back()) || !FrameTimeline::plausible(e->timestamp))
            return false;
        dts.push_back(e->timestamp);
        if (e->flags & AVINDEX_KEYFRAME)
            keys.push_back(e->timestamp);
    }
    if (static_cast<int64_t>(dts.size()) != st->nb_frames)
        return false;
    const int64_t start = st->start_time != AV_NOPTS_VALUE ? st->start_time : dts.front();
    if (!FrameTimeline::plausible(start))
        return false;
    bool even = true;
    for (size_t i = 2; i < dts.size() && even; ++i)
        even = dts[i] - dts[i - 1] == dts[1] - dts[0];
    std::vector<int64_t> pts(dts.size());
    if (even) {
        const int64_t step = dts.size() > 1 ? dts[1] - dts[0] : 0;
        for (size_t i = 0; i < pts.size(); ++i)
            pts[i] = start + static_cast<int64_t>(i) * step;
    } else if (st->codecpar->video_delay == 0) {
        for (size_t i = 0; i < pts.size(); ++i)
            pts[i] = dts[i] - dts.front() + start;
    } else {
        return false;
    }
    m_timeline = FrameTimeline::exact(std::move(pts), std::move(keys));
    return true;
}

// Other containers: read every packet of the stream once (no decoding), as
// decord does, to learn each frame's presentation timestamp.
Expected<bool> Demuxer::timelineFromScan(const MediaLimits &limits)
{
    std::vector<int64_t> pts;
    std::vector<int64_t> keys;
    PacketPtr packet(av_packet_alloc());
    if (!packet)
        return error(ErrorCode::OutOfMemory, "cannot allocate a packet");
    for (;;) {
        const int rc = readPacket(packet.get());
        if (rc == AVERROR_EXIT) {
            if (m_clock.cancelled())
                return error(ErrorCode::Cancelled, "reading was cancelled");
            return error(
                ErrorCode::LimitExceeded, "not indexed within the deadline (stalled or endless input)");
        }
        if (rc < 0)
            break;
        if (packet->pts == AV_NOPTS_VALUE)
            m_framesByOrder = true;
        const int64_t t = packet->pts != AV_NOPTS_VALUE ? packet->pts : packet->dts;
        const int64_t d = packet->dts != AV_NOPTS_VALUE ? packet->dts : packet->pts;
        const bool key = packet->flags & AV_PKT_FLAG_KEY;
        av_packet_unref(packet.get());
        if (t == AV_NOPTS_VALUE)
            return false;
        if (!FrameTimeline::plausible(t) || (d != AV_NOPTS_VALUE && !FrameTimeline::plausible(d)))
            return error(ErrorCode::Format, "timestamps out of range (damaged file)");
        pts.push_back(t);
        if (key)
            keys.push_back(d);
        if (static_cast<int64_t>(pts.size()) > limits.maxFrames)
            return error(ErrorCode::LimitExceeded,
                "video has more than the limit of " + std::to_string(limits.maxFrames) + " frames");
    }
    std::sort(pts.begin(), pts.end());
    std::sort(keys.begin(), keys.end());
    m_timeline = FrameTimeline::exact(std::move(pts), std::move(keys));
    return true;
}

void Demuxer::fillInfo()
{
    const AVStream *st = stream();
    const AVCodecParameters *par = st->codecpar;
    m_info.container = m_ctx->iformat->name;
    m_info.codec = avcodec_get_name(par->codec_id);
    m_info.codedWidth = par->width;
    m_info.codedHeight = par->height;
    m_info.rotation = m_rotation;
    const bool swap = m_rotation == 90 || m_rotation == 270;
    m_info.width = swap ? par->height : par->width;
    m_info.height = swap ? par->width : par->height;
    m_info.frameCount = m_timeline.count();
    m_info.frameCountExact = m_timeline.isExact();
    m_info.variableFrameRate = m_timeline.variableRate();

    const double span
        = toSeconds(m_timeline.ptsOf(m_timeline.count() - 1) - m_timeline.ptsOf(0), st->time_base);
    AVRational rate = st->avg_frame_rate;
    if (rate.num <= 0 || rate.den <= 0)
        rate = st->r_frame_rate;
    if (rate.num > 0 && rate.den > 0)
        m_info.fps = av_q2d(rate);
    else if (span > 0)
        m_info.fps = static_cast<double>(m_timeline.count() - 1) / span;
    if (m_ctx->duration > 0)
        m_info.durationSeconds = m_ctx->duration / double(AV_TIME_BASE);
    else if (st->duration > 0)
        m_info.durationSeconds = toSeconds(st->duration, st->time_base);
    else
        m_info.durationSeconds = span + (m_info.fps > 0 ? 1.0 / m_info.fps : 0.0);
}

double Demuxer::secondsOf(int64_t pts) const
{
    return toSeconds(pts - m_timeline.ptsOf(0), stream()->time_base);
}

int64_t Demuxer::ptsOfSeconds(double seconds) const
{
    const double limit = static_cast<double>(FrameTimeline::kMaxAbsTimestamp);
    const double ticks = seconds / av_q2d(stream()->time_base);
    return m_timeline.ptsOf(0) + (std::isnan(ticks) ? 0 : std::llround(std::clamp(ticks, -limit, limit)));
}

int Demuxer::readPacket(AVPacket *packet)
{
    for (;;) {
        const int rc = av_read_frame(m_ctx.get(), packet);
        if (rc < 0)
            return m_clock.shouldStop() ? AVERROR_EXIT : rc;
        if (packet->stream_index == m_streamIndex)
            return 0;
        av_packet_unref(packet);
    }
}

bool Demuxer::seekBefore(int64_t pts)
{
    if (av_seek_frame(m_ctx.get(), m_streamIndex, pts, AVSEEK_FLAG_BACKWARD) >= 0)
        return true;
    if (avformat_seek_file(m_ctx.get(), m_streamIndex, INT64_MIN, pts, pts, 0) >= 0)
        return true;
    return av_seek_frame(m_ctx.get(), m_streamIndex, 0, AVSEEK_FLAG_BYTE) >= 0;
}

} // namespace mplug2::media::ffmpeg
