#include "media/preprocess/testtransforms.h"

#include "media/preprocess/resize.h"

#include <string>

namespace mplug2::media {

namespace {

Expected<void> checkResolution(int imageRes)
{
    if (imageRes < 1 || imageRes > 4096)
        return makeError(
            ErrorCode::InvalidArgument, "image_res " + std::to_string(imageRes) + " is outside 1..4096");
    return {};
}

} // namespace

const char *imageTransformName(ImageTransformKind kind)
{
    return kind == ImageTransformKind::PilBicubic ? "image (bicubic)" : "video (nearest)";
}

Expected<PixelBatch> videoTestTransform(const std::vector<RgbImage> &frames, int imageRes)
{
    if (auto ok = checkResolution(imageRes); !ok)
        return ok.error();
    std::vector<RgbImage> resized;
    resized.reserve(frames.size());
    for (const RgbImage &frame : frames) {
        if (frame.empty())
            return makeError(ErrorCode::InvalidArgument, "empty frame");
        resized.push_back(resizeNearestLegacy(frame, imageRes, imageRes));
    }
    return normalizeFrames(resized);
}

Expected<PixelBatch> imageTestTransform(const RgbImage &image, int imageRes)
{
    if (auto ok = checkResolution(imageRes); !ok)
        return ok.error();
    if (image.empty())
        return makeError(ErrorCode::InvalidArgument, "empty image");
    return normalizeFrames({resizeBicubicPil(image, imageRes, imageRes)});
}

Expected<PixelBatch> imageAsVideoTransform(const RgbImage &image, int imageRes)
{
    return videoTestTransform({image}, imageRes);
}

Expected<PixelBatch> transformImage(const RgbImage &image, int imageRes, ImageTransformKind kind)
{
    return kind == ImageTransformKind::PilBicubic ? imageTestTransform(image, imageRes)
                                                  : imageAsVideoTransform(image, imageRes);
}

} // namespace mplug2::media
