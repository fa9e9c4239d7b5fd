#pragma once
/// `mplug2 bench media [FILE] [--generate] [--frames N] [--repeat R] [--threads T] [--json]`:
/// time to get a model's frames out of a video (see app/bench/mediabench.h);
/// `mplug2 bench retrieval [...]`: the search index (see retrievalbench.h);
/// `mplug2 bench catalog --db FILE|URI [...]`: a shared index (see catalogbench.h);
/// `mplug2 bench moments [...]`: indexing a long video with moments (see momentsbench.h).
/// Each as params + parse + run; messages are prefixed with the benchmark
/// the user named first ("mplug2 bench media: ..."), or with "mplug2 bench"
/// when none comes first.
///
///     const CliParsed<BenchMediaParams> parsed = parseBenchMediaParams(args);   // no process needed
///     if (const auto *stop = std::get_if<CliStop>(&parsed)) return printStop(*stop, command);
///     return runBenchMedia(std::get<BenchMediaParams>(parsed), command);   // "mplug2 bench media"

#include "app/cli/commandlineparsing.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace mplug2::app {

/// `mplug2 bench media`, named after the command (app/bench's MediaBench* is what it runs).
struct BenchMediaParams {
    QString file; ///< the video to read; with generate, the generated one is read instead
    bool generate = false; ///< make the 10-minute 1080p H.264 benchmark video first
    double keyframeInterval = 2; ///< seconds between key frames of the generated video
    std::optional<QString> folder; ///< where the generated video is kept; nullopt = the cache folder
    int frames = 16; ///< frames to sample
    int repeat = 3; ///< runs to time
    int threads = 0; ///< decoder threads; 0 = one per CPU
    bool compareFullDecode = false; ///< also time decoding every frame in order, once
    bool json = false; ///< one JSON object
    bool operator==(const BenchMediaParams &other) const = default;
};

/// Reads `args` as `mplug2 bench` gets them (args[0] is "mplug2 bench", the
/// mode `media` the first positional); a CliStop for --help, no mode, an
/// unknown one, and the other usage errors.
CliParsed<BenchMediaParams> parseBenchMediaParams(const QStringList &args);
/// Generates the video when asked, then times the reads; the exit code. `command` prefixes messages.
int runBenchMedia(const BenchMediaParams &params, const QString &command);
/// The `mplug2 bench` entry point: hands `retrieval`, `catalog` and `moments`
/// to their own commands, else parses and runs the media benchmark, printing a stop.
int runBenchCommand(const QStringList &args);

} // namespace mplug2::app
