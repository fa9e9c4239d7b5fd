#pragma once
// Hand-made engine results for the exporter tests: the exporters need no
// model, only values shaped like the engine's, with awkward text in them.
#include "app/engine/engineresult.h"

#include <QColor>
#include <QImage>

namespace mplug2::test {

inline app::EngineResult captionResult()
{
    app::EngineResult r;
    r.task = app::TaskKind::Caption;
    r.media = QStringLiteral("/videos/a, \"quoted\" clip.mp4");
    r.device = QStringLiteral("cpu");
    r.items = {{QStringLiteral("a man is cooking, then \"eating\""), -0.4125, {101, 1037, 2158, 102}, {}},
        {QStringLiteral("=HYPERLINK(\"http://x\")"), -1.25, {101, 102}, {}},
        {QStringLiteral("一只猫在睡觉\nsecond line"), -2.5, {101, 1740, 102}, {}}};
    r.timings.totalMs = 12.5;
    return r;
}

inline app::EngineResult answerResult()
{
    app::EngineResult r;
    r.task = app::TaskKind::Answer;
    r.media = QStringLiteral("image.png");
    r.question = QStringLiteral("what color is the circle?");
    r.items = {{QStringLiteral("red"), 0.93, {101, 2417, 102}, {}},
        {QStringLiteral("-blue"), 0.07, {101, 2630, 102}, {}}};
    return r;
}

inline app::EngineResult denseResult()
{
    app::EngineResult r;
    r.task = app::TaskKind::DenseCaption;
    r.media = QStringLiteral("long.mp4");
    auto seg = [](double s, double e, const QString &text) {
        app::CaptionSegment c;
        c.startSeconds = s;
        c.endSeconds = e;
        c.caption.text = text;
        c.caption.score = -1.0;
        c.caption.tokenIds = {101, 102};
        return c;
    };
    r.segments = {seg(0, 10, QStringLiteral("a dog runs --> away & <barks>")),
        seg(10, 20, QStringLiteral("一只狗\n在草地上")), seg(20, 25.5, QString()), // an empty window: no cue
        seg(3600 + 25.5, 3600 + 30.25, QStringLiteral("the end"))};
    return r;
}

} // namespace mplug2::test

namespace mplug2::test {

/// A caption whose two tokens look at known places: "red" at the top-left
/// patch of frame 0, "circle" at the bottom-right patch of frame 1 (4 x 4
/// grid, 2 frames, 2 layers, 2 heads), over grey 64 x 64 frames.
inline app::EngineResult attentionResult()
{
    app::EngineResult r;
    r.task = app::TaskKind::Caption;
    r.media = QStringLiteral("shapes <b>clip</b>.mp4");
    r.items = {{QStringLiteral("red circle"), -0.5, {101, 2417, 4418, 102}, {}}};
    app::AttentionMaps m;
    m.geometry.frames = 2;
    m.geometry.gridHeight = 4;
    m.geometry.gridWidth = 4;
    m.tokenIds = {2417, 4418};
    m.tokens = {QStringLiteral("red"), QStringLiteral("circle")};
    m.layers = 2;
    m.heads = 2;
    const int n = 1 + 2 * 16;
    for (int t = 0; t < 2; ++t)
        for (int l = 0; l < 2; ++l)
            for (int h = 0; h < 2; ++h)
                for (int v = 0; v < n; ++v) {
                    const int hot = t == 0 ? 1 : 1 + 16 + 15;
                    m.crossAttention.append(v == hot ? 0.9f : 0.1f / float(n - 1));
                }
    r.attention = m;
    r.geometry = m.geometry;
    for (int f = 0; f < 2; ++f) {
        QImage frame(64, 64, QImage::Format_RGB888);
        frame.fill(QColor(128, 128, 128));
        r.frames.append(frame);
    }
    return r;
}

} // namespace mplug2::test
