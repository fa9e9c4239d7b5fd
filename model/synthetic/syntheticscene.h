#pragma once
/// The demo model's synthetic world (issue 10): clips and still images of one
/// or two flat shapes on a black background. One definition shared by the
/// trainer (which renders frames straight into tensors), the evaluation and
/// the sample media (which go through real H.264/PNG files), so that anyone
/// can make test media for the demo model:
///   - shapes: circle, square, triangle (upright); colours: red, green, blue,
///     yellow, white; size 15-35% of the shorter frame side;
///   - frames 64-320 px per side, aspect near square; clips 1-4 s at 8-30 fps;
///   - motion per shape: left, right, up, down (crossing 20-60% of the frame
///     over the clip) or still; pictures are still.
/// Captions and questions are in scenetext.h.
///
///     SceneSampler sampler(seed);
///     Scene scene = sampler.sample(SceneKind::Clip, 2);
///     RgbFrame frame = renderFrame(scene, scene.frameCount / 2);
///     Box where = scene.shapes[0].boxAt(scene.progressOf(0));
///
/// Qt-free and torch-free. Plain values; thread-safe.

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace mplug2::model::synthetic {

enum class ShapeKind { Circle, Square, Triangle };
enum class Colour { Red, Green, Blue, Yellow, White };
enum class Motion { Still, Left, Right, Up, Down };

inline constexpr std::array<ShapeKind, 3> kShapeKinds
    = {ShapeKind::Circle, ShapeKind::Square, ShapeKind::Triangle};
inline constexpr std::array<Colour, 5> kColours
    = {Colour::Red, Colour::Green, Colour::Blue, Colour::Yellow, Colour::White};
inline constexpr std::array<Motion, 5> kMotions
    = {Motion::Still, Motion::Left, Motion::Right, Motion::Up, Motion::Down};

/// "circle", "square", "triangle".
std::string_view shapeName(ShapeKind kind);
/// "red", "green", "blue", "yellow", "white".
std::string_view colourName(Colour colour);
/// "stays still", "moves left", ...: the caption's motion words.
std::string_view motionPhrase(Motion motion);
/// "nowhere", "left", ...: the answer to "where does the X move?".
std::string_view motionAnswer(Motion motion);

/// An axis-aligned box in pixels, [x0, x1) x [y0, y1).
struct Box {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    double centreX() const { return (x0 + x1) / 2; }
    double centreY() const { return (y0 + y1) / 2; }
    bool contains(double x, double y) const { return x >= x0 && x < x1 && y >= y0 && y < y1; }
    bool intersects(const Box &other) const
    {
        return x0 < other.x1 && other.x0 < x1 && y0 < other.y1 && other.y0 < y1;
    }
};

struct SceneShape {
    ShapeKind kind = ShapeKind::Circle;
    Colour colour = Colour::Red;
    Motion motion = Motion::Still;
    /// The drawn colour (each named colour is a range of RGB values).
    std::array<uint8_t, 3> rgb = {255, 0, 0};
    /// Side of the shape's square bounding box, pixels.
    double size = 0;
    /// Top-left corner of the box at the start of the clip, pixels.
    double startX = 0;
    double startY = 0;
    /// Distance covered over the whole clip along the motion, pixels.
    double travel = 0;

    /// The box at `progress` (0 = first frame, 1 = last frame).
    Box boxAt(double progress) const;
};

enum class SceneKind { Clip, Picture };

struct Scene {
    SceneKind kind = SceneKind::Clip;
    int width = 64;
    int height = 64;
    /// Clips: frames and rate; pictures: 1 frame.
    int frameCount = 1;
    double fps = 1;
    /// In caption order: left to right by the boxes' centres at mid-clip.
    std::vector<SceneShape> shapes;
    std::array<uint8_t, 3> background = {0, 0, 0};
    /// Edges drawn with partial coverage (as most drawing tools do) or hard.
    bool antialiased = true;
    /// x264 CRF the clip is written with (and the strength of the simulated
    /// compression for rendered training frames); lower is better.
    int crf = 23;

    bool isClip() const { return kind == SceneKind::Clip; }
    /// 0 for the first frame, 1 for the last.
    double progressOf(int frame) const { return frameCount > 1 ? double(frame) / (frameCount - 1) : 0.5; }
};

/// An 8-bit RGB picture: rows top to bottom, 3 bytes per pixel, no padding.
struct RgbFrame {
    int width = 0;
    int height = 0;
    std::vector<uint8_t> pixels;

    uint8_t *at(int x, int y) { return pixels.data() + (size_t(y) * width + x) * 3; }
    const uint8_t *at(int x, int y) const { return pixels.data() + (size_t(y) * width + x) * 3; }
};

/// Frame `frame` of `scene` (0-based; pictures have one).
RgbFrame renderFrame(const Scene &scene, int frame);

/// The official 'middle' frame sampling (get_frame_indices(..., 'middle')):
/// the middle frame of each of `count` equal segments of `frameCount` frames.
std::vector<int> middleFrameIndices(int count, int frameCount);

} // namespace mplug2::model::synthetic
