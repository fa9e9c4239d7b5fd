#pragma once
/// Finds and opens libmplug2_sentencepiece.so (see sentencepieceapi.h for
/// why SentencePiece lives in a plug-in) with
/// dlopen(RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND), once per process.
///
/// Where it looks, in order: $MPLUG2_SENTENCEPIECE_PLUGIN (a file), then
/// mplug2::pluginDir() (lib/mplug2-studio/plugins beside the program's bin/,
/// in the build tree and installed alike; base/installlayout.h).
///
///     Expected<const Mplug2SpmApi *> api = sentencePieceApi();
///     if (!api) std::cerr << api.error().message;   // says where it looked
///
/// Thread-safe.

#include "base/expected.h"
#include "model/text/sentencepieceapi.h"

#include <filesystem>
#include <vector>

namespace mplug2::model::text {

inline constexpr const char *kSentencePiecePluginEnv = "MPLUG2_SENTENCEPIECE_PLUGIN";
inline constexpr const char *kSentencePiecePluginFile = "libmplug2_sentencepiece.so";

/// The places sentencePieceApi() tries, in order.
std::vector<std::filesystem::path> sentencePiecePluginCandidates();

/// The plug-in's table (opened on first use), or why it cannot be had.
Expected<const Mplug2SpmApi *> sentencePieceApi();

} // namespace mplug2::model::text
