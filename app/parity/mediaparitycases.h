#pragma once
/// The media cases of a fixture folder (kinds frame_indices,
/// video_transform, image_transform), run through media/ exactly as the app
/// feeds the model and compared with the official outputs
/// (media/expected_media.pth, media/media.json). The app's `mplug2 parity`
/// registers these next to the model library's own kinds.
///
///     auto manifest = json::parseFile(dir + "/cases.json");
///     for (const auto &entry : (*manifest)["cases"].items())
///         if (isMediaParityKind(entry["kind"].asString()))
///             print(runMediaParityCase(dir, entry, tolerance));

#include "base/json/json.h"

#include <functional>
#include <string>

namespace mplug2::app {

struct MediaCaseResult {
    std::string id;
    bool passed = false;
    double worstDiff = 0.0;
    std::string worstKey;
    std::string message; ///< failure reasons, empty when passed
    int checks = 0;
};

/// Absolute tolerance for an expected tensor key (the fixture set's rules).
using ToleranceLookup = std::function<double(const std::string &key)>;

bool isMediaParityKind(const std::string &kind);

/// Runs one media case; `fixtureDir` holds cases.json. Never throws.
MediaCaseResult runMediaParityCase(
    const std::string &fixtureDir, json::View entry, const ToleranceLookup &tolerance);

} // namespace mplug2::app
