#include "app/export/attentionrenderer.h"

#include "app/engine/imageconversion.h"
#include "app/export/attentioncolourscale.h"
#include "media/render/heatmapoverlay.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace mplug2::app {

namespace {

struct AttentionRendererText {
    Q_DECLARE_TR_FUNCTIONS(Export)
};

} // namespace

Expected<std::vector<media::RgbImage>> resultFrames(const EngineResult &result)
{
    if (result.frames.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
            AttentionRendererText::tr("%1: the result holds no frames (ask for them with the request)")
                .arg(result.media)
                .toStdString());
    std::vector<media::RgbImage> frames;
    for (const QImage &f : result.frames)
        frames.push_back(toRgbImage(f));
    return frames;
}

Expected<void> checkAttentionInput(const ExportInput &input)
{
    if (input.results.isEmpty())
        return makeError(
            ErrorCode::InvalidArgument, AttentionRendererText::tr("nothing to export").toStdString());
    for (const EngineResult &r : input.results) {
        if (!r.attention
            || (!r.attention->hasCrossAttention() && !r.attention->hasGradCam()
                && !r.attention->hasOcclusion()))
            return makeError(ErrorCode::InvalidArgument,
                AttentionRendererText::tr(
                    "%1: the result holds no attention maps (ask for them with the request)")
                    .arg(r.media)
                    .toStdString());
        if (r.frames.size() != r.attention->geometry.frames)
            return makeError(ErrorCode::InvalidArgument,
                AttentionRendererText::tr(
                    "%1: the result holds %2 frames for %3 attention maps (ask for the frames "
                    "with the request)")
                    .arg(r.media)
                    .arg(r.frames.size())
                    .arg(r.attention->geometry.frames)
                    .toStdString());
    }
    return {};
}

AttentionMethod shownAttentionMethod(const AttentionMaps &maps, const AttentionExportOptions &options)
{
    for (const AttentionMethod m : {options.method, AttentionMethod::CrossAttention, AttentionMethod::GradCam,
             AttentionMethod::Occlusion}) {
        if (maps.has(m))
            return m;
    }
    return options.method;
}

Expected<std::vector<media::RgbImage>> renderAttentionFrames(
    const EngineResult &result, const AttentionExportOptions &options, int token)
{
    Expected<std::vector<media::RgbImage>> overlays = renderAttentionOverlays(result, options, token);
    if (!overlays)
        return overlays.error();
    const AttentionMethod method = shownAttentionMethod(*result.attention, options);
    for (media::RgbImage &overlay : *overlays)
        overlay = withColourScale(overlay, options.colormap, method);
    return overlays;
}

Expected<std::vector<media::RgbImage>> renderAttentionOverlays(
    const EngineResult &result, const AttentionExportOptions &options, int token)
{
    if (Expected<void> ok = checkAttentionInput(ExportInput {{result}, options, {}}); !ok)
        return ok.error();
    const AttentionMaps &maps = *result.attention;
    const AttentionMethod method = shownAttentionMethod(maps, options);
    const AttentionGrid grid = token < 0 ? maps.meanGrid(method, options.layer, options.head)
                                         : maps.grid(method, token, options.layer, options.head);
    if (grid.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
            AttentionRendererText::tr("%1: no attention map for token %2, layer %3, head %4")
                .arg(result.media)
                .arg(token)
                .arg(options.layer)
                .arg(options.head)
                .toStdString());
    const float peak = std::max(grid.maxValue(), 1e-12f);
    const qsizetype cells = qsizetype(grid.height) * grid.width;
    media::HeatmapStyle style;
    style.colormap = colormapNamed(options.colormap);
    style.alpha = float(std::clamp(options.opacity, 0.0, 1.0));
    style.normalize = false;
    std::vector<media::RgbImage> out;
    for (int f = 0; f < grid.frames; ++f) {
        std::vector<float> cellsOfFrame(static_cast<size_t>(cells));
        for (qsizetype i = 0; i < cells; ++i)
            cellsOfFrame[size_t(i)] = grid.values.at(f * cells + i) / peak;
        Expected<media::RgbImage> shown = media::overlayHeatmap(
            toRgbImage(result.frames.at(f)), cellsOfFrame, grid.height, grid.width, style);
        if (!shown)
            return shown.error();
        out.push_back(std::move(*shown));
    }
    return out;
}

QString tokenFileName(const QString &token)
{
    QString name = token.toLower();
    name.remove(QStringLiteral("##"));
    static const QRegularExpression unsafe(
        QStringLiteral("[^\\w-]+"), QRegularExpression::UseUnicodePropertiesOption);
    name.replace(unsafe, QStringLiteral("_"));
    name = name.left(40);
    while (name.startsWith(u'_'))
        name.remove(0, 1);
    while (name.endsWith(u'_'))
        name.chop(1);
    return name.isEmpty() ? QStringLiteral("token") : name;
}

} // namespace mplug2::app
