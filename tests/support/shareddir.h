#pragma once
/// Where the shared fixtures and vocabularies are: $MPLUG2_SHARED_DIR when
/// set, else the folder CMake was told about (../shared beside the source
/// tree). Qt-free, so core-only tools can use it too.
///
///     const std::string dir = mplug2::test::sharedDir();
///     if (dir.empty()) QSKIP(mplug2::test::sharedMissingReason().c_str());

#include <cstdlib>
#include <filesystem>
#include <string>

namespace mplug2::test {

inline std::string sharedDir()
{
    const char *env = std::getenv("MPLUG2_SHARED_DIR");
    const std::string dir = (env && *env) ? env : MPLUG2_SHARED_DIR_DEFAULT;
    std::error_code ec;
    if (std::filesystem::is_directory(std::filesystem::path(dir) / "fixtures", ec))
        return dir;
    return {};
}

/// In CI (CI=true) the shared folder is always there, so its absence is a failure, not a skip.
inline bool sharedRequired()
{
    const char *ci = std::getenv("CI");
    return ci && std::string(ci) == "true";
}

inline std::string sharedMissingReason()
{
    return std::string("shared fixtures not found (set MPLUG2_SHARED_DIR; looked in ")
        + MPLUG2_SHARED_DIR_DEFAULT + ")";
}

} // namespace mplug2::test
