#include "media/export/mp4writer.h"

#include "media/export/encodedfile.h"
#include "media/render/thumbnail.h"

extern "C" {
#include <libavutil/opt.h>
}

#include <algorithm>
#include <vector>

namespace mplug2::media {

using namespace ffmpeg;

struct Mp4Writer::Impl {
    std::unique_ptr<EncodedFile> file;
    SwsContextPtr sws;
    FramePtr frame {av_frame_alloc()};
    int width = 0; // frames as given
    int height = 0;
    int evenWidth = 0; // frames as encoded
    int evenHeight = 0;
    int64_t next = 0;
    std::string path;
};

Mp4Writer::Mp4Writer(std::unique_ptr<Impl> impl)
    : d(std::move(impl))
{ }
Mp4Writer::Mp4Writer(Mp4Writer &&) noexcept = default;
Mp4Writer &Mp4Writer::operator=(Mp4Writer &&) noexcept = default;
Mp4Writer::~Mp4Writer() = default;

Expected<Mp4Writer> Mp4Writer::create(
    const std::string &path, int width, int height, double fps, const Mp4Options &options)
{
    if (width <= 0 || height <= 0 || width > 8192 || height > 8192)
        return makeError(ErrorCode::InvalidArgument, "file " + path + ": frame size out of range");
    if (!(fps > 0 && fps <= 1000))
        return makeError(ErrorCode::InvalidArgument, "file " + path + ": frame rate out of range");
    const AVCodec *codec = avcodec_find_encoder_by_name("libx264");
    if (!codec)
        codec = avcodec_find_encoder(AV_CODEC_ID_H264);
    if (!codec)
        return makeError(ErrorCode::Unsupported, "this FFmpeg has no H.264 encoder");

    auto impl = std::make_unique<Impl>();
    impl->path = path;
    impl->width = width;
    impl->height = height;
    impl->evenWidth = width + (width & 1);
    impl->evenHeight = height + (height & 1);
    const AVRational rate = av_d2q(fps, 100000);
    EncodedFile::Settings settings;
    settings.muxer = "mp4";
    settings.codec = codec;
    settings.width = impl->evenWidth;
    settings.height = impl->evenHeight;
    settings.pixelFormat = AV_PIX_FMT_YUV420P;
    settings.timeBase = av_inv_q(rate);
    settings.frameRate = rate;
    av_dict_set_int(&settings.codecOptions, "crf", options.crf, 0);
    av_dict_set(&settings.codecOptions, "preset", options.preset.c_str(), 0);
    av_dict_set(&settings.muxerOptions, "movflags", "+faststart", 0);
    // Tag what swscale produces (BT.601, limited range) so players decode it back right.
    settings.colorspace = AVCOL_SPC_SMPTE170M;
    settings.colorRange = AVCOL_RANGE_MPEG;
    auto file = EncodedFile::create(path, settings);
    if (!file)
        return file.error();
    impl->file = std::move(*file);
    impl->sws.reset(sws_getContext(impl->evenWidth, impl->evenHeight, AV_PIX_FMT_RGB24, impl->evenWidth,
        impl->evenHeight, AV_PIX_FMT_YUV420P, SWS_BICUBIC, nullptr, nullptr, nullptr));
    if (!impl->sws || !impl->frame)
        return makeError(ErrorCode::OutOfMemory, "cannot allocate a colour converter");
    return Mp4Writer(std::move(impl));
}

Expected<void> Mp4Writer::addFrame(const RgbImage &input)
{
    if (!d || !d->file)
        return makeError(ErrorCode::InvalidArgument, "MP4 writer is closed");
    if (input.empty())
        return makeError(ErrorCode::InvalidArgument, "file " + d->path + ": empty frame");
    const RgbImage image = letterbox(input, d->width, d->height);
    // Even-sized (odd sizes repeat their last row / column) in rows padded
    // for swscale, which reads whole SIMD blocks past the end of a row.
    const size_t evenRow = static_cast<size_t>(d->evenWidth) * 3;
    const size_t paddedRow = (evenRow + kSwscaleSlack - 1) / kSwscaleSlack * kSwscaleSlack;
    std::vector<uint8_t> padded(paddedRow * static_cast<size_t>(d->evenHeight) + kSwscaleSlack);
    for (int y = 0; y < d->evenHeight; ++y) {
        const uint8_t *src = image.row(std::min(y, image.height - 1));
        uint8_t *dst = padded.data() + paddedRow * static_cast<size_t>(y);
        std::copy(src, src + image.rowBytes(), dst);
        if (d->evenWidth != d->width)
            std::copy(src + image.rowBytes() - 3, src + image.rowBytes(), dst + image.rowBytes());
    }
    AVFrame *frame = d->frame.get();
    av_frame_unref(frame);
    frame->format = AV_PIX_FMT_YUV420P;
    frame->width = d->evenWidth;
    frame->height = d->evenHeight;
    if (av_frame_get_buffer(frame, 0) < 0)
        return makeError(ErrorCode::OutOfMemory, "cannot allocate a frame");
    const uint8_t *src[4] = {padded.data(), nullptr, nullptr, nullptr};
    const int srcStride[4] = {static_cast<int>(paddedRow), 0, 0, 0};
    sws_scale(d->sws.get(), src, srcStride, 0, d->evenHeight, frame->data, frame->linesize);
    frame->pts = d->next++;
    return d->file->write(*frame);
}

Expected<void> Mp4Writer::finish()
{
    if (!d || !d->file)
        return makeError(ErrorCode::InvalidArgument, "MP4 writer is closed");
    if (d->next == 0)
        return makeError(ErrorCode::InvalidArgument, "file " + d->path + ": no frames were added");
    auto ok = d->file->finish();
    d->file.reset();
    return ok;
}

} // namespace mplug2::media
