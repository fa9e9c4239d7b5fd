#include "media/image/imageheader.h"

#include <algorithm>
#include <climits>
#include <cstring>
#include <string>

namespace mplug2::media {

namespace {

// Bounds-checked big/little-endian reads over the header bytes.
class Bytes {
public:
    Bytes(const uint8_t *data, size_t size)
        : m_data(data)
        , m_size(size)
    { }
    size_t size() const { return m_size; }
    bool has(size_t offset, size_t count) const { return offset <= m_size && count <= m_size - offset; }
    bool startsWith(size_t offset, const char *text) const
    {
        const size_t n = std::strlen(text);
        return has(offset, n) && std::memcmp(m_data + offset, text, n) == 0;
    }
    uint8_t u8(size_t offset) const { return has(offset, 1) ? m_data[offset] : 0; }
    uint32_t u16(size_t offset, bool bigEndian) const
    {
        return bigEndian ? (u8(offset) << 8) | u8(offset + 1) : u8(offset) | (u8(offset + 1) << 8);
    }
    uint32_t u24le(size_t offset) const
    {
        return u8(offset) | (u8(offset + 1) << 8) | (u8(offset + 2) << 16);
    }
    uint32_t u32(size_t offset, bool bigEndian) const
    {
        return bigEndian ? (u16(offset, true) << 16) | u16(offset + 2, true)
                         : u16(offset, false) | (u16(offset + 2, false) << 16);
    }
    Bytes from(size_t offset) const
    {
        return offset <= m_size ? Bytes(m_data + offset, m_size - offset) : Bytes(m_data, 0);
    }

private:
    const uint8_t *m_data;
    size_t m_size;
};

Error malformed(const std::string &what)
{
    return makeError(ErrorCode::Format, what);
}

// Width (256), height (257) and orientation (274) from the first IFD of a
// TIFF structure (a TIFF file, or the EXIF block of a JPEG).
struct TiffTags {
    int width = 0;
    int height = 0;
    int orientation = 1;
};

bool readTiffTags(const Bytes &tiff, TiffTags &tags)
{
    bool big = false;
    if (tiff.startsWith(0, "MM\x00\x2a"))
        big = true;
    else if (!tiff.startsWith(0, "II\x2a"))
        return false;
    const uint32_t ifd = tiff.u32(4, big);
    if (!tiff.has(ifd, 2))
        return false;
    const uint32_t entries = tiff.u16(ifd, big);
    for (uint32_t i = 0; i < entries && i < 512; ++i) {
        const size_t e = ifd + 2 + static_cast<size_t>(i) * 12;
        if (!tiff.has(e, 12))
            return false;
        const uint32_t tag = tiff.u16(e, big);
        const uint32_t type = tiff.u16(e + 2, big);
        const uint32_t value = type == 3 ? tiff.u16(e + 8, big) : type == 4 ? tiff.u32(e + 8, big) : 0;
        if (tag == 256)
            tags.width = static_cast<int>(std::min<uint32_t>(value, INT32_MAX));
        else if (tag == 257)
            tags.height = static_cast<int>(std::min<uint32_t>(value, INT32_MAX));
        else if (tag == 274 && value >= 1 && value <= 8)
            tags.orientation = static_cast<int>(value);
    }
    return true;
}

Expected<ImageHeader> jpegHeader(const Bytes &b)
{
    ImageHeader h;
    h.format = ImageFormat::Jpeg;
    size_t pos = 2;
    while (b.has(pos, 4)) {
        if (b.u8(pos) != 0xFF)
            return malformed("JPEG marker expected at byte " + std::to_string(pos));
        const uint8_t marker = b.u8(pos + 1);
        if (marker == 0xFF) { // fill byte
            ++pos;
            continue;
        }
        if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
            pos += 2;
            continue;
        }
        const uint32_t length = b.u16(pos + 2, true);
        if (length < 2 || !b.has(pos + 2, length))
            return malformed("JPEG segment runs past the end of the file");
        const bool frameHeader
            = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (frameHeader) {
            h.height = static_cast<int>(b.u16(pos + 5, true));
            h.width = static_cast<int>(b.u16(pos + 7, true));
            if (h.width == 0 || h.height == 0)
                return malformed("JPEG frame has no size");
            return h;
        }
        if (marker == 0xE1 && b.startsWith(pos + 4, "Exif")) {
            TiffTags tags;
            if (readTiffTags(b.from(pos + 10), tags))
                h.orientation = tags.orientation;
        }
        if (marker == 0xDA || marker == 0xD9)
            break;
        pos += 2 + length;
    }
    return malformed("JPEG has no frame header");
}

Expected<ImageHeader> webpHeader(const Bytes &b)
{
    ImageHeader h;
    h.format = ImageFormat::WebP;
    if (b.startsWith(12, "VP8 ") && b.has(20, 10) && b.u8(23) == 0x9d && b.u8(24) == 0x01
        && b.u8(25) == 0x2a) {
        h.width = static_cast<int>(b.u16(26, false) & 0x3fff);
        h.height = static_cast<int>(b.u16(28, false) & 0x3fff);
    } else if (b.startsWith(12, "VP8L") && b.has(20, 5) && b.u8(20) == 0x2f) {
        const uint32_t bits = b.u32(21, false);
        h.width = static_cast<int>((bits & 0x3fff) + 1);
        h.height = static_cast<int>(((bits >> 14) & 0x3fff) + 1);
    } else if (b.startsWith(12, "VP8X") && b.has(20, 10)) {
        h.width = static_cast<int>(b.u24le(24) + 1);
        h.height = static_cast<int>(b.u24le(27) + 1);
    } else {
        return malformed("WebP without a known image chunk");
    }
    if (h.width == 0 || h.height == 0)
        return malformed("WebP image has no size");
    return h;
}

} // namespace

const char *imageFormatName(ImageFormat format)
{
    switch (format) {
    case ImageFormat::Jpeg:
        return "JPEG";
    case ImageFormat::Png:
        return "PNG";
    case ImageFormat::Gif:
        return "GIF";
    case ImageFormat::Bmp:
        return "BMP";
    case ImageFormat::WebP:
        return "WebP";
    case ImageFormat::Tiff:
        return "TIFF";
    }
    return "unknown";
}

bool looksLikeImage(const uint8_t *data, size_t size)
{
    const Bytes b(data, size);
    return b.startsWith(0, "\x89PNG\r\n\x1a\n") || (b.u8(0) == 0xFF && b.u8(1) == 0xD8 && b.u8(2) == 0xFF)
        || b.startsWith(0, "GIF87a") || b.startsWith(0, "GIF89a") || b.startsWith(0, "BM")
        || (b.startsWith(0, "RIFF") && b.startsWith(8, "WEBP")) || b.startsWith(0, "II\x2a")
        || b.startsWith(0, "MM\x00\x2a");
}

Expected<ImageHeader> readImageHeader(const uint8_t *data, size_t size)
{
    const Bytes b(data, size);
    ImageHeader h;
    if (b.startsWith(0, "\x89PNG\r\n\x1a\n")) {
        if (!b.startsWith(12, "IHDR") || !b.has(16, 8))
            return malformed("PNG without a header chunk");
        h.format = ImageFormat::Png;
        h.width = static_cast<int>(std::min<uint32_t>(b.u32(16, true), INT32_MAX));
        h.height = static_cast<int>(std::min<uint32_t>(b.u32(20, true), INT32_MAX));
    } else if (b.u8(0) == 0xFF && b.u8(1) == 0xD8 && b.u8(2) == 0xFF) {
        return jpegHeader(b);
    } else if (b.startsWith(0, "GIF87a") || b.startsWith(0, "GIF89a")) {
        if (!b.has(6, 4))
            return malformed("GIF header cut short");
        h.format = ImageFormat::Gif;
        h.width = static_cast<int>(b.u16(6, false));
        h.height = static_cast<int>(b.u16(8, false));
    } else if (b.startsWith(0, "BM")) {
        const uint32_t dib = b.u32(14, false);
        if (!b.has(14, 12))
            return malformed("BMP header cut short");
        h.format = ImageFormat::Bmp;
        if (dib == 12) {
            h.width = static_cast<int>(b.u16(18, false));
            h.height = static_cast<int>(b.u16(20, false));
        } else {
            const auto w = static_cast<int64_t>(static_cast<int32_t>(b.u32(18, false)));
            const auto ht = static_cast<int64_t>(static_cast<int32_t>(b.u32(22, false)));
            h.width = static_cast<int>(std::min<int64_t>(w < 0 ? -w : w, INT32_MAX));
            h.height = static_cast<int>(std::min<int64_t>(ht < 0 ? -ht : ht, INT32_MAX));
        }
    } else if (b.startsWith(0, "RIFF") && b.startsWith(8, "WEBP")) {
        return webpHeader(b);
    } else if (b.startsWith(0, "II\x2a") || b.startsWith(0, "MM\x00\x2a")) {
        TiffTags tags;
        if (!readTiffTags(b, tags))
            return malformed("TIFF directory cut short");
        h.format = ImageFormat::Tiff;
        h.width = tags.width;
        h.height = tags.height;
        h.orientation = tags.orientation;
    } else {
        return malformed("not a JPEG, PNG, GIF, BMP, WebP or TIFF picture");
    }
    if (h.width <= 0 || h.height <= 0)
        return malformed(std::string(imageFormatName(h.format)) + " header gives no size");
    return h;
}

} // namespace mplug2::media
