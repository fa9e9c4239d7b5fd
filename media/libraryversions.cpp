#include "media/libraryversions.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/avutil.h>
#include <libswscale/swscale.h>
}
#include <opencv2/core/version.hpp>

namespace mplug2::media {

static std::string avVersion(unsigned v)
{
    return std::to_string(AV_VERSION_MAJOR(v)) + "." + std::to_string(AV_VERSION_MINOR(v)) + "."
        + std::to_string(AV_VERSION_MICRO(v));
}

std::vector<LibraryVersion> mediaLibraryVersions()
{
    return {
        {"libavformat", avVersion(avformat_version()), avformat_license()},
        {"libavcodec", avVersion(avcodec_version()), avcodec_license()},
        {"libavutil", avVersion(avutil_version()), avutil_license()},
        {"libswscale", avVersion(swscale_version()), swscale_license()},
        {"OpenCV", CV_VERSION, "Apache License 2.0"},
    };
}

} // namespace mplug2::media
