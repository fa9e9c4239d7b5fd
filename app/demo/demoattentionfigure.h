#pragma once
/// A picture of where the demo model looks when it names the shapes of a
/// clip: one row per shape word of its caption, each the sampled frames with
/// the decoder's cross-attention while it says that word (mean over layers
/// and heads — the map the evaluation scores) laid over them. The demo
/// model's README shows this for the bundled two-shape sample.
///
///     auto demo = DemoModel::load(bundle);
///     auto figure = attentionFigure(**demo, "two-shapes.mp4");
///     if (figure) media::writePng(figure->image, "attention.png");

#include "app/demo/demomodel.h"
#include "media/core/rgbimage.h"

#include <QString>

namespace mplug2::app {

struct AttentionFigure {
    media::RgbImage image;
    /// The caption, and the shape words in row order.
    QString caption;
    QStringList words;
};

Expected<AttentionFigure> attentionFigure(DemoModel &demo, const QString &mediaPath, int frameHeight = 160);

} // namespace mplug2::app
