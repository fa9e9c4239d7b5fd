#include "media/render/heatmapoverlay.h"

#include "media/render/matview.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace mplug2::media {

namespace {

int openCvColormap(Colormap map)
{
    switch (map) {
    case Colormap::Jet:
        return cv::COLORMAP_JET;
    case Colormap::Inferno:
        return cv::COLORMAP_INFERNO;
    case Colormap::Viridis:
        return cv::COLORMAP_VIRIDIS;
    case Colormap::Turbo:
        return cv::COLORMAP_TURBO;
    }
    return cv::COLORMAP_JET;
}

} // namespace

Expected<RgbImage> renderHeatmap(
    const std::vector<float> &grid, int rows, int cols, int width, int height, const HeatmapStyle &style)
{
    if (rows <= 0 || cols <= 0 || static_cast<size_t>(rows) * cols != grid.size())
        return makeError(ErrorCode::InvalidArgument,
            "heatmap grid of " + std::to_string(grid.size()) + " values is not " + std::to_string(rows)
                + " x " + std::to_string(cols));
    if (width <= 0 || height <= 0 || width > 16384 || height > 16384)
        return makeError(ErrorCode::InvalidArgument, "heatmap size out of range");
    cv::Mat values(rows, cols, CV_32F);
    float lo = INFINITY;
    float hi = -INFINITY;
    for (int i = 0; i < rows * cols; ++i) {
        const float v = std::isfinite(grid[i]) ? grid[i] : 0.0f;
        values.at<float>(i / cols, i % cols) = v;
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    if (style.normalize) {
        const float range = hi - lo;
        values = range > 0 ? (values - lo) / range : values * 0.0f;
    }
    cv::Mat stretched;
    cv::resize(
        values, stretched, cv::Size(width, height), 0, 0, style.smooth ? cv::INTER_CUBIC : cv::INTER_NEAREST);
    cv::Mat levels;
    stretched.convertTo(levels, CV_8U, 255.0); // saturates outside [0, 1]
    cv::Mat bgr;
    cv::applyColorMap(levels, bgr, openCvColormap(style.colormap));
    RgbImage out = RgbImage::filled(width, height);
    cv::cvtColor(bgr, matView(out), cv::COLOR_BGR2RGB);
    return out;
}

Expected<RgbImage> overlayHeatmap(
    const RgbImage &frame, const std::vector<float> &grid, int rows, int cols, const HeatmapStyle &style)
{
    if (frame.empty())
        return makeError(ErrorCode::InvalidArgument, "no frame to draw the heatmap on");
    auto heat = renderHeatmap(grid, rows, cols, frame.width, frame.height, style);
    if (!heat)
        return heat.error();
    const double alpha = std::clamp(static_cast<double>(style.alpha), 0.0, 1.0);
    RgbImage out = RgbImage::filled(frame.width, frame.height);
    cv::addWeighted(matView(*heat), alpha, matView(frame), 1.0 - alpha, 0.0, matView(out));
    return out;
}

} // namespace mplug2::media
