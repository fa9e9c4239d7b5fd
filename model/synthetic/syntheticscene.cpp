#include "model/synthetic/syntheticscene.h"

#include <algorithm>
#include <cmath>

namespace mplug2::model::synthetic {

std::string_view shapeName(ShapeKind kind)
{
    switch (kind) {
    case ShapeKind::Circle:
        return "circle";
    case ShapeKind::Square:
        return "square";
    case ShapeKind::Triangle:
        return "triangle";
    }
    return {};
}

std::string_view colourName(Colour colour)
{
    switch (colour) {
    case Colour::Red:
        return "red";
    case Colour::Green:
        return "green";
    case Colour::Blue:
        return "blue";
    case Colour::Yellow:
        return "yellow";
    case Colour::White:
        return "white";
    }
    return {};
}

std::string_view motionPhrase(Motion motion)
{
    switch (motion) {
    case Motion::Still:
        return "stays still";
    case Motion::Left:
        return "moves left";
    case Motion::Right:
        return "moves right";
    case Motion::Up:
        return "moves up";
    case Motion::Down:
        return "moves down";
    }
    return {};
}

std::string_view motionAnswer(Motion motion)
{
    switch (motion) {
    case Motion::Still:
        return "nowhere";
    case Motion::Left:
        return "left";
    case Motion::Right:
        return "right";
    case Motion::Up:
        return "up";
    case Motion::Down:
        return "down";
    }
    return {};
}

Box SceneShape::boxAt(double progress) const
{
    double x = startX, y = startY;
    const double d = travel * progress;
    switch (motion) {
    case Motion::Still:
        break;
    case Motion::Left:
        x -= d;
        break;
    case Motion::Right:
        x += d;
        break;
    case Motion::Up:
        y -= d;
        break;
    case Motion::Down:
        y += d;
        break;
    }
    return {x, y, x + size, y + size};
}

namespace {

// Signed distance in pixels from (px, py) to the shape's outline, negative
// inside. Exact for circles and squares; for the triangle the largest of the
// edge distances, exact except near its corners.
double signedDistance(ShapeKind kind, const Box &box, double px, double py)
{
    const double half = (box.x1 - box.x0) / 2;
    const double cx = box.centreX(), cy = box.centreY();
    switch (kind) {
    case ShapeKind::Circle:
        return std::hypot(px - cx, py - cy) - half;
    case ShapeKind::Square:
        return std::max(std::abs(px - cx) - half, std::abs(py - cy) - half);
    case ShapeKind::Triangle: {
        // Upright: apex at the top middle, base along the bottom of the box.
        const double side = box.x1 - box.x0;
        const double norm = std::hypot(side, half);
        // Left edge from (x0, y1) to (cx, y0), right edge from (cx, y0) to (x1, y1): outward normals.
        const double left = (-(side) * (px - box.x0) - half * (py - box.y1)) / norm;
        const double right = (side * (px - box.x1) - half * (py - box.y1)) / norm;
        const double bottom = py - box.y1;
        return std::max({left, right, bottom});
    }
    }
    return 1;
}

void drawShape(RgbFrame &frame, const SceneShape &shape, const Box &box, bool antialiased)
{
    const int xBegin = std::max(0, int(std::floor(box.x0)) - 1);
    const int yBegin = std::max(0, int(std::floor(box.y0)) - 1);
    const int xEnd = std::min(frame.width, int(std::ceil(box.x1)) + 1);
    const int yEnd = std::min(frame.height, int(std::ceil(box.y1)) + 1);
    for (int y = yBegin; y < yEnd; ++y) {
        for (int x = xBegin; x < xEnd; ++x) {
            const double d = signedDistance(shape.kind, box, x + 0.5, y + 0.5);
            const double cover = antialiased ? std::clamp(0.5 - d, 0.0, 1.0) : (d <= 0 ? 1.0 : 0.0);
            if (cover <= 0)
                continue;
            uint8_t *p = frame.at(x, y);
            for (int c = 0; c < 3; ++c)
                p[c] = uint8_t(std::lround(p[c] + (shape.rgb[c] - p[c]) * cover));
        }
    }
}

} // namespace

RgbFrame renderFrame(const Scene &scene, int frame)
{
    RgbFrame out;
    out.width = scene.width;
    out.height = scene.height;
    out.pixels.resize(size_t(scene.width) * scene.height * 3);
    for (size_t i = 0; i < out.pixels.size(); i += 3)
        std::copy(scene.background.begin(), scene.background.end(), out.pixels.begin() + std::ptrdiff_t(i));
    const double progress = scene.progressOf(frame);
    for (const SceneShape &shape : scene.shapes)
        drawShape(out, shape, shape.boxAt(progress), scene.antialiased);
    return out;
}

std::vector<int> middleFrameIndices(int count, int frameCount)
{
    if (count <= 0 || frameCount <= 0)
        return {};
    // As media::middleFrameIndices: np.linspace(0, n, k + 1).astype(int), segment middles.
    const int segments = std::min(count, frameCount);
    const double step = double(frameCount) / segments;
    std::vector<int> indices;
    for (int i = 0; i < segments; ++i) {
        const int first = int(i * step);
        const int last = (i + 1 == segments ? frameCount : int((i + 1) * step)) - 1;
        indices.push_back((first + last) / 2);
    }
    while (int(indices.size()) < count)
        indices.push_back(indices.back());
    return indices;
}

} // namespace mplug2::model::synthetic
