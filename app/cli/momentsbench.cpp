#include "app/cli/momentsbench.h"

#include "app/cli/clisession.h"
#include "app/cli/commandlineparsing.h"
#include "app/cli/modeloptions.h"
#include "app/demo/demomedia.h"
#include "model/synthetic/multishot.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTextStream>

namespace mplug2::app {

namespace {

struct MomentsBenchText {
    Q_DECLARE_TR_FUNCTIONS(MomentsBench)
};

/// A long video of the synthetic world: shots of 1-4 s cut together, so that
/// the shot detector and the moment embedding see what they see in use.
Expected<void> makeVideo(const QString &path, int minutes, QTextStream &err)
{
    using namespace model::synthetic;
    SceneRandom random(20261207, 1);
    MultiShotRanges ranges;
    ranges.width = 640;
    ranges.height = 360;
    ranges.fps = 25;
    ranges.minShots = ranges.maxShots = std::max(1, minutes * 24); // 2.5 s a shot on average
    MultiShotVideo video = sampleMultiShot(random, ranges);
    // Trim to the length asked for.
    const int wanted = int(minutes * 60 * video.fps);
    while (video.shots.size() > 1 && video.frameCount() > wanted) {
        video.shots.pop_back();
        video.firstFrames.pop_back();
    }
    err << MomentsBenchText::tr("making %1 (%2 shots, %3 s of 640x360 H.264)…")
               .arg(QDir::toNativeSeparators(path))
               .arg(video.shots.size())
               .arg(video.durationSeconds(), 0, 'f', 0)
        << '\n'
        << Qt::flush;
    const QString partial = path + QStringLiteral(".part");
    if (Expected<void> ok = writeMultiShotFile(video, partial); !ok)
        return ok;
    QFile::remove(path);
    if (!QFile::rename(partial, path))
        return makeError(ErrorCode::Io, MomentsBenchText::tr("cannot write %1").arg(path).toStdString());
    return {};
}

} // namespace

CliParsed<MomentsBenchParams> parseMomentsBenchParams(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(MomentsBenchText::tr(
        "How fast a video is indexed with moments: shots found at 4 analysed frames per second and every "
        "moment embedded, in one pass, against the video's length. Without --video it makes a multi-shot "
        "640x360 H.264 video of the demo model's world (kept in the cache folder)."));
    parser.addHelpOption();
    const QCommandLineOption video(
        QStringLiteral("video"), MomentsBenchText::tr("The video to index."), QStringLiteral("FILE"));
    const QCommandLineOption minutes(QStringLiteral("minutes"),
        MomentsBenchText::tr("Length of the generated video in minutes (default 60)."), QStringLiteral("N"),
        QStringLiteral("60"));
    const QCommandLineOption json(
        QStringLiteral("json"), MomentsBenchText::tr("Print the figures as one JSON object."));
    parser.addOptions({video, minutes, json});
    const ModelOptions model;
    model.addTo(parser);
    if (const std::optional<CliStop> stop = parseOrStop(parser, args))
        return *stop;

    MomentsBenchParams p;
    bool ok = false;
    p.minutes = parser.value(minutes).toInt(&ok);
    if (!ok || p.minutes < 1 || p.minutes > 600)
        return usageStop(MomentsBenchText::tr("--minutes takes 1 to 600"));
    const Expected<ModelParams> modelParams = model.params(parser);
    if (!modelParams)
        return usageStop(QString::fromStdString(modelParams.error().message));
    p.video = parser.value(video);
    p.model = *modelParams;
    p.json = parser.isSet(json);
    return p;
}

int runMomentsBench(const MomentsBenchParams &params, const QString &command)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QString path = params.video;
    if (path.isEmpty()) {
        const QString dir
            = QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/bench");
        if (!QDir().mkpath(dir))
            return reportCliError(command, MomentsBenchText::tr("cannot create %1").arg(dir));
        path = QDir(dir).filePath(QStringLiteral("moments-%1min-640x360.mp4").arg(params.minutes));
        if (!QFileInfo::exists(path))
            if (Expected<void> made = makeVideo(path, params.minutes, err); !made)
                return reportCliError(command, QString::fromStdString(made.error().message));
    }
    EngineRequest request = EngineRequest::embedMedia(path);
    request.priority = RequestPriority::Batch;
    request.moments.enabled = true;
    params.model.applyTo(request); // --frames: the frames each moment is embedded from
    QElapsedTimer clock;
    clock.start();
    std::optional<EngineResult> result;
    const int code = CliSession::loadAndRun(
        command, params.model, {request}, [&](const EngineResult &r) { result = r; });
    if (code != 0 || !result)
        return code != 0 ? code : 1;
    // The model's load is in the clock too; it is small beside an hour of video, and a user waits for it.
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    const double duration = result->moments.isEmpty() ? 0.0 : result->moments.last().endSeconds;
    const double shots = result->moments.isEmpty() ? 0 : result->moments.last().shot + 1;
    const QJsonObject figures {{QStringLiteral("video"), path}, {QStringLiteral("duration_s"), duration},
        {QStringLiteral("seconds"), seconds},
        {QStringLiteral("x_real_time"), seconds > 0 ? duration / seconds : 0},
        {QStringLiteral("moments"), result->moments.size()}, {QStringLiteral("shots"), shots},
        {QStringLiteral("decode_ms"), result->timings.decodeMs}, {QStringLiteral("model"), result->modelId}};
    if (params.json) {
        out << QJsonDocument(figures).toJson(QJsonDocument::Compact) << '\n';
        return 0;
    }
    out << MomentsBenchText::tr("%1: %2 s of video, %3 shots, %4 moments in %5 s: %6x real time")
               .arg(QDir::toNativeSeparators(path))
               .arg(duration, 0, 'f', 0)
               .arg(shots)
               .arg(result->moments.size())
               .arg(seconds, 0, 'f', 1)
               .arg(seconds > 0 ? duration / seconds : 0, 0, 'f', 1)
        << '\n';
    return 0;
}

int runMomentsBenchCommand(const QStringList &args)
{
    const CliParsed<MomentsBenchParams> parsed = parseMomentsBenchParams(args);
    if (const auto *stop = std::get_if<CliStop>(&parsed))
        return printStop(*stop, args.value(0));
    return runMomentsBench(std::get<MomentsBenchParams>(parsed), args.value(0));
}

} // namespace mplug2::app
