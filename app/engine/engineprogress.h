#pragma once
/// Progress of a running request, by stage, for a status bar or a progress
/// dialog. `step` of `total` counts what the stage counts (frames decoded,
/// tokens generated, windows captioned); total 0 means "unknown". A dense
/// caption's every report also says which window it is in (`window` of
/// `windows`), so that its progress counts windows, not the tokens of one.
///
///     handle.onProgress(this, [bar](const EngineProgress &p) {
///         bar->setFormat(progressText(p));     // "Window 3/35 · Generating text"
///         bar->setRange(0, p.windows > 0 ? p.windows : p.total);
///         bar->setValue(p.windows > 0 ? p.windowsDone() : p.step);
///     });

#include "app/engine/enginerequest.h"

#include <QMetaType>
#include <QString>

#include <algorithm>

namespace mplug2::app {

enum class EngineStage {
    LoadingModel, ///< reading weights, building the model (step = weights loaded)
    DecodingMedia, ///< opening the file and decoding frames (step = frames)
    EncodingVisual, ///< visual encoder and universal layers (step = layers)
    EncodingText, ///< question encoder and fusion
    Generating, ///< decoding tokens (step = token k of max length)
    Ranking, ///< scoring candidates or labels (step = candidate)
    Attention, ///< attention capture and Grad-CAM (step = token)
    Windows, ///< dense caption: window k of n (the inner stages report too)
};

/// For people, translated: "Decoding frames", "Generating text", ...
QString stageDescription(EngineStage stage);
/// Stable name for logs and JSON: "loading-model", "decoding-media", ...
QString stageName(EngineStage stage);

struct EngineProgress {
    RequestId id = 0;
    EngineStage stage = EngineStage::DecodingMedia;
    int step = 0;
    int total = 0;
    /// While generating: the best hypothesis so far (may be empty).
    QString partialText;
    /// DenseCaption: the window being captioned (1 = the first) of `windows`;
    /// both 0 for every other request. The last report has window == windows
    /// and stage Windows with step == total.
    int window = 0;
    int windows = 0;

    /// Windows finished (DenseCaption), for a progress bar over `windows`.
    int windowsDone() const
    {
        return stage == EngineStage::Windows && total > 0 && step >= total ? windows
                                                                           : std::max(0, window - 1);
    }
};

/// One line for people, translated: "Window 3/35 · Generating text" for a
/// dense caption, else the stage and its count ("Generating text 2/12").
QString progressText(const EngineProgress &progress);

} // namespace mplug2::app

Q_DECLARE_METATYPE(mplug2::app::EngineProgress)
