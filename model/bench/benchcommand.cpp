#include "model/bench/benchcommand.h"

#include "base/json/json.h"
#include "model/bench/busycore.h"
#include "model/bench/captionbenchmark.h"
#include "model/bench/commandline.h"
#include "model/modules/bf16kernels.h"
#include "model/modules/rowlinear.h"

#include <cstdio>
#include <iostream>
#include <optional>
#include <sstream>

namespace mplug2::model {

namespace {

json::Json runJson(const CaptionRunTimes &t)
{
    json::Json o = json::Json::object();
    o["visual_ms"] = t.visualMs;
    o["universal_ms"] = t.universalMs;
    o["decode_ms"] = t.decodeMs;
    o["total_ms"] = t.totalMs;
    o["visual_cpu_ms"] = t.visualCpuMs;
    o["universal_cpu_ms"] = t.universalCpuMs;
    o["decode_cpu_ms"] = t.decodeCpuMs;
    o["total_cpu_ms"] = t.totalCpuMs;
    o["steps"] = t.steps;
    o["tokens_per_s"] = t.tokensPerSecond;
    o["peak_bytes"] = t.peakBytes;
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

std::string padded(const std::string &text, size_t width)
{
    return std::string(text.size() < width ? width - text.size() : 0, ' ') + text;
}

void printTable(const CaptionBenchmarkReport &r)
{
    const auto &p = r.params;
    std::cout << "mplug2-bench bench: " << p.config << ", " << r.parameters / 1000000 << "M parameters, "
              << p.frames << " frames x batch " << p.batch << " (" << r.visualTokens
              << " visual tokens), beam " << p.beam << ", " << r.cached.steps << " steps, " << p.target.device
              << ' ' << precisionName(p.target.precision) << ", " << r.threads << " threads\n";
    const bool baseline = r.official.steps > 0;
    std::cout << "stage        cache wall ms   cpu ms";
    if (baseline)
        std::cout << "   no-cache wall ms   cpu ms   ratio wall   ratio cpu";
    std::cout << '\n';
    const auto row = [&](const char *name, double wall, double cpu, double offWall, double offCpu) {
        std::string line = name;
        line.resize(12, ' ');
        line += padded(cell(wall), 14) + padded(cell(cpu), 9);
        if (baseline)
            line += padded(cell(offWall), 19) + padded(cell(offCpu), 9)
                + padded(cell(ratio(offWall, wall), "%.1fx"), 13)
                + padded(cell(ratio(offCpu, cpu), "%.1fx"), 12);
        std::cout << line << '\n';
    };
    const CaptionRunTimes &c = r.cached, &o = r.official;
    row("visual", c.visualMs, c.visualCpuMs, o.visualMs, o.visualCpuMs);
    row("universal", c.universalMs, c.universalCpuMs, o.universalMs, o.universalCpuMs);
    row("decode", c.decodeMs, c.decodeCpuMs, o.decodeMs, o.decodeCpuMs);
    row("total", c.totalMs, c.totalCpuMs, o.totalMs, o.totalCpuMs);
    std::cout << "tokens/s    " << padded(cell(c.tokensPerSecond, "%.2f"), 14);
    if (baseline)
        std::cout << std::string(9, ' ') << padded(cell(o.tokensPerSecond, "%.2f"), 19);
    std::cout << "\npeak MiB    " << padded(cell(c.peakBytes / 1048576.0, "%.0f"), 14);
    if (baseline)
        std::cout << std::string(9, ' ') << padded(cell(o.peakBytes / 1048576.0, "%.0f"), 19);
    std::cout << "\nestimated   " << padded(cell(r.estimateBytes / 1048576.0, "%.0f"), 14)
              << "  (model/memoryestimate.h)";
    std::cout << "\nquestion + fusion (QA only): " << cell(r.textFusionMs) << " ms; model built in "
              << cell(r.buildMs) << " ms"
              << (r.configInferred ? "; its config inferred back from the shapes" : "") << '\n';
}

// What every --json report of the bench starts with: the model and run shape
// (`precision` only for a single-precision run).
json::Json shapeJson(const CaptionBenchmarkParams &p, int64_t parameters, const char *precision, int threads,
    int64_t visualTokens)
{
    json::Json o = json::Json::object();
    o["config"] = p.config;
    o["parameters"] = parameters;
    o["device"] = p.target.device;
    if (precision)
        o["precision"] = precision;
    o["threads"] = threads;
    o["frames"] = p.frames;
    o["batch"] = p.batch;
    o["beam"] = p.beam;
    o["visual_tokens"] = visualTokens;
    return o;
}

void printComparison(const PrecisionComparison &c, bool busy)
{
    const auto &p = c.params;
    std::cout << "mplug2-bench bench: " << p.config << ", " << c.parameters / 1000000 << "M parameters, "
              << p.frames << " frames x batch " << p.batch << " (" << c.visualTokens
              << " visual tokens), beam " << p.beam << ", " << c.variants.front().median.steps << " steps, "
              << p.target.device << ", " << c.threads << " threads" << (busy ? ", one core kept busy" : "")
              << "; medians of " << c.runs << " alternating runs\n";
    std::string header = "stage      ";
    for (const auto &v : c.variants)
        header += padded(std::string(precisionName(v.precision)) + " ms", 11) + padded("cpu ms", 9);
    if (c.variants.size() == 2)
        header += padded("ratio", 9);
    std::cout << header << '\n';
    const auto row = [&](const char *name, double CaptionRunTimes::*wall, double CaptionRunTimes::*cpu) {
        std::string line = name;
        line.resize(11, ' ');
        for (const auto &v : c.variants)
            line += padded(cell(v.median.*wall), 11) + padded(cell(v.median.*cpu), 9);
        if (c.variants.size() == 2)
            line += padded(cell(ratio(c.variants[0].median.*wall, c.variants[1].median.*wall), "%.2fx"), 9);
        std::cout << line << '\n';
    };
    row("visual", &CaptionRunTimes::visualMs, &CaptionRunTimes::visualCpuMs);
    row("universal", &CaptionRunTimes::universalMs, &CaptionRunTimes::universalCpuMs);
    row("decode", &CaptionRunTimes::decodeMs, &CaptionRunTimes::decodeCpuMs);
    row("total", &CaptionRunTimes::totalMs, &CaptionRunTimes::totalCpuMs);
    std::string peak = "peak MiB   ", estimate = "estimated  ", weights = "weights MiB",
                build = "built in ms";
    for (const auto &v : c.variants) {
        peak += padded(cell(v.peakBytes / 1048576.0, "%.0f"), 11) + std::string(9, ' ');
        estimate += padded(cell(v.estimateBytes / 1048576.0, "%.0f"), 11) + std::string(9, ' ');
        weights += padded(cell(v.weightBytes / 1048576.0, "%.0f"), 11) + std::string(9, ' ');
        build += padded(cell(v.buildMs, "%.0f"), 11) + std::string(9, ' ');
    }
    std::cout << peak << '\n' << estimate << '\n' << weights << '\n' << build << '\n';
    if (c.variants.size() < 2)
        return;
    // Each stage's output against the first variant's, same weights and pixels.
    std::cout
        << "error against " << precisionName(c.variants.front().precision)
        << " (visual, universal: max|diff|/max|ref|; log-probs: max|diff| teacher-forced on its top beam)\n";
    for (size_t i = 1; i < c.variants.size(); ++i) {
        const auto &e = c.variants[i].errors;
        std::cout << "  " << precisionName(c.variants[i].precision) << ": visual " << cell(e.visual, "%.2e")
                  << ", universal " << cell(e.universal, "%.2e") << ", log-probs " << cell(e.logProbs, "%.2e")
                  << ", top beam " << (e.sameTopBeam ? "the same" : "different") << '\n';
    }
}

int runComparison(const CaptionBenchmarkParams &p, const std::vector<Precision> &precisions, int64_t runs,
    bool asJson, bool busy)
{
    auto c = comparePrecisions(
        p, precisions, runs, [](const std::string &line) { std::cerr << "bench: " << line << '\n'; });
    if (!c) {
        std::cerr << "mplug2-bench bench: " << c.error().message << '\n';
        return 1;
    }
    if (!asJson) {
        printComparison(*c, busy);
        return 0;
    }
    json::Json o = shapeJson(p, c->parameters, nullptr, c->threads, c->visualTokens);
    o["runs"] = c->runs;
    o["busy_core"] = busy;
    json::Json variants = json::Json::array();
    for (const auto &v : c->variants) {
        json::Json j = runJson(v.median);
        j["precision"] = precisionName(v.precision);
        j["peak_bytes"] = v.peakBytes;
        j["weight_bytes"] = v.weightBytes;
        j["estimate_bytes"] = v.estimateBytes;
        j["build_ms"] = v.buildMs;
        json::Json errors = json::Json::object();
        errors["visual"] = v.errors.visual;
        errors["universal"] = v.errors.universal;
        errors["log_probs"] = v.errors.logProbs;
        errors["same_top_beam"] = v.errors.sameTopBeam;
        j["errors"] = errors;
        variants.push_back(j);
    }
    o["variants"] = variants;
    std::cout << json::dump(o) << '\n';
    return 0;
}

} // namespace

int runBenchCommand(int argc, char **argv)
{
    CommandLine cl(argc, argv, 2);
    for (const char *name : {"config", "frames", "beam", "max-len", "steps", "batch", "device", "precision",
             "warmup", "seed", "write-checkpoint", "runs"})
        cl.declareValue(name);
    for (const char *name : {"json", "no-baseline", "blas-linear", "aten-bf16", "avx2", "busy-core", "help"})
        cl.declareFlag(name);
    if (const auto err = cl.parse(); !err.empty()) {
        std::cerr << "mplug2-bench bench: " << err << '\n';
        return 2;
    }
    if (cl.has("help")) {
        std::cout
            << "Usage: mplug2-bench bench --config tiny|base|large [--frames 16] [--beam 5] [--max-len 20]\n"
               "       [--steps N] [--batch 1] [--device cpu|cuda] [--precision fp32|fp16|bf16[,...]]\n"
               "       [--runs 3] [--warmup N] [--no-baseline] [--blas-linear] [--aten-bf16] [--avx2]\n"
               "       [--busy-core] [--json]\n"
               "Captions random frames with a random-weight model of the official shapes; --steps forces\n"
               "that many decoding steps. Prints per-stage times with the decoder cache and, side by side,\n"
               "the official way (no cache), with their ratio. --blas-linear sends the decoding steps'\n"
               "few-row products to BLAS instead of the row kernel (modules/rowlinear.h); --avx2 runs\n"
               "that kernel's AVX2 set on a CPU that also has AVX-512. --aten-bf16 leaves a bf16 model's\n"
               "LayerNorm, QuickGELU and softmax to ATen instead of the fused kernels "
               "(modules/bf16kernels.h).\n"
               "With several precisions (--precision fp32,bf16) it compares them instead: one model each,\n"
               "each warmed up, --runs rounds in alternating order, medians per stage and each one's peak.\n"
               "--busy-core keeps one core busy from a second process while it runs, as a desktop does.\n"
               "MPLUG2_CPU_BF16=emulated runs bf16 as on a CPU without AVX512_BF16.\n"
               "       mplug2-bench bench --config base --write-checkpoint FILE [--seed N]\n"
               "Writes that random model as the official code saves one ({'model': fp32 state dict})\n"
               "instead, to time `mplug2 caption --checkpoint FILE` from start to answer.\n";
        return 0;
    }
    if (cl.has("write-checkpoint")) {
        bool seedOk = true;
        const auto seed = static_cast<uint64_t>(cl.intValue("seed", 0, &seedOk));
        const std::string path = cl.value("write-checkpoint", "");
        auto bytes = seedOk
            ? writeRandomModelCheckpoint(cl.value("config", "base"), seed, path)
            : Expected<std::uint64_t>(makeError(ErrorCode::InvalidArgument, "--seed wants a number"));
        if (!bytes) {
            std::cerr << "mplug2-bench bench: " << bytes.error().message << '\n';
            return 1;
        }
        std::cout << path << ": " << *bytes << " bytes of fp32 weights\n";
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
    p.warmupRuns = cl.intValue("warmup", 1, &ok);
    const int64_t runs = cl.intValue("runs", 3, &ok);
    p.baseline = !cl.has("no-baseline");
    setRowLinearEnabled(!cl.has("blas-linear"));
    setBf16KernelsEnabled(!cl.has("aten-bf16"));
    if (cl.has("avx2") && limitRowKernelWidth(8) != 8) {
        std::cerr << "mplug2-bench bench: this CPU does not run the AVX2 kernels (AVX2 with FMA)\n";
        return 2;
    }
    std::vector<Precision> precisions;
    {
        std::stringstream list(cl.value("precision", "fp32"));
        for (std::string name; std::getline(list, name, ',');) {
            const auto precision = parsePrecision(name);
            if (!precision) {
                ok = false;
                break;
            }
            precisions.push_back(*precision);
        }
    }
    if (!ok || precisions.empty()) {
        std::cerr << "mplug2-bench bench: numbers expected for the sizes, fp32|fp16|bf16 (or a list "
                     "fp32,bf16) for --precision\n";
        return 2;
    }
    p.target.precision = precisions.front();
    std::optional<BusyCore> busy;
    if (cl.has("busy-core")) {
        busy.emplace();
        if (!busy->running()) {
            std::cerr << "mplug2-bench bench: could not start the process that keeps a core busy\n";
            return 1;
        }
    }
    if (precisions.size() > 1)
        return runComparison(p, precisions, runs, cl.has("json"), busy.has_value());
    if (auto checked = checkComputeTarget(p.target); !checked) {
        std::cerr << "mplug2-bench bench: " << checked.error().message << '\n';
        return 2;
    }
    const bool json = cl.has("json");
    auto report
        = runCaptionBenchmark(p, [](const std::string &line) { std::cerr << "bench: " << line << '\n'; });
    if (!report) {
        std::cerr << "mplug2-bench bench: " << report.error().message << '\n';
        return 1;
    }
    if (!json) {
        printTable(*report);
        return 0;
    }
    json::Json o = shapeJson(
        p, report->parameters, precisionName(p.target.precision), report->threads, report->visualTokens);
    o["build_ms"] = report->buildMs;
    o["config_inferred_from_shapes"] = report->configInferred;
    o["text_fusion_ms"] = report->textFusionMs;
    o["cache"] = runJson(report->cached);
    o["cache"]["estimate_bytes"] = report->estimateBytes; // beside its peak_bytes
    if (report->official.steps > 0) {
        o["no_cache"] = runJson(report->official);
        json::Json r = json::Json::object();
        r["decode"] = ratio(report->official.decodeMs, report->cached.decodeMs);
        r["total"] = ratio(report->official.totalMs, report->cached.totalMs);
        r["decode_cpu"] = ratio(report->official.decodeCpuMs, report->cached.decodeCpuMs);
        r["total_cpu"] = ratio(report->official.totalCpuMs, report->cached.totalCpuMs);
        o["no_cache_over_cache"] = r;
    }
    std::cout << json::dump(o) << '\n';
    return 0;
}

} // namespace mplug2::model
