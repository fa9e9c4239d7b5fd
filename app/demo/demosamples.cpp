#include "app/demo/demosamples.h"

namespace mplug2::app {

using namespace model::synthetic;

namespace {

SceneShape shape(ShapeKind kind, Colour colour, std::array<uint8_t, 3> rgb, Motion motion, double size,
    double x, double y, double travel)
{
    SceneShape s;
    s.kind = kind;
    s.colour = colour;
    s.rgb = rgb;
    s.motion = motion;
    s.size = size;
    s.startX = x;
    s.startY = y;
    s.travel = travel;
    return s;
}

Scene clip(int width, int height, double fps, int frames, std::vector<SceneShape> shapes)
{
    Scene s;
    s.kind = SceneKind::Clip;
    s.width = width;
    s.height = height;
    s.fps = fps;
    s.frameCount = frames;
    s.shapes = std::move(shapes);
    s.crf = 23;
    return s;
}

} // namespace

std::vector<DemoSample> demoSamples()
{
    std::vector<DemoSample> samples;
    // A red circle moving right along the top, a blue triangle rising on the right.
    samples.push_back({QStringLiteral("two-shapes.mp4"),
        clip(192, 160, 24, 60,
            {shape(ShapeKind::Circle, Colour::Red, {235, 20, 25}, Motion::Right, 44, 12, 14, 70),
                shape(ShapeKind::Triangle, Colour::Blue, {25, 40, 240}, Motion::Up, 50, 128, 100, 60)})});
    samples.push_back({QStringLiteral("yellow-square.mp4"),
        clip(160, 160, 15, 45,
            {shape(ShapeKind::Square, Colour::Yellow, {245, 225, 20}, Motion::Left, 40, 104, 60, 80)})});
    Scene picture;
    picture.kind = SceneKind::Picture;
    picture.width = 200;
    picture.height = 180;
    picture.shapes = {shape(ShapeKind::Triangle, Colour::Green, {30, 200, 40}, Motion::Still, 56, 30, 40, 0),
        shape(ShapeKind::Circle, Colour::White, {240, 240, 240}, Motion::Still, 50, 120, 90, 0)};
    samples.push_back({QStringLiteral("green-triangle-white-circle.png"), picture});
    return samples;
}

} // namespace mplug2::app
