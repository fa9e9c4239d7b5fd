#pragma once
/// Names "these weights, seeing media this way, computing in this number
/// format" for the catalog: embeddings made under one model key are
/// comparable with each other and with that model's text embeddings, and
/// with nothing else. The key comes from the checkpoint's content, not from
/// the bundle's id, so that importing the same file again under another name
/// finds the index it already has; and it carries the precision, so that
/// fp32 and bf16 embeddings never share a space.
///
///     Expected<QString> key = modelKey(bundle, Precision::Fp32);  // "3f9a0c12d4e5-r224-f16-fp32"
///     Expected<QString> same = modelKey(engine.currentModel().value());

#include "app/bundle/modelbundle.h"
#include "app/engine/devicechoice.h"
#include "app/engine/modelinfo.h"
#include "base/expected.h"

#include <QString>

#include <optional>

namespace mplug2::app {

/// `<12 hex digits of the checkpoint's sample hash>-r<image_res>-f<num_frames>-<precision>`.
/// `Precision::Auto` counts as fp32 (what Auto is on the CPU); resolve it
/// with DeviceChoice::effectivePrecision() first where the device matters.
Expected<QString> modelKey(const ModelBundle &bundle, Precision precision);
/// The key of a loaded model, in the precision it was loaded with.
Expected<QString> modelKey(const ModelInfo &model);

/// The precision a key names; nullopt for a key of another form.
std::optional<Precision> precisionOfModelKey(const QString &key);
/// The key without its precision: two keys that agree here are the same
/// weights and input settings.
QString modelKeyWithoutPrecision(const QString &key);

/// The key an index written before the precision was part of it holds
/// (`<bundle id>@<hash>-r<res>-f<frames>`), in today's form with fp32, the
/// precision those embeddings were made in on the CPU; nullopt for a key
/// already in today's form or of no known form.
std::optional<QString> upgradedModelKey(const QString &oldKey);

} // namespace mplug2::app
