#pragma once
/// What the model sees of one medium, in the engine's terms: the pixels
/// after the official test transform (media::loadModelInput), the sampled
/// frames for overlays and thumbnails (at most 1280 px per side), and where
/// they sit in the video. Pictures are 1-frame videos; a time window of a
/// video (dense captions) is sampled within the window.
///
///     auto frames = MediaFrames::decode(input, /*numFrames*/ 16, /*imageRes*/ 224, &cancelFlag);
///     if (!frames) return frames.error();          // missing, broken or hostile file
///     frames->pixels;                              // (3, T, H, W) floats for the model
///
/// Decoding is bounded by media::MediaLimits and stops when `cancel` turns true.

#include "app/engine/enginerequest.h"
#include "base/expected.h"
#include "media/core/rgbimage.h"
#include "media/preprocess/pixelbatch.h"

#include <QList>
#include <QString>

#include <atomic>
#include <vector>

namespace mplug2::app {

struct MediaFrames {
    std::vector<media::RgbImage> frames;
    media::PixelBatch pixels;
    QList<qint64> frameIndices; ///< frame numbers in the video (0 for a picture)
    QList<double> frameTimes; ///< seconds from the first frame (0 for a picture)
    bool isPicture = false;
    double durationSeconds = 0;
    /// Set when the file was damaged but frames came out (e.g. truncated).
    QString warning;

    static Expected<MediaFrames> decode(
        const MediaInput &input, int numFrames, int imageRes, const std::atomic_bool *cancel);
    /// The length of a video in seconds (0 for a picture), without decoding frames.
    static Expected<double> duration(const QString &path);
};

} // namespace mplug2::app
