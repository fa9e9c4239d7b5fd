#pragma once
// Internal to media/: one encoded video stream written to a file through
// libavformat, into "<path>.part" until finish() renames it. A file that is
// never finished is removed, so a failed export leaves nothing behind.

#include "base/expected.h"
#include "media/video/ffmpegsupport.h"

#include <memory>
#include <string>

namespace mplug2::media::ffmpeg {

struct OutputCloser {
    void operator()(AVFormatContext *ctx) const;
};
using OutputContextPtr = std::unique_ptr<AVFormatContext, OutputCloser>;

class EncodedFile {
public:
    struct Settings {
        std::string muxer; ///< "mp4", "gif"
        const AVCodec *codec = nullptr;
        int width = 0;
        int height = 0;
        AVPixelFormat pixelFormat = AV_PIX_FMT_NONE;
        AVRational timeBase {1, 25};
        AVRational frameRate {25, 1};
        AVColorSpace colorspace = AVCOL_SPC_UNSPECIFIED;
        AVColorRange colorRange = AVCOL_RANGE_UNSPECIFIED;
        AVDictionary *codecOptions = nullptr; ///< taken over (freed) by create()
        AVDictionary *muxerOptions = nullptr; ///< taken over (freed) by create()
    };

    static Expected<std::unique_ptr<EncodedFile>> create(const std::string &path, Settings settings);
    ~EncodedFile();
    EncodedFile(const EncodedFile &) = delete;
    EncodedFile &operator=(const EncodedFile &) = delete;

    AVCodecContext *codec() const { return m_codec.get(); }
    /// Encodes one frame (pts in the codec time base) and writes what comes out.
    Expected<void> write(const AVFrame &frame);
    /// Drains the encoder, writes the trailer, closes and renames the file.
    Expected<void> finish();

private:
    explicit EncodedFile(std::string path);
    Expected<void> drain(bool flushing);
    Error error(const std::string &what, int averror) const;
    void abandon();

    std::string m_path;
    std::string m_partPath;
    OutputContextPtr m_ctx;
    CodecContextPtr m_codec;
    PacketPtr m_packet {av_packet_alloc()};
    AVStream *m_stream = nullptr;
    bool m_finished = false;
};

} // namespace mplug2::media::ffmpeg
