#pragma once
// Internal to media/: RAII owners for FFmpeg objects, error text, and the
// deadline that every blocking FFmpeg call is checked against.

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/frame.h>
#include <libswscale/swscale.h>
}

#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

namespace mplug2::media::ffmpeg {

struct FormatContextCloser {
    void operator()(AVFormatContext *ctx) const { avformat_close_input(&ctx); }
};
struct CodecContextFreer {
    void operator()(AVCodecContext *ctx) const { avcodec_free_context(&ctx); }
};
struct FrameFreer {
    void operator()(AVFrame *frame) const { av_frame_free(&frame); }
};
struct PacketFreer {
    void operator()(AVPacket *packet) const { av_packet_free(&packet); }
};
struct SwsFreer {
    void operator()(SwsContext *ctx) const { sws_freeContext(ctx); }
};
struct IoContextFreer {
    void operator()(AVIOContext *io) const;
};

/// Row alignment and tail slack for packed RGB buffers handed to swscale,
/// which reads and writes whole SIMD blocks past the end of unaligned rows.
inline constexpr size_t kSwscaleSlack = 64;

using FormatContextPtr = std::unique_ptr<AVFormatContext, FormatContextCloser>;
using CodecContextPtr = std::unique_ptr<AVCodecContext, CodecContextFreer>;
using FramePtr = std::unique_ptr<AVFrame, FrameFreer>;
using PacketPtr = std::unique_ptr<AVPacket, PacketFreer>;
using SwsContextPtr = std::unique_ptr<SwsContext, SwsFreer>;
using IoContextPtr = std::unique_ptr<AVIOContext, IoContextFreer>;

/// av_strerror as a std::string.
std::string errorText(int averror);

/// FFmpeg's own log goes to stderr and hostile files make it chatty; our
/// errors say what matters. Silenced once per process unless
/// MPLUG2_FFMPEG_LOG=1 asks for it (debugging).
void quietFfmpegLog();

/// A wall-clock deadline for one operation plus an optional cancel flag.
/// FFmpeg polls it through the interrupt callback; our own loops poll it too.
class OperationClock {
public:
    void start(std::chrono::milliseconds budget)
    {
        m_deadline = std::chrono::steady_clock::now() + budget;
        m_expired = false;
    }
    void setCancelFlag(const std::atomic<bool> *cancel) { m_cancel = cancel; }
    bool cancelled() const { return m_cancel && m_cancel->load(std::memory_order_relaxed); }
    bool expired()
    {
        if (!m_expired && std::chrono::steady_clock::now() > m_deadline)
            m_expired = true;
        return m_expired;
    }
    bool shouldStop() { return cancelled() || expired(); }
    /// For AVFormatContext::interrupt_callback.
    static int interruptCallback(void *opaque) { return static_cast<OperationClock *>(opaque)->shouldStop(); }

private:
    std::chrono::steady_clock::time_point m_deadline = std::chrono::steady_clock::time_point::max();
    const std::atomic<bool> *m_cancel = nullptr;
    bool m_expired = false;
};

} // namespace mplug2::media::ffmpeg
