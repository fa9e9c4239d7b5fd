#include "media/preprocess/pixelbatch.h"

namespace mplug2::media {

Expected<PixelBatch> normalizeFrames(const std::vector<RgbImage> &frames)
{
    if (frames.empty() || frames.front().empty())
        return makeError(ErrorCode::InvalidArgument, "no frames to normalise");
    for (const RgbImage &frame : frames) {
        if (frame.width != frames.front().width || frame.height != frames.front().height)
            return makeError(ErrorCode::InvalidArgument, "frames to normalise differ in size");
    }
    PixelBatch batch;
    batch.frames = static_cast<int>(frames.size());
    batch.height = frames.front().height;
    batch.width = frames.front().width;
    // ToTensor / ClipToTensor divide by 255 in float32, Normalize then
    // subtracts the mean and divides by the std, each rounded to float32.
    std::array<std::array<float, 256>, 3> table {};
    for (int c = 0; c < 3; ++c) {
        for (int v = 0; v < 256; ++v) {
            const float scaled = static_cast<float>(v) / 255.0f;
            const float centred = scaled - kClipMean[c];
            table[c][v] = centred / kClipStd[c];
        }
    }
    batch.data.resize(3 * static_cast<size_t>(batch.frames) * batch.height * batch.width);
    for (int t = 0; t < batch.frames; ++t) {
        const RgbImage &frame = frames[t];
        for (int y = 0; y < batch.height; ++y) {
            const uint8_t *src = frame.row(y);
            for (int x = 0; x < batch.width; ++x, src += 3) {
                for (int c = 0; c < 3; ++c)
                    batch.data[batch.offset(c, t, y, x)] = table[c][src[c]];
            }
        }
    }
    return batch;
}

} // namespace mplug2::media
