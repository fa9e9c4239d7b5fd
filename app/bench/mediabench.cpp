#include "app/bench/mediabench.h"

#include "media/preprocess/testtransforms.h"
#include "media/sampling/clipsampler.h"
#include "media/video/videoreader.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <sys/resource.h>

namespace mplug2::app {

namespace {

double cpuMilliseconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    const auto ms = [](const timeval &t) { return t.tv_sec * 1000.0 + t.tv_usec / 1000.0; };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

struct MediaBenchText {
    Q_DECLARE_TR_FUNCTIONS(MediaBench)
};

Expected<void> runFfmpeg(const QString &ffmpeg, const QStringList &args)
{
    QProcess p;
    p.start(ffmpeg, args);
    if (!p.waitForFinished(30 * 60 * 1000)) {
        p.kill();
        return makeError(ErrorCode::LimitExceeded, MediaBenchText::tr("ffmpeg did not finish").toStdString());
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return makeError(ErrorCode::Io,
            MediaBenchText::tr("ffmpeg failed: %1")
                .arg(QString::fromUtf8(p.readAllStandardError()))
                .toStdString());
    return {};
}

double medianOf(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

} // namespace

MediaBenchRun MediaBenchReport::median() const
{
    const auto pick = [this](double MediaBenchRun::*field) {
        std::vector<double> v;
        for (const MediaBenchRun &r : runs)
            v.push_back(r.*field);
        return medianOf(v);
    };
    return MediaBenchRun {pick(&MediaBenchRun::openMs), pick(&MediaBenchRun::sampleMs),
        pick(&MediaBenchRun::transformMs), pick(&MediaBenchRun::totalMs), pick(&MediaBenchRun::cpuMs)};
}

Expected<QString> generateBenchVideo(const QString &folder, double keyframeSeconds)
{
    if (!(keyframeSeconds > 0 && keyframeSeconds <= 60))
        return makeError(ErrorCode::InvalidArgument,
            MediaBenchText::tr("the key frame interval must be within 0..60 s").toStdString());
    const int gop = std::max(1, static_cast<int>(std::lround(keyframeSeconds * 25)));
    const QDir dir(folder);
    const QString name = QStringLiteral("bench-h264-1080p25-600s-gop%1").arg(gop);
    const QString path = dir.filePath(name + QStringLiteral(".mp4"));
    if (QFileInfo(path).size() > 0)
        return path;
    const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
    if (ffmpeg.isEmpty())
        return makeError(ErrorCode::NotFound,
            MediaBenchText::tr("generating the benchmark video needs the ffmpeg command-line tool")
                .toStdString());
    if (!dir.mkpath(QStringLiteral(".")))
        return makeError(ErrorCode::Io, MediaBenchText::tr("cannot create %1").arg(folder).toStdString());
    const QString chunk = dir.filePath(name + QStringLiteral("-10s.mp4"));
    const QString part = path + QStringLiteral(".part.mp4");
    auto ok = runFfmpeg(ffmpeg,
        {"-y", "-v", "error", "-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=25", "-t", "10", "-pix_fmt",
            "yuv420p", "-c:v", "libx264", "-preset", "veryfast", "-g", QString::number(gop), chunk});
    if (ok)
        ok = runFfmpeg(ffmpeg,
            {"-y", "-v", "error", "-stream_loop", "59", "-i", chunk, "-c", "copy", "-movflags", "+faststart",
                part});
    QFile::remove(chunk);
    if (!ok) {
        QFile::remove(part);
        return ok.error();
    }
    if (!QFile::rename(part, path))
        return makeError(ErrorCode::Io, MediaBenchText::tr("cannot write %1").arg(path).toStdString());
    return path;
}

namespace {

Expected<MediaBenchRun> timeOneRun(const QString &file, const MediaBenchOptions &options,
    media::DecodeStrategy strategy, MediaBenchReport &report)
{
    media::MediaLimits limits = media::MediaLimits::defaults();
    // Decoding every frame up to a far sampled one takes longer than the
    // default per-frame deadline allows on a slow machine.
    if (strategy == media::DecodeStrategy::DecodeEveryFrame)
        limits.deadline = std::chrono::hours(1);
    MediaBenchRun run;
    const double cpuStart = cpuMilliseconds();
    QElapsedTimer timer;
    timer.start();
    auto reader = media::VideoReader::open(file.toStdString(), limits, options.decoderThreads);
    if (!reader)
        return reader.error();
    reader->setDecodeStrategy(strategy);
    run.openMs = timer.nsecsElapsed() / 1e6;
    auto clip = media::sampleClip(*reader, options.frames);
    if (!clip)
        return clip.error();
    run.sampleMs = timer.nsecsElapsed() / 1e6 - run.openMs;
    auto pixels = media::videoTestTransform(media::framesOf(std::move(*clip)), options.imageRes);
    if (!pixels)
        return pixels.error();
    run.totalMs = timer.nsecsElapsed() / 1e6;
    run.transformMs = run.totalMs - run.openMs - run.sampleMs;
    run.cpuMs = cpuMilliseconds() - cpuStart;
    const media::VideoInfo &info = reader->info();
    report.codec = QString::fromStdString(info.codec);
    report.width = info.width;
    report.height = info.height;
    report.frameCount = info.frameCount;
    report.fps = info.fps;
    report.durationSeconds = info.durationSeconds;
    return run;
}

} // namespace

Expected<MediaBenchReport> runMediaBench(const QString &file, const MediaBenchOptions &options)
{
    if (options.frames < 1 || options.repeat < 1)
        return makeError(ErrorCode::InvalidArgument,
            MediaBenchText::tr("frames and repeat must be positive").toStdString());
    MediaBenchReport report;
    report.file = file;
    report.frames = options.frames;
    report.fileBytes = QFileInfo(file).size();
    for (int i = 0; i < options.repeat; ++i) {
        auto run = timeOneRun(file, options, media::DecodeStrategy::SeekToKeyFrames, report);
        if (!run)
            return run.error();
        report.runs.push_back(*run);
    }
    if (options.compareFullDecode) {
        auto run = timeOneRun(file, options, media::DecodeStrategy::DecodeEveryFrame, report);
        if (!run)
            return run.error();
        report.fullDecode = *run;
    }
    return report;
}

} // namespace mplug2::app
