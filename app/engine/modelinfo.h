#pragma once
/// The model the engine has loaded, for the model manager and the CLI.
///
///     connect(&engine, &Engine::modelLoaded, this, [](const ModelInfo &m) {
///         qDebug() << m.name << m.deviceName << m.parameters;
///     });

#include "app/bundle/modelbundle.h"
#include "app/engine/devicechoice.h"

#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace mplug2::app {

struct ModelInfo {
    ModelBundle bundle;
    DeviceChoice device; ///< precision resolved (never Auto)
    QString deviceName; ///< "cpu", "cuda:0 (NVIDIA H100 80GB HBM3)"
    qint64 parameters = 0; ///< weights loaded
    qint64 weightBytes = 0; ///< their size on the device
    /// What loading it and running one request was estimated to need (app/engine/memorycheck.h).
    qint64 estimatedBytes = 0;
    /// The resolved hyper-parameters (official key names), for "inferred config" views.
    QJsonObject config;
    bool clipText = false; ///< CLIP-space text embeddings available (BPE file given)
    bool itcHeads = false; ///< vision_proj / text_proj present: EmbeddingKind::Itc works
    bool itmHead = false; ///< itm_head present: TextScoring::Matching works
    /// The most media the visual encoder takes in one batch for queued
    /// embedding requests (free memory may allow fewer): 1 on the CPU, where
    /// a batch is no faster. Keep this many queued to fill a batch.
    int visualBatch = 1;
    double loadMs = 0;
};

} // namespace mplug2::app

Q_DECLARE_METATYPE(mplug2::app::ModelInfo)
