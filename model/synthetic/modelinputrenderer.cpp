#include "model/synthetic/modelinputrenderer.h"

#include "model/synthetic/codecsimulation.h"

#include <array>

namespace mplug2::model::synthetic {

namespace {

// CLIP's normalisation (as media/preprocess/pixelbatch.h, in float).
constexpr std::array<float, 3> kMean = {0.48145466f, 0.4578275f, 0.40821073f};
constexpr std::array<float, 3> kStd = {0.26862954f, 0.26130258f, 0.27577711f};

} // namespace

std::size_t ModelInputRenderer::valuesPerItem(const Scene &scene) const
{
    return std::size_t(3) * framesFor(scene) * m_options.imageRes * m_options.imageRes;
}

std::vector<Box> boxesInInput(const Scene &scene, int frame, int res)
{
    const double sx = double(res) / scene.width, sy = double(res) / scene.height;
    std::vector<Box> boxes;
    for (const SceneShape &shape : scene.shapes) {
        const Box b = shape.boxAt(scene.progressOf(frame));
        boxes.push_back({b.x0 * sx, b.y0 * sy, b.x1 * sx, b.y1 * sy});
    }
    return boxes;
}

RenderedInput ModelInputRenderer::render(const Scene &scene, SceneRandom &random, float *out) const
{
    const int res = m_options.imageRes;
    const int frames = framesFor(scene);
    const std::vector<int> indices
        = scene.isClip() ? middleFrameIndices(frames, scene.frameCount) : std::vector<int> {0};
    const bool compress = scene.isClip() || random.chance(m_options.pictureCompression);
    const bool nearest = scene.isClip() || random.chance(m_options.pictureNearest);
    RenderedInput rendered;
    rendered.frames = frames;
    const std::size_t plane = std::size_t(res) * res;
    for (int t = 0; t < frames; ++t) {
        RgbFrame frame = renderFrame(scene, indices[size_t(t)]);
        if (compress)
            simulateCompression(frame, scene.crf, random);
        const RgbFrame small = nearest ? resizeNearest(frame, res, res) : resizeCubic(frame, res, res);
        for (int c = 0; c < 3; ++c) {
            float *dst = out + (std::size_t(c) * frames + t) * plane;
            const float scale = 1.0f / (255.0f * kStd[size_t(c)]);
            const float shift = kMean[size_t(c)] / kStd[size_t(c)];
            for (std::size_t i = 0; i < plane; ++i)
                dst[i] = float(small.pixels[i * 3 + size_t(c)]) * scale - shift;
        }
        rendered.boxes.push_back(boxesInInput(scene, indices[size_t(t)], res));
    }
    return rendered;
}

} // namespace mplug2::model::synthetic
