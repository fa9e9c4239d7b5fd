#pragma once
/// PNG export of a single picture (a frame, a filmstrip, an overlay).
///
///     if (auto ok = writePng(overlay, "/tmp/attention.png"); !ok)
///         std::cerr << ok.error().message << '\n';
///
/// The file appears only when complete: bytes go to "<path>.part", which is
/// renamed at the end, so a failure never leaves half a file under the name.

#include "base/expected.h"
#include "media/core/rgbimage.h"

#include <string>
#include <vector>

namespace mplug2::media {

Expected<std::vector<uint8_t>> encodePng(const RgbImage &image);
Expected<void> writePng(const RgbImage &image, const std::string &path);

/// Writes bytes to "<path>.part" and renames it to `path`.
Expected<void> writeFileAtomically(const std::string &path, const std::vector<uint8_t> &bytes);

} // namespace mplug2::media
