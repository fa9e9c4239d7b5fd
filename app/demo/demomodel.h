#pragma once
/// A demo model bundle loaded for scoring and figures: the network through
/// the public Mplug2 API, its SentencePiece tokenizer, and media read the way
/// the app reads them (media::loadModelInput with the bundle's frames and
/// resolution). Internal to app/demo (torch types).
///
///     auto demo = DemoModel::load(BundledResources::defaultModelManifest());
///     auto input = demo->read("clip.mp4", 640);     // pixels + the frames shown
///     auto visual = demo->network->encodeVisual(input->pixels);

#include "app/bundle/modelbundle.h"
#include "base/expected.h"
#include "media/mediafile.h"
#include "model/mplug2.h"
#include "model/text/tokenizer.h"
#include "model/train/demovocabulary.h"

#include <ATen/core/Tensor.h>
#include <memory>

namespace mplug2::app {

struct DemoInput {
    /// (1, 3, T, R, R) CLIP-normalised.
    at::Tensor pixels;
    media::ModelInput media;
    /// The clip's frame number of each of the T frames (pictures: 0).
    std::vector<int> frames;
};

struct DemoModel {
    ModelBundle bundle;
    std::unique_ptr<model::text::Tokenizer> tokenizer;
    std::unique_ptr<model::Mplug2> network;
    std::unique_ptr<model::train::DemoTextCodec> codec;

    /// A bundle folder or manifest whose tokenizer has the demo layout.
    static Expected<std::unique_ptr<DemoModel>> load(
        const QString &bundlePath, model::Precision precision = model::Precision::Fp32);

    /// Reads `path` as the app does; keepFramesMaxSide > 0 keeps the frames for overlays.
    Expected<DemoInput> read(
        const QString &path, int keepFramesMaxSide = 0, const std::atomic<bool> *cancel = nullptr) const;

    int imageRes() const;
};

} // namespace mplug2::app
