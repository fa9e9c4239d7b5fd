#pragma once
/// Draws a result's attention over the frames the model saw, for the image
/// exporters and the HTML report: the chosen map (a token, or the mean of
/// all tokens) is scaled by its largest value over every frame, so the
/// frames compare with each other, then colour-mapped and blended by
/// media/'s heatmap overlay. The figures carry their colour scale under the
/// picture (attentioncolourscale.h); the bare overlays are for pictures that
/// show one scale for many frames, like the contact sheet.
///
///     auto frames = renderAttentionFrames(result, options, /*token*/ 2);
///     if (!frames) return frames.error();   // no attention or no frames in the result

#include "app/engine/engineresult.h"
#include "app/export/exporter.h"
#include "base/expected.h"
#include "media/core/rgbimage.h"

#include <vector>

namespace mplug2::app {

/// One figure per sampled frame for `token` (-1: the mean of all tokens):
/// the overlay with the colour scale under it.
Expected<std::vector<media::RgbImage>> renderAttentionFrames(
    const EngineResult &result, const AttentionExportOptions &options, int token);

/// The overlays alone, as large as the frames.
Expected<std::vector<media::RgbImage>> renderAttentionOverlays(
    const EngineResult &result, const AttentionExportOptions &options, int token);

/// The method drawn for `options`: the one asked for, else the first one the maps hold.
AttentionMethod shownAttentionMethod(const AttentionMaps &maps, const AttentionExportOptions &options);

/// The result's sampled frames as media pictures (no overlay).
Expected<std::vector<media::RgbImage>> resultFrames(const EngineResult &result);

/// The results that carry attention maps and frames, or an error saying
/// how to get them.
Expected<void> checkAttentionInput(const ExportInput &input);

/// A file-name-safe form of a token ("##ing" -> "ing", "[SEP]" -> "sep").
QString tokenFileName(const QString &token);

} // namespace mplug2::app
