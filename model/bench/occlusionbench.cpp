#include "model/bench/occlusionbench.h"

#include "base/json/json.h"
#include "model/bench/commandline.h"
#include "model/config/mplug2config.h"
#include "model/mplug2.h"
#include "model/tasks/occlusionmap.h"

#include <chrono>
#include <iostream>
#include <torch/torch.h>

namespace mplug2::model {

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

} // namespace

int runOcclusionBenchCommand(int argc, char **argv)
{
    CommandLine cl(argc, argv, 2);
    for (const char *name : {"config", "frames", "text-length", "token", "masks", "batch", "max-masks"})
        cl.declareValue(name);
    for (const char *name : {"json", "no-map", "help"})
        cl.declareFlag(name);
    if (const auto err = cl.parse(); !err.empty()) {
        std::cerr << "mplug2-bench occlusion: " << err << '\n';
        return 2;
    }
    if (cl.has("help")) {
        std::cout
            << "Usage: mplug2-bench occlusion [--config tiny|base|large] [--frames N] [--text-length L]\n"
               "       [--token T] [--masks sliding|random] [--batch B] [--max-masks M] [--no-map] [--json]\n"
               "Time one occlusion map of token T of a random L-token text on a random-weight model\n"
               "(default: base, 8 frames, 12 tokens, the last word).\n";
        return 0;
    }
    bool ok = true;
    const std::string configName = cl.value("config", "base");
    const int64_t frames = cl.intValue("frames", 8, &ok);
    const int64_t length = cl.intValue("text-length", 12, &ok);
    const int64_t token = cl.intValue("token", length - 2, &ok);
    OcclusionParams params = OcclusionParams::defaultParams();
    params.batch = cl.intValue("batch", params.batch, &ok);
    params.maxMasks = cl.intValue("max-masks", params.maxMasks, &ok);
    const std::string masks = cl.value("masks", "sliding");
    if (!ok || frames < 1 || frames > 64 || length < 2 || length > 64 || token < 0 || token >= length - 1
        || params.batch < 1 || (masks != "sliding" && masks != "random")) {
        std::cerr << "mplug2-bench occlusion: frames 1-64, text-length 2-64, token below text-length - 1, "
                     "batch >= 1, masks sliding or random\n";
        return 2;
    }
    params.masks = masks == "random" ? OcclusionMasks::Random : OcclusionMasks::Sliding;
    params.tokens = {token};
    const Mplug2Config config = configName == "tiny" ? tinyConfig()
        : configName == "large"                      ? largeConfig()
                                                     : baseConfig();
    if (configName != "tiny" && configName != "base" && configName != "large") {
        std::cerr << "mplug2-bench occlusion: --config is tiny, base or large\n";
        return 2;
    }
    auto model = Mplug2::create(config);
    if (!model) {
        std::cerr << "mplug2-bench occlusion: " << model.error().message << '\n';
        return 1;
    }
    torch::manual_seed(0);
    const int64_t res = config.vision.imageRes;
    const at::Tensor pixels = torch::randn({1, 3, frames, res, res});
    auto start = Clock::now();
    const Expected<VisualFeatures> visual = (*model)->encodeVisual(pixels);
    if (!visual) {
        std::cerr << "mplug2-bench occlusion: " << visual.error().message << '\n';
        return 1;
    }
    const double visualMs = msSince(start);
    std::vector<int64_t> ids {kStartTokenId};
    for (int64_t i = 1; i < length - 1; ++i)
        ids.push_back(1000 + (i * 7919) % 20000);
    ids.push_back(kEndTokenId);
    double mapMs = 0;
    int64_t maskCount = 0;
    if (!cl.has("no-map")) {
        params.progress = [&](int64_t, int64_t total) {
            maskCount = total - 1;
            return true;
        };
        start = Clock::now();
        const Expected<at::Tensor> map = occlusionMaps(**model, *visual, 0, ids, params);
        mapMs = msSince(start);
        if (!map) {
            std::cerr << "mplug2-bench occlusion: " << map.error().message << '\n';
            return 1;
        }
    }
    const VisualGeometry &g = visual->geometry;
    if (cl.has("json")) {
        json::Json out = json::Json::object();
        out["config"] = configName;
        out["frames"] = g.frames;
        out["grid"] = g.gridHeight;
        out["visual_tokens"] = g.tokens();
        out["text_length"] = length;
        out["token"] = token;
        out["masks"] = maskCount;
        out["visual_ms"] = visualMs;
        out["map_ms"] = mapMs;
        std::cout << json::dump(out) << '\n';
    } else {
        std::cout << configName << ": " << g.frames << " frames of " << g.gridHeight << "x" << g.gridWidth
                  << " patches, token " << token << " of " << length << ": visual encode " << visualMs
                  << " ms, occlusion map " << mapMs << " ms (" << maskCount << " masks)\n";
    }
    return 0;
}

} // namespace mplug2::model
