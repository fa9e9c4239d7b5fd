#pragma once
/// The media benchmark behind `mplug2 bench media`: how long the app takes
/// to get a model's frames out of a long video (open + probe, seek-decode
/// of the sampled frames, the official video transform), repeated on a
/// fresh reader each time, with the process CPU time beside the wall time;
/// optionally beside the baseline of decoding every frame without seeking.
///
///     MediaBenchOptions options;             // 16 frames, 3 runs, 224 px
///     auto file = generateBenchVideo(cacheDir, 2.0);   // 10-min 1080p H.264
///     auto report = runMediaBench(*file, options);

#include "base/expected.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace mplug2::app {

struct MediaBenchOptions {
    int frames = 16;
    int repeat = 3;
    int imageRes = 224;
    int decoderThreads = 0; ///< 0 = one per CPU
    /// Also time the baseline once: the same frames by decoding every frame
    /// from the first one on, without seeking (DecodeStrategy::DecodeEveryFrame).
    bool compareFullDecode = false;
};

struct MediaBenchRun {
    double openMs = 0;
    double sampleMs = 0; ///< seek + decode + RGB of the sampled frames
    double transformMs = 0; ///< official video test transform
    double totalMs = 0;
    double cpuMs = 0; ///< user + system CPU time of the process during the run
};

struct MediaBenchReport {
    QString file;
    QString codec;
    int width = 0;
    int height = 0;
    qint64 frameCount = 0;
    double fps = 0;
    double durationSeconds = 0;
    qint64 fileBytes = 0;
    int frames = 0;
    std::vector<MediaBenchRun> runs;
    /// The baseline run, when asked for (compareFullDecode).
    std::optional<MediaBenchRun> fullDecode;

    MediaBenchRun median() const;
};

/// Makes (or reuses, when already there) a 10-minute 1920x1080 25 fps H.264
/// MP4 in `folder` with a key frame every `keyframeSeconds`, using the
/// ffmpeg command-line tool: a 10 s x264 (veryfast) clip of testsrc2,
/// repeated 60 times without re-encoding. Returns its path.
Expected<QString> generateBenchVideo(const QString &folder, double keyframeSeconds);

Expected<MediaBenchReport> runMediaBench(const QString &file, const MediaBenchOptions &options);

} // namespace mplug2::app
