#include "media/image/imagereader.h"

#include <cstdlib>
#include <cstring>
#include <mutex>
#include <opencv2/core.hpp>
#include <opencv2/core/utils/logger.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace mplug2::media {

namespace {

constexpr size_t kHeaderBytes = 1 << 16;

Error fileError(const std::string &name, ErrorCode code, const std::string &what)
{
    return makeError(code, "file " + name + ": " + what);
}

// OpenCV warns on stderr about every damaged picture; our errors say what
// matters. MPLUG2_OPENCV_LOG=1 keeps its log (debugging).
void quietOpenCvLog()
{
    static std::once_flag once;
    std::call_once(once, [] {
        const char *wanted = std::getenv("MPLUG2_OPENCV_LOG");
        if (!wanted || std::strcmp(wanted, "1") != 0)
            cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_SILENT);
    });
}

RgbImage fromMat(const cv::Mat &rgb)
{
    RgbImage img;
    img.width = rgb.cols;
    img.height = rgb.rows;
    img.pixels.resize(img.rowBytes() * img.height);
    for (int y = 0; y < img.height; ++y)
        std::memcpy(img.row(y), rgb.ptr(y), img.rowBytes());
    return img;
}

// A JPEG that stops before its end-of-image marker was cut short; libjpeg
// fills the rest with grey and says so only on stderr.
bool jpegTruncated(const std::vector<uint8_t> &bytes)
{
    size_t end = bytes.size();
    while (end > 2 && bytes[end - 1] == 0)
        --end;
    return end < 2 || bytes[end - 2] != 0xFF || bytes[end - 1] != 0xD9;
}

} // namespace

RgbImage applyExifOrientation(const RgbImage &image, int orientation)
{
    if (orientation < 2 || orientation > 8 || image.empty())
        return image;
    cv::Mat src(image.height, image.width, CV_8UC3, const_cast<uint8_t *>(image.pixels.data()));
    cv::Mat out;
    switch (orientation) {
    case 2:
        cv::flip(src, out, 1);
        break; // mirror left-right
    case 3:
        cv::rotate(src, out, cv::ROTATE_180);
        break;
    case 4:
        cv::flip(src, out, 0);
        break; // mirror top-bottom
    case 5:
        cv::transpose(src, out);
        break; // mirror along the main diagonal
    case 6:
        cv::rotate(src, out, cv::ROTATE_90_CLOCKWISE);
        break;
    case 7:
        cv::transpose(src, out);
        cv::flip(out, out, -1);
        break; // along the other diagonal
    case 8:
        cv::rotate(src, out, cv::ROTATE_90_COUNTERCLOCKWISE);
        break;
    }
    return fromMat(out);
}

Expected<DecodedImage> readImage(const std::string &path, const MediaLimits &limits, ImageReadOptions options)
{
    auto source = ByteSource::openFile(path);
    if (!source)
        return source.error();
    return readImage(**source, limits, options);
}

Expected<DecodedImage> readImage(ByteSource &source, const MediaLimits &limits, ImageReadOptions options)
{
    quietOpenCvLog();
    const std::string &name = source.name();
    auto bytes = readAll(source, limits.maxImageFileBytes);
    if (!bytes)
        return bytes.error();
    if (bytes->empty())
        return fileError(name, ErrorCode::Format, "empty file");
    auto header = readImageHeader(bytes->data(), bytes->size());
    if (!header)
        return fileError(name, ErrorCode::Format, header.error().message);
    if (header->width > limits.maxSide || header->height > limits.maxSide)
        return fileError(name, ErrorCode::LimitExceeded,
            std::string(imageFormatName(header->format)) + " picture is " + std::to_string(header->width)
                + "x" + std::to_string(header->height) + ", larger than the limit of "
                + std::to_string(limits.maxSide) + " px per side");
    if (header->format == ImageFormat::Gif)
        return fileError(name, ErrorCode::Unsupported, "GIF pictures are read as videos (VideoReader)");

    cv::Mat bgr;
    try {
        const cv::Mat raw(1, static_cast<int>(bytes->size()), CV_8UC1, bytes->data());
        bgr = cv::imdecode(raw, cv::IMREAD_COLOR | cv::IMREAD_IGNORE_ORIENTATION);
    } catch (const cv::Exception &e) {
        return fileError(name, ErrorCode::Format,
            std::string("cannot decode the ") + imageFormatName(header->format) + " data: " + e.what());
    }
    if (bgr.empty())
        return fileError(name, ErrorCode::Format,
            std::string("cannot decode the ") + imageFormatName(header->format)
                + " data (damaged or truncated)");
    if (bgr.cols != header->width || bgr.rows != header->height)
        return fileError(name, ErrorCode::Format, "decoded size differs from the header (damaged file)");
    cv::Mat rgb;
    cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);

    DecodedImage out;
    out.header = *header;
    out.image = fromMat(rgb);
    if (options.applyExifOrientation)
        out.image = applyExifOrientation(out.image, header->orientation);
    if (header->format == ImageFormat::Jpeg && jpegTruncated(*bytes))
        out.warning = "file " + name + ": JPEG data cut short; the missing part is grey";
    return out;
}

Expected<ImageHeader> probeImage(const std::string &path)
{
    auto source = ByteSource::openFile(path);
    if (!source)
        return source.error();
    std::vector<uint8_t> head(static_cast<size_t>(std::min<int64_t>((*source)->size(), kHeaderBytes)));
    const int64_t n = head.empty() ? 0 : (*source)->read(head.data(), static_cast<int64_t>(head.size()));
    if (n < 0)
        return fileError(path, ErrorCode::Io, "read error");
    head.resize(static_cast<size_t>(n));
    auto header = readImageHeader(head.data(), head.size());
    if (!header)
        return fileError(path, ErrorCode::Format, header.error().message);
    return header;
}

} // namespace mplug2::media
