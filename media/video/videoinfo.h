#pragma once
/// What probing a video tells (VideoReader::info()).
///
///     const VideoInfo &v = reader.info();
///     std::cout << v.width << 'x' << v.height << ", " << v.frameCount
///               << (v.frameCountExact ? "" : " (estimated)") << " frames\n";

#include <cstdint>
#include <string>

namespace mplug2::media {

struct VideoInfo {
    std::string container; ///< demuxer name, e.g. "mov,mp4,m4a,3gp,3g2,mj2"
    std::string codec; ///< decoder name, e.g. "h264"
    int width = 0; ///< frame size as shown, after rotation
    int height = 0;
    int codedWidth = 0; ///< frame size as stored in the stream
    int codedHeight = 0;
    int rotation = 0; ///< clockwise degrees (0, 90, 180, 270) applied to every frame
    double fps = 0; ///< average frame rate
    double durationSeconds = 0;
    int64_t frameCount = 0; ///< frames in presentation order
    /// True when every frame's timestamp is known (container index or a
    /// packet scan); false when frameCount is duration x fps.
    bool frameCountExact = false;
    bool variableFrameRate = false;
    bool hasAudio = false;
};

} // namespace mplug2::media
