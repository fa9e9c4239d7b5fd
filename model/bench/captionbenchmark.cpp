#include "model/bench/captionbenchmark.h"

#include "model/bench/benchstats.h"
#include "model/checkpoint/torchsavewriter.h"
#include "model/config/configinference.h"
#include "model/generation/beamsearch.h"
#include "model/memoryestimate.h"
#include "model/modules/mplug2model.h"
#include "model/mplug2.h"
#include "model/runtime/exceptiontext.h"
#include "model/runtime/memorystats.h"
#include "model/runtime/runtimeinfo.h"
#include "model/runtime/stagetimer.h"

#include <algorithm>
#include <cstring>
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

Expected<Mplug2Config> checkedConfig(const CaptionBenchmarkParams &p)
{
    if (p.frames < 1 || p.frames > 64 || p.batch < 1 || p.batch > 16 || p.beam < 1 || p.beam > 16
        || p.maxLength < 1 || p.maxLength > 200 || p.steps < 0 || p.steps > 200)
        return makeError(ErrorCode::InvalidArgument,
            "bench limits: frames 1-64, batch 1-16, beam 1-16, max-len and steps up to 200");
    return configNamed(p.config);
}

CaptionRunTimes medianOf(const std::vector<CaptionRunTimes> &runs)
{
    CaptionRunTimes m;
    const auto of = [&](double CaptionRunTimes::*field) {
        std::vector<double> v;
        for (const auto &r : runs)
            v.push_back(r.*field);
        return median(std::move(v));
    };
    for (auto field : {&CaptionRunTimes::visualMs, &CaptionRunTimes::universalMs, &CaptionRunTimes::decodeMs,
             &CaptionRunTimes::totalMs, &CaptionRunTimes::visualCpuMs, &CaptionRunTimes::universalCpuMs,
             &CaptionRunTimes::decodeCpuMs, &CaptionRunTimes::totalCpuMs, &CaptionRunTimes::tokensPerSecond})
        m.*field = of(field);
    m.steps = runs.empty() ? 0 : runs.front().steps;
    return m;
}

int64_t weightBytes(Mplug2 &model)
{
    int64_t bytes = 0;
    for (const auto &t : model.network().uniqueParameters())
        bytes += t.numel() * static_cast<int64_t>(t.element_size());
    return bytes;
}

int64_t estimateFor(const Mplug2Config &config, const CaptionBenchmarkParams &p)
{
    MemoryPlan plan;
    plan.precision = p.target.precision;
    plan.cuda = p.target.device.rfind("cuda", 0) == 0;
    plan.frames = p.frames;
    plan.batch = p.batch;
    return estimateMemory(config, plan).total();
}

/// What each stage of a caption produced, for comparing precisions.
struct StageOutputs {
    at::Tensor visual; ///< visual tokens, fp32
    at::Tensor universal; ///< image embeds, fp32
    at::Tensor states; ///< image embeds as the decoder reads them
    std::vector<int64_t> topBeam; ///< of the first item

    /// What they hold on `device` (the device whose peak the bench reads).
    int64_t bytesOn(const c10::Device &device) const
    {
        int64_t total = 0;
        for (const at::Tensor *t : {&visual, &universal, &states})
            if (t->defined() && t->device() == device)
                total += t->numel() * static_cast<int64_t>(t->element_size());
        return total;
    }
};

/// One timed caption; with `outputs`, also what its stages produced (kept after the timing).
Expected<CaptionRunTimes> timeCaption(Mplug2 &model, const at::Tensor &pixels,
    const CaptionBenchmarkParams &p, bool useCache, StageOutputs *outputs = nullptr)
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
        // Each stage on the cores free when it starts, as the engine's calls do (runtimeinfo.h).
        followFreeCores();
        const auto tokens = net.visualTokens(x);
        t.visualMs = timer.lap();
        t.visualCpuMs = timer.lastCpuMs();
        followFreeCores();
        const auto embeds = net.universalEmbeds(net.projectVisual(tokens));
        t.universalMs = timer.lap();
        t.universalCpuMs = timer.lastCpuMs();
        const auto mask = torch::ones({embeds.size(0), embeds.size(1)}, embeds.options().dtype(at::kLong));
        followFreeCores();
        const auto result = beamSearch(*net.text_decoder, embeds, mask, g);
        t.decodeMs = timer.lap();
        t.decodeCpuMs = timer.lastCpuMs();
        t.totalMs = t.visualMs + t.universalMs + t.decodeMs;
        t.totalCpuMs = t.visualCpuMs + t.universalCpuMs + t.decodeCpuMs;
        t.steps = result.steps;
        t.tokensPerSecond
            = t.decodeMs > 0 ? 1000.0 * static_cast<double>(t.steps * p.batch) / t.decodeMs : 0.0;
        t.peakBytes = peakMemoryBytes(device);
        if (outputs) {
            outputs->visual = tokens.to(at::kCPU, at::kFloat);
            outputs->universal = embeds.to(at::kCPU, at::kFloat);
            outputs->states = embeds;
            if (!result.items.empty() && !result.items.front().empty())
                outputs->topBeam = result.items.front().front().ids;
        }
        return t;
    } catch (const std::exception &e) {
        return makeError(ErrorCode::Internal, "benchmark run failed: " + exceptionText(e));
    }
}

/// The decoder's log-probabilities (fp32, on the CPU) along `ids` for the first item of `states`.
at::Tensor teacherForcedLogProbs(Mplug2 &model, const at::Tensor &states, const std::vector<int64_t> &ids)
{
    c10::InferenceMode inference;
    const auto first = states.narrow(0, 0, 1);
    const auto tokens
        = torch::tensor(ids, at::TensorOptions().dtype(at::kLong)).to(states.device()).unsqueeze(0);
    const auto mask = torch::ones({1, first.size(1)}, first.options().dtype(at::kLong));
    const auto logits = model.network().text_decoder->forward(tokens, torch::ones_like(tokens), first, mask);
    return at::log_softmax(logits.to(at::kCPU, at::kFloat), -1);
}

double relativeError(const at::Tensor &ours, const at::Tensor &reference)
{
    const double scale = reference.abs().max().item<double>();
    return (ours - reference).abs().max().item<double>() / std::max(scale, 1e-30);
}

} // namespace

Expected<CaptionBenchmarkReport> runCaptionBenchmark(
    const CaptionBenchmarkParams &p, const std::function<void(const std::string &)> &progress)
{
    auto config = checkedConfig(p);
    if (!config)
        return config.error();
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
    report.estimateBytes = estimateFor(*config, p);

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

Expected<std::uint64_t> writeRandomModelCheckpoint(
    const std::string &configName, std::uint64_t seed, const std::string &path)
{
    auto config = configNamed(configName);
    if (!config)
        return config.error();
    torch::manual_seed(seed);
    auto model = Mplug2::create(*config, ComputeTarget {});
    if (!model)
        return model.error();
    TorchSaveWriter writer;
    std::uint64_t bytes = 0;
    // Storages read straight from the parameters: no second copy in memory.
    std::vector<at::Tensor> keep;
    for (const auto &item : (*model)->network().named_parameters(true)) {
        at::Tensor t = item.value().detach().to(at::kFloat).contiguous();
        keep.push_back(t);
        const auto *data = static_cast<const std::uint8_t *>(t.data_ptr());
        const auto storage = writer.addStorage(ElementType::Float32, static_cast<std::uint64_t>(t.numel()),
            [data](std::uint64_t offset, std::span<std::uint8_t> chunk) {
                std::memcpy(chunk.data(), data + offset, chunk.size());
            });
        writer.addTensor("model", item.key(), storage, t.sizes().vec());
        bytes += t.numel() * sizeof(float);
    }
    if (auto written = writer.writeZipFile(path); !written)
        return written.error();
    return bytes;
}

Expected<PrecisionComparison> comparePrecisions(const CaptionBenchmarkParams &p,
    const std::vector<Precision> &precisions, int64_t runs,
    const std::function<void(const std::string &)> &progress)
{
    auto config = checkedConfig(p);
    if (!config)
        return config.error();
    if (precisions.empty() || runs < 1 || runs > 50)
        return makeError(ErrorCode::InvalidArgument, "compare 1 or more precisions over 1 to 50 runs");
    const auto say = [&](const std::string &line) {
        if (progress)
            progress(line);
    };
    PrecisionComparison out;
    out.params = p;
    out.runs = runs;
    out.threads = at::get_num_threads();
    std::vector<std::unique_ptr<Mplug2>> models;
    std::vector<CaptionBenchmarkParams> params;
    for (const Precision precision : precisions) {
        CaptionBenchmarkParams q = p;
        q.target.precision = precision;
        if (auto ok = checkComputeTarget(q.target); !ok)
            return ok.error();
        say(std::string("building a random ") + p.config + " model on " + q.target.device + " ("
            + precisionName(precision) + ")");
        // The same draw for every precision: the variants differ only in number format.
        torch::manual_seed(p.seed);
        StageTimer buildTimer(c10::Device(c10::kCPU));
        auto model = Mplug2::create(*config, q.target);
        if (!model)
            return model.error();
        PrecisionVariant v;
        v.precision = precision;
        v.buildMs = buildTimer.lap();
        v.weightBytes = weightBytes(**model);
        v.estimateBytes = estimateFor(*config, q);
        out.variants.push_back(v);
        models.push_back(std::move(*model));
        params.push_back(q);
    }
    for (const auto &t : models.front()->network().uniqueParameters())
        out.parameters += t.numel();
    const int64_t res = config->vision.imageRes;
    torch::manual_seed(p.seed + 1);
    const auto pixels = torch::randn({p.batch, 3, p.frames, res, res});
    const auto geometry = models.front()->network().visual_encoder->visual->geometryFor(p.frames, res, res);
    out.visualTokens = 1 + geometry.frames * geometry.gridHeight * geometry.gridWidth;
    const size_t n = models.size();
    for (size_t i = 0; i < n; ++i)
        for (int64_t w = 0; w < std::max<int64_t>(1, p.warmupRuns); ++w) {
            say(std::string("warm-up ") + precisionName(precisions[i]));
            if (auto warm = timeCaption(*models[i], pixels, params[i], true); !warm)
                return warm.error();
        }
    std::vector<std::vector<CaptionRunTimes>> times(n);
    int64_t allWeights = 0;
    for (const auto &v : out.variants)
        allWeights += v.weightBytes;
    // The last round's outputs, for each stage's error against the first variant.
    std::vector<StageOutputs> outputs(n);
    for (int64_t r = 0; r < runs; ++r) {
        say("round " + std::to_string(r + 1) + " of " + std::to_string(runs));
        for (size_t j = 0; j < n; ++j) {
            const size_t i = r % 2 ? n - 1 - j : j;
            auto t = timeCaption(*models[i], pixels, params[i], true, r + 1 == runs ? &outputs[i] : nullptr);
            if (!t)
                return t.error();
            times[i].push_back(*t);
            if (t->peakBytes >= 0) {
                int64_t kept = 0; // the other variants' outputs kept from this round
                for (size_t o = 0; o < n; ++o)
                    kept += o == i ? 0 : outputs[o].bytesOn(torchDevice(params[i].target));
                const int64_t own = t->peakBytes - (allWeights - out.variants[i].weightBytes) - kept;
                out.variants[i].peakBytes = std::max(out.variants[i].peakBytes, own);
            }
        }
    }
    for (size_t i = 0; i < n; ++i)
        out.variants[i].median = medianOf(times[i]);
    say("comparing each stage's output with " + std::string(precisionName(precisions.front())));
    try {
        const StageOutputs &reference = outputs.front();
        if (!reference.topBeam.empty()) {
            const at::Tensor referenceLogProbs
                = teacherForcedLogProbs(*models.front(), reference.states, reference.topBeam);
            for (size_t i = 1; i < n; ++i) {
                const StageOutputs &ours = outputs[i];
                PrecisionVariant::StageErrors &e = out.variants[i].errors;
                e.visual = relativeError(ours.visual, reference.visual);
                e.universal = relativeError(ours.universal, reference.universal);
                e.logProbs
                    = (teacherForcedLogProbs(*models[i], ours.states, reference.topBeam) - referenceLogProbs)
                          .abs()
                          .max()
                          .item<double>();
                e.sameTopBeam = ours.topBeam == reference.topBeam;
            }
        }
    } catch (const std::exception &e) {
        return makeError(ErrorCode::Internal, "comparing the stages failed: " + exceptionText(e));
    }
    return out;
}

} // namespace mplug2::model
