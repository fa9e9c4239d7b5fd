#pragma once
// Hand-made engine results for the exporter tests: the exporters need no
// model, only values shaped like the engine's, with awkward text in them.
#include "app/engine/engineresult.h"

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
    r.items = {{QStringLiteral("red"), 0.93, {101, 2417, 102}, {}}, {QStringLiteral("-blue"), 0.07, {101, 2630, 102}, {}}};
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
                  seg(10, 20, QStringLiteral("一只狗\n在草地上")),
                  seg(20, 25.5, QString()), // an empty window: no cue
                  seg(3600 + 25.5, 3600 + 30.25, QStringLiteral("the end"))};
    return r;
}

} // namespace mplug2::test
