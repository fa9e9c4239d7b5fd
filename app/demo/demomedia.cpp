#include "app/demo/demomedia.h"

#include "media/export/mp4writer.h"
#include "media/export/pngwriter.h"

#include <QCoreApplication>
#include <QDir>

namespace mplug2::app {

using namespace model::synthetic;

media::RgbImage toRgbImage(const RgbFrame &frame)
{
    media::RgbImage image;
    image.width = frame.width;
    image.height = frame.height;
    image.pixels = frame.pixels;
    return image;
}

Expected<void> writeSceneFile(const Scene &scene, const QString &path)
{
    const std::string file = path.toStdString();
    if (!scene.isClip())
        return media::writePng(toRgbImage(renderFrame(scene, 0)), file);
    media::Mp4Options options;
    options.crf = scene.crf;
    Expected<media::Mp4Writer> writer
        = media::Mp4Writer::create(file, scene.width, scene.height, scene.fps, options);
    if (!writer)
        return writer.error();
    for (int i = 0; i < scene.frameCount; ++i)
        if (Expected<void> ok = writer->addFrame(toRgbImage(renderFrame(scene, i))); !ok)
            return ok;
    return writer->finish();
}

Expected<void> writeMultiShotFile(
    const MultiShotVideo &video, const QString &path, const std::atomic<bool> *cancel)
{
    media::Mp4Options options;
    options.crf = video.crf;
    Expected<media::Mp4Writer> writer
        = media::Mp4Writer::create(path.toStdString(), video.width, video.height, video.fps, options);
    if (!writer)
        return writer.error();
    const int frames = video.frameCount();
    for (int i = 0; i < frames; ++i) {
        if (cancel && cancel->load())
            return makeError(
                ErrorCode::Cancelled, QCoreApplication::translate("DemoMedia", "cancelled").toStdString());
        if (Expected<void> ok = writer->addFrame(toRgbImage(renderFrame(video, i))); !ok)
            return ok;
    }
    return writer->finish();
}

Expected<std::vector<DemoMediaFile>> writeDemoMedia(const std::vector<Scene> &scenes, const QString &dir,
    const std::function<void(int, int)> &progress, const std::atomic<bool> *cancel)
{
    if (!QDir().mkpath(dir))
        return makeError(ErrorCode::Io,
            QCoreApplication::translate("DemoMedia", "cannot create %1").arg(dir).toStdString());
    std::vector<DemoMediaFile> files;
    for (size_t i = 0; i < scenes.size(); ++i) {
        if (cancel && cancel->load())
            return makeError(
                ErrorCode::Cancelled, QCoreApplication::translate("DemoMedia", "cancelled").toStdString());
        const Scene &scene = scenes[i];
        const QString name = QStringLiteral("scene-%1.%2")
                                 .arg(int(i), 4, 10, QLatin1Char('0'))
                                 .arg(scene.isClip() ? QStringLiteral("mp4") : QStringLiteral("png"));
        const QString path = QDir(dir).filePath(name);
        if (Expected<void> ok = writeSceneFile(scene, path); !ok)
            return ok.error();
        files.push_back({path, scene});
        if (progress)
            progress(int(i) + 1, int(scenes.size()));
    }
    return files;
}

} // namespace mplug2::app
