#include "media/video/rgbconverter.h"

extern "C" {
#include <libavutil/opt.h>
#include <libavutil/pixdesc.h>
}

#include <cstring>
#include <vector>

namespace mplug2::media::ffmpeg {

namespace {

// A frame's enum field as the integer the decoder stored. Decoders copy these
// from the bitstream, so a hostile file can put any value there, and loading
// an out-of-range value through the enum type is undefined behaviour (found by
// media-fuzzer: colorspace 104). Read the bytes instead.
template<typename Enum> int rawValue(const Enum &field)
{
    static_assert(sizeof(Enum) == sizeof(int));
    int value = 0;
    std::memcpy(&value, &field, sizeof value);
    return value;
}

// The YUV->RGB matrix the scale filter picks for a frame (its "auto" mode):
// the frame's own colour space when it is one swscale knows, BT.601 otherwise.
const int *yuvCoefficients(int colorspace)
{
    int cs = colorspace;
    if (cs < 1 || cs > 10 || cs == 8)
        cs = AVCOL_SPC_BT470BG;
    return sws_getCoefficients(cs);
}

} // namespace

Expected<void> RgbConverter::prepare(const AVFrame &frame, int width, int height)
{
    const bool same = m_sws && frame.width == m_width && frame.height == m_height && frame.format == m_format
        && rawValue(frame.colorspace) == m_colorspace && rawValue(frame.color_range) == m_range
        && width == m_outWidth && height == m_outHeight;
    if (same)
        return {};
    m_sws.reset(sws_alloc_context());
    if (!m_sws)
        return makeError(ErrorCode::OutOfMemory, "cannot allocate a colour converter");
    SwsContext *s = m_sws.get();
    av_opt_set_int(s, "srcw", frame.width, 0);
    av_opt_set_int(s, "srch", frame.height, 0);
    av_opt_set_int(s, "src_format", frame.format, 0);
    av_opt_set_int(s, "dstw", width, 0);
    av_opt_set_int(s, "dsth", height, 0);
    av_opt_set_int(s, "dst_format", AV_PIX_FMT_RGB24, 0);
    av_opt_set_int(s, "sws_flags", SWS_BICUBIC, 0);
    av_opt_set_int(s, "threads", 1, 0);
    // The scale filter places yuv420p chroma MPEG-2 style (centred
    // vertically between luma rows); other formats keep swscale's default.
    av_opt_set_int(s, "src_h_chr_pos", -513, 0);
    av_opt_set_int(s, "src_v_chr_pos", frame.format == AV_PIX_FMT_YUV420P ? 128 : -513, 0);
    av_opt_set_int(s, "dst_h_chr_pos", -513, 0);
    av_opt_set_int(s, "dst_v_chr_pos", -513, 0);
    if (const int rc = sws_init_context(s, nullptr, nullptr); rc < 0) {
        m_sws.reset();
        const char *name = av_get_pix_fmt_name(static_cast<AVPixelFormat>(frame.format));
        return makeError(ErrorCode::Unsupported,
            std::string("cannot convert pixel format ") + (name ? name : "unknown")
                + " to RGB: " + errorText(rc));
    }
    int *inverseTable = nullptr;
    int *table = nullptr;
    int srcFull = 0;
    int dstFull = 0;
    int brightness = 0;
    int contrast = 0;
    int saturation = 0;
    sws_getColorspaceDetails(
        s, &inverseTable, &srcFull, &table, &dstFull, &brightness, &contrast, &saturation);
    const int *coefficients = yuvCoefficients(rawValue(frame.colorspace));
    const int range = rawValue(frame.color_range);
    if (range != AVCOL_RANGE_UNSPECIFIED)
        srcFull = range == AVCOL_RANGE_JPEG;
    sws_setColorspaceDetails(
        s, coefficients, srcFull, coefficients, dstFull, brightness, contrast, saturation);
    m_width = frame.width;
    m_height = frame.height;
    m_format = frame.format;
    m_colorspace = rawValue(frame.colorspace);
    m_range = range;
    m_outWidth = width;
    m_outHeight = height;
    return {};
}

Expected<RgbImage> RgbConverter::convert(const AVFrame &frame, int width, int height, int rotationDegrees)
{
    if (frame.width <= 0 || frame.height <= 0 || width <= 0 || height <= 0)
        return makeError(ErrorCode::Format, "decoded frame has no size");
    if (auto ok = prepare(frame, width, height); !ok)
        return ok.error();
    // swscale writes whole SIMD blocks: past the end of a row whose width is
    // not a multiple of the block (valgrind: 8 bytes past a 3 x odd-width
    // buffer, heap corruption). Convert into padded rows, then pack them.
    const size_t rowBytes = static_cast<size_t>(width) * 3;
    const size_t paddedRow = (rowBytes + kSwscaleSlack - 1) / kSwscaleSlack * kSwscaleSlack;
    std::vector<uint8_t> padded(paddedRow * static_cast<size_t>(height) + kSwscaleSlack);
    uint8_t *dst[4] = {padded.data(), nullptr, nullptr, nullptr};
    const int dstStride[4] = {static_cast<int>(paddedRow), 0, 0, 0};
    const int rows = sws_scale(m_sws.get(), frame.data, frame.linesize, 0, frame.height, dst, dstStride);
    if (rows != height)
        return makeError(ErrorCode::Format,
            "colour conversion failed (" + std::to_string(rows) + " of " + std::to_string(height) + " rows)");
    RgbImage rgb;
    rgb.width = width;
    rgb.height = height;
    rgb.pixels.resize(rowBytes * static_cast<size_t>(height));
    for (int y = 0; y < height; ++y)
        std::memcpy(rgb.row(y), padded.data() + paddedRow * static_cast<size_t>(y), rowBytes);
    if (rotationDegrees == 0)
        return rgb;
    return rotateClockwise(rgb, rotationDegrees);
}

RgbImage rotateClockwise(const RgbImage &image, int degrees)
{
    if (degrees != 90 && degrees != 180 && degrees != 270)
        return image;
    RgbImage out;
    const bool swap = degrees != 180;
    out.width = swap ? image.height : image.width;
    out.height = swap ? image.width : image.height;
    out.pixels.resize(image.pixels.size());
    for (int y = 0; y < image.height; ++y) {
        const uint8_t *src = image.row(y);
        for (int x = 0; x < image.width; ++x, src += 3) {
            int ox = x;
            int oy = y;
            if (degrees == 90) {
                ox = image.height - 1 - y;
                oy = x;
            } else if (degrees == 180) {
                ox = image.width - 1 - x;
                oy = image.height - 1 - y;
            } else {
                ox = y;
                oy = image.width - 1 - x;
            }
            std::memcpy(out.at(ox, oy), src, 3);
        }
    }
    return out;
}

} // namespace mplug2::media::ffmpeg
