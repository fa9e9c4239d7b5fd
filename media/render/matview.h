#pragma once
// Internal to media/: an OpenCV header over an RgbImage's pixels (no copy).
// OpenCV calls the channels BGR; our code never asks it to interpret them
// except through explicit conversions.

#include "media/core/rgbimage.h"

#include <opencv2/core.hpp>

namespace mplug2::media {

inline cv::Mat matView(RgbImage &image)
{
    return cv::Mat(image.height, image.width, CV_8UC3, image.pixels.data());
}

inline const cv::Mat matView(const RgbImage &image)
{
    return cv::Mat(image.height, image.width, CV_8UC3, const_cast<uint8_t *>(image.pixels.data()));
}

} // namespace mplug2::media
