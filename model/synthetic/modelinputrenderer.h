#pragma once
/// Renders a scene straight into the model's input, the way the real
/// pipeline would see it after a trip through a file: the official 'middle'
/// frames of a clip, simulated compression, the official resize (nearest for
/// videos, bicubic for pictures), CLIP normalisation. The trainer uses this
/// instead of encoding and decoding files (much faster); the evaluation goes
/// through real files.
///
///     ModelInputRenderer renderer({.frames = 4, .imageRes = 96});
///     std::vector<float> pixels(renderer.valuesPerItem(scene));
///     RenderedInput in = renderer.render(scene, random, pixels.data());
///     // in.boxes[t][s]: shape s in frame t, in model pixels

#include "model/synthetic/scenerandom.h"
#include "model/synthetic/syntheticscene.h"

#include <cstddef>
#include <vector>

namespace mplug2::model::synthetic {

struct ModelInputOptions {
    /// Frames sampled from clips (pictures have one).
    int frames = 4;
    int imageRes = 96;
    /// Share of pictures given a JPEG-like compression.
    double pictureCompression = 0.5;
    /// Share of pictures resized like video frames (nearest) instead of bicubic.
    double pictureNearest = 0.2;
};

struct RenderedInput {
    int frames = 0;
    /// Per frame, per shape (caption order): the box in model pixels.
    std::vector<std::vector<Box>> boxes;
};

class ModelInputRenderer {
public:
    explicit ModelInputRenderer(const ModelInputOptions &options)
        : m_options(options)
    { }

    int framesFor(const Scene &scene) const { return scene.isClip() ? m_options.frames : 1; }
    /// Floats written by render(): 3 * frames * imageRes * imageRes.
    std::size_t valuesPerItem(const Scene &scene) const;

    /// Writes (3, frames, imageRes, imageRes) CLIP-normalised floats to `out`.
    RenderedInput render(const Scene &scene, SceneRandom &random, float *out) const;

    const ModelInputOptions &options() const { return m_options; }

private:
    ModelInputOptions m_options;
};

/// The boxes of `scene`'s shapes in frame `frame`, scaled to a res x res input.
std::vector<Box> boxesInInput(const Scene &scene, int frame, int res);

} // namespace mplug2::model::synthetic
