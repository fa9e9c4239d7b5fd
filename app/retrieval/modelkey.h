#pragma once
/// Names "these weights, seeing media this way" for the catalog: embeddings
/// made by one model key are comparable with each other and with that
/// model's text embeddings, and with nothing else. The key changes when the
/// checkpoint's content, the input resolution or the frame count changes.
///
///     Expected<QString> key = modelKey(bundle);  // "demo@3f9a0c12d4e5-r224-f16"

#include "app/bundle/modelbundle.h"
#include "base/expected.h"

#include <QString>

namespace mplug2::app {

/// `<bundle id>@<12 hex digits of the checkpoint's sample hash>-r<image_res>-f<num_frames>`.
Expected<QString> modelKey(const ModelBundle &bundle);

} // namespace mplug2::app
