#pragma once
#include <QStringList>

namespace mplug2::app {
/// `mplug2 inspect FILE [--json] [--keys]`: format, top-level entries, key
/// groups with counts and bytes, dtypes, and what loading ignores and why;
/// reads no tensor data.
int runInspectCommand(const QStringList &args);

/// `mplug2 convert IN OUT.safetensors [--dtype fp16|bf16|fp32]`: writes the
/// inference weights (normalised keys, no optimizer or momentum copies).
int runConvertCommand(const QStringList &args);
} // namespace mplug2::app
