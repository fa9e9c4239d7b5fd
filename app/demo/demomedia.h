#pragma once
/// Scenes of the demo model's synthetic world written as ordinary media
/// files, the way a user would bring them: clips as H.264 MP4 at the scene's
/// size, frame rate and quality (CRF), pictures as PNG. The evaluation and
/// the bundled sample clip are made this way, so what is measured is what
/// the app does with a file.
///
///     auto files = writeDemoMedia(evaluationScenes(seed, 300), tempDir);
///     for (const DemoMediaFile &f : *files) evaluate(f.path, f.scene);

#include "base/expected.h"
#include "media/core/rgbimage.h"
#include "model/synthetic/multishot.h"
#include "model/synthetic/syntheticscene.h"

#include <QString>

#include <atomic>
#include <functional>
#include <vector>

namespace mplug2::app {

struct DemoMediaFile {
    QString path;
    model::synthetic::Scene scene;
};

/// One scene as `path` (.mp4 for clips, .png for pictures).
Expected<void> writeSceneFile(const model::synthetic::Scene &scene, const QString &path);

/// A multi-shot video as H.264 MP4 at its size, rate and quality.
/// `cancel` stops it with a Cancelled error (the file is left incomplete).
Expected<void> writeMultiShotFile(const model::synthetic::MultiShotVideo &video, const QString &path,
    const std::atomic<bool> *cancel = nullptr);

/// Every scene into `dir` as scene-NNNN.mp4 / .png. `progress(done, total)`
/// is called after each file; setting `cancel` stops with a Cancelled error.
Expected<std::vector<DemoMediaFile>> writeDemoMedia(const std::vector<model::synthetic::Scene> &scenes,
    const QString &dir, const std::function<void(int, int)> &progress = {},
    const std::atomic<bool> *cancel = nullptr);

media::RgbImage toRgbImage(const model::synthetic::RgbFrame &frame);

} // namespace mplug2::app
