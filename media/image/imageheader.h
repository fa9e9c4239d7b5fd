#pragma once
/// Format, size and EXIF orientation of a picture, read from its first bytes
/// without decoding any pixel: the size limit is checked before a decoder
/// allocates anything (a 100000 x 100000 PNG is a few hundred bytes).
///
///     auto header = readImageHeader(bytes.data(), bytes.size());
///     if (header && header->width > 8192) ...

#include "base/expected.h"

#include <cstddef>
#include <cstdint>

namespace mplug2::media {

enum class ImageFormat { Jpeg, Png, Gif, Bmp, WebP, Tiff };

const char *imageFormatName(ImageFormat format);

struct ImageHeader {
    ImageFormat format = ImageFormat::Png;
    int width = 0; ///< as stored (before EXIF orientation)
    int height = 0;
    /// EXIF orientation tag, 1 (upright) to 8; 1 when absent.
    int orientation = 1;
};

/// ErrorCode::Format when the bytes are not one of the known formats or the
/// header is cut short or inconsistent.
Expected<ImageHeader> readImageHeader(const uint8_t *data, size_t size);

/// True when the bytes start like one of the picture formats above.
bool looksLikeImage(const uint8_t *data, size_t size);

} // namespace mplug2::media
