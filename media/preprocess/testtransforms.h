#pragma once
/// The official test-time transforms (dataset/__init__.py of mPLUG-2),
/// producing the model's pixel input.
///
///     auto px = videoTestTransform(batch.frames_as_images, 224);   // videos
///     auto px = imageTestTransform(picture, 224);                  // images
///     auto px = imageAsVideoTransform(picture, 224);               // images fed like video frames
///
/// `video_test_transform`: Resize((res, res)) nearest on float -> .long()
/// -> /255 -> Normalize(CLIP). `test_transform` (images): Resize((res, res),
/// BICUBIC) in PIL -> ToTensor -> Normalize(CLIP). The released checkpoints
/// are video models; the app may feed pictures through the video transform
/// (imageAsVideoTransform) and says which one it used.

#include "base/expected.h"
#include "media/preprocess/pixelbatch.h"

#include <vector>

namespace mplug2::media {

enum class ImageTransformKind {
    PilBicubic, ///< the official image transform
    VideoNearest, ///< the official video transform on a 1-frame clip
};

const char *imageTransformName(ImageTransformKind kind);

Expected<PixelBatch> videoTestTransform(const std::vector<RgbImage> &frames, int imageRes);
Expected<PixelBatch> imageTestTransform(const RgbImage &image, int imageRes);
Expected<PixelBatch> imageAsVideoTransform(const RgbImage &image, int imageRes);
Expected<PixelBatch> transformImage(const RgbImage &image, int imageRes, ImageTransformKind kind);

} // namespace mplug2::media
