#pragma once
/// Progress of a running request, by stage, for a status bar or a progress
/// dialog. `step` of `total` counts what the stage counts (frames decoded,
/// tokens generated, windows captioned); total 0 means "unknown".
///
///     handle.onProgress(this, [bar](const EngineProgress &p) {
///         bar->setFormat(stageDescription(p.stage));
///         bar->setRange(0, p.total);
///         bar->setValue(p.step);
///     });

#include "app/engine/enginerequest.h"

#include <QMetaType>
#include <QString>

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
};

} // namespace mplug2::app

Q_DECLARE_METATYPE(mplug2::app::EngineProgress)
