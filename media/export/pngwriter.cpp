#include "media/export/pngwriter.h"

#include "media/render/matview.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace mplug2::media {

Expected<std::vector<uint8_t>> encodePng(const RgbImage &image)
{
    if (image.empty())
        return makeError(ErrorCode::InvalidArgument, "no picture to encode");
    cv::Mat bgr;
    cv::cvtColor(matView(image), bgr, cv::COLOR_RGB2BGR);
    std::vector<uint8_t> bytes;
    try {
        if (!cv::imencode(".png", bgr, bytes))
            return makeError(ErrorCode::Internal, "PNG encoding failed");
    } catch (const cv::Exception &e) {
        return makeError(ErrorCode::Internal, std::string("PNG encoding failed: ") + e.what());
    }
    return bytes;
}

Expected<void> writeFileAtomically(const std::string &path, const std::vector<uint8_t> &bytes)
{
    const std::string part = path + ".part";
    std::FILE *file = std::fopen(part.c_str(), "wb");
    if (!file)
        return makeError(ErrorCode::Io, "file " + path + ": cannot write (" + std::strerror(errno) + ")");
    const bool written = std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size();
    const bool closed = std::fclose(file) == 0;
    if (!written || !closed) {
        std::remove(part.c_str());
        return makeError(ErrorCode::Io, "file " + path + ": write failed (disk full?)");
    }
    if (std::rename(part.c_str(), path.c_str()) != 0) {
        const int err = errno;
        std::remove(part.c_str());
        return makeError(
            ErrorCode::Io, "file " + path + ": cannot rename into place (" + std::strerror(err) + ")");
    }
    return {};
}

Expected<void> writePng(const RgbImage &image, const std::string &path)
{
    auto bytes = encodePng(image);
    if (!bytes)
        return bytes.error();
    return writeFileAtomically(path, *bytes);
}

} // namespace mplug2::media
