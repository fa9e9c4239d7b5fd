#pragma once
/// Writes tensors as a .safetensors file (8-byte header length, JSON header
/// padded to 8 bytes, tensors' bytes in name order), optionally casting
/// floating-point tensors (fp16/bf16/fp32). A tensor that is the very same
/// view as an earlier one (tied weights) is stored once and named in the
/// metadata as "mplug2.tied.<name>": "<stored name>"; our reader restores it
/// (safetensors itself cannot share bytes between tensors). Writes to "<path>.partial" and
/// renames at the end, so a failed or interrupted write never leaves a
/// half-written file under the real name.
///
///     SafetensorsWriteOptions options;
///     options.floatingType = ElementType::Float16;
///     if (auto ok = writeSafetensors(weights, "model.safetensors", options); !ok) ...

#include "base/expected.h"
#include "model/checkpoint/elementtype.h"
#include "model/checkpoint/statedict.h"

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace mplug2::model {

struct SafetensorsWriteOptions {
    /// Cast every floating-point tensor to this type (integers stay as they are).
    std::optional<ElementType> floatingType;
    /// String pairs for the "__metadata__" header entry.
    std::vector<std::pair<std::string, std::string>> metadata;
    /// Called after each tensor with (tensors written, total); return false to cancel.
    std::function<bool(std::size_t, std::size_t)> progress;
};

Expected<void> writeSafetensors(
    const StateDict &tensors, const std::string &path, const SafetensorsWriteOptions &options = {});

} // namespace mplug2::model
