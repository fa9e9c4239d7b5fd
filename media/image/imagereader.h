#pragma once
/// Decodes a picture file (JPEG, PNG, WebP, BMP, TIFF) into RGB the way the
/// official pipeline's PIL `Image.open(path).convert('RGB')` does (same
/// libjpeg/libpng underneath, alpha dropped), checking the size limit from
/// the header before any pixel is decoded. Animated GIFs are videos: open
/// them with VideoReader.
///
///     auto picture = readImage("photo.jpg");
///     if (!picture) { std::cerr << picture.error().message << '\n'; return; }
///     RgbImage rgb = picture->image;        // EXIF orientation applied
///
/// PIL does not apply EXIF orientation; we do by default, so that overlays
/// and the model see the picture upright as people do. Set
/// `applyExifOrientation = false` for the official behaviour.

#include "base/expected.h"
#include "media/core/bytesource.h"
#include "media/core/medialimits.h"
#include "media/core/rgbimage.h"
#include "media/image/imageheader.h"

#include <string>

namespace mplug2::media {

struct ImageReadOptions {
    bool applyExifOrientation = true;
};

struct DecodedImage {
    RgbImage image;
    ImageHeader header; ///< as stored; image may be turned by the orientation
    /// Set when the file was damaged but a picture came out (e.g. a JPEG cut short).
    std::string warning;
};

Expected<DecodedImage> readImage(const std::string &path, const MediaLimits &limits = MediaLimits::defaults(),
    ImageReadOptions options = {});
Expected<DecodedImage> readImage(
    ByteSource &source, const MediaLimits &limits = MediaLimits::defaults(), ImageReadOptions options = {});
/// Header only: format, stored size, orientation.
Expected<ImageHeader> probeImage(const std::string &path);

/// Turns a picture upright for an EXIF orientation (1..8), as PIL's
/// ImageOps.exif_transpose does.
RgbImage applyExifOrientation(const RgbImage &image, int orientation);

} // namespace mplug2::media
