#pragma once
/// Versions of the media libraries linked into this build (for About boxes,
/// `--version` and bug reports).
///
///     for (const auto &lib : mplug2::media::mediaLibraryVersions())
///         std::cout << lib.name << ' ' << lib.version << '\n';

#include <string>
#include <vector>

namespace mplug2::media {

struct LibraryVersion {
    std::string name; ///< e.g. "libavcodec"
    std::string version; ///< e.g. "59.37.100"
    std::string license; ///< as the library reports it, e.g. "LGPL version 2.1 or later"
};

std::vector<LibraryVersion> mediaLibraryVersions();

} // namespace mplug2::media
