#include "model/bench/benchcommand.h"

#include "model/bench/captionbenchmark.h"
#include "model/bench/commandline.h"
#include "model/json/jsonvalue.h"

#include <cstdio>
#include <iostream>

namespace mplug2::model {

namespace {

JsonValue runJson(const CaptionRunTimes &t)
{
    JsonValue o = JsonValue::object();
    o.set("visual_ms", t.visualMs);
    o.set("universal_ms", t.universalMs);
    o.set("decode_ms", t.decodeMs);
    o.set("total_ms", t.totalMs);
    o.set("steps", t.steps);
    o.set("tokens_per_s", t.tokensPerSecond);
    o.set("peak_bytes", t.peakBytes);
    return o;
}

double ratio(double official, double ours)
{
    return ours > 0.0 ? official / ours : 0.0;
}

std::string cell(double v, const char *format = "%.1f")
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, format, v);
    return buffer;
}

void printTable(const CaptionBenchmarkReport &r)
{
    const auto &p = r.params;
    std::cout << "mplug2-bench bench: " << p.config << ", " << r.parameters / 1000000 << "M parameters, "
              << p.frames << " frames x batch " << p.batch << " (" << r.visualTokens << " visual tokens), beam "
              << p.beam << ", " << r.cached.steps << " steps, " << p.target.device << ' '
              << precisionName(p.target.precision) << ", " << r.threads << " threads\n";
    const bool baseline = r.official.steps > 0;
    std::cout << "stage              cache (ms)" << (baseline ? "   no cache (ms)   ratio" : "") << '\n';
    const auto row = [&](const char *name, double ours, double official) {
        std::string line = name;
        line.resize(19, ' ');
        std::string value = cell(ours);
        line += std::string(value.size() < 10 ? 10 - value.size() : 0, ' ') + value;
        if (baseline) {
            const std::string off = cell(official);
            line += std::string(off.size() < 17 ? 17 - off.size() : 0, ' ') + off;
            const std::string x = cell(ratio(official, ours), "%.1fx");
            line += std::string(x.size() < 8 ? 8 - x.size() : 0, ' ') + x;
        }
        std::cout << line << '\n';
    };
    row("visual", r.cached.visualMs, r.official.visualMs);
    row("universal", r.cached.universalMs, r.official.universalMs);
    row("decode", r.cached.decodeMs, r.official.decodeMs);
    row("total", r.cached.totalMs, r.official.totalMs);
    std::cout << "tokens/s           " << cell(r.cached.tokensPerSecond, "%10.1f");
    if (baseline)
        std::cout << cell(r.official.tokensPerSecond, "%17.2f");
    std::cout << "\npeak memory (MiB)  " << cell(r.cached.peakBytes / 1048576.0, "%10.0f");
    if (baseline)
        std::cout << cell(r.official.peakBytes / 1048576.0, "%17.0f");
    std::cout << "\nquestion + fusion (QA only): " << cell(r.textFusionMs) << " ms; model built in "
              << cell(r.buildMs) << " ms\n";
}

} // namespace

int runBenchCommand(int argc, char **argv)
{
    CommandLine cl(argc, argv, 2);
    for (const char *name : {"config", "frames", "beam", "max-len", "steps", "batch", "device", "precision", "warmup",
                             "seed"})
        cl.declareValue(name);
    for (const char *name : {"json", "no-baseline", "help"})
        cl.declareFlag(name);
    if (const auto err = cl.parse(); !err.empty()) {
        std::cerr << "mplug2-bench bench: " << err << '\n';
        return 2;
    }
    if (cl.has("help")) {
        std::cout << "Usage: mplug2-bench bench --config tiny|base|large [--frames 16] [--beam 5] [--max-len 20]\n"
                     "       [--steps N] [--batch 1] [--device cpu|cuda] [--precision fp32|fp16|bf16]\n"
                     "       [--warmup N] [--no-baseline] [--json]\n"
                     "Captions random frames with a random-weight model of the official shapes; --steps forces\n"
                     "that many decoding steps. Prints per-stage times with the decoder cache and, side by side,\n"
                     "the official way (no cache), with their ratio.\n";
        return 0;
    }
    CaptionBenchmarkParams p;
    bool ok = true;
    p.config = cl.value("config", "base");
    p.frames = cl.intValue("frames", 16, &ok);
    p.beam = cl.intValue("beam", 5, &ok);
    p.maxLength = cl.intValue("max-len", 20, &ok);
    p.steps = cl.intValue("steps", 0, &ok);
    p.batch = cl.intValue("batch", 1, &ok);
    p.seed = static_cast<uint64_t>(cl.intValue("seed", 0, &ok));
    p.target.device = cl.value("device", "cpu");
    p.warmupRuns = cl.intValue("warmup", p.target.device == "cpu" ? 0 : 1, &ok);
    p.baseline = !cl.has("no-baseline");
    const auto precision = parsePrecision(cl.value("precision", "fp32"));
    if (!ok || !precision) {
        std::cerr << "mplug2-bench bench: numbers expected for the sizes, fp32|fp16|bf16 for --precision\n";
        return 2;
    }
    p.target.precision = *precision;
    if (auto checked = checkComputeTarget(p.target); !checked) {
        std::cerr << "mplug2-bench bench: " << checked.error().message << '\n';
        return 2;
    }
    const bool json = cl.has("json");
    auto report = runCaptionBenchmark(p, [](const std::string &line) { std::cerr << "bench: " << line << '\n'; });
    if (!report) {
        std::cerr << "mplug2-bench bench: " << report.error().message << '\n';
        return 1;
    }
    if (!json) {
        printTable(*report);
        return 0;
    }
    JsonValue o = JsonValue::object();
    o.set("config", p.config);
    o.set("parameters", report->parameters);
    o.set("device", p.target.device);
    o.set("precision", precisionName(p.target.precision));
    o.set("threads", report->threads);
    o.set("frames", p.frames);
    o.set("batch", p.batch);
    o.set("beam", p.beam);
    o.set("visual_tokens", report->visualTokens);
    o.set("build_ms", report->buildMs);
    o.set("text_fusion_ms", report->textFusionMs);
    o.set("cache", runJson(report->cached));
    if (report->official.steps > 0) {
        o.set("no_cache", runJson(report->official));
        JsonValue r = JsonValue::object();
        r.set("decode", ratio(report->official.decodeMs, report->cached.decodeMs));
        r.set("total", ratio(report->official.totalMs, report->cached.totalMs));
        o.set("no_cache_over_cache", r);
    }
    std::cout << o.dump() << '\n';
    return 0;
}

} // namespace mplug2::model
