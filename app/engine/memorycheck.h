#pragma once
/// Will a model fit before it is built? The estimate (model/memoryestimate.h)
/// for the chosen device, precision and frames, against what is free now
/// (MemAvailable, or the free memory of the CUDA device). When it does not
/// fit, the error names the need and what is free, and offers what would
/// fit: a lower precision, fewer frames.
///
///     MemoryCheck check = checkMemory(config, device, frames, model::availableMemoryBytes(false));
///     if (!check.fits()) return makeError(ErrorCode::OutOfMemory, check.message(bundle.name).toStdString());

#include "app/bundle/modelbundle.h"
#include "app/engine/devicechoice.h"
#include "base/expected.h"
#include "model/memoryestimate.h"

#include <QString>
#include <QStringList>

namespace mplug2::app {

struct MemoryCheck {
    model::Mplug2Config config; ///< what the estimate is for
    model::MemoryEstimate need;
    qint64 available = -1; ///< -1: unknown (then it always fits)
    DeviceChoice device;
    int frames = 0;
    /// What would fit instead, for people: "bf16 (2.2 GB)", "8 frames (2.4 GB)".
    QStringList alternatives;

    bool fits() const { return available < 0 || need.total() + model::kMemoryMargin <= available; }
    /// "mPLUG-2 Large needs about 6.1 GB in fp32 (weights 5.9 GB, 0.2 GB for 16 frames), but 4.0 GB is free…"
    QString message(const QString &modelName) const;
};

/// `available` is injected (tests), usually model::availableMemoryBytes(...).
MemoryCheck checkMemory(
    const model::Mplug2Config &config, const DeviceChoice &device, int frames, qint64 available);

/// The check for a bundle on `device`: the configuration comes from its
/// checkpoint's tensor shapes and its overrides (no tensor data is read),
/// the frames from the bundle. Errors: the checkpoint cannot be read or is
/// not an mPLUG-2 model.
Expected<MemoryCheck> checkBundleMemory(
    const ModelBundle &bundle, const DeviceChoice &device, qint64 available);

/// How many media of `frames` frames the visual encoder may take in one
/// batch: the most, up to `most`, whose working memory beyond what one
/// medium needs fits in `available` (less the margin). 1 when nothing more
/// fits or `available` is unknown (-1).
int visualBatchFor(
    const model::Mplug2Config &config, const DeviceChoice &device, int frames, qint64 available, int most);

/// "2.2 GB", "512 MB".
QString formatMemory(qint64 bytes);

} // namespace mplug2::app
