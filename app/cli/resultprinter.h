#pragma once
/// How task commands print results on stdout: with --json one compact JSON
/// object per media item and line (resultjson.h), otherwise a line per
/// media item ("clip.mp4: a man is cooking"), or numbered alternatives with
/// their scores when there are several.
///
///     printResult(result, json);

#include "app/engine/engineresult.h"
#include "app/engine/resultjson.h"

namespace mplug2::app {

void printResult(const EngineResult &result, bool json, const ResultJsonOptions &options = {});

} // namespace mplug2::app
