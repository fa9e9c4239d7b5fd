#pragma once
// Internal to media/: decoded AVFrame -> RgbImage, pixel for pixel what
// `ffmpeg -i FILE -pix_fmt rgb24` writes (FFmpeg 5.x CLI), then the stream's
// rotation applied as the CLI's autorotate does.
//
// The CLI converts through libavfilter's scale filter, which does more than a
// bare sws_getContext(): bicubic flags, MPEG-2 vertical chroma siting for
// yuv420p, and the YUV matrix and range taken from each frame (BT.709 when a
// stream is tagged so). We set the same options on swscale directly;
// tests compare against the CLI for every pixel format we generate.

#include "base/expected.h"
#include "media/core/rgbimage.h"
#include "media/video/ffmpegsupport.h"

namespace mplug2::media::ffmpeg {

class RgbConverter {
public:
    /// Converts one frame to `width` x `height` (the stream's size: a frame
    /// that changed size mid-stream is scaled back to it, bicubic);
    /// `rotationDegrees` (0, 90, 180, 270, clockwise) is applied afterwards.
    Expected<RgbImage> convert(const AVFrame &frame, int width, int height, int rotationDegrees);

private:
    Expected<void> prepare(const AVFrame &frame, int width, int height);

    SwsContextPtr m_sws;
    int m_width = 0;
    int m_height = 0;
    int m_outWidth = 0;
    int m_outHeight = 0;
    int m_format = -1;
    int m_colorspace = -1;
    int m_range = -1;
};

/// Rotates clockwise by 0, 90, 180 or 270 degrees (other values: unchanged).
RgbImage rotateClockwise(const RgbImage &image, int degrees);

} // namespace mplug2::media::ffmpeg
