#include "media/export/gifwriter.h"

#include "media/export/encodedfile.h"
#include "media/export/palette.h"
#include "media/render/thumbnail.h"

#include <algorithm>
#include <cstring>

namespace mplug2::media {

using namespace ffmpeg;

Expected<void> writeAnimatedGif(
    const std::vector<RgbImage> &frames, const std::string &path, const GifOptions &options)
{
    if (frames.empty() || frames.front().empty())
        return makeError(ErrorCode::InvalidArgument, "file " + path + ": no frames to write");
    const int width = frames.front().width;
    const int height = frames.front().height;
    if (width > 65535 || height > 65535)
        return makeError(ErrorCode::InvalidArgument, "file " + path + ": frames too large for GIF");
    const AVCodec *codec = avcodec_find_encoder(AV_CODEC_ID_GIF);
    if (!codec)
        return makeError(ErrorCode::Unsupported, "this FFmpeg has no GIF encoder");

    std::vector<RgbImage> sized;
    sized.reserve(frames.size());
    for (const RgbImage &f : frames) {
        if (f.empty())
            return makeError(ErrorCode::InvalidArgument, "file " + path + ": empty frame");
        sized.push_back(letterbox(f, width, height));
    }
    const Palette palette = Palette::medianCut(sized);

    EncodedFile::Settings settings;
    settings.muxer = "gif";
    settings.codec = codec;
    settings.width = width;
    settings.height = height;
    settings.pixelFormat = AV_PIX_FMT_PAL8;
    settings.timeBase = AVRational {1, 100};
    settings.frameRate = AVRational {100, std::max(1, options.frameDelayMs / 10)};
    av_dict_set_int(&settings.muxerOptions, "loop", options.loopCount, 0);
    auto file = EncodedFile::create(path, settings);
    if (!file)
        return file.error();

    FramePtr frame(av_frame_alloc());
    if (!frame)
        return makeError(ErrorCode::OutOfMemory, "cannot allocate a frame");
    const int64_t delay = std::max(1, (options.frameDelayMs + 5) / 10);
    for (size_t i = 0; i < sized.size(); ++i) {
        av_frame_unref(frame.get());
        frame->format = AV_PIX_FMT_PAL8;
        frame->width = width;
        frame->height = height;
        if (av_frame_get_buffer(frame.get(), 0) < 0)
            return makeError(ErrorCode::OutOfMemory, "cannot allocate a frame");
        for (int y = 0; y < height; ++y) {
            uint8_t *dst = frame->data[0] + static_cast<size_t>(y) * frame->linesize[0];
            const uint8_t *src = sized[i].row(y);
            for (int x = 0; x < width; ++x, src += 3)
                dst[x] = palette.nearest(src[0], src[1], src[2]);
        }
        auto *colors = reinterpret_cast<uint32_t *>(frame->data[1]);
        std::memset(colors, 0, AVPALETTE_SIZE);
        for (size_t c = 0; c < palette.colors().size(); ++c) {
            const auto &rgb = palette.colors()[c];
            colors[c] = 0xFF000000u | (uint32_t(rgb[0]) << 16) | (uint32_t(rgb[1]) << 8) | rgb[2];
        }
        frame->pts = static_cast<int64_t>(i) * delay;
        if (auto ok = (*file)->write(*frame); !ok)
            return ok;
    }
    return (*file)->finish();
}

} // namespace mplug2::media
