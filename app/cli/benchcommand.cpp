#include "app/cli/benchcommand.h"

#include "app/bench/mediabench.h"
#include "app/cli/catalogbench.h"
#include "app/cli/commandlineparsing.h"
#include "app/cli/momentsbench.h"
#include "app/cli/retrievalbench.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTextStream>

#include <algorithm>

namespace mplug2::app {

namespace {

struct BenchCommandText {
    Q_DECLARE_TR_FUNCTIONS(BenchCommand)
};

/// The benchmarks that read options of their own, after their name: one
/// table for telling them apart and for handing them their arguments.
struct SubBenchmark {
    QLatin1String name;
    int (*run)(const QStringList &args);
};
constexpr SubBenchmark kSubBenchmarks[] = {
    {QLatin1String("retrieval"), &runRetrievalBenchCommand},
    {QLatin1String("catalog"), &runCatalogBenchCommand},
    {QLatin1String("moments"), &runMomentsBenchCommand},
};

const SubBenchmark *subBenchmark(const QString &mode)
{
    for (const SubBenchmark &b : kSubBenchmarks)
        if (mode == b.name)
            return &b;
    return nullptr;
}

QJsonObject runToJson(const MediaBenchRun &r)
{
    return {{QStringLiteral("open_ms"), r.openMs}, {QStringLiteral("sample_ms"), r.sampleMs},
        {QStringLiteral("transform_ms"), r.transformMs}, {QStringLiteral("total_ms"), r.totalMs},
        {QStringLiteral("cpu_ms"), r.cpuMs}};
}

void printReport(const MediaBenchReport &report, bool json, int threads)
{
    QTextStream out(stdout);
    const MediaBenchRun median = report.median();
    if (json) {
        QJsonArray runs;
        for (const MediaBenchRun &r : report.runs)
            runs.append(runToJson(r));
        QJsonObject obj {{QStringLiteral("bench"), QStringLiteral("media")},
            {QStringLiteral("file"), report.file}, {QStringLiteral("codec"), report.codec},
            {QStringLiteral("width"), report.width}, {QStringLiteral("height"), report.height},
            {QStringLiteral("frame_count"), report.frameCount}, {QStringLiteral("fps"), report.fps},
            {QStringLiteral("duration_s"), report.durationSeconds},
            {QStringLiteral("file_bytes"), report.fileBytes}, {QStringLiteral("frames"), report.frames},
            {QStringLiteral("decoder_threads"), threads}, {QStringLiteral("runs"), runs},
            {QStringLiteral("median"), runToJson(median)}};
        if (report.fullDecode) {
            obj.insert(QStringLiteral("full_decode"), runToJson(*report.fullDecode));
            obj.insert(QStringLiteral("full_decode_ratio"), report.fullDecode->totalMs / median.totalMs);
        }
        out << QJsonDocument(obj).toJson(QJsonDocument::Compact) << '\n';
        return;
    }
    out << "file:   " << report.file << " (" << report.codec << ' ' << report.width << 'x' << report.height
        << ", " << report.frameCount << " frames, " << report.fps << " fps, "
        << qRound(report.durationSeconds) << " s, " << report.fileBytes / (1024 * 1024) << " MiB)\n"
        << "frames: " << report.frames << " ('middle' sampling), decoder threads: "
        << (threads > 0 ? QString::number(threads) : QStringLiteral("auto")) << '\n';
    for (size_t i = 0; i < report.runs.size(); ++i) {
        const MediaBenchRun &r = report.runs[i];
        out << QStringLiteral("run %1: open %2 ms, sample %3 ms, transform %4 ms, total %5 ms (cpu %6 ms)\n")
                   .arg(i + 1)
                   .arg(r.openMs, 0, 'f', 1)
                   .arg(r.sampleMs, 0, 'f', 1)
                   .arg(r.transformMs, 0, 'f', 1)
                   .arg(r.totalMs, 0, 'f', 1)
                   .arg(r.cpuMs, 0, 'f', 0);
    }
    out << QStringLiteral(
        "media bench: %1 frames in %2 s (median of %3 runs; open %4 ms, sample %5 ms, transform %6 ms)\n")
               .arg(report.frames)
               .arg(median.totalMs / 1000.0, 0, 'f', 3)
               .arg(report.runs.size())
               .arg(median.openMs, 0, 'f', 1)
               .arg(median.sampleMs, 0, 'f', 1)
               .arg(median.transformMs, 0, 'f', 1);
    if (report.fullDecode) {
        const MediaBenchRun &full = *report.fullDecode;
        out << QStringLiteral(
            "full decode: %1 frames in %2 s (every frame decoded in order, no seeking; open %3 ms, "
            "decode %4 ms, transform %5 ms, cpu %6 ms)\n")
                   .arg(report.frames)
                   .arg(full.totalMs / 1000.0, 0, 'f', 3)
                   .arg(full.openMs, 0, 'f', 1)
                   .arg(full.sampleMs, 0, 'f', 1)
                   .arg(full.transformMs, 0, 'f', 1)
                   .arg(full.cpuMs, 0, 'f', 0)
            << QStringLiteral("seeking is %1x faster than decoding every frame (wall), %2x (cpu)\n")
                   .arg(full.totalMs / median.totalMs, 0, 'f', 1)
                   .arg(full.cpuMs / std::max(1.0, median.cpuMs), 0, 'f', 1);
    }
}

} // namespace

CliParsed<BenchMediaParams> parseBenchMediaParams(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(BenchCommandText::tr(
        "Benchmarks. 'media': time to sample and decode a model's frames from a video (open, seek-decode, "
        "official transform). With --generate it makes a 10-minute 1080p H.264 file first. 'retrieval': "
        "search-index latency and recall, and indexing throughput (see 'mplug2 bench retrieval --help'). "
        "'catalog': a shared index's store throughput, claim overhead and client search index (see "
        "'mplug2 bench catalog --help'). 'moments': indexing a long video with moments, against its length "
        "(see 'mplug2 bench moments --help')."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("mode"),
        BenchCommandText::tr("What to measure: media, retrieval, catalog or moments."));
    parser.addPositionalArgument(QStringLiteral("file"),
        BenchCommandText::tr("The video to read (not needed with --generate)."), QStringLiteral("[file]"));
    const QCommandLineOption generate(QStringLiteral("generate"),
        BenchCommandText::tr("Make the 10-minute 1080p H.264 benchmark video "
                             "(kept in the cache folder) and use it."));
    const QCommandLineOption keyframes(QStringLiteral("keyframe-interval"),
        BenchCommandText::tr("Seconds between key frames of the generated video (default 2)."),
        QStringLiteral("seconds"), QStringLiteral("2"));
    const QCommandLineOption folder(QStringLiteral("folder"),
        BenchCommandText::tr("Where to keep the generated video."), QStringLiteral("dir"));
    const QCommandLineOption frames(QStringLiteral("frames"),
        BenchCommandText::tr("Frames to sample (default 16)."), QStringLiteral("n"), QStringLiteral("16"));
    const QCommandLineOption repeat(QStringLiteral("repeat"),
        BenchCommandText::tr("Runs to time (default 3)."), QStringLiteral("n"), QStringLiteral("3"));
    const QCommandLineOption threads(QStringLiteral("threads"),
        BenchCommandText::tr("Decoder threads (default: one per CPU)."), QStringLiteral("n"),
        QStringLiteral("0"));
    const QCommandLineOption fullDecode(QStringLiteral("compare-full-decode"),
        BenchCommandText::tr("Also time the baseline once: the same frames by decoding every frame in "
                             "order, without seeking."));
    const QCommandLineOption json(QStringLiteral("json"), BenchCommandText::tr("Print one JSON object."));
    parser.addOptions({generate, keyframes, folder, frames, repeat, threads, fullDecode, json});
    if (const std::optional<CliStop> stop = parseOrStop(parser, args))
        return *stop;

    const QStringList positional = parser.positionalArguments();
    const QString mode = positional.value(0);
    if (mode.isEmpty())
        return usageStop(BenchCommandText::tr(
            "say what to measure: 'mplug2 bench media FILE' or 'mplug2 bench media --generate'"));
    if (subBenchmark(mode))
        return usageStop(
            BenchCommandText::tr("name the benchmark before its options: 'mplug2 bench %1 ...'").arg(mode));
    if (mode != QLatin1String("media"))
        return usageStop(
            BenchCommandText::tr("unknown benchmark \"%1\": use media, retrieval, catalog or moments")
                .arg(mode));
    BenchMediaParams p;
    bool okFrames = false;
    bool okRepeat = false;
    bool okThreads = false;
    bool okInterval = false;
    p.frames = parser.value(frames).toInt(&okFrames);
    p.repeat = parser.value(repeat).toInt(&okRepeat);
    p.threads = parser.value(threads).toInt(&okThreads);
    p.keyframeInterval = parser.value(keyframes).toDouble(&okInterval);
    if (!okFrames || !okRepeat || !okThreads || !okInterval || p.frames < 1 || p.repeat < 1 || p.threads < 0)
        return usageStop(BenchCommandText::tr("--frames, --repeat and --threads take positive numbers"));
    p.generate = parser.isSet(generate);
    p.file = positional.value(1);
    if (!p.generate && p.file.isEmpty())
        return usageStop(BenchCommandText::tr("name a video file or use --generate"));
    if (parser.isSet(folder))
        p.folder = parser.value(folder);
    p.compareFullDecode = parser.isSet(fullDecode);
    p.json = parser.isSet(json);
    return p;
}

int runBenchMedia(const BenchMediaParams &params, const QString &command)
{
    QString file = params.file;
    if (params.generate) {
        const QString dir = params.folder
            ? *params.folder
            : QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/bench");
        QTextStream(stderr) << BenchCommandText::tr(
            "generating the benchmark video (once; this takes a minute or two)...")
                            << '\n'
                            << Qt::flush;
        const Expected<QString> made = generateBenchVideo(dir, params.keyframeInterval);
        if (!made)
            return reportCliError(command, QString::fromStdString(made.error().message));
        file = *made;
    }
    MediaBenchOptions options;
    options.frames = params.frames;
    options.repeat = params.repeat;
    options.decoderThreads = params.threads;
    options.compareFullDecode = params.compareFullDecode;
    const Expected<MediaBenchReport> report = runMediaBench(file, options);
    if (!report)
        return reportCliError(command, QString::fromStdString(report.error().message));
    printReport(*report, params.json, params.threads);
    return 0;
}

int runBenchCommand(const QStringList &args)
{
    // The first word names the benchmark, and its messages ("mplug2 bench retrieval: ...").
    const QString mode = args.value(1);
    const QString named = args.value(0) + u' ' + mode;
    // Benchmarks with options of their own take over before the media parser sees them.
    if (const SubBenchmark *sub = subBenchmark(mode)) {
        QStringList rest = args.mid(2);
        rest.prepend(named);
        return sub->run(rest);
    }
    const QString command = mode == QLatin1String("media") ? named : args.value(0);
    const CliParsed<BenchMediaParams> parsed = parseBenchMediaParams(args);
    if (const auto *stop = std::get_if<CliStop>(&parsed))
        return printStop(*stop, command);
    return runBenchMedia(std::get<BenchMediaParams>(parsed), command);
}

} // namespace mplug2::app
