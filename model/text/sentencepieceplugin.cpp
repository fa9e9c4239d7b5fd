#include "model/text/sentencepieceplugin.h"

#include "base/installlayout.h"

#include <cstdlib>
#include <dlfcn.h>
#include <mutex>

namespace mplug2::model::text {

namespace {

Expected<const Mplug2SpmApi *> openPlugin()
{
#ifdef MPLUG2_NO_DEEPBIND
    return makeError(ErrorCode::Unsupported,
        "SentencePiece is not available in sanitizer builds: AddressSanitizer does not support "
        "RTLD_DEEPBIND, which keeps SentencePiece's protobuf apart from LibTorch's");
#else
    std::string tried;
    std::string lastError;
    for (const std::filesystem::path &candidate : sentencePiecePluginCandidates()) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(candidate, ec)) {
            tried += "\n  " + candidate.string() + " (not there)";
            continue;
        }
        void *handle = dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND);
        if (!handle) {
            const char *why = dlerror();
            tried += "\n  " + candidate.string() + " (" + (why ? why : "dlopen failed") + ")";
            continue;
        }
        using Entry = const Mplug2SpmApi *(*)(int);
        const auto entry = reinterpret_cast<Entry>(dlsym(handle, "mplug2_sentencepiece_api"));
        const Mplug2SpmApi *api = entry ? entry(MPLUG2_SPM_API_VERSION) : nullptr;
        if (!api) {
            tried += "\n  " + candidate.string() + " (not a plug-in of this version)";
            dlclose(handle);
            continue;
        }
        // Kept open for the life of the process: models point into it.
        return api;
    }
    return makeError(ErrorCode::NotFound,
        std::string("the SentencePiece plug-in ") + kSentencePiecePluginFile
            + " was not found; build it (it needs libsentencepiece-dev) or set " + kSentencePiecePluginEnv
            + " to its path. Tried:" + tried);
#endif
}

} // namespace

std::vector<std::filesystem::path> sentencePiecePluginCandidates()
{
    std::vector<std::filesystem::path> candidates;
    if (const char *env = std::getenv(kSentencePiecePluginEnv); env && *env)
        candidates.emplace_back(env);
    if (const std::filesystem::path dir = pluginDir(); !dir.empty())
        candidates.push_back(dir / kSentencePiecePluginFile);
    return candidates;
}

Expected<const Mplug2SpmApi *> sentencePieceApi()
{
    static std::once_flag once;
    static Expected<const Mplug2SpmApi *> result = makeError(ErrorCode::Internal, "not opened");
    std::call_once(once, [] { result = openPlugin(); });
    return result;
}

} // namespace mplug2::model::text
