#include "model/bench/captionbenchmark.h"

#include "model/config/configinference.h"
#include "model/generation/beamsearch.h"
#include "model/modules/mplug2model.h"
#include "model/mplug2.h"
#include "model/runtime/exceptiontext.h"
#include "model/runtime/memorystats.h"
#include "model/runtime/stagetimer.h"

#include <torch/torch.h>
#include <vector>

namespace mplug2::model {

namespace {

Expected<Mplug2Config> configNamed(const std::string &name)
{
    if (name == "tiny")
        return tinyConfig();
    if (name == "base")
        return baseConfig();
    if (name == "large")
        return largeConfig();
    return makeError(ErrorCode::InvalidArgument, "unknown config '" + name + "' (tiny, base or large)");
}

/// The architecture fields that the weights' shapes determine.
bool sameShapes(const Mplug2Config &a, const Mplug2Config &b)
{
    const auto bert = [](const BertConfig &c) {
        return std::vector<int64_t> {c.vocabSize, c.hiddenSize, c.numAttentionHeads, c.intermediateSize,
            c.maxPositionEmbeddings, c.encoderWidth, c.textEncoderLayers, c.fusionLayers, c.textDecodeLayers,
            c.strideLayer, c.numUniLayer};
    };
    const auto rest = [](const Mplug2Config &c) {
        return std::vector<int64_t> {c.vision.width, c.vision.layers, c.vision.heads, c.vision.patchSize,
            c.vision.imageRes, c.clipText.vocabSize, c.clipText.width, c.clipText.heads, c.clipText.layers,
            c.clipText.contextLength, c.embedDim, c.numLatents};
    };
    return bert(a.bert) == bert(b.bert) && rest(a) == rest(b);
}

/// A released checkpoint comes without configs: the benchmark's random model
/// must be one that inferConfig() rebuilds from its shapes alone.
Expected<void> checkInferable(Mplug2ModelImpl &net, const Mplug2Config &config)
{
    StateDict weights;
    for (const auto &item : net.named_parameters())
        weights[item.key()] = item.value();
    auto inferred = inferConfig(weights);
    if (!inferred)
        return inferred.error();
    if (!sameShapes(*inferred, config))
        return makeError(
            ErrorCode::Internal, "the config inferred from the random model's shapes differs from it");
    return {};
}

Expected<CaptionRunTimes> timeCaption(
    Mplug2 &model, const at::Tensor &pixels, const CaptionBenchmarkParams &p, bool useCache)
{
    const auto device = torchDevice(p.target);
    GenerationParams g
        = GenerationParams::beam(p.beam, p.steps > 0 ? p.steps : 1, p.steps > 0 ? p.steps : p.maxLength, 1);
    g.useCache = useCache;
    // The stages one by one on the network, so that each gets its wall and CPU time.
    try {
        c10::InferenceMode inference;
        Mplug2ModelImpl &net = model.network();
        const auto x = pixels.to(device, torchDtype(p.target.precision));
        resetPeakMemory(device);
        CaptionRunTimes t;
        StageTimer timer(device);
        const auto tokens = net.visualTokens(x);
        t.visualMs = timer.lap();
        t.visualCpuMs = timer.lastCpuMs();
        const auto embeds = net.universalEmbeds(net.projectVisual(tokens));
        t.universalMs = timer.lap();
        t.universalCpuMs = timer.lastCpuMs();
        const auto mask = torch::ones({embeds.size(0), embeds.size(1)}, embeds.options().dtype(at::kLong));
        const auto result = beamSearch(*net.text_decoder, embeds, mask, g);
        t.decodeMs = timer.lap();
        t.decodeCpuMs = timer.lastCpuMs();
        t.totalMs = t.visualMs + t.universalMs + t.decodeMs;
        t.totalCpuMs = t.visualCpuMs + t.universalCpuMs + t.decodeCpuMs;
        t.steps = result.steps;
        t.tokensPerSecond
            = t.decodeMs > 0 ? 1000.0 * static_cast<double>(t.steps * p.batch) / t.decodeMs : 0.0;
        t.peakBytes = peakMemoryBytes(device);
        return t;
    } catch (const std::exception &e) {
        return makeError(ErrorCode::Internal, "benchmark run failed: " + exceptionText(e));
    }
}

} // namespace

Expected<CaptionBenchmarkReport> runCaptionBenchmark(
    const CaptionBenchmarkParams &p, const std::function<void(const std::string &)> &progress)
{
    auto config = configNamed(p.config);
    if (!config)
        return config.error();
    if (p.frames < 1 || p.frames > 64 || p.batch < 1 || p.batch > 16 || p.beam < 1 || p.beam > 16
        || p.maxLength < 1 || p.maxLength > 200 || p.steps < 0 || p.steps > 200)
        return makeError(ErrorCode::InvalidArgument,
            "bench limits: frames 1-64, batch 1-16, beam 1-16, max-len and steps up to 200");
    const auto say = [&](const std::string &line) {
        if (progress)
            progress(line);
    };
    CaptionBenchmarkReport report;
    report.params = p;
    report.threads = at::get_num_threads();
    torch::manual_seed(p.seed);
    say("building a random " + p.config + " model on " + p.target.device + " ("
        + precisionName(p.target.precision) + ")");
    StageTimer buildTimer(c10::Device(c10::kCPU));
    auto model = Mplug2::create(*config, p.target);
    if (!model)
        return model.error();
    report.buildMs = buildTimer.lap();
    if (p.config != "tiny") {
        if (auto inferable = checkInferable((*model)->network(), *config); !inferable)
            return inferable.error();
        report.configInferred = true;
    }
    for (const auto &t : (*model)->network().uniqueParameters())
        report.parameters += t.numel();
    const int64_t res = config->vision.imageRes;
    const auto pixels = torch::randn({p.batch, 3, p.frames, res, res});
    const auto geometry = (*model)->network().visual_encoder->visual->geometryFor(p.frames, res, res);
    report.visualTokens = 1 + geometry.frames * geometry.gridHeight * geometry.gridWidth;

    for (int64_t i = 0; i < p.warmupRuns; ++i) {
        say("warm-up run " + std::to_string(i + 1));
        if (auto warm = timeCaption(**model, pixels, p, true); !warm)
            return warm.error();
    }
    say("captioning with the decoder cache");
    auto cached = timeCaption(**model, pixels, p, true);
    if (!cached)
        return cached.error();
    report.cached = *cached;

    {
        // The QA-only stages, for completeness of the per-stage picture.
        auto visual = (*model)->encodeVisual(pixels.narrow(0, 0, 1));
        if (!visual)
            return visual.error();
        auto ids = torch::randint(1000, 2000, {1, 12}, at::kLong);
        ids[0][0] = 101;
        auto question = (*model)->encodeQuestion(*visual, ids, torch::ones_like(ids));
        if (!question)
            return question.error();
        report.textFusionMs = question->times.textMs + question->times.fusionMs;
    }

    if (p.baseline) {
        say("captioning the official way (no cache)");
        auto official = timeCaption(**model, pixels, p, false);
        if (!official)
            return official.error();
        report.official = *official;
    }
    return report;
}

} // namespace mplug2::model
