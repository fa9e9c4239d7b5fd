#include "app/demo/demoattentionfigure.h"

#include "media/render/heatmapoverlay.h"
#include "media/render/thumbnail.h"
#include "model/synthetic/syntheticscene.h"
#include "model/train/trainingbatch.h"

#include <QCoreApplication>

#include <ATen/Functions.h>
#include <algorithm>
#include <cstring>

namespace mplug2::app {

namespace {

struct DemoAttentionFigureText {
    Q_DECLARE_TR_FUNCTIONS(AttentionFigure)
};

// Rows of equal width stacked top to bottom with a gap.
media::RgbImage stack(const std::vector<media::RgbImage> &rows, int gap)
{
    int width = 0, height = 0;
    for (const media::RgbImage &r : rows) {
        width = std::max(width, r.width);
        height += r.height + gap;
    }
    media::RgbImage out = media::RgbImage::filled(width, std::max(1, height - gap), {24, 24, 24});
    int y = 0;
    for (const media::RgbImage &r : rows) {
        for (int row = 0; row < r.height; ++row)
            std::memcpy(out.row(y + row), r.row(row), r.rowBytes());
        y += r.height + gap;
    }
    return out;
}

bool isShapeWord(const std::string &piece)
{
    for (const model::synthetic::ShapeKind k : model::synthetic::kShapeKinds)
        if (piece == "\xE2\x96\x81" + std::string(model::synthetic::shapeName(k)))
            return true;
    return false;
}

} // namespace

Expected<AttentionFigure> attentionFigure(DemoModel &demo, const QString &mediaPath, int frameHeight)
{
    Expected<DemoInput> in = demo.read(mediaPath, 480);
    if (!in)
        return in.error();
    model::Mplug2 &network = *demo.network;
    Expected<model::VisualFeatures> visual = network.encodeVisual(in->pixels);
    if (!visual)
        return visual.error();
    const GenerationDefaults &g = demo.bundle.captionGeneration;
    Expected<model::GenerationResult> generated
        = network.caption(*visual, model::GenerationParams::beam(g.beamSize, g.minLength, g.maxLength));
    if (!generated)
        return generated.error();
    const std::vector<int64_t> ids = generated->items.at(0).at(0).ids;
    Expected<model::TokenAttention> explained = network.explain(*visual, 0, ids, false);
    if (!explained)
        return explained.error();
    AttentionFigure figure;
    figure.caption
        = QString::fromStdString(demo.tokenizer->decode(ids, {.skipSpecialTokens = true})).trimmed();
    const model::VisualGeometry &geo = visual->geometry;
    const int64_t perFrame = geo.gridHeight * geo.gridWidth;
    std::vector<media::RgbImage> rows;
    for (const int start : model::train::wordStartPositions(*demo.tokenizer, ids)) {
        const std::string piece = demo.tokenizer->idToToken(ids[size_t(start)]);
        if (!isShapeWord(piece) || start < 1)
            continue;
        const at::Tensor map = explained->crossAttention[start - 1].mean(at::IntArrayRef {0, 1}).contiguous();
        std::vector<media::RgbImage> frames;
        for (int64_t t = 0; t < geo.frames && t < int64_t(in->media.frames.size()); ++t) {
            const at::Tensor cells = map.narrow(0, 1 + t * perFrame, perFrame);
            const std::vector<float> grid(cells.data_ptr<float>(), cells.data_ptr<float>() + perFrame);
            Expected<media::RgbImage> shown = media::overlayHeatmap(
                in->media.frames[size_t(t)].image, grid, int(geo.gridHeight), int(geo.gridWidth));
            if (!shown)
                return shown.error();
            frames.push_back(*shown);
        }
        rows.push_back(media::makeFilmstrip(frames, frameHeight));
        figure.words << QString::fromStdString(piece.substr(3));
    }
    if (rows.empty())
        return makeError(ErrorCode::InvalidArgument,
            DemoAttentionFigureText::tr("the caption \"%1\" names no shape")
                .arg(figure.caption)
                .toStdString());
    figure.image = stack(rows, 6);
    return figure;
}

} // namespace mplug2::app
